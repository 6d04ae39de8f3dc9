/**
 * The one table from problems (engine error codes, match outcomes, argument shapes) to Excel errors, and
 * the sentences shown in the cell's error flag. `#VALUE!`: the input cannot be used. `#N/A`: the input is
 * fine but nothing in the rules answers it — an unrecognised commodity is never shown as 0 exposure.
 */
import {
  DEFAULT_HORIZON_DAYS,
  LONGEST_HORIZON_DAYS,
  describeEngineError,
  type EngineErrorCode,
  type ProducerStage,
  type SupplyStage,
} from "../engine";
import { PRODUCER_STAGES } from "../rules/vocabulary";
import { FUNCTIONS_NAMESPACE } from "./namespace";
import type { ShapeProblem } from "./cells";


export type FunctionProblem =
  | { code: EngineErrorCode; field: string; received?: string }
  | { code: "commodity_unmatched"; received: string; anyItemScore?: number; reason?: string; suggestions?: readonly string[]; listingId?: string }
  | { code: "share_figure_missing"; itemName: string; stage: SupplyStage | null }
  | { code: "stage_unknown"; received: string }
  | { code: "producer_stage_unknown"; received: string }
  | { code: "count_invalid"; received: string }
  | { code: "producers_missing"; itemName: string; stage: ProducerStage | null }
  | { code: "producers_not_loaded"; cause: string }
  | {
      code: "no_country_breakdown";
      /** The item asked about, and the item whose figure answered (a component, for a binding stage). */
      itemName: string;
      figureItemName: string;
      stage: ProducerStage;
      year: string;
      reason: string;
      /** Producers outside China the source names without a share. */
      named: string[];
    }
  | { code: "days_invalid"; received: string }
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
  date_out_of_range: "#VALUE!",
  excel_error_input: "#VALUE!",
  supplier_name_too_long: "#VALUE!",
  stage_unknown: "#VALUE!",
  producer_stage_unknown: "#VALUE!",
  count_invalid: "#VALUE!",
  days_invalid: "#VALUE!",
  detail_invalid: "#VALUE!",
  range_not_one_column: "#VALUE!",
  ranges_differ_in_length: "#VALUE!",
  single_cell_expected: "#VALUE!",
  commodity_unmatched: "#N/A",
  share_figure_missing: "#N/A",
  producers_missing: "#N/A",
  producers_not_loaded: "#N/A",
  no_country_breakdown: "#N/A",
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
  supplier_name: "supplierName",
};

const parameter = (field: string) => PARAMETER_NAMES[field] ?? field;

const QUOTED_TEXT_LENGTH = 60;
const shortQuote = (received: string) => (received.length > QUOTED_TEXT_LENGTH ? `${received.slice(0, QUOTED_TEXT_LENGTH - 1)}…` : received);

function describe(problem: FunctionProblem): string {
  switch (problem.code) {
    case "commodity_missing":
    case "commodity_too_long":
    case "share_invalid":
    case "share_out_of_range":
    case "country_unknown":
    case "date_invalid":
    case "date_out_of_range":
    case "excel_error_input":
    case "supplier_name_too_long":
      return describeEngineError({ code: problem.code, field: problem.field, received: problem.received }, parameter);
    case "commodity_unmatched": {
      const sources =
        problem.listingId === undefined ? "controls that apply to any item alone" : `controls that apply to any item and the supplier's listing (${problem.listingId})`;
      const partial = problem.anyItemScore === undefined ? "" : `; ${sources} give ${problem.anyItemScore.toFixed(1)}`;
      const reason = problem.reason ? ` (${problem.reason})` : "";
      const suggestions = problem.suggestions ?? [];
      const advice = ` — use a name, alias or HS code the rules know (see ${FUNCTIONS_NAMESPACE}.MATCH(…, TRUE))`;
      // What matters most comes first, so that Excel's cut of a long message keeps it: the suggestions, the score.
      if (suggestions.length === 0) return `commodity not recognised: "${shortQuote(problem.received)}"${partial}${reason}${advice}`;
      return `commodity not recognised: "${shortQuote(problem.received)}"; did you mean ${suggestions.join(" or ")}?${partial}${reason}${advice}`;
    }
    case "share_figure_missing":
      return `the rules give no China share${problem.stage ? ` of ${problem.stage}` : ""} for ${problem.itemName}`;
    case "stage_unknown":
      return `stage must be "mining" or "processing" (or left empty); got ${problem.received}`;
    case "producer_stage_unknown":
      return `stage must be ${PRODUCER_STAGES.map((stage) => `"${stage}"`).join(", ")} (or left empty); got ${problem.received}`;
    case "count_invalid":
      return `count must be a whole number from 1 (or left empty for every producer); got ${problem.received}`;
    case "producers_missing":
      return `no country breakdown for ${problem.itemName}: the rules give no producer figures${problem.stage ? ` for ${problem.stage}` : ""}`;
    case "producers_not_loaded":
      return `the producer figures could not be loaded (${problem.cause}); recalculate to try again`;
    case "no_country_breakdown": {
      const whose = problem.figureItemName === problem.itemName ? "" : ` (through ${problem.figureItemName})`;
      const named = problem.named.length > 0 ? `; named without shares: ${problem.named.join(", ")}` : "";
      return `no country breakdown for ${problem.itemName}${whose}, ${problem.stage} ${problem.year}: ${problem.reason.replace(/\.$/, "")}${named}`;
    }
    case "days_invalid":
      return `days must be a whole number of days from 1 to ${LONGEST_HORIZON_DAYS} (or left empty for ${DEFAULT_HORIZON_DAYS}); got ${problem.received}`;
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
