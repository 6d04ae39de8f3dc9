/**
 * What `chokepoint score` reports for each row and in total, whatever the output format. The per-row
 * shape is the JSON contract of docs/cli.md; warnings and errors are rendered as "code: message".
 */
import type { SupplierRecord } from "../../engine/columns";
import { isRecognised, type CategoryScores, type RowResult } from "../../engine/types";
import { roundToTenth } from "../../engine/rounding";
import { describeEngineError } from "../../engine/messages";

export interface RowReport {
  row: number;
  supplier: string | null;
  commodity: string | null;
  item: { id: string; name: string } | null;
  /** How the commodity was read and which words decided (or why nothing was read). */
  reading: string | null;
  /** For a commodity not read as an item: up to three items it may be. */
  suggestions: { id: string; name: string }[];
  score: number | null;
  categories: CategoryScores | null;
  controls: string[];
  warnings: string[];
  error: string | null;
}

export interface RunSummary {
  rows: number;
  scored: number;
  errors: number;
  unmatched: number;
  spendWeightedScore: number | null;
}

export interface ReportHeader {
  asOf: string;
  rules: { version: string; source: string };
}

/** A scored row with what the CSV writer also needs: the row's cells as read. */
export interface ReportedRow {
  report: RowReport;
  cells: readonly unknown[];
}

export function rowReport(row: number, record: SupplierRecord, result: RowResult): RowReport {
  const recordWarnings = record.warnings.map((w) => `${w.code}: ${w.message}`);
  const base = { row, supplier: record.supplier, commodity: record.commodity };
  if (!result.ok) {
    return {
      ...base,
      item: null,
      reading: null,
      suggestions: [],
      score: null,
      categories: null,
      controls: [],
      warnings: recordWarnings,
      error: `${result.error.code}: ${describeEngineError(result.error)}`,
    };
  }
  const { match } = result;
  return {
    ...base,
    item: match.itemId === null ? null : { id: match.itemId, name: match.itemName ?? match.itemId },
    reading: match.why,
    suggestions: match.suggestions.map((s) => ({ id: s.itemId, name: s.itemName })),
    score: result.score,
    categories: { ...result.categories },
    // The controls that moved the score: a control whose category has no dependence changes nothing.
    controls: result.hits.filter((hit) => hit.moved).map((hit) => hit.controlId),
    warnings: [...result.warnings.map((w) => `${w.code}: ${w.message}`), ...recordWarnings],
    error: null,
  };
}


/**
 * Running totals for the summary, so a file of any length needs constant memory. The weighted score follows
 * the engine's portfolio summary (summarizePortfolio): matched rows only, weighted by spend when any matched
 * row has a spend figure, otherwise a plain mean; test/cli checks the two agree.
 */
export class SummaryAccumulator {
  private rows = 0;
  private scored = 0;
  private errors = 0;
  private unmatched = 0;
  private matchedWithSpend = 0;
  private spendTotal = 0;
  private spendWeightedSum = 0;
  private matchedCount = 0;
  private matchedScoreSum = 0;

  add(result: RowResult, spend: number | null): void {
    this.rows += 1;
    if (!result.ok) {
      this.errors += 1;
      return;
    }
    this.scored += 1;
    if (!isRecognised(result.match)) {
      this.unmatched += 1;
      return;
    }
    this.matchedCount += 1;
    this.matchedScoreSum += result.score;
    if (spend !== null) {
      this.matchedWithSpend += 1;
      this.spendTotal += spend;
      this.spendWeightedSum += spend * result.score;
    }
  }

  summary(): RunSummary {
    let weighted: number | null = null;
    if (this.matchedWithSpend > 0) weighted = this.spendTotal > 0 ? roundToTenth(this.spendWeightedSum / this.spendTotal) : null;
    else if (this.matchedCount > 0) weighted = roundToTenth(this.matchedScoreSum / this.matchedCount);
    return { rows: this.rows, scored: this.scored, errors: this.errors, unmatched: this.unmatched, spendWeightedScore: weighted };
  }
}
