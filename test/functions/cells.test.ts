import { lineUp, singleCell, spill } from "../../src/functions/cells";
import { todayIso } from "../../src/engine/dates";

describe("lineUp", () => {
  test("single cells broadcast along the ranges; the result follows a column", () => {
    const result = lineUp([
      ["a", [["x"], ["y"], ["z"]]],
      ["b", [["one"]]],
      ["c", null],
    ]);
    if (!result.ok) throw new Error(result.problem.code);
    const { length, orientation, cell } = result.lined;
    expect([length, orientation]).toEqual([3, "column"]);
    expect([0, 1, 2].map((row) => [cell("a", row), cell("b", row), cell("c", row)])).toEqual([
      ["x", "one", null],
      ["y", "one", null],
      ["z", "one", null],
    ]);
  });

  test("rows lay out along a row; a column and a row of the same length are lined up as a column", () => {
    const rows = lineUp([["a", [["x", "y"]]]]);
    const mixed = lineUp([
      ["a", [["x", "y"]]],
      ["b", [["p"], ["q"]]],
    ]);
    expect(rows.ok && rows.lined.orientation).toBe("row");
    expect(mixed.ok && mixed.lined.orientation).toBe("column");
  });

  test("different lengths and 2-D blocks are shape problems naming the arguments", () => {
    expect(lineUp([["a", [["x"], ["y"]]], ["b", [["p"], ["q"], ["r"]]]])).toEqual({
      ok: false,
      problem: { code: "ranges_differ_in_length", parameters: [{ name: "a", length: 2 }, { name: "b", length: 3 }] },
    });
    expect(lineUp([["a", [["x", "y"], ["z", "w"]]]])).toEqual({
      ok: false,
      problem: { code: "range_not_one_column", parameter: "a", rows: 2, columns: 2 },
    });
  });

  test("trailing rows blank in every range are dropped; inner blank rows are marked", () => {
    const result = lineUp([
      ["a", [["x"], [""], ["y"], [null], [0]]],
      ["b", [["US"]]],
    ]);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.lined.length).toBe(3);
    expect([0, 1, 2].map(result.lined.isBlankRow)).toEqual([false, true, false]);
  });
});

test("singleCell refuses a range", () => {
  expect(singleCell("commodity", [["x"]])).toEqual({ ok: true, value: "x" });
  expect(singleCell("commodity", [["x"], ["y"]])).toEqual({
    ok: false,
    problem: { code: "single_cell_expected", parameter: "commodity", rows: 2, columns: 1 },
  });
});

test("spill lays values out as a column or a row", () => {
  expect(spill([1, 2], "column")).toEqual([[1], [2]]);
  expect(spill([1, 2], "row")).toEqual([[1, 2]]);
});

test("todayIso is the local calendar date", () => {
  expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
});

test("a whole-column reference (1,048,576 rows) lines up without spreading the column into one call", () => {
  const column = Array.from({ length: 1_048_576 }, (_, i) => [i < 3 ? `row ${i}` : null]);
  const lined = lineUp([
    ["commodity", column],
    ["supplierCountry", [["Japan"]]],
  ]);
  expect(lined.ok).toBe(true);
  if (!lined.ok) return;
  expect(lined.lined.length).toBe(3);
  expect(lined.lined.cell("commodity", 2)).toBe("row 2");
  expect(lined.lined.cell("supplierCountry", 2)).toBe("Japan");
});
