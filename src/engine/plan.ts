/**
 * Scoring plans. Nearly everything a row's score needs depends on what its commodity was read as, the plant's
 * country and the scoring date (and the "suspensions ended" what-if), not on the row: which controls reach
 * the item, their status and weight on the date, the destination and grade weights, the hit records and the
 * warnings they raise. A plan holds all of that, worked out once; a row then only adds its dependence, the
 * arithmetic and its own result record (score.ts).
 *
 * Plans are shared as widely as the results allow: readings of one item share a plan unless the words settle
 * one of its grade conditions differently, and plants in countries every control weighs alike share one too.
 * A hit record depends on the row only through the dependence of its category: a plan holds the hits as
 * templates and makes a row's records, in its order, when they are first read. A supplier on one of China's
 * lists changes the hits themselves (its listing raises controls and adds entries), so such a row does not use
 * a plan.
 */
import { ownedText } from "./owned-text";
import type { CompiledRules } from "./compile";
import type { Category, ControlHit, DependenceBasis, MatchResult, ScoreOptions, Warning } from "./types";
import { controlHits, hitWarnings, NO_PRESSURE, readingWarnings } from "./hits";
import { judgeCondition } from "./grades";
import { MAINLAND_CHINA } from "./countries";
import { matchCommodity } from "./match";
import { statusChangeDays } from "./status";

/** Plans and readings a book keeps before new ones are worked out without being kept, so no sheet can exhaust memory. */
const MOST_PLANS = 100_000;
/** Plant countries a book numbers (there are about 250). */
const MOST_SITES = 512;

/** An object and everything it holds, frozen. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const part of Object.values(value)) deepFreeze(part);
    Object.freeze(value);
  }
  return value;
}

const CATEGORY_INDEX: Readonly<Record<Category, number>> = { minerals: 0, technology: 1, equipment: 2, personnel: 3 };

const NO_WARNINGS: readonly Warning[] = Object.freeze([]);
export const NO_HITS = Object.freeze([]) as unknown as ControlHit[];

/** The hits of a row that move its score: their control ids and their warnings, strongest first. */
export interface MovedHits {
  readonly controlIds: readonly string[];
  readonly warnings: readonly Warning[];
}

export const NOTHING_MOVED: MovedHits = Object.freeze({ controlIds: Object.freeze([]), warnings: NO_WARNINGS });

export class ScoringPlan {
  /** The hits in the order they are found, each with `dependence` 0 and `moved` false: templates for the records rows get. */
  private readonly templates: readonly ControlHit[];
  /** Per hit: the position of its category in CATEGORIES. */
  private readonly categoryIndex: readonly number[];
  /** Per hit: the warnings it raises on a row whose score it moves. */
  private readonly hitWarnings: readonly (readonly Warning[])[];
  /**
   * Per category (CATEGORIES order): Π(1 − contribution) over its hits, multiplied strongest first as a row
   * multiplies them. Within a category every hit has the row's one dependence, so strongest first is by
   * contribution, then id, whatever that dependence is.
   */
  readonly untouched: readonly number[];
  /** An item-based equipment control applies: a supplier in China then defaults to full equipment dependence. */
  readonly itemIsControlledEquipment: boolean;
  /** The default mineral dependence of a supplier outside China, and where it comes from. */
  readonly mineralDefault: number;
  readonly mineralDefaultBasis: DependenceBasis;
  constructor(rules: CompiledRules, match: MatchResult, siteCountry: string | null, asOf: string, options: ScoreOptions) {
    const found = controlHits(rules, { match, siteCountry, asOf }, options, NO_PRESSURE);
    // Rows share these templates' parts (grade, via, listing): frozen all the way down, so no row can change another's.
    const hits = found.hits.map(deepFreeze);
    const strongest = [...hits].sort((a, b) => b.contribution - a.contribution || (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0));
    const untouched = [1, 1, 1, 1];
    for (const hit of strongest) untouched[CATEGORY_INDEX[hit.category]] *= 1 - hit.contribution;
    this.templates = hits;
    this.categoryIndex = hits.map((hit) => CATEGORY_INDEX[hit.category]);
    this.hitWarnings = hits.map((hit) => Object.freeze(hitWarnings(hit).map((warning) => Object.freeze(warning))));
    this.untouched = Object.freeze(untouched);
    this.itemIsControlledEquipment = found.itemIsControlledEquipment;
    const share = match.itemId === null ? undefined : (rules.mineralShareByItem.get(match.itemId) ?? null);
    this.mineralDefault = share === undefined ? 0 : share === null ? 1 : share.share;
    this.mineralDefaultBasis = share === undefined ? "not_given" : share === null ? "no_share_known" : "china_world_share";
  }

  /** Whether the plan has hits at all (a row without any has nothing to list or warn about). */
  get hasHits(): boolean {
    return this.templates.length > 0;
  }

  /**
   * The hit records of a row with these dependences, strongest first as `strongestFirst` (hits.ts) orders them —
   * a strict order, since within a plan control ids are distinct. Made when a row's hits are first read
   * (score.ts), so rows whose hits nobody reads cost nothing here.
   */
  hits(minerals: number, technology: number, equipment: number, personnel: number): ControlHit[] {
    if (this.templates.length === 0) return NO_HITS;
    const dependence = [minerals, technology, equipment, personnel];
    return this.order(dependence).map((index) => this.record(index, dependence[this.categoryIndex[index]]));
  }

  /** The ids and warnings of the hits that move the score, in the order of `hits`, without making records. */
  moved(minerals: number, technology: number, equipment: number, personnel: number): MovedHits {
    if (this.templates.length === 0) return NOTHING_MOVED;
    const dependence = [minerals, technology, equipment, personnel];
    const controlIds: string[] = [];
    const warnings: Warning[] = [];
    for (const index of this.order(dependence)) {
      const hit = this.templates[index];
      if (!(hit.contribution * dependence[this.categoryIndex[index]] > 0)) continue;
      controlIds.push(hit.controlId);
      for (const warning of this.hitWarnings[index]) warnings.push(warning);
    }
    return { controlIds, warnings: warnings.length === 0 ? NO_WARNINGS : warnings };
  }

  /** The hits' indexes strongest first, by contribution × the row's dependence for the hit's category. */
  private order(dependence: readonly number[]): number[] {
    const templates = this.templates;
    const order: number[] = [];
    for (let i = 0; i < templates.length; i++) {
      // Insertion sort: hits are few.
      const hit = templates[i];
      const strength = hit.contribution * dependence[this.categoryIndex[i]];
      let at = i;
      while (at > 0) {
        const before = templates[order[at - 1]];
        const difference =
          strength - before.contribution * dependence[this.categoryIndex[order[at - 1]]] || hit.contribution - before.contribution || (before.controlId < hit.controlId ? -1 : 1);
        if (difference <= 0) break;
        order[at] = order[at - 1];
        at -= 1;
      }
      order[at] = i;
    }
    return order;
  }

  /** The record of hit `index` on a row whose dependence for its category is `dependence`. */
  private record(index: number, dependence: number): ControlHit {
    const t = this.templates[index];
    return {
      controlId: t.controlId,
      title: t.title,
      citation: t.citation,
      category: t.category,
      status: t.status,
      statusSince: t.statusSince,
      statusUntil: t.statusUntil,
      contribution: t.contribution,
      dependence,
      moved: t.contribution * dependence > 0,
      via: t.via,
      grade: t.grade,
      sourceUrl: t.sourceUrl,
      confidence: t.confidence,
      informal: t.informal,
      reviewNeeded: t.reviewNeeded,
      unconfirmed: t.unconfirmed,
      statusNote: t.statusNote,
      listing: t.listing,
    };
  }
}

/** What a book keeps per commodity text: its reading, which plans it uses and what the reading itself warns about. */
export interface Reading {
  readonly match: MatchResult;
  /**
   * Readings with the same key get the same hits: the item, and for an item with grade conditions the words of
   * the line can settle, how they settle them. Null: no item.
   */
  readonly planKey: string | null;
  readonly warnings: readonly Warning[];
}

/** What the book keeps per commodity text: its reading, and its plans on the run's date by the plant's number. */
export interface TextEntry {
  /** The text, as the book keeps it. */
  text: string;
  readonly reading: Reading;
  readonly runDatePlans: (ScoringPlan | undefined)[];
  /** False once the book is full: the text is read again when next seen, and its plans are not kept with it. */
  readonly kept: boolean;
}

/**
 * The plans of one ruleset under one set of options, worked out on first need and kept (up to MOST_PLANS).
 * Keyed by the stretch of days the date falls in (between two days on which a control that can reach the item changes
 * status, a plan's hits are the same whatever the day), by the plant's country as the controls weigh it, and by the
 * reading's plan key; the commodity texts seen are kept with their reading and, for the run's own date, their plans.
 */
export class PlanBook {
  private readonly plans = new Map<string, Map<string, Map<string | null, ScoringPlan>>>();
  /**
   * Commodity text → its reading and, by the number of the plant's country, its plan on the run's own date. One
   * map and one copy of each text, whatever the plants: a row's lookup then touches a few kilobytes, not a map per plant.
   */
  private readonly texts = new Map<string, TextEntry>();
  private readonly siteKeys = new Map<string | null, string>();
  private readonly siteNumbers = new Map<string | null, number>();
  private runDatePlansKept = 0;
  private readonly destinationControls;
  private readonly runDate: string | null;
  /** By item (null: no item): the days on which a control that can reach the item's plans changes status, and the stretches of dates seen. */
  private readonly stretchesByItem = new Map<string | null, { changeDays: readonly string[]; byDate: Map<string, string> }>();
  private kept = 0;
  private plansMade = 0;

  /** `runDate`: the run's own date as the rows read it (null when `options.asOf` is no date). */
  constructor(
    private readonly rules: CompiledRules,
    private readonly options: ScoreOptions,
    runDate: string | null,
  ) {
    this.destinationControls = [...rules.controlsById.values()].filter((compiled) => compiled.destinations !== null);
    this.runDate = runDate;
  }

  /** Plans worked out so far, kept or not. */
  get made(): number {
    return this.plansMade;
  }

  /** What the book keeps for a commodity text (its reading, match.ts, memoised with the rules), read now if it was not seen before. */
  entry(commodity: string): TextEntry {
    return this.texts.get(commodity) ?? this.enter(commodity);
  }

  /**
   * The plan of a commodity text (its entry) at a plant on the run's own date, for the rows that carry no date
   * of their own: kept in the entry by the plant's number.
   */
  runDatePlan(entry: TextEntry, siteCountry: string | null): ScoringPlan {
    const siteNumber = this.siteNumbers.get(siteCountry) ?? this.numberSite(siteCountry);
    const known = entry.runDatePlans[siteNumber];
    if (known !== undefined) return known;
    const plan = this.plan(entry.reading, siteCountry, this.runDate ?? "");
    if (this.runDatePlansKept < MOST_PLANS && siteNumber < MOST_SITES && entry.kept) {
      this.runDatePlansKept += 1;
      entry.runDatePlans[siteNumber] = plan;
    }
    return plan;
  }

  /** A text not seen before: read, and kept while the book has room. */
  private enter(commodity: string): TextEntry {
    const match = matchCommodity(this.rules, commodity);
    const reading: Reading = {
      match,
      planKey: this.planKey(match),
      warnings: Object.freeze(readingWarnings(match).map((warning) => Object.freeze(warning))),
    };
    const kept = this.texts.size < MOST_PLANS;
    const entry: TextEntry = { text: commodity, reading, runDatePlans: [], kept };
    if (kept) this.texts.set((entry.text = ownedText(commodity)), entry);
    return entry;
  }

  plan(reading: Reading, siteCountry: string | null, asOf: string): ScoringPlan {
    const siteKey = this.siteKey(siteCountry);
    const stretch = this.stretchOf(reading.match.itemId, asOf);
    let bySite = this.plans.get(stretch);
    if (bySite === undefined) this.plans.set(stretch, (bySite = new Map()));
    let byReading = bySite.get(siteKey);
    if (byReading === undefined) bySite.set(siteKey, (byReading = new Map()));
    const known = byReading.get(reading.planKey);
    if (known !== undefined) return known;
    const plan = new ScoringPlan(this.rules, reading.match, siteCountry, asOf, this.options);
    this.plansMade += 1;
    if (this.kept < MOST_PLANS) {
      this.kept += 1;
      byReading.set(reading.planKey, plan);
    }
    return plan;
  }

  /**
   * The last day on or before `asOf` on which a control that can reach the item's plans (its links and the controls on
   * any item) changed status, "" before the first: the stretch's key. Another item's controls do not split it.
   */
  private stretchOf(itemId: string | null, asOf: string): string {
    let stretches = this.stretchesByItem.get(itemId);
    if (stretches === undefined) {
      const links = itemId === null ? [] : (this.rules.controlsByItem.get(itemId) ?? []);
      const controls = [...links.map((link) => link.compiled), ...this.rules.anyItemControls];
      const changeDays = [...new Set(controls.flatMap((compiled) => statusChangeDays(compiled.timeline)))].sort();
      this.stretchesByItem.set(itemId, (stretches = { changeDays, byDate: new Map() }));
    }
    let stretch = stretches.byDate.get(asOf);
    if (stretch === undefined) {
      const days = stretches.changeDays;
      let low = 0;
      let high = days.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (days[middle] <= asOf) low = middle + 1;
        else high = middle;
      }
      stretch = low === 0 ? "" : days[low - 1];
      if (stretches.byDate.size < MOST_PLANS) stretches.byDate.set(asOf, stretch);
    }
    return stretch;
  }

  /** Plant countries get numbers in the order they are first seen. */
  private numberSite(siteCountry: string | null): number {
    const number = this.siteNumbers.size;
    if (number < MOST_SITES) this.siteNumbers.set(siteCountry, number);
    return number;
  }

  /**
   * Plants the controls weigh alike share a key: mainland China (outside every control's scope), and otherwise
   * the weight each destination-specific control gives the country (none: as for a blank plant country).
   */
  private siteKey(siteCountry: string | null): string {
    let key = this.siteKeys.get(siteCountry);
    if (key === undefined) {
      key = siteCountry === MAINLAND_CHINA ? "mainland China" : this.destinationControls.map((compiled) => (siteCountry === null ? 0 : (compiled.destinations!.get(siteCountry) ?? 0))).join(" ");
      if (this.siteKeys.size < MOST_PLANS) this.siteKeys.set(siteCountry, key);
    }
    return key;
  }

  private planKey(match: MatchResult): string | null {
    const itemId = match.itemId;
    if (itemId === null) return null;
    const settled: string[] = [];
    for (const link of this.rules.controlsByItem.get(itemId) ?? []) {
      for (const condition of link.conditions) {
        if (!condition.onRowItem) continue;
        const outcome = judgeCondition(condition, match);
        settled.push(outcome.kind === "unknown" ? "?" : `${outcome.kind}:${outcome.detail}`);
      }
    }
    return settled.length === 0 ? itemId : `${itemId}\u0000${settled.join("\u0000")}`;
  }
}
