/**
 * The JSON report, written as it goes: the envelope by hand, each row serialised on its own line, the
 * summary last. Key order follows the contract in docs/cli.md.
 */
import type { ReportedRow, ReportHeader, RowReport, RunSummary } from "./report";
import type { TextSink } from "./sink";
import type { ReportWriter } from "./writer";

function rowJson(r: RowReport): string {
  const ordered: RowReport = {
    row: r.row,
    supplier: r.supplier,
    commodity: r.commodity,
    item: r.item && { id: r.item.id, name: r.item.name },
    reading: r.reading,
    suggestions: r.suggestions.map((s) => ({ id: s.id, name: s.name })),
    score: r.score,
    categories: r.categories && {
      minerals: r.categories.minerals,
      technology: r.categories.technology,
      equipment: r.categories.equipment,
      personnel: r.categories.personnel,
    },
    controls: r.controls,
    warnings: r.warnings,
    error: r.error,
    entity: r.entity && {
      status: r.entity.status,
      name: r.entity.name,
      list: r.entity.list,
      action: r.entity.action,
      since: r.entity.since,
      listStatus: r.entity.listStatus,
      confidence: r.entity.confidence,
      score: r.entity.score,
    },
  };
  return JSON.stringify(ordered);
}

export function jsonWriter(sink: TextSink): ReportWriter {
  let written = 0;
  return {
    async begin(header: ReportHeader) {
      const rules = JSON.stringify({ version: header.rules.version, source: header.rules.source });
      await sink.write(`{\n  "asOf": ${JSON.stringify(header.asOf)},\n  "rules": ${rules},\n  "rows": [`);
    },
    async rows(batch: readonly ReportedRow[]) {
      const lines = batch.map(({ report }, i) => `${written + i === 0 ? "" : ","}\n    ${rowJson(report)}`);
      written += batch.length;
      await sink.write(lines.join(""));
    },
    async end(summary: RunSummary) {
      const ordered: RunSummary = {
        rows: summary.rows,
        scored: summary.scored,
        errors: summary.errors,
        unmatched: summary.unmatched,
        spendWeightedScore: summary.spendWeightedScore,
      };
      await sink.write(`${written > 0 ? "\n  " : ""}],\n  "summary": ${JSON.stringify(ordered)}\n}\n`);
    },
  };
}
