import { toCountryCode } from "../../src/engine/countries";
import { excelErrorIn, parseCountry, parseDate, parseShare } from "../../src/engine/inputs";
import { excelSerialToIso } from "../../src/engine/dates";
import { mapColumns, recordToRow } from "../../src/engine/columns";
import { scoreRows } from "../../src/engine/score";
import { fixtureRules } from "./support";

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

  // How analysts' sheets and ERP extracts write countries the ISO names do not: World Bank and IMF tables
  // ("Korea, Rep.", "Egypt, Arab Rep."), abbreviations, former and everyday names.
  test.each([
    ["P.R. China", "CN"],
    ["PR China", "CN"],
    ["China, P.R.", "CN"],
    ["China, People's Rep. of", "CN"],
    ["Korea, Rep.", "KR"],
    ["Rep. of Korea", "KR"],
    ["S. Korea", "KR"],
    ["Korea (South)", "KR"],
    ["Korea, Dem. People's Rep.", "KP"],
    ["DPRK", "KP"],
    ["Hong Kong SAR, China", "HK"],
    ["Macao SAR, China", "MO"],
    ["Taiwan, China", "TW"],
    ["Chinese Taipei", "TW"],
    ["Taiwan R.O.C.", "TW"],
    ["Russian Fed.", "RU"],
    ["Czech Rep.", "CZ"],
    ["Slovak Republic", "SK"],
    ["Egypt, Arab Rep.", "EG"],
    ["Iran, Islamic Rep.", "IR"],
    ["Lao PDR", "LA"],
    ["Kyrgyz Republic", "KG"],
    ["Congo, Dem. Rep.", "CD"],
    ["Congo, Rep.", "CG"],
    ["Venezuela, RB", "VE"],
    ["Yemen, Rep.", "YE"],
    ["Gambia, The", "GM"],
    ["Bahamas, The", "BS"],
    ["Turkiye", "TR"],
    ["U.A.E.", "AE"],
    ["KSA", "SA"],
    ["Holland", "NL"],
    ["Burma", "MM"],
    ["Swaziland", "SZ"],
    ["Macedonia", "MK"],
    ["East Timor", "TL"],
    ["Scotland", "GB"],
    ["Wales", "GB"],
    ["Northern Ireland", "GB"],
    ["St. Lucia", "LC"],
    ["St. Kitts and Nevis", "KN"],
  ])("%s → %s (a usual spelling outside ISO)", (text, code) => expect(toCountryCode(text)).toBe(code));

  test("a name that could mean either China is no country: 'Republic of China' and 'ROC' are Taiwan's own, and 'PRC' misread", () => {
    for (const text of ["Republic of China", "ROC", "R.O.C."]) expect(toCountryCode(text)).toBeNull();
  });

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

  test("a cell that says the share is not known (n/a, -, unknown, TBD, k. A.) is read as blank, as the analyst meant", () => {
    for (const cell of ["n/a", "N/A", " NA ", "n.a.", "n/k", "-", "--", "–", "—", "?", "unknown", "Not known", "TBD", "tbc", "k.A.", "k. A."]) {
      expect([cell, parseShare(cell, "china_input_share")]).toEqual([cell, { ok: true, value: undefined }]);
    }
  });

  test("a word that could mean no dependence at all ('none', 'nil') is not read as blank: it stays an error to fix", () => {
    for (const cell of ["none", "nil", "no", "n"]) expect(parseShare(cell, "china_input_share")).toMatchObject({ ok: false, error: { code: "share_invalid" } });
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

  test("a year typed as the date is not read as the Excel day 2025 (1905-07-17): dates outside 1990–2100 are date_out_of_range", () => {
    // Excel day 2025 counts from 1899-12-30: 1905-07-17 (checked against Excel's DATE(1905,7,17) = 2025).
    for (const cell of [2025, "2025", 32_873 /* 1989-12-31 */, "1985-06-01", "2101-01-01", 73_416 /* 2101-01-01 */]) {
      expect({ cell, parsed: parseDate(cell, "as_of") }).toEqual({
        cell,
        parsed: { ok: false, error: { code: "date_out_of_range", field: "as_of", received: String(cell) } },
      });
    }
  });

  test("the first and last days of the range, as serials and as text, are dates", () => {
    expect(parseDate(32_874, "as_of")).toEqual({ ok: true, value: "1990-01-01" });
    expect(parseDate("1990-01-01", "as_of")).toEqual({ ok: true, value: "1990-01-01" });
    expect(parseDate(73_415, "as_of")).toEqual({ ok: true, value: "2100-12-31" });
    expect(parseDate("2100-12-31", "as_of")).toEqual({ ok: true, value: "2100-12-31" });
  });

  // A date cell of a CSV from an ERP or a spreadsheet in another locale: the forms no reader can take two ways.
  test.each([
    ["2026/11/27", "2026-11-27"],
    ["2026.11.27", "2026-11-27"],
    ["2026/1/5", "2026-01-05"],
    ["27.11.2026", "2026-11-27"],
    ["5.1.2026", "2026-01-05"],
    ["27 Nov 2026", "2026-11-27"],
    ["27-Nov-2026", "2026-11-27"],
    ["27 November 2026", "2026-11-27"],
    ["Nov 27, 2026", "2026-11-27"],
    ["November 27 2026", "2026-11-27"],
    ["1 Sept 2026", "2026-09-01"],
    [" 27-NOV-2026 ", "2026-11-27"],
  ])("%p is a date written one way only → %s", (cell, iso) => expect(parseDate(cell, "as_of")).toEqual({ ok: true, value: iso }));

  test("a date that reads two ways (day/month or month/day) or has a two-digit year is refused, not guessed", () => {
    for (const cell of ["01/06/2025", "06/01/2025", "27/11/2026", "11/27/2026", "27.11.26", "27-Nov-26", "2026/27/11", "31.02.2026", "32 Nov 2026", "Nov 2026", "27 Novz 2026"]) {
      expect([cell, parseDate(cell, "as_of")]).toEqual([cell, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: "date_invalid" }) })]);
    }
  });

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

describe("share text with long runs of spaces", () => {
  /**
   * A pattern with two `\s*` around an optional `%` tries every way of splitting a run of n spaces
   * between them before it fails: n² steps. Rather than time that, this records every string any pattern
   * is run on while the table path (the task pane and the CLI) reads and scores a row: once share text is
   * trimmed and bounded before matching, no pattern ever sees the run.
   */
  const RUN = 100_000;
  const mapped = mapColumns(["commodity", "china_input_share"]);
  if (!mapped.ok) throw new Error("no commodity column");
  const columns = mapped.map;

  function scoreWhileWatchingPatterns(share: string) {
    const lengths: number[] = [];
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, text: string) {
      lengths.push(String(text).length);
      return exec.call(this, text);
    };
    try {
      const [result] = scoreRows([recordToRow(["gallium", share], columns).input], fixtureRules(), { asOf: "2025-06-01" });
      return { result, longest: Math.max(0, ...lengths) };
    } finally {
      RegExp.prototype.exec = exec;
    }
  }

  test.each([
    ["a decimal comma, the run, then garbage", `0,5${" ".repeat(RUN)}x`],
    ["a number, the run, then a percent sign", `50${" ".repeat(RUN)}%`],
    ["a number, the run, then garbage", `0.5${" ".repeat(RUN)}x`],
  ])("%s: refused as share_invalid, and no pattern sees the run", (_name, share) => {
    const { result, longest } = scoreWhileWatchingPatterns(share);
    expect(result).toMatchObject({ ok: false, error: { code: "share_invalid", field: "china_input_share" } });
    expect(longest).toBeLessThan(1_000);
  });

  test("a valid share padded with the run on both sides is trimmed first and read", () => {
    const { result, longest } = scoreWhileWatchingPatterns(`${" ".repeat(RUN)}0,5${" ".repeat(RUN)}`);
    expect(result.ok && result.dependence.minerals).toBe(0.5);
    expect(longest).toBeLessThan(1_000);
  });
});
