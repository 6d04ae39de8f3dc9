/**
 * "What changed" and "Coming up" written to a report sheet over the office-addin-mock workbook: always a
 * new sheet, never the user's, text kept as text (a title from a rules file that looks like a formula stays
 * text), each table under its heading.
 */
import type { RulesDiff } from "../../src/engine";
import { buildChangesReport, buildUpcomingReport } from "../../taskpane/change-report-content";
import { writeSheetReport } from "../../taskpane/excel/sheet-report";
import { MockWorkbook, type Cell } from "./mock-workbook";

const USER_CELLS: Cell[][] = [["Supplier", "Commodity"], ["Alpha", "gallium"]];

function workbookWith(sheetNames: string[]): MockWorkbook {
  return new MockWorkbook({
    sheets: sheetNames.map((name) => ({ name, cells: USER_CELLS.map((row) => [...row]) })),
    selection: { sheet: sheetNames[0], row: 0, column: 0 },
  });
}

const DIFF: RulesDiff = {
  rules: {
    old: { version: "2026.01.15-1", publishedAt: "2026-01-15", reviewedAt: "2026-01-15" },
    new: { version: "2026.11.26-1", publishedAt: "2026-11-26", reviewedAt: "2026-11-26" },
  },
  edition: [],
  controls: {
    added: [],
    removed: [],
    changed: [{ id: "CN-GA", name: '=HYPERLINK("http://evil")', fields: [{ field: "severity", before: "0.7", after: "0.8" }] }],
  },
  items: { added: [{ id: "indium", name: "Indium" }], removed: [], changed: [] },
  sections: [],
  ownerChanges: { entries: [], notListed: { controls: ["CN-GA"], items: ["indium"] }, listedUnchanged: { controls: [], items: [] }, agree: false },
};

const pause = async () => undefined;

test("What changed goes to a new sheet, named afresh each time, and the user's sheets are untouched", async () => {
  const workbook = workbookWith(["Suppliers", "Chokepoint changes"]);
  const first = await writeSheetReport(workbook.context, buildChangesReport(DIFF, null, { tableLabel: null }), { pause });
  const second = await writeSheetReport(workbook.context, buildChangesReport(DIFF, null, { tableLabel: null }), { pause });
  expect([first.sheetName, second.sheetName]).toEqual(["Chokepoint changes (2)", "Chokepoint changes (3)"]);
  expect([...new Set(workbook.writes.map((w) => w.sheet))].sort()).toEqual(["Chokepoint changes (2)", "Chokepoint changes (3)"]);
  expect(workbook.sheet("Suppliers").cells).toEqual(USER_CELLS);
  expect(workbook.sheet("Chokepoint changes").cells).toEqual(USER_CELLS);
  expect(workbook.activated).toEqual(["Chokepoint changes (2)", "Chokepoint changes (3)"]);
});

test("each table sits under its heading, formula-like text stays text, and an empty table says (none)", async () => {
  const workbook = workbookWith(["Suppliers"]);
  await writeSheetReport(workbook.context, buildChangesReport(DIFF, null, { tableLabel: null }), { pause });
  const cells = workbook.sheet("Chokepoint changes").cells;
  expect(cells[0][0]).toBe("What changed in the rules");
  const row = (first: Cell) => cells.findIndex((line) => line?.[0] === first);
  expect(cells[row("Old rules")][1]).toBe("2026.01.15-1 (published 2026-01-15)");
  expect(cells[row("Changed but not in the owner's list")][1]).toBe("CN-GA, indium");
  const controls = row("Controls");
  expect(cells.slice(controls, controls + 3).map((line) => line.slice(0, 6))).toEqual([
    ["Controls"],
    ["Control", "Title", "Change", "Field", "Before", "After"],
    ["CN-GA", '=HYPERLINK("http://evil")', "changed", "severity", "0.7", "0.8"],
  ]);
  const valueWrites = workbook.writes.filter((w) => w.property === "values").map((w) => w.value as unknown[][]);
  expect(valueWrites.some((values) => values[0]?.[1] === '\'=HYPERLINK("http://evil")')).toBe(true);
  const owner = row("The rule owner's list of changes");
  expect(cells[owner + 2][0]).toBe("(none)");
  expect(workbook.tablesAdded).toHaveLength(3);
});

test("Coming up lists every transition with whether it is confirmed", async () => {
  const workbook = workbookWith(["Suppliers"]);
  const horizon = {
    from: "2026-09-01",
    to: "2026-11-30",
    transitions: [
      {
        date: "2026-11-28",
        controlId: "CN-US",
        title: "US ban",
        category: "minerals" as const,
        citation: null,
        fromStatus: "suspended" as const,
        toStatus: "in_force" as const,
        kind: "suspension_ends" as const,
        unconfirmed: false,
        assumed: true,
        note: null,
        sourceUrl: "https://example.com/us",
      },
    ],
  };
  const written = await writeSheetReport(workbook.context, buildUpcomingReport(horizon, null, { tableLabel: null, rulesVersion: "2026.01.15-1 (bundled)" }), { pause });
  expect(written.sheetName).toBe("Chokepoint coming up");
  const cells = workbook.sheet("Chokepoint coming up").cells;
  const header = cells.findIndex((line) => line?.[0] === "Date");
  expect(cells[header + 1]).toEqual(["2026-11-28", "CN-US", "US ban", "suspended", "in force", "assumed (review needed)", "", "https://example.com/us"]);
  expect(cells.find((line) => line?.[0] === "From")?.[1]).toBe("2026-09-01");
});
