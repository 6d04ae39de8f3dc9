import { toCountryCode } from "../../src/engine/countries";
import { excelErrorIn, parseCountry, parseDate, parseShare } from "../../src/engine/inputs";
import { excelSerialToIso } from "../../src/engine/dates";

describe("countries", () => {
  test.each([
    ["China", "CN"],
    ["PRC", "CN"],
    ["P.R.C.", "CN"],
    ["Mainland China", "CN"],
    ["People's Republic of China", "CN"],
    ["cn", "CN"],
    ["CHN", "CN"],
    ["USA", "US"],
    ["U.S.", "US"],
    ["United States", "US"],
    ["UK", "GB"],
    ["Great Britain", "GB"],
    ["Korea", "KR"],
    ["South Korea", "KR"],
    ["Republic of Korea", "KR"],
    ["North Korea", "KP"],
    ["Hong Kong", "HK"],
    ["HKG", "HK"],
    ["Macau", "MO"],
    ["Macao", "MO"],
    ["Taiwan", "TW"],
    ["TWN", "TW"],
    ["Viet Nam", "VN"],
    ["Vietnam", "VN"],
    ["  germany ", "DE"],
    ["Côte d'Ivoire", "CI"],
    ["Türkiye", "TR"],
    ["India", "IN"],
  ])("%s → %s", (text, code) => expect(toCountryCode(text)).toBe(code));

  test("Hong Kong, Macau and Taiwan are never mainland China", () => {
    for (const text of ["Hong Kong", "Macau", "Taiwan", "Taiwan, Province of China", "HK", "MO", "TW"]) {
      expect(toCountryCode(text)).not.toBe("CN");
    }
  });

  test("unknown names are errors for that field; blanks are no country", () => {
    expect(parseCountry("Narnia", "supplier_country")).toEqual({
      ok: false,
      error: expect.objectContaining({ code: "country_unknown", field: "supplier_country" }),
    });
    expect(parseCountry(42, "site_country")).toMatchObject({ ok: false, error: { code: "country_unknown" } });
    expect(parseCountry("   ", "site_country")).toEqual({ ok: true, value: null });
    expect(parseCountry(null, "site_country")).toEqual({ ok: true, value: null });
  });
});

describe("shares", () => {
  test.each([
    [0, 0],
    [1, 1],
    [0.35, 0.35],
    ["50%", 0.5],
    ["12.5 %", 0.125],
    ["0.5", 0.5],
    [" .25 ", 0.25],
    ["100%", 1],
    ["0%", 0],
  ])("%p → %p", (cell, value) => expect(parseShare(cell, "china_input_share")).toEqual({ ok: true, value }));

  test("blank means 'use the default'", () => {
    for (const cell of [null, undefined, "", "  "]) expect(parseShare(cell, "china_input_share")).toEqual({ ok: true, value: undefined });
  });

  test("out of range values say exactly what was wrong", () => {
    expect(parseShare(1.5, "china_input_share")).toEqual({
      ok: false,
      error: {
        code: "share_out_of_range",
        field: "china_input_share",
        received: "1.5",
      },
    });
    expect(parseShare("150%", "china_technology")).toMatchObject({ ok: false, error: { code: "share_out_of_range", field: "china_technology" } });
    expect(parseShare(50, "china_equipment")).toMatchObject({ ok: false, error: { code: "share_out_of_range" } });
    expect(parseShare(-0.1, "china_personnel")).toMatchObject({ ok: false, error: { code: "share_out_of_range" } });
  });

  test("text that is not a share is share_invalid", () => {
    for (const cell of ["abc", "50%%", "1,5", "half", true, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseShare(cell, "china_input_share")).toMatchObject({ ok: false, error: { code: "share_invalid", field: "china_input_share" } });
    }
  });
});

describe("dates", () => {
  test("Excel 1900 serials", () => {
    expect(excelSerialToIso(45658)).toBe("2025-01-01");
    expect(excelSerialToIso(45809)).toBe("2025-06-01");
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(excelSerialToIso(45658.75)).toBe("2025-01-01");
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(3_000_000)).toBeNull();
  });

  test.each([
    ["2025-06-01", "2025-06-01"],
    ["2025-06-01T10:30:00Z", "2025-06-01"],
    [45658, "2025-01-01"],
    ["45658", "2025-01-01"],
  ])("%p → %s", (cell, iso) => expect(parseDate(cell, "as_of")).toEqual({ ok: true, value: iso }));

  test("impossible dates are errors", () => {
    for (const cell of ["2025-02-30", "01/06/2025", "tomorrow", -5, true]) {
      expect(parseDate(cell, "as_of")).toMatchObject({ ok: false, error: { code: "date_invalid", field: "as_of" } });
    }
  });
});

test("Excel error values are recognised in any case and spacing", () => {
  expect(excelErrorIn("#N/A")).toBe("#N/A");
  expect(excelErrorIn(" #value! ")).toBe("#VALUE!");
  expect(excelErrorIn("#DIV/0!")).toBe("#DIV/0!");
  expect(excelErrorIn("N/A")).toBeNull();
  expect(excelErrorIn(7)).toBeNull();
});
