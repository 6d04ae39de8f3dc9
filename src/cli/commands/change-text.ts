/**
 * Text from a rules file or a supplier list on its way to the terminal or a CSV cell, for `diff` and
 * `upcoming`. Every such text passes through `shown()`, so the one rule can be switched to the shared
 * src/engine/text-safety.ts (stripControlCharacters, escapeFormula) when it lands; CSV cells are also
 * formula-escaped by papaparse (`escapeFormulae`).
 */

/**
 * C0 controls except tab and line feed, DEL, C1 controls (U+009B is a one-character CSI), and the
 * bidirectional overrides and isolates that can make text read differently from its bytes.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of text that cannot act on a terminal: control characters dropped, any run of whitespace one space. */
export function shown(text: string | null | undefined): string {
  if (text === null || text === undefined) return "";
  return text.replace(CONTROL_CHARACTERS, "").replace(/\s+/g, " ").trim();
}

/** Characters JSON leaves raw that a terminal may still act on (DEL, C1 controls, bidirectional controls, line separators). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Pretty JSON whose every character is printable: the ones JSON would leave raw are written as \u escapes (same data). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
