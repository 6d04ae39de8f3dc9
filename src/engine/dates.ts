/**
 * Calendar days as the engine handles them: ISO text (YYYY-MM-DD, compared as text), Excel serials, and
 * "today" where the workbook or the command runs. Every adapter takes its dates from here.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MS = 86_400_000;
/** Excel's 1900 date system counts 1900-02-29, which never existed; from serial 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_UNAMBIGUOUS_SERIAL = 61;
const LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < FIRST_UNAMBIGUOUS_SERIAL || serial > LAST_EXCEL_SERIAL) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The days a score can be asked for. Export controls before 1990 or after 2100 are not in any rules file,
 * and a date outside this range is almost always a mistake: a year typed alone (`2025`) is the Excel
 * day 2025, which is 1905-07-17.
 */
export const FIRST_SCORING_DATE = "1990-01-01";
export const LAST_SCORING_DATE = "2100-12-31";

export function isScoringDate(iso: string): boolean {
  return iso >= FIRST_SCORING_DATE && iso <= LAST_SCORING_DATE;
}

export function isoDateOrNull(text: string): string | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
/** Day, month, year with dots: the European way, never month first. */
const DOTTED_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A month's English name or its abbreviation (its first three letters, or "sept"). */
function monthNumber(name: string): number | null {
  const index = MONTH_NAMES.findIndex((month) => month === name || month.slice(0, 3) === name || (name === "sept" && month === "september"));
  return index < 0 ? null : index + 1;
}

function calendarDay(year: string, month: number | string | null, day: string): string | null {
  if (month === null) return null;
  const pad = (value: number | string) => String(value).padStart(2, "0");
  return isoDateOrNull(`${year}-${pad(month)}-${pad(day)}`);
}

/**
 * A date as text that can be read one way only: ISO, year first with slashes or dots (2026/11/27), day first with
 * dots (27.11.2026), or an English month name (27 Nov 2026, Nov 27, 2026). Day/month with slashes (27/11/2026 or
 * 11/27/2026) and two-digit years read two ways and are not taken.
 */
export function writtenDateOrNull(text: string): string | null {
  const trimmed = text.trim();
  const iso = isoDateOrNull(trimmed);
  if (iso !== null) return iso;
  let m = YEAR_FIRST.exec(trimmed);
  if (m) return calendarDay(m[1], m[2], m[3]);
  m = DOTTED_DAY_FIRST.exec(trimmed);
  if (m) return calendarDay(m[3], m[2], m[1]);
  const lower = trimmed.toLowerCase();
  m = DAY_MONTH_NAME.exec(lower);
  if (m) return calendarDay(m[3], monthNumber(m[2]), m[1]);
  m = MONTH_NAME_DAY.exec(lower);
  if (m) return calendarDay(m[3], monthNumber(m[1]), m[2]);
  return null;
}

/** The day after an ISO date, for "a dated status holds through its last day". */
export function nextDay(iso: string): string {
  return addDays(iso, 1);
}

/** An ISO date moved by a whole number of days (negative: earlier), in UTC so no clock change shifts it. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The local day last asked about, from its first to past its last millisecond, in the time zone of then (formulas ask once per cell). */
let lastDay = { from: 0, until: 0, offset: 0, iso: "" };

/** Today's local calendar date as YYYY-MM-DD: the default scoring date in every front end. */
export function todayIso(now: Date = new Date()): string {
  const time = now.getTime();
  const offset = now.getTimezoneOffset();
  if (time >= lastDay.from && time < lastDay.until && offset === lastDay.offset) return lastDay.iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  const [year, month, day] = [now.getFullYear(), now.getMonth(), now.getDate()];
  const iso = `${year}-${pad(month + 1)}-${pad(day)}`;
  // Local midnights, so a day of 23 or 25 hours (a clock change) is bounded right.
  const from = new Date(year, month, day).getTime();
  const until = new Date(year, month, day + 1).getTime();
  if (!Number.isNaN(time) && year >= 100) lastDay = { from, until, offset, iso };
  return iso;
}
