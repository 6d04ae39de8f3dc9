import type { ReportedRow, ReportHeader, RunSummary } from "./report";

/** One output format: called once at the start, once per batch of rows in input order, once at the end. */
export interface ReportWriter {
  begin(header: ReportHeader): Promise<void>;
  rows(batch: readonly ReportedRow[]): Promise<void>;
  end(summary: RunSummary): Promise<void>;
}
