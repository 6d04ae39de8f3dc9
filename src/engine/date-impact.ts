/**
 * The rows of a list that move on the days between two dates, with each day and the controls responsible
 * (the "Coming up" rows of the pane and `chokepoint upcoming --suppliers`). Apart from horizon.ts, which lists
 * the days, so that the first load of the pane, which only lists them, does not carry the rescoring.
 */
import type { CompiledRules } from "./compile";
import { transitionsBetween, type Horizon } from "./horizon";
import { byLargestMove, controlShifts, movedRow, outcomeOf, scoreDelta, summarizeImpact, type ControlShift, type ImpactSummary, type MovedRow } from "./impact";
import { scoreRows } from "./score";
import type { PortfolioRowInput, RowInput, RowResult } from "./types";

/** One day on which a row's score moves. */
export interface DateStep {
  date: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  controls: ControlShift[];
}

/** A row on `from` (before) and on `to` (after). */
export interface DateMove extends MovedRow {
  /** Each day in the window on which the row's score moves, in date order. */
  steps: DateStep[];
}

export interface DateImpact extends Horizon {
  /** Rows whose score moves on at least one day of the window, largest overall move first. */
  rows: DateMove[];
  /** `from` against `to`; `moved` counts every row in `rows`, including one whose moves cancel out. */
  summary: ImpactSummary;
}

const withoutOwnDate = (input: RowInput): RowInput => ({ ...input, asOf: undefined });

/**
 * The rows that move when the transitions between `from` and `to` take place, with each day and the controls
 * responsible. Every row is scored on `from`; on each transition day only the rows whose item the changing
 * controls reach (or every row, for a control that applies to any item) are scored again. A row's own date
 * column is ignored here: the point is to score it on these days.
 */
export function impactOfDate(rows: readonly PortfolioRowInput[], rules: CompiledRules, from: string, to: string): DateImpact {
  const transitions = transitionsBetween(rules, from, to);
  const inputs = rows.map((row) => withoutOwnDate(row.input));
  const start = scoreRows(inputs, rules, { asOf: from });
  const current: RowResult[] = start.slice();
  const steps = new Map<number, DateStep[]>();

  const days = [...new Set(transitions.map((t) => t.date))];
  for (const day of days) {
    const changing = new Set(transitions.filter((t) => t.date === day).map((t) => t.controlId));
    const everyRow = rules.anyItemControls.some((compiled) => changing.has(compiled.control.id));
    const reached = new Map<string, boolean>();
    const isReached = (itemId: string) => {
      let answer = reached.get(itemId);
      if (answer === undefined) {
        answer = rules.controlsByItem.get(itemId).some((link) => changing.has(link.compiled.control.id));
        reached.set(itemId, answer);
      }
      return answer;
    };
    const candidates: number[] = [];
    current.forEach((result, index) => {
      if (result.ok && (everyRow || (result.match.itemId !== null && isReached(result.match.itemId)))) candidates.push(index);
    });
    const rescored = scoreRows(candidates.map((index) => inputs[index]), rules, { asOf: day });
    candidates.forEach((index, k) => {
      const previous = current[index];
      const next = rescored[k];
      const a = outcomeOf(previous);
      const b = outcomeOf(next);
      if (a.score !== b.score) {
        const list = steps.get(index) ?? [];
        list.push({ date: day, before: a.score, after: b.score, delta: scoreDelta(a, b), controls: controlShifts(previous, next) });
        steps.set(index, list);
      }
      current[index] = next;
    });
  }

  const moves: DateMove[] = [...steps.keys()].map((index) => ({
    ...movedRow(rows, index, outcomeOf(start[index]), outcomeOf(current[index])),
    steps: steps.get(index)!,
  }));
  moves.sort(byLargestMove);
  const summary = summarizeImpact(rows, start, current, moves);
  return { from, to, transitions, rows: moves, summary };
}
