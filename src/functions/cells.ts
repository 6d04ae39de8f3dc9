/**
 * Excel arguments → engine cells, and engine results → the shape Excel spills.
 *
 * Every range-capable parameter is declared `any[][]`, so Excel hands over a 2-D array even for one cell;
 * a skipped optional argument arrives as `null`. An argument is a single cell, one column or one row.
 * Single cells broadcast to the length of the others, the way `=A2:A9*B1` does in Excel; two ranges of
 * different lengths are refused for the whole formula (there is no sensible per-row answer).
 */
import { isEmptyCell } from "../engine";

export type ExcelArgument = unknown;

/** A problem with the shape of the arguments; it spoils the whole formula, not one row. */
export type ShapeProblem =
  | { code: "range_not_one_column"; parameter: string; rows: number; columns: number }
  | { code: "ranges_differ_in_length"; parameters: { name: string; length: number }[] }
  | { code: "single_cell_expected"; parameter: string; rows: number; columns: number };

export type Orientation = "column" | "row";

interface Vector {
  name: string;
  /** How many cells: 1 for a single cell. */
  length: number;
  /** The cell at an index: a column's cells are read where Excel put them, not copied. */
  at(index: number): unknown;
  /** null for a single cell, which broadcasts. */
  orientation: Orientation | null;
}

const singleValue = (name: string, value: unknown): Vector => ({ name, length: 1, at: () => value, orientation: null });

/** The arguments of one formula, lined up row by row. */
export interface Lined<Name extends string> {
  /** Rows to compute (trailing rows blank in every range are dropped, so whole-column references stay cheap). */
  length: number;
  /** How a one-value-per-row result is laid out: along a column unless every range given is a row. */
  orientation: Orientation;
  /** The raw cell of an argument at a row (single cells repeat). */
  cell(name: Name, row: number): unknown;
  /** The same for one argument, looked up once: for reading every row. */
  reader(name: Name): (row: number) => unknown;
  /** True when every range argument is blank on that row: the row is padding, not a supplier. */
  isBlankRow(row: number): boolean;
}

export type LineUpResult<Name extends string> = { ok: true; lined: Lined<Name> } | { ok: false; problem: ShapeProblem };

/**
 * The widest row of an argument that is a 2-D array, or -1 when it is not one (a single value). One loop: a
 * whole-column reference has a million rows, too many to spread into Math.max.
 */
function widestRow(value: unknown): number {
  if (!Array.isArray(value)) return -1;
  let widest = 0;
  for (let index = 0; index < value.length; index++) {
    const row: unknown = value[index];
    if (!Array.isArray(row)) return -1;
    if (row.length > widest) widest = row.length;
  }
  return widest;
}

type NotOneColumn = Extract<ShapeProblem, { code: "range_not_one_column" }>;

function vectorOf(name: string, argument: ExcelArgument): Vector | NotOneColumn {
  const columns = widestRow(argument);
  if (columns < 0) return singleValue(name, argument ?? null);
  const matrix = argument as unknown[][];
  const rows = matrix.length;
  if (rows === 0 || columns === 0) return singleValue(name, null);
  if (rows === 1 && columns === 1) return singleValue(name, matrix[0][0]);
  if (columns === 1) return { name, length: rows, at: (index) => matrix[index][0], orientation: "column" };
  if (rows === 1) {
    const cells = matrix[0];
    return { name, length: cells.length, at: (index) => cells[index], orientation: "row" };
  }
  return { code: "range_not_one_column", parameter: name, rows, columns };
}

/**
 * Lines up the arguments of one formula. `args` lists every parameter in order (skipped ones as null) so
 * that messages can name them.
 */
export function lineUp<Name extends string>(args: readonly (readonly [Name, ExcelArgument])[]): LineUpResult<Name> {
  const vectors = new Map<Name, Vector>();
  for (const [name, argument] of args) {
    const vector = vectorOf(name, argument);
    if ("code" in vector) return { ok: false, problem: vector };
    vectors.set(name, vector);
  }
  const ranges = [...vectors.values()].filter((v) => v.orientation !== null);
  const lengths = new Set(ranges.map((v) => v.length));
  if (lengths.size > 1) {
    return {
      ok: false,
      problem: { code: "ranges_differ_in_length", parameters: ranges.map((v) => ({ name: v.name, length: v.length })) },
    };
  }
  const fullLength = ranges.length === 0 ? 1 : ranges[0].length;
  const isBlankRow = (row: number) => ranges.length > 0 && ranges.every((v) => isEmptyCell(v.at(row)));
  let length = fullLength;
  while (length > 1 && isBlankRow(length - 1)) length -= 1;

  return {
    ok: true,
    lined: {
      length,
      orientation: ranges.length > 0 && ranges.every((v) => v.orientation === "row") ? "row" : "column",
      cell: (name, row) => {
        const vector = vectors.get(name);
        if (!vector) return null;
        return vector.orientation === null ? vector.at(0) : vector.at(row);
      },
      reader: (name) => {
        const vector = vectors.get(name);
        if (!vector) return () => null;
        if (vector.orientation !== null) return vector.at;
        const value = vector.at(0);
        return () => value;
      },
      isBlankRow,
    },
  };
}

/** An argument that must be one cell (e.g. CONTROLS' commodity): its value, or a shape problem. */
export function singleCell(name: string, argument: ExcelArgument): { ok: true; value: unknown } | { ok: false; problem: ShapeProblem } {
  const vector = vectorOf(name, argument);
  if ("code" in vector) return { ok: false, problem: { ...vector, code: "single_cell_expected" } };
  if (vector.orientation !== null) {
    const rows = vector.orientation === "column" ? vector.length : 1;
    const columns = vector.orientation === "row" ? vector.length : 1;
    return { ok: false, problem: { code: "single_cell_expected", parameter: name, rows, columns } };
  }
  return { ok: true, value: vector.at(0) };
}

/** One value per row → the 2-D array Excel spills, along the orientation of the input ranges. */
export function spill<T>(values: readonly T[], orientation: Orientation): T[][] {
  return orientation === "row" ? [values.slice()] : values.map((value) => [value]);
}
