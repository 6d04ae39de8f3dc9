import {
  COLUMN_FIELDS,
  decideDecimalMark,
  describeColumnIssue,
  fieldForHeader,
  findHeaderRow,
  HEADER_SYNONYMS,
  headerKey,
  mapColumns,
  MAX_SPEND,
  readRecords,
  readSpend,
  recordToRow,
  resolveSpend,
  type ColumnField,
} from "../../src/engine/columns";
import { readRow } from "../../src/engine/cells";

describe("headerKey / fieldForHeader", () => {
  it("ignores case, spaces, underscores, hyphens and punctuation", () => {
    expect(headerKey("Supplier_Country")).toBe("suppliercountry");
    expect(headerKey(" supplier-country ")).toBe("suppliercountry");
    expect(headerKey("Crédit (€)")).toBe("credit");
  });

  it.each([
    ["Commodity", "commodity"],
    ["MATERIAL", "commodity"],
    ["Item description", "commodity"],
    ["product", "commodity"],
    ["Part", "commodity"],
    ["Vendor", "supplier"],
    ["Supplier Name", "supplier"],
    ["Country", "supplier_country"],
    ["Country of origin", "supplier_country"],
    ["origin", "supplier_country"],
    ["Plant country", "site_country"],
    ["Destination", "site_country"],
    ["Ship-to country", "site_country"],
    ["site", "site_country"],
    ["china_input_share", "china_input_share"],
    ["China input share (%)", "china_input_share"],
    ["China technology", "china_technology"],
    ["CHINA_EQUIPMENT", "china_equipment"],
    ["china personnel", "china_personnel"],
    ["Spend (USD)", "spend"],
    ["Annual spend", "spend"],
    ["amount", "spend"],
  ])("%s → %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it("does not guess at headers it does not know", () => {
    expect(fieldForHeader("Notes")).toBeNull();
    expect(fieldForHeader("Contract id")).toBeNull();
    expect(fieldForHeader("(USD)")).toBeNull();
  });
});

describe("mapColumns", () => {
  it("maps every field by column index and lists the columns it does not read", () => {
    const result = mapColumns(["Supplier", "Material", "Origin", "Notes", "", "Spend"]);
    if (!result.ok) throw new Error("expected a mapping");
    expect(result.map.columns).toEqual({ supplier: 0, commodity: 1, supplier_country: 2, spend: 5 });
    expect(result.map.issues).toEqual([{ code: "unknown_column", column: 3, header: "Notes" }]);
  });

  it("keeps the first of two columns for one field and names the other", () => {
    const result = mapColumns(["commodity", "product", "supplier", "vendor"]);
    if (!result.ok) throw new Error("expected a mapping");
    expect(result.map.columns.commodity).toBe(0);
    expect(result.map.columns.supplier).toBe(2);
    expect(result.map.issues).toEqual([
      { code: "duplicate_column", field: "commodity", column: 1, header: "product", usedColumn: 0, usedHeader: "commodity" },
      { code: "duplicate_column", field: "supplier", column: 3, header: "vendor", usedColumn: 2, usedHeader: "supplier" },
    ]);
    expect(describeColumnIssue(result.map.issues[0])).toContain('"product"');
  });

  it("refuses a table without a commodity column and lists what it found", () => {
    const result = mapColumns(["Supplier", "Country", null, "Spend"]);
    expect(result).toEqual({ ok: false, error: { code: "commodity_column_missing", field: "commodity", found: ["Supplier", "Country", "Spend"] } });
    if (result.ok) return;
    expect(describeColumnIssue(result.error)).toContain('"Supplier", "Country", "Spend"');
  });
});

describe("readSpend", () => {
  const amount = (cell: unknown) => resolveSpend(readSpend(cell as string), null);

  it.each([
    [1200, 1200],
    ["1200", 1200],
    ["1,234.50", 1234.5],
    ["$1,200,000", 1200000],
    ["USD 1,200.00", 1200],
    ["1.234.567,50", 1234567.5],
    ["EUR 2.500,00", 2500],
    ["1 200", 1200],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["12.50", 12.5],
    ["1.2k", 1200],
    ["3m", 3_000_000],
    ["3mn", 3_000_000],
    ["2bn", 2_000_000_000],
    ["0", 0],
  ])("%p reads as %p on its own", (cell, expected) => {
    expect(amount(cell)).toBeCloseTo(expected, 6);
  });

  it.each([
    ["1.234", 1.234, 1234],
    ["€1.234", 1.234, 1234],
    ["1,234", 1234, 1.234],
    ["12,000", 12000, 12],
  ])("%p is ambiguous: %p with a decimal point, %p with a decimal comma", (cell, ifPoint, ifComma) => {
    const reading = readSpend(cell);
    expect(reading).toMatchObject({ kind: "ambiguous" });
    expect(amount(cell)).toBeNull();
    expect(resolveSpend(reading, "point")).toBeCloseTo(ifPoint, 6);
    expect(resolveSpend(reading, "comma")).toBeCloseTo(ifComma, 6);
  });

  it.each(["abc", "-100", "(100)", "1,2,3", "tbd", "12 apples", "1e400"])("refuses %p", (cell) => {
    expect(readSpend(cell)).toMatchObject({ kind: "invalid" });
  });

  it("treats a blank cell as no spend, not a bad one", () => {
    expect(readSpend("")).toEqual({ kind: "blank" });
    expect(readSpend(null)).toEqual({ kind: "blank" });
    expect(readSpend(undefined)).toEqual({ kind: "blank" });
    expect(readSpend(-5)).toMatchObject({ kind: "invalid" });
  });

  it("refuses an amount so large it would swamp or overflow the weighted sum", () => {
    expect(MAX_SPEND).toBe(1e18);
    expect(readSpend(1e300)).toMatchObject({ kind: "too_large" });
    expect(readSpend(`1${"0".repeat(300)}`)).toMatchObject({ kind: "too_large" });
    expect(readSpend("2,000,000,000,000,000,000")).toMatchObject({ kind: "too_large" });
    expect(readSpend(1e18)).toMatchObject({ kind: "amount", value: 1e18 });
  });
});

describe("the decimal mark of a spend column is decided from all its values", () => {
  it("reads €1.234 as 1234 when EUR 1.234,50 in the same column shows a decimal comma", () => {
    expect(decideDecimalMark(["€1.234", "EUR 1.234,50"])).toMatchObject({ mark: "comma" });
    expect(decideDecimalMark(["EUR 1.234,50", "€1.234"])).toMatchObject({ mark: "comma" });
  });

  it("reads 1,234 as 1234 when 1,234.50 or 2,000,000 shows a decimal point", () => {
    expect(decideDecimalMark(["1,234", "1,234.50"])).toMatchObject({ mark: "point" });
    expect(decideDecimalMark(["1,234", "2,000,000"])).toMatchObject({ mark: "point" });
  });

  it("leaves the mark undecided (a warning, not a guess) when nothing or contradicting values show it", () => {
    expect(decideDecimalMark(["1.234", "5.678", 1200])).toMatchObject({ mark: null, ambiguous: 2 });
    expect(decideDecimalMark(["1.234", "1,5", "2.5"])).toMatchObject({ mark: null, ambiguous: 1, conflicting: true });
  });

  it("readRecords applies the column's decision to every row, and warns on rows it cannot decide", () => {
    const mapped = mapColumns(["commodity", "spend"]);
    if (!mapped.ok) throw new Error("expected a mapping");
    const decided = readRecords([["gallium", "€1.234"], ["gallium", "EUR 1.234,50"]], mapped.map);
    expect(decided.records.map((r) => r.spend)).toEqual([1234, 1234.5]);
    const undecided = readRecords([["gallium", "1.234"], ["gallium", "2.5"], ["gallium", "1,5"]], mapped.map);
    expect(undecided.records[0].spend).toBeNull();
    expect(undecided.records[0].warnings).toEqual([expect.objectContaining({ code: "spend_ambiguous", received: "1.234" })]);
    expect(undecided.records.slice(1).map((r) => r.spend)).toEqual([2.5, 1.5]);
  });
});

describe("headers in other languages", () => {
  // Each header row, as a purchasing team in that language would write it, names every field in COLUMN_FIELDS order.
  const HEADERS: Record<string, string[]> = {
    German: ["Lieferant", "Materialbezeichnung", "Lieferland", "Werksland", "China-Anteil", "Chinesische Technologie", "Chinesische Ausrüstung", "Chinesisches Personal", "Einkaufsvolumen"],
    French: ["Fournisseur", "Désignation article", "Pays d'origine", "Pays de l'usine", "Part Chine", "Technologie chinoise", "Équipements chinois", "Personnel chinois", "Montant annuel"],
    Spanish: ["Proveedor", "Descripción del material", "País de origen", "País de la planta", "Participación china", "Tecnología china", "Equipos chinos", "Personal chino", "Gasto anual"],
    Italian: ["Fornitore", "Descrizione articolo", "Paese di origine", "Paese dello stabilimento", "Quota Cina", "Tecnologia cinese", "Macchinari cinesi", "Personale cinese", "Spesa annua"],
    Japanese: ["仕入先名", "品目名", "原産国", "工場所在国", "中国調達比率", "中国技術", "中国製設備", "中国人技術者", "年間購買額"],
  };

  it.each(Object.entries(HEADERS))("maps a %s header row to every field", (_language, headers) => {
    const result = mapColumns(headers);
    if (!result.ok) throw new Error(`not mapped: ${JSON.stringify(result.error)}`);
    const expected = Object.fromEntries(COLUMN_FIELDS.map((field, column) => [field, column])) as Record<ColumnField, number>;
    expect(result.map.columns).toEqual(expected);
    expect(result.map.issues).toEqual([]);
  });

  it.each([
    ["Kreditor", "supplier"],
    ["Warengruppe", "commodity"],
    ["Matière première", "commodity"],
    ["Importe", "spend"],
    ["Importo (EUR)", "spend"],
    ["仕入先", "supplier"],
    ["品名", "commodity"],
    ["金額（円）", "spend"],
  ])("%s → %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe("findHeaderRow", () => {
  it("takes the row within the search depth that maps the most columns, and requires a commodity column", () => {
    const rows = [["Supplier list"], ["Product", "Notes"], ["Supplier", "Commodity", "Country", "Spend"], ["Acme", "gallium", "JP", "1"]];
    const found = findHeaderRow(rows);
    expect(found).toMatchObject({ ok: true, index: 2 });
  });

  it("says what it looked at when no row names a commodity column", () => {
    const found = findHeaderRow([["Supplier", "Country"], ["Acme", "JP"]]);
    expect(found).toMatchObject({ ok: false, rowsLooked: 2 });
  });
});

describe("recordToRow", () => {
  const mapped = mapColumns(["supplier", "commodity", "china_input_share", "china_personnel", "spend", "site"]);
  if (!mapped.ok) throw new Error("expected a mapping");
  const { map } = mapped;

  it("hands the engine the cells of the mapped columns", () => {
    const record = recordToRow([" Acme ", "GaAs wafer", "0.5", 0.25, "1,000", "US"], map, { decimalMark: "point" });
    expect(record).toEqual({
      input: {
        commodity: "GaAs wafer",
        supplierCountry: undefined,
        siteCountry: "US",
        chinaInputShare: "0.5",
        chinaTechnology: undefined,
        chinaEquipment: undefined,
        chinaPersonnel: 0.25,
        supplierName: " Acme ",
      },
      supplier: "Acme",
      commodity: "GaAs wafer",
      spend: 1000,
      spendReading: { kind: "ambiguous", text: "1,000", ifPoint: 1000, ifComma: 1 },
      warnings: [],
      error: null,
    });
  });

  it("hands decimal-comma shares to the engine, which reads them as written in European locales", () => {
    const record = recordToRow(["A", "gallium", "0,5", "12,5 %", "", ""], map);
    expect(readRow(record.input)).toMatchObject({ chinaInputShare: "0.5", chinaPersonnel: "12.5 %" });
  });

  it("warns about an unreadable spend instead of failing the row", () => {
    const record = recordToRow(["A", "gallium", "", "", "lots", ""], map);
    expect(record.spend).toBeNull();
    expect(record.warnings).toEqual([expect.objectContaining({ code: "spend_invalid", field: "spend", received: "lots" })]);
  });

  it("gives null text for blank supplier and commodity cells and tolerates short records", () => {
    const record = recordToRow(["", "  "], map);
    expect(record.supplier).toBeNull();
    expect(record.commodity).toBeNull();
    expect(record.spend).toBeNull();
    expect(record.warnings).toEqual([]);
  });
});

describe("the synonym table", () => {
  it("never gives one spelling to two fields", () => {
    const fieldByKey = new Map<string, ColumnField>();
    for (const field of COLUMN_FIELDS) {
      for (const spelling of [field, ...HEADER_SYNONYMS[field]]) {
        const key = headerKey(spelling);
        expect([spelling, fieldByKey.get(key) ?? field]).toEqual([spelling, field]);
        fieldByKey.set(key, field);
      }
    }
  });
});
