/**
 * The terminal report: the most exposed rows as an aligned table, then a summary. Only the top rows and the
 * first few errors are kept, so memory does not grow with the file.
 */
import type { ReportedRow, ReportHeader, RowReport, RunSummary } from "./report";
import type { TextSink } from "./sink";
import type { ReportWriter } from "./writer";

export const TOP_ROWS_SHOWN = 20;
const ERRORS_SHOWN = 10;
const UNREAD_SHOWN = 10;
const WIDEST_TEXT_COLUMN = 28;

interface Column {
  title: string;
  align: "left" | "right";
  cell: (r: RowReport) => string;
}

const number = (x: number | undefined) => (x === undefined ? "" : x.toFixed(1));

const COLUMNS: readonly Column[] = [
  { title: "Row", align: "right", cell: (r) => String(r.row) },
  { title: "Supplier", align: "left", cell: (r) => r.supplier ?? "" },
  { title: "Commodity", align: "left", cell: (r) => r.commodity ?? "" },
  { title: "Matched item", align: "left", cell: (r) => r.item?.name ?? "(unmatched)" },
  { title: "Score", align: "right", cell: (r) => number(r.score ?? undefined) },
  { title: "Min", align: "right", cell: (r) => number(r.categories?.minerals) },
  { title: "Tech", align: "right", cell: (r) => number(r.categories?.technology) },
  { title: "Equip", align: "right", cell: (r) => number(r.categories?.equipment) },
  { title: "Staff", align: "right", cell: (r) => number(r.categories?.personnel) },
  {
    title: "Controls",
    align: "left",
    cell: (r) => (r.controls.length <= 2 ? r.controls.join(", ") : `${r.controls.slice(0, 2).join(", ")} +${r.controls.length - 2}`),
  },
];

/** Control and format characters (ESC, bidi overrides) are dropped: a cell must never drive the terminal. */
const CONTROLS = /[\p{Cc}\p{Cf}]/gu;

function fit(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, " ").replace(CONTROLS, "");
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

export function renderTable(rows: readonly RowReport[]): string {
  const cells = rows.map((r) => COLUMNS.map((c, i) => (i === COLUMNS.length - 1 ? c.cell(r) : fit(c.cell(r), WIDEST_TEXT_COLUMN))));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((line) => line[i].length)));
  const pad = (text: string, i: number) => (COLUMNS[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (texts: readonly string[]) => texts.map(pad).join("  ").trimEnd();
  return [line(COLUMNS.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** Most exposed first; equal scores keep input order. */
const moreExposed = (a: RowReport, b: RowReport) => (b.score ?? 0) - (a.score ?? 0) || a.row - b.row;

export function tableWriter(sink: TextSink): ReportWriter {
  let header: ReportHeader | null = null;
  let top: RowReport[] = [];
  const errors: RowReport[] = [];
  const unread: RowReport[] = [];
  return {
    async begin(h) {
      header = h;
    },
    async rows(batch: readonly ReportedRow[]) {
      for (const { report } of batch) {
        if (report.error !== null) {
          if (errors.length < ERRORS_SHOWN) errors.push(report);
          continue;
        }
        if (report.item === null && unread.length < UNREAD_SHOWN && !unread.some((u) => u.commodity === report.commodity)) unread.push(report);
        if (report.score !== null && report.score > 0) top.push(report);
      }
      if (top.length > 4 * TOP_ROWS_SHOWN) top = top.sort(moreExposed).slice(0, TOP_ROWS_SHOWN);
    },
    async end(summary: RunSummary) {
      const shown = top.sort(moreExposed).slice(0, TOP_ROWS_SHOWN);
      const out: string[] = [];
      if (shown.length > 0) {
        out.push(`Most exposed rows (top ${shown.length} of ${summary.scored} scored):`, "", renderTable(shown), "");
      } else {
        out.push("No row has any exposure.", "");
      }
      const weighted = summary.spendWeightedScore === null ? "n/a" : summary.spendWeightedScore.toFixed(1);
      out.push(
        `Rows: ${summary.rows}   scored: ${summary.scored}   errors: ${summary.errors}   unmatched: ${summary.unmatched}`,
        `Spend-weighted score (matched rows): ${weighted}`,
      );
      if (header) out.push(`Scored as of ${header.asOf} with rules ${header.rules.version} (${header.rules.source})`);
      if (unread.length > 0) {
        out.push("", `Commodities not recognised${summary.unmatched > unread.length ? ` (first ${unread.length})` : ""}:`);
        for (const r of unread) {
          const suggestions = r.suggestions.length > 0 ? ` — perhaps: ${r.suggestions.map((s) => s.name).join("; ")}` : "";
          out.push(`  row ${r.row}: "${fit(r.commodity ?? "", 60)}": ${fit(r.reading ?? "", 100)}${suggestions}`);
        }
      }
      if (errors.length > 0) {
        out.push("", `Rows not scored${summary.errors > errors.length ? ` (first ${errors.length} of ${summary.errors})` : ""}:`);
        for (const r of errors) out.push(`  row ${r.row}: ${r.error}`);
      }
      await sink.write(`${out.join("\n")}\n`);
    },
  };
}
