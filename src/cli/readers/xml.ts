/**
 * A small streaming XML scanner for the parts of an XLSX file. It reports start tags (with attributes),
 * end tags and text, and keeps at most `maxText` characters of any one text run while counting its real
 * length, so a hostile 1 GB cell costs time, not memory. Namespace prefixes are dropped from element and
 * attribute names (`x:row` → `row`, `r:id` → `id`). A DOCTYPE is refused: a workbook part never has one,
 * and it is how entity-expansion bombs start.
 */

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; `length` is the full length when `text` was cut at `maxText`. */
  text(text: string, length: number): void;
}

export class XmlError extends Error {}

/** The longest start tag accepted (attributes included); workbook tags are a few hundred characters. */
const LONGEST_TAG = 1024 * 1024;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseTag(body: string, handler: XmlHandler): void {
  if (body[0] === "/") {
    handler.close(localName(body.slice(1).trim()));
    return;
  }
  const selfClosing = body.endsWith("/");
  const inner = selfClosing ? body.slice(0, -1) : body;
  const nameEnd = inner.search(/[\s]/);
  const name = localName(nameEnd < 0 ? inner : inner.slice(0, nameEnd));
  const attributes: Record<string, string> = {};
  if (nameEnd >= 0) {
    const rest = inner.slice(nameEnd);
    ATTRIBUTE.lastIndex = 0;
    for (let m = ATTRIBUTE.exec(rest); m !== null; m = ATTRIBUTE.exec(rest)) {
      attributes[localName(m[1])] = decodeEntities(m[3] ?? m[4] ?? "");
    }
  }
  handler.open(name, attributes, selfClosing);
}

type State = "text" | "tag" | "markup";

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const GREATER_THAN = 62;

export class XmlScanner {
  private state: State = "text";
  private pending = "";
  private textKept = "";
  private textLength = 0;
  /** For comments, CDATA and processing instructions: the text that ends them. */
  private markupEnd = "";
  private cdata = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxText: number,
  ) {}

  private addText(raw: string): void {
    if (raw === "") return;
    this.textLength += raw.length;
    if (this.textKept.length <= this.maxText + 16) this.textKept += raw;
  }

  private flushText(): void {
    if (this.textLength === 0) return;
    const decoded = decodeEntities(this.textKept);
    const kept = decoded.length > this.maxText ? decoded.slice(0, this.maxText) : decoded;
    const length = this.textLength - this.textKept.length + decoded.length;
    this.textKept = "";
    this.textLength = 0;
    this.handler.text(kept, length);
  }

  push(chunk: string, final = false): void {
    // Joined, not concatenated: `+` makes a rope that V8 re-flattens on every character read.
    const text = this.pending === "" ? chunk : [this.pending, chunk].join("");
    this.pending = "";
    let at = 0;
    while (at < text.length) {
      if (this.state === "text") {
        const lt = text.indexOf("<", at);
        if (lt < 0) {
          // Keep a partial entity at the end for the next chunk, so it is decoded whole.
          const amp = text.lastIndexOf("&");
          const cut = !final && amp >= at && amp > text.length - 12 && !text.includes(";", amp) ? amp : text.length;
          this.addText(text.slice(at, cut));
          this.pending = text.slice(cut);
          return;
        }
        this.addText(text.slice(at, lt));
        at = lt;
        if (text.length - at < 9 && !final) {
          this.pending = text.slice(at);
          return;
        }
        if (text.startsWith("<![CDATA[", at)) {
          this.state = "markup";
          this.markupEnd = "]]>";
          this.cdata = true;
          at += 9;
        } else if (text.startsWith("<!--", at)) {
          this.flushText();
          this.state = "markup";
          this.markupEnd = "-->";
          at += 4;
        } else if (text.startsWith("<?", at)) {
          this.flushText();
          this.state = "markup";
          this.markupEnd = "?>";
          at += 2;
        } else if (text.startsWith("<!", at)) {
          throw new XmlError("the part declares a DOCTYPE, which a workbook never does");
        } else {
          this.flushText();
          this.state = "tag";
          at += 1;
        }
      } else if (this.state === "tag") {
        const gt = this.findTagEnd(text, at);
        if (gt < 0) {
          this.pending = text.slice(at);
          if (this.pending.length > LONGEST_TAG) throw new XmlError("a tag is longer than any workbook writes");
          return;
        }
        parseTag(text.slice(at, gt).trim(), this.handler);
        this.state = "text";
        at = gt + 1;
      } else {
        const end = text.indexOf(this.markupEnd, at);
        if (end < 0) {
          // Keep enough to find the terminator split across chunks.
          const keep = Math.max(at, text.length - (this.markupEnd.length - 1));
          if (this.cdata) this.addCdata(text.slice(at, keep));
          this.pending = text.slice(keep);
          return;
        }
        if (this.cdata) this.addCdata(text.slice(at, end));
        at = end + this.markupEnd.length;
        this.state = "text";
        this.cdata = false;
      }
    }
  }

  /** CDATA is literal text: escape its ampersands so the entity decoding at flush leaves it as it was. */
  private addCdata(raw: string): void {
    if (raw === "") return;
    const escaped = raw.replace(/&/g, "&amp;");
    this.textLength += escaped.length;
    if (this.textKept.length <= this.maxText + 16) this.textKept += escaped;
  }

  /** The `>` that ends a tag, skipping any inside quoted attribute values; -1 when the tag goes on past `text`. */
  private findTagEnd(text: string, from: number): number {
    let quote = 0;
    for (let i = from; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        quote = code;
      } else if (code === GREATER_THAN) {
        return i;
      }
    }
    return -1;
  }

  end(): void {
    this.push("", true);
    if (this.state !== "text" || this.pending.trim() !== "") throw new XmlError("the part ends in the middle of a tag");
    this.flushText();
  }
}
