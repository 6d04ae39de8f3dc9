/**
 * Whatever a caller hands over as a row or a cell, scoring answers with a result for that row — never a throw —
 * and one row's result cannot be changed through another's.
 */
import { scoreRow, scoreRows, type RowInput } from "../../src/engine";
import { bundledRules } from "./support-bundled";

const rules = bundledRules();
const OPTIONS = { asOf: "2026-11-27" };

const errorOf = (row: RowInput) => {
  const result = scoreRow(row, rules, OPTIONS);
  return result.ok ? null : result.error;
};

test("cells that are objects but no Excel value, or that throw when read, are #VALUE! for their field", () => {
  const throwing = Object.defineProperty({}, "code", {
    get() {
      throw new Error("boom");
    },
  });
  const unprintable = { toString: () => { throw new Error("no text"); }, valueOf: () => { throw new Error("no value"); } };
  const cells: unknown[] = [throwing, Object.create(null), [1, 2], { a: 1 }, unprintable, { type: "Entity" }];
  for (const cell of cells) {
    expect(errorOf({ commodity: cell as never })).toEqual({ code: "excel_error_input", field: "commodity", received: "#VALUE!" });
    expect(errorOf({ commodity: "gallium", siteCountry: cell as never })).toEqual({ code: "excel_error_input", field: "site_country", received: "#VALUE!" });
  }
});

test("a hole or a null among the rows is a row with no commodity, and the other rows are scored", () => {
  // eslint-disable-next-line no-sparse-arrays
  const rows = [{ commodity: "gallium" }, null, , { commodity: "germanium" }] as unknown as RowInput[];
  const results = scoreRows(rows, rules, OPTIONS);
  expect(results.map((result) => (result.ok ? "scored" : result.error.code))).toEqual(["scored", "commodity_missing", "commodity_missing", "scored"]);
});

test("a country cell longer than any country's name is unknown, quoted short", () => {
  const error = errorOf({ commodity: "gallium", supplierCountry: "China ".repeat(100_000) });
  expect(error?.code).toBe("country_unknown");
  expect(String(error?.received).length).toBeLessThan(200);
});

test("rows that share a plan cannot change each other's hits; a row's own parts can be replaced", () => {
  const [first, second] = scoreRows([{ commodity: "gallium", supplierCountry: "Japan" }, { commodity: "gallium", supplierCountry: "Japan" }], rules, OPTIONS);
  if (!first.ok || !second.ok) throw new Error("expected both rows scored");
  expect(first.hits.length).toBeGreaterThan(0);
  const grade = first.hits[0].grade;
  expect(() => {
    (grade as { outcome: string }).outcome = "changed";
  }).toThrow(TypeError);
  expect(second.hits[0].grade.outcome).not.toBe("changed");
  first.explanation = "reviewed by hand";
  first.warnings = [];
  expect(first.explanation).toBe("reviewed by hand");
  expect(first.warnings).toEqual([]);
  expect(second.explanation).not.toBe("reviewed by hand");
});

test("a row whose commodity reads differently each time is scored on the text it gives when scored, not on the one the first pass read", () => {
  // The first batch is read ahead of scoring (score.ts, readCommodities): a getter may answer differently the second time.
  let reads = 0;
  const shifting = Object.defineProperty({}, "commodity", { get: () => (reads++ === 0 ? "gallium" : "office chairs"), enumerable: true }) as RowInput;
  const [result] = scoreRows([shifting], bundledRules(), OPTIONS);
  expect(reads).toBeGreaterThan(1);
  expect(result.ok && result.match.itemId).toBeNull();
  expect(result.ok && result.score).toBe(0);
});
