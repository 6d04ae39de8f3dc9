import { escapeFormula, singleLine, stripControlCharacters } from "../../src/engine/text-safety";

describe("escapeFormula", () => {
  // Each leading character a spreadsheet reads as the start of a formula (tab and CR: Excel skips them).
  const LEADS = ["=", "+", "-", "@", "\t", "\r"];

  it.each(LEADS)("prefixes an apostrophe when the text starts with %j", (lead) => {
    expect(escapeFormula(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(escapeFormula(lead)).toBe(`'${lead}`);
  });

  it.each(LEADS)("catches a multi-line cell starting with %j (papaparse's rule missed these)", (lead) => {
    const text = `${lead}HYPERLINK("http://evil.example","x")\nsecond line\r\nthird`;
    expect(escapeFormula(text)).toBe(`'${text}`);
  });

  it.each(["Acme", "1200", " =1+1", "a=b", "", "'=already", "\n=1"])("leaves %j alone", (text) => {
    expect(escapeFormula(text)).toBe(text);
  });
});

describe("stripControlCharacters", () => {
  it("drops ESC, BEL, CR, backspace, DEL, C1 controls and bidi overrides, keeping tab and line feed", () => {
    const hostile = "\u001b]0;pwned\u0007A\rB\bC\u007fD\u009b2JE\u202eF\u2066G\tH\nI\u0000";
    expect(stripControlCharacters(hostile)).toBe("]0;pwnedABCD2JEFG\tH\nI");
  });

  it("keeps ordinary text in any script", () => {
    const text = "Müller Magnete GmbH — 磁石 · Ñandú";
    expect(stripControlCharacters(text)).toBe(text);
  });
});

describe("singleLine", () => {
  it("puts a multi-line, control-laden text on one line", () => {
    expect(singleLine("fake\n  row 2: ok\u001b[2J\r\ttail")).toBe("fake row 2: ok[2J tail");
  });
});
