/**
 * The pane's column mapping: the engine's header matching (src/engine/columns.ts, shared with the CLI),
 * then the user's own choices from the drop-downs, remembered per workbook by header text so they survive
 * a column being moved.
 */
import { COLUMN_FIELDS, fieldForHeader, mapColumns, type ColumnField, type ColumnMap } from "../src/engine/columns";

/** Field → the header the user picked, or null for "not used". Fields left out follow the automatic match. */
export type ColumnChoices = Partial<Record<ColumnField, string | null>>;

export interface ResolvedMapping {
  map: ColumnMap;
  /** Which fields were set by the user rather than found from the headers. */
  chosenByUser: ColumnField[];
  commodityMissing: boolean;
}

function automaticColumns(headers: readonly string[]): ColumnMap {
  const mapped = mapColumns(headers);
  if (mapped.ok) return mapped.map;
  // No commodity column: keep what the headers do name, so the user only has to pick the commodity.
  const columns: ColumnMap["columns"] = {};
  headers.forEach((header, column) => {
    const field = header === "" ? null : fieldForHeader(header);
    if (field !== null && columns[field] === undefined) columns[field] = column;
  });
  return { columns, headers: [...headers], issues: [] };
}

export function resolveMapping(headers: readonly string[], choices: ColumnChoices | null): ResolvedMapping {
  const automatic = automaticColumns(headers);
  const columns = { ...automatic.columns };
  const chosenByUser: ColumnField[] = [];
  for (const field of COLUMN_FIELDS) {
    if (!choices || !(field in choices)) continue;
    const header = choices[field];
    if (header === null) {
      delete columns[field];
      chosenByUser.push(field);
      continue;
    }
    const column = headers.indexOf(header ?? "");
    // A remembered header that is no longer in the table falls back to the automatic match.
    if (column >= 0) {
      columns[field] = column;
      chosenByUser.push(field);
    }
  }
  return {
    map: { columns, headers: [...headers], issues: automatic.issues },
    chosenByUser,
    commodityMissing: columns.commodity === undefined,
  };
}
