import { resolveMapping } from "../../taskpane/column-mapping";
import { loadColumnChoices, saveColumnChoices, MAPPING_SETTING_KEY } from "../../taskpane/excel/mapping-store";
import type { ExcelSupport } from "../../taskpane/excel/host";
import { MockWorkbook } from "./mock-workbook";

const ALL: ExcelSupport = { readTables: true, tableUnderSelection: true, workbookSettings: true, dataTypes: true };

test("headers are mapped with the CLI's names and synonyms", () => {
  const resolved = resolveMapping(["Vendor", "Material", "Country of origin", "Plant country", "Spend (USD)", "Notes"], null);
  expect(resolved.map.columns).toEqual({ supplier: 0, commodity: 1, supplier_country: 2, site_country: 3, spend: 4 });
  expect(resolved.commodityMissing).toBe(false);
  expect(resolved.chosenByUser).toEqual([]);
});

test("without a commodity header the other columns are still found, and the user's pick completes the mapping", () => {
  const headers = ["Supplier", "What we buy", "Country"];
  const automatic = resolveMapping(headers, null);
  expect(automatic.commodityMissing).toBe(true);
  expect(automatic.map.columns).toEqual({ supplier: 0, supplier_country: 2 });

  const fixed = resolveMapping(headers, { commodity: "What we buy" });
  expect(fixed.commodityMissing).toBe(false);
  expect(fixed.map.columns).toEqual({ supplier: 0, commodity: 1, supplier_country: 2 });
  expect(fixed.chosenByUser).toEqual(["commodity"]);
});

test("a choice of 'not used' removes an automatic match; a remembered header that is gone falls back", () => {
  const headers = ["Supplier", "Commodity", "Country"];
  expect(resolveMapping(headers, { supplier_country: null }).map.columns).toEqual({ supplier: 0, commodity: 1 });
  expect(resolveMapping(headers, { commodity: "Old header" }).map.columns.commodity).toBe(1);
});

test("a fixed-up mapping is remembered per workbook in workbook.settings, per table", async () => {
  const workbook = new MockWorkbook({ sheets: [{ name: "S", cells: [["a"]] }], selection: { sheet: "S", row: 0, column: 0 } });
  expect(await loadColumnChoices(workbook.context, ALL, "table:Suppliers")).toEqual({ ok: true, choices: null });

  await saveColumnChoices(workbook.context, ALL, "table:Suppliers", { commodity: "What we buy", site_country: null });
  await saveColumnChoices(workbook.context, ALL, "range:Other!R1C1", { commodity: "Part" });
  expect(JSON.parse(workbook.settingsStore[MAPPING_SETTING_KEY] as string)).toEqual({
    "table:Suppliers": { commodity: "What we buy", site_country: null },
    "range:Other!R1C1": { commodity: "Part" },
  });
  expect(await loadColumnChoices(workbook.context, ALL, "table:Suppliers")).toEqual({ ok: true, choices: { commodity: "What we buy", site_country: null } });

  // Another workbook has its own settings and knows nothing of these choices.
  const other = new MockWorkbook({ sheets: [{ name: "S", cells: [["a"]] }], selection: { sheet: "S", row: 0, column: 0 } });
  expect(await loadColumnChoices(other.context, ALL, "table:Suppliers")).toEqual({ ok: true, choices: null });

  await saveColumnChoices(workbook.context, ALL, "table:Suppliers", null);
  expect(await loadColumnChoices(workbook.context, ALL, "table:Suppliers")).toEqual({ ok: true, choices: null });
  expect(await loadColumnChoices(workbook.context, ALL, "range:Other!R1C1")).toEqual({ ok: true, choices: { commodity: "Part" } });
});

test("without ExcelApi 1.4 nothing is stored and nothing is read", async () => {
  const workbook = new MockWorkbook({ sheets: [{ name: "S", cells: [["a"]] }], selection: { sheet: "S", row: 0, column: 0 } });
  const none = { ...ALL, workbookSettings: false };
  expect(await saveColumnChoices(workbook.context, none, "k", { commodity: "x" })).toBe(false);
  expect(workbook.settingsStore).toEqual({});
  expect(await loadColumnChoices(workbook.context, none, "k")).toEqual({ ok: true, choices: null });
});

test("a saved setting that cannot be read is reported, not taken for 'nothing saved'; saving again replaces it", async () => {
  const workbook = new MockWorkbook({
    sheets: [{ name: "S", cells: [["a"]] }],
    selection: { sheet: "S", row: 0, column: 0 },
    settings: { [MAPPING_SETTING_KEY]: "{ this is not JSON", },
  });
  expect(await loadColumnChoices(workbook.context, ALL, "table:Suppliers")).toEqual({ ok: false, cause: "the saved setting is not valid JSON" });
  await saveColumnChoices(workbook.context, ALL, "table:Suppliers", { commodity: "Part" });
  expect(await loadColumnChoices(workbook.context, ALL, "table:Suppliers")).toEqual({ ok: true, choices: { commodity: "Part" } });

  const malformed = new MockWorkbook({
    sheets: [{ name: "S", cells: [["a"]] }],
    selection: { sheet: "S", row: 0, column: 0 },
    settings: { [MAPPING_SETTING_KEY]: JSON.stringify({ "table:Suppliers": { commodity: 7 } }) },
  });
  expect(await loadColumnChoices(malformed.context, ALL, "table:Suppliers")).toEqual({ ok: false, cause: "the saved choices for this table are malformed" });
});
