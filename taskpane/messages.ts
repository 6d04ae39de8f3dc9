/**
 * Every sentence the pane shows for a coded outcome, in one table. Codes come from the engine, the rules
 * runtime and the pane's own workbook calls; rules-load errors are described by the rules module itself.
 */
import type { Category, EngineErrorCode } from "../src/engine";

export const CATEGORY_LABELS: Record<Category, string> = {
  minerals: "Minerals",
  technology: "Technology",
  equipment: "Equipment",
  personnel: "Personnel",
};

export const ENGINE_ERROR_LABELS: Record<EngineErrorCode, string> = {
  commodity_missing: "No commodity",
  commodity_too_long: "Commodity text too long",
  share_invalid: "Share not a number",
  share_out_of_range: "Share outside 0–100%",
  country_unknown: "Country not recognised",
  date_invalid: "Date not recognised",
  date_out_of_range: "Date outside 1990–2100",
  excel_error_input: "Excel error in an input cell",
  supplier_name_too_long: "Supplier name too long",
};

export type PaneProblemCode =
  | "not_in_excel"
  | "api_unsupported"
  | "no_table_at_selection"
  | "commodity_column_missing"
  | "excel_call_failed"
  | "report_failed"
  | "select_failed"
  | "mapping_unreadable"
  | "mapping_not_saved"
  | "scoring_failed"
  | "settings_not_saved"
  | "changes_failed"
  | "example_failed"
  | "part_not_loaded"
  | "aliases_not_loaded"
  | "aliases_unreadable";

export function describePaneProblem(code: PaneProblemCode, detail?: string): string {
  const suffix = detail ? ` (${detail})` : "";
  switch (code) {
    case "not_in_excel":
      return "Open this pane in Excel to analyse a supplier list. The rules below can still be checked and refreshed.";
    case "api_unsupported":
      return "This version of Excel cannot read tables for add-ins (Excel API 1.7 is needed). Update Office, or use the command-line tool.";
    case "no_table_at_selection":
      return "No supplier table found at the selection. Click a cell inside your supplier list (a header row followed by one row per supplier) and try again.";
    case "commodity_column_missing":
      return "No commodity column was recognised. Choose which column holds the commodity under “Columns”.";
    case "excel_call_failed":
      return `Excel could not complete the request${suffix}. Nothing was changed.`;
    case "report_failed":
      return `The report could not be written${suffix}. Your data was not changed.`;
    case "select_failed":
      return `That row could not be selected${suffix}.`;
    case "mapping_unreadable":
      return `The saved column choices for this table could not be read${suffix}, so the columns were matched automatically. Check them under “Columns”; choosing again saves them afresh.`;
    case "mapping_not_saved":
      return `Your column choice is used now but could not be saved in the workbook${suffix}; it will be forgotten when the pane is closed.`;
    case "scoring_failed":
      return `The rows could not be scored${suffix}. The results shown, if any, are from the previous run.`;
    case "settings_not_saved":
      return `The rules settings could not be saved${suffix}. Nothing was changed.`;
    case "changes_failed":
      return `What changed and what is coming up could not be worked out${suffix}. The scores above are not affected.`;
    case "example_failed":
      return `The example list could not be written to a new sheet${suffix}. Your sheets were not changed.`;
    case "part_not_loaded":
      return `This part of the add-in could not be loaded from its server${suffix}. Check the connection and try again; nothing was changed.`;
    case "aliases_unreadable":
      return `The workbook's own aliases could not be read${suffix}, so none are applied. Assigning an alias saves a new list in their place.`;
    case "aliases_not_loaded":
      return `The workbook's own aliases could not be read, because the part of the add-in that checks them could not be loaded from its server${suffix}. Scores are shown without them; reopen the pane to try again.`;
  }
}

export function errorDetail(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
