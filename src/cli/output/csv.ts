/**
 * The CSV report: the input columns as read, then what the scorer found. Written with papaparse's
 * `unparse`, batch by batch. Cells that Excel would run as formulas (=, +, -, @) are prefixed with an
 * apostrophe, so a scored list opened in Excel never executes content from the input.
 */
import Papa from "papaparse";
import { CATEGORIES } from "../../rules/schema";
import type { ReportedRow, RowReport } from "./report";
import type { TextSink } from "./sink";
import type { ReportWriter } from "./writer";

export const APPENDED_COLUMNS = ["score", ...CATEGORIES, "item_id", "item_name", "reading", "suggestions", "controls", "warnings", "error"] as const;

const UNPARSE = { newline: "\n", escapeFormulae: true } as const;

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
  ];
}

function inputCell(cell: unknown): string | number | boolean {
  return cell === null || cell === undefined ? "" : typeof cell === "number" || typeof cell === "boolean" ? cell : String(cell);
}

export function csvWriter(sink: TextSink, inputHeaders: readonly string[]): ReportWriter {
  const width = inputHeaders.length;
  return {
    async begin() {
      await sink.write(`${Papa.unparse([[...inputHeaders, ...APPENDED_COLUMNS]], UNPARSE)}\n`);
    },
    async rows(batch: readonly ReportedRow[]) {
      if (batch.length === 0) return;
      const data = batch.map(({ report, cells }) => [
        ...Array.from({ length: width }, (_, i) => inputCell(cells[i])),
        ...appended(report),
      ]);
      await sink.write(`${Papa.unparse(data, UNPARSE)}\n`);
    },
    async end() {},
  };
}
