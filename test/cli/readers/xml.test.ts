import { XmlError, XmlScanner } from "../../../src/cli/readers/xml";

type Event = ["open", string, Record<string, string>, boolean] | ["close", string] | ["text", string, number];

function scan(pieces: readonly string[], maxText = 1000): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner(
    {
      open: (name, attributes, selfClosing) => events.push(["open", name, { ...attributes }, selfClosing]),
      close: (name) => events.push(["close", name]),
      text: (text, length) => events.push(["text", text, length]),
    },
    maxText,
  );
  for (const piece of pieces) scanner.push(piece);
  scanner.end();
  return events;
}

const XML =
  '<?xml version="1.0"?>\n<x:sst xmlns:x="urn:a" count=\'2\'><x:si><x:t xml:space="preserve">R&amp;D &lt;Co&gt; &#233;&#x4E2D;</x:t></x:si>' +
  '<!-- a comment with <tags> --><si><t><![CDATA[raw <b>&amp; text]]></t><rPh sb="0"><t>ふりがな</t></rPh></si><c r="A1" s="2"/><v a=">">1</v></x:sst>';

describe("XmlScanner", () => {
  it("reports tags without prefixes, attributes, decoded text and CDATA as written", () => {
    expect(scan([XML])).toEqual([
      ["text", "\n", 1],
      ["open", "sst", { x: "urn:a", count: "2" }, false],
      ["open", "si", {}, false],
      ["open", "t", { space: "preserve" }, false],
      ["text", "R&D <Co> é中", 11],
      ["close", "t"],
      ["close", "si"],
      ["open", "si", {}, false],
      ["open", "t", {}, false],
      ["text", "raw <b>&amp; text", 17],
      ["close", "t"],
      ["open", "rPh", { sb: "0" }, false],
      ["open", "t", {}, false],
      ["text", "ふりがな", 4],
      ["close", "t"],
      ["close", "rPh"],
      ["close", "si"],
      ["open", "c", { r: "A1", s: "2" }, true],
      ["open", "v", { a: ">" }, false],
      ["text", "1", 1],
      ["close", "v"],
      ["close", "sst"],
    ]);
  });

  it("gives the same events however the text is split into chunks", () => {
    const whole = scan([XML]);
    for (let size = 1; size <= 40; size += 1) {
      const pieces: string[] = [];
      for (let at = 0; at < XML.length; at += size) pieces.push(XML.slice(at, at + size));
      expect(scan(pieces)).toEqual(whole);
    }
  });

  it("keeps at most maxText characters of a text run but reports its full length", () => {
    const events = scan(["<v>", "x".repeat(5000), "y".repeat(5000), "</v>"], 100);
    expect(events[1]).toEqual(["text", "x".repeat(100), 10_000]);
  });

  it("refuses a DOCTYPE (entity-expansion bombs start there) and a part cut off inside a tag", () => {
    expect(() => scan(['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'])).toThrow(XmlError);
    expect(() => scan(['<x><y a="1'])).toThrow(XmlError);
  });
});
