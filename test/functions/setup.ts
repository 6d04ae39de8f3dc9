/**
 * Under jest there is no Office.js, so no `CustomFunctions` global. This stands in for the part the
 * formulas use, with the shape Office.js gives it in Excel: `new CustomFunctions.Error(code, message)`
 * with `code` one of the `ErrorCode` texts. Import it first in every test file of this folder.
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionError extends Error {
  readonly type = "Error";
  readonly code: string;
  readonly basicValue: string;

  constructor(code: string = ErrorCode.invalidValue, message?: string) {
    super(message ?? "");
    this.code = code;
    this.basicValue = code;
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionError, ErrorCode };

export { CustomFunctionError };
