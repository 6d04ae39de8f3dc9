/**
 * The terminal report: the most exposed rows as an aligned table, then a summary. Only the top rows and the
 * first few errors are kept, so memory does not grow with the file.
 */
import { singleLine } from "../../engine/text-safety";
import type { ReportedRow, ReportHeader, RowReport, RunSummary } from "./report";
import type { TextSink } from "./sink";
import type { ReportWriter } from "./writer";

export const TOP_ROWS_SHOWN = 20;
const ERRORS_SHOWN = 10;
const LISTED_SHOWN = 10;
const UNREAD_SHOWN = 10;
const WIDEST_TEXT_COLUMN = 28;

interface Column {
  title: string;
  align: "left" | "right";
  cell: (r: RowReport) => string;
}

const number = (x: number | undefined) => (x === undefined ? "" : x.toFixed(1));

/** Warnings that ask the analyst to check something, with the tag the Check column shows for each. */
const CHECK_TAGS: readonly (readonly [code: string, tag: string, meaning: string])[] = [
  ["status_unconfirmed", "unconfirmed", "a control counts on a status nobody has confirmed"],
  ["grade_dependent", "grade", "the text does not say which grade"],
  ["review_needed", "review", "the rules need review"],
];

/** A row's warnings are "code: message" lines. */
const hasWarning = (r: RowReport, code: string) => r.warnings.some((w) => w.startsWith(`${code}:`));
const checkTags = (r: RowReport) => CHECK_TAGS.filter(([code]) => hasWarning(r, code)).map(([, tag]) => tag);
const CHECK_COLUMN: Column = { title: "Check", align: "left", cell: (r) => checkTags(r).join(", ") };

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
  { title: "China's lists", align: "left", cell: (r) => (r.entity === null ? "" : `${r.entity.status} ${r.entity.action}`) },
  {
    title: "Controls",
    align: "left",
    cell: (r) => (r.controls.length <= 2 ? r.controls.join(", ") : `${r.controls.slice(0, 2).join(", ")} +${r.controls.length - 2}`),
  },
];


function fit(text: string, width: number): string {
  const oneLine = singleLine(text);
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

/** The columns for these rows: a Check column (before Controls) only when some row has something to check. */
function columnsFor(rows: readonly RowReport[]): readonly Column[] {
  if (!rows.some((r) => checkTags(r).length > 0)) return COLUMNS;
  return [...COLUMNS.slice(0, -1), CHECK_COLUMN, COLUMNS[COLUMNS.length - 1]];
}

export function renderTable(rows: readonly RowReport[]): string {
  const columns = columnsFor(rows);
  const cells = rows.map((r) => columns.map((c, i) => (i === columns.length - 1 ? singleLine(c.cell(r)) : fit(c.cell(r), WIDEST_TEXT_COLUMN))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((line) => line[i].length)));
  const pad = (text: string, i: number) => (columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (texts: readonly string[]) => texts.map(pad).join("  ").trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** Most exposed first; equal scores keep input order. */
const moreExposed = (a: RowReport, b: RowReport) => (b.score ?? 0) - (a.score ?? 0) || a.row - b.row;

export function tableWriter(sink: TextSink): ReportWriter {
  let header: ReportHeader | null = null;
  let top: RowReport[] = [];
  const errors: RowReport[] = [];
  const toCheck = new Map(CHECK_TAGS.map(([code]) => [code, 0]));
  const onLists: RowReport[] = [];
  let onListsTotal = 0;
  const unread: RowReport[] = [];
  return {
    async begin(h) {
      header = h;
    },
    async rows(batch: readonly ReportedRow[]) {
      for (const { report } of batch) {
        for (const [code] of CHECK_TAGS) if (hasWarning(report, code)) toCheck.set(code, toCheck.get(code)! + 1);
        if (report.entity !== null) {
          onListsTotal += 1;
          if (onLists.length < LISTED_SHOWN) onLists.push(report);
        }
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
        if (columnsFor(shown).includes(CHECK_COLUMN)) out.push(`Check: ${CHECK_TAGS.map(([, tag, meaning]) => `${tag} = ${meaning}`).join("; ")}.`, "");
      } else {
        out.push("No row has any exposure.", "");
      }
      const weighted = summary.spendWeightedScore === null ? "n/a" : summary.spendWeightedScore.toFixed(1);
      out.push(
        `Rows: ${summary.rows}   scored: ${summary.scored}   errors: ${summary.errors}   unmatched: ${summary.unmatched}`,
        `Spend-weighted score (matched rows): ${weighted}`,
      );
      if ([...toCheck.values()].some((count) => count > 0)) {
        const [unconfirmed, grade, review] = CHECK_TAGS.map(([code]) => toCheck.get(code));
        out.push(`Rows to check: unconfirmed status ${unconfirmed}   grade not stated ${grade}   rules review ${review}`);
      }
      if (header) out.push(`Scored as of ${header.asOf} with rules ${singleLine(header.rules.version)} (${singleLine(header.rules.source)})`);
      if (onLists.length > 0) {
        out.push("", `Suppliers on China's lists${onListsTotal > onLists.length ? ` (first ${onLists.length} of ${onListsTotal})` : ""}:`);
        for (const r of onLists) {
          const e = r.entity!;
          out.push(`  row ${r.row}: ${fit(r.supplier ?? "", 40)} → ${e.status}: ${singleLine(e.name)} (${e.action}, ${e.listStatus} since ${e.since}; similarity ${e.score.toFixed(2)})`);
        }
      }
      if (unread.length > 0) {
        out.push("", `Commodities not recognised${summary.unmatched > unread.length ? ` (first ${unread.length})` : ""}:`);
        for (const r of unread) {
          const suggestions = r.suggestions.length > 0 ? ` — perhaps: ${r.suggestions.map((s) => s.name).join("; ")}` : "";
          out.push(`  row ${r.row}: "${fit(r.commodity ?? "", 60)}": ${fit(r.reading ?? "", 100)}${suggestions}`);
        }
      }
      if (errors.length > 0) {
        out.push("", `Rows not scored${summary.errors > errors.length ? ` (first ${errors.length} of ${summary.errors})` : ""}:`);
        for (const r of errors) out.push(`  row ${r.row}: ${singleLine(r.error ?? "")}`);
      }
      await sink.write(`${out.join("\n")}\n`);
    },
  };
}
