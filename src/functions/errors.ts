/**
 * The one table from problems (engine error codes, match outcomes, argument shapes) to Excel errors, and
 * the sentences shown in the cell's error flag. `#VALUE!`: the input cannot be used. `#N/A`: the input is
 * fine but nothing in the rules answers it — an unrecognised commodity is never shown as 0 exposure.
 */
import { describeEngineError, type EngineErrorCode, type SupplyStage } from "../engine";
import { FUNCTIONS_NAMESPACE } from "./namespace";
import type { ShapeProblem } from "./cells";


export type FunctionProblem =
  | { code: EngineErrorCode; field: string; received?: string }
  | { code: "commodity_unmatched"; received: string; anyItemScore?: number; reason?: string; suggestions?: readonly string[] }
  | { code: "share_figure_missing"; itemName: string; stage: SupplyStage | null }
  | { code: "stage_unknown"; received: string }
  | { code: "detail_invalid"; received: string }
  | ShapeProblem;

export type FunctionProblemCode = FunctionProblem["code"];

type ExcelErrorText = "#VALUE!" | "#N/A";

const EXCEL_ERROR: Record<FunctionProblemCode, ExcelErrorText> = {
  commodity_missing: "#VALUE!",
  commodity_too_long: "#VALUE!",
  share_invalid: "#VALUE!",
  share_out_of_range: "#VALUE!",
  country_unknown: "#VALUE!",
  date_invalid: "#VALUE!",
  excel_error_input: "#VALUE!",
  stage_unknown: "#VALUE!",
  detail_invalid: "#VALUE!",
  range_not_one_column: "#VALUE!",
  ranges_differ_in_length: "#VALUE!",
  single_cell_expected: "#VALUE!",
  commodity_unmatched: "#N/A",
  share_figure_missing: "#N/A",
};

/** Engine field names (CLI column headers) → the parameter names shown in Excel's formula builder. */
const PARAMETER_NAMES: Record<string, string> = {
  commodity: "commodity",
  supplier_country: "supplierCountry",
  site_country: "siteCountry",
  china_input_share: "chinaInputShare",
  china_technology: "chinaTechnology",
  china_equipment: "chinaEquipment",
  china_personnel: "chinaPersonnel",
  as_of: "asOf",
};

const parameter = (field: string) => PARAMETER_NAMES[field] ?? field;

function describe(problem: FunctionProblem): string {
  switch (problem.code) {
    case "commodity_missing":
    case "commodity_too_long":
    case "share_invalid":
    case "share_out_of_range":
    case "country_unknown":
    case "date_invalid":
    case "excel_error_input":
      return describeEngineError({ code: problem.code, field: problem.field, received: problem.received }, parameter);
    case "commodity_unmatched": {
      const partial =
        problem.anyItemScore === undefined ? "" : `; controls that apply to any item alone give ${problem.anyItemScore.toFixed(1)}`;
      const reason = problem.reason ? ` (${problem.reason})` : "";
      const perhaps = problem.suggestions && problem.suggestions.length > 0 ? `; perhaps: ${problem.suggestions.join("; ")}` : "";
      return `commodity not recognised: "${problem.received}"${reason}${perhaps} — see ${FUNCTIONS_NAMESPACE}.MATCH(…, TRUE)${partial}`;
    }
    case "share_figure_missing":
      return `the rules give no China share${problem.stage ? ` of ${problem.stage}` : ""} for ${problem.itemName}`;
    case "stage_unknown":
      return `stage must be "mining" or "processing" (or left empty); got ${problem.received}`;
    case "detail_invalid":
      return `detail must be TRUE (show the reading in words) or FALSE (or left empty); got ${problem.received}`;
    case "range_not_one_column":
      return `${problem.parameter} is a ${problem.rows}×${problem.columns} block; give one column, one row or one cell`;
    case "ranges_differ_in_length":
      return `ranges differ in length: ${problem.parameters.map((p) => `${p.name} ${p.length}`).join(", ")}; give ranges of equal length or single cells`;
    case "single_cell_expected":
      return `${problem.parameter} must be one cell here, not ${problem.rows}×${problem.columns}; fill the formula down instead`;
  }
}

/** Excel shows custom error messages in the cell's error flag; very long ones are cut. */
const LONGEST_MESSAGE = 255;

/** The host's error class when Office.js provides it (Excel, CustomFunctionsRuntime 1.2+). */
function hostErrorClass(): (new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error) | null {
  const runtime = typeof CustomFunctions === "undefined" ? undefined : CustomFunctions;
  return runtime && typeof runtime.Error === "function" ? runtime.Error : null;
}

/** An Excel error value for a cell. Outside Excel (a plain browser page) the same shape as a plain object. */
export function excelError(code: ExcelErrorText, message: string): CustomFunctions.Error {
  const text = message.length > LONGEST_MESSAGE ? `${message.slice(0, LONGEST_MESSAGE - 1)}…` : message;
  const HostError = hostErrorClass();
  if (HostError) return new HostError(code as CustomFunctions.ErrorCode, text);
  return { type: "Error", code, basicValue: code, message: text } as unknown as CustomFunctions.Error;
}

export function toExcelError(problem: FunctionProblem): CustomFunctions.Error {
  return excelError(EXCEL_ERROR[problem.code], describe(problem));
}

/** The Excel error text a problem code maps to (for documentation and tests). */
export function excelErrorFor(code: FunctionProblemCode): ExcelErrorText {
  return EXCEL_ERROR[code];
}
