import { CustomFunctionError } from "./setup";
import { excelError, excelErrorFor, toExcelError, type FunctionProblemCode } from "../../src/functions/errors";

const CODES: Record<FunctionProblemCode, "#VALUE!" | "#N/A"> = {
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

test("bad input is #VALUE!; an answer the rules do not have is #N/A", () => {
  for (const [code, expected] of Object.entries(CODES)) expect(excelErrorFor(code as FunctionProblemCode)).toBe(expected);
});

test("errors are the host's CustomFunctions.Error, with the parameter named as in Excel", () => {
  const error = toExcelError({ code: "share_out_of_range", field: "china_input_share", received: "50" });
  expect(error).toBeInstanceOf(CustomFunctionError);
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toMatch(/^chinaInputShare must be between 0 and 1 .*got 50/);
});

test("without Office.js (a plain browser page) the error is a plain object of the same shape", () => {
  const runtime = (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { associate: () => undefined };
  try {
    expect(excelError("#N/A", "nothing matched")).toEqual({ type: "Error", code: "#N/A", basicValue: "#N/A", message: "nothing matched" });
  } finally {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
  }
});

test("long messages are cut to what Excel shows", () => {
  const error = toExcelError({ code: "commodity_unmatched", received: "x".repeat(400) });
  expect(error.message?.length).toBeLessThanOrEqual(255);
});

describe("an unrecognised commodity with suggestions from the matcher", () => {
  test("names them first, so that Excel's cut of a long message keeps them", () => {
    const long = `neo magent ${"x".repeat(400)}`;
    const error = toExcelError({ code: "commodity_unmatched", received: long, suggestions: ["NdFeB magnet", "Samarium-cobalt magnet"] });
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/^commodity not recognised: "neo magent x+…"; did you mean NdFeB magnet or Samarium-cobalt magnet\? — use a name/);
    expect(error.message?.length).toBeLessThanOrEqual(255);
  });

  test("without suggestions the message is the one every function gives today", () => {
    expect(toExcelError({ code: "commodity_unmatched", received: "widget X", suggestions: [] }).message).toBe(
      toExcelError({ code: "commodity_unmatched", received: "widget X" }).message,
    );
    expect(toExcelError({ code: "commodity_unmatched", received: "widget X" }).message).toBe(
      'commodity not recognised: "widget X" — use a name, alias or HS code the rules know (see CHOKEPOINT.MATCH(…, TRUE))',
    );
  });
});
