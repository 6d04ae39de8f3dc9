import { CATEGORIES } from "../rules/vocabulary";
import type { ScreeningResult } from "./screening";
import type { ControlHit, ScoredRow } from "./types";

export const STATUS_WORDS: Record<ControlHit["status"], string> = {
  proposed: "proposed",
  announced: "announced",
  in_force: "in force",
  suspended: "suspended",
  informal: "informal",
  framework: "framework",
  lifted: "lifted",
  dropped: "dropped",
};

function describeHit(hit: ControlHit): string {
  const until = hit.statusUntil ? ` until ${hit.statusUntil}` : "";
  const unconfirmed = hit.unconfirmed ? " (unconfirmed)" : "";
  const via = hit.via.kind === "contains" ? ` via ${hit.via.itemId}` : hit.via.kind === "any_item" ? " any item" : "";
  const grade = hit.grade.outcome === "unspecified" ? ", grade not stated" : "";
  const citation = hit.citation === null ? "" : ` [${hit.citation}]`;
  const contribution = Number(hit.contribution.toFixed(3));
  if (hit.via.kind === "listing") {
    const status = hit.status === "suspended" ? "suspended" : "listed";
    return `${hit.controlId}${citation} supplier ${status}${unconfirmed} since ${hit.statusSince}${until}, ${contribution}: Chinese inputs cut`;
  }
  const raised = hit.listing === null ? "" : `, raised to ${hit.listing.weight} by the supplier's listing ${hit.listing.actionId}`;
  return `${hit.controlId}${citation} ${STATUS_WORDS[hit.status]}${unconfirmed} since ${hit.statusSince}${until}, ${contribution}${via}${grade}${raised}`;
}

/**
 * A supplier's screening against China's lists in one sentence — who it matched, on which list, the notice and
 * its standing on the date — or "" when no name was given or nothing matched.
 */
export function describeScreening(entity: ScreeningResult | null): string {
  if (entity === null || entity.match === null || entity.lead === null) return "";
  const { match, lead } = entity;
  const standing = `${lead.status} since ${lead.since}${lead.until ? ` until ${lead.until}` : ""}${lead.unconfirmed ? ", unconfirmed" : ""}`;
  const what = entity.status === "listed" ? "Supplier listed" : "Supplier possibly listed (check; not scored)";
  return `${what}: ${match.name} on the ${lead.listLabel} (${lead.actionId}, ${standing}; similarity ${match.score.toFixed(2)}).`;
}

function describeEntity(row: Omit<ScoredRow, "explanation">): string {
  const sentence = describeScreening(row.entity);
  return sentence === "" ? "" : ` ${sentence}`;
}

const LONGEST_REASON = 160;

function capitalised(text: string): string {
  const cut = text.length > LONGEST_REASON ? `${text.slice(0, LONGEST_REASON - 1)}…` : text;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/** How the text was read (which words decided, the method and confidence), and any grade or figures it states. */
function describeReading(row: Omit<ScoredRow, "explanation">): string {
  const { match } = row;
  if (match.itemId === null && match.method === "user_alias") return capitalised(match.why);
  if (match.itemId === null) {
    const perhaps = match.suggestions.length === 0 ? "" : ` (perhaps: ${match.suggestions.map((s) => s.itemName).join("; ")})`;
    return `${capitalised(match.why)}${perhaps}`;
  }
  const how = `${match.method}${match.confidence < 1 ? ` ${match.confidence.toFixed(2)}` : ""}`;
  const grade = match.grade === null ? "" : `, grade ${match.grade.name}`;
  const figures = match.quantities.length === 0 ? "" : `, stated ${match.quantities.map((q) => q.text).join(", ")}`;
  return `${capitalised(match.why)} (${how}${grade}${figures})`;
}

function cited(hit: ControlHit): string {
  return hit.citation === null ? hit.controlId : `${hit.controlId} [${hit.citation}]`;
}

/** Entries in first-seen order, each with the hits that share its key. */
function groupBy(hits: readonly ControlHit[], keyOf: (hit: ControlHit) => string): [string, ControlHit[]][] {
  const groups = new Map<string, ControlHit[]>();
  for (const hit of hits) {
    const key = keyOf(hit);
    groups.set(key, [...(groups.get(key) ?? []), hit]);
  }
  return [...groups];
}

const withoutFinalStop = (text: string) => text.replace(/\.\s*$/, "");

/**
 * The two warnings an analyst must act on, in words: controls counted on a status nobody has confirmed
 * (with what is not known), and grade conditions the text leaves open (with what to check). Only controls
 * that moved the score are named, as for the warnings themselves.
 */
function warningDetails(row: Omit<ScoredRow, "explanation">): string {
  const moved = row.hits.filter((hit) => hit.moved);
  const sentences: string[] = [];
  const unconfirmed = moved.filter((hit) => hit.unconfirmed);
  for (const [, hits] of groupBy(unconfirmed, (hit) => `${hit.status}|${hit.statusSince}|${hit.statusNote ?? ""}`)) {
    const { status, statusSince, statusNote } = hits[0];
    const note = statusNote ? ` (${withoutFinalStop(statusNote)})` : "";
    sentences.push(`Unconfirmed: ${hits.map(cited).join(", ")} counted as ${STATUS_WORDS[status]} since ${statusSince}${note}.`);
  }
  const open = moved.filter((hit) => hit.grade.outcome === "unspecified");
  for (const [condition, hits] of groupBy(open, (hit) => hit.grade.condition ?? "")) {
    sentences.push(`Grade not stated: ${condition} (${hits.map((hit) => hit.controlId).join(", ")}); check the grade.`);
  }
  return sentences.map((sentence) => ` ${sentence}`).join("");
}

/**
 * One line for a cell: what the commodity was read as, the score, and for each non-zero category the
 * controls that fired (status, since when, contribution, how they reached the item) and the dependence
 * applied, then the warnings, with the unconfirmed statuses and open grade conditions spelled out. The full
 * record, including controls with no effect on this row, is in `hits`.
 */
export function explainRow(row: Omit<ScoredRow, "explanation">): string {
  const subject = describeReading(row);
  const parts: string[] = [];
  for (const category of CATEGORIES) {
    const hits = row.hits.filter((hit) => hit.category === category);
    if (row.categories[category] === 0) continue;
    const controls = hits.map(describeHit).join("; ");
    parts.push(`${category} ${row.categories[category].toFixed(1)} (${controls}; dependence ${row.dependence[category].toFixed(2)})`);
  }
  const body =
    parts.length > 0
      ? parts.join(" | ")
      : row.hits.length > 0
        ? `no exposure on ${row.asOf}: ${row.hits.length} control(s) apply, but the row depends on China for none of them`
        : `no export control covers this on ${row.asOf}`;
  const warnings = row.warnings.length > 0 ? ` Warnings: ${[...new Set(row.warnings.map((w) => w.code))].join(", ")}.${warningDetails(row)}` : "";
  return `${subject}: ${row.score.toFixed(1)} — ${body}.${describeEntity(row)}${warnings}`;
}
