/**
 * `chokepoint upcoming` over the hand-made horizon rules (test/fixtures/rules/horizon-rules.json) and a
 * supplier list of the same rows as test/engine/horizon.test.ts, whose transitions and scores were worked
 * out there by hand from the timelines; and over the bundled rules, whose horizon from 1 Sep 2026 is read
 * off src/rules/default-rules.json (twelve No. 70/2025 suspensions end on 10 Nov, the US one on 27 Nov).
 */
import { join } from "node:path";
import Papa from "papaparse";
import { FIXTURES, ROOT, runCli } from "./helpers";

const RULES = join(ROOT, "test", "fixtures", "rules", "horizon-rules.json");
const SUPPLIERS = join(FIXTURES, "impact", "horizon-suppliers.csv");
const FROM = "2026-10-01";

async function upcomingJson(extra: string[]) {
  const result = await runCli(["upcoming", "--as-of", FROM, "--format", "json", ...extra]);
  for (const line of result.stderr.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^chokepoint upcoming: note: read as /);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("the JSON report follows the contract", () => {
  it("has from, to, the transitions with their flags, then the rows and a summary", async () => {
    const report = await upcomingJson(["--rules", RULES, "--suppliers", SUPPLIERS]);
    expect(Object.keys(report)).toEqual(["from", "to", "days", "rules", "transitions", "rows", "summary"]);
    expect(report).toMatchObject({ from: FROM, to: "2026-12-30", days: 90, rules: { version: "2026.09.30-1", source: RULES } });
    expect(report.transitions.map((t: Record<string, unknown>) => Object.keys(t))[0]).toEqual([
      "date",
      "control",
      "title",
      "citation",
      "fromStatus",
      "toStatus",
      "kind",
      "unconfirmed",
      "assumed",
      "note",
      "source",
    ]);
    expect(report.transitions.map((t: { date: string; control: string; fromStatus: string | null; toStatus: string }) => [t.date, t.control, t.fromStatus, t.toStatus])).toEqual([
      ["2026-10-09", "C-ANNOUNCED", null, "announced"],
      ["2026-10-20", "D-DRAFT-DROPPED", "proposed", "dropped"],
      ["2026-11-02", "G-ADOPTED", "proposed", "announced"],
      ["2026-11-11", "B-SUSPENSION-UNCONFIRMED", "suspended", "in_force"],
      ["2026-11-28", "A-SUSPENSION-RUNS-OUT", "suspended", "in_force"],
      ["2026-12-01", "C-ANNOUNCED", "announced", "in_force"],
      ["2026-12-15", "F-ANY-ITEM", null, "informal"],
    ]);
    expect(report.transitions[3]).toMatchObject({ unconfirmed: true, assumed: false, note: "No source on an extension." });
    expect(report.transitions[4]).toMatchObject({ unconfirmed: false, assumed: true });
  });

  it("gives each moving row with its spreadsheet row number and every day it moves", async () => {
    const report = await upcomingJson(["--rules", RULES, "--suppliers", SUPPLIERS]);
    expect(report.rows.map((r: { row: number; supplier: string; before: number; after: number; delta: number }) => [r.row, r.supplier, r.before, r.after, r.delta])).toEqual([
      [4, "Indium Co", 0, 50, 50],
      [3, "Germanium Co", 15, 60, 45],
      [2, "Gallium Co", 10, 40, 30],
      [6, "Widget Co", 0, 15, 15],
      [5, "Steel Co", 10, 0, -10],
    ]);
    expect(report.rows[0].moves).toEqual([
      { date: "2026-10-09", before: 0, after: 30, delta: 30, controls: [{ id: "C-ANNOUNCED", before: null, after: "announced", effectBefore: 0, effectAfter: 0.3 }] },
      { date: "2026-12-01", before: 30, after: 50, delta: 20, controls: [{ id: "C-ANNOUNCED", before: "announced", after: "in_force", effectBefore: 0.3, effectAfter: 0.5 }] },
    ]);
    expect(report.summary).toMatchObject({ file: SUPPLIERS, rows: 7, moved: 5, up: 4, down: 1, spendWeightedScore: { before: 12, after: 35, delta: 23 } });
  });

  it("--days narrows the window; without a supplier list rows and summary are null", async () => {
    const report = await upcomingJson(["--rules", RULES, "--days", "30"]);
    expect(report.to).toBe("2026-10-31");
    expect(report.transitions.map((t: { control: string }) => t.control)).toEqual(["C-ANNOUNCED", "D-DRAFT-DROPPED"]);
    expect(report.rows).toBeNull();
    expect(report.summary).toBeNull();
  });
});

describe("with the bundled rules", () => {
  it("lists the end of the twelve No. 70/2025 suspensions on 11 Nov and of the US one on 28 Nov 2026", async () => {
    const result = await runCli(["upcoming", "--as-of", "2026-09-01", "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.rules.source).toBe("bundled");
    const byDate = new Map<string, number>();
    for (const t of report.transitions) byDate.set(t.date, (byDate.get(t.date) ?? 0) + 1);
    expect(Object.fromEntries(byDate)).toEqual({ "2026-11-11": 12, "2026-11-28": 1 });
    expect(report.transitions.every((t: { fromStatus: string; toStatus: string }) => t.fromStatus === "suspended" && t.toStatus === "in_force")).toBe(true);
  });
});

describe("CSV and table", () => {
  it("CSV has a line per transition, then a line per row and day", async () => {
    const result = await runCli(["upcoming", "--rules", RULES, "--as-of", FROM, "--suppliers", SUPPLIERS, "--format", "csv"]);
    expect(result.code).toBe(0);
    const [header, ...lines] = Papa.parse<string[]>(result.stdout, { skipEmptyLines: true }).data;
    expect(header).toEqual(["kind", "date", "control", "title", "from_status", "to_status", "certainty", "row", "supplier", "commodity", "before", "after", "delta"]);
    expect(lines.filter((line) => line[0] === "transition")).toHaveLength(7);
    expect(lines.find((line) => line[2] === "B-SUSPENSION-UNCONFIRMED")?.[6]).toBe("unconfirmed");
    expect(lines.filter((line) => line[0] === "row").map((line) => [line[1], line[2], line[7], line[12]])).toEqual([
      ["2026-10-09", "C-ANNOUNCED", "4", "30"],
      ["2026-12-01", "C-ANNOUNCED", "4", "20"],
      ["2026-11-11", "B-SUSPENSION-UNCONFIRMED", "3", "45"],
      ["2026-11-28", "A-SUSPENSION-RUNS-OUT", "2", "30"],
      ["2026-12-15", "F-ANY-ITEM", "6", "15"],
      ["2026-10-20", "D-DRAFT-DROPPED", "5", "-10"],
    ]);
  });

  it("the table lists the changes with their flags explained, then the rows", async () => {
    const result = await runCli(["upcoming", "--rules", RULES, "--as-of", FROM, "--suppliers", SUPPLIERS, "--format", "table"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Coming up from 2026-10-01 to 2026-12-30 (90 days), rules 2026.09.30-1");
    expect(result.stdout).toMatch(/^2026-11-11\s+B-SUSPENSION-UNCONFIRMED\s+suspended\s+in force \(unconfirmed\)\s+Suspension followed/m);
    expect(result.stdout).toMatch(/^2026-11-28\s+A-SUSPENSION-RUNS-OUT\s+suspended\s+in force \(assumed\)/m);
    expect(result.stdout).toContain("(assumed) the rules say nothing after the suspension's last day");
    expect(result.stdout).toContain("5 of 7 moved (4 up, 1 down)");
    expect(result.stdout).toMatch(/^\s+4\s+Indium Co\s+indium\s+0\.0\s+50\.0\s+\+50\.0\s+2026-10-09 C-ANNOUNCED; 2026-12-01 C-ANNOUNCED$/m);
  });
});

describe("unusable input is exit 2 with a message", () => {
  it.each([
    [["upcoming", "--days", "0"], /--days must be a whole number of days from 1 to 3650/],
    [["upcoming", "--days", "ninety"], /--days must be a whole number/],
    [["upcoming", "--as-of", "2026-02-30"], /--as-of must be a calendar date/],
    [["upcoming", "--rules", join(FIXTURES, "invalid-rules.json")], /chokepoint upcoming: /],
    [["upcoming", "--suppliers", join(FIXTURES, "csv", "no-commodity.csv")], /no commodity column found/],
  ])("%j", async (args, message) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message as RegExp);
  });
});
