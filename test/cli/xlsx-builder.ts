/**
 * Hand-made XLSX files for the reader's tests: the parts are written as XML text and zipped here, so a test
 * can make what Excel never writes (a stray cell at XFD1048576, a formula without a saved value, a zip bomb)
 * without committing binary fixtures.
 */
import { deflateRawSync, crc32 } from "node:zlib";

export type ZipParts = Record<string, string | Buffer>;

/** A zip archive of `parts` (deflated), with a central directory, as every XLSX is. */
export function zip(parts: ZipParts): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Column index (0-based) → letters: 0 → A, 16383 → XFD. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell as the test writes it: a value, or raw `<c>` inner XML with its type attribute. */
export type SheetCell = string | number | null | { xml: string; type?: string };

function cellXml(reference: string, cell: SheetCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return `<c r="${reference}"><v>${cell}</v></c>`;
  if (typeof cell === "string") return `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  return `<c r="${reference}"${cell.type ? ` t="${cell.type}"` : ""}>${cell.xml}</c>`;
}

/** Sheet XML from rows of cells; `rowNumbers` places rows (default 1, 2, 3…). */
export function sheetXml(rows: readonly (readonly SheetCell[])[], options: { rowNumbers?: number[]; dimension?: string; extra?: string } = {}): string {
  const body = rows
    .map((cells, i) => {
      const r = options.rowNumbers?.[i] ?? i + 1;
      return `<row r="${r}">${cells.map((cell, c) => cellXml(`${columnName(c)}${r}`, cell)).join("")}</row>`;
    })
    .join("");
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${body}</sheetData>${options.extra ?? ""}</worksheet>`;
}

export interface BuiltSheet {
  name: string;
  xml: string;
  state?: "hidden" | "veryHidden";
}

/** The parts of a workbook with these sheets, in this tab order; sheet files are numbered backwards on purpose. */
export function workbookParts(sheets: readonly BuiltSheet[], extraParts: ZipParts = {}): ZipParts {
  const parts: ZipParts = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  };
  const count = sheets.length;
  const fileOf = (i: number) => `worksheets/sheet${count - i}.xml`;
  parts["xl/workbook.xml"] =
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("") +
    "</sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${fileOf(i)}"/>`)
      .join("") +
    "</Relationships>";
  sheets.forEach((s, i) => (parts[`xl/${fileOf(i)}`] = s.xml));
  return { ...parts, ...extraParts };
}

/** An XLSX file's bytes: one sheet per entry, in tab order. */
export function xlsx(sheets: readonly BuiltSheet[], extraParts: ZipParts = {}): Buffer {
  return zip(workbookParts(sheets, extraParts));
}
