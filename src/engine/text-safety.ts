/**
 * Text we did not write, made safe for where it is shown: a spreadsheet cell (CSV output, the report sheet)
 * must never run it as a formula, and a terminal must never run it as a control sequence. Pure; the CLI
 * and the task pane both import it, so there is one rule for each.
 */

/**
 * Characters that make a spreadsheet read a cell as a formula when they lead it: `=`, `+`, `-`, `@`, and a
 * tab or carriage return in front of one of those (Excel skips leading tab/CR on import).
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would evaluate, prefixed with an apostrophe so it stays text. The test looks at
 * the first character only, so a formula followed by a line break (`=HYPERLINK(…)\n…`) is caught too.
 */
export function escapeFormula(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

/**
 * C0 controls except tab and line feed, DEL, C1 controls (U+0080–U+009F, where U+009B is a one-character
 * CSI), and the bidirectional overrides and isolates that can make text read differently from its bytes.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: escape sequences lose their ESC (so they print as harmless text), and BEL, carriage
 * return, backspace and the rest are dropped. Tab and line feed stay, so multi-line output keeps its shape.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/**
 * One line of terminal text from a cell or a message: line breaks (a carriage return too) become spaces,
 * other controls are dropped, and any run of whitespace is one space.
 */
export function singleLine(text: string): string {
  return stripControlCharacters(text.replace(/[\r\n\t\f\v]+/g, " ")).replace(/\s+/g, " ");
}

/**
 * Text for a CSV cell we write: control characters dropped (a terminal that shows the file runs none), then a
 * formula escaped. Line breaks stay: the CSV writer quotes them, and the cell keeps its text whole.
 */
export function csvCellText(text: string): string {
  return escapeFormula(stripControlCharacters(text));
}
