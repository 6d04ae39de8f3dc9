/**
 * What every sheet the pane adds shares (the report sheets and the example list): a name no sheet has, and
 * cell values that stay text. Kept apart from the report writer so that inserting the example does not load it.
 */
import { escapeFormula } from "../../src/engine/text-safety";

export type SheetCell = string | number;

export const REPORT_SHEET_BASE_NAME = "Chokepoint report";
/** Excel's own limit on worksheet names. */
const MAX_SHEET_NAME = 31;

/** The first of "Chokepoint report", "Chokepoint report (2)", … that no sheet uses (Excel compares names case-insensitively). */
export function freshSheetName(existing: readonly string[], base = REPORT_SHEET_BASE_NAME): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

/**
 * Text that starts like a formula would be evaluated by Excel when written as a value; a supplier called
 * "=HYPERLINK(…)" must stay text. Excel's leading apostrophe marks a cell as text and is not displayed.
 */
export function asCellValue(value: SheetCell): SheetCell {
  return typeof value === "string" ? escapeFormula(value) : value;
}
