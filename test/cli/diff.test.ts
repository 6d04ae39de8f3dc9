/**
 * `chokepoint diff` over a hand-made pair of editions (test/cli/fixtures/impact/: the new one raises CN-GA's
 * severity from 0.7 to 0.8 and drops germanium) and a four-row supplier list. The scores are worked out by
 * hand as in test/engine/impact.test.ts; the tests check the JSON contract of docs/cli.md, the CSV and
 * table forms, and the exit codes.
 */
import { join } from "node:path";
import Papa from "papaparse";
import { FIXTURES, runCli } from "./helpers";

const CASE = join(FIXTURES, "impact");
const OLD = join(CASE, "old-rules.json");
const NEW = join(CASE, "new-rules.json");
const SUPPLIERS = join(CASE, "suppliers.csv");
const AS_OF = "2026-06-01";

async function diffJson(extra: string[] = []) {
  const result = await runCli(["diff", OLD, NEW, "--as-of", AS_OF, "--format", "json", ...extra]);
  // Reading a supplier list says how it was read (encoding, separator, header row), as `score` does; nothing else.
  for (const line of result.stderr.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^chokepoint diff: note: read as /);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("the JSON report follows the contract", () => {
  it("has the documented keys in order, the edition facts and sources of both files", async () => {
    const report = await diffJson(["--suppliers", SUPPLIERS]);
    expect(Object.keys(report)).toEqual(["rules", "asOf", "edition", "controls", "items", "sections", "ownerChanges", "rows", "summary"]);
    expect(report.rules).toEqual({
      old: { version: "2026.06.01-1", publishedAt: "2026-06-01", reviewedAt: "2026-06-01", source: OLD },
      new: { version: "2026.07.01-1", publishedAt: "2026-07-01", reviewedAt: "2026-06-01", source: NEW },
    });
    expect(report.asOf).toBe(AS_OF);
    expect(Object.keys(report.controls)).toEqual(["added", "removed", "changed"]);
    expect(Object.keys(report.items)).toEqual(["added", "removed", "changed"]);
  });

  it("lists each changed control with its fields in words, and the owner's list with the disagreement flagged", async () => {
    const report = await diffJson();
    expect(report.controls.changed).toEqual([
      { id: "CN-GA", title: "Gallium export licensing", fields: [{ field: "severity", before: "0.7", after: "0.8" }] },
      { id: "CN-US", title: "Dual-use ban aimed at the United States", fields: [{ field: "covers germanium", before: "whole item", after: null }] },
    ]);
    expect(report.items).toEqual({ added: [], removed: [{ id: "germanium", name: "Germanium" }], changed: [] });
    // The file's own list names CN-GA only.
    expect(report.ownerChanges.notListed).toEqual({ controls: ["CN-US"], items: ["germanium"] });
    expect(report.ownerChanges.agree).toBe(false);
  });

  it("without a supplier list, rows and summary are null", async () => {
    const report = await diffJson();
    expect(report.rows).toBeNull();
    expect(report.summary).toBeNull();
  });

  it("with a supplier list, gives the rows that moved with their spreadsheet row numbers, scores and controls", async () => {
    const report = await diffJson(["--suppliers", SUPPLIERS]);
    // Gamma (row 4) 61.4 → 67.6; Alpha (row 2) 35 → 40; Beta (row 3) loses its item; Delta (row 5) is an error both times.
    expect(report.rows).toEqual([
      {
        row: 4,
        supplier: "Gamma",
        commodity: "gallium",
        before: 61.4,
        after: 67.6,
        delta: 6.2,
        // Severity 0.7 → 0.8 at a dependence of 0.8.
        controls: [{ id: "CN-GA", before: "in_force", after: "in_force", effectBefore: 0.56, effectAfter: 0.64 }],
        item: { before: "gallium", after: "gallium" },
        error: { before: null, after: null },
      },
      {
        row: 2,
        supplier: "Alpha",
        commodity: "gallium",
        before: 35,
        after: 40,
        delta: 5,
        controls: [{ id: "CN-GA", before: "in_force", after: "in_force", effectBefore: 0.35, effectAfter: 0.4 }],
        item: { before: "gallium", after: "gallium" },
        error: { before: null, after: null },
      },
      {
        row: 3,
        supplier: "Beta",
        commodity: "germanium",
        before: 0,
        after: 0,
        delta: 0,
        controls: [],
        item: { before: "germanium", after: null },
        error: { before: null, after: null },
      },
    ]);
    expect(report.summary).toEqual({
      file: SUPPLIERS,
      rows: 4,
      moved: 3,
      up: 2,
      down: 0,
      newErrors: 0,
      errorsCleared: 0,
      newlyUnmatched: 1,
      newlyMatched: 0,
      weighting: "spend",
      spendWeightedScore: { before: 21.9, after: 60.7, delta: 38.8 },
    });
  });
});

describe("CSV and table", () => {
  it("CSV is one table with a kind column: edition, control and item changes, the owner's list, then rows", async () => {
    const result = await runCli(["diff", OLD, NEW, "--suppliers", SUPPLIERS, "--as-of", AS_OF, "--format", "csv"]);
    expect(result.code).toBe(0);
    const [header, ...lines] = Papa.parse<string[]>(result.stdout, { skipEmptyLines: true }).data;
    expect(header).toEqual(["kind", "id", "name", "field", "before", "after", "delta", "controls"]);
    expect(lines.map((line) => line[0])).toEqual([
      "edition",
      "edition",
      "control_changed",
      "control_changed",
      "item_removed",
      "listed_change",
      "changed_not_listed",
      "changed_not_listed",
      "row",
      "row",
      "row",
    ]);
    expect(lines[8]).toEqual(["row", "4", "Gamma", "gallium", "61.4", "67.6", "6.2", "CN-GA (in force, effect 0.56 → 0.64)"]);
  });

  it("the table says what changed, flags the owner's list and lists the moved rows", async () => {
    const result = await runCli(["diff", OLD, NEW, "--suppliers", SUPPLIERS, "--as-of", AS_OF, "--format", "table"]);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toContain("Controls: 0 added, 0 removed, 2 changed");
    expect(text).toContain("      severity: 0.7 → 0.8");
    expect(text).toContain("      covers germanium: removed whole item");
    expect(text).toContain("  ! Changed but not in the list: controls CN-US; items germanium");
    expect(text).toContain("3 of 4 moved (2 up, 0 down; 1 newly unmatched)");
    expect(text).toContain("Spend-weighted score (matched rows): 21.9 → 60.7 (+38.8)");
    expect(text).toMatch(/^\s+4\s+Gamma\s+gallium\s+61\.4\s+67\.6\s+\+6\.2\s+CN-GA \(in force, effect 0\.56 → 0\.64\)$/m);
    expect(text).toMatch(/^\s+3\s+Beta\s+germanium\s+0\.0\s+0\.0\s+0\.0$/m);
  });
});

describe("unusable input is exit 2 with a message", () => {
  it.each([
    [["diff", OLD, join(CASE, "missing.json")], /chokepoint diff: new rules .*missing\.json:/],
    [["diff", join(FIXTURES, "invalid-rules.json"), NEW], /chokepoint diff: old rules /],
    [["diff", OLD, NEW, "--as-of", "28/11/2026"], /--as-of must be a calendar date/],
    [["diff", OLD, NEW, "--format", "xml"], /--format must be one of table, csv, json/],
    [["diff", OLD, NEW, "--suppliers", join(CASE, "nothing-here.csv")], /cannot read .*nothing-here\.csv/],
  ])("%j", async (args, message) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message as RegExp);
  });
});

test("control characters in a rules file never reach the terminal", async () => {
  const { mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const folder = mkdtempSync(join(tmpdir(), "chokepoint-diff-"));
  const hostile = JSON.parse(readFileSync(NEW, "utf8"));
  hostile.controls[0].title = "Gallium \u001b[31mred\u001b[0m\u009b2J licensing";
  const path = join(folder, "hostile.json");
  writeFileSync(path, JSON.stringify(hostile));
  for (const format of ["table", "csv", "json"]) {
    const result = await runCli(["diff", OLD, path, "--as-of", AS_OF, "--format", format]);
    expect(result.code).toBe(0);
    expect(result.stdout.includes("\u001b") || result.stdout.includes("\u009b")).toBe(false);
    expect(result.stdout).toContain(format === "json" ? "\\u001b[31mred" : "[31mred");
  }
});

describe("text from the supplier list in the CSV report", () => {
  it.each(["=", "+", "-", "@"])("a supplier led by %j stays text even with a line break inside (never a formula)", async (lead) => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-diff-csv-"));
    try {
      const suppliers = join(dir, "suppliers.csv");
      // A gallium row moves between the two editions, so it is reported with its supplier's name.
      writeFileSync(suppliers, `supplier,commodity,supplier_country\n"${lead}HYPERLINK(""http://evil"")\nsecond line",gallium,Japan\n`);
      const result = await runCli(["diff", OLD, NEW, "--as-of", AS_OF, "--format", "csv", "--suppliers", suppliers]);
      expect(result.code).toBe(0);
      const cells = Papa.parse<string[]>(result.stdout.trim()).data.flat();
      const supplierCells = cells.filter((cell) => cell.includes("HYPERLINK"));
      expect(supplierCells.length).toBeGreaterThan(0);
      for (const cell of supplierCells) expect(cell.startsWith(`'${lead}`)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a supplier list with a row that cannot be read whole", () => {
  it("compares the other rows and names the one left out, as score would refuse it", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-diff-bad-"));
    try {
      const suppliers = join(dir, "suppliers.csv");
      // Row 3 has an unquoted comma in the supplier's name: one cell too many, so every column after it would shift.
      writeFileSync(suppliers, "supplier,commodity,supplier_country,site_country\nGamma,gallium,Japan,United States\nAcme, Inc.,gallium,Japan,United States\n");
      const result = await runCli(["diff", OLD, NEW, "--as-of", AS_OF, "--format", "json", "--suppliers", suppliers]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/note: 1 row\(s\) could not be read whole and are left out of the comparison: row 3: /);
      expect(JSON.parse(result.stdout).rows.map((row: { row: number }) => row.row)).toEqual([2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
