/**
 * The example supplier list (examples/suppliers.csv), shipped with the add-in (its own chunk, fetched from the
 * add-in's server when "Insert example" is first clicked), as the cells a workbook should hold: text as text, shares as numbers shown as percentages, spend
 * as a number. The engine finds the columns and reads the cells, exactly as it reads a list the user pastes,
 * so the inserted sheet scores as the CLI scores the CSV.
 */
import Papa from "papaparse";
import exampleCsv from "../examples/suppliers.csv";
import type { CellValue } from "../src/engine";
import { decideDecimalMark, mapColumns, readSpend, resolveSpend, type ColumnField } from "../src/engine/columns";
import type { InputField } from "../src/engine/errors";
import { parseShare } from "../src/engine/inputs";

export type ExampleCell = string | number;

export interface ExampleList {
  headers: string[];
  rows: ExampleCell[][];
  /** Excel number format per column: "@" (text) unless the column holds shares or spend. */
  numberFormats: string[];
}

const SHARE_FIELDS = new Set<ColumnField>(["china_input_share", "china_technology", "china_equipment", "china_personnel"]);
const TEXT_FORMAT = "@";
const SHARE_FORMAT = "0%";
const SPEND_FORMAT = "#,##0";

/** A share as a number 0–1 when the engine reads it as one; else the text as written. */
function shareCell(text: string, field: ColumnField): ExampleCell {
  const parsed = parseShare(text, field as InputField);
  return parsed.ok && parsed.value !== undefined ? parsed.value : text;
}

export function exampleList(csv: string = exampleCsv): ExampleList {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  const [headers, ...body] = parsed.data;
  const mapped = mapColumns(headers);
  const fieldOf = new Map<number, ColumnField>();
  if (mapped.ok) for (const [field, column] of Object.entries(mapped.map.columns)) fieldOf.set(column, field as ColumnField);
  const spendColumn = mapped.ok ? mapped.map.columns.spend : undefined;
  const spendMark = spendColumn === undefined ? null : decideDecimalMark(body.map((row) => row[spendColumn] as CellValue)).mark;

  const numberFormats = headers.map((_, column) => {
    const field = fieldOf.get(column);
    if (field && SHARE_FIELDS.has(field)) return SHARE_FORMAT;
    return field === "spend" ? SPEND_FORMAT : TEXT_FORMAT;
  });
  const rows = body.map((row) =>
    headers.map((_, column) => {
      const text = (row[column] ?? "").trim();
      const field = fieldOf.get(column);
      if (text === "" || !field) return text;
      if (SHARE_FIELDS.has(field)) return shareCell(text, field);
      if (field === "spend") return resolveSpend(readSpend(text), spendMark) ?? text;
      return text;
    }),
  );
  return { headers, rows, numberFormats };
}
