/**
 * recalc.ts against office-addin-mock: after a rules change, exactly the cells whose formula calls a
 * CHOKEPOINT function are recalculated; nothing is written; older hosts fall back to one full calculation.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  areaAddresses,
  chokepointRuns,
  recalculateAndRecord,
  recalculateChokepointFormulas,
  recalculateOnRulesChange,
  type RecalcHost,
} from "../../src/functions/recalc";
import type { ActiveRules, RulesChangeListener } from "../../src/runtime/rules-runtime";

interface SheetSpec {
  name: string;
  /** Areas of formula cells: top-left in 0-based coordinates plus the formulas; none → no formula on the sheet. */
  areas: { address: string; rowIndex: number; columnIndex: number; formulas: string[][] }[];
}

function workbookMock(sheets: SheetSpec[], options: { failOnAreas?: boolean } = {}) {
  const created: OfficeMockObject[] = [];
  const track = (mock: OfficeMockObject) => {
    created.push(mock);
    return mock;
  };
  const calculatedRanges: string[] = [];
  const handedOut: object[] = [];
  const fullCalculations: string[] = [];

  const sheetMocks = sheets.map((spec) =>
    track(
      new OfficeMockObject({
        name: spec.name,
        getRange: (address?: string) => {
          if (address === undefined) {
            return {
              getSpecialCellsOrNullObject: (type: string) => {
                expect(type).toBe("Formulas");
                const cells = track(new OfficeMockObject({ address: spec.areas.map((area) => `'${spec.name}'!${area.address}`).join(",") }));
                // Office.js sets isNullObject on sync without a load; the mock would want one, so it is plain here.
                Object.assign(cells, { isNullObject: spec.areas.length === 0 });
                return cells;
              },
            };
          }
          if (options.failOnAreas) throw new Error("The response payload size has exceeded the limit.");
          const area = spec.areas.find((a) => a.address === address);
          if (!area) throw new Error(`no such area ${address}`);
          const range = track(new OfficeMockObject({ formulas: area.formulas, rowIndex: area.rowIndex, columnIndex: area.columnIndex }));
          handedOut.push(range);
          return range;
        },
        getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) => {
          const range = { calculate: () => calculatedRanges.push(`${spec.name}:${row},${column},${rowCount}x${columnCount}`) };
          handedOut.push(range);
          return range;
        },
      }),
    ),
  );

  const context = new OfficeMockObject({
    workbook: { application: { calculate: (type: string) => fullCalculations.push(type) } },
  }) as OfficeMockObject & { workbook: Record<string, unknown>; sync(): Promise<void> };
  // office-addin-mock cannot hold objects with methods inside a collection's items, so the collection is plain.
  context.workbook.worksheets = { items: sheetMocks, load: jest.fn() };
  context.sync = async () => {
    for (const mock of created) await mock.sync();
  };

  const host = (finerApiSupported: boolean): RecalcHost => ({
    excel: {
      run: (batch) => batch(context as unknown as Excel.RequestContext),
      CalculationType: { full: "Full" },
      SpecialCellType: { formulas: "Formulas" },
    },
    finerApiSupported,
  });
  const specFormulas = sheets.flatMap((spec) => spec.areas.map((area) => area.formulas));
  const specSnapshot = JSON.stringify(specFormulas);
  /** What a batch wrote: any property set on a range it was handed, or formulas edited in place. */
  const writes = () => [
    ...handedOut.flatMap((range) =>
      range instanceof OfficeMockObject
        ? (["values", "numberFormat"].filter((key) => key in range) as string[]).concat(
            specFormulas.includes((range as unknown as { formulas: string[][] }).formulas) ? [] : ["formulas"],
          )
        : Object.keys(range).filter((key) => key !== "calculate"),
    ),
    ...(JSON.stringify(specFormulas) === specSnapshot ? [] : ["formulas edited in place"]),
  ];
  return { host, calculatedRanges, fullCalculations, writes };
}

const SUPPLIERS: SheetSpec = {
  name: "Q1, EU suppliers",
  areas: [
    {
      address: "C2:D4",
      rowIndex: 1,
      columnIndex: 2,
      formulas: [
        ["=CHOKEPOINT.SCORE(A2,B2)", "=SUM(C2:C4)"],
        ["=CHOKEPOINT.SCORE(A3,B3)", "=C3*2"],
        ["=CHOKEPOINT.SCORE(A4,B4)", "=IFERROR(chokepoint.match(A4),\"\")"],
      ],
    },
    { address: "H10", rowIndex: 9, columnIndex: 7, formulas: [["=NOW()"]] },
  ],
};
const SUMMARY: SheetSpec = { name: "Summary", areas: [] };

test("recalculates exactly the ranges of CHOKEPOINT formulas, sheet by sheet, writing nothing", async () => {
  const { host, calculatedRanges, fullCalculations, writes } = workbookMock([SUPPLIERS, SUMMARY]);
  await expect(recalculateChokepointFormulas(host(true))).resolves.toEqual({ kind: "formulas", ranges: 2 });
  expect(calculatedRanges).toEqual(["Q1, EU suppliers:1,2,3x1", "Q1, EU suppliers:3,3,1x1"]);
  expect(fullCalculations).toEqual([]);
  expect(writes()).toEqual([]);
});

test("without ExcelApi 1.9 the workbook is calculated once, fully", async () => {
  const { host, calculatedRanges, fullCalculations } = workbookMock([SUPPLIERS]);
  await expect(recalculateChokepointFormulas(host(false))).resolves.toEqual({ kind: "workbook" });
  expect(fullCalculations).toEqual(["Full"]);
  expect(calculatedRanges).toEqual([]);
});

test("when the finer API fails the workbook is calculated fully instead", async () => {
  const { host, fullCalculations } = workbookMock([SUPPLIERS], { failOnAreas: true });
  await expect(recalculateChokepointFormulas(host(true))).resolves.toEqual({ kind: "workbook" });
  expect(fullCalculations).toEqual(["Full"]);
});

test("outside Excel nothing happens", async () => {
  await expect(recalculateChokepointFormulas()).resolves.toEqual({ kind: "skipped" });
});

test("chokepointRuns finds vertical runs; areaAddresses strips quoted sheet names", () => {
  expect(chokepointRuns([["=CHOKEPOINT.SCORE(A1)"], ["=1"], ["=chokepoint.explain(A3)"], ["=CHOKEPOINT.EXPLAIN(A4)"]], 10, 3)).toEqual([
    { row: 10, column: 3, rowCount: 1 },
    { row: 12, column: 3, rowCount: 2 },
  ]);
  expect(chokepointRuns([["=MYCHOKEPOINT.X()", 5]], 0, 0)).toEqual([]);
  expect(areaAddresses("'Q1, EU'!A1:A3,'Q1, EU'!C5,Sheet2!D1")).toEqual(["A1:A3", "C5", "D1"]);
});

describe("recalculateOnRulesChange", () => {
  function fakeRuntime() {
    const listeners = new Set<RulesChangeListener>();
    return {
      onChange: (listener: RulesChangeListener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      change: () => listeners.forEach((listener) => listener({} as ActiveRules)),
      listenerCount: () => listeners.size,
      recordRecalculation: () => undefined,
    };
  }

  test("recalculates only when the rules change, and stops when unsubscribed", async () => {
    const runtime = fakeRuntime();
    const recalculate = jest.fn().mockResolvedValue(undefined);
    const stop = recalculateOnRulesChange(runtime, recalculate);
    await Promise.resolve();
    expect(recalculate).not.toHaveBeenCalled();
    runtime.change();
    await new Promise((resolve) => setImmediate(resolve));
    expect(recalculate).toHaveBeenCalledTimes(1);
    stop();
    expect(runtime.listenerCount()).toBe(0);
  });

  test("a failed recalculation is reported to the runtime with its cause, and the next success clears it", async () => {
    const runtime = fakeRuntime();
    const reports: unknown[] = [];
    const reporting = { ...runtime, recordRecalculation: (report: unknown) => reports.push(report) };
    const recalculate = jest
      .fn()
      .mockRejectedValueOnce(new Error("The response payload size has exceeded the limit."))
      .mockResolvedValueOnce({ kind: "workbook" });
    recalculateOnRulesChange(reporting, recalculate);
    runtime.change();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports).toEqual([{ ok: false, cause: "The response payload size has exceeded the limit." }]);
    runtime.change();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports).toEqual([{ ok: false, cause: "The response payload size has exceeded the limit." }, { ok: true }]);
  });

  test("Recalculate now runs the same recalculation and reports it the same way", async () => {
    const reports: unknown[] = [];
    const outcome = await recalculateAndRecord({ recordRecalculation: (report) => reports.push(report) }, () => Promise.reject("host gone"));
    expect(outcome).toEqual({ ok: false, cause: "host gone" });
    expect(reports).toEqual([{ ok: false, cause: "host gone" }]);
  });

  test("changes arriving during a recalculation are folded into one more run", async () => {
    const runtime = fakeRuntime();
    let finish: () => void = () => undefined;
    const recalculate = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    recalculateOnRulesChange(runtime, recalculate);
    runtime.change();
    runtime.change();
    runtime.change();
    expect(recalculate).toHaveBeenCalledTimes(1);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(recalculate).toHaveBeenCalledTimes(2);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(recalculate).toHaveBeenCalledTimes(2);
  });
});
