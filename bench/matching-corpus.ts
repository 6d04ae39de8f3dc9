/**
 * How well commodity text is read, on the labelled corpus in test/fixtures/matching/ (docs/benchmarks.md):
 * each line says what the text truly is (an item id, or NONE when it is no item of the rules) and why.
 *
 * - precision: of the lines read as an item, the share read as the right one;
 * - recall: of the lines that are an item, the share read as that item;
 * - false-positive rate: of the lines that are no item, the share read as one anyway.
 *
 * A line whose truth is "one of these items, and the text cannot say which" (a bare HS 8505.11 is any
 * permanent magnet of metal) is labelled with the candidates joined by "|". The right answer is to name none
 * of them; it counts as neither item nor non-item, and naming any item is a "guessed" reading, counted
 * against precision.
 *
 * A line labelled with an item the rules do not have yet (another engineer is adding it) counts as NONE
 * until the item exists: no reading can name it, and naming any other item is wrong. Such ids are listed,
 * so a typo cannot hide there.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { matchCommodity, type CompiledRules } from "../src/engine";

export const NOT_AN_ITEM = "NONE";
/** Separates the candidates of a line the text leaves undecided. */
export const ONE_OF = "|";

export interface CorpusLine {
  text: string;
  expected: string;
  category: string;
  why: string;
}

export type ReadingError = "missed" | "confused" | "false_positive" | "guessed";

export interface LineOutcome {
  line: CorpusLine;
  /** The item the matcher named, or null. */
  read: string | null;
  error: ReadingError | null;
}

export interface CorpusFigures {
  lines: number;
  positives: number;
  negatives: number;
  /** Lines labelled "one of …": the right reading names no item. */
  undecided: number;
  readAsItem: number;
  correct: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
  /** Labels naming items these rules do not have (counted as NONE). */
  pendingItems: string[];
  outcomes: LineOutcome[];
  /** Corpus category → error kind → count. */
  errorsByCategory: Record<string, Partial<Record<ReadingError, number>>>;
}

export function parseCorpus(text: string): CorpusLine[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`corpus CSV: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data.map((row, index) => {
    const { text: line, expected, category, why } = row;
    if (!line || !expected || !category) throw new Error(`corpus CSV row ${index + 2}: text, expected and category are required`);
    return { text: line, expected, category, why: why ?? "" };
  });
}

export function readCorpus(path: string): CorpusLine[] {
  return parseCorpus(readFileSync(path, "utf8"));
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** How a corpus line is read: the item id named, or null; and whether an id is an item of the rules. */
export interface Reader {
  read(text: string): string | null;
  hasItem(id: string): boolean;
}

/** The engine's matcher over one compiled ruleset. */
export function engineReader(rules: CompiledRules): Reader {
  return { read: (text) => matchCommodity(rules, text).itemId, hasItem: (id) => rules.itemsById.has(id) };
}

export function scoreCorpus(reader: Reader, lines: readonly CorpusLine[]): CorpusFigures {
  const pending = new Set<string>();
  const outcomes: LineOutcome[] = [];
  const errorsByCategory: CorpusFigures["errorsByCategory"] = {};
  let positives = 0;
  let undecided = 0;
  let readAsItem = 0;
  let correct = 0;
  let falsePositives = 0;
  for (const line of lines) {
    const candidates = line.expected.includes(ONE_OF) ? line.expected.split(ONE_OF) : null;
    for (const id of candidates ?? [line.expected]) if (id !== NOT_AN_ITEM && !reader.hasItem(id)) pending.add(id);
    const known = candidates === null && line.expected !== NOT_AN_ITEM && reader.hasItem(line.expected);
    const read = reader.read(line.text);
    if (known) positives += 1;
    if (candidates !== null) undecided += 1;
    if (read !== null) readAsItem += 1;
    let error: ReadingError | null = null;
    if (candidates !== null) error = read === null ? null : "guessed";
    else if (known && read === line.expected) correct += 1;
    else if (known) error = read === null ? "missed" : "confused";
    else if (read !== null) {
      error = "false_positive";
      falsePositives += 1;
    }
    if (error !== null) {
      const counts = (errorsByCategory[line.category] ??= {});
      counts[error] = (counts[error] ?? 0) + 1;
    }
    outcomes.push({ line, read, error });
  }
  const negatives = lines.length - positives - undecided;
  return {
    lines: lines.length,
    positives,
    negatives,
    undecided,
    readAsItem,
    correct,
    precision: ratio(correct, readAsItem),
    recall: ratio(correct, positives),
    falsePositiveRate: ratio(falsePositives, negatives),
    pendingItems: [...pending].sort(),
    outcomes,
    errorsByCategory,
  };
}

/** `matching P/R/FP: 0.962 0.914 0.021` — the figure line the bench prints. */
export function figureLine(figures: Pick<CorpusFigures, "precision" | "recall" | "falsePositiveRate">): string {
  return `matching P/R/FP: ${figures.precision.toFixed(3)} ${figures.recall.toFixed(3)} ${figures.falsePositiveRate.toFixed(3)}`;
}
