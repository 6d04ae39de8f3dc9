/**
 * The bodies of the CHOKEPOINT formulas: Excel arguments → engine → cells. Each reads the active rules
 * once, scores every row of the formula in one engine call (through the cache), and answers per cell:
 * a value, `""` for padding rows of a range, or an Excel error that says what is wrong with that row.
 */
import { chinaShareFor, firstInForceDate, isRecognised, todayIso, type CompiledRules, type SupplyStage, type RowInput, type RowResult, type ScoredRow } from "../engine";
import type { ActiveRules } from "../runtime";
import { lineUp, singleCell, spill, toCell, type ExcelArgument, type Orientation } from "./cells";
import { scoreCache } from "../runtime/score-cache";
import { toExcelError, type FunctionProblem } from "./errors";

export type Cell = string | number | CustomFunctions.Error;

const ROW_PARAMETERS = [
  "commodity",
  "supplierCountry",
  "siteCountry",
  "chinaInputShare",
  "chinaTechnology",
  "chinaEquipment",
  "chinaPersonnel",
  "asOf",
] as const satisfies readonly (keyof RowInput)[];

type RowParameter = (typeof ROW_PARAMETERS)[number];

/** Inputs that are never legitimately the number 0, so a 0 there is a blank cell from older Excel builds. */
const ZERO_MEANS_BLANK: ReadonlySet<RowParameter> = new Set(["commodity", "supplierCountry", "siteCountry", "asOf"]);

const BLANK = "";

type RowOutcome =
  | { kind: "blank" }
  | { kind: "problem"; problem: FunctionProblem }
  | { kind: "scored"; row: ScoredRow; commodity: string };

type Scored = { ok: true; orientation: Orientation; outcomes: RowOutcome[] } | { ok: false; error: CustomFunctions.Error };

function outcomeOf(input: RowInput, result: RowResult | null): RowOutcome {
  if (result === null) return { kind: "blank" };
  if (!result.ok) {
    const { code, field, received } = result.error;
    return { kind: "problem", problem: { code, field, received } };
  }
  return { kind: "scored", row: result, commodity: String(input.commodity ?? "") };
}

/** Scores the non-blank rows in one engine call (through the cache); a null row is padding. */
function scoreInputs(inputs: readonly RowInput[], rows: readonly (RowInput | null)[], rules: CompiledRules, now: Date): RowOutcome[] {
  const results = scoreCache.score(rows, rules, { asOf: todayIso(now) });
  return results.map((result, index) => outcomeOf(inputs[index], result));
}

function scoreLinedRows(
  args: readonly (readonly [RowParameter, ExcelArgument])[],
  rules: CompiledRules,
  now: Date,
): Scored {
  const lined = lineUp(args);
  if (!lined.ok) return { ok: false, error: toExcelError(lined.problem) };
  const { length, orientation, cell, isBlankRow } = lined.lined;
  const inputs: RowInput[] = [];
  const rows: (RowInput | null)[] = [];
  for (let index = 0; index < length; index++) {
    const input = {} as RowInput;
    for (const [name] of args) input[name] = toCell(cell(name, index), ZERO_MEANS_BLANK.has(name));
    inputs.push(input);
    rows.push(isBlankRow(index) ? null : input);
  }
  return { ok: true, orientation, outcomes: scoreInputs(inputs, rows, rules, now) };
}

function unmatched(outcome: Extract<RowOutcome, { kind: "scored" }>, withScore: boolean): CustomFunctions.Error | null {
  const { match } = outcome.row;
  if (isRecognised(match)) return null;
  return toExcelError({
    code: "commodity_unmatched",
    received: outcome.commodity,
    anyItemScore: withScore ? outcome.row.score : undefined,
    reason: match.why,
    suggestions: match.suggestions.map((s) => s.itemName),
  });
}

/** MATCH's second argument: TRUE (or "why") asks for the sentence saying which words decided. */
function wantsReason(detail: ExcelArgument): { ok: true; reason: boolean } | { ok: false; error: CustomFunctions.Error } {
  const single = singleCell("detail", detail);
  if (!single.ok) return { ok: false, error: toExcelError(single.problem) };
  const value = toCell(single.value, true);
  if (value === null || value === false || value === 0) return { ok: true, reason: false };
  if (value === true || value === 1 || (typeof value === "string" && ["why", "true", "reason"].includes(value.trim().toLowerCase()))) return { ok: true, reason: true };
  return { ok: false, error: toExcelError({ code: "detail_invalid", received: String(value) }) };
}

/** The eight row arguments of SCORE, BREAKDOWN and EXPLAIN, in declaration order. */
export type RowArguments = readonly ExcelArgument[];

function rowArgs(values: readonly ExcelArgument[]) {
  return ROW_PARAMETERS.map((name, index) => [name, values[index] ?? null] as const);
}

/** SCORE: overall exposure per row; an unrecognised commodity is #N/A (with the any-item score in the message). */
export function scoreCells(values: RowArguments, rules: CompiledRules, now = new Date()): Cell[][] {
  const scored = scoreLinedRows(rowArgs(values), rules, now);
  if (!scored.ok) return [[scored.error]];
  const cells = scored.outcomes.map((outcome): Cell => {
    if (outcome.kind === "blank") return BLANK;
    if (outcome.kind === "problem") return toExcelError(outcome.problem);
    return unmatched(outcome, true) ?? outcome.row.score;
  });
  return spill(cells, scored.orientation);
}

const BREAKDOWN_COLUMNS = ["minerals", "technology", "equipment", "personnel"] as const;

/** BREAKDOWN: four category scores per row, always one output row per input row. */
export function breakdownCells(values: RowArguments, rules: CompiledRules, now = new Date()): Cell[][] {
  const scored = scoreLinedRows(rowArgs(values), rules, now);
  if (!scored.ok) return [BREAKDOWN_COLUMNS.map(() => scored.error)];
  const every = (cell: Cell) => BREAKDOWN_COLUMNS.map(() => cell);
  return scored.outcomes.map((outcome): Cell[] => {
    if (outcome.kind === "blank") return every(BLANK);
    if (outcome.kind === "problem") return every(toExcelError(outcome.problem));
    const notFound = unmatched(outcome, true);
    if (notFound) return every(notFound);
    return BREAKDOWN_COLUMNS.map((category) => outcome.row.categories[category]);
  });
}

/** EXPLAIN: the engine's one-line explanation; for an unrecognised commodity it says so in words. */
export function explainCells(values: RowArguments, rules: CompiledRules, now = new Date()): Cell[][] {
  const scored = scoreLinedRows(rowArgs(values), rules, now);
  if (!scored.ok) return [[scored.error]];
  const cells = scored.outcomes.map((outcome): Cell => {
    if (outcome.kind === "blank") return BLANK;
    if (outcome.kind === "problem") return toExcelError(outcome.problem);
    return outcome.row.explanation;
  });
  return spill(cells, scored.orientation);
}

function commodityOnly(commodity: ExcelArgument): readonly (readonly [RowParameter, ExcelArgument])[] {
  return [["commodity", commodity]];
}

/**
 * MATCH: the taxonomy item each commodity was read as; with `detail` TRUE, the sentence saying which words
 * decided ("Read as NdFeB permanent magnet from "neo" + "magnet"") — for an unread commodity too, with suggestions.
 */
export function matchCells(commodity: ExcelArgument, detail: ExcelArgument, rules: CompiledRules, now = new Date()): Cell[][] {
  const wanted = wantsReason(detail);
  if (!wanted.ok) return [[wanted.error]];
  const scored = scoreLinedRows(commodityOnly(commodity), rules, now);
  if (!scored.ok) return [[scored.error]];
  const cells = scored.outcomes.map((outcome): Cell => {
    if (outcome.kind === "blank") return BLANK;
    if (outcome.kind === "problem") return toExcelError(outcome.problem);
    if (wanted.reason) return readingSentence(outcome.row.match);
    return unmatched(outcome, false) ?? outcome.row.match.itemName ?? NOT_CONTROLLED;
  });
  return spill(cells, scored.orientation);
}

/** What MATCH shows for a commodity the workbook's own aliases mark not controlled. */
const NOT_CONTROLLED = "(not controlled)";

function readingSentence(match: ScoredRow["match"]): string {
  const sentence = match.why.charAt(0).toUpperCase() + match.why.slice(1);
  const perhaps = match.itemId === null && match.suggestions.length > 0 ? `; perhaps: ${match.suggestions.map((s) => s.itemName).join("; ")}` : "";
  return `${sentence}${perhaps}`;
}

/** CONTROLS: one row per control that applies to the commodity on the date: id, title, category, status, effective date, source. */
export function controlsCells(
  commodity: ExcelArgument,
  siteCountry: ExcelArgument,
  asOf: ExcelArgument,
  rules: CompiledRules,
  now = new Date(),
): Cell[][] {
  const input = {} as RowInput;
  const given: [RowParameter, ExcelArgument][] = [
    ["commodity", commodity],
    ["siteCountry", siteCountry],
    ["asOf", asOf],
  ];
  for (const [name, argument] of given) {
    const single = singleCell(name, argument);
    if (!single.ok) return [[toExcelError(single.problem)]];
    input[name] = toCell(single.value, ZERO_MEANS_BLANK.has(name));
  }
  const [result] = scoreCache.score([input], rules, { asOf: todayIso(now) });
  const outcome = outcomeOf(input, result);
  if (outcome.kind === "problem") return [[toExcelError(outcome.problem)]];
  if (outcome.kind !== "scored") return [[BLANK]];
  const notFound = unmatched(outcome, false);
  if (notFound) return [[notFound]];
  const { row } = outcome;
  if (row.hits.length === 0) return [[`none: no export control applies to ${row.match.itemName} on ${row.asOf}`]];
  return row.hits.map((hit) => [hit.controlId, hit.title, hit.category, hit.status, firstInForceDate(rules, hit.controlId) ?? BLANK, hit.sourceUrl]);
}

function stageOf(raw: unknown): { ok: true; stage: SupplyStage | null } | { ok: false; problem: FunctionProblem } {
  const cell = toCell(raw, true);
  if (cell === null) return { ok: true, stage: null };
  const text = String(cell).trim().toLowerCase();
  if (text === "mining" || text === "processing") return { ok: true, stage: text };
  return { ok: false, problem: { code: "stage_unknown", received: String(cell) } };
}

/**
 * CHINASHARE: China's share of world supply per row as [share 0–1, year, item the figure is for]. With no
 * stage it is the figure the score uses as default mineral dependence (processing, else mining, else the
 * most China-dominated component's), so the third column says whose figure it is.
 */
export function chinaShareCells(commodity: ExcelArgument, stage: ExcelArgument, rules: CompiledRules, now = new Date()): Cell[][] {
  const lined = lineUp([
    ["commodity", commodity],
    ["stage", stage],
  ] as const);
  if (!lined.ok) {
    const error = toExcelError(lined.problem);
    return [[error, error, error]];
  }
  const { length, cell, isBlankRow } = lined.lined;
  const inputs: RowInput[] = Array.from({ length }, (_, index) => ({ commodity: toCell(cell("commodity", index), true) }));
  const outcomes = scoreInputs(inputs, inputs.map((input, index) => (isBlankRow(index) ? null : input)), rules, now);
  return outcomes.map((outcome, index): Cell[] => {
    if (outcome.kind === "blank") return [BLANK, BLANK, BLANK];
    const answer = shareAnswer(outcome, cell("stage", index), rules);
    if ("problem" in answer) {
      const error = toExcelError(answer.problem);
      return [error, error, error];
    }
    return [answer.share, answer.year, answer.itemName];
  });
}

type ShareAnswer = { share: number; year: number; itemName: string } | { problem: FunctionProblem };

function shareAnswer(outcome: Exclude<RowOutcome, { kind: "blank" }>, stageCell: unknown, rules: CompiledRules): ShareAnswer {
  const stage = stageOf(stageCell);
  if (!stage.ok) return { problem: stage.problem };
  if (outcome.kind === "problem") return { problem: outcome.problem };
  const itemId = outcome.row.match.itemId;
  if (itemId === null) return { problem: { code: "commodity_unmatched", received: outcome.commodity } };
  const figure = chinaShareFor(rules, itemId, stage.stage);
  if (figure === null) {
    return { problem: { code: "share_figure_missing", itemName: rules.itemsById.get(itemId)?.name ?? itemId, stage: stage.stage } };
  }
  return { share: figure.share, year: figure.year, itemName: figure.itemName };
}

const SOURCE_WORDS: Record<ActiveRules["source"], string> = {
  bundled: "bundled",
  cached: "cached copy",
  url: "hosted",
};

/** RULESVERSION's text, e.g. `2026.01.15-1 (bundled, reviewed 2026-01-15)`. */
export function rulesVersionText(active: Pick<ActiveRules, "version" | "source" | "reviewedAt">): string {
  return `${active.version} (${SOURCE_WORDS[active.source]}, reviewed ${active.reviewedAt})`;
}
