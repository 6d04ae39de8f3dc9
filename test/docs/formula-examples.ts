/**
 * Worked examples in the docs, checked against the add-in's own functions on the bundled rules. An example
 * is a formula that can be pasted into any cell — `=CHOKEPOINT.X(` with literal arguments only (text in
 * quotes, numbers, skipped arguments), no cell references — and the cells it is said to give, in order from
 * the first cell of its result. A stated text ending in "…" is the start of the cell's text.
 */
import type { Grid, RegisteredFunction } from "../functions/registered-functions";

export interface PasteableFormula {
  id: string;
  args: (string | number | null)[];
}

const STRING = /^"((?:[^"]|"")*)"$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.length === 1 && parts[0] === "" ? [] : parts;
}

/** The formula's function and literal arguments, or the reason it cannot be pasted into any cell. */
export function parsePasteable(formula: string, namespace: string): PasteableFormula | { problem: string } {
  const match = new RegExp(`^=${namespace}\\.([A-Z]+)\\((.*)\\)$`).exec(formula.trim());
  if (!match) return { problem: `not a single =${namespace}.NAME(…) formula: ${formula}` };
  const args: PasteableFormula["args"] = [];
  for (const part of splitTopLevel(match[2])) {
    if (part === "") args.push(null);
    else if (STRING.test(part)) args.push(STRING.exec(part)![1].replace(/""/g, '"'));
    else if (NUMBER.test(part)) args.push(Number(part));
    else return { problem: `argument ${part} is not a literal (text in quotes, a number or nothing): ${formula}` };
  }
  return { id: match[1], args };
}

export function evaluatePasteable(formula: PasteableFormula, functions: Map<string, RegisteredFunction>): Promise<Grid> {
  const fn = functions.get(formula.id);
  if (!fn) throw new Error(`${formula.id} is not a registered function`);
  return fn.call(formula.args.map((arg) => (arg === null ? null : [[arg]])));
}

/** How a result cell reads in the docs: an error by its code, a card by its text, anything else as Excel shows it. */
export function cellText(cell: unknown): string {
  if (cell instanceof Error && "code" in cell) return String((cell as { code: unknown }).code);
  if (cell && typeof cell === "object" && "text" in cell) return String((cell as { text: unknown }).text);
  if (cell === null || cell === undefined) return "";
  return String(cell);
}

/** The first cells of the result, row by row, beside what the docs say they are (as many as the docs state). */
export function compareStated(result: Grid, stated: string[]): { actual: string[]; stated: string[] } {
  const cells = result.flat().slice(0, stated.length).map(cellText);
  const actual = cells.map((text, i) => (stated[i].endsWith("…") && text.startsWith(stated[i].slice(0, -1)) ? stated[i] : text));
  return { actual, stated };
}

/** The backticked spans of a line of markdown. */
export function backticked(line: string): string[] {
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}
