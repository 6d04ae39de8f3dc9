/**
 * A small workbook built from office-addin-mock objects. OfficeMockObject enforces Office.js's rule that
 * a property is readable only after load() and sync(); the pieces Office.js creates on demand (ranges
 * from getRangeByIndexes, new sheets, tables, charts) are created here as further mock objects and are
 * synced by the context's sync() like the rest. Every property the code under test sets on a range is
 * recorded with the sheet it belongs to, so a test can prove nothing was written to the user's data.
 *
 * Values written to a range land in the sheet's cells the way Excel stores them (`excelStores`): text
 * written into a cell that is not formatted as text ("@") is read as Excel reads typing, so `050400`
 * becomes the number 50400 and `3-4` a date. Number formats set on a range apply to the values written
 * after them, as the queued commands of one batch do in Excel.
 *
 * `Range.valuesAsJson` (Excel data types, ExcelApi 1.16) stores each value as given, except those marked
 * `writable: false`, which Excel skips. A workbook made with `excelApi` below 1.16 has no such property:
 * setting it throws, as a call to a missing API fails in Office.js.
 */
import { columnLetter } from "../../taskpane/excel/addresses";
import { OfficeMockObject } from "office-addin-mock";

export type Cell = string | number | boolean | null;
/** What a cell can hold: a plain value, or a data type written with valuesAsJson. */
export type StoredCell = Cell | Excel.CellValue;

export interface MockSheetSpec {
  name: string;
  /** Cell values from A1, row by row. */
  cells: StoredCell[][];
  /** Number formats set on cells, row by row (absent: General). */
  formats?: string[][];
  tables?: { name: string; row: number; column: number; rows: number; columns: number }[];
}

export interface MockWorkbookSpec {
  sheets: MockSheetSpec[];
  /** The selected cell, 0-based. */
  selection: { sheet: string; row: number; column: number };
  settings?: Record<string, unknown>;
  /** The ExcelApi version the host implements, e.g. "1.15"; absent: every API the code uses. */
  excelApi?: string;
}

function minorVersion(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MOCK_YEAR = 2026;
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const MONTH_DAY_TEXT = /^(\d{1,2})[-/](\d{1,2})$/;

function serial(year: number, month: number, day: number): number | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round((date.getTime() - EXCEL_EPOCH_MS) / DAY_MS);
}

/**
 * What Excel keeps when a value is written into a cell with the given number format (en-US reading, as
 * when the text is typed): a leading apostrophe marks text and is not kept; in a text-formatted cell ("@")
 * text stays text; elsewhere text that reads as a number, a percentage, a date or TRUE/FALSE is converted.
 */
export function excelStores(value: Cell, numberFormat: string): Cell {
  if (typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  if (numberFormat === "@") return value;
  const text = value.trim();
  if (NUMBER_TEXT.test(text)) return Number(text);
  if (GROUPED_NUMBER_TEXT.test(text)) return Number(text.replace(/,/g, ""));
  const percent = PERCENT_TEXT.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  const iso = ISO_DATE_TEXT.exec(text);
  const isoSerial = iso ? serial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  if (isoSerial !== null) return isoSerial;
  const monthDay = MONTH_DAY_TEXT.exec(text);
  const monthDaySerial = monthDay ? serial(MOCK_YEAR, Number(monthDay[1]), Number(monthDay[2])) : null;
  return monthDaySerial ?? value;
}

export interface RecordedWrite {
  sheet: string;
  property: string;
  value: unknown;
}

/** OfficeMockObject.setValue is documented API but typed private; it adds a value or a method to a mock. */
function setMock(mock: OfficeMockObject, name: string, value: unknown): void {
  (mock as unknown as { setValue(name: string, value: unknown): void }).setValue(name, value);
}

const INTERNAL_KEYS = new Set(["_properties", "_loaded", "_value", "_valueBeforeLoaded", "_host", "_isObject"]);


export function a1(sheet: string, row: number, column: number, rows: number, columns: number): string {
  return `${sheet}!${columnLetter(column)}${row + 1}:${columnLetter(column + columns - 1)}${row + rows}`;
}

export class MockWorkbook {
  readonly writes: RecordedWrite[] = [];
  readonly selections: string[] = [];
  /** The selected cell now: Range.select() moves it to the range's top-left cell, as in Excel. */
  selection: { sheet: string; row: number; column: number };
  readonly activated: string[] = [];
  readonly syncs: { count: number } = { count: 0 };
  readonly charts: { sheet: string; type: string; seriesBy: string }[] = [];
  readonly tablesAdded: { sheet: string; hasHeaders: boolean }[] = [];
  /** Sizes (rows) of every range whose values were loaded, in order. */
  readonly loadedRangeRows: number[] = [];
  readonly sheets: MockSheetSpec[];
  readonly settingsStore: Record<string, unknown>;
  readonly context: OfficeMockObject & Excel.RequestContext;
  private readonly tracked: OfficeMockObject[] = [];
  private readonly hasValuesAsJson: boolean;

  constructor(spec: MockWorkbookSpec) {
    this.hasValuesAsJson = spec.excelApi === undefined || minorVersion(spec.excelApi) >= 16;
    this.sheets = spec.sheets.map((sheet) => ({ ...sheet, cells: sheet.cells.map((row) => [...row]), tables: sheet.tables ?? [] }));
    this.settingsStore = { ...(spec.settings ?? {}) };
    const workbook = this.track(new OfficeMockObject({}));
    const worksheets = this.worksheetCollection();
    const settings = this.settingsCollection();
    this.selection = { ...spec.selection };
    setMock(workbook, "getSelectedRange", () => this.range(this.selection.sheet, this.selection.row, this.selection.column, 1, 1));
    (workbook as unknown as Record<string, unknown>).worksheets = worksheets;
    (workbook as unknown as Record<string, unknown>).settings = settings;
    const context = this.track(new OfficeMockObject({})) as OfficeMockObject & Excel.RequestContext;
    (context as unknown as Record<string, unknown>).workbook = workbook;
    setMock(context, "sync", async () => {
      this.syncs.count += 1;
      for (const mock of [...this.tracked]) await OfficeMockObject.prototype.sync.call(mock);
      // OfficeMockObject.sync walks children without awaiting them; let those finish too.
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    });
    this.context = context;
  }

  sheet(name: string): MockSheetSpec {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.tracked.push(mock);
    return mock;
  }

  /**
   * Wraps a mock so that sets made by the code under test (not by load/sync bookkeeping) are recorded;
   * `onSet` also sees them (a range stores what was written into its cells).
   */
  private watch<T extends OfficeMockObject>(mock: T, sheet: string, onSet?: (property: string, value: unknown) => void): T {
    let internal = 0;
    const proxy: T = new Proxy(mock, {
      set: (target, key, value) => {
        if (internal === 0 && typeof key === "string" && !INTERNAL_KEYS.has(key)) {
          this.writes.push({ sheet, property: key, value });
          onSet?.(key, value);
        }
        (target as unknown as Record<string | symbol, unknown>)[key] = value;
        return true;
      },
    });
    const load = mock.load.bind(proxy);
    setMock(mock, "load", (...args: unknown[]) => {
      internal += 1;
      try {
        return (load as (...a: unknown[]) => unknown)(...args);
      } finally {
        internal -= 1;
      }
    });
    const originalSync = OfficeMockObject.prototype.sync;
    setMock(mock, "sync", async () => {
      internal += 1;
      try {
        await originalSync.call(mock);
      } finally {
        internal -= 1;
      }
    });
    return proxy;
  }

  private formatMock(sheet: string): OfficeMockObject {
    const raw = this.track(new OfficeMockObject({ font: { bold: false, size: 11 } }));
    const rawFields = raw as unknown as Record<string, OfficeMockObject>;
    rawFields.font = this.watch(rawFields.font, sheet);
    setMock(raw, "autofitColumns", () => undefined);
    return this.watch(raw, sheet);
  }

  /** Where each range made here sits, so that a table added over one knows its cells. */
  private readonly rangeBoxes = new WeakMap<object, { sheet: string; row: number; column: number; rows: number; columns: number }>();

  range(sheetName: string, row: number, column: number, rows: number, columns: number): OfficeMockObject & Excel.Range {
    const sheet = this.sheet(sheetName);
    // Range.values gives a data type's basic value (#VALUE! for an entity), as Excel does.
    const plain = (cell: StoredCell | undefined) =>
      cell !== null && typeof cell === "object" ? ((cell as { basicValue?: Cell }).basicValue ?? "#VALUE!") : (cell ?? "");
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => plain(sheet.cells[row + r]?.[column + c])));
    const mock = this.track(
      new OfficeMockObject({
        address: a1(sheetName, row, column, rows, columns),
        rowIndex: row,
        columnIndex: column,
        rowCount: rows,
        columnCount: columns,
        values,
      }),
    );
    const range = this.watch(mock, sheetName, (property, value) => this.store(sheet, row, column, property, value)) as OfficeMockObject & Excel.Range;
    const originalLoad = (mock as unknown as { load: (p: unknown) => unknown }).load;
    setMock(mock, "load", (properties: unknown) => {
      if (typeof properties === "string" && properties.includes("values")) this.loadedRangeRows.push(rows);
      return originalLoad(properties);
    });
    (mock as unknown as Record<string, unknown>).format = this.formatMock(sheetName);
    (mock as unknown as Record<string, unknown>).worksheet = this.worksheet(sheetName);
    setMock(mock, "getSurroundingRegion", () => this.surroundingRegion(sheetName, row, column));
    setMock(mock, "getTables", () => this.tablesAt(sheetName, row, column));
    setMock(mock, "select", () => {
      this.selections.push(a1(sheetName, row, column, rows, columns));
      this.selection = { sheet: sheetName, row, column };
    });
    this.rangeBoxes.set(range, { sheet: sheetName, row, column, rows, columns });
    return range;
  }

  /** A write of `values`, `valuesAsJson` or `numberFormat` (a 2-D array from the range's top-left cell) into the sheet. */
  private store(sheet: MockSheetSpec, top: number, left: number, property: string, value: unknown): void {
    if (property === "valuesAsJson") {
      if (!this.hasValuesAsJson) throw new Error("ApiNotFound: Range.valuesAsJson needs ExcelApi 1.16");
      (value as Excel.CellValue[][]).forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell.writable === false) return;
          (sheet.cells[top + r] ??= [])[left + c] = cell;
        }),
      );
      return;
    }
    if (!Array.isArray(value) || (property !== "values" && property !== "numberFormat")) return;
    const formats = (sheet.formats ??= []);
    (value as unknown[][]).forEach((line, r) => {
      line.forEach((cell, c) => {
        const [row, column] = [top + r, left + c];
        if (property === "numberFormat") {
          (formats[row] ??= [])[column] = String(cell);
          return;
        }
        const cells = (sheet.cells[row] ??= []);
        for (let i = cells.length; i < column; i++) cells[i] = null;
        cells[column] = excelStores(cell as Cell, formats[row]?.[column] ?? "General");
      });
    });
  }

  /** Excel's current region: grow the block while a neighbouring row or column has a non-blank cell. */
  private surroundingRegion(sheetName: string, row: number, column: number): OfficeMockObject & Excel.Range {
    const cells = this.sheet(sheetName).cells;
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && cells[r]?.[c] !== undefined && cells[r]?.[c] !== null && cells[r]?.[c] !== "";
    let [top, bottom, left, right] = [row, row, column, column];
    for (let grew = true; grew; ) {
      grew = false;
      const rowHas = (r: number) => Array.from({ length: right - left + 3 }, (_, i) => left - 1 + i).some((c) => filled(r, c));
      const colHas = (c: number) => Array.from({ length: bottom - top + 3 }, (_, i) => top - 1 + i).some((r) => filled(r, c));
      if (top > 0 && rowHas(top - 1)) [top, grew] = [top - 1, true];
      if (rowHas(bottom + 1)) [bottom, grew] = [bottom + 1, true];
      if (left > 0 && colHas(left - 1)) [left, grew] = [left - 1, true];
      if (colHas(right + 1)) [right, grew] = [right + 1, true];
    }
    return this.range(sheetName, top, left, bottom - top + 1, right - left + 1);
  }

  private tablesAt(sheetName: string, row: number, column: number): OfficeMockObject {
    const hits = (this.sheet(sheetName).tables ?? []).filter(
      (t) => row >= t.row && row < t.row + t.rows && column >= t.column && column < t.column + t.columns,
    );
    const collection = this.track(new OfficeMockObject({}));
    setMock(collection, "getCount", () => ({ value: hits.length }));
    setMock(collection, "getFirst", () => {
      const t = hits[0];
      if (!t) throw new Error("ItemNotFound");
      const table = this.track(new OfficeMockObject({ name: t.name }));
      setMock(table, "getRange", () => this.range(sheetName, t.row, t.column, t.rows, t.columns));
      return table;
    });
    return collection;
  }

  private readonly worksheetMocks = new Map<string, OfficeMockObject>();

  worksheet(name: string): OfficeMockObject & Excel.Worksheet {
    const existing = this.worksheetMocks.get(name);
    if (existing) return existing as OfficeMockObject & Excel.Worksheet;
    const mock = this.track(new OfficeMockObject({ name }));
    const sheet = this.watch(mock, name);
    setMock(mock, "getRangeByIndexes", (r: number, c: number, rows: number, columns: number) => this.range(name, r, c, rows, columns));
    setMock(mock, "getRange", (address: string) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address);
      if (!match) throw new Error(`mock getRange supports single cells only, got ${address}`);
      const column = match[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return this.range(name, Number(match[2]) - 1, column, 1, 1);
    });
    setMock(mock, "activate", () => {
      this.activated.push(name);
    });
    const charts = this.track(new OfficeMockObject({}));
    setMock(charts, "add", (type: string, _source: unknown, seriesBy: string) => {
      this.charts.push({ sheet: name, type, seriesBy });
      const chart = this.watch(this.track(new OfficeMockObject({ title: { text: "" }, legend: { visible: true } })), name);
      setMock(chart, "setPosition", () => undefined);
      return chart;
    });
    const tables = this.track(new OfficeMockObject({}));
    setMock(tables, "add", (range: object, hasHeaders: boolean) => {
      this.tablesAdded.push({ sheet: name, hasHeaders });
      const tableName = `Table${this.tablesAdded.length}`;
      const box = this.rangeBoxes.get(range);
      // A table added over a range made here is found again under a selection inside it, as in Excel.
      if (box) this.sheet(name).tables!.push({ name: tableName, row: box.row, column: box.column, rows: box.rows, columns: box.columns });
      return this.watch(this.track(new OfficeMockObject({ style: "", name: tableName })), name);
    });
    (mock as unknown as Record<string, unknown>).charts = charts;
    (mock as unknown as Record<string, unknown>).tables = tables;
    this.worksheetMocks.set(name, sheet);
    return sheet as OfficeMockObject & Excel.Worksheet;
  }

  private worksheetCollection(): OfficeMockObject {
    const collection = this.track(new OfficeMockObject({ items: [] }));
    const refreshItems = () => setMock(collection, "items", this.sheets.map((s) => ({ name: s.name })));
    refreshItems();
    // The mock cannot navigate into arrays, so "items/name" loads the whole items array (plain objects).
    setMock(collection, "load", (properties: string) =>
      OfficeMockObject.prototype.load.call(collection, properties.startsWith("items") ? "items" : properties),
    );
    setMock(collection, "getItem", (name: string) => this.worksheet(this.sheet(name).name));
    setMock(collection, "add", (name: string) => {
      if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
      this.sheets.push({ name, cells: [], tables: [] });
      refreshItems();
      return this.worksheet(name);
    });
    return collection;
  }

  private settingsCollection(): OfficeMockObject {
    const settings = this.track(new OfficeMockObject({}));
    setMock(settings, "getItemOrNullObject", (key: string) => {
      const present = key in this.settingsStore;
      const setting = this.track(new OfficeMockObject({ value: present ? this.settingsStore[key] : "", isNullObject: !present }));
      // Office.js fills isNullObject on every sync; the mock needs it loaded explicitly.
      setMock(setting, "load", (properties: string) => OfficeMockObject.prototype.load.call(setting, `${properties}, isNullObject`));
      return setting;
    });
    setMock(settings, "add", (key: string, value: unknown) => {
      this.settingsStore[key] = value;
    });
    return settings;
  }
}
