/**
 * A listing notice on a date: where it stands (listed, suspended, lifted, cancelled), and what it weighs
 * against a listed supplier's Chinese inputs (docs/scoring.md, "A supplier on China's lists"):
 *   dual-use weight = statusWeight × the larger of the dual_use_ban and licence_review weights it carries;
 *   trade weight    = statusWeight × the larger of the trade_ban and transaction_ban weights it carries.
 */
import type { ListingAction, ListingTimelineEntry, ListingWeights } from "../rules/schema";
import type { Confidence, ListingEffect, ListingStatus, ListKind } from "../rules/vocabulary";
import { sortTimeline, statusOn } from "./status";

/** The lists in words, for messages and cells. */
export const LIST_LABELS: Readonly<Record<ListKind, string>> = {
  control_list: "Export Control Control List",
  watch_list: "Export Control Watch List",
  unreliable_entity_list: "Unreliable Entity List",
  mofcom_countermeasure: "MOFCOM countermeasure list",
  mfa_countermeasure: "MFA countermeasure list",
  procurement_exclusion: "government-procurement exclusion",
};

export interface ListingOnDate {
  actionId: string;
  list: ListKind;
  listLabel: string;
  instrument: string;
  citation: string | null;
  /** The day the notice was issued. */
  date: string;
  /** The entity as this notice names it. */
  entityName: string;
  status: ListingStatus;
  /** The day this status began, and the last day of a dated one (a suspension). */
  since: string;
  until: string | null;
  /** The rules mark this status unconfirmed; `note` says what is not known. */
  unconfirmed: boolean;
  note: string | null;
  /** A suspension ran out after the rules were last reviewed: counted as listed until the rule owner confirms. */
  reviewNeeded: boolean;
  effects: readonly ListingEffect[];
  /** The status weight dual-use controls reaching the supplier's item are raised to (0 when the notice has no dual-use effect). */
  dualUseWeight: number;
  /** The weight with which every Chinese input of the supplier counts as cut (0 without a trade or transaction ban). */
  tradeWeight: number;
  confidence: Confidence;
  sourceUrl: string;
}

/** A notice with its timeline in date order, ready to be read on any day. */
export interface CompiledListing {
  action: ListingAction;
  timeline: readonly ListingTimelineEntry[];
}

export function compileListing(action: ListingAction): CompiledListing {
  return { action, timeline: sortTimeline(action.timeline) };
}

export interface ListingQuery {
  asOf: string;
  reviewedAt: string;
  suspensionsEnded?: boolean;
}

/** The notice on the day, or null before it was issued. */
export function listingOnDate(compiled: CompiledListing, entityName: string, weights: ListingWeights, query: ListingQuery): ListingOnDate | null {
  const status = statusOn<ListingStatus>(compiled.timeline, query, "listed");
  if (status === null) return null;
  const { action } = compiled;
  const statusWeight = weights.status[status.status];
  const has = (effect: ListingEffect) => action.effects.includes(effect);
  const effect = (effect: "dual_use_ban" | "licence_review" | "trade_ban" | "transaction_ban") => (has(effect) ? weights.effects[effect] : 0);
  return {
    actionId: action.id,
    list: action.list,
    listLabel: LIST_LABELS[action.list],
    instrument: action.instrument,
    citation: action.citation ?? null,
    date: action.date,
    entityName,
    status: status.status,
    since: status.since,
    until: status.until,
    unconfirmed: status.unconfirmed,
    note: status.note,
    reviewNeeded: status.reviewNeeded,
    effects: action.effects,
    dualUseWeight: statusWeight * Math.max(effect("dual_use_ban"), effect("licence_review")),
    tradeWeight: statusWeight * Math.max(effect("trade_ban"), effect("transaction_ban")),
    confidence: action.confidence,
    sourceUrl: action.sources[0].url,
  };
}

const STATUS_RANK: Readonly<Record<ListingStatus, number>> = { listed: 0, suspended: 1, lifted: 2, cancelled: 3 };

/**
 * Strongest on the day first (a trade ban before a dual-use ban of the same weight: it cuts more); then
 * standing (listed before suspended before ended; confirmed before unconfirmed); then the newest notice.
 */
export function leadFirst(a: ListingOnDate, b: ListingOnDate): number {
  return (
    Math.max(b.dualUseWeight, b.tradeWeight) - Math.max(a.dualUseWeight, a.tradeWeight) ||
    b.tradeWeight - a.tradeWeight ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    Number(a.unconfirmed) - Number(b.unconfirmed) ||
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0)
  );
}

/** What a listed supplier's notices weigh together on a day: the strongest of each kind, and the notice it comes from. */
export interface ListingPressure {
  dualUse: number;
  dualUseFrom: ListingOnDate | null;
  trade: number;
  tradeFrom: ListingOnDate | null;
}

export function pressureOf(listings: readonly ListingOnDate[]): ListingPressure {
  const pressure: ListingPressure = { dualUse: 0, dualUseFrom: null, trade: 0, tradeFrom: null };
  for (const listing of listings) {
    if (listing.dualUseWeight > pressure.dualUse) {
      pressure.dualUse = listing.dualUseWeight;
      pressure.dualUseFrom = listing;
    }
    if (listing.tradeWeight > pressure.trade) {
      pressure.trade = listing.tradeWeight;
      pressure.tradeFrom = listing;
    }
  }
  return pressure;
}
