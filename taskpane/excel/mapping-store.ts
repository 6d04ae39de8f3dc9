/**
 * Remembers the user's column choices in the workbook itself (`workbook.settings`, ExcelApi 1.4), keyed by
 * the supplier table (its name, or sheet and header position for a plain range), so the mapping travels
 * with the file and another workbook is not affected.
 */
import type { ColumnChoices } from "../column-mapping";
import type { ExcelSupport } from "./host";

export const MAPPING_SETTING_KEY = "chokepoint.columnMappings";

type StoredMappings = Record<string, ColumnChoices>;

function asMappings(value: unknown): StoredMappings {
  if (typeof value === "string") {
    try {
      return asMappings(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return value && typeof value === "object" && !Array.isArray(value) ? (value as StoredMappings) : {};
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
): Promise<ColumnChoices | null> {
  if (!support.workbookSettings) return null;
  return (await readAll(context))[tableKey] ?? null;
}

/** Stores the choices for one table; passing null forgets them (back to automatic matching). */
export async function saveColumnChoices(
  context: Excel.RequestContext,
  support: ExcelSupport,
  tableKey: string,
  choices: ColumnChoices | null,
): Promise<boolean> {
  if (!support.workbookSettings) return false;
  const all = await readAll(context);
  if (choices === null) delete all[tableKey];
  else all[tableKey] = choices;
  // Stored as JSON text: setting values must be JSON-serialisable, and text round-trips the same on every host.
  context.workbook.settings.add(MAPPING_SETTING_KEY, JSON.stringify(all));
  await context.sync();
  return true;
}
