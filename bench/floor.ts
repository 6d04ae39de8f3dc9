/**
 * The floor: the least any scorer must do per row to return what `scoreRows` returns, the same record
 * (`ScoredRow`) for every row. Everything that depends on the commodity text alone — what it is, which
 * controls reach it and how hard they bite on the scoring date, the hit records and the warnings — is looked
 * up in one Map built before the clock starts. Per row remain reading the four dependence cells, the noisy-OR
 * arithmetic and allocating the row's record: its category scores and dependences (numbers of its own) and
 * references to the precomputed match, hits and warnings. No input checks, no countries, no destinations, no
 * per-row date, no screening, no explanation.
 */
import { CATEGORIES, type Category } from "../src/rules/vocabulary";
import { roundToTenth, scoreRow, type CompiledRules, type ControlHit, type DependenceBasis, type MatchResult, type RowInput, type RowResult, type ScoredRow, type Warning } from "../src/engine";

interface FloorEntry {
  /** Per category (CATEGORIES order), 1 − Π(1 − contribution) of the worldwide controls on the date. */
  exposure: readonly number[];
  /** China's world share of the item, the default mineral dependence. */
  mineralDefault: number;
  match: MatchResult;
  hits: readonly ControlHit[];
  warnings: readonly Warning[];
  dependenceBasis: Readonly<Record<Category, DependenceBasis>>;
}

export type FloorTable = ReadonlyMap<string, FloorEntry>;

const FULL_DEPENDENCE: Omit<RowInput, "commodity"> = {
  chinaInputShare: 1,
  chinaTechnology: 1,
  chinaEquipment: 1,
  chinaPersonnel: 1,
};

/**
 * Every row the engine scores gets a record, an unread commodity too (its controls that bite whatever the item,
 * its suggestions): the floor builds one for the same rows. Until 2026-11-27 it skipped the rows whose text
 * reads as no item, about a fifth of the bench's rows, and so did less than the engine has to.
 */
const scored = (result: RowResult): ScoredRow | null => (result.ok ? result : null);

/** One entry per distinct commodity text the engine scores, computed with the engine (untimed). */
export function buildFloorTable(rows: readonly RowInput[], rules: CompiledRules, asOf: string): FloorTable {
  const table = new Map<string, FloorEntry>();
  for (const row of rows) {
    if (typeof row.commodity !== "string" || table.has(row.commodity)) continue;
    const full = scored(scoreRow({ commodity: row.commodity, ...FULL_DEPENDENCE }, rules, { asOf }));
    const worldShare = scored(scoreRow({ commodity: row.commodity }, rules, { asOf }));
    if (full === null || worldShare === null) continue;
    const exposure = CATEGORIES.map((category) => 1 - full.hits.filter((hit) => hit.category === category).reduce((untouched, hit) => untouched * (1 - hit.contribution), 1));
    table.set(row.commodity, {
      exposure,
      mineralDefault: worldShare.dependence.minerals,
      match: full.match,
      hits: full.hits,
      warnings: full.warnings,
      dependenceBasis: full.dependenceBasis,
    });
  }
  return table;
}

/** The cheapest reading of a dependence cell: a number as is, text through parseFloat, "%" divided by 100. */
function share(cell: RowInput["chinaInputShare"], fallback: number): number {
  if (typeof cell === "number") return cell;
  if (typeof cell !== "string" || cell === "") return fallback;
  const value = Number.parseFloat(cell);
  return cell.endsWith("%") ? value / 100 : value;
}

/** A row the table does not hold. */
const NOT_LOOKED_UP = null;

/** Each row's record, null for a commodity the table does not hold. */
export function floorScores(rows: readonly RowInput[], table: FloorTable, categoryWeights: readonly number[], asOf: string): (ScoredRow | null)[] {
  const records: (ScoredRow | null)[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const entry = table.get(row.commodity as string);
    if (entry === undefined) {
      records[index] = NOT_LOOKED_UP;
      continue;
    }
    const e = entry.exposure;
    const mineralsDependence = share(row.chinaInputShare, entry.mineralDefault);
    const technologyDependence = share(row.chinaTechnology, 0);
    const equipmentDependence = share(row.chinaEquipment, 0);
    const personnelDependence = share(row.chinaPersonnel, 0);
    const minerals = roundToTenth(100 * e[0] * mineralsDependence);
    const technology = roundToTenth(100 * e[1] * technologyDependence);
    const equipment = roundToTenth(100 * e[2] * equipmentDependence);
    const personnel = roundToTenth(100 * e[3] * personnelDependence);
    const untouched =
      (1 - (categoryWeights[0] * minerals) / 100) *
      (1 - (categoryWeights[1] * technology) / 100) *
      (1 - (categoryWeights[2] * equipment) / 100) *
      (1 - (categoryWeights[3] * personnel) / 100);
    records[index] = {
      ok: true,
      score: roundToTenth(100 * (1 - untouched)),
      categories: { minerals, technology, equipment, personnel },
      dependence: { minerals: mineralsDependence, technology: technologyDependence, equipment: equipmentDependence, personnel: personnelDependence },
      dependenceBasis: entry.dependenceBasis,
      match: entry.match,
      supplierCountry: null,
      siteCountry: null,
      asOf,
      hits: entry.hits as ControlHit[],
      warnings: entry.warnings as Warning[],
      explanation: "",
      entity: null,
    };
  }
  return records;
}
