import type { Status } from "./types";
import { nextDay } from "./dates";

/**
 * A timeline entry as read by `statusOn`; `unconfirmed` may be left out (false). Controls' timelines use the
 * control statuses; listings' use their own (`S`), read the same way.
 */
export interface TimelineInput<S extends string = Status> {
  status: S;
  from: string;
  until?: string;
  unconfirmed?: boolean;
  note?: string;
}

export interface StatusOnDate<S extends string = Status> {
  status: S;
  /** The day this status began. */
  since: string;
  /** The last day of a dated status (e.g. a suspension), else null. */
  until: string | null;
  /** A dated status ran out after the rules were last reviewed: the rule owner must confirm what followed. */
  reviewNeeded: boolean;
  /** The entry is marked unconfirmed in the rules; `note` says what is not known. */
  unconfirmed: boolean;
  note: string | null;
}

export interface StatusQuery {
  asOf: string;
  reviewedAt: string;
  /** What-if: every suspension counts as already over. */
  suspensionsEnded?: boolean;
}

/**
 * A control's status on a date, from a timeline sorted by `from`. Before the first entry the control
 * does not exist yet (null). An entry holds until the next entry starts; an entry with `until` holds
 * through that day, after which the control counts as in force again. ISO dates compare as text.
 * A listing's timeline is read the same way with `resumed` = "listed": after a suspension it is listed again.
 */
export function statusOn<S extends string = Status>(
  timeline: readonly TimelineInput<S>[],
  query: StatusQuery,
  resumed: S = "in_force" as S,
): StatusOnDate<S> | null {
  let current: TimelineInput<S> | null = null;
  for (const entry of timeline) {
    if (entry.from > query.asOf) break;
    current = entry;
  }
  if (current === null) return null;

  if (current.status === "suspended" && query.suspensionsEnded) {
    return { status: resumed, since: current.from, until: null, reviewNeeded: false, unconfirmed: false, note: null };
  }
  if (current.until !== undefined && current.until < query.asOf) {
    return {
      status: resumed,
      since: nextDay(current.until),
      until: null,
      reviewNeeded: query.reviewedAt < current.until,
      unconfirmed: false,
      note: null,
    };
  }
  return {
    status: current.status,
    since: current.from,
    until: current.until ?? null,
    reviewNeeded: false,
    unconfirmed: current.unconfirmed === true,
    note: current.note ?? null,
  };
}

/**
 * The days on which `statusOn` may answer differently from the day before: each entry's first day, and the day
 * after each dated status ends. Between two such days a timeline gives every date the same answer.
 */
export function statusChangeDays(timeline: readonly TimelineInput<string>[]): string[] {
  return timeline.flatMap((entry) => (entry.until === undefined ? [entry.from] : [entry.from, nextDay(entry.until)]));
}

/** Timelines in `from` order; entries with the same day keep their authored order. */
export function sortTimeline<T extends TimelineInput<string>>(timeline: readonly T[]): T[] {
  return timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.from < b.entry.from ? -1 : a.entry.from > b.entry.from ? 1 : a.index - b.index))
    .map(({ entry }) => entry);
}
