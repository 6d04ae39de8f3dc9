/**
 * Cells → typed values. Each parser returns a value or a coded error; none throws. A blank cell is
 * `undefined` (the caller applies the documented default).
 */
import type { CellValue, EngineError } from "./types";
import { engineError, type InputField } from "./errors";
import { toCountryCode } from "./countries";
import { excelSerialToIso, isScoringDate, writtenDateOrNull } from "./dates";
import { LONGEST_SHARE_TEXT } from "./cells";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: EngineError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: EngineError): Parsed<never> => ({ ok: false, error });

/** The error values Excel shows in a cell; they reach us as text from CSV files and some adapters. */
const EXCEL_ERROR_VALUES = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

export function isBlank(cell: CellValue): cell is null | undefined | "" {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

export function excelErrorIn(cell: CellValue): string | null {
  // Every Excel error value starts with "#", which neither trimming nor upper-casing can create.
  if (typeof cell !== "string" || !cell.includes("#")) return null;
  const text = cell.trim().toUpperCase();
  return EXCEL_ERROR_VALUES.has(text) ? text : null;
}

/**
 * What people type in a cell when they do not know the share: read as blank (the documented default applies and
 * the explanation says the share was not given). "none" and "nil" are not here: they may mean no dependence.
 */
const NOT_KNOWN = new Set(["n/a", "na", "n.a.", "n/k", "-", "--", "–", "—", "?", "unknown", "notknown", "tbd", "tbc", "k.a."]);
const SPACES = /\s+/g;

const PERCENT_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A share of dependence: a number 0–1 (what a percent-formatted Excel cell holds), text such as
 * `0.5`, or a percentage `50%` (a decimal comma is turned into a point by `readCell` first). Numbers
 * like 50 are refused rather than guessed to mean 50%. Text is trimmed, then refused when longer than a
 * share can be, and only then matched: the patterns never see an unbounded run of spaces.
 */
export function parseShare(cell: CellValue, field: InputField): Parsed<number | undefined> {
  if (isBlank(cell)) return ok(undefined);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail(engineError("share_invalid", field, String(cell)));
    return cell >= 0 && cell <= 1 ? ok(cell) : fail(engineError("share_out_of_range", field, String(cell)));
  }
  if (typeof cell !== "string") return fail(engineError("share_invalid", field, String(cell)));
  const text = cell.trim();
  if (text.length > LONGEST_SHARE_TEXT) return fail(engineError("share_invalid", field, text));
  if (NOT_KNOWN.has(text.toLowerCase().replace(SPACES, ""))) return ok(undefined);
  const percent = PERCENT_TEXT.exec(text);
  const value = percent ? Number(percent[1]) / 100 : NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) return fail(engineError("share_invalid", field, text));
  return value >= 0 && value <= 1 ? ok(value) : fail(engineError("share_out_of_range", field, text));
}

export function parseCountry(cell: CellValue, field: InputField): Parsed<string | null> {
  if (isBlank(cell)) return ok(null);
  const text = String(cell).trim();
  const code = typeof cell === "string" ? toCountryCode(text) : null;
  return code ? ok(code) : fail(engineError("country_unknown", field, text));
}

/**
 * Text written one way only (`2025-06-01`, a time part ignored; `01.06.2025`; `1 Jun 2025`: see `writtenDateOrNull`)
 * or an Excel date serial, as number or digits. A date
 * outside 1990–2100 is `date_out_of_range`, whichever way it was written.
 */
export function parseDate(cell: CellValue, field: InputField): Parsed<string | undefined> {
  if (isBlank(cell)) return ok(undefined);
  const received = String(cell).trim();
  let iso: string | null = null;
  if (typeof cell === "number") iso = excelSerialToIso(cell);
  else if (typeof cell === "string") iso = NUMBER_TEXT.test(received) ? excelSerialToIso(Number(received)) : writtenDateOrNull(received);
  if (iso === null) return fail(engineError("date_invalid", field, received));
  return isScoringDate(iso) ? ok(iso) : fail(engineError("date_out_of_range", field, received));
}

