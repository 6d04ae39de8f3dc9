/**
 * What is about to change: every day in a window on which a control's status changes (a suspension ends,
 * an announced control takes effect, a draft is adopted), read from the timelines with `statusOn` — the
 * function scoring uses — so the horizon and the scores can never disagree about a date. Then the rows of a
 * supplier list that move on those days, with the day and the controls responsible.
 *
 * A day D is a transition when the status on D differs from the status on the day before. The window runs
 * from the day after `from` through `to`: a change on `from` itself is already in today's scores.
 */
import type { CompiledRules } from "./compile";
import { addDays } from "./dates";
import { STATUS_WORDS } from "./explain";
import { byLargestMove, commodityText, controlShifts, outcomeOf, scoreDelta, summarizeImpact, type ControlShift, type ImpactSummary, type MovedRow } from "./impact";
import { scoreRows } from "./score";
import { statusOn } from "./status";
import type { CellValue, Category, PortfolioRowInput, RowInput, RowResult, Status } from "./types";

/** How far ahead the horizon looks unless told otherwise. */
export const DEFAULT_HORIZON_DAYS = 90;
/** The longest horizon the adapters accept: ten years. */
export const LONGEST_HORIZON_DAYS = 3650;

export type TransitionKind =
  | "suspension_ends"
  | "takes_effect"
  | "adopted"
  | "suspended"
  | "lifted"
  | "dropped"
  | "begins"
  | "status_changes";

export interface Transition {
  /** The first day of the new status. */
  date: string;
  controlId: string;
  title: string;
  category: Category;
  citation: string | null;
  /** Null when the control is not in force in any form before this day (its timeline starts here). */
  fromStatus: Status | null;
  toStatus: Status;
  kind: TransitionKind;
  /** The rules mark the entry that begins here as unconfirmed; `note` says what is not known. */
  unconfirmed: boolean;
  /**
   * No entry follows a dated status: the control counts as in force again from this day because the
   * rules say nothing else, and scores carry a review_needed warning until the rule owner confirms.
   */
  assumed: boolean;
  note: string | null;
  sourceUrl: string;
}

export interface Horizon {
  from: string;
  to: string;
  transitions: Transition[];
}

function kindOf(from: Status | null, to: Status): TransitionKind {
  if (from === null) return "begins";
  if (to === "in_force") return from === "suspended" ? "suspension_ends" : from === "announced" || from === "proposed" ? "takes_effect" : "status_changes";
  if (to === "announced" && from === "proposed") return "adopted";
  if (to === "suspended" || to === "lifted" || to === "dropped") return to;
  return "status_changes";
}

/** Every status change of every control on a day after `from`, up to and including `to`, by date then control id. */
export function transitionsBetween(rules: CompiledRules, from: string, to: string): Transition[] {
  const reviewedAt = rules.doc.reviewedAt;
  const transitions: Transition[] = [];
  for (const compiled of rules.controlsById.values()) {
    const days = new Set<string>();
    for (const entry of compiled.timeline) {
      days.add(entry.from);
      if (entry.until !== undefined) days.add(addDays(entry.until, 1));
    }
    for (const day of [...days].sort()) {
      if (day <= from || day > to) continue;
      const before = statusOn(compiled.timeline, { asOf: addDays(day, -1), reviewedAt });
      const after = statusOn(compiled.timeline, { asOf: day, reviewedAt });
      if (after === null) continue;
      if (before !== null && before.status === after.status && before.unconfirmed === after.unconfirmed) continue;
      const { control } = compiled;
      transitions.push({
        date: day,
        controlId: control.id,
        title: control.title,
        category: control.category,
        citation: control.citation ?? null,
        fromStatus: before?.status ?? null,
        toStatus: after.status,
        kind: kindOf(before?.status ?? null, after.status),
        unconfirmed: after.unconfirmed,
        assumed: after.reviewNeeded,
        note: after.note,
        sourceUrl: compiled.sourceUrl,
      });
    }
  }
  return transitions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0));
}

/**
 * A number of days as a formula cell or a command-line option gives it: a whole number from 1 to
 * LONGEST_HORIZON_DAYS, as a number or digits; blank (null) means the default. Anything else is refused
 * with the text received, for the adapter to render.
 */
export function parseHorizonDays(cell: CellValue): { ok: true; days: number } | { ok: false; received: string } {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) return { ok: true, days: DEFAULT_HORIZON_DAYS };
  const text = String(cell).trim();
  const days = typeof cell === "number" ? cell : /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(days) && days >= 1 && days <= LONGEST_HORIZON_DAYS ? { ok: true, days } : { ok: false, received: text.slice(0, 60) };
}

/** The dated status changes in the `days` after `from` (from the day after `from` through `from + days`). */
export function upcomingChanges(rules: CompiledRules, from: string, days: number = DEFAULT_HORIZON_DAYS): Horizon {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number of days, 0 or more; got ${days}`);
  const to = addDays(from, days);
  return { from, to, transitions: transitionsBetween(rules, from, to) };
}

/** A transition in words: "suspension ends: suspended → in force (unconfirmed)". */
export function describeTransition(transition: Transition): string {
  const from = transition.fromStatus === null ? "not yet in force" : STATUS_WORDS[transition.fromStatus];
  const flags = [transition.unconfirmed ? "unconfirmed" : null, transition.assumed ? "assumed: the rules say nothing after the end date; review needed" : null]
    .filter((flag) => flag !== null)
    .join("; ");
  return `${KIND_WORDS[transition.kind]}: ${from} → ${STATUS_WORDS[transition.toStatus]}${flags ? ` (${flags})` : ""}`;
}

const KIND_WORDS: Record<TransitionKind, string> = {
  suspension_ends: "suspension ends",
  takes_effect: "takes effect",
  adopted: "adopted",
  suspended: "suspended",
  lifted: "lifted",
  dropped: "dropped",
  begins: "begins",
  status_changes: "status changes",
};

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

  const moves: DateMove[] = [...steps.keys()].map((index) => {
    const a = outcomeOf(start[index]);
    const b = outcomeOf(current[index]);
    return {
      index,
      supplier: rows[index]?.supplier ?? null,
      commodity: commodityText(rows[index]),
      before: a,
      after: b,
      delta: scoreDelta(a, b),
      steps: steps.get(index)!,
    };
  });
  moves.sort(byLargestMove);
  const summary = summarizeImpact(rows, start, current, moves);
  return { from, to, transitions, rows: moves, summary };
}
