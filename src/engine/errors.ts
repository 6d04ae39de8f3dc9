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
  | "as_of"
  | "supplier_name";

const SHOWN_CHARACTERS = 60;

/** Long inputs are cut so an error about a 100 KB cell stays readable wherever it is shown. */
function shown(received: string): string {
  return received.length > SHOWN_CHARACTERS ? `${received.slice(0, SHOWN_CHARACTERS)}…` : received;
}

/** A row error as data: the code, the input it is about and what was received. Adapters render it (./messages.ts). */
export function engineError(code: EngineErrorCode, field: InputField, received: string): EngineError {
  return { code, field, received: shown(received) };
}
