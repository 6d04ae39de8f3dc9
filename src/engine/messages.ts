/**
 * The one table of sentences for the engine's error codes. The engine returns codes and data; every
 * front end renders them here, naming the input the way its user knows it (a CLI column header, an
 * Excel parameter name).
 */
import type { EngineError, EngineErrorCode } from "./types";

type Render = (field: string, received: string) => string;

const MESSAGES: Record<EngineErrorCode, Render> = {
  commodity_missing: (field) => `${field} is empty: give a product name, alias or HS code`,
  commodity_too_long: (field, received) => `${field} is too long to be a product description (${received} characters)`,
  share_invalid: (field, received) => `${field} must be a number from 0 to 1 or a percentage such as 50%; got ${received}`,
  share_out_of_range: (field, received) => `${field} must be between 0 and 1 (0%–100%); got ${received}. Enter 50% or 0.5, not 50`,
  country_unknown: (field, received) => `${field} is not a country name or ISO code: ${received}`,
  date_invalid: (field, received) => `${field} must be a date (an Excel date, or text such as 2026-11-27, 27.11.2026 or 27 Nov 2026; 27/11/2026 reads two ways); got ${received}`,
  date_out_of_range: (field, received) =>
    `${field} must be a date from 1990 to 2100; got ${received}. A number on its own is an Excel day count (2025 is a day in 1905): give the full date, such as 2025-06-01`,
  excel_error_input: (field, received) => `${field} holds the error ${received}`,
  supplier_name_too_long: (field, received) => `${field} is too long to be a supplier's name (${received} characters)`,
};

/** The sentence for a row error; `nameOf` turns the engine's field name into the caller's (default: as is). */
export function describeEngineError(error: EngineError, nameOf: (field: string) => string = (field) => field): string {
  return MESSAGES[error.code](nameOf(error.field), error.received ?? "");
}
