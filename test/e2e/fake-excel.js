/**
 * A small in-memory Excel host for headless-Chromium tests, installed with page.addInitScript before the
 * pane loads. It implements only the Excel.run / context / worksheet / range / table / settings / chart
 * calls the task pane makes, follows Office.js's load-then-sync rule for the properties the pane reads,
 * and records every write, selection and activation in window.__fakeExcel.log.
 *
 *   installFakeExcel({ sheets: [{ name, cells, tables: [{ name, row, column, rows, columns }] }], settings: { key: value },
 *                      selection: { sheet, row, column } })
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

  function quoteSheet(name) {
    return /^[A-Za-z0-9_]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  function installFakeExcel(spec) {
    const log = { writes: [], selections: [], activated: [], syncs: 0 };
    const book = {
      sheets: spec.sheets.map((s) => ({ name: s.name, cells: s.cells.map((r) => r.slice()), tables: (s.tables || []).slice(), charts: [] })),
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
        const object = { _address: address };
        const guard = loadable(object, context, ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values"]);
        const record = (property, value) => log.writes.push({ sheet: sheetName, address, property, value });
        const fields = { address, rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns };
        Object.keys(fields).forEach((key) => {
          Object.defineProperty(object, key, { get: () => (guard(key), fields[key]) });
        });
        Object.defineProperty(object, "values", {
          get() {
            guard("values");
            return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => {
              const v = sheet.cells[row + r] && sheet.cells[row + r][column + c];
              return v === undefined || v === null ? "" : v;
            }));
          },
          set(values) {
            record("values", values);
            values.forEach((line, r) => {
              sheet.cells[row + r] = sheet.cells[row + r] || [];
              line.forEach((v, c) => {
                sheet.cells[row + r][column + c] = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
              });
            });
          },
        });
        Object.defineProperty(object, "numberFormat", { set(value) { record("numberFormat", value); }, get: () => [] });
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
            sheet.tables.push(Object.assign({ row: 0, column: 0, rows: 0, columns: 0 }, table));
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
        book.sheets.push({ name, cells: [], tables: [], charts: [] });
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
