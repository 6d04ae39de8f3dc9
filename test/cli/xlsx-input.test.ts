/**
 * Messy and hostile XLSX files, built here part by part (see xlsx-builder.ts) so each holds exactly what
 * its name says.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openXlsx } from "../../src/cli/readers/xlsx";
import { scoreToJson as score } from "./helpers";
import { sheetXml, xlsx, zip, type BuiltSheet } from "./xlsx-builder";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `case-${(fileCount += 1)}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}


const SUPPLIERS: BuiltSheet = {
  name: "Suppliers",
  xml: sheetXml([
    ["Supplier", "Commodity", "Country"],
    ["Acme", "gallium", "Japan"],
    ["Beta", "NdFeB magnet", "Germany"],
  ]),
};

/** Reads every row through the reader; a refusal (at open or part-way) comes back as its code. */
async function readAll(path: string, options: Parameters<typeof openXlsx>[1] = {}): Promise<{ rows: number; refused: string | null }> {
  let rows = 0;
  try {
    const opened = await openXlsx(path, options);
    if (!opened.ok) return { rows, refused: opened.error.code };
    for await (const batch of opened.reader.batches) rows += batch.length;
    return { rows, refused: null };
  } catch (error) {
    return { rows, refused: (error as { tableError?: { code: string } }).tableError?.code ?? String(error) };
  }
}

describe("bounded by the cells present", () => {
  it("reads a sheet with one stray cell at XFD1048576 (declared A1:XFD1048576) as its real rows", async () => {
    const xml = sheetXml(
      [
        ["Supplier", "Commodity"],
        ["Acme", "gallium"],
        [...Array.from({ length: 16_383 }, () => null), "stray"],
      ],
      { rowNumbers: [1, 2, 1_048_576], dimension: "A1:XFD1048576" },
    );
    const result = await score(file(xlsx([{ name: "List", xml }])));
    expect(result.code).toBe(0);
    expect(result.report!.rows.map((r) => [r.row, r.supplier])).toEqual([[2, "Acme"]]);
    expect(result.stderr).toMatch(/right of the header.*XFD1048576/);
  });
});

describe("limits on what a file may unpack to", () => {
  it("stops a zip bomb at the decompressed-size cap with a coded error", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`Supplier ${i}`, "gallium"]);
    const path = file(xlsx([{ name: "Bomb", xml: sheetXml([["Supplier", "Commodity"], ...rows]) }]));
    expect(await readAll(path)).toEqual({ rows: 50_000, refused: null });
    const capped = await readAll(path, { limits: { maxDecompressedBytes: 1_000_000 } });
    expect(capped.refused).toBe("xlsx_too_large");
    expect(capped.rows).toBeLessThan(50_000);
  });

  it("stops a sheet at the cell-count cap with a coded error", async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => [`Supplier ${i}`, "gallium"]);
    const path = file(xlsx([{ name: "Many", xml: sheetXml([["Supplier", "Commodity"], ...rows]) }]));
    expect(await readAll(path, { limits: { maxCells: 1_000 } })).toMatchObject({ refused: "too_many_cells" });
  });

  it("holds the shared-string table to its own cap", async () => {
    const sst = `<sst>${"<si><t>a fairly long supplier name</t></si>".repeat(40_000)}</sst>`;
    const path = file(xlsx([SUPPLIERS], { "xl/sharedStrings.xml": sst }));
    expect(await readAll(path, { limits: { maxSharedStringBytes: 100_000 } })).toMatchObject({ refused: "xlsx_too_large" });
  });
});

describe("cell values", () => {
  it("says 'formula without a saved value' for a formula Excel never calculated", async () => {
    const xml = sheetXml([
      ["Supplier", "Commodity"],
      ["Acme", { xml: "<f>A1&amp;\"x\"</f>", type: "str" }],
      ["Beta", { xml: "<f>\"gallium\"</f><v>gallium</v>", type: "str" }],
    ]);
    const result = await score(file(xlsx([{ name: "F", xml }])));
    expect(result.code).toBe(0);
    const [missing, cached] = result.report!.rows;
    expect(missing.error).toBe("formula_without_value: commodity holds a formula without a saved value (open and save the file in Excel)");
    expect(cached).toMatchObject({ commodity: "gallium", error: null });
  });

  it("reads shared strings, inline strings, numbers, booleans, errors and escaped text", async () => {
    const xml = sheetXml([
      ["Supplier", "Commodity", "China input share", "Spend"],
      [{ xml: "<v>0</v>", type: "s" }, { xml: "<v>1</v>", type: "s" }, 0.5, 1200],
      ["Tom &amp; Co".replace("&amp;", "&"), { xml: "<v>#N/A</v>", type: "e" }, { xml: "<v>1</v>", type: "b" }, null],
    ]);
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>R&amp;D Co</t></si><si><r><t>GaAs </t></r><r><t>wafer</t></r></si></sst>';
    const result = await score(file(xlsx([{ name: "V", xml }], { "xl/sharedStrings.xml": sst })));
    const [first, second] = result.report!.rows;
    expect(first).toMatchObject({ supplier: "R&D Co", commodity: "GaAs wafer", error: null });
    expect(second.supplier).toBe("Tom & Co");
    expect(second.error).toMatch(/^excel_error_input: /);
  });

  it("cuts a cell longer than Excel allows and reports it", async () => {
    const xml = sheetXml([
      ["Supplier", "Commodity"],
      ["Acme", "m".repeat(40_000)],
    ]);
    const result = await score(file(xlsx([{ name: "Long", xml }])));
    expect(result.report!.rows[0].error).toMatch(/^cell_too_long: commodity/);
  });
});

describe("sheets and the header row", () => {
  const cover: BuiltSheet = { name: "Cover", xml: sheetXml([["Supplier list, Q3 2025"], [], ["Prepared by purchasing"]]) };

  it("skips a cover sheet and says which sheet it read", async () => {
    const result = await score(file(xlsx([cover, SUPPLIERS])));
    expect(result.code).toBe(0);
    expect(result.report!.rows.map((r) => r.supplier)).toEqual(["Acme", "Beta"]);
    expect(result.stderr).toMatch(/sheet "Suppliers"/);
  });

  it("finds a header below title rows and keeps the sheet's row numbers", async () => {
    const xml = sheetXml([["Supplier master"], ["Exported 2025-06-01"], ["Supplier", "Commodity"], ["Acme", "gallium"]], { rowNumbers: [1, 2, 5, 6] });
    const result = await score(file(xlsx([{ name: "Data", xml }])));
    expect(result.report!.rows).toEqual([expect.objectContaining({ row: 6, supplier: "Acme" })]);
  });

  it("on failure lists the sheets and the rows looked at", async () => {
    const notes: BuiltSheet = { name: "Notes", xml: sheetXml([["Supplier", "Country"], ["Acme", "Japan"]]) };
    const result = await score(file(xlsx([cover, notes])));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/header_not_found: /);
    expect(result.stderr).toMatch(/"Cover" \(rows 1–3\)/);
    expect(result.stderr).toMatch(/"Notes" \(rows 1–2\)/);
  });

  it("keeps tab order and names when the sheet files are numbered the other way", async () => {
    const second: BuiltSheet = { name: "Second", xml: sheetXml([["Supplier", "Commodity"], ["From Second", "gallium"]]) };
    const first: BuiltSheet = { name: "First", xml: sheetXml([["Supplier", "Commodity"], ["From First", "gallium"]]) };
    const path = file(xlsx([first, second]));
    expect((await score(path)).report!.rows[0].supplier).toBe("From First");
    expect((await score(path, ["--sheet", "second"])).report!.rows[0].supplier).toBe("From Second");
    const unknown = await score(path, ["--sheet", "Third"]);
    expect(unknown.stderr).toContain('no sheet named "Third"; its sheets are: "First", "Second"');
  });

  it("passes over a hidden first sheet unless it is asked for", async () => {
    const hidden: BuiltSheet = { name: "Old", state: "hidden", xml: sheetXml([["Supplier", "Commodity"], ["Hidden Co", "gallium"]]) };
    const path = file(xlsx([hidden, SUPPLIERS]));
    expect((await score(path)).report!.rows[0].supplier).toBe("Acme");
    expect((await score(path, ["--sheet", "Old"])).report!.rows[0].supplier).toBe("Hidden Co");
  });
});

describe("not a workbook", () => {
  it.each([
    ["random bytes", Buffer.from("this is not a zip file at all")],
    ["a zip without a workbook", zip({ "hello.txt": "hi" })],
    ["a truncated workbook", xlsx([SUPPLIERS]).subarray(0, 200)],
  ])("%s is exit 2 (workbook_invalid)", async (_case, bytes) => {
    const result = await score(file(bytes));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a readable XLSX workbook/);
  });
});
