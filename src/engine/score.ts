/**
 * One supplier row → four category scores, an overall score, the controls that fired and warnings.
 * The model (see docs/scoring.md):
 *   contribution  = severity × statusWeight(status on the date) × destinationWeight
 *   e_c           = 1 − Π(1 − contribution)               over the applicable controls of category c
 *   score_c       = 100 × e_c × dependence_c
 *   overall       = 100 × (1 − Π(1 − categoryWeight_c × score_c / 100))
 * What depends on the item, plant and date is worked out once per plan (plan.ts); per row remain reading its
 * cells, its dependence, the arithmetic and its record.
 */
import { ownedText } from "./owned-text";
import type { CompiledRules } from "./compile";
import { CATEGORIES } from "../rules/vocabulary";
import type { Category, CategoryScores, ControlHit, DependenceBasis, EngineError, MatchResult, RowInput, RowResult, ScoreOptions, ScoredRow, Warning } from "./types";
import { engineError, type InputField } from "./errors";
import { readCell } from "./cells";
import { excelErrorIn, parseDate, parseShare } from "./inputs";
import { isoDateOrNull, isScoringDate } from "./dates";
import { roundToTenth } from "./rounding";
import { MAINLAND_CHINA, toCountryCode } from "./countries";
import { explainRow } from "./explain";
import { parseSupplierName, screenName, type ScreeningResult } from "./screening";
import { pressureOf, type ListingPressure } from "./listings";
import { controlHits, hitWarnings, listingHits, NO_PRESSURE, readingWarnings, strongestFirst } from "./hits";
import { NO_HITS, NOTHING_MOVED, PlanBook, type MovedHits, type ScoringPlan, type TextEntry } from "./plan";

/** Longer cells are not commodity descriptions (a pasted document, a runaway formula). */
export const LONGEST_COMMODITY = 500;

interface ParsedRow {
  commodity: string;
  supplierCountry: string | null;
  siteCountry: string | null;
  /** The dependences the row gives (undefined: blank, the default applies). */
  minerals: number | undefined;
  technology: number | undefined;
  equipment: number | undefined;
  personnel: number | undefined;
  asOf: string;
  supplierName: string | null;
}

/** The run's own date (`options.asOf`): parsed on first need, then reused for every row; null when it is no date. */
class RunDate {
  private parsed: { iso: string | null; inRange: boolean } | undefined;

  constructor(private readonly text: string) {}

  get value(): { iso: string | null; inRange: boolean } {
    if (this.parsed === undefined) {
      const iso = isoDateOrNull(this.text);
      this.parsed = { iso, inRange: iso !== null && isScoringDate(iso) };
    }
    return this.parsed;
  }
}

const failed = (error: EngineError): RowResult => ({ ok: false, error });

/** A country cell (as readCell gives it, so null when blank): its code, null when blank, or the error. */
function countryOf(cell: ReturnType<typeof readCell>, field: InputField): string | null | EngineError {
  if (cell === null) return null;
  const text = String(cell).trim();
  const code = typeof cell === "string" ? toCountryCode(text) : null;
  return code ?? engineError("country_unknown", field, text);
}

/** Share texts repeat row after row ("45%", "0.5"): each distinct text is read once (up to a bound, then as before). */
const SHARE_BY_TEXT = new Map<string, number>();
const SHARE_BY_TEXT_LIMIT = 10_000;

/** A dependence cell: its share, undefined when blank, or the error (as `parseShare` reads it). */
function shareOf(cell: ReturnType<typeof readCell>, field: InputField): number | undefined | EngineError {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "number" && cell >= 0 && cell <= 1) return cell;
  if (typeof cell === "string") {
    const known = SHARE_BY_TEXT.get(cell);
    if (known !== undefined) return known;
  }
  const parsed = parseShare(cell, field);
  if (!parsed.ok) return parsed.error;
  if (typeof cell === "string" && parsed.value !== undefined && SHARE_BY_TEXT.size < SHARE_BY_TEXT_LIMIT) SHARE_BY_TEXT.set(ownedText(cell), parsed.value);
  return parsed.value;
}

const isError = (value: unknown): value is EngineError => typeof value === "object" && value !== null;

/**
 * A row's cells read (cells.ts) and parsed into `into`, or the first error: an Excel error in any cell first,
 * then the commodity, the supplier's name, the countries, the dependences and the date, in that order.
 */
function parseRow(given: RowInput, options: ScoreOptions, runDate: RunDate, into: ParsedRow): ParsedRow | EngineError {
  const commodityCell = readCell(given.commodity, "text");
  const supplierCell = readCell(given.supplierCountry, "text");
  const siteCell = readCell(given.siteCountry, "text");
  const mineralsCell = readCell(given.chinaInputShare, "share");
  const technologyCell = readCell(given.chinaTechnology, "share");
  const equipmentCell = readCell(given.chinaEquipment, "share");
  const personnelCell = readCell(given.chinaPersonnel, "share");
  const dateCell = readCell(given.asOf, "date");
  const nameCell = readCell(given.supplierName, "text");
  // Every Excel error value starts with "#" (inputs.ts): the full check runs only on text that has one.
  if (
    hasHash(commodityCell) ||
    hasHash(supplierCell) ||
    hasHash(siteCell) ||
    hasHash(mineralsCell) ||
    hasHash(technologyCell) ||
    hasHash(equipmentCell) ||
    hasHash(personnelCell) ||
    hasHash(dateCell) ||
    hasHash(nameCell)
  ) {
    const excel =
      excelCheck(commodityCell, "commodity") ??
      excelCheck(supplierCell, "supplier_country") ??
      excelCheck(siteCell, "site_country") ??
      excelCheck(mineralsCell, "china_input_share") ??
      excelCheck(technologyCell, "china_technology") ??
      excelCheck(equipmentCell, "china_equipment") ??
      excelCheck(personnelCell, "china_personnel") ??
      excelCheck(dateCell, "as_of") ??
      excelCheck(nameCell, "supplier_name");
    if (excel !== null) return excel;
  }
  // A cell read by readCell is null when blank, never empty text.
  if (commodityCell === null) return engineError("commodity_missing", "commodity", "");
  const commodity = String(commodityCell);
  if (commodity.length > LONGEST_COMMODITY) return engineError("commodity_too_long", "commodity", String(commodity.length));
  let supplierName: string | null = null;
  if (nameCell !== null) {
    const name = parseSupplierName(nameCell);
    if (!name.ok) return name.error;
    supplierName = name.value;
  }
  const supplierCountry = countryOf(supplierCell, "supplier_country");
  if (isError(supplierCountry)) return supplierCountry;
  const siteCountry = countryOf(siteCell, "site_country");
  if (isError(siteCountry)) return siteCountry;
  const minerals = shareOf(mineralsCell, "china_input_share");
  if (isError(minerals)) return minerals;
  const technology = shareOf(technologyCell, "china_technology");
  if (isError(technology)) return technology;
  const equipment = shareOf(equipmentCell, "china_equipment");
  if (isError(equipment)) return equipment;
  const personnel = shareOf(personnelCell, "china_personnel");
  if (isError(personnel)) return personnel;
  let asOf: string;
  if (dateCell === null) {
    const run = runDate.value;
    if (run.iso === null) return engineError("date_invalid", "as_of", options.asOf);
    if (!run.inRange) return engineError("date_out_of_range", "as_of", options.asOf);
    asOf = run.iso;
  } else {
    const rowDate = parseDate(dateCell, "as_of");
    if (!rowDate.ok) return rowDate.error;
    asOf = rowDate.value ?? "";
  }
  into.commodity = commodity;
  into.supplierCountry = supplierCountry;
  into.siteCountry = siteCountry;
  into.minerals = minerals;
  into.technology = technology;
  into.equipment = equipment;
  into.personnel = personnel;
  into.asOf = asOf;
  into.supplierName = supplierName;
  return into;
}

const hasHash = (cell: ReturnType<typeof readCell>) => typeof cell === "string" && cell.includes("#");

function excelCheck(cell: ReturnType<typeof readCell>, field: InputField): EngineError | null {
  const excelError = excelErrorIn(cell);
  return excelError === null ? null : engineError("excel_error_input", field, excelError);
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
 * (`scorePlanned` gives the same from a plan.)
 */
function dependenceFor(rules: CompiledRules, row: ParsedRow, itemId: string | null, itemIsControlledEquipment: boolean): Dependence {
  const inChina = row.supplierCountry === MAINLAND_CHINA;
  const value = {} as CategoryScores;
  const basis = {} as Record<Category, DependenceBasis>;
  const set = (category: Category, v: number, b: DependenceBasis) => {
    value[category] = v;
    basis[category] = b;
  };

  if (row.minerals !== undefined) set("minerals", row.minerals, "input");
  else if (inChina) set("minerals", 1, "supplier_in_china");
  else if (itemId === null) set("minerals", 0, "not_given");
  else {
    const share = rules.mineralShareByItem.get(itemId) ?? null;
    if (share === null) set("minerals", 1, "no_share_known");
    else set("minerals", share.share, "china_world_share");
  }

  if (row.technology !== undefined) set("technology", row.technology, "input");
  else if (inChina) set("technology", 1, "supplier_in_china");
  else set("technology", 0, "not_given");

  if (row.equipment !== undefined) set("equipment", row.equipment, "input");
  else if (inChina && itemIsControlledEquipment) set("equipment", 1, "supplier_in_china");
  else set("equipment", 0, "not_given");

  if (row.personnel !== undefined) set("personnel", row.personnel, "input");
  else set("personnel", 0, "not_given");

  return { value, basis };
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

/**
 * The one-line explanation is built on first read (then kept as a plain value): most callers never read it,
 * and it costs more than the arithmetic. It stays an ordinary enumerable property to JSON, spreads and tests.
 * One accessor shared by every record: defining it costs far less than a getter and setter made per row.
 */
const EXPLANATION_ON_FIRST_READ: PropertyDescriptor = {
  get(this: ScoredRow): string {
    const text = explainRow(this);
    Object.defineProperty(this, "explanation", { value: text, writable: true, enumerable: true, configurable: true });
    return text;
  },
  set(this: ScoredRow, text: string) {
    Object.defineProperty(this, "explanation", { value: text, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

/**
 * Category scores from Π(1 − contribution) per category (CATEGORIES order) and the row's dependence, and the
 * overall score built from the rounded category scores, so an analyst can recompute it from what is shown.
 */
function scoresOf(rules: CompiledRules, untouched: readonly number[], dependence: CategoryScores): { score: number; categories: CategoryScores } {
  const weights = rules.doc.weights.categories;
  const minerals = roundToTenth(100 * (1 - untouched[0]) * dependence.minerals);
  const technology = roundToTenth(100 * (1 - untouched[1]) * dependence.technology);
  const equipment = roundToTenth(100 * (1 - untouched[2]) * dependence.equipment);
  const personnel = roundToTenth(100 * (1 - untouched[3]) * dependence.personnel);
  let overallUntouched = 1;
  overallUntouched *= 1 - (weights.minerals * minerals) / 100;
  overallUntouched *= 1 - (weights.technology * technology) / 100;
  overallUntouched *= 1 - (weights.equipment * equipment) / 100;
  overallUntouched *= 1 - (weights.personnel * personnel) / 100;
  return { score: roundToTenth(100 * (1 - overallUntouched)), categories: { minerals, technology, equipment, personnel } };
}

/**
 * The result record of a row scored without a plan (a listed supplier's), its fields in the documented order.
 */
function scoredRow(
  rules: CompiledRules,
  row: ParsedRow,
  match: MatchResult,
  untouched: readonly number[],
  dependence: CategoryScores,
  basis: Record<Category, DependenceBasis>,
  hits: ControlHit[],
  warnings: Warning[],
  entity: ScreeningResult | null,
): ScoredRow {
  const { score, categories } = scoresOf(rules, untouched, dependence);
  const scored = {
    ok: true,
    score,
    categories,
    dependence,
    dependenceBasis: basis,
    match,
    supplierCountry: row.supplierCountry,
    siteCountry: row.siteCountry,
    asOf: row.asOf,
    hits,
    warnings,
  } as Omit<ScoredRow, "explanation" | "entity"> as ScoredRow;
  Object.defineProperty(scored, "explanation", EXPLANATION_ON_FIRST_READ);
  scored.entity = entity;
  return scored;
}

/** A row whose supplier is on one of China's lists: the listing raises controls and adds entries, so hits are worked out for the row. */
function scoreListed(rules: CompiledRules, row: ParsedRow, match: MatchResult, entity: ScreeningResult, pressure: ListingPressure, options: ScoreOptions): ScoredRow {
  const { hits, dualUseReached, itemIsControlledEquipment } = controlHits(rules, { match, siteCountry: row.siteCountry, asOf: row.asOf }, options, pressure);
  hits.push(...listingHits(pressure));
  const dependence = dependenceFor(rules, row, match.itemId, itemIsControlledEquipment);
  raiseDependence(dependence, pressure, pressure.dualUse > 0 ? dualUseReached : new Set());
  for (const hit of hits) {
    hit.dependence = dependence.value[hit.category];
    hit.moved = hit.contribution * hit.dependence > 0;
  }
  hits.sort(strongestFirst);
  const untouched = [1, 1, 1, 1];
  for (const hit of hits) untouched[CATEGORIES.indexOf(hit.category)] *= 1 - hit.contribution;
  const warnings = [...entityWarnings(entity, pressure), ...readingWarnings(match)];
  for (const hit of hits) if (hit.moved) warnings.push(...hitWarnings(hit));
  return scoredRow(rules, row, match, untouched, dependence.value, dependence.basis, hits, warnings, entity);
}

/** Where a row's dependences came from: one frozen record per combination the defaults can give. */
const MINERAL_BASES: readonly DependenceBasis[] = ["input", "supplier_in_china", "china_world_share", "no_share_known", "not_given"];
const OTHER_BASES: readonly DependenceBasis[] = ["input", "supplier_in_china", "not_given"];
const BASES: readonly Readonly<Record<Category, DependenceBasis>>[] = MINERAL_BASES.flatMap((minerals) =>
  OTHER_BASES.flatMap((technology) => OTHER_BASES.flatMap((equipment) => OTHER_BASES.map((personnel) => Object.freeze({ minerals, technology, equipment, personnel })))),
);
const INPUT = 0;
const SUPPLIER_IN_CHINA = 1;
const NOT_GIVEN = 2;
const MINERAL_BASIS_INDEX = Object.fromEntries(MINERAL_BASES.map((basis, index) => [basis, index])) as Record<DependenceBasis, number>;

function basisAt(minerals: number, technology: number, equipment: number, personnel: number): Record<Category, DependenceBasis> {
  const others = OTHER_BASES.length;
  return BASES[((minerals * others + technology) * others + equipment) * others + personnel] as Record<Category, DependenceBasis>;
}

/** What a planned row keeps for the parts it makes on first read (symbol keys: no JSON, no Object.keys). */
const PLAN = Symbol("plan");
const LEADING_WARNINGS = Symbol("leadingWarnings");
/** The ids and warnings of the hits that move the score, once read (the JSON report reads them on every row). */
const MOVED = Symbol("moved");
/** Parts made on first read, by row (a row whose hits nobody reads never gets an entry). */
const HITS = new WeakMap<PlannedRow, ControlHit[]>();
const EXPLANATIONS = new WeakMap<PlannedRow, string>();
/** Warnings a caller gave a row in place of those it was scored with. */
const WARNINGS = new WeakMap<PlannedRow, Warning[]>();

/**
 * The controls that moved a row's score, strongest first: for a planned row, read from its plan without making
 * its hit records (what the CLI's JSON report lists for each row).
 */
export function movedControlIds(row: ScoredRow): readonly string[] {
  return row instanceof PlannedRow ? row.moved().controlIds : row.hits.filter((hit) => hit.moved).map((hit) => hit.controlId);
}

/**
 * A row scored through its plan. Its hits, warnings and explanation are made when first read: most callers read
 * only its numbers (a SCORE cell, a summary), and a row's hit records cost more than its arithmetic. To property
 * access and to JSON (`toJSON`, in the documented key order) they are ordinary data; they are not own
 * properties, so a spread of the row leaves them out.
 */
class PlannedRow implements ScoredRow {
  readonly ok = true as const;
  readonly score: number;
  readonly categories: CategoryScores;
  readonly dependence: CategoryScores;
  readonly dependenceBasis: Record<Category, DependenceBasis>;
  readonly match: MatchResult;
  readonly supplierCountry: string | null;
  readonly siteCountry: string | null;
  readonly asOf: string;
  readonly entity: ScreeningResult | null;
  readonly [PLAN]: ScoringPlan;
  /** Warnings before those of the hits: the supplier's screening, then the reading. */
  readonly [LEADING_WARNINGS]: readonly Warning[];
  private [MOVED]: MovedHits | null = null;

  constructor(
    rules: CompiledRules,
    plan: ScoringPlan,
    leadingWarnings: readonly Warning[],
    row: ParsedRow,
    match: MatchResult,
    dependence: CategoryScores,
    basis: Record<Category, DependenceBasis>,
    entity: ScreeningResult | null,
  ) {
    const { score, categories } = scoresOf(rules, plan.untouched, dependence);
    this.score = score;
    this.categories = categories;
    this.dependence = dependence;
    this.dependenceBasis = basis;
    this.match = match;
    this.supplierCountry = row.supplierCountry;
    this.siteCountry = row.siteCountry;
    this.asOf = row.asOf;
    this.entity = entity;
    this[PLAN] = plan;
    this[LEADING_WARNINGS] = leadingWarnings;
  }

  get hits(): ControlHit[] {
    let hits = HITS.get(this);
    if (hits === undefined) {
      if (!this[PLAN].hasHits) return NO_HITS;
      const { minerals, technology, equipment, personnel } = this.dependence;
      HITS.set(this, (hits = this[PLAN].hits(minerals, technology, equipment, personnel)));
    }
    return hits;
  }

  // Like the plain record's fields, these can be given a value of their own (the numbers stay as scored).
  set hits(hits: ControlHit[]) {
    HITS.set(this, hits);
  }

  get warnings(): Warning[] {
    return WARNINGS.get(this) ?? (this.moved().warnings as Warning[]);
  }

  set warnings(warnings: Warning[]) {
    WARNINGS.set(this, warnings);
  }

  /** The ids and warnings of the hits that move the score, in order, made without the hit records. */
  moved(): MovedHits {
    const plan = this[PLAN];
    const leading = this[LEADING_WARNINGS];
    // Nothing to make (an unread commodity, no control on the date): every such row shares one answer.
    if (!plan.hasHits && leading.length === 0) return NOTHING_MOVED;
    let moved = this[MOVED];
    if (moved === null) {
      const { minerals, technology, equipment, personnel } = this.dependence;
      const own = plan.moved(minerals, technology, equipment, personnel);
      const warnings = leading.length === 0 ? own.warnings : own.warnings.length === 0 ? leading : [...leading, ...own.warnings];
      this[MOVED] = moved = { controlIds: own.controlIds, warnings };
    }
    return moved;
  }

  get explanation(): string {
    let text = EXPLANATIONS.get(this);
    if (text === undefined) EXPLANATIONS.set(this, (text = explainRow(this)));
    return text;
  }

  set explanation(text: string) {
    EXPLANATIONS.set(this, text);
  }

  toJSON(): ScoredRow {
    return {
      ok: true,
      score: this.score,
      categories: this.categories,
      dependence: this.dependence,
      dependenceBasis: this.dependenceBasis,
      match: this.match,
      supplierCountry: this.supplierCountry,
      siteCountry: this.siteCountry,
      asOf: this.asOf,
      hits: this.hits,
      warnings: this.warnings,
      explanation: this.explanation,
      entity: this.entity,
    };
  }
}

/** A row through its plan: the row's own dependences and numbers; its hits are made when read. */
function scorePlanned(rules: CompiledRules, plan: ScoringPlan, readingWarnings: readonly Warning[], row: ParsedRow, match: MatchResult, entity: ScreeningResult | null): ScoredRow {
  // The defaults of dependenceFor, with the item's share from the plan.
  const inChina = row.supplierCountry === MAINLAND_CHINA;
  const equipmentInChina = inChina && plan.itemIsControlledEquipment;
  const minerals = row.minerals !== undefined ? row.minerals : inChina ? 1 : plan.mineralDefault;
  const technology = row.technology !== undefined ? row.technology : inChina ? 1 : 0;
  const equipment = row.equipment !== undefined ? row.equipment : equipmentInChina ? 1 : 0;
  const personnel = row.personnel !== undefined ? row.personnel : 0;
  const basis = basisAt(
    row.minerals !== undefined ? INPUT : inChina ? SUPPLIER_IN_CHINA : MINERAL_BASIS_INDEX[plan.mineralDefaultBasis],
    row.technology !== undefined ? INPUT : inChina ? SUPPLIER_IN_CHINA : NOT_GIVEN,
    row.equipment !== undefined ? INPUT : equipmentInChina ? SUPPLIER_IN_CHINA : NOT_GIVEN,
    row.personnel !== undefined ? INPUT : NOT_GIVEN,
  );
  let leading = readingWarnings;
  if (entity !== null) {
    const fromEntity = entityWarnings(entity, NO_PRESSURE);
    if (fromEntity.length > 0) leading = readingWarnings.length === 0 ? fromEntity : [...fromEntity, ...readingWarnings];
  }
  return new PlannedRow(rules, plan, leading, row, match, { minerals, technology, equipment, personnel }, basis, entity);
}

/**
 * Scores rows against one compiled ruleset under one set of options, keeping the plans it works out
 * (plan.ts) for the next rows: give it every batch of a long list, every formula call of a recalculation.
 */
export class RowScorer {
  private readonly plans: PlanBook;
  private readonly runDate: RunDate;
  /** The row being scored, parsed: rows are scored one at a time and nothing keeps it. */
  private readonly parsed: ParsedRow = {
    commodity: "",
    supplierCountry: null,
    siteCountry: null,
    minerals: undefined,
    technology: undefined,
    equipment: undefined,
    personnel: undefined,
    asOf: "",
    supplierName: null,
  };
  readonly options: ScoreOptions;

  constructor(
    readonly rules: CompiledRules,
    options: ScoreOptions,
  ) {
    this.options = { asOf: options.asOf, suspensionsEnded: options.suspensionsEnded };
    this.runDate = new RunDate(this.options.asOf);
    this.plans = new PlanBook(rules, this.options, this.runDate.value.iso);
  }

  private rowsScored = 0;

  /** Scoring plans worked out so far (plan.ts), for tests and the bench. */
  get plansMade(): number {
    return this.plans.made;
  }

  /**
   * The first batch a scorer gets: every commodity text it holds is read before any row is scored. Reading is
   * the bulk of a cold batch, and done in one run, before the rows' results exist, it runs about twice as fast
   * as among them (fewer collections of young objects, the reader's code kept hot). Texts the scoring pass would
   * refuse (blank, too long) are skipped; reading is a pure function of the text, so results do not change.
   */
  private readCommodities(rows: readonly RowInput[]): (TextEntry | undefined)[] {
    const entries: (TextEntry | undefined)[] = new Array(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const given = rows[index];
      if (given === null || given === undefined || typeof given !== "object") continue;
      const cell = readCell(given.commodity, "text");
      if (cell === null) continue;
      const commodity = String(cell);
      if (commodity.length <= LONGEST_COMMODITY) entries[index] = this.plans.entry(commodity);
    }
    return entries;
  }

  /**
   * Never throws on any cell content: a bad row comes back as `{ ok: false, error }`. `known`: the entry of the
   * row's commodity text as the reading pass found it, used only if the row still holds that text.
   */
  scoreRow(given: RowInput, known?: TextEntry): RowResult {
    // A hole in the array of rows (or a null handed over as a row) is a row with nothing in it.
    if (given === null || given === undefined || typeof given !== "object") return failed(engineError("commodity_missing", "commodity", ""));
    const row = parseRow(given, this.options, this.runDate, this.parsed);
    if (row !== this.parsed) return failed(row as EngineError);
    const rules = this.rules;
    const entry = known !== undefined && known.text === row.commodity ? known : this.plans.entry(row.commodity);
    const reading = entry.reading;
    const plan = row.asOf === this.runDate.value.iso ? this.plans.runDatePlan(entry, row.siteCountry) : null;
    const match = reading.match;
    const entity =
      row.supplierName === null
        ? null
        : screenName(rules.screeningIndex(), rules.doc, row.supplierName, row.supplierCountry, {
            asOf: row.asOf,
            reviewedAt: rules.doc.reviewedAt,
            suspensionsEnded: this.options.suspensionsEnded,
          });
    // Only a clear match weighs in the score; a possible one is a warning for review.
    if (entity?.status === "listed") return scoreListed(rules, row, match, entity, pressureOf(entity.match!.listings), this.options);
    return scorePlanned(rules, plan ?? this.plans.plan(reading, row.siteCountry, row.asOf), reading.warnings, row, match, entity);
  }

  scoreRows(rows: readonly RowInput[]): RowResult[] {
    const entries = this.rowsScored === 0 ? this.readCommodities(rows) : null;
    this.rowsScored += rows.length;
    const results: RowResult[] = new Array(rows.length);
    for (let index = 0; index < rows.length; index++) results[index] = this.scoreRow(rows[index], entries?.[index]);
    return results;
  }
}

/** Option sets (dates, what-if) a ruleset keeps scorers for; the longest unused goes first. */
const MOST_SCORERS = 8;

/** The ruleset's scorer for these options, with the plans earlier calls worked out. */
function scorerFor(rules: CompiledRules, options: ScoreOptions): RowScorer {
  const shelf = rules.scorers;
  const last = shelf.last;
  const ended = options.suspensionsEnded === true;
  if (last !== null && last.options.asOf === options.asOf && (last.options.suspensionsEnded === true) === ended) return last;
  const key = `${options.asOf}\u0000${ended}`;
  let scorer = shelf.byOptions.get(key);
  if (scorer === undefined) {
    scorer = new RowScorer(rules, options);
    if (shelf.byOptions.size >= MOST_SCORERS) shelf.byOptions.delete(shelf.byOptions.keys().next().value!);
  } else {
    shelf.byOptions.delete(key);
  }
  shelf.byOptions.set(key, scorer);
  shelf.last = scorer;
  return scorer;
}

/** Score one row. Never throws on any cell content: a bad row comes back as `{ ok: false, error }`. */
export function scoreRow(row: RowInput, rules: CompiledRules, options: ScoreOptions): RowResult {
  return scorerFor(rules, options).scoreRow(row);
}

/** Score many rows against one compiled ruleset; commodity readings and plans are kept with the ruleset for the next call. */
export function scoreRows(rows: readonly RowInput[], rules: CompiledRules, options: ScoreOptions): RowResult[] {
  return scorerFor(rules, options).scoreRows(rows);
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
