/**
 * Row results remembered per distinct row input and per ruleset, so that a recalculation after an
 * unrelated edit (or a formula copied down a sheet of repeated suppliers) costs a lookup, not a score.
 * All rows a formula needs that are not remembered go to the engine in one `scoreRows` call.
 * Results are kept per compiled ruleset (a new ruleset starts empty; the old one is dropped with it)
 * and the number kept is bounded, least recently used first out.
 */
import { scoreRows, type CompiledRules, type RowInput, type RowResult, type ScoreOptions } from "../engine";

export const CACHE_LIMIT = 200_000;

type ScoreRows = (rows: readonly RowInput[], rules: CompiledRules, options: ScoreOptions) => RowResult[];

export interface CacheStats {
  /** Calls made to the engine (at most one per formula evaluation). */
  engineCalls: number;
  /** Rows the engine actually scored. */
  rowsScored: number;
}

const rowKey = (row: RowInput, options: ScoreOptions): string =>
  JSON.stringify([
    options.asOf,
    options.suspensionsEnded === true,
    row.commodity,
    row.supplierCountry,
    row.siteCountry,
    row.chinaInputShare,
    row.chinaTechnology,
    row.chinaEquipment,
    row.chinaPersonnel,
    row.asOf,
    row.supplierName,
  ]);

export class ScoreCache {
  private readonly byRules = new WeakMap<CompiledRules, Map<string, RowResult>>();
  private readonly counters: CacheStats = { engineCalls: 0, rowsScored: 0 };

  constructor(
    private readonly limit: number = CACHE_LIMIT,
    private readonly engine: ScoreRows = scoreRows,
  ) {}

  get stats(): CacheStats {
    return { ...this.counters };
  }

  /** Results in the order of `rows`; a null row (padding in a range) stays null and is never scored. */
  score(rows: readonly (RowInput | null)[], rules: CompiledRules, options: ScoreOptions): (RowResult | null)[] {
    let remembered = this.byRules.get(rules);
    if (!remembered) {
      remembered = new Map();
      this.byRules.set(rules, remembered);
    }
    const keys = rows.map((row) => (row === null ? null : rowKey(row, options)));
    const missing = new Map<string, RowInput>();
    keys.forEach((key, index) => {
      if (key !== null && !remembered.has(key) && !missing.has(key)) missing.set(key, rows[index]!);
    });

    const fresh = new Map<string, RowResult>();
    if (missing.size > 0) {
      const results = this.engine([...missing.values()], rules, options);
      this.counters.engineCalls += 1;
      this.counters.rowsScored += results.length;
      [...missing.keys()].forEach((key, index) => fresh.set(key, results[index]));
    }

    const answers = keys.map((key) => {
      if (key === null) return null;
      const known = fresh.get(key) ?? remembered.get(key)!;
      // Re-inserting marks the entry as recently used: Map keeps insertion order, oldest first.
      remembered.delete(key);
      remembered.set(key, known);
      return known;
    });
    for (const key of remembered.keys()) {
      if (remembered.size <= this.limit) break;
      remembered.delete(key);
    }
    return answers;
  }
}

/** The cache the formulas share in this JavaScript context. */
export const scoreCache = new ScoreCache();
