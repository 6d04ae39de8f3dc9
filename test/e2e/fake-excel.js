/**
 * A small in-memory Excel host for headless-Chromium tests, installed with page.addInitScript before the
 * pane loads. It implements only the Excel.run / context / worksheet / range / table / settings / chart
 * calls the task pane makes, follows Office.js's load-then-sync rule for the properties the pane reads,
 * and records every write, selection and activation in window.__fakeExcel.log.
 *
 * Values written to a range are stored the way Excel stores them: text written into a cell that is not
 * formatted as text ("@") is read as if typed (en-US), so `050400` becomes 50400, `8505.11` a number and
 * `2026-06-01` or `3-4` a date serial; a leading apostrophe marks text and is not kept. Number formats
 * set on a range apply to values written after them, as the queued commands of one batch do.
 *
 * Excel data types: `Range.valuesAsJson` stores each value as given (a value marked `writable: false` is
 * skipped, as Excel skips it) and `Range.values` reads a data type as its basic value (#VALUE! for an
 * entity). With `excelApi` (e.g. "1.15") the fake is a host of that version: Office.context.requirements
 * answers for it (installed before Office.js loads, which outside Excel has no requirements), and below
 * 1.16 setting valuesAsJson throws, as a missing API does. Without `excelApi`, Office cannot say, and the
 * add-in takes every API as present.
 *
 *   installFakeExcel({ sheets: [{ name, cells, tables: [{ name, row, column, rows, columns }] }], settings: { key: value },
 *                      selection: { sheet, row, column }, excelApi })
 */
/* global window */
(function () {
  "use strict";

  function columnLetter(index) {
    let n = index + 1;
    let letters = "";
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return letters;
  }

  const DAY_MS = 86400000;
  const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
  const MOCK_YEAR = 2026;

  function serial(year, month, day) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return Math.round((date.getTime() - EXCEL_EPOCH_MS) / DAY_MS);
  }

  /** What Excel keeps when `value` is written into a cell with `numberFormat` (see the file comment). */
  function excelStores(value, numberFormat) {
    if (typeof value !== "string") return value;
    if (value.startsWith("'")) return value.slice(1);
    if (numberFormat === "@") return value;
    const text = value.trim();
    if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
    if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(text)) return Number(text.replace(/,/g, ""));
    const percent = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(text);
    if (percent) return Number(percent[1]) / 100;
    if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const isoSerial = iso ? serial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
    if (isoSerial !== null) return isoSerial;
    const monthDay = /^(\d{1,2})[-/](\d{1,2})$/.exec(text);
    const monthDaySerial = monthDay ? serial(MOCK_YEAR, Number(monthDay[1]), Number(monthDay[2])) : null;
    return monthDaySerial === null ? value : monthDaySerial;
  }

  const minor = (version) => Number(String(version).split(".")[1] || 0);

  /** Makes Office.context.requirements answer as a host of ExcelApi `excelApi` (see the file comment). */
  function answerRequirementsAs(excelApi) {
    const requirements = { isSetSupported: (set, version) => set !== "ExcelApi" || minor(version || "1.1") <= minor(excelApi) };
    // Office.js outside Excel defines Office.context itself (an accessor over an object without
    // requirements), so the fake answers through views: the page sees Office, and Office.context, with
    // `requirements` filled in where Office.js has none; everything else is Office.js's own.
    const contextView = (context) =>
      context === undefined || context === null
        ? { requirements }
        : new Proxy(context, { get: (target, name) => (name === "requirements" && target.requirements === undefined ? requirements : Reflect.get(target, name)) });
    const views = new WeakMap();
    const officeView = (office) => {
      if (!views.has(office)) views.set(office, new Proxy(office, { get: (target, name) => (name === "context" ? contextView(target.context) : Reflect.get(target, name)) }));
      return views.get(office);
    };
    let office;
    Object.defineProperty(window, "Office", {
      configurable: true,
      get: () => (office && typeof office === "object" ? officeView(office) : office),
      set: (value) => { office = value; },
    });
  }

  /** What Range.values reads from a stored cell: a data type's basic value. */
  function plainValue(v) {
    if (v !== null && typeof v === "object") return v.basicValue === undefined ? "#VALUE!" : v.basicValue;
    return v === undefined || v === null ? "" : v;
  }

  function quoteSheet(name) {
    return /^[A-Za-z0-9_]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  function installFakeExcel(spec) {
    const log = { writes: [], selections: [], activated: [], syncs: 0 };
    const hasValuesAsJson = spec.excelApi === undefined || minor(spec.excelApi) >= 16;
    if (spec.excelApi !== undefined) answerRequirementsAs(spec.excelApi);
    const book = {
      sheets: spec.sheets.map((s) => ({ name: s.name, cells: s.cells.map((r) => r.slice()), formats: [], tables: (s.tables || []).slice(), charts: [] })),
      selection: Object.assign({}, spec.selection),
      settings: Object.assign({}, spec.settings || {}),
    };

    function sheetData(name) {
      const sheet = book.sheets.find((s) => s.name === name);
      if (!sheet) throw Object.assign(new Error("The requested resource doesn't exist: " + name), { code: "ItemNotFound" });
      return sheet;
    }

    function isFilled(sheet, r, c) {
      const v = sheet.cells[r] && sheet.cells[r][c];
      return v !== undefined && v !== null && v !== "";
    }

    /** Properties listed here may be read only after load(...) and context.sync(), as in Office.js. */
    function loadable(object, context, names) {
      const loaded = new Set();
      const pending = new Set();
      object.load = function (properties) {
        const list = typeof properties === "string" ? properties.split(",") : Array.isArray(properties) ? properties : Object.keys(properties || {});
        list.map((p) => p.trim().split("/")[0]).forEach((p) => pending.add(p));
        context._pending.push(() => pending.forEach((p) => loaded.add(p)));
        return object;
      };
      return function guard(name) {
        if (names.includes(name) && !loaded.has(name)) {
          throw Object.assign(new Error("The property '" + name + "' is not available. Call load() and context.sync() first."), { code: "PropertyNotLoaded" });
        }
      };
    }

    function makeContext() {
      const context = { _pending: [] };
      context.sync = async function () {
        log.syncs += 1;
        const pending = context._pending.splice(0);
        pending.forEach((done) => done());
        await new Promise((resolve) => setTimeout(resolve, 0));
      };

      function range(sheetName, row, column, rows, columns) {
        const sheet = sheetData(sheetName);
        const address = quoteSheet(sheetName) + "!" + columnLetter(column) + (row + 1) + ":" + columnLetter(column + columns - 1) + (row + rows);
        const object = { _address: address, _box: { row, column, rows, columns } };
        const guard = loadable(object, context, ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values"]);
        const record = (property, value) => log.writes.push({ sheet: sheetName, address, property, value });
        const fields = { address, rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns };
        Object.keys(fields).forEach((key) => {
          Object.defineProperty(object, key, { get: () => (guard(key), fields[key]) });
        });
        Object.defineProperty(object, "values", {
          get() {
            guard("values");
            return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => plainValue(sheet.cells[row + r] && sheet.cells[row + r][column + c])));
          },
          set(values) {
            record("values", values);
            values.forEach((line, r) => {
              sheet.cells[row + r] = sheet.cells[row + r] || [];
              const formats = sheet.formats[row + r] || [];
              line.forEach((v, c) => {
                sheet.cells[row + r][column + c] = excelStores(v, formats[column + c] || "General");
              });
            });
          },
        });
        Object.defineProperty(object, "valuesAsJson", {
          set(values) {
            if (!hasValuesAsJson) throw Object.assign(new Error("Range.valuesAsJson is not available: it needs ExcelApi 1.16"), { code: "ApiNotFound" });
            record("valuesAsJson", values);
            values.forEach((line, r) => {
              sheet.cells[row + r] = sheet.cells[row + r] || [];
              line.forEach((v, c) => {
                if (v && v.writable === false) return;
                sheet.cells[row + r][column + c] = v;
              });
            });
          },
          get() {
            throw new Error("the fake does not read valuesAsJson");
          },
        });
        Object.defineProperty(object, "numberFormat", {
          set(value) {
            record("numberFormat", value);
            value.forEach((line, r) => {
              sheet.formats[row + r] = sheet.formats[row + r] || [];
              line.forEach((format, c) => {
                sheet.formats[row + r][column + c] = format;
              });
            });
          },
          get: () => [],
        });
        const font = {};
        ["bold", "size", "color"].forEach((p) => Object.defineProperty(font, p, { set(v) { record("font." + p, v); }, get: () => undefined }));
        object.format = { font, autofitColumns: () => record("autofitColumns", true) };
        object.worksheet = worksheet(sheetName);
        object.select = () => {
          book.selection = { sheet: sheetName, row, column };
          log.selections.push(address);
        };
        object.getSurroundingRegion = () => {
          let top = row, bottom = row, left = column, right = column;
          for (let grew = true; grew; ) {
            grew = false;
            const rowHas = (r) => { for (let c = left - 1; c <= right + 1; c++) if (isFilled(sheet, r, c)) return true; return false; };
            const colHas = (c) => { for (let r = top - 1; r <= bottom + 1; r++) if (isFilled(sheet, r, c)) return true; return false; };
            if (top > 0 && rowHas(top - 1)) { top--; grew = true; }
            if (rowHas(bottom + 1)) { bottom++; grew = true; }
            if (left > 0 && colHas(left - 1)) { left--; grew = true; }
            if (colHas(right + 1)) { right++; grew = true; }
          }
          return range(sheetName, top, left, bottom - top + 1, right - left + 1);
        };
        object.getTables = () => {
          const hits = sheet.tables.filter((t) => row >= t.row && row < t.row + t.rows && column >= t.column && column < t.column + t.columns);
          return {
            getCount: () => {
              const result = {};
              const guardCount = loadable(result, context, []);
              void guardCount;
              context._pending.push(() => { result.value = hits.length; });
              return result;
            },
            getFirst: () => {
              const t = hits[0];
              if (!t) throw Object.assign(new Error("No table"), { code: "ItemNotFound" });
              const table = {};
              const guardTable = loadable(table, context, ["name"]);
              Object.defineProperty(table, "name", { get: () => (guardTable("name"), t.name) });
              table.getRange = () => range(sheetName, t.row, t.column, t.rows, t.columns);
              return table;
            },
          };
        };
        return object;
      }

      const worksheetObjects = new Map();
      function worksheet(name) {
        if (worksheetObjects.has(name)) return worksheetObjects.get(name);
        const sheet = sheetData(name);
        const object = {};
        loadable(object, context, []);
        Object.defineProperty(object, "name", { get: () => name });
        object.getRangeByIndexes = (r, c, rows, columns) => range(name, r, c, rows, columns);
        object.getRange = (address) => {
          const m = /^([A-Z]+)(\d+)$/.exec(address);
          if (!m) throw new Error("fake getRange takes one cell, got " + address);
          const column = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          return range(name, Number(m[2]) - 1, column, 1, 1);
        };
        object.activate = () => log.activated.push(name);
        object.tables = {
          add(target, hasHeaders) {
            const address = typeof target === "string" ? target : target._address;
            const table = { name: "Table" + (sheet.tables.length + 100), style: "" , hasHeaders, address };
            // Over a range object the table knows its cells, so a selection inside it finds it, as in Excel.
            const box = typeof target === "object" && target._box ? target._box : { row: 0, column: 0, rows: 0, columns: 0 };
            sheet.tables.push(Object.assign({}, box, table));
            log.writes.push({ sheet: name, property: "tables.add", value: address });
            return table;
          },
        };
        object.charts = {
          add(type, source, seriesBy) {
            const chart = { type, seriesBy, source: source._address, title: { text: "" }, legend: { visible: true }, setPosition(start, end) { chart.position = [start, end]; } };
            sheet.charts.push(chart);
            log.writes.push({ sheet: name, property: "charts.add", value: type });
            return chart;
          },
        };
        worksheetObjects.set(name, object);
        return object;
      }

      const worksheets = {};
      loadable(worksheets, context, []);
      Object.defineProperty(worksheets, "items", { get: () => book.sheets.map((s) => worksheet(s.name)) });
      worksheets.getItem = (name) => worksheet(name);
      worksheets.add = (name) => {
        if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
          throw Object.assign(new Error("A sheet named " + name + " already exists"), { code: "ItemAlreadyExists" });
        }
        book.sheets.push({ name, cells: [], formats: [], tables: [], charts: [] });
        log.writes.push({ sheet: name, property: "worksheets.add", value: name });
        return worksheet(name);
      };

      const settings = {
        getItemOrNullObject(key) {
          const present = Object.prototype.hasOwnProperty.call(book.settings, key);
          const setting = { isNullObject: !present, value: present ? book.settings[key] : null };
          loadable(setting, context, []);
          return setting;
        },
        add(key, value) {
          book.settings[key] = value;
        },
      };

      context.workbook = {
        getSelectedRange: () => range(book.selection.sheet, book.selection.row, book.selection.column, 1, 1),
        worksheets,
        settings,
      };
      return context;
    }

    window.Excel = {
      run: async (callback) => callback(makeContext()),
      ChartType: { barClustered: "BarClustered" },
      ChartSeriesBy: { columns: "Columns" },
    };
    window.__fakeExcel = { book, log };
    return window.__fakeExcel;
  }

  window.installFakeExcel = installFakeExcel;
})();
