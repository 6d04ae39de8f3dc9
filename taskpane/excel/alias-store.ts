/**
 * The workbook's own aliases live in the workbook (`workbook.settings`, ExcelApi 1.4), like the column
 * mapping, so they travel with the file and apply to whoever opens it. Stored as JSON text in the one
 * overlay format the engine validates (src/engine/user-aliases.ts); anything unreadable counts as none.
 */
import { NO_USER_ALIASES, type UserAliases } from "../../src/engine/user-aliases";
import type { InputChecks } from "../../src/runtime/load-input-checks";
import type { ExcelSupport } from "./host";

export const ALIASES_SETTING_KEY = "chokepoint.userAliases";

/** `checks`: the add-in's input checks, fetched by the caller (a stored overlay is checked before it is used). */
export async function loadUserAliases(context: Excel.RequestContext, support: ExcelSupport, checks: Pick<InputChecks, "parseUserAliases">): Promise<UserAliases> {
  if (!support.workbookSettings) return NO_USER_ALIASES;
  const setting = context.workbook.settings.getItemOrNullObject(ALIASES_SETTING_KEY);
  setting.load("value");
  await context.sync();
  if (setting.isNullObject) return NO_USER_ALIASES;
  let value: unknown = setting.value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return NO_USER_ALIASES;
    }
  }
  const parsed = checks.parseUserAliases(value);
  return parsed.ok ? parsed.aliases : NO_USER_ALIASES;
}

/** Stores the whole list; false when the host cannot keep workbook settings. */
export async function saveUserAliases(context: Excel.RequestContext, support: ExcelSupport, aliases: UserAliases): Promise<boolean> {
  if (!support.workbookSettings) return false;
  context.workbook.settings.add(ALIASES_SETTING_KEY, JSON.stringify(aliases));
  await context.sync();
  return true;
}
