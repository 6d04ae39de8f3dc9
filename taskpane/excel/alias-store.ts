/**
 * The workbook's own aliases live in the workbook (`workbook.settings`, ExcelApi 1.4), like the column
 * mapping, so they travel with the file and apply to whoever opens it. Stored as JSON text in the one
 * overlay format the engine validates (src/engine/user-aliases-check.ts); one that does not pass is not used, and the
 * pane says why.
 */
import type { UserAliases } from "../../src/engine/user-aliases";
import type { UserAliasesResult } from "../../src/engine/user-aliases-check";
import type { InputChecks } from "../../src/runtime/load-input-checks";
import type { ExcelSupport } from "./host";

export const ALIASES_SETTING_KEY = "chokepoint.userAliases";

/**
 * The stored overlay as the workbook holds it, not yet checked: JSON text read as its value (text that is not JSON
 * stays text, which the check then refuses); null when the workbook holds none.
 */
export async function readStoredAliases(context: Excel.RequestContext, support: ExcelSupport): Promise<unknown> {
  if (!support.workbookSettings) return null;
  const setting = context.workbook.settings.getItemOrNullObject(ALIASES_SETTING_KEY);
  setting.load("value");
  await context.sync();
  if (setting.isNullObject) return null;
  const value: unknown = setting.value;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A stored overlay checked with the add-in's input checks; nothing partial is used. */
export function checkedAliases(stored: unknown, checks: Pick<InputChecks, "parseUserAliases">): UserAliasesResult {
  return checks.parseUserAliases(stored);
}

/** Stores the whole list; false when the host cannot keep workbook settings. */
export async function saveUserAliases(context: Excel.RequestContext, support: ExcelSupport, aliases: UserAliases): Promise<boolean> {
  if (!support.workbookSettings) return false;
  context.workbook.settings.add(ALIASES_SETTING_KEY, JSON.stringify(aliases));
  await context.sync();
  return true;
}
