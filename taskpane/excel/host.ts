/**
 * What the Excel host can do. Every workbook call the pane makes is listed here with its requirement set,
 * so one place decides what degrades when a set is missing.
 *
 *   ExcelApi 1.4  workbook.settings (remembered column mapping), worksheets.getItemOrNullObject
 *   ExcelApi 1.7  Range.getSurroundingRegion, Worksheet.getRangeByIndexes, freezePanes (required to read a table)
 *   ExcelApi 1.9  Range.getTables (the Excel table under the selection; without it the current region is used)
 *   ExcelApi 1.16 Range.valuesAsJson (PROFILE cards in the report's item column; without it, plain names)
 */
export interface ExcelSupport {
  /** Reading a supplier table at all (ExcelApi 1.7). */
  readTables: boolean;
  /** Finding the Excel table under the selection (ExcelApi 1.9). */
  tableUnderSelection: boolean;
  /** Remembering the column mapping in the workbook (ExcelApi 1.4). */
  workbookSettings: boolean;
  /** Writing Excel data types, such as the PROFILE cards of the report (ExcelApi 1.16). */
  dataTypes: boolean;
}

type IsSetSupported = (name: string, version?: string) => boolean;

function requirementsCheck(): IsSetSupported | null {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  return typeof check === "function" ? check.bind(office!.context!.requirements) : null;
}

export function hasExcel(): boolean {
  return typeof (globalThis as { Excel?: unknown }).Excel !== "undefined";
}

/**
 * When Office cannot answer (no `Office.context`, as in a test host that injects `Excel` itself), every set
 * is taken as supported if `Excel` exists: the pane then fails per call, with a coded error, rather than
 * refusing to try.
 */
export function detectExcelSupport(check: IsSetSupported | null = requirementsCheck()): ExcelSupport {
  const excel = hasExcel();
  const supports = (version: string) => excel && (check ? check("ExcelApi", version) : true);
  return {
    readTables: supports("1.7"),
    tableUnderSelection: supports("1.9"),
    workbookSettings: supports("1.4"),
    dataTypes: supports("1.16"),
  };
}

/** Lets the pane repaint and answer clicks between two workbook round trips. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
