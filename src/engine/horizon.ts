/**
 * What is about to change: every day in a window on which a control's status changes (a suspension ends,
 * an announced control takes effect, a draft is adopted), read from the timelines with `statusOn` — the
 * function scoring uses — so the horizon and the scores can never disagree about a date. The rows of a supplier
 * list that move on those days are worked out in date-impact.ts.
 *
 * A day D is a transition when the status on D differs from the status on the day before. The window runs
 * from the day after `from` through `to`: a change on `from` itself is already in today's scores.
 */
import type { CompiledRules } from "./compile";
import { addDays } from "./dates";
import { STATUS_WORDS } from "./explain";
import { statusOn } from "./status";
import type { CellValue, Category, Status } from "./types";

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
