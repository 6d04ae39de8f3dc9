/**
 * Text from a rules file or a supplier list on its way to the terminal, for `diff` and `upcoming`: one line,
 * control characters dropped by the shared rule (src/engine/text-safety.ts). CSV cells are formula-escaped
 * by the same module (change-report.ts).
 */
import { singleLine } from "../../engine/text-safety";

/** One line of text that cannot act on a terminal: control characters dropped, any run of whitespace one space. */
export function shown(text: string | null | undefined): string {
  return text === null || text === undefined ? "" : singleLine(text).trim();
}

/** Characters JSON leaves raw that a terminal may still act on (DEL, C1 controls, bidirectional controls, line separators). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Pretty JSON whose every character is printable: the ones JSON would leave raw are written as \u escapes (same data). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
