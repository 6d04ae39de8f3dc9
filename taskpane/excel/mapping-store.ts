/**
 * Remembers the user's column choices in the workbook itself (`workbook.settings`, ExcelApi 1.4), keyed by
 * the supplier table (its name, or sheet and header position for a plain range), so the mapping travels
 * with the file and another workbook is not affected.
 */
import type { ColumnChoices } from "../column-mapping";
import type { ExcelSupport } from "./host";

export const MAPPING_SETTING_KEY = "chokepoint.columnMappings";

type StoredMappings = Record<string, ColumnChoices>;

/** What reading the remembered choices came to; a setting that is there but cannot be read is not "nothing saved". */
export type ColumnChoicesRead = { ok: true; choices: ColumnChoices | null } | { ok: false; cause: string };

class UnreadableSetting extends Error {}

function isChoices(value: unknown): value is ColumnChoices {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value) &&
    Object.values(value as Record<string, unknown>).every((header) => header === null || typeof header === "string");
}

function asMappings(value: unknown): StoredMappings {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new UnreadableSetting("the saved setting is not valid JSON");
    }
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new UnreadableSetting("the saved setting is not a table of choices");
  return parsed as StoredMappings;
}

async function readAll(context: Excel.RequestContext): Promise<StoredMappings> {
  const setting = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING_KEY);
  setting.load("value");
  await context.sync();
  return setting.isNullObject ? {} : asMappings(setting.value);
}

export async function loadColumnChoices(
  context: Excel.RequestContext,
  support: ExcelSupport,
  tableKey: string,
): Promise<ColumnChoicesRead> {
  if (!support.workbookSettings) return { ok: true, choices: null };
  try {
    const choices = (await readAll(context))[tableKey];
    if (choices === undefined) return { ok: true, choices: null };
    return isChoices(choices) ? { ok: true, choices } : { ok: false, cause: "the saved choices for this table are malformed" };
  } catch (error) {
    return { ok: false, cause: error instanceof Error ? error.message : String(error) };
  }
}

/** Stores the choices for one table; passing null forgets them (back to automatic matching). */
export async function saveColumnChoices(
  context: Excel.RequestContext,
  support: ExcelSupport,
  tableKey: string,
  choices: ColumnChoices | null,
): Promise<boolean> {
  if (!support.workbookSettings) return false;
  // A setting that cannot be read is replaced: the user has been told it was lost (mapping_unreadable).
  const all = await readAll(context).catch((error: unknown): StoredMappings => {
    if (error instanceof UnreadableSetting) return {};
    throw error;
  });
  if (choices === null) delete all[tableKey];
  else all[tableKey] = choices;
  // Stored as JSON text: setting values must be JSON-serialisable, and text round-trips the same on every host.
  context.workbook.settings.add(MAPPING_SETTING_KEY, JSON.stringify(all));
  await context.sync();
  return true;
}
