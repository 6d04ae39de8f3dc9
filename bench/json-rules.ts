/**
 * The same controls as json-rules-engine rules, to compare the purpose-built engine with a generic one.
 *
 * One rule per control and per period of its timeline. Its conditions say, as data: the scoring day falls
 * in the period; the row's item, or something it contains, is one the control names (no such condition
 * for controls that bite whatever the item); the plant's country is in scope (a named destination, or
 * anywhere but mainland China). The event carries the control's severity and the period's status weight;
 * the event handling multiplies in the destination weight and combines contributions and dependence
 * exactly as docs/scoring.md describes. Reading the cells, matching the commodity text and reading the grade
 * or figures it states are not what a rules engine does, so the facts are prepared with the engine's own
 * parsers, matcher and grade judge — the same work `scoreRows` does for them; the handler then multiplies in
 * each control's grade weight for the row (0 when the text rules the control out).
 */
import { Engine, type RuleProperties, type TopLevelCondition, type NestedCondition } from "json-rules-engine";
import { type Control, type TimelineEntry } from "../src/rules/schema";
import { CATEGORIES, coverageOf, type Category } from "../src/rules/vocabulary";
import { matchCommodity, parseCountry, parseDate, parseShare, type CompiledRules, type RowInput } from "../src/engine";
import { judgeCondition } from "../src/engine/grades";
import type { MatchResult } from "../src/engine/types";
import { MAINLAND_CHINA } from "../src/engine/countries";

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

interface ControlEvent {
  controlId: string;
  category: Category;
  status: string;
  /** severity × status weight; the destination weight is applied when the event is handled. */
  strength: number;
  /** Country → weight for destination-specific controls; null when worldwide. */
  destinations: Record<string, number> | null;
  /** True when the control reaches the row through its item (not a whatever-the-item control). */
  viaItem: boolean;
}

interface Period {
  status: TimelineEntry["status"];
  fromDay: number;
  /** First day after the period; null while it lasts. */
  endDay: number | null;
}

/** A timeline as periods: an entry lasts until the next begins, a dated status until its `until`, then in force. */
function periodsOf(timeline: readonly TimelineEntry[]): Period[] {
  const periods: Period[] = [];
  timeline.forEach((entry, index) => {
    const nextFrom = index + 1 < timeline.length ? dayNumber(timeline[index + 1].from) : null;
    const fromDay = dayNumber(entry.from);
    if (nextFrom !== null && nextFrom <= fromDay) return;
    if (entry.until === undefined) {
      periods.push({ status: entry.status, fromDay, endDay: nextFrom });
      return;
    }
    const afterUntil = dayNumber(entry.until) + 1;
    periods.push({ status: entry.status, fromDay, endDay: nextFrom === null ? afterUntil : Math.min(afterUntil, nextFrom) });
    if (nextFrom === null || afterUntil < nextFrom) periods.push({ status: "in_force", fromDay: afterUntil, endDay: nextFrom });
  });
  return periods;
}

function scopeCondition(control: Control): NestedCondition {
  if (control.scope.kind === "worldwide") return { fact: "site", operator: "notEqual", value: MAINLAND_CHINA };
  return { fact: "site", operator: "in", value: control.scope.destinations.map((d) => d.country) };
}

function rulesFor(rules: CompiledRules): RuleProperties[] {
  const statusWeights = rules.doc.weights.status;
  const properties: RuleProperties[] = [];
  for (const { control, timeline } of rules.controlsById.values()) {
    for (const period of periodsOf(timeline)) {
      const strength = control.severity * statusWeights[period.status];
      if (strength <= 0) continue;
      const all: NestedCondition[] = [{ fact: "asOfDay", operator: "greaterThanInclusive", value: period.fromDay }];
      if (period.endDay !== null) all.push({ fact: "asOfDay", operator: "lessThan", value: period.endDay });
      if (!control.anyItem) all.push({ any: control.items.map((entry) => ({ fact: "reach", operator: "contains", value: coverageOf(entry).item })) });
      all.push(scopeCondition(control));
      const event: ControlEvent = {
        controlId: control.id,
        category: control.category,
        status: period.status,
        strength,
        destinations: control.scope.kind === "worldwide" ? null : Object.fromEntries(control.scope.destinations.map((d) => [d.country, d.weight])),
        viaItem: !control.anyItem,
      };
      const conditions: TopLevelCondition = { all };
      properties.push({ name: `${control.id}@${period.fromDay}`, conditions, event: { type: "control", params: event } });
    }
  }
  return properties;
}

/** Item id → the item and everything it contains, transitively: the `reach` fact. */
function reachByItem(rules: CompiledRules): Map<string, string[]> {
  const reach = new Map<string, string[]>();
  for (const itemId of rules.itemsById.keys()) {
    const seen = new Set([itemId]);
    const queue = [itemId];
    while (queue.length > 0) {
      for (const child of (rules.itemsById.get(queue.shift()!)?.contains ?? []).map((entry) => coverageOf(entry).item)) {
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
      }
    }
    reach.set(itemId, [...seen]);
  }
  return reach;
}

export interface JsonRulesScorer {
  /** Overall score per row (NaN for a row with unusable input), and the number of rules loaded. */
  score(rows: readonly RowInput[], asOf: string): Promise<Float64Array>;
  ruleCount: number;
}

type Given = Record<Category, number | undefined>;

interface RowFacts {
  itemId: string | null;
  inChina: boolean;
  site: string;
  given: Given;
  facts: { reach: string[]; site: string; asOfDay: number };
  /** Control id → how much of it the row's grade lets through (controls without a grade condition: absent, 1). */
  gradeWeights: ReadonlyMap<string, number>;
}

export function buildJsonRulesScorer(rules: CompiledRules): JsonRulesScorer {
  const ruleProperties = rulesFor(rules);
  const engine = new Engine(ruleProperties, { allowUndefinedFacts: true });
  const reach = reachByItem(rules);
  const categoryWeights = rules.doc.weights.categories;
  const roundToTenth = (x: number) => Math.round(x * 10) / 10;

  /** docs/scoring.md, Grades: a contradicted condition → 0; one left open → the unspecified weight; else 1. */
  function gradeWeightsFor(match: MatchResult): Map<string, number> {
    const weights = new Map<string, number>();
    if (match.itemId === null) return weights;
    for (const link of rules.controlsByItem.get(match.itemId)) {
      if (link.conditions.length === 0) continue;
      const outcomes = link.conditions.map((condition) => judgeCondition(condition, match).kind);
      const weight = outcomes.includes("not_met") ? 0 : outcomes.includes("unknown") ? rules.doc.weights.grades.unspecified : 1;
      weights.set(link.compiled.control.id, weight);
    }
    return weights;
  }

  function factsOf(row: RowInput, asOf: string): RowFacts | null {
    if (row.commodity === null || row.commodity === undefined || String(row.commodity).trim() === "") return null;
    const supplier = parseCountry(row.supplierCountry, "supplier_country");
    const site = parseCountry(row.siteCountry, "site_country");
    const minerals = parseShare(row.chinaInputShare, "china_input_share");
    const technology = parseShare(row.chinaTechnology, "china_technology");
    const equipment = parseShare(row.chinaEquipment, "china_equipment");
    const personnel = parseShare(row.chinaPersonnel, "china_personnel");
    const date = parseDate(row.asOf, "as_of");
    if (!supplier.ok || !site.ok || !minerals.ok || !technology.ok || !equipment.ok || !personnel.ok || !date.ok) return null;
    const match = matchCommodity(rules, String(row.commodity));
    const itemId = match.itemId;
    const siteCode = site.value ?? "";
    return {
      itemId,
      inChina: supplier.value === MAINLAND_CHINA,
      site: siteCode,
      given: { minerals: minerals.value, technology: technology.value, equipment: equipment.value, personnel: personnel.value },
      facts: { reach: itemId === null ? [] : reach.get(itemId)!, site: siteCode, asOfDay: dayNumber(date.value ?? asOf) },
      gradeWeights: gradeWeightsFor(match),
    };
  }

  function dependence(row: RowFacts, controlledEquipment: boolean): Record<Category, number> {
    const { given, inChina, itemId } = row;
    const worldShare = itemId === null ? 0 : (rules.mineralShareByItem.get(itemId)?.share ?? 1);
    return {
      minerals: given.minerals ?? (inChina ? 1 : worldShare),
      technology: given.technology ?? (inChina ? 1 : 0),
      equipment: given.equipment ?? (inChina && controlledEquipment ? 1 : 0),
      personnel: given.personnel ?? 0,
    };
  }

  async function scoreOne(row: RowInput, asOf: string): Promise<number> {
    const prepared = factsOf(row, asOf);
    if (prepared === null) return Number.NaN;
    const { events } = await engine.run(prepared.facts);
    const untouched: Record<Category, number> = { minerals: 1, technology: 1, equipment: 1, personnel: 1 };
    let controlledEquipment = false;
    for (const event of events) {
      const hit = event.params as ControlEvent;
      const destinationWeight = hit.destinations === null ? 1 : (hit.destinations[prepared.site] ?? 0);
      const gradeWeight = hit.viaItem ? (prepared.gradeWeights.get(hit.controlId) ?? 1) : 1;
      const contribution = hit.strength * destinationWeight * gradeWeight;
      untouched[hit.category] *= 1 - contribution;
      if (contribution > 0 && hit.category === "equipment" && hit.viaItem) controlledEquipment = true;
    }
    const used = dependence(prepared, controlledEquipment);
    let overallUntouched = 1;
    for (const category of CATEGORIES) {
      const categoryScore = roundToTenth(100 * (1 - untouched[category]) * used[category]);
      overallUntouched *= 1 - (categoryWeights[category] * categoryScore) / 100;
    }
    return roundToTenth(100 * (1 - overallUntouched));
  }

  return {
    ruleCount: ruleProperties.length,
    async score(rows, asOf) {
      const scores = new Float64Array(rows.length);
      for (let index = 0; index < rows.length; index++) scores[index] = await scoreOne(rows[index], asOf);
      return scores;
    },
  };
}
