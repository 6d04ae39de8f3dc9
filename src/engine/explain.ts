import { CATEGORIES } from "../rules/schema";
import type { ControlHit, ScoredRow } from "./types";

const STATUS_WORDS: Record<ControlHit["status"], string> = {
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
  return `${hit.controlId}${citation} ${STATUS_WORDS[hit.status]}${unconfirmed} since ${hit.statusSince}${until}, ${Number(hit.contribution.toFixed(3))}${via}${grade}`;
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

/**
 * One line for a cell: what the commodity was read as, the score, and for each non-zero category the
 * controls that fired (status, since when, contribution, how they reached the item) and the dependence
 * applied. The full record, including controls with no effect on this row, is in `hits`.
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
  const warnings = row.warnings.length > 0 ? ` Warnings: ${[...new Set(row.warnings.map((w) => w.code))].join(", ")}.` : "";
  return `${subject}: ${row.score.toFixed(1)} — ${body}.${warnings}`;
}
