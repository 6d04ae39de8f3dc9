/**
 * How a supplier list's scores move when the rules change: each row scored with the old and the new rules on
 * the same day, the rows whose score (or error, or matched item) differs, by how much, and the controls
 * responsible — those whose effect on the row (contribution × the row's dependence) differs. horizon.ts uses
 * the same comparison for the dates ahead. Every number comes from `scoreRows` and `summarizePortfolio`.
 */
import { STATUS_WORDS } from "./explain";
import type { CompiledRules } from "./compile";
import { summarizePortfolio } from "./portfolio";
import { roundToTenth } from "./rounding";
import { scoreRows } from "./score";
import type { Category, ControlHit, EngineErrorCode, PortfolioRowInput, RowResult, ScoreOptions, Status } from "./types";

/** A row as one side of a comparison saw it. */
export interface RowOutcome {
  /** Null when the row could not be scored (`error`). */
  score: number | null;
  itemId: string | null;
  itemName: string | null;
  error: EngineErrorCode | null;
}

/** A control whose effect on a row differs between the two sides; a null status means it did not reach the row. */
export interface ControlShift {
  controlId: string;
  title: string;
  category: Category;
  citation: string | null;
  before: Status | null;
  after: Status | null;
  /** What the control adds to the row's category before the change, and after (contribution × dependence); 0 when it does not apply. */
  effectBefore: number;
  effectAfter: number;
}

/** A row scored twice (two editions, or two dates) and how its score moved. */
export interface MovedRow {
  /** Position in the rows given (0-based); adapters add their own row numbering. */
  index: number;
  supplier: string | null;
  commodity: string;
  before: RowOutcome;
  after: RowOutcome;
  /** after − before, when both sides scored the row. */
  delta: number | null;
}

export interface RowMove extends MovedRow {
  /** Largest change of effect first. Empty when the row moved for another reason (an error, a weight, a match). */
  controls: ControlShift[];
}

export interface ImpactSummary {
  rows: number;
  moved: number;
  up: number;
  down: number;
  /** Rows scored before and in error after, and the reverse. */
  newErrors: number;
  errorsCleared: number;
  /** Rows matched to an item before and not after, and the reverse. */
  newlyUnmatched: number;
  newlyMatched: number;
  /** "spend" when a matched row has spend (as in the portfolio summary), else "equal". */
  weighting: "spend" | "equal";
  /** The portfolio's weighted score on each side (matched rows only), and the change. */
  spendWeighted: { before: number | null; after: number | null; delta: number | null };
}

export interface ChangeImpact {
  asOf: string;
  /** Rows that moved, largest move first (rows that moved only by an error or a match come last). */
  rows: RowMove[];
  summary: ImpactSummary;
}

/** Below this, two effects are the same number computed twice. */
const SAME_EFFECT = 1e-9;

export function outcomeOf(result: RowResult): RowOutcome {
  if (!result.ok) return { score: null, itemId: null, itemName: null, error: result.error.code };
  return { score: result.score, itemId: result.match.itemId, itemName: result.match.itemName, error: null };
}

const effectOf = (hit: ControlHit | undefined) => (hit === undefined ? 0 : hit.contribution * hit.dependence);

/** The controls whose effect on a row differs between two results, largest difference first. */
export function controlShifts(before: RowResult, after: RowResult): ControlShift[] {
  if (!before.ok || !after.ok) return [];
  const old = new Map(before.hits.map((hit) => [hit.controlId, hit]));
  const now = new Map(after.hits.map((hit) => [hit.controlId, hit]));
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  return ids
    .map((id) => ({ id, a: old.get(id), b: now.get(id), change: Math.abs(effectOf(now.get(id)) - effectOf(old.get(id))) }))
    .filter(({ change }) => change > SAME_EFFECT)
    .sort((x, y) => y.change - x.change || (x.id < y.id ? -1 : 1))
    .map(({ id, a, b }) => {
      const hit = (b ?? a)!;
      return {
        controlId: id,
        title: hit.title,
        category: hit.category,
        citation: hit.citation,
        before: a?.status ?? null,
        after: b?.status ?? null,
        effectBefore: effectOf(a),
        effectAfter: effectOf(b),
      };
    });
}

const statusWord = (status: Status | null) => (status === null ? "not applying" : STATUS_WORDS[status]);

/**
 * One control's shift in words, named by `label` (its id, or its title): the status change, or — when the
 * status stayed the same and the weight, severity or reach changed — the effect on the row before and after.
 */
export function describeShift(shift: ControlShift, label: string = shift.controlId): string {
  if (shift.before !== shift.after) return `${label} (${statusWord(shift.before)} → ${statusWord(shift.after)})`;
  return `${label} (${statusWord(shift.after)}, effect ${shift.effectBefore.toFixed(2)} → ${shift.effectAfter.toFixed(2)})`;
}

export function scoreDelta(before: RowOutcome, after: RowOutcome): number | null {
  return before.score === null || after.score === null ? null : roundToTenth(after.score - before.score);
}

/** True when a row reads differently on the two sides: its score, its error or its matched item. */
export function hasMoved(before: RowOutcome, after: RowOutcome): boolean {
  return before.score !== after.score || before.error !== after.error || before.itemId !== after.itemId;
}

/** The commodity cell of a row as text, for showing beside its move. */
export function commodityText(row: PortfolioRowInput | undefined): string {
  const commodity = row?.input.commodity;
  return commodity === null || commodity === undefined ? "" : String(commodity);
}

/** Largest absolute move first; rows without a numeric move after those; then sheet order. */
export function byLargestMove(a: { delta: number | null; index: number }, b: { delta: number | null; index: number }): number {
  const size = (delta: number | null) => (delta === null ? -1 : Math.abs(delta));
  return size(b.delta) - size(a.delta) || a.index - b.index;
}

/** A row of the list on both sides of a comparison. */
export function movedRow(rows: readonly PortfolioRowInput[], index: number, before: RowOutcome, after: RowOutcome): MovedRow {
  return { index, supplier: rows[index]?.supplier ?? null, commodity: commodityText(rows[index]), before, after, delta: scoreDelta(before, after) };
}

/** Compares two scorings of the same rows; only the rows that moved are returned. */
export function compareResults(rows: readonly PortfolioRowInput[], before: readonly RowResult[], after: readonly RowResult[]): RowMove[] {
  const moves: RowMove[] = [];
  before.forEach((old, index) => {
    const now = after[index];
    const a = outcomeOf(old);
    const b = outcomeOf(now);
    if (!hasMoved(a, b)) return;
    moves.push({ ...movedRow(rows, index, a, b), controls: controlShifts(old, now) });
  });
  return moves.sort(byLargestMove);
}

/** Totals of a comparison: the moves counted, and the portfolio's weighted score on each side. */
export function summarizeImpact(
  rows: readonly PortfolioRowInput[],
  before: readonly RowResult[],
  after: readonly RowResult[],
  moves: readonly Pick<RowMove, "before" | "after" | "delta">[],
): ImpactSummary {
  const old = summarizePortfolio(rows, before);
  const now = summarizePortfolio(rows, after);
  const count = (test: (move: (typeof moves)[number]) => boolean) => moves.filter(test).length;
  const weightedBefore = old.spendWeightedScore;
  const weightedAfter = now.spendWeightedScore;
  return {
    rows: rows.length,
    moved: moves.length,
    up: count((move) => (move.delta ?? 0) > 0),
    down: count((move) => (move.delta ?? 0) < 0),
    newErrors: count((move) => move.before.error === null && move.after.error !== null),
    errorsCleared: count((move) => move.before.error !== null && move.after.error === null),
    newlyUnmatched: count((move) => move.before.error === null && move.after.error === null && move.before.itemId !== null && move.after.itemId === null),
    newlyMatched: count((move) => move.before.error === null && move.after.error === null && move.before.itemId === null && move.after.itemId !== null),
    weighting: now.weighting,
    spendWeighted: {
      before: weightedBefore,
      after: weightedAfter,
      delta: weightedBefore === null || weightedAfter === null ? null : roundToTenth(weightedAfter - weightedBefore),
    },
  };
}

/**
 * The rows whose score moves when `oldRules` are replaced by `newRules`, both scored on `asOf` (a date, or the
 * full scoring options for a what-if). A row's own date column still applies, as it does when scoring.
 */
export function impactOfChange(
  rows: readonly PortfolioRowInput[],
  oldRules: CompiledRules,
  newRules: CompiledRules,
  asOf: string | ScoreOptions,
): ChangeImpact {
  const options: ScoreOptions = typeof asOf === "string" ? { asOf } : asOf;
  const inputs = rows.map((row) => row.input);
  const before = scoreRows(inputs, oldRules, options);
  const after = scoreRows(inputs, newRules, options);
  const moves = compareResults(rows, before, after);
  return { asOf: options.asOf, rows: moves, summary: summarizeImpact(rows, before, after, moves) };
}
