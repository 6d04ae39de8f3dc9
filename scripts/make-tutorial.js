#!/usr/bin/env node
/**
 * Builds examples/chokepoint-tutorial.xlsx from examples/suppliers.csv: the example list as the Excel table
 * "Suppliers" with every CHOKEPOINT formula typed beside it, a sheet "One item" with the formulas that answer
 * for one commodity, and a "Try it" sheet saying what each column shows. Never edit the workbook by hand:
 * change this script and run `npm run examples` (a test compares the committed file with a fresh build).
 *
 * How the formulas are stored. The formula bar shows `=CHOKEPOINT.SCORE(…)`; the file holds what Excel itself
 * saves for a JavaScript custom function, `_xldudf_CHOKEPOINT_SCORE(…)`, which Excel maps back to the
 * add-in's function when the add-in loads (a formula stored under its display name stays #NAME? even after
 * the add-in loads). A spilled range `E2#` is stored as `_xlfn.ANCHORARRAY(E2)`, and every formula is a
 * dynamic array (scripts/xlsx-package.js). The workbook asks Excel to calculate everything on opening.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { readExampleList, newExampleWorkbook, addSupplierSheet } = require("./make-example-xlsx");
const { packageXlsx } = require("./xlsx-package");

const root = path.join(__dirname, "..");
const TUTORIAL_PATH = path.join(root, "examples", "chokepoint-tutorial.xlsx");

const NAMESPACE = "CHOKEPOINT";
const TABLE = "Suppliers";
/** The asOf comparison: a week before and the day after the end of the US suspension (No. 46/2024 cl. 2). */
const BEFORE = new Date(Date.UTC(2026, 10, 20));
const AFTER = new Date(Date.UTC(2026, 10, 28));

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const HEADER_FONT = { bold: true };

/** `=CHOKEPOINT.SCORE(A2#)` as typed → the formula text the file stores (see the file comment). */
function fileFormula(typed) {
  return typed
    .replace(/^=/, "")
    .replace(new RegExp(`\\b${NAMESPACE}\\.([A-Z]+)\\(`, "g"), `_xldudf_${NAMESPACE}_$1(`)
    .replace(/(\$?[A-Z]{1,3}\$?\d+)#/g, "_xlfn.ANCHORARRAY($1)");
}

/** The formula text the file stores → as the formula bar shows it once the add-in is loaded. */
function typedFormula(stored) {
  return `=${stored
    .replace(new RegExp(`_xldudf_${NAMESPACE}_([A-Z]+)\\(`, "g"), `${NAMESPACE}.$1(`)
    .replace(/_xlfn\.ANCHORARRAY\((\$?[A-Z]{1,3}\$?\d+)\)/g, "$1#")}`;
}

function call(fn, args) {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === "") list.pop();
  return `=${NAMESPACE}.${fn}(${list.join(", ")})`;
}

function columnLetter(index) {
  let n = index;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const column = (name) => `${TABLE}[${name}]`;
const ROW_ARGUMENTS = ["Commodity", "Supplier country", "Site country", "China input share", "China technology", "China equipment", "China personnel"].map(column);

/**
 * The formula columns beside the table, left to right. Each spills down one row per supplier and across
 * `headers.length` columns. `asOf` names the header cell holding the date the column scores on.
 */
function supplierFormulaColumns() {
  return [
    { fn: "SCORE", args: [...ROW_ARGUMENTS, "", column("Supplier")], headers: ["Score"], formats: ["0.0"], widths: [8], shows: "Overall exposure 0–100 of each row, today; a supplier on China's lists scores higher." },
    { fn: "BREAKDOWN", args: [...ROW_ARGUMENTS, "", column("Supplier")], headers: ["Minerals", "Technology", "Equipment", "Personnel"], formats: ["0.0", "0.0", "0.0", "0.0"], widths: [10, 11, 11, 10], shows: "The four category scores the overall score combines; spills four columns." },
    { fn: "EXPLAIN", args: [...ROW_ARGUMENTS, "", column("Supplier")], headers: ["Why"], formats: [null], widths: [70], shows: "One line per row: what the commodity was read as, the controls that fired, their status and dates." },
    { fn: "MATCH", args: [column("Commodity")], headers: ["Read as"], formats: [null], widths: [30], shows: "The item of the rules each commodity text was read as; #N/A when nothing matches." },
    { fn: "CHINASHARE", args: [column("Commodity")], headers: ["China's share", "Year", "Figure for"], formats: ["0%", "0", null], widths: [13, 7, 26], shows: "China's share of world supply, the year of the figure and whose figure it is; spills three columns." },
    { fn: "SCREEN", args: [column("Supplier"), column("Supplier country")], headers: ["On China's lists?", "Listed name", "List", "Notice", "Notice date", "Standing", "Source"], formats: [null, null, null, null, null, null, null], widths: [16, 24, 24, 12, 12, 12, 24], shows: "Whether each supplier is on one of China's entity lists: listed, possible (check it) or none; spills seven columns." },
    { fn: "PROFILE", args: [column("Commodity"), column("Supplier country"), column("Site country")], headers: ["Card"], formats: [null], widths: [28], shows: "A card per row (an Excel data type): click its icon for scores, shares, controls and warnings. Needs Excel with data types." },
  ];
}

function styleHeader(cell) {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.alignment = { vertical: "bottom" };
}

/** Writes a dynamic-array formula into `cell`: the file form, anchored at the cell (Excel works out the spill). */
function putFormula(cell, typed) {
  cell.value = { formula: fileFormula(typed), shareType: "array", ref: cell.address };
}

/** The supplier sheet: the table in A:J, a blank column, then the formula columns and the date comparison. */
function buildSupplierSheet(workbook, list) {
  const sheet = addSupplierSheet(workbook, list, [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "B2" }]);
  const firstDataRow = 2;
  let next = list.headers.length + 2;
  sheet.getColumn(next - 1).width = 3;
  const documented = [];

  for (const spec of supplierFormulaColumns()) {
    const typed = call(spec.fn, spec.args);
    spec.headers.forEach((label, i) => {
      const header = sheet.getCell(1, next + i);
      header.value = label;
      styleHeader(header);
      const col = sheet.getColumn(next + i);
      col.width = spec.widths[i];
      if (spec.formats[i]) col.numFmt = spec.formats[i];
    });
    putFormula(sheet.getCell(firstDataRow, next), typed);
    documented.push({ where: `Suppliers!${columnLetter(next)}${firstDataRow}`, typed, shows: spec.shows });
    next += spec.headers.length;
  }

  // Today against a later date: the same rows scored on the two dates in the header cells, and the move.
  const dates = [BEFORE, AFTER].map((date, i) => {
    const header = sheet.getCell(1, next + i);
    header.value = date;
    header.numFmt = '"Score on "yyyy-mm-dd';
    styleHeader(header);
    sheet.getColumn(next + i).width = 20;
    sheet.getColumn(next + i).numFmt = "0.0";
    return { column: next + i, ref: `$${columnLetter(next + i)}$1` };
  });
  for (const [i, date] of dates.entries()) {
    const args = [...ROW_ARGUMENTS, date.ref, column("Supplier")];
    const typed = call("SCORE", args);
    putFormula(sheet.getCell(firstDataRow, date.column), typed);
    documented.push({
      where: `Suppliers!${columnLetter(date.column)}${firstDataRow}`,
      typed,
      shows: i === 0 ? `Every row scored on the date in ${columnLetter(date.column)}1 (${BEFORE.toISOString().slice(0, 10)}): type another date there.` : `The same rows on the date in ${columnLetter(date.column)}1 (${AFTER.toISOString().slice(0, 10)}, the day the US suspension of No. 46/2024 cl. 2 has ended).`,
    });
  }
  const moveColumn = next + 2;
  const move = sheet.getCell(1, moveColumn);
  move.value = "Move";
  styleHeader(move);
  sheet.getColumn(moveColumn).width = 8;
  sheet.getColumn(moveColumn).numFmt = "+0.0;-0.0;0";
  const [beforeAnchor, afterAnchor] = dates.map((date) => `${columnLetter(date.column)}${firstDataRow}`);
  const moveTyped = `=${afterAnchor}# - ${beforeAnchor}#`;
  putFormula(sheet.getCell(firstDataRow, moveColumn), moveTyped);
  documented.push({ where: `Suppliers!${columnLetter(moveColumn)}${firstDataRow}`, typed: moveTyped, shows: "How far each row moves between the two dates (the GaN and germanium rows bought for US plants move on 28 Nov 2026)." });
  return documented;
}

/** The sheet "One item": inputs in B1:B3, then the formulas that answer for one commodity. */
function buildOneItemSheet(workbook) {
  const sheet = workbook.addWorksheet("One item", { views: [{ activeCell: "B1" }] });
  const documented = [];
  const label = (address, text) => {
    const cell = sheet.getCell(address);
    cell.value = text;
    cell.font = HEADER_FONT;
  };
  label("A1", "Commodity");
  sheet.getCell("B1").value = "gallium";
  label("A2", "Your plant's country");
  sheet.getCell("B2").value = "United States";
  label("A3", "Date (empty: today)");
  sheet.getCell("B3").numFmt = "yyyy-mm-dd";
  label("A4", "Rules in use");
  label("D1", "China's share (the figure the score uses)");
  label("D2", "China's share of processing");
  sheet.getCell("E1").numFmt = "0%";
  sheet.getCell("E2").numFmt = "0%";

  const single = [
    ["E1", call("CHINASHARE", ["B1"]), "China's share of world supply for the commodity in B1: share, year, whose figure."],
    ["E2", call("CHINASHARE", ["B1", '"processing"']), 'The same for one stage, "processing" or "mining"; #N/A when the rules have no figure for that stage, never 0 (try "mining").'],
    ["B4", call("RULESVERSION", []), "Which rules every formula uses; updates when the rules are refreshed."],
  ];
  for (const [address, typed, shows] of single) {
    putFormula(sheet.getCell(address), typed);
    documented.push({ where: `'One item'!${address}`, typed, shows });
  }

  const tables = [
    { at: 1, title: "Controls on the date", headers: ["Control", "Title", "Category", "Status", "Effective", "Source"], widths: [24, 44, 12, 11, 11, 30], typed: call("CONTROLS", ["B1", "B2", "B3"]), shows: "The controls that apply to the commodity in B1 for a plant in B2 on the date in B3, strongest first." },
    { at: 8, title: "Producers outside China", headers: ["Country", "Share", "Year", "Source"], widths: [22, 8, 7, 30], formats: { 1: "0.0%" }, typed: call("ALTERNATIVES", ["B1", "", "5"]), shows: "The five largest producers outside China at the item's binding stage." },
    { at: 13, title: "Status changes in the next 90 days", headers: ["Date", "Control", "Title", "Before", "After", "Source", "Confirmed?"], widths: [11, 24, 40, 11, 11, 30, 40], typed: call("CHANGES", ["90"]), shows: "Every control whose status changes in the next 90 days, soonest first." },
  ];
  const titleRow = 6;
  for (const table of tables) {
    label(`${columnLetter(table.at)}${titleRow}`, table.title);
    table.headers.forEach((text, i) => {
      const cell = sheet.getCell(titleRow + 1, table.at + i);
      cell.value = text;
      styleHeader(cell);
      sheet.getColumn(table.at + i).width = Math.max(sheet.getColumn(table.at + i).width ?? 0, table.widths[i]);
      if (table.formats?.[i]) sheet.getColumn(table.at + i).numFmt = table.formats[i];
    });
    const anchor = `${columnLetter(table.at)}${titleRow + 2}`;
    putFormula(sheet.getCell(anchor), table.typed);
    documented.push({ where: `'One item'!${anchor}`, typed: table.typed, shows: table.shows });
  }
  return documented;
}

function buildTryItSheet(sheet, documented, supplierCount) {
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 70;
  sheet.getColumn(3).width = 90;
  const lines = [
    ["Chokepoint tutorial"],
    [`The sheet Suppliers holds an example list of ${supplierCount} invented suppliers; the columns after it hold every CHOKEPOINT formula, already typed. The sheet One item answers for one commodity.`],
    ["The formulas calculate once the Chokepoint add-in is loaded. If the cells show #NAME? or a formula starting with _xldudf_, load the add-in (Home → Add-ins), then press Ctrl+Alt+F9."],
    [],
    ["Try it"],
    ["1. On Suppliers, type another commodity in a Commodity cell (for example gallium, 8505.11 or tungsten carbide): every formula column follows."],
    ["2. Type another date in the header of a \"Score on\" column: that column scores every row on that day, and Move shows the difference."],
    ["3. On One item, type a commodity in B1 and a country in B2: the controls, the producers outside China and the coming changes follow."],
    ["4. Open the pane (Home → Export-control exposure), select a cell in the Suppliers table and choose Analyse selection; Write report puts the results on a new sheet."],
    [],
    ["Cell", "Formula", "What it shows"],
    ...documented.map((entry) => [entry.where, entry.typed, entry.shows]),
    [],
    ["All functions, their arguments and worked examples: docs/functions.md. Getting started with the pane: docs/getting-started.md."],
  ];
  lines.forEach((values, i) => {
    const row = sheet.getRow(i + 1);
    row.values = values;
    // Formula text is shown as text: the cells hold strings, which Excel never runs.
    values.forEach((_, c) => {
      row.getCell(c + 1).numFmt = "@";
    });
  });
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A5").font = { bold: true, size: 12 };
  const headerRow = sheet.getRow(11);
  [1, 2, 3].forEach((c) => styleHeader(headerRow.getCell(c)));
}

/** The tutorial workbook's bytes; the same for the same inputs. */
async function buildTutorial() {
  const list = readExampleList();
  const workbook = newExampleWorkbook();
  workbook.title = "Chokepoint tutorial";
  const tryIt = workbook.addWorksheet("Try it");
  const documented = [...buildSupplierSheet(workbook, list), ...buildOneItemSheet(workbook)];
  buildTryItSheet(tryIt, documented, list.values.length);
  workbook.views = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
  workbook.calcProperties.fullCalcOnLoad = true;
  return packageXlsx(await workbook.xlsx.writeBuffer());
}

async function main() {
  fs.writeFileSync(TUTORIAL_PATH, await buildTutorial());
  console.log(`wrote ${path.relative(root, TUTORIAL_PATH)}`);
}

module.exports = { buildTutorial, fileFormula, typedFormula, TUTORIAL_PATH, NAMESPACE, TABLE };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
