/**
 * The bodies of the CHOKEPOINT formulas: Excel arguments → engine → cells. Each reads the active rules
 * once, scores every row of the formula in one engine call, and answers per cell:
 * a value, `""` for padding rows of a range, or an Excel error that says what is wrong with that row.
 */
import {
  chinaShareFor,
  firstInForceDate,
  isRecognised,
  readCell,
  scoreRow,
  scoreRows,
  todayIso,
  ROW_FIELD_KINDS,
  type CompiledRules,
  type EngineError,
  type ProducerStage,
  type SupplyStage,
  type RowInput,
  type RowResult,
  type ScoredRow,
} from "../engine";
import { screenRow, type ScreeningResult } from "../engine/screening";
import type { ActiveRules } from "../runtime";
import type { SupplyPart } from "../runtime/supply";
import { lineUp, singleCell, spill, type ExcelArgument, type Orientation } from "./cells";
import { toExcelError, type FunctionProblem } from "./errors";

export type Cell = string | number | CustomFunctions.Error;

/** New row formulas (the planned PROFILE too) take supplierName last, so every formula keeps its argument positions. */
const ROW_PARAMETERS = [
  "commodity",
  "supplierCountry",
  "siteCountry",
  "chinaInputShare",
  "chinaTechnology",
  "chinaEquipment",
  "chinaPersonnel",
  "asOf",
  "supplierName",
] as const satisfies readonly (keyof RowInput)[];

type RowParameter = (typeof ROW_PARAMETERS)[number];

const BLANK = "";

type RowOutcome =
  | { kind: "blank" }
  | { kind: "problem"; problem: FunctionProblem }
  | { kind: "scored"; row: ScoredRow; commodity: string };

/** A formula's rows as read and as scored (null: a padding row), in order. */
export type Scored = { ok: true; orientation: Orientation; inputs: readonly RowInput[]; results: readonly (RowResult | null)[] } | { ok: false; error: CustomFunctions.Error };

/** The commodity cell as the messages quote it (rows carry their cells as Excel gave them; the engine reads them). */
const commodityText = (input: RowInput): string => String(readCell(input.commodity, "text") ?? "");

const problemOf = ({ code, field, received }: EngineError): FunctionProblem => ({ code, field, received });

function outcomeOf(input: RowInput, result: RowResult | null): RowOutcome {
  if (result === null) return { kind: "blank" };
  if (!result.ok) return { kind: "problem", problem: problemOf(result.error) };
  return { kind: "scored", row: result, commodity: commodityText(input) };
}

/**
 * Scores the non-blank rows in one engine call; a null row is padding. No cache of results sits in front: the
 * ruleset keeps its commodity readings and scoring plans between calls, so a row scored again costs about what
 * looking it up in a cache would (docs/benchmarks.md).
 */
function scoreInputs(rows: readonly (RowInput | null)[], rules: CompiledRules, now: Date): (RowResult | null)[] {
  const options = { asOf: todayIso(now) };
  if (!rows.includes(null)) return scoreRows(rows as readonly RowInput[], rules, options);
  const results = scoreRows(rows.filter((row): row is RowInput => row !== null), rules, options);
  let next = 0;
  return rows.map((row) => (row === null ? null : results[next++]));
}

export function outcomesOf(scored: Extract<Scored, { ok: true }>): RowOutcome[] {
  return scored.results.map((result, index) => outcomeOf(scored.inputs[index], result));
}

const isOneCell = (argument: ExcelArgument): argument is [[unknown]] =>
  Array.isArray(argument) && argument.length === 1 && Array.isArray(argument[0]) && (argument[0] as unknown[]).length === 1;

const NOT_ONE_CELL = Symbol("not one cell");

const oneCellValue = (argument: ExcelArgument): unknown =>
  argument === null || argument === undefined ? null : isOneCell(argument) ? argument[0][0] : NOT_ONE_CELL;

/**
 * A row's cells, in ROW_PARAMETERS order, as the engine's input. Every row gets every field in one order, so the
 * engine reads rows of one shape; a parameter not given is null, which the engine reads as blank.
 */
function rowOf(
  commodity: unknown,
  supplierCountry: unknown,
  siteCountry: unknown,
  chinaInputShare: unknown,
  chinaTechnology: unknown,
  chinaEquipment: unknown,
  chinaPersonnel: unknown,
  asOf: unknown,
  supplierName: unknown,
): RowInput {
  return {
    commodity: commodity as RowInput["commodity"],
    supplierCountry: supplierCountry as RowInput["supplierCountry"],
    siteCountry: siteCountry as RowInput["siteCountry"],
    chinaInputShare: chinaInputShare as RowInput["chinaInputShare"],
    chinaTechnology: chinaTechnology as RowInput["chinaTechnology"],
    chinaEquipment: chinaEquipment as RowInput["chinaEquipment"],
    chinaPersonnel: chinaPersonnel as RowInput["chinaPersonnel"],
    asOf: asOf as RowInput["asOf"],
    supplierName: supplierName as RowInput["supplierName"],
  };
}

/**
 * The row of a formula whose arguments are all single cells or skipped, as when a formula is filled down a
 * column (Excel then calls it once per cell); null for any other shape. It is what lineUp makes of such
 * arguments — one row, never padding, laid out as a column — without lining anything up.
 */
function oneCellRow(args: readonly (readonly [RowParameter, ExcelArgument])[]): RowInput | null {
  const cells: unknown[] = [null, null, null, null, null, null, null, null, null];
  for (let index = 0; index < args.length; index++) {
    const value = oneCellValue(args[index][1]);
    if (value === NOT_ONE_CELL) return null;
    cells[ROW_PARAMETERS.indexOf(args[index][0])] = value;
  }
  return rowOf(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8]);
}

/** `oneCellRow` for the arguments of a row formula given in ROW_PARAMETERS order, as SCORE, BREAKDOWN and EXPLAIN take them. */
function oneCellInput(values: RowArguments): RowInput | null {
  const cells = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((index) => oneCellValue(values[index]));
  if (cells.includes(NOT_ONE_CELL)) return null;
  return rowOf(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8]);
}

const skipped = (): null => null;

/** Lines up the row arguments, reads each cell once and scores the non-blank rows (for every row-wise formula). */
export function scoreLinedRows(
  args: readonly (readonly [RowParameter, ExcelArgument])[],
  rules: CompiledRules,
  now: Date,
): Scored {
  const single = oneCellRow(args);
  if (single !== null) return { ok: true, orientation: "column", inputs: [single], results: scoreInputs([single], rules, now) };
  const lined = lineUp(args);
  if (!lined.ok) return { ok: false, error: toExcelError(lined.problem) };
  const { length, orientation, reader, isBlankRow } = lined.lined;
  const given = new Set(args.map(([name]) => name));
  const cellOf = (name: RowParameter): ((row: number) => unknown) => (given.has(name) ? reader(name) : skipped);
  const commodity = cellOf("commodity");
  const supplierCountry = cellOf("supplierCountry");
  const siteCountry = cellOf("siteCountry");
  const chinaInputShare = cellOf("chinaInputShare");
  const chinaTechnology = cellOf("chinaTechnology");
  const chinaEquipment = cellOf("chinaEquipment");
  const chinaPersonnel = cellOf("chinaPersonnel");
  const asOf = cellOf("asOf");
  const supplierName = cellOf("supplierName");
  const inputs: RowInput[] = new Array(length);
  const rows: (RowInput | null)[] = new Array(length);
  for (let index = 0; index < length; index++) {
    const input = rowOf(
      commodity(index),
      supplierCountry(index),
      siteCountry(index),
      chinaInputShare(index),
      chinaTechnology(index),
      chinaEquipment(index),
      chinaPersonnel(index),
      asOf(index),
      supplierName(index),
    );
    inputs[index] = input;
    rows[index] = isBlankRow(index) ? null : input;
  }
  return { ok: true, orientation, inputs, results: scoreInputs(rows, rules, now) };
}

function unmatched(outcome: { row: ScoredRow; commodity: string }, withScore: boolean): CustomFunctions.Error | null {
  const { match } = outcome.row;
  if (isRecognised(match)) return null;
  return toExcelError({
    code: "commodity_unmatched",
    received: outcome.commodity,
    anyItemScore: withScore ? outcome.row.score : undefined,
    // Listing entries exist only on a row whose supplier is listed (score.ts): other rows' hits are not made for this.
    listingId: withScore && outcome.row.entity?.status === "listed" ? outcome.row.hits.find((hit) => hit.via.kind === "listing")?.controlId : undefined,
    reason: match.why,
    suggestions: match.suggestions.map((s) => s.itemName),
  });
}

/** MATCH's second argument: TRUE (or "why") asks for the sentence saying which words decided; FALSE (or "no") does not. */
function wantsReason(detail: ExcelArgument): { ok: true; reason: boolean } | { ok: false; error: CustomFunctions.Error } {
  const single = singleCell("detail", detail);
  if (!single.ok) return { ok: false, error: toExcelError(single.problem) };
  const value = readCell(single.value, "text");
  if (value === null || value === false) return { ok: true, reason: false };
  const word = typeof value === "string" ? value.toLowerCase() : null;
  if (word !== null && ["false", "no"].includes(word)) return { ok: true, reason: false };
  if (value === true || value === 1 || (word !== null && ["why", "true", "reason"].includes(word))) return { ok: true, reason: true };
  return { ok: false, error: toExcelError({ code: "detail_invalid", received: String(value) }) };
}

/** The row arguments of SCORE, BREAKDOWN and EXPLAIN, in declaration order (supplierName last, optional). */
export type RowArguments = readonly ExcelArgument[];

function rowArgs(values: readonly ExcelArgument[]) {
  return ROW_PARAMETERS.map((name, index) => [name, values[index] ?? null] as const);
}

/** SCORE's cell for a row, without an outcome record (a column of SCORE makes one per row). */
function scoreCellOf(input: RowInput, result: RowResult | null): Cell {
  if (result === null) return BLANK;
  if (!result.ok) return toExcelError(problemOf(result.error));
  if (isRecognised(result.match)) return result.score;
  return unmatched({ row: result, commodity: commodityText(input) }, true) ?? result.score;
}

/** SCORE: overall exposure per row; an unrecognised commodity is #N/A (with the any-item score in the message). */
export function scoreCells(values: RowArguments, rules: CompiledRules, now = new Date()): Cell[][] {
  // Filled down a column, SCORE is called once per cell: such a call goes straight to the engine.
  const single = oneCellInput(values);
  if (single !== null) return [[scoreCellOf(single, scoreRow(single, rules, { asOf: todayIso(now) }))]];
  const scored = scoreLinedRows(rowArgs(values), rules, now);
  if (!scored.ok) return [[scored.error]];
  const cells = scored.results.map((result, index) => scoreCellOf(scored.inputs[index], result));
  return spill(cells, scored.orientation);
}

const BREAKDOWN_COLUMNS = ["minerals", "technology", "equipment", "personnel"] as const;

/** BREAKDOWN: four category scores per row, always one output row per input row. */
export function breakdownCells(values: RowArguments, rules: CompiledRules, now = new Date()): Cell[][] {
  const scored = scoreLinedRows(rowArgs(values), rules, now);
  if (!scored.ok) return [BREAKDOWN_COLUMNS.map(() => scored.error)];
  const every = (cell: Cell) => BREAKDOWN_COLUMNS.map(() => cell);
  return outcomesOf(scored).map((outcome): Cell[] => {
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
  const cells = outcomesOf(scored).map((outcome): Cell => {
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
  const cells = outcomesOf(scored).map((outcome): Cell => {
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

/** A one-row formula's row, scored and recognised; else the cell it answers instead (its error, or blank). */
function recognisedRow(input: RowInput, rules: CompiledRules, now: Date): { ok: true; row: ScoredRow } | { ok: false; cell: Cell } {
  const outcome = outcomeOf(input, scoreRow(input, rules, { asOf: todayIso(now) }));
  if (outcome.kind === "problem") return { ok: false, cell: toExcelError(outcome.problem) };
  if (outcome.kind !== "scored") return { ok: false, cell: BLANK };
  const notFound = unmatched(outcome, false);
  return notFound ? { ok: false, cell: notFound } : { ok: true, row: outcome.row };
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
    input[name] = readCell(single.value, ROW_FIELD_KINDS[name]);
  }
  const scored = recognisedRow(input, rules, now);
  if (!scored.ok) return [[scored.cell]];
  const { row } = scored;
  if (row.hits.length === 0) return [[`none: no export control applies to ${row.match.itemName} on ${row.asOf}`]];
  return row.hits.map((hit) => [hit.controlId, hit.title, hit.category, hit.status, firstInForceDate(rules, hit.controlId) ?? BLANK, hit.sourceUrl]);
}

function stageOf(raw: unknown): { ok: true; stage: SupplyStage | null } | { ok: false; problem: FunctionProblem } {
  const cell = readCell(raw, "text");
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
  const inputs: RowInput[] = Array.from({ length }, (_, index) => ({ commodity: readCell(cell("commodity", index), "text") }));
  const results = scoreInputs(inputs.map((input, index) => (isBlankRow(index) ? null : input)), rules, now);
  const outcomes = results.map((result, index) => outcomeOf(inputs[index], result));
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

function producerStageArgument(raw: unknown, part: SupplyPart): { ok: true; stage: ProducerStage | null } | { ok: false; problem: FunctionProblem } {
  const cell = readCell(raw, "text");
  if (cell === null) return { ok: true, stage: null };
  const stage = part.producerStageOf(String(cell));
  return stage === null ? { ok: false, problem: { code: "producer_stage_unknown", received: String(cell) } } : { ok: true, stage };
}

/** A count of rows to list: a whole number from 1, as a number or numeric text; blank means all. */
function countArgument(raw: unknown): { ok: true; count: number } | { ok: false; problem: FunctionProblem } {
  const cell = readCell(raw, "text");
  if (cell === null) return { ok: true, count: Number.POSITIVE_INFINITY };
  const count = typeof cell === "number" ? cell : typeof cell === "string" && /^\s*\d+\s*$/.test(cell) ? Number(cell) : Number.NaN;
  if (!Number.isInteger(count) || count < 1) return { ok: false, problem: { code: "count_invalid", received: String(cell) } };
  return { ok: true, count };
}

/**
 * ALTERNATIVES: the producers outside China at one stage of the commodity's supply chain, largest first, as
 * [country, share of world output 0–1, year, source]. With no stage, the binding stage (the most
 * China-concentrated stage of the item and what it contains). Producers the source names without a share come
 * last with an empty share. #N/A when the rules give no figure, or a figure without a country breakdown.
 * `rules` with their producer figures, and `part` the code that reads them (both fetched on first use).
 */
export function alternativesCells(
  commodity: ExcelArgument,
  stage: ExcelArgument,
  count: ExcelArgument,
  rules: CompiledRules,
  part: SupplyPart,
  now = new Date(),
): Cell[][] {
  const input = {} as RowInput;
  const cells: Partial<Record<"commodity" | "stage" | "count", unknown>> = {};
  for (const [name, argument] of [["commodity", commodity], ["stage", stage], ["count", count]] as const) {
    const single = singleCell(name, argument);
    if (!single.ok) return [[toExcelError(single.problem)]];
    cells[name] = single.value;
  }
  input.commodity = readCell(cells.commodity, "text");
  const wantedStage = producerStageArgument(cells.stage, part);
  if (!wantedStage.ok) return [[toExcelError(wantedStage.problem)]];
  const wantedCount = countArgument(cells.count);
  if (!wantedCount.ok) return [[toExcelError(wantedCount.problem)]];

  const scored = recognisedRow(input, rules, now);
  if (!scored.ok) return [[scored.cell]];

  const itemId = scored.row.match.itemId!;
  const itemName = scored.row.match.itemName ?? itemId;
  const answer = part.alternativesFor(rules, itemId, wantedStage.stage)?.answer ?? null;
  if (answer === null) return [[toExcelError({ code: "producers_missing", itemName, stage: wantedStage.stage })]];
  const { supply } = answer;
  if (!supply.hasBreakdown) {
    return [
      [
        toExcelError({
          code: "no_country_breakdown",
          itemName,
          figureItemName: supply.itemName,
          stage: supply.stage,
          year: part.formatFigureYear(supply),
          reason: supply.noCountryBreakdown ?? "the source gives no country shares",
          named: supply.producers.map((producer) => producer.countryName),
        }),
      ],
    ];
  }
  const source = supply.sources[0]?.url ?? BLANK;
  return supply.producers
    .slice(0, wantedCount.count)
    .map((producer): Cell[] => [producer.countryName, producer.share ?? BLANK, supply.year ?? BLANK, source]);
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

/** SCREEN's columns, in order. */
export const SCREEN_COLUMNS = ["status", "listedName", "list", "action", "date", "listStatus", "source"] as const;

/** A listing's standing on the day, in words for a cell: "listed", "suspended until 2026-11-10", "lifted" (unconfirmed marked). */
function standingText(result: ScreeningResult): string {
  const lead = result.lead!;
  const until = lead.until === null ? "" : ` until ${lead.until}`;
  return `${lead.status}${until}${lead.unconfirmed ? " (unconfirmed)" : ""}`;
}

/**
 * SCREEN: per row, the supplier name screened against China's entity lists: match status (listed, possible,
 * none), the listed name, the list, the notice, its date, the listing's standing on the date and a source.
 */
export function screenCells(supplierName: ExcelArgument, supplierCountry: ExcelArgument, asOf: ExcelArgument, rules: CompiledRules, now = new Date()): Cell[][] {
  const width = SCREEN_COLUMNS.length;
  const every = (cell: Cell): Cell[] => Array.from({ length: width }, () => cell);
  const lined = lineUp([
    ["supplierName", supplierName],
    ["supplierCountry", supplierCountry],
    ["asOf", asOf],
  ] as const);
  if (!lined.ok) return [every(toExcelError(lined.problem))];
  const { length, cell, isBlankRow } = lined.lined;
  const runAsOf = todayIso(now);
  return Array.from({ length }, (_, index): Cell[] => {
    if (isBlankRow(index)) return every(BLANK);
    const outcome = screenRow(
      rules.screeningIndex(),
      rules.doc,
      { name: readCell(cell("supplierName", index), "text"), country: readCell(cell("supplierCountry", index), "text"), asOf: readCell(cell("asOf", index), "date") },
      runAsOf,
    );
    if (outcome === null) return every(BLANK);
    if (!outcome.ok) {
      return every(toExcelError(problemOf(outcome.error)));
    }
    const { result } = outcome;
    if (result.match === null || result.lead === null) return ["none", ...every(BLANK).slice(1)];
    const { lead } = result;
    return [result.status, result.match.name, lead.listLabel, lead.actionId, lead.date, standingText(result), lead.sourceUrl];
  });
}