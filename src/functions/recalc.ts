/**
 * When the active rules change, the CHOKEPOINT formulas must compute again: they are not volatile and
 * their arguments did not change, so Excel would otherwise keep showing scores from the old rules. This
 * finds the cells whose formula calls a CHOKEPOINT function and recalculates just those ranges; nothing
 * else in the workbook recalculates and no cell is ever written. Where the finer API is missing
 * (ExcelApi < 1.9) or fails, it falls back to one full recalculation of the workbook.
 */
import { FUNCTIONS_NAMESPACE } from "./namespace";
import type { RecalculationReport, RulesChangeListener } from "../runtime";

const CHOKEPOINT_CALL = new RegExp(`\\b${FUNCTIONS_NAMESPACE}\\.`, "i");

/** A vertical run of formula cells, in 0-based sheet coordinates. */
export interface FormulaRun {
  row: number;
  column: number;
  rowCount: number;
}

/** Runs of cells whose formula calls a CHOKEPOINT function, column by column, within one area. */
export function chokepointRuns(formulas: readonly (readonly unknown[])[], top: number, left: number): FormulaRun[] {
  const runs: FormulaRun[] = [];
  const columns = formulas.reduce((widest, row) => Math.max(widest, row.length), 0);
  const callsUs = (row: number, column: number) => {
    const formula = formulas[row]?.[column];
    return typeof formula === "string" && CHOKEPOINT_CALL.test(formula);
  };
  for (let column = 0; column < columns; column++) {
    let start = -1;
    for (let row = 0; row <= formulas.length; row++) {
      const hit = row < formulas.length && callsUs(row, column);
      if (hit && start < 0) start = row;
      if (!hit && start >= 0) {
        runs.push({ row: top + start, column: left + column, rowCount: row - start });
        start = -1;
      }
    }
  }
  return runs;
}

/**
 * A RangeAreas address (`Suppliers!B2:B9,Suppliers!D4`, sheet names possibly quoted and holding commas)
 * → the areas without the sheet name (`B2:B9`, `D4`).
 */
export function areaAddresses(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const character of address) {
    if (character === "'") quoted = !quoted;
    if (character === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts
    .map((part) => part.slice(part.lastIndexOf("!") + 1).trim())
    .filter((part) => part !== "");
}

/** What recalculation needs from Office.js; `Excel` in the add-in, a mock in tests. */
export interface RecalcHost {
  excel: {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    CalculationType: { full: Excel.CalculationType | "Full" };
    SpecialCellType: { formulas: Excel.SpecialCellType | "Formulas" };
  };
  /** ExcelApi 1.9: special cells and RangeAreas. */
  finerApiSupported: boolean;
}

export type RecalcOutcome = { kind: "formulas"; ranges: number } | { kind: "workbook" } | { kind: "skipped" };

/** The host this code runs in, or null outside Excel (a browser page, Node). */
export function currentRecalcHost(): RecalcHost | null {
  if (typeof Excel === "undefined" || typeof Office === "undefined" || !Office.context?.requirements) return null;
  return { excel: Excel, finerApiSupported: Office.context.requirements.isSetSupported("ExcelApi", "1.9") };
}

async function recalculateFormulaCells(context: Excel.RequestContext, host: RecalcHost): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const formulaCells = sheets.items.map((sheet) => {
    const cells = sheet.getRange().getSpecialCellsOrNullObject(host.excel.SpecialCellType.formulas as Excel.SpecialCellType);
    cells.load("address");
    return { sheet, cells };
  });
  await context.sync();

  const areas = formulaCells.flatMap(({ sheet, cells }) =>
    cells.isNullObject
      ? []
      : areaAddresses(cells.address).map((address) => {
          const range = sheet.getRange(address);
          range.load("formulas,rowIndex,columnIndex");
          return { sheet, range };
        }),
  );
  await context.sync();

  let ranges = 0;
  for (const { sheet, range } of areas) {
    for (const run of chokepointRuns(range.formulas, range.rowIndex, range.columnIndex)) {
      sheet.getRangeByIndexes(run.row, run.column, run.rowCount, 1).calculate();
      ranges += 1;
    }
  }
  await context.sync();
  return ranges;
}

export async function recalculateChokepointFormulas(host: RecalcHost | null = currentRecalcHost()): Promise<RecalcOutcome> {
  if (host === null) return { kind: "skipped" };
  if (host.finerApiSupported) {
    try {
      const ranges = await host.excel.run((context) => recalculateFormulaCells(context, host));
      return { kind: "formulas", ranges };
    } catch {
      // e.g. a response too large on Excel on the web: the full recalculation below is slower but complete.
    }
  }
  await host.excel.run(async (context) => {
    context.workbook.application.calculate(host.excel.CalculationType.full as Excel.CalculationType);
    await context.sync();
  });
  return { kind: "workbook" };
}

/** Where a recalculation's outcome is kept: the rules runtime (state lives there, not here). */
export interface RecalculationRecorder {
  recordRecalculation(report: RecalculationReport): void;
}

function describeFailure(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** Recalculates the formulas once and records how it went; never rejects. Used after a swap and by "Recalculate now". */
export async function recalculateAndRecord(
  recorder: RecalculationRecorder,
  recalculate: () => Promise<unknown> = () => recalculateChokepointFormulas(),
): Promise<RecalculationReport> {
  let report: RecalculationReport;
  try {
    await recalculate();
    report = { ok: true };
  } catch (error) {
    report = { ok: false, cause: describeFailure(error) };
  }
  recorder.recordRecalculation(report);
  return report;
}

/**
 * Recalculates after every swap of the rules and records each outcome in the runtime, so a failure
 * (RULESVERSION showing new rules over cells with old numbers) is reported, not swallowed. Swaps arriving
 * while a recalculation runs are folded into one more run afterwards. Returns the unsubscribe.
 */
export function recalculateOnRulesChange(
  runtime: RecalculationRecorder & { onChange(listener: RulesChangeListener): () => void },
  recalculate: () => Promise<unknown> = () => recalculateChokepointFormulas(),
): () => void {
  let running = false;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void recalculateAndRecord(runtime, recalculate)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  return runtime.onChange(schedule);
}
