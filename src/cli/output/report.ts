/**
 * What `chokepoint score` reports for each row and in total, whatever the output format. The per-row
 * shape is the JSON contract of docs/cli.md; warnings and errors are rendered as "code: message".
 */
import type { SupplierRecord } from "../../engine/columns";
import type { CategoryScores, RowResult, ScoredRow } from "../../engine/types";
import { roundToTenth } from "../../engine/rounding";
import { describeEngineError } from "../../engine/messages";

/** The supplier's match on China's entity lists (docs/cli.md): a clear or possible match, or null. */
export interface EntityReport {
  status: "listed" | "possible";
  name: string;
  list: string;
  action: string;
  since: string;
  listStatus: string;
  confidence: string;
  score: number;
}

export interface RowReport {
  row: number;
  supplier: string | null;
  commodity: string | null;
  item: { id: string; name: string } | null;
  score: number | null;
  categories: CategoryScores | null;
  controls: string[];
  warnings: string[];
  error: string | null;
  entity: EntityReport | null;
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
      score: null,
      categories: null,
      controls: [],
      warnings: recordWarnings,
      error: `${result.error.code}: ${describeEngineError(result.error)}`,
      entity: null,
    };
  }
  const { match } = result;
  return {
    ...base,
    item: match.itemId === null ? null : { id: match.itemId, name: match.itemName ?? match.itemId },
    score: result.score,
    categories: { ...result.categories },
    // The controls that moved the score: a control whose category has no dependence changes nothing.
    controls: result.hits.filter((hit) => hit.moved).map((hit) => hit.controlId),
    warnings: [...result.warnings.map((w) => `${w.code}: ${w.message}`), ...recordWarnings],
    error: null,
    entity: entityReport(result),
  };
}

function entityReport(result: ScoredRow): EntityReport | null {
  const entity = result.entity;
  if (entity === null || entity.status === "none" || entity.match === null || entity.lead === null) return null;
  const { match, lead } = entity;
  return {
    status: entity.status,
    name: match.name,
    list: lead.list,
    action: lead.actionId,
    since: lead.since,
    listStatus: lead.status,
    confidence: lead.confidence,
    score: match.score,
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
    if (result.match.itemId === null) {
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
