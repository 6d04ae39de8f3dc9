import { describeColumnIssue, fieldForHeader, headerKey, mapColumns, parseSpend, recordToRow } from "../../src/engine/columns";

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

describe("parseSpend", () => {
  it.each([
    [1200, 1200],
    ["1200", 1200],
    ["1,234.50", 1234.5],
    ["$1,200", 1200],
    ["USD 1,200", 1200],
    ["1.234.567,50", 1234567.5],
    ["EUR 2.500,00", 2500],
    ["1 200", 1200],
    ["1,5", 1.5],
    ["1.234", 1.234],
    ["1.2k", 1200],
    ["3m", 3_000_000],
    ["3mn", 3_000_000],
    ["2bn", 2_000_000_000],
    ["0", 0],
  ])("%p → %p", (cell, expected) => {
    expect(parseSpend(cell)).toBeCloseTo(expected, 6);
  });

  it.each(["abc", "-100", "(100)", "1,2,3", "tbd", "12 apples", "1e400"])("refuses %p", (cell) => {
    expect(parseSpend(cell)).toBeNull();
  });

  it("treats a blank cell as no spend, not a bad one", () => {
    expect(parseSpend("")).toBeUndefined();
    expect(parseSpend(null)).toBeUndefined();
    expect(parseSpend(undefined)).toBeUndefined();
    expect(parseSpend(-5)).toBeNull();
  });
});

describe("recordToRow", () => {
  const mapped = mapColumns(["supplier", "commodity", "china_input_share", "china_personnel", "spend", "site"]);
  if (!mapped.ok) throw new Error("expected a mapping");
  const { map } = mapped;

  it("hands the engine the cells of the mapped columns", () => {
    const record = recordToRow([" Acme ", "GaAs wafer", "0.5", 0.25, "1,000", "US"], map);
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
      warnings: [],
    });
  });

  it("reads decimal-comma shares as written in European locales", () => {
    const record = recordToRow(["A", "gallium", "0,5", "12,5 %", "", ""], map);
    expect(record.input.chinaInputShare).toBe("0.5");
    expect(record.input.chinaPersonnel).toBe("12.5%");
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
