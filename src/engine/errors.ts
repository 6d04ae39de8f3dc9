import type { EngineError, EngineErrorCode } from "./types";

/** Field names as the CLI's column headers spell them, so a message points at a column the user knows. */
export type InputField =
  | "commodity"
  | "supplier_country"
  | "site_country"
  | "china_input_share"
  | "china_technology"
  | "china_equipment"
  | "china_personnel"
  | "as_of";

const MESSAGES: Record<EngineErrorCode, (field: string, received: string) => string> = {
  commodity_missing: (field) => `${field} is required`,
  commodity_too_long: (field, received) => `${field} is too long to be a commodity (${received} characters)`,
  share_invalid: (field, received) => `${field} must be a number between 0 and 1 or a percentage such as 50%; got ${received}`,
  share_out_of_range: (field, received) => `${field} must be between 0 and 1 (or 0%–100%); got ${received}`,
  country_unknown: (field, received) => `${field} is not a country name or ISO code: ${received}`,
  date_invalid: (field, received) => `${field} must be a date (YYYY-MM-DD or an Excel date); got ${received}`,
  excel_error_input: (field, received) => `${field} holds the Excel error ${received}`,
};

const SHOWN_CHARACTERS = 60;

/** Long inputs are cut in messages so an error about a 100 KB cell stays readable. */
function shown(received: string): string {
  return received.length > SHOWN_CHARACTERS ? `${received.slice(0, SHOWN_CHARACTERS)}…` : received;
}

export function engineError(code: EngineErrorCode, field: InputField, received: string): EngineError {
  const value = shown(received);
  return { code, field, received: value, message: MESSAGES[code](field, value) };
}
