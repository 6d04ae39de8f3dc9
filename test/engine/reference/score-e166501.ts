/**
 * A frozen copy of the row scorer as it stood at commit e166501 (src/engine/score.ts then), before scoring
 * plans were introduced: every row works out its own controls, statuses, hits and warnings. It is the oracle
 * of test/engine/score-plans.test.ts, which checks that the engine's plan-based scoring returns the same
 * bytes. It reuses the engine's parsing, matching, status and screening, which the plans do not change.
 * Change it only when the scoring itself is meant to change, and say so in the commit.
 */
import type { CompiledControl, CompiledRules, ControlReach, LinkCondition } from "../../../src/engine/compile";
import { judgeCondition } from "../../../src/engine/grades";
import { CATEGORIES } from "../../../src/rules/vocabulary";
import type {
  CellValue,
  Category,
  CategoryScores,
  ControlHit,
  DependenceBasis,
  MatchResult,
  RowInput,
  RowResult,
  ScoreOptions,
  ScoredRow,
  Warning,
} from "../../../src/engine/types";
import { engineError, type InputField } from "../../../src/engine/errors";
import { LONGEST_SHARE_TEXT, ROW_FIELD_KINDS, type CellKind } from "../../../src/engine/cells";
import { excelErrorIn, isBlank, parseCountry, parseDate, parseShare, type Parsed } from "../../../src/engine/inputs";
import { isoDateOrNull, isScoringDate } from "../../../src/engine/dates";
import { roundToTenth } from "../../../src/engine/rounding";
import { isRecognised } from "../../../src/engine/types";
import { MAINLAND_CHINA } from "../../../src/engine/countries";
import { matchCommodity } from "../../../src/engine/match";
import { LOW_CONFIDENCE_BELOW } from "../../../src/engine/match-tuning";
import { statusOn } from "../../../src/engine/status";
import { explainRow } from "../../../src/engine/explain";
import { parseSupplierName, screenName, type ScreeningResult } from "../../../src/engine/screening";
import { pressureOf, type ListingPressure } from "../../../src/engine/listings";

/** Longer cells are not commodity descriptions (a pasted document, a runaway formula). */
const LONGEST_COMMODITY = 500;

const FIELDS: readonly (readonly [keyof RowInput, InputField])[] = [
  ["commodity", "commodity"],
  ["supplierCountry", "supplier_country"],
  ["siteCountry", "site_country"],
  ["chinaInputShare", "china_input_share"],
  ["chinaTechnology", "china_technology"],
  ["chinaEquipment", "china_equipment"],
  ["chinaPersonnel", "china_personnel"],
  ["asOf", "as_of"],
  ["supplierName", "supplier_name"],
];

interface ParsedRow {
  commodity: string;
  supplierCountry: string | null;
  siteCountry: string | null;
  given: Record<Category, number | undefined>;
  asOf: string;
  supplierName: string | null;
}

/** The run's own date (`options.asOf`), parsed on first need and then reused for every row of the call. */
type RunDate = () => string | null;

function runDateOf(options: ScoreOptions): RunDate {
  let parsed: string | null | undefined;
  return () => {
    if (parsed === undefined) parsed = isoDateOrNull(options.asOf);
    return parsed;
  };
}

function parseRow(given: RowInput, options: ScoreOptions, runDate: RunDate): Parsed<ParsedRow> {
  const row = readRow(given);
  for (const [key, field] of FIELDS) {
    const excelError = excelErrorIn(row[key]);
    if (excelError !== null) return { ok: false, error: engineError("excel_error_input", field, excelError) };
  }
  if (isBlank(row.commodity)) return { ok: false, error: engineError("commodity_missing", "commodity", "") };
  const commodity = String(row.commodity);
  if (commodity.length > LONGEST_COMMODITY) {
    return { ok: false, error: engineError("commodity_too_long", "commodity", String(commodity.length)) };
  }
  const supplierName = parseSupplierName(row.supplierName);
  if (!supplierName.ok) return supplierName;
  const supplier = parseCountry(row.supplierCountry, "supplier_country");
  if (!supplier.ok) return supplier;
  const site = parseCountry(row.siteCountry, "site_country");
  if (!site.ok) return site;
  const minerals = parseShare(row.chinaInputShare, "china_input_share");
  if (!minerals.ok) return minerals;
  const technology = parseShare(row.chinaTechnology, "china_technology");
  if (!technology.ok) return technology;
  const equipment = parseShare(row.chinaEquipment, "china_equipment");
  if (!equipment.ok) return equipment;
  const personnel = parseShare(row.chinaPersonnel, "china_personnel");
  if (!personnel.ok) return personnel;
  const rowDate = parseDate(row.asOf, "as_of");
  if (!rowDate.ok) return rowDate;
  const asOf = rowDate.value ?? runDate();
  if (asOf === null) return { ok: false, error: engineError("date_invalid", "as_of", options.asOf) };
  if (!isScoringDate(asOf)) return { ok: false, error: engineError("date_out_of_range", "as_of", options.asOf) };
  return {
    ok: true,
    value: {
      commodity,
      supplierCountry: supplier.value,
      siteCountry: site.value,
      given: { minerals: minerals.value, technology: technology.value, equipment: equipment.value, personnel: personnel.value },
      asOf,
      supplierName: supplierName.value,
    },
  };
}

interface Dependence {
  value: CategoryScores;
  basis: Record<Category, DependenceBasis>;
}

/**
 * Defaults for blank dependence inputs. A supplier in mainland China depends fully on China for the
 * item's minerals and process technology, and — when the item is itself controlled equipment — for
 * that equipment. Elsewhere, minerals default to China's world share of the item (or of its most
 * China-dominated component); a matched item with no known share is assumed fully dependent, so a
 * missing figure never reads as safe. "Controlled equipment" means an item-based equipment control
 * applies to the row on its date, so a control that does not apply changes nothing, not even this default.
 */
function dependenceFor(rules: CompiledRules, row: ParsedRow, itemId: string | null, itemIsControlledEquipment: boolean): Dependence {
  const inChina = row.supplierCountry === MAINLAND_CHINA;
  const value = {} as CategoryScores;
  const basis = {} as Record<Category, DependenceBasis>;
  const set = (category: Category, v: number, b: DependenceBasis) => {
    value[category] = v;
    basis[category] = b;
  };
  const given = row.given;

  if (given.minerals !== undefined) set("minerals", given.minerals, "input");
  else if (inChina) set("minerals", 1, "supplier_in_china");
  else if (itemId === null) set("minerals", 0, "not_given");
  else {
    const share = rules.mineralShareByItem.get(itemId) ?? null;
    if (share === null) set("minerals", 1, "no_share_known");
    else set("minerals", share.share, "china_world_share");
  }

  if (given.technology !== undefined) set("technology", given.technology, "input");
  else if (inChina) set("technology", 1, "supplier_in_china");
  else set("technology", 0, "not_given");

  if (given.equipment !== undefined) set("equipment", given.equipment, "input");
  else if (inChina && itemIsControlledEquipment) set("equipment", 1, "supplier_in_china");
  else set("equipment", 0, "not_given");

  if (given.personnel !== undefined) set("personnel", given.personnel, "input");
  else set("personnel", 0, "not_given");

  return { value, basis };
}

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
const DUAL_USE_CATEGORIES: ReadonlySet<Category> = new Set<Category>(["minerals", "technology", "equipment"]);

const NO_PRESSURE: ListingPressure = { dualUse: 0, dualUseFrom: null, trade: 0, tradeFrom: null };

function hitFor(
  rules: CompiledRules,
  compiled: CompiledControl,
  link: { via: ControlReach; conditions: readonly LinkCondition[] } | null,
  row: ParsedRow,
  match: MatchResult,
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
  const grade = gradeWeightFor(rules, link?.conditions ?? [], match);
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

/**
 * A supplier China may not trade with (a UEL trade ban, a countermeasure barring transactions): one entry per
 * category at the listing's trade weight, so every Chinese input it relies on counts as cut.
 */
function listingHits(pressure: ListingPressure): ControlHit[] {
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

/**
 * A listed supplier's unknown dependence is not read as low: where its listing bites (dual-use categories with a
 * control reaching the item; every category under a trade ban), a default dependence is raised to the listing's
 * weight. A dependence given in the row stays as given.
 */
function raiseDependence(dependence: Dependence, pressure: ListingPressure, dualUseReached: ReadonlySet<Category>): void {
  for (const category of CATEGORIES) {
    const floor = Math.max(dualUseReached.has(category) ? pressure.dualUse : 0, pressure.trade);
    if (floor > 0 && dependence.basis[category] !== "input" && dependence.value[category] < floor) {
      dependence.value[category] = floor;
      dependence.basis[category] = "entity_listed";
    }
  }
}

const strongestFirst = (a: ControlHit, b: ControlHit) =>
  b.contribution * b.dependence - a.contribution * a.dependence ||
  b.contribution - a.contribution ||
  (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0);

function warningsFor(match: MatchResult, hits: readonly ControlHit[], entity: ScreeningResult | null, pressure: ListingPressure): Warning[] {
  const warnings: Warning[] = entityWarnings(entity, pressure);
  if (!isRecognised(match)) {
    warnings.push({ code: "unmatched", message: `commodity not recognised: "${match.normalized.slice(0, 60)}"; only controls that apply to any item were checked` });
  } else if (match.itemId !== null && match.confidence < LOW_CONFIDENCE_BELOW) {
    warnings.push({ code: "low_confidence_match", message: `read as ${match.itemName} with confidence ${match.confidence.toFixed(2)}; check the match` });
  }
  for (const hit of hits) {
    if (!hit.moved || hit.via.kind === "listing") continue;
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
  }
  return warnings;
}

function scoreParsed(rules: CompiledRules, row: ParsedRow, options: ScoreOptions): ScoredRow {
  const match = matchCommodity(rules, row.commodity);
  const entity =
    row.supplierName === null
      ? null
      : screenName(rules.screeningIndex(), rules.doc, row.supplierName, row.supplierCountry, {
          asOf: row.asOf,
          reviewedAt: rules.doc.reviewedAt,
          suspensionsEnded: options.suspensionsEnded,
        });
  // Only a clear match weighs in the score; a possible one is a warning for review.
  const pressure = entity?.status === "listed" ? pressureOf(entity.match!.listings) : NO_PRESSURE;

  const hits: ControlHit[] = [];
  const itemLinks = match.itemId === null ? [] : (rules.controlsByItem.get(match.itemId) ?? []);
  for (const link of itemLinks) {
    const hit = hitFor(rules, link.compiled, link, row, match, options, pressure);
    if (hit !== null) hits.push(hit);
  }
  const itemIsControlledEquipment = hits.some((hit) => hit.category === "equipment" && hit.via.kind !== "any_item");
  const dualUseReached = new Set(hits.filter((hit) => DUAL_USE_CATEGORIES.has(hit.category)).map((hit) => hit.category));
  for (const compiled of rules.anyItemControls) {
    const hit = hitFor(rules, compiled, null, row, match, options, pressure);
    if (hit !== null) hits.push(hit);
  }
  hits.push(...listingHits(pressure));
  const dependence = dependenceFor(rules, row, match.itemId, itemIsControlledEquipment);
  raiseDependence(dependence, pressure, pressure.dualUse > 0 ? dualUseReached : new Set());
  for (const hit of hits) {
    hit.dependence = dependence.value[hit.category];
    hit.moved = hit.contribution * hit.dependence > 0;
  }
  hits.sort(strongestFirst);

  const untouched = { minerals: 1, technology: 1, equipment: 1, personnel: 1 };
  for (const hit of hits) untouched[hit.category] *= 1 - hit.contribution;

  const categories = {} as CategoryScores;
  let overallUntouched = 1;
  for (const category of CATEGORIES) {
    // The overall score is built from the rounded category scores so an analyst can recompute it from what is shown.
    categories[category] = roundToTenth(100 * (1 - untouched[category]) * dependence.value[category]);
    overallUntouched *= 1 - (rules.doc.weights.categories[category] * categories[category]) / 100;
  }
  // The one-line explanation is built on first read (then kept): most callers never read it, and it
  // costs more than the arithmetic. It stays an ordinary enumerable property to JSON, spreads and tests.
  let explanation: string | undefined;
  const scored: ScoredRow = {
    ok: true,
    score: roundToTenth(100 * (1 - overallUntouched)),
    categories,
    dependence: dependence.value,
    dependenceBasis: dependence.basis,
    match,
    supplierCountry: row.supplierCountry,
    siteCountry: row.siteCountry,
    asOf: row.asOf,
    hits,
    warnings: warningsFor(match, hits, entity, pressure),
    get explanation(): string {
      if (explanation === undefined) explanation = explainRow(scored);
      return explanation;
    },
    set explanation(text: string) {
      explanation = text;
    },
    entity,
  };
  return scored;
}

/** Score one row. Never throws on any cell content: a bad row comes back as `{ ok: false, error }`. */
export function referenceScoreRow(row: RowInput, rules: CompiledRules, options: ScoreOptions): RowResult {
  return scoreOne(row, rules, options, runDateOf(options));
}

function scoreOne(row: RowInput, rules: CompiledRules, options: ScoreOptions, runDate: RunDate): RowResult {
  const parsed = parseRow(row, options, runDate);
  return parsed.ok ? scoreParsed(rules, parsed.value, options) : { ok: false, error: parsed.error };
}

/** Score many rows against one compiled ruleset; commodity matching is shared across rows. */
export function referenceScoreRows(rows: readonly RowInput[], rules: CompiledRules, options: ScoreOptions): RowResult[] {
  const runDate = runDateOf(options);
  return rows.map((row) => scoreOne(row, rules, options, runDate));
}

// ---------------------------------------------------------------- the supplier's own listing

function listingStatusText(lead: NonNullable<ScreeningResult["lead"]>): string {
  const until = lead.until === null ? "" : ` until ${lead.until}`;
  const unconfirmed = lead.unconfirmed ? `, unconfirmed${lead.note ? `: ${lead.note}` : ""}` : "";
  const review = lead.reviewNeeded ? ", after a suspension that ran out after the rules were last reviewed (review needed)" : "";
  return `${lead.status} since ${lead.since}${until}${unconfirmed}${review}`;
}

function listingEffectText(lead: NonNullable<ScreeningResult["lead"]>, pressure: ListingPressure): string {
  if (pressure.trade > 0) return `China may not trade with it, so every Chinese input it relies on counts as cut (weight ${pressure.trade})`;
  if (pressure.dualUse >= 1) return "Chinese dual-use items are barred to it, so the dual-use controls reaching its item count at full strength";
  if (pressure.dualUse > 0) return `Chinese dual-use items reach it only under strict licensing, so the dual-use controls reaching its item count at least at ${pressure.dualUse}`;
  if (lead.status === "lifted" || lead.status === "cancelled") return "the listing weighs nothing on this date";
  if (lead.effects.includes("procurement_ban")) return "Chinese public purchasers may not buy its products, which does not cut its Chinese inputs";
  return "the notice set no measure on its Chinese inputs that was seen";
}

function entityWarnings(entity: ScreeningResult | null, pressure: ListingPressure): Warning[] {
  if (entity === null || entity.match === null || entity.lead === null) return [];
  const { match, lead } = entity;
  const citation = lead.citation === null ? "" : `, ${lead.citation}`;
  if (entity.status === "possible") {
    return [
      {
        code: "entity_possible_match",
        controlId: lead.actionId,
        message: `supplier name resembles "${match.name}" on the ${lead.listLabel} (${lead.actionId}${citation}; similarity ${match.score.toFixed(2)}): check it; a possible match does not change the score`,
      },
    ];
  }
  const others = match.listings.slice(1).map((listing) => listing.actionId);
  const also = others.length === 0 ? "" : `; also named by ${others.join(", ")}`;
  return [
    {
      code: "entity_listed",
      controlId: lead.actionId,
      message: `supplier is "${match.name}" on the ${lead.listLabel} (${lead.actionId}${citation}, ${listingStatusText(lead)}): ${listingEffectText(lead, pressure)}${also}`,
    },
  ];
}

// ---------------------------------------------------------------- reading a cell (src/engine/cells.ts at e166501)

/** Applied to trimmed text no longer than LONGEST_SHARE_TEXT; `\d` and `\s` never overlap, so it cannot backtrack. */
const DECIMAL_COMMA_SHARE = /^([+-]?\d*),(\d+)(\s*%)?$/;

/** The `type` of the Excel cell values (Excel.EntityCellValue, Excel.LinkedEntityCellValue) that carry a display text. */
const ENTITY_TYPES = new Set(["Entity", "LinkedEntity"]);

function unwrap(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw === "object") {
    const value = raw as { code?: unknown; basicValue?: unknown; type?: unknown; text?: unknown };
    if (typeof value.code === "string" && value.code.startsWith("#")) return value.code;
    if (typeof value.type === "string" && ENTITY_TYPES.has(value.type) && typeof value.text === "string") return value.text;
    if (typeof value.basicValue === "string" || typeof value.basicValue === "number" || typeof value.basicValue === "boolean") {
      return value.basicValue;
    }
  }
  return String(raw);
}

/** A cell as the engine reads it for a field of the given kind: null when blank, else trimmed text, a number or a boolean. */
function readCell(raw: unknown, kind: CellKind): CellValue {
  if (raw === null || raw === undefined) return null;
  const value = unwrap(raw);
  if (value === null) return null;
  if (typeof value === "number") return value === 0 && kind !== "share" ? null : value;
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return null;
  if (kind === "share" && text.length <= LONGEST_SHARE_TEXT && text.includes(",")) {
    const decimal = DECIMAL_COMMA_SHARE.exec(text);
    if (decimal) return `${decimal[1]}.${decimal[2]}${decimal[3] ?? ""}`;
  }
  return text;
}

/** Every field of a row read with `readCell` (spelled out: it runs once per row on the scoring path). */
function readRow(row: RowInput): RowInput {
  return {
    commodity: readCell(row.commodity, ROW_FIELD_KINDS.commodity),
    supplierCountry: readCell(row.supplierCountry, ROW_FIELD_KINDS.supplierCountry),
    siteCountry: readCell(row.siteCountry, ROW_FIELD_KINDS.siteCountry),
    chinaInputShare: readCell(row.chinaInputShare, ROW_FIELD_KINDS.chinaInputShare),
    chinaTechnology: readCell(row.chinaTechnology, ROW_FIELD_KINDS.chinaTechnology),
    chinaEquipment: readCell(row.chinaEquipment, ROW_FIELD_KINDS.chinaEquipment),
    chinaPersonnel: readCell(row.chinaPersonnel, ROW_FIELD_KINDS.chinaPersonnel),
    asOf: readCell(row.asOf, ROW_FIELD_KINDS.asOf),
    supplierName: readCell(row.supplierName, ROW_FIELD_KINDS.supplierName),
  };
}
