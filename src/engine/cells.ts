/**
 * The one reading of a cell. Whatever hands a cell over — a formula argument, a row the task pane read
 * from the sheet, a CSV or XLSX record in the CLI — it means the same thing here, so a row gives the same
 * result everywhere (docs/scoring.md, "Reading the inputs"). The engine applies it to every row field
 * before parsing; the formulas also use it to tell padding rows from suppliers.
 *
 * - Nothing, `""` and text of spaces only are blank.
 * - An Excel error value is its error text (`#N/A`), which scoring reports as `excel_error_input`.
 * - An Excel data type stands for what the cell shows: an entity or linked entity (a Geography "China",
 *   a PROFILE card) for its `text`; a formatted number, string or boolean value for its basic value. An
 *   entity without text is its basic value, `#VALUE!`, as in any formula that cannot use it; so is any other
 *   object (an array, a plain object, one whose properties throw when read).
 * - In a text-like field (commodity, countries, date) the number 0 is blank: older Excel desktop builds
 *   pass an empty cell to a formula as 0, and no commodity, country or scoring date is 0. A share of 0 is
 *   a real 0 ("no dependence").
 * - Text is trimmed. In a share, a decimal comma is a decimal point: `0,5` is 0.5 and `12,5 %` is 12.5%.
 */
import type { CellValue, RowInput } from "./types";

export type CellKind = "text" | "share" | "date";

/** How each row field is read. */
export const ROW_FIELD_KINDS: Readonly<Record<keyof RowInput, CellKind>> = {
  commodity: "text",
  supplierCountry: "text",
  siteCountry: "text",
  chinaInputShare: "share",
  chinaTechnology: "share",
  chinaEquipment: "share",
  chinaPersonnel: "share",
  asOf: "date",
  supplierName: "text",
};

/**
 * A share is a short number, perhaps with a percent sign; longer text is not a share and is refused
 * before any pattern runs on it, so a cell of 100,000 spaces costs one scan.
 */
export const LONGEST_SHARE_TEXT = 32;

/** Applied to trimmed text no longer than LONGEST_SHARE_TEXT; `\d` and `\s` never overlap, so it cannot backtrack. */
const DECIMAL_COMMA_SHARE = /^([+-]?\d*),(\d+)(\s*%)?$/;

/** The `type` of the Excel cell values (Excel.EntityCellValue, Excel.LinkedEntityCellValue) that carry a display text. */
const ENTITY_TYPES = new Set(["Entity", "LinkedEntity"]);

/** What a formula gets from a cell it cannot use: an object that is no Excel value, or one that throws when read. */
const UNUSABLE = "#VALUE!";

function unwrap(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw !== "object") return String(raw);
  try {
    const value = raw as { code?: unknown; basicValue?: unknown; type?: unknown; text?: unknown };
    if (typeof value.code === "string" && value.code.startsWith("#")) return value.code;
    if (typeof value.type === "string" && ENTITY_TYPES.has(value.type) && typeof value.text === "string") return value.text;
    if (typeof value.basicValue === "string" || typeof value.basicValue === "number" || typeof value.basicValue === "boolean") {
      return value.basicValue;
    }
  } catch {
    // a getter that throws: hostile or broken, either way not a value to read
  }
  return UNUSABLE;
}

/** A cell as the engine reads it for a field of the given kind: null when blank, else trimmed text, a number or a boolean. */
export function readCell(raw: unknown, kind: CellKind): CellValue {
  // Text and numbers first: nearly every cell is one of them.
  if (typeof raw === "string") return readText(raw, kind);
  if (raw === null || raw === undefined) return null;
  const value = typeof raw === "number" ? raw : unwrap(raw);
  if (value === null) return null;
  if (typeof value === "number") return value === 0 && kind !== "share" ? null : value;
  if (typeof value !== "string") return value;
  return readText(value, kind);
}

function readText(value: string, kind: CellKind): CellValue {
  const text = value.trim();
  if (text === "") return null;
  if (kind === "share" && text.length <= LONGEST_SHARE_TEXT && text.includes(",")) {
    const decimal = DECIMAL_COMMA_SHARE.exec(text);
    if (decimal) return `${decimal[1]}.${decimal[2]}${decimal[3] ?? ""}`;
  }
  return text;
}

/** True when a cell holds nothing under any reading, including the 0 older Excel builds pass for an empty cell. */
export function isEmptyCell(raw: unknown): boolean {
  return readCell(raw, "text") === null;
}

/** Every field of a row read with `readCell` (spelled out: it runs once per row on the scoring path). */
export function readRow(row: RowInput): RowInput {
  return {
    commodity: readCell(row.commodity, ROW_FIELD_KINDS.commodity),
    supplierCountry: readCell(row.supplierCountry, ROW_FIELD_KINDS.supplierCountry),
    siteCountry: readCell(row.siteCountry, ROW_FIELD_KINDS.siteCountry),
    chinaInputShare: readCell(row.chinaInputShare, ROW_FIELD_KINDS.chinaInputShare),
    chinaTechnology: readCell(row.chinaTechnology, ROW_FIELD_KINDS.chinaTechnology),
    chinaEquipment: readCell(row.chinaEquipment, ROW_FIELD_KINDS.chinaEquipment),
    chinaPersonnel: readCell(row.chinaPersonnel, ROW_FIELD_KINDS.chinaPersonnel),
    asOf: readCell(row.asOf, ROW_FIELD_KINDS.asOf),
    supplierName: readCell(row.supplierName, ROW_FIELD_KINDS.supplierName),
  };
}
