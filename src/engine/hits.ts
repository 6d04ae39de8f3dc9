/**
 * One control against one row: its status on the date, the destination and grade weights, the supplier's
 * listing that may raise it, and the hit record that explains it; and the warnings a hit raises. Shared by
 * the scoring plans (plan.ts), which work hits out once per item, site and date, and the per-row path
 * score.ts keeps for suppliers on China's lists.
 */
import type { CompiledControl, CompiledRules, ControlReach, LinkCondition } from "./compile";
import { judgeCondition } from "./grades";
import { CATEGORIES } from "../rules/vocabulary";
import type { Category, ControlHit, MatchResult, ScoreOptions, Warning } from "./types";
import { isRecognised } from "./types";
import { LOW_CONFIDENCE_BELOW } from "./match-tuning";
import { MAINLAND_CHINA } from "./countries";
import { statusOn } from "./status";
import type { ListingPressure } from "./listings";

/** Export controls govern goods leaving China, so a plant in mainland China is outside every control's scope. */
function destinationWeight(compiled: CompiledControl, siteCountry: string | null): number {
  if (siteCountry === MAINLAND_CHINA) return 0;
  if (compiled.destinations === null) return 1;
  if (siteCountry === null) return 0;
  return compiled.destinations.get(siteCountry) ?? 0;
}

/**
 * How the control's grade conditions stand for the row (see grades.ts): one condition the row's text
 * contradicts keeps the control from reaching the row at all; one it cannot settle lowers the control to
 * the rules' `weights.grades.unspecified`; otherwise the control applies in full.
 */
function gradeWeightFor(rules: CompiledRules, conditions: readonly LinkCondition[], match: MatchResult): { weight: number; grade: ControlHit["grade"] } {
  if (conditions.length === 0) return { weight: 1, grade: { outcome: "whole_item", condition: null, detail: null } };
  const unsettled: string[] = [];
  const met: string[] = [];
  for (const condition of conditions) {
    const outcome = judgeCondition(condition, match);
    if (outcome.kind === "not_met") return { weight: 0, grade: { outcome: "met", condition: null, detail: outcome.detail } };
    if (outcome.kind === "met") met.push(outcome.detail);
    else unsettled.push(condition.coverage.condition ?? `only some grades of ${rules.itemsById.get(condition.itemId)?.name ?? condition.itemId}`);
  }
  if (unsettled.length === 0) return { weight: 1, grade: { outcome: "met", condition: null, detail: met.join("; ") } };
  return { weight: rules.doc.weights.grades.unspecified, grade: { outcome: "unspecified", condition: unsettled.join("; "), detail: null } };
}

/** Controls of these categories govern dual-use items: a control-list or watch-list entry raises them. */
export const DUAL_USE_CATEGORIES: ReadonlySet<Category> = new Set<Category>(["minerals", "technology", "equipment"]);

export const NO_PRESSURE: ListingPressure = Object.freeze({ dualUse: 0, dualUseFrom: null, trade: 0, tradeFrom: null });

/** What a hit depends on besides the control: the row's reading, plant and date. */
export interface HitContext {
  match: MatchResult;
  siteCountry: string | null;
  asOf: string;
}

/** The control's hit on the row, with `dependence` 0 and `moved` false until the row's dependence is known; null when it does not bite. */
export function hitFor(
  rules: CompiledRules,
  compiled: CompiledControl,
  link: { via: ControlReach; conditions: readonly LinkCondition[] } | null,
  row: HitContext,
  options: ScoreOptions,
  pressure: ListingPressure,
): ControlHit | null {
  const status = statusOn(compiled.timeline, {
    asOf: row.asOf,
    reviewedAt: rules.doc.reviewedAt,
    suspensionsEnded: options.suspensionsEnded,
  });
  if (status === null || status.status === "lifted" || status.status === "dropped") return null;
  const { control } = compiled;
  const grade = gradeWeightFor(rules, link?.conditions ?? [], row.match);
  const ownWeight = rules.doc.weights.status[status.status] * destinationWeight(compiled, row.siteCountry);
  // A supplier on the control or watch list: every dual-use control reaching its item counts at least at the
  // listing's weight (an in-force ban: 1), whatever the control's own status or destinations.
  const raised = link !== null && DUAL_USE_CATEGORIES.has(control.category) && pressure.dualUse > ownWeight;
  const contribution = control.severity * (raised ? pressure.dualUse : ownWeight) * grade.weight;
  if (contribution <= 0) return null;
  return {
    controlId: control.id,
    title: control.title,
    citation: control.citation ?? null,
    category: control.category,
    status: status.status,
    statusSince: status.since,
    statusUntil: status.until,
    contribution,
    dependence: 0, // filled in once the row's dependence is known
    moved: false,
    via: link === null ? { kind: "any_item" } : link.via,
    grade: grade.grade,
    sourceUrl: compiled.sourceUrl,
    confidence: control.confidence,
    informal: status.status === "informal",
    reviewNeeded: status.reviewNeeded,
    unconfirmed: status.unconfirmed,
    statusNote: status.note,
    listing: raised ? { actionId: pressure.dualUseFrom!.actionId, weight: pressure.dualUse } : null,
  };
}

/** The hits of every control reaching the row's item, in the order the rules link them, then the any-item controls. */
export function controlHits(rules: CompiledRules, row: HitContext, options: ScoreOptions, pressure: ListingPressure): { hits: ControlHit[]; dualUseReached: Set<Category>; itemIsControlledEquipment: boolean } {
  const hits: ControlHit[] = [];
  const itemId = row.match.itemId;
  const itemLinks = itemId === null ? [] : (rules.controlsByItem.get(itemId) ?? []);
  for (const link of itemLinks) {
    const hit = hitFor(rules, link.compiled, link, row, options, pressure);
    if (hit !== null) hits.push(hit);
  }
  const itemIsControlledEquipment = hits.some((hit) => hit.category === "equipment" && hit.via.kind !== "any_item");
  const dualUseReached = new Set(hits.filter((hit) => DUAL_USE_CATEGORIES.has(hit.category)).map((hit) => hit.category));
  for (const compiled of rules.anyItemControls) {
    const hit = hitFor(rules, compiled, null, row, options, pressure);
    if (hit !== null) hits.push(hit);
  }
  return { hits, dualUseReached, itemIsControlledEquipment };
}

/**
 * A supplier China may not trade with (a UEL trade ban, a countermeasure barring transactions): one entry per
 * category at the listing's trade weight, so every Chinese input it relies on counts as cut.
 */
export function listingHits(pressure: ListingPressure): ControlHit[] {
  const from = pressure.tradeFrom;
  if (from === null || pressure.trade <= 0) return [];
  return CATEGORIES.map((category) => ({
    controlId: from.actionId,
    title: `${from.listLabel}: ${from.entityName}`,
    citation: from.citation,
    category,
    status: from.status === "suspended" ? "suspended" : "in_force",
    statusSince: from.since,
    statusUntil: from.until,
    contribution: pressure.trade,
    grade: { outcome: "whole_item", condition: null, detail: null },
    dependence: 0,
    moved: false,
    via: { kind: "listing", actionId: from.actionId },
    sourceUrl: from.sourceUrl,
    confidence: from.confidence,
    informal: false,
    reviewNeeded: from.reviewNeeded,
    unconfirmed: from.unconfirmed,
    statusNote: from.note,
    listing: { actionId: from.actionId, weight: pressure.trade },
  }));
}

/** Strongest first: by what the hit moves (contribution × dependence), then by contribution, then by id. */
export const strongestFirst = (a: ControlHit, b: ControlHit) =>
  b.contribution * b.dependence - a.contribution * a.dependence ||
  b.contribution - a.contribution ||
  (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0);

/** The warnings a control's hit raises on a row whose score it moves (none for a listing's own entry). */
export function hitWarnings(hit: ControlHit): Warning[] {
  const warnings: Warning[] = [];
  if (hit.via.kind === "listing") return warnings;
  if (hit.reviewNeeded) {
    warnings.push({
      code: "review_needed",
      controlId: hit.controlId,
      message: `${hit.controlId}: its dated status (e.g. a suspension) ran out before ${hit.statusSince}, after the rules were last reviewed; counted as in force until the rule owner confirms`,
    });
  }
  if (hit.unconfirmed) {
    warnings.push({
      code: "status_unconfirmed",
      controlId: hit.controlId,
      message: `${hit.controlId}${hit.citation === null ? "" : ` (${hit.citation})`}: counted as ${hit.status.replace("_", " ")} from ${hit.statusSince}, unconfirmed${hit.statusNote ? `: ${hit.statusNote}` : ""}`,
    });
  }
  if (hit.grade.outcome === "unspecified") {
    warnings.push({
      code: "grade_dependent",
      controlId: hit.controlId,
      message: `${hit.controlId} covers only some grades (${hit.grade.condition}); the text does not say which, so it counts at reduced weight: check the grade`,
    });
  }
  if (hit.informal) {
    warnings.push({ code: "informal_measure", controlId: hit.controlId, message: `${hit.controlId} is reported practice, not a published measure` });
  }
  return warnings;
}

/** What the reading of the commodity warns about: a line not recognised, or an item read with low confidence. */
export function readingWarnings(match: MatchResult): Warning[] {
  if (!isRecognised(match)) {
    return [{ code: "unmatched", message: `commodity not recognised: "${match.normalized.slice(0, 60)}"; only controls that apply to any item were checked` }];
  }
  if (match.itemId !== null && match.confidence < LOW_CONFIDENCE_BELOW) {
    return [{ code: "low_confidence_match", message: `read as ${match.itemName} with confidence ${match.confidence.toFixed(2)}; check the match` }];
  }
  return [];
}
