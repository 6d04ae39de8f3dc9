import type { Status } from "./types";
import type { TimelineEntry } from "../rules/schema";

/** A timeline entry as read by `statusOn`; `unconfirmed` may be left out (false). */
export type TimelineInput = Omit<TimelineEntry, "unconfirmed"> & { unconfirmed?: boolean };
import { nextDay } from "./dates";

export interface StatusOnDate {
  status: Status;
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
 */
export function statusOn(timeline: readonly TimelineInput[], query: StatusQuery): StatusOnDate | null {
  let current: TimelineInput | null = null;
  for (const entry of timeline) {
    if (entry.from > query.asOf) break;
    current = entry;
  }
  if (current === null) return null;

  if (current.status === "suspended" && query.suspensionsEnded) {
    return { status: "in_force", since: current.from, until: null, reviewNeeded: false, unconfirmed: false, note: null };
  }
  if (current.until !== undefined && current.until < query.asOf) {
    return {
      status: "in_force",
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

/** Timelines in `from` order; entries with the same day keep their authored order. */
export function sortTimeline<T extends TimelineInput>(timeline: readonly T[]): T[] {
  return timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.from < b.entry.from ? -1 : a.entry.from > b.entry.from ? 1 : a.index - b.index))
    .map(({ entry }) => entry);
}
