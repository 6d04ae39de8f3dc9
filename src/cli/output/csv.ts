/**
 * The CSV report: the input columns as read, then what the scorer found. Written with papaparse's
 * `unparse`, batch by batch. Every text cell goes through csvCellText (text-safety.ts) first, so a scored
 * list opened in Excel never runs content from the input or the rules file as a formula, nor shown in a
 * terminal as a control sequence. (Not papaparse's own `escapeFormulae`: its test misses a formula followed
 * by a line break.)
 */
import Papa from "papaparse";
import { csvCellText } from "../../engine/text-safety";
import { CATEGORIES } from "../../rules/vocabulary";
import type { ReportedRow, RowReport } from "./report";
import type { TextSink } from "./sink";
import type { ReportWriter } from "./writer";

export const APPENDED_COLUMNS = [
  "score",
  ...CATEGORIES,
  "item_id",
  "item_name",
  "reading",
  "suggestions",
  "controls",
  "warnings",
  "error",
  "entity_status",
  "entity_name",
  "entity_list",
  "entity_action",
  "entity_since",
  "entity_list_status",
  "entity_confidence",
  "entity_score",
] as const;

const UNPARSE = { newline: "\n", escapeFormulae: false } as const;

const safe = (cell: string | number | boolean) => (typeof cell === "string" ? csvCellText(cell) : cell);

function appended(r: RowReport): (string | number)[] {
  const category = (c: (typeof CATEGORIES)[number]) => (r.categories ? r.categories[c] : "");
  return [
    r.score ?? "",
    ...CATEGORIES.map(category),
    r.item?.id ?? "",
    r.item?.name ?? "",
    r.reading ?? "",
    r.suggestions.map((s) => s.id).join("; "),
    r.controls.join("; "),
    r.warnings.join(" | "),
    r.error ?? "",
    r.entity?.status ?? "",
    r.entity?.name ?? "",
    r.entity?.list ?? "",
    r.entity?.action ?? "",
    r.entity?.since ?? "",
    r.entity?.listStatus ?? "",
    r.entity?.confidence ?? "",
    r.entity?.score ?? "",
  ];
}

function inputCell(cell: unknown): string | number | boolean {
  return cell === null || cell === undefined ? "" : typeof cell === "number" || typeof cell === "boolean" ? cell : String(cell);
}

export function csvWriter(sink: TextSink, inputHeaders: readonly string[]): ReportWriter {
  const width = inputHeaders.length;
  return {
    async begin() {
      await sink.write(`${Papa.unparse([[...inputHeaders, ...APPENDED_COLUMNS].map(safe)], UNPARSE)}\n`);
    },
    async rows(batch: readonly ReportedRow[]) {
      if (batch.length === 0) return;
      const data = batch.map(({ report, cells }) => [...Array.from({ length: width }, (_, i) => inputCell(cells[i])), ...appended(report)].map(safe));
      await sink.write(`${Papa.unparse(data, UNPARSE)}\n`);
    },
    async end() {},
  };
}
