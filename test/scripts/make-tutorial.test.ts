/**
 * examples/chokepoint-tutorial.xlsx (scripts/make-tutorial.js), opened with exceljs the way any reader opens
 * it. The committed file must be exactly what the script builds now, so it cannot drift from the example
 * list or the script. Every formula is checked against what Excel and the add-in need: the registered
 * namespace and function ids, tables and columns that exist, cells that exist, arguments the function takes,
 * and a spill that lands on empty cells. The spills' sizes are not guessed: each formula is evaluated by the
 * add-in's own functions on the bundled rules, with the cells it points at.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { FUNCTIONS_NAMESPACE } from "../../src/functions/namespace";
import { registeredFunctions, type Grid, type RegisteredFunction } from "../functions/registered-functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tutorial = require("../../scripts/make-tutorial.js") as {
  buildTutorial(): Promise<Buffer>;
  typedFormula(stored: string): string;
  TUTORIAL_PATH: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const examples = require("../../scripts/make-example-xlsx.js") as { buildExampleWorkbook(): Promise<Buffer>; EXAMPLE_XLSX_PATH: string };

const ROOT = path.join(__dirname, "..", "..");
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** These answer with a table whose length depends on the item and the date: nothing may sit anywhere below them. */
const OPEN_ENDED = new Set(["CONTROLS", "ALTERNATIVES", "CHANGES"]);

interface Box {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

interface FormulaCell {
  sheet: ExcelJS.Worksheet;
  address: string;
  row: number;
  column: number;
  stored: string;
}

interface TableInfo {
  sheet: ExcelJS.Worksheet;
  box: Box;
  columns: string[];
}

let workbook: ExcelJS.Workbook;
let functions: Map<string, RegisteredFunction>;
let formulas: FormulaCell[];
let tables: Map<string, TableInfo>;

function decode(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`not a cell address: ${address}`);
  const column = match[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function boxOf(sheet: string, range: string): Box {
  const [from, to] = range.split(":");
  const a = decode(from);
  const b = decode(to ?? from);
  return { sheet, top: a.row, left: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

const overlaps = (a: Box, b: Box) =>
  a.sheet === b.sheet && a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;

function cellValue(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (value === undefined || value === "") return null;
  return value;
}

/** Splits "a, "b, c", , d" at the commas outside quotes. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (text.trim() !== "" || args.length > 0) args.push(current.trim());
  return args;
}

const CALL = /^_xldudf_([A-Z]+)_([A-Z]+)\((.*)\)$/s;
const SPILL_DIFFERENCE = /^_xlfn\.ANCHORARRAY\(([A-Z]+\d+)\) - _xlfn\.ANCHORARRAY\(([A-Z]+\d+)\)$/;

/** An argument as Excel passes it: a table column, one cell, a literal, or null when skipped. */
function resolveArgument(sheet: ExcelJS.Worksheet, text: string): Grid | null {
  if (text === "") return null;
  const structured = /^(\w+)\[([^\]]+)\]$/.exec(text);
  if (structured) {
    const table = tables.get(structured[1]);
    if (!table) throw new Error(`no table ${structured[1]}`);
    const index = table.columns.indexOf(structured[2]);
    if (index < 0) throw new Error(`table ${structured[1]} has no column ${structured[2]}`);
    const { top, left, rows } = table.box;
    return Array.from({ length: rows - 1 }, (_, i) => [cellValue(table.sheet.getCell(top + 1 + i, left + index))]);
  }
  if (/^\$?[A-Z]{1,3}\$?\d+$/.test(text)) {
    const { row, column } = decode(text);
    const cell = sheet.findCell(row, column);
    if (!cell) throw new Error(`${sheet.name}!${text} is not in the workbook`);
    return [[cellValue(cell)]];
  }
  const quoted = /^"([^"]*)"$/.exec(text);
  if (quoted) return [[quoted[1]]];
  if (/^\d+(\.\d+)?$/.test(text)) return [[Number(text)]];
  throw new Error(`argument not understood: ${text}`);
}

interface Evaluated {
  fn: string;
  result: Grid;
}

async function evaluate(formula: FormulaCell, evaluated: Map<string, Evaluated>): Promise<Evaluated> {
  const call = CALL.exec(formula.stored);
  if (call) {
    const [, namespace, id, argumentText] = call;
    expect(namespace).toBe(FUNCTIONS_NAMESPACE);
    const fn = functions.get(id);
    if (!fn) throw new Error(`${formula.address}: ${id} is not a registered function`);
    const args = splitArguments(argumentText);
    const parameters = fn.metadata.parameters ?? [];
    expect(args.length).toBeLessThanOrEqual(parameters.length);
    parameters.forEach((parameter, i) => {
      if (!parameter.optional) expect(args[i] ?? "").not.toBe("");
    });
    return { fn: id, result: await fn.call(args.map((arg) => resolveArgument(formula.sheet, arg))) };
  }
  const difference = SPILL_DIFFERENCE.exec(formula.stored);
  if (difference) {
    const [after, before] = [difference[1], difference[2]].map((anchor) => evaluated.get(`${formula.sheet.name}!${anchor}`));
    if (!after || !before) throw new Error(`${formula.address}: # refers to a cell without a spilling formula`);
    expect(after.result.length).toBe(before.result.length);
    return { fn: "difference", result: after.result.map((row, i) => [typeof row[0] === "number" && typeof before.result[i][0] === "number" ? row[0] - (before.result[i][0] as number) : row[0]]) };
  }
  throw new Error(`${formula.address}: formula not understood: ${formula.stored}`);
}

const isError = (cell: unknown) => cell instanceof Error;

beforeAll(async () => {
  functions = await registeredFunctions();
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(tutorial.TUTORIAL_PATH);
  tables = new Map();
  formulas = [];
  for (const sheet of workbook.worksheets) {
    // exceljs reads a sheet's tables into `tables`, which its typings do not declare.
    const sheetTables = (sheet as unknown as { tables: Record<string, { table: { name: string; tableRef: string; columns: { name: string }[] } }> }).tables;
    for (const table of Object.values(sheetTables)) {
      tables.set(table.table.name, { sheet, box: boxOf(sheet.name, table.table.tableRef), columns: table.table.columns.map((c) => c.name) });
    }
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push({ sheet, address: cell.address, row: Number(cell.row), column: Number(cell.col), stored: cell.formula });
      }),
    );
  }
}, 60_000);

test("the committed tutorial and example workbooks are exactly what the scripts build (npm run examples)", async () => {
  expect((await tutorial.buildTutorial()).equals(fs.readFileSync(tutorial.TUTORIAL_PATH))).toBe(true);
  expect((await examples.buildExampleWorkbook()).equals(fs.readFileSync(examples.EXAMPLE_XLSX_PATH))).toBe(true);
});

test("the supplier sheet holds the example list as the Excel table Suppliers, shares and spend as numbers", () => {
  const csv = fs.readFileSync(path.join(ROOT, "examples", "suppliers.csv"), "utf8");
  const header = csv.split("\n")[0].split(",");
  const table = tables.get("Suppliers")!;
  expect(table.sheet.name).toBe("Suppliers");
  expect(table.columns).toEqual(header);
  expect(table.box).toMatchObject({ top: 1, left: 1, rows: 41 });
  const first = table.sheet.getRow(2).values as unknown[];
  // examples/suppliers.csv, first row: Hoshino Magnetics KK, NdFeB magnet N52SH, Japan, Japan, 85%, …, "6,200,000".
  expect(first.slice(1, 6)).toEqual(["Hoshino Magnetics KK", "NdFeB magnet N52SH", "Japan", "Japan", 0.85]);
  expect(first[9]).toBe(6_200_000);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Try it", "Suppliers", "One item"]);
});

test("every function the add-in registers is used, under its namespace, and no formula is stored under its display name", () => {
  const used = new Set(formulas.map((f) => CALL.exec(f.stored)?.[2]).filter(Boolean));
  expect([...used].sort()).toEqual([...functions.keys()].sort());
  for (const formula of formulas) {
    expect(formula.stored).not.toMatch(new RegExp(`\\b${FUNCTIONS_NAMESPACE}\\.`));
    expect(formula.stored.startsWith(`_xldudf_${FUNCTIONS_NAMESPACE}_`) || SPILL_DIFFERENCE.test(formula.stored)).toBe(true);
  }
  expect(formulas.length).toBeGreaterThanOrEqual(functions.size);
});

test("every formula refers to tables, columns and cells that exist, computes on the bundled rules, and spills onto empty cells", async () => {
  const evaluated = new Map<string, Evaluated>();
  const spills: { formula: FormulaCell; box: Box; fn: string }[] = [];
  const ordered = [...formulas].sort((a, b) => Number(SPILL_DIFFERENCE.test(a.stored)) - Number(SPILL_DIFFERENCE.test(b.stored)));
  for (const formula of ordered) {
    const result = await evaluate(formula, evaluated);
    evaluated.set(`${formula.sheet.name}!${formula.address}`, result);
    expect(Array.isArray(result.result) && result.result.length > 0).toBe(true);
    const allErrors = result.result.every((row) => row.every(isError));
    expect({ formula: formula.stored, allErrors }).toEqual({ formula: formula.stored, allErrors: false });
    const width = Math.max(...result.result.map((row) => row.length));
    const rows = OPEN_ENDED.has(result.fn) ? Math.max(formula.sheet.rowCount, formula.row + 1000) - formula.row + 1 : result.result.length;
    spills.push({ formula, fn: result.fn, box: { sheet: formula.sheet.name, top: formula.row, left: formula.column, rows, columns: width } });
  }

  for (const { formula, box, fn } of spills) {
    const where = `${formula.sheet.name}!${formula.address} (${fn})`;
    for (const table of tables.values()) expect({ where, overlapsTable: overlaps(box, table.box) }).toEqual({ where, overlapsTable: false });
    for (const other of spills) {
      if (other.formula !== formula) expect({ where, overlaps: overlaps(box, other.box) && other.formula.address }).toEqual({ where, overlaps: false });
    }
    formula.sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const inside = overlaps(box, { sheet: box.sheet, top: Number(cell.row), left: Number(cell.col), rows: 1, columns: 1 });
        if (inside && cell.address !== formula.address && cell.value !== null && cell.value !== "") {
          throw new Error(`${where} would spill onto ${cell.address}, which holds ${JSON.stringify(cell.value)}`);
        }
      }),
    );
  }

  // Beside the table, each formula column lines up with the suppliers and has a header above every column it fills.
  const suppliers = tables.get("Suppliers")!;
  for (const { formula, box } of spills.filter((s) => s.formula.sheet.name === "Suppliers")) {
    expect(box.top).toBe(suppliers.box.top + 1);
    expect(box.rows).toBe(suppliers.box.rows - 1);
    for (let c = 0; c < box.columns; c++) expect(formula.sheet.getCell(1, box.left + c).value).not.toBeNull();
  }
});

test("the Try it sheet lists every formula cell once, as the formula bar shows it", () => {
  const sheet = workbook.getWorksheet("Try it")!;
  const listed: { where: string; typed: string }[] = [];
  let inTable = false;
  sheet.eachRow((row) => {
    const [where, typed] = [row.getCell(1).value, row.getCell(2).value];
    if (where === "Cell" && typed === "Formula") inTable = true;
    else if (inTable && typeof where === "string" && typeof typed === "string" && typed.startsWith("=")) listed.push({ where, typed });
  });
  const actual = formulas.map((f) => ({ where: `${/\s/.test(f.sheet.name) ? `'${f.sheet.name}'` : f.sheet.name}!${f.address}`, typed: tutorial.typedFormula(f.stored) }));
  expect(listed.sort((a, b) => a.where.localeCompare(b.where))).toEqual(actual.sort((a, b) => a.where.localeCompare(b.where)));
  for (const { typed } of listed) expect(typed).toMatch(new RegExp(`^=(${FUNCTIONS_NAMESPACE}\\.[A-Z]+\\(|[A-Z]+\\d+# - )`));
});

test("the date comparison moves exactly the rows its note names: GaN and germanium bought for US plants", async () => {
  const sheet = workbook.getWorksheet("Suppliers")!;
  const headerDates = await Promise.all(
    formulas
      .filter((f) => f.sheet.name === "Suppliers" && /\$[A-Z]+\$1, Suppliers\[Supplier\]\)$/.test(f.stored))
      .map(async (f) => (await evaluate(f, new Map())).result.map((row) => row[0])),
  );
  expect(headerDates).toHaveLength(2);
  const [before, after] = headerDates;
  const table = tables.get("Suppliers")!;
  const moved = before.flatMap((score, i) => (typeof score === "number" && typeof after[i] === "number" && after[i] !== score ? [i] : []));
  const rowOf = (i: number) => sheet.getRow(table.box.top + 1 + i).values as unknown[];
  // The US clause (No. 46/2024 cl. 2) covers gallium and germanium items; its suspension ends on 27 Nov 2026.
  const expected = before.flatMap((_, i) => (rowOf(i)[4] === "United States" && /GaN|germanium/i.test(String(rowOf(i)[2])) ? [i] : []));
  expect(moved).toEqual(expected);
  expect(moved.length).toBeGreaterThan(0);
  const note = workbook.getWorksheet("Try it")!.getColumn(3).values.find((v) => typeof v === "string" && v.startsWith("How far each row moves"));
  expect(note).toContain("GaN and germanium rows bought for US plants");
});
