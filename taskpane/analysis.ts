/**
 * Rows read from the sheet → engine results and the portfolio summary. The pane renders what this returns;
 * every number comes from `scoreRows` and `summarizePortfolio`. Scoring runs in slices with a pause between
 * them so a 100,000-row list does not freeze the pane.
 */
import {
  scoreRows,
  summarizePortfolio,
  type CompiledRules,
  type ItemAlternatives,
  type Portfolio,
  type PortfolioRowInput,
  type RowResult,
  type ScoreOptions,
} from "../src/engine";
import { readRecords, type ColumnMap, type SupplierRecord } from "../src/engine/columns";
import { yieldToEventLoop } from "./excel/host";
import type { SheetRecord } from "./excel/table-source";
import type { SupplyPart } from "../src/runtime/supply";

export interface Analysis {
  /** Parallel arrays: one entry per non-blank data row, in sheet order. */
  sheetRows: number[];
  records: SupplierRecord[];
  results: RowResult[];
  portfolio: Portfolio;
  options: ScoreOptions;
  /** Where else each matched item is produced (its binding stage and the producers outside China), by item id. */
  alternatives: ReadonlyMap<string, ItemAlternatives>;
  /** The rules the results were scored with, with their producer figures (`RulesRuntime.supplyRules`). */
  rules: CompiledRules;
  /** The code that reads those figures, when it could be fetched. */
  supply: SupplyPart | null;
}

const SCORE_SLICE_ROWS = 5_000;

export interface AnalyseOptions {
  pause?: () => Promise<void>;
  onProgress?: (rowsScored: number, rowsTotal: number) => void;
  isCancelled?: () => boolean;
  /** The same rules with their producer figures, when the scoring rules leave them out (the first load's). */
  supplyRules?: CompiledRules;
  /** The code that reads those figures (fetched with them); without it the analysis says nothing of where else items are produced. */
  supply?: SupplyPart | null;
}

export async function analyseRows(
  rows: readonly SheetRecord[],
  map: ColumnMap,
  rules: CompiledRules,
  options: ScoreOptions,
  control: AnalyseOptions = {},
): Promise<Analysis | null> {
  const pause = control.pause ?? yieldToEventLoop;
  // The spend column's decimal mark is decided from all its values before any row is read (1.234 vs 1,234).
  const { records } = readRecords(rows.map((row) => row.cells), map);
  const results: RowResult[] = [];
  for (let offset = 0; offset < records.length; offset += SCORE_SLICE_ROWS) {
    if (control.isCancelled?.()) return null;
    const slice = records.slice(offset, offset + SCORE_SLICE_ROWS);
    results.push(...scoreRows(slice.map((record) => record.input), rules, options));
    control.onProgress?.(results.length, records.length);
    if (results.length < records.length) await pause();
  }
  const portfolioRows: PortfolioRowInput[] = records.map((record) => ({
    input: record.input,
    supplier: record.supplier ?? undefined,
    spend: record.spend,
  }));
  const portfolio = summarizePortfolio(portfolioRows, results);
  const supplyRules = control.supplyRules ?? rules;
  const alternatives = new Map<string, ItemAlternatives>();
  const supply = control.supply ?? null;
  if (supply !== null) {
    for (const { itemId } of portfolio.byItem) {
      const found = supply.alternativesFor(supplyRules, itemId);
      if (found) alternatives.set(itemId, found);
    }
  }
  return {
    sheetRows: rows.map((row) => row.sheetRow),
    records,
    results,
    portfolio,
    options,
    alternatives,
    rules: supplyRules,
    supply,
  };
}
