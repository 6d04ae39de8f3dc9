import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import bundledRules from "../../src/rules/default-rules.json";
import { mapColumns, readRecords } from "../../src/engine/columns";
import { compileRules, describeEngineError, scoreRows, summarizePortfolio } from "../../src/engine/index";
import { AS_OF, EXAMPLE_CSV, EXAMPLE_XLSX, FIXTURES, ROOT, expectGolden, runCli } from "./helpers";
import { checkedRules } from "../rules/checked";

const csvCase = (name: string) => join(FIXTURES, "csv", name);

/** Runs `use` with a fresh temporary folder, removed afterwards whatever happens. */
async function inTempDir(use: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-"));
  try {
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function scoreJson(file: string, extra: string[] = []) {
  const result = await runCli(["score", file, "--as-of", AS_OF, "--format", "json", ...extra]);
  expect(result.code).toBe(0);
  return { ...result, report: JSON.parse(result.stdout) };
}

describe("golden outputs for examples/suppliers.csv", () => {
  it.each([
    ["json", "json"],
    ["csv", "csv"],
    ["table", "txt"],
  ])("--format %s", async (format, extension) => {
    const result = await runCli(["score", EXAMPLE_CSV, "--as-of", AS_OF, "--format", format]);
    expect(result.code).toBe(0);
    expectGolden(join(FIXTURES, "golden"), extension, result.stdout);
  });
});

describe("the JSON report follows the contract", () => {
  it("has exactly the contract's keys, in order, with the contract's types on every row", async () => {
    const { report } = await scoreJson(EXAMPLE_CSV);
    expect(Object.keys(report)).toEqual(["asOf", "rules", "rows", "summary"]);
    expect(report.asOf).toBe(AS_OF);
    expect(Object.keys(report.rules)).toEqual(["version", "source"]);
    expect(report.rules).toEqual({ version: bundledRules.version, source: "bundled" });
    expect(Object.keys(report.summary)).toEqual(["rows", "scored", "errors", "unmatched", "spendWeightedScore"]);

    const isTextOrNull = (v: unknown) => v === null || typeof v === "string";
    let previousRow = 1;
    for (const row of report.rows) {
      expect(Object.keys(row)).toEqual(["row", "supplier", "commodity", "item", "reading", "suggestions", "score", "categories", "controls", "warnings", "error", "entity"]);
      if (row.entity !== null) {
        expect(Object.keys(row.entity)).toEqual(["status", "name", "list", "action", "since", "listStatus", "confidence", "score"]);
        expect(["listed", "possible"]).toContain(row.entity.status);
      }
      expect(Number.isInteger(row.row) && row.row > previousRow).toBe(true);
      previousRow = row.row;
      expect(isTextOrNull(row.supplier) && isTextOrNull(row.commodity) && isTextOrNull(row.error)).toBe(true);
      expect(row.controls.every((c: unknown) => typeof c === "string")).toBe(true);
      expect(row.warnings.every((w: unknown) => typeof w === "string" && /^[a-z_]+: /.test(w))).toBe(true);
      if (row.error === null) {
        expect(row.score).toBeGreaterThanOrEqual(0);
        expect(row.score).toBeLessThanOrEqual(100);
        expect(Object.keys(row.categories)).toEqual(["minerals", "technology", "equipment", "personnel"]);
        for (const value of Object.values(row.categories)) expect(typeof value).toBe("number");
        expect(typeof row.reading).toBe("string");
        expect(row.suggestions.length).toBeLessThanOrEqual(3);
        for (const suggestion of row.suggestions) expect(Object.keys(suggestion)).toEqual(["id", "name"]);
        if (row.item === null) expect(row.warnings.some((w: string) => w.startsWith("unmatched: "))).toBe(true);
        else {
          expect(Object.keys(row.item)).toEqual(["id", "name"]);
          expect(row.suggestions).toEqual([]);
        }
      } else {
        expect(row.error).toMatch(/^[a-z_]+: /);
        expect(row.score).toBeNull();
        expect(row.categories).toBeNull();
        expect(row.item).toBeNull();
        expect(row.reading).toBeNull();
      }
    }
    const { summary } = report;
    expect(summary.rows).toBe(report.rows.length);
    expect(summary.scored + summary.errors).toBe(summary.rows);
    expect(summary.unmatched).toBe(report.rows.filter((r: { item: unknown; error: unknown }) => r.item === null && r.error === null).length);
  });

  it("uses spreadsheet row numbers: header = 1, a quoted line break stays in one row", async () => {
    const { report } = await scoreJson(EXAMPLE_CSV);
    const rows = report.rows as { row: number; supplier: string }[];
    expect(rows[0].row).toBe(2);
    expect(rows.at(-1)).toMatchObject({ row: 41, supplier: "Lotus Valley Electronics, Ltd." });
  });

  it("shows the example's bad rows, unmatched rows and exposure without a matched item", async () => {
    const { report } = await scoreJson(EXAMPLE_CSV);
    const byRow = new Map(report.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(39)).toMatchObject({ score: null, categories: null, error: expect.stringMatching(/^share_out_of_range: .*150%/) });
    expect(byRow.get(40)).toMatchObject({ commodity: null, error: expect.stringMatching(/^commodity_missing: /) });
    // office chairs: unmatched and, bought in Sweden, untouched by any control
    expect(byRow.get(31)).toMatchObject({ item: null, score: 0, error: null });
    // test fixtures in Vietnam with Chinese machines and staff: unmatched, yet exposed through any-item controls
    const fixtures = byRow.get(32) as { item: unknown; categories: Record<string, number>; controls: string[] };
    expect(fixtures.item).toBeNull();
    expect(fixtures.categories.equipment).toBeGreaterThan(0);
    expect(fixtures.categories.minerals).toBe(0);
    expect(fixtures.controls.length).toBeGreaterThan(0);
    expect(byRow.get(29)).toMatchObject({ warnings: [expect.stringMatching(/^spend_invalid: .*tbd/)] });
  });

  it("gives the same numbers as calling scoreRows directly, and the same summary as summarizePortfolio", async () => {
    const { report } = await scoreJson(EXAMPLE_CSV);
    const table = Papa.parse<string[]>(readFileSync(EXAMPLE_CSV, "utf8"), { skipEmptyLines: true }).data;
    const mapped = mapColumns(table[0]);
    if (!mapped.ok) throw new Error("example has no commodity column");
    // The pane's path: the whole spend column decides its decimal mark, where the CLI streams and tallies.
    const { records } = readRecords(table.slice(1), mapped.map);
    const checked = checkedRules(bundledRules);
    const results = scoreRows(records.map((r) => r.input), compileRules(checked), { asOf: AS_OF });

    results.forEach((result, i) => {
      const row = report.rows[i];
      if (result.ok) {
        expect(row.score).toBe(result.score);
        expect(row.categories).toEqual(result.categories);
        expect(row.item?.id ?? null).toBe(result.match.itemId);
      } else {
        expect(row.score).toBeNull();
        expect(row.error).toBe(`${result.error.code}: ${describeEngineError(result.error)}`);
      }
    });
    const portfolio = summarizePortfolio(
      records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })),
      results,
    );
    expect(report.summary).toEqual({
      rows: portfolio.counts.rows,
      scored: portfolio.counts.scored,
      errors: portfolio.counts.errors,
      unmatched: portfolio.counts.unmatched,
      spendWeightedScore: portfolio.spendWeightedScore,
    });
  });

  it("writes an empty rows list for a header-only file", async () => {
    await inTempDir(async (dir) => {
      const file = join(dir, "header-only.csv");
      writeFileSync(file, "supplier,commodity\n");
      const { report } = await scoreJson(file);
      expect(report.rows).toEqual([]);
      expect(report.summary).toEqual({ rows: 0, scored: 0, errors: 0, unmatched: 0, spendWeightedScore: null });
    });
  });
});

describe("CSV input", () => {
  it("reads ;-separated files with a BOM, decimal commas and European spend", async () => {
    const { report, stderr } = await scoreJson(csvCase("semicolon-bom.csv"));
    expect(report.rows.map((r: { commodity: string }) => r.commodity)).toEqual(["NdFeB magnet", "steel brackets"]);
    expect(report.rows.every((r: { error: unknown }) => r.error === null)).toBe(true);
    expect(report.rows[0].item.id).toBe("ndfeb-magnet");
    expect(report.rows[0].warnings.some((w: string) => w.startsWith("spend_invalid"))).toBe(false);
    expect(report.rows[0].supplier).toBe("Kessler GmbH");
    expect(stderr).toMatch(/semicolon-separated/);
  });

  it("strips a BOM in front of a quoted header", async () => {
    const { report } = await scoreJson(csvCase("bom-quoted-header.csv"));
    expect(report.rows).toEqual([expect.objectContaining({ row: 2, supplier: "Acme", commodity: "gallium" })]);
  });

  it("keeps quoted commas, escaped quotes and line breaks inside their cells and counts rows as a spreadsheet does", async () => {
    const { report } = await scoreJson(csvCase("quoted.csv"));
    expect(report.rows.map((r: { row: number; supplier: string }) => [r.row, r.supplier])).toEqual([
      [2, "Lotus Valley Electronics, Ltd."],
      [3, 'Say "Hi" Co'],
      [4, "Last Co"],
    ]);
  });

  it("skips blank lines but keeps counting them", async () => {
    const { report } = await scoreJson(csvCase("blank-lines.csv"));
    expect(report.rows.map((r: { row: number; supplier: string }) => [r.row, r.supplier])).toEqual([
      [5, "A"],
      [8, "B"],
    ]);
  });

  it("needs only a commodity column", async () => {
    const { report } = await scoreJson(csvCase("commodity-only.csv"));
    expect(report.rows).toHaveLength(2);
    expect(report.rows[0]).toMatchObject({ supplier: null, item: { id: "ndfeb-magnet" }, error: null });
    expect(report.rows[1]).toMatchObject({ item: null, error: null });
  });

  it("uses the first of duplicate columns and says which one it ignored", async () => {
    const { report, stderr } = await scoreJson(csvCase("duplicate-headers.csv"));
    expect(report.rows[0]).toMatchObject({ supplier: "First", commodity: "NdFeB magnet", item: { id: "ndfeb-magnet" } });
    expect(stderr).toMatch(/"Product" is a second commodity column/);
    expect(stderr).toMatch(/"Supplier Name" is a second supplier column/);
  });

  it("recognises header synonyms", async () => {
    const { report } = await scoreJson(csvCase("synonyms.csv"));
    const row = report.rows[0];
    expect(row).toMatchObject({ supplier: "Acme", commodity: "PCB assembly", error: null });
    expect(row.categories.equipment).toBeGreaterThan(0);
    expect(row.categories.personnel).toBeGreaterThan(0);
    expect(row.warnings.some((w: string) => w.startsWith("spend_invalid"))).toBe(false);
  });

  it("reads tab-separated files", async () => {
    const { report } = await scoreJson(csvCase("tab-separated.tsv"));
    expect(report.rows[0]).toMatchObject({ supplier: "A, Inc.", item: { id: "gallium-arsenide" } });
  });

  it("reads a Windows-1252 file from older Excel when told its encoding", async () => {
    const { report } = await scoreJson(csvCase("latin1.csv"), ["--encoding", "windows-1252"]);
    expect(report.rows[0]).toMatchObject({ supplier: "Müller Magnete", item: { id: "ndfeb-magnet" }, error: null });
  });

  it("reports each bad row with its own error and scores the rest", async () => {
    const { report } = await scoreJson(csvCase("bad-rows.csv"));
    expect(report.rows.map((r: { error: string | null }) => r.error?.split(":")[0] ?? null)).toEqual([
      "share_invalid",
      "share_out_of_range",
      "commodity_missing",
      null,
      "excel_error_input",
    ]);
    expect(report.rows[3].warnings).toEqual([expect.stringMatching(/^spend_invalid: .*lots/)]);
    expect(report.summary).toMatchObject({ rows: 5, scored: 1, errors: 4 });
  });
});

describe("XLSX input", () => {
  it("reads the first sheet and scores it like the CSV", async () => {
    const fromCsv = (await scoreJson(EXAMPLE_CSV)).report;
    const fromXlsx = (await scoreJson(EXAMPLE_XLSX)).report;
    expect(fromXlsx.rows.map((r: { row: number }) => r.row)).toEqual(fromCsv.rows.map((r: { row: number }) => r.row));
    fromXlsx.rows.forEach((row: Record<string, unknown>, i: number) => {
      const csvRow = fromCsv.rows[i];
      expect([row.supplier, row.commodity, row.item, row.score, row.categories, row.controls]).toEqual([
        csvRow.supplier,
        csvRow.commodity,
        csvRow.item,
        csvRow.score,
        csvRow.categories,
        csvRow.controls,
      ]);
      expect(row.error === null).toBe(csvRow.error === null);
    });
    expect(fromXlsx.summary).toEqual(fromCsv.summary);
  });

  it("reads a sheet chosen with --sheet, case-insensitively", async () => {
    const { report } = await scoreJson(EXAMPLE_XLSX, ["--sheet", "suppliers"]);
    expect(report.rows).toHaveLength(40);
  });

  it("refuses an unknown sheet and lists the sheets (exit 2)", async () => {
    const result = await runCli(["score", EXAMPLE_XLSX, "--sheet", "Vendors", "--as-of", AS_OF]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('no sheet named "Vendors"; its sheets are: "Suppliers", "Read me"');
  });

  it("turns rich text, formulas, hyperlinks, dates and errors into plain values", async () => {
    const ExcelJS = (await import("exceljs")).default;
    await inTempDir(async (dir) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("List");
      sheet.addRow(["Supplier", "Commodity", "China input share", "Spend"]);
      sheet.addRow([{ richText: [{ text: "Rich " }, { text: "Co" }] }, { text: "GaAs wafer", hyperlink: "https://example.com" }, { formula: "1/2", result: 0.5 }, new Date(Date.UTC(2025, 0, 2))]);
      sheet.addRow(["Err Co", "gallium", { error: "#N/A" }, 10]);
      const file = join(dir, "cells.xlsx");
      await workbook.xlsx.writeFile(file);
      const { report } = await scoreJson(file);
      expect(report.rows[0]).toMatchObject({ supplier: "Rich Co", commodity: "GaAs wafer", item: { id: "gallium-arsenide" }, error: null });
      expect(report.rows[0].warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^spend_invalid: .*2025-01-02/)]));
      expect(report.rows[1].error).toMatch(/^excel_error_input: .*#N\/A/);
    });
  });
});

describe("options and output", () => {
  it("loads rules from a file through the one parse path and names it as the source", async () => {
    const rulesPath = join(ROOT, "test", "fixtures", "rules", "small-rules.json");
    const { report } = await scoreJson(csvCase("commodity-only.csv"), ["--rules", rulesPath]);
    expect(report.rules).toEqual({ version: JSON.parse(readFileSync(rulesPath, "utf8")).version, source: rulesPath });
  });

  it("writes to --out and nothing to stdout; the format follows the extension", async () => {
    await inTempDir(async (dir) => {
      const out = join(dir, "scored.csv");
      const result = await runCli(["score", csvCase("quoted.csv"), "--as-of", AS_OF, "--out", out]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe("");
      const written = Papa.parse<string[]>(readFileSync(out, "utf8"), { skipEmptyLines: true }).data;
      expect(written[0]).toEqual([
        "supplier", "commodity", "supplier_country", "notes",
        "score", "minerals", "technology", "equipment", "personnel", "item_id", "item_name", "reading", "suggestions", "controls", "warnings", "error",
        "entity_status", "entity_name", "entity_list", "entity_action", "entity_since", "entity_list_status", "entity_confidence", "entity_score",
      ]);
      expect(written[1].slice(0, 4)).toEqual(["Lotus Valley Electronics, Ltd.", "GaAs wafer", "Germany", "two\nlines"]);
      expect(written).toHaveLength(4);
    });
  });

  it("escapes input cells that Excel would run as formulas in CSV output", async () => {
    await inTempDir(async (dir) => {
      const file = join(dir, "formula.csv");
      writeFileSync(file, 'supplier,commodity\n"=HYPERLINK(""http://x"")",gallium\n');
      const result = await runCli(["score", file, "--as-of", AS_OF, "--format", "csv"]);
      expect(result.stdout.split("\n")[1]).toMatch(/^"'=HYPERLINK/);
    });
  });

  it("drops control characters from CSV output, as the diff and upcoming CSVs do (a terminal showing the file runs none)", async () => {
    await inTempDir(async (dir) => {
      const file = join(dir, "controls.csv");
      writeFileSync(file, 'supplier,commodity\n"Acme\u001b]0;owned\u0007 \u009b31m Ltd",gallium\n');
      const result = await runCli(["score", file, "--as-of", AS_OF, "--format", "csv"]);
      const row = result.stdout.split("\n")[1];
      expect(row.startsWith("Acme]0;owned 31m Ltd,gallium,")).toBe(true);
      for (const control of ["\u001b", "\u0007", "\u009b"]) expect(result.stdout).not.toContain(control);
    });
  });

  it("defaults --as-of to today", async () => {
    const localDate = (now: Date) =>
      `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    // The run may cross midnight: its date is the day it started or the day it ended.
    const before = localDate(new Date());
    const result = await runCli(["score", csvCase("commodity-only.csv"), "--format", "json"]);
    const after = localDate(new Date());
    expect([before, after]).toContain(JSON.parse(result.stdout).asOf);
  });

  it("defaults to JSON when stdout is not a terminal", async () => {
    const result = await runCli(["score", csvCase("commodity-only.csv"), "--as-of", AS_OF]);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });
});

describe("your own aliases (--aliases FILE.csv)", () => {
  const folder = mkdtempSync(join(tmpdir(), "chokepoint-aliases-"));
  const suppliers = join(folder, "suppliers.csv");
  writeFileSync(suppliers, "Supplier,Commodity\nA,Neo-Disc 10x3\nB,office chairs\nC,molybdenum grease\n");
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("reads an assigned commodity as its item, and a 'none' one as not controlled, whatever its case and punctuation", async () => {
    const aliases = join(folder, "aliases.csv");
    writeFileSync(aliases, "commodity,item\nneo disc 10X3,ndfeb-magnet\nOffice Chairs,none\n");
    const { report, stderr } = await scoreJson(suppliers, ["--aliases", aliases]);
    const [neo, chairs, grease] = report.rows;
    expect(neo.item).toEqual({ id: "ndfeb-magnet", name: "NdFeB permanent magnet" });
    expect(neo.reading).toContain("assigned in this workbook's own aliases");
    expect(neo.score).toBeGreaterThan(0);
    expect(chairs.item).toBeNull();
    expect(chairs.reading).toContain("not controlled");
    expect(chairs.warnings).toEqual([]);
    expect(grease.item).toBeNull();
    expect(grease.suggestions).toEqual([{ id: "molybdenum", name: "Molybdenum" }]);
    expect(report.summary.unmatched).toBe(1);
    expect(stderr).toBe("chokepoint score: note: read as UTF-8, comma-separated, header on row 1\n");
  });

  it("notes an alias for an item the rules do not have, and ignores it", async () => {
    const aliases = join(folder, "unknown-item.csv");
    writeFileSync(aliases, "item;commodity\nunobtainium;Neo-Disc 10x3\n");
    const { report, stderr } = await scoreJson(suppliers, ["--aliases", aliases]);
    expect(report.rows[0].item).toBeNull();
    expect(stderr).toContain('"Neo-Disc 10x3" is assigned to "unobtainium", which is not an item of the active rules');
  });

  it("refuses a file without the commodity and item columns (exit 2)", async () => {
    const aliases = join(folder, "no-header.csv");
    writeFileSync(aliases, "text,target\nNeo-Disc 10x3,ndfeb-magnet\n");
    const result = await runCli(["score", suppliers, "--as-of", AS_OF, "--aliases", aliases]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the first row must name the columns "commodity" and "item"');
  });

  it("refuses a missing file (exit 2)", async () => {
    const result = await runCli(["score", suppliers, "--as-of", AS_OF, "--aliases", join(folder, "absent.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot read");
  });
});

describe("exit codes", () => {
  const scratch = mkdtempSync(join(tmpdir(), "chokepoint-"));
  const folderNamedCsv = join(scratch, "folder.csv");
  mkdirSync(folderNamedCsv);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    ["a missing file", [csvCase("does-not-exist.csv")], /cannot read .*does-not-exist\.csv: no such file/],
    ["a folder", [folderNamedCsv], /cannot read .*folder\.csv: it is a folder/],
    ["an empty file", [csvCase("empty.csv")], /no header row/],
    ["an unsupported file type", [join(FIXTURES, "invalid-rules.json")], /unsupported file type/],
    ["a file without a commodity column", [csvCase("no-commodity.csv")], /no commodity column found .*columns found: "Supplier", "Country", "Spend"/],
    ["a bad --as-of", [csvCase("commodity-only.csv"), "--as-of", "2026-02-30"], /--as-of must be a calendar date/],
    ["a bad --as-of format", [csvCase("commodity-only.csv"), "--as-of", "01/06/2026"], /--as-of must be a calendar date/],
    ["a bad --format", [csvCase("commodity-only.csv"), "--format", "xml"], /--format must be one of table, csv, json/],
    ["a missing rules file", [csvCase("commodity-only.csv"), "--rules", join(FIXTURES, "nope.json")], /could not be read/],
    ["plain http rules off this machine", [csvCase("commodity-only.csv"), "--rules", "http://rules.example.com/r.json"], /https/],
    ["a corrupt XLSX", [join(FIXTURES, "csv", "not-a-workbook.xlsx")], /cannot read|not a readable XLSX/],
  ])("exit 2 for %s, with the reason on stderr and nothing on stdout", async (_case, args, message) => {
    const result = await runCli(["score", ...(args as string[]), ...((args as string[]).includes("--as-of") ? [] : ["--as-of", AS_OF])]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message as RegExp);
  });

  it("exit 2 for an invalid rules file, listing every issue with its path", async () => {
    const result = await runCli(["score", csvCase("commodity-only.csv"), "--as-of", AS_OF, "--rules", join(FIXTURES, "invalid-rules.json")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("does not follow the rules format");
    for (const path of ["publishedAt", "weights.status.proposed", "weights.categories.minerals", "items", "controls"]) {
      expect(result.stderr).toMatch(new RegExp(`^  ${path.replace(/\./g, "\\.")}: `, "m"));
    }
  });

  it("exit 0 when some rows are bad", async () => {
    const result = await runCli(["score", csvCase("bad-rows.csv"), "--as-of", AS_OF]);
    expect(result.code).toBe(0);
  });
});

describe("suppliers on China's entity lists", () => {
  it("flags MP Materials as listed on the June 2026 control-list action and scores it above an unlisted US magnet maker", async () => {
    const { report } = await scoreJson(csvCase("entities.csv"), ["--as-of", "2026-07-01"]);
    const bySupplier = new Map(report.rows.map((r: { supplier: string }) => [r.supplier, r]));
    const mp = bySupplier.get("MP Materials Corp.") as { score: number; entity: Record<string, unknown>; warnings: string[] };
    const arnold = bySupplier.get("Arnold Magnetic Technologies") as { score: number; entity: unknown };
    expect(mp.entity).toEqual({
      status: "listed",
      name: "MP Materials Corp.",
      list: "control_list",
      action: "ECL-2026-23",
      since: "2026-06-22",
      listStatus: "listed",
      confidence: "C",
      score: 1,
    });
    expect(mp.warnings.some((w) => w.startsWith("entity_listed: ") && w.includes("ECL-2026-23"))).toBe(true);
    expect(arnold.entity).toBeNull();
    expect(mp.score).toBeGreaterThan(arnold.score);
  });

  it("does not flag the look-alikes; a parent of listed units is offered for review only", async () => {
    const { report } = await scoreJson(csvCase("entities.csv"), ["--as-of", "2026-07-01"]);
    const statuses = Object.fromEntries(report.rows.map((r: { supplier: string; entity: { status: string } | null }) => [r.supplier, r.entity?.status ?? null]));
    expect(Object.entries(statuses).filter(([, status]) => status === "listed")).toEqual([["MP Materials Corp.", "listed"]]);
    expect(statuses).toMatchObject({ "Arnold Magnetic Technologies": null, "American Rare Earths Ltd": null, "Mitsubishi Electric Corporation": "possible" });
  });

  it("adds the match to the CSV columns and the table", async () => {
    const csv = await runCli(["score", csvCase("entities.csv"), "--as-of", "2026-07-01", "--format", "csv"]);
    const [header, mp] = Papa.parse<string[]>(csv.stdout, { skipEmptyLines: true }).data;
    const cell = (name: string) => mp[header.indexOf(name)];
    expect([cell("entity_status"), cell("entity_action"), cell("entity_list"), cell("entity_list_status"), cell("entity_since")]).toEqual([
      "listed", "ECL-2026-23", "control_list", "listed", "2026-06-22",
    ]);
    const table = await runCli(["score", csvCase("entities.csv"), "--as-of", "2026-07-01", "--format", "table"]);
    expect(table.stdout).toContain("Suppliers on China's lists:");
    expect(table.stdout).toMatch(/row 2: MP Materials Corp\. → listed: MP Materials Corp\. \(ECL-2026-23, listed since 2026-06-22; similarity 1\.00\)/);
  });
});
