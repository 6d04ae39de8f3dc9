/**
 * What `chokepoint score` reports for each row and in total, whatever the output format. The per-row
 * shape is the JSON contract of docs/cli.md; warnings and errors are rendered as "code: message".
 */
import type { DecimalMark, SpendReading, SupplierRecord } from "../../engine/columns";
import { isRecognised, type CategoryScores, type RowResult, type ScoredRow } from "../../engine/types";
import { roundToTenth } from "../../engine/rounding";
import { describeEngineError } from "../../engine/messages";
import { movedControlIds } from "../../engine/score";

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
  /** How the commodity was read and which words decided (or why nothing was read). */
  reading: string | null;
  /** For a commodity not read as an item: up to three items it may be. */
  suggestions: { id: string; name: string }[];
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

/** What the engine was given and returned for a row it scored, and what reading the row warned about. */
export interface ScoredRowParts {
  row: number;
  record: SupplierRecord;
  result: RowResult;
  readWarnings: readonly string[];
}

/** One row for a writer: its report and its cells as read (for the CSV writer). */
export interface ReportedRow {
  readonly report: RowReport;
  readonly cells: readonly unknown[];
  /** For a row the engine scored, what its report is made of (the JSON writer writes such rows from these). */
  readonly scored?: ScoredRowParts;
}

/** A scored row for the writers; its report is built on first read, which the JSON writer never needs. */
class ScoredReportedRow implements ReportedRow {
  private built: RowReport | null = null;

  constructor(
    readonly cells: readonly unknown[],
    readonly scored: ScoredRowParts,
  ) {}

  get report(): RowReport {
    this.built ??= rowReport(this.scored.row, this.scored.record, this.scored.result, this.scored.readWarnings);
    return this.built;
  }
}

export function scoredReportedRow(cells: readonly unknown[], scored: ScoredRowParts): ReportedRow {
  return new ScoredReportedRow(cells, scored);
}

/** A row that was not given to the engine: reading it failed (`error` is "code: message"). */
export function unscoredRowReport(row: number, record: SupplierRecord, error: string, warnings: readonly string[]): RowReport {
  return {
    row,
    supplier: record.supplier,
    commodity: record.commodity,
    item: null,
    reading: null,
    suggestions: [],
    score: null,
    categories: null,
    controls: [],
    warnings: [...record.warnings.map((w) => `${w.code}: ${w.message}`), ...warnings],
    error,
    entity: null,
  };
}

export function rowReport(row: number, record: SupplierRecord, result: RowResult, readWarnings: readonly string[] = []): RowReport {
  if (!result.ok) return unscoredRowReport(row, record, `${result.error.code}: ${describeEngineError(result.error)}`, readWarnings);
  const { match } = result;
  const recordWarnings = [...record.warnings.map((w) => `${w.code}: ${w.message}`), ...readWarnings];
  return {
    row,
    supplier: record.supplier,
    commodity: record.commodity,
    item: match.itemId === null ? null : { id: match.itemId, name: match.itemName ?? match.itemId },
    reading: match.why,
    suggestions: match.suggestions.map((s) => ({ id: s.itemId, name: s.itemName })),
    score: result.score,
    categories: { ...result.categories },
    // The controls that moved the score: a control whose category has no dependence changes nothing.
    controls: [...movedControlIds(result)],
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


interface SpendTotals {
  rows: number;
  total: number;
  weighted: number;
}

const emptyTotals = (): SpendTotals => ({ rows: 0, total: 0, weighted: 0 });

function addTo(totals: SpendTotals, spend: number, score: number): void {
  totals.rows += 1;
  totals.total += spend;
  totals.weighted += spend * score;
}

/**
 * Running totals for the summary, so a file of any length needs constant memory. The weighted score follows
 * the engine's portfolio summary (summarizePortfolio): matched rows only, weighted by spend when any matched
 * row has a spend figure, otherwise a plain mean; test/cli checks the two agree. A spend that reads two ways
 * (`1.234`) is added to both a decimal-point and a decimal-comma tally; `summary` takes the one the spend
 * column's decimal mark picks, decided once every row has been read, or neither when it stays undecided.
 */
export class SummaryAccumulator {
  private rows = 0;
  private scored = 0;
  private errors = 0;
  private unmatched = 0;
  private matchedCount = 0;
  private matchedScoreSum = 0;
  private readonly spend = emptyTotals();
  private readonly ifPoint = emptyTotals();
  private readonly ifComma = emptyTotals();
  /** Rows whose spend reads two ways, first few: for the warning when the column cannot decide. */
  readonly ambiguousRows: number[] = [];

  add(result: RowResult, spend: SpendReading, row = 0): void {
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
    if (spend.kind === "amount") addTo(this.spend, spend.value, result.score);
    if (spend.kind === "ambiguous") {
      addTo(this.ifPoint, spend.ifPoint, result.score);
      addTo(this.ifComma, spend.ifComma, result.score);
      if (this.ambiguousRows.length < 5) this.ambiguousRows.push(row);
    }
  }

  /** A row that could not be read well enough to score. */
  addError(): void {
    this.rows += 1;
    this.errors += 1;
  }

  summary(decimalMark: DecimalMark | null = null): RunSummary {
    const chosen = decimalMark === "point" ? this.ifPoint : decimalMark === "comma" ? this.ifComma : emptyTotals();
    const withSpend = this.spend.rows + chosen.rows;
    const total = this.spend.total + chosen.total;
    const weightedSum = this.spend.weighted + chosen.weighted;
    let weighted: number | null = null;
    if (withSpend > 0) weighted = total > 0 ? roundToTenth(weightedSum / total) : null;
    else if (this.matchedCount > 0) weighted = roundToTenth(this.matchedScoreSum / this.matchedCount);
    return { rows: this.rows, scored: this.scored, errors: this.errors, unmatched: this.unmatched, spendWeightedScore: weighted };
  }
}
