#!/usr/bin/env node
/**
 * Builds examples/suppliers.xlsx from examples/suppliers.csv: one sheet "Suppliers" holding an Excel table
 * (styled header, banded rows), shares as percent-formatted numbers and spend as numbers, the way an analyst's
 * workbook holds them; plus a "Read me" sheet. The supplier sheet is shared with the tutorial workbook
 * (scripts/make-tutorial.js). Run: npm run examples (or node scripts/make-example-xlsx.js)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const Papa = require("papaparse");
const ExcelJS = require("exceljs");
const { packageXlsx } = require("./xlsx-package");

const root = path.join(__dirname, "..");
const csvPath = path.join(root, "examples", "suppliers.csv");
const xlsxPath = path.join(root, "examples", "suppliers.xlsx");

const SHARE_COLUMNS = new Set(["China input share", "China technology", "China equipment", "China personnel"]);
const SPEND_COLUMN = "Annual spend (USD)";
/** The examples' workbooks are dated, so that building them twice gives the same file. */
const EXAMPLES_DATE = new Date(Date.UTC(2026, 0, 15));

/** "85%" → 0.85, "0.9" → 0.9; anything else stays as written so the scorer sees it as the analyst typed it. */
function shareValue(text) {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
}

function spendValue(text) {
  return /^[\d,]+(?:\.\d+)?$/.test(text) ? Number(text.replace(/,/g, "")) : text;
}

/** The example list as typed cells: { headers, values } (null for an empty cell). */
function readExampleList() {
  const parsed = Papa.parse(fs.readFileSync(csvPath, "utf8"), { skipEmptyLines: true });
  const [headers, ...rows] = parsed.data;
  const values = rows.map((row) =>
    row.map((cell, i) => {
      if (cell === "") return null;
      if (SHARE_COLUMNS.has(headers[i])) return shareValue(cell);
      if (headers[i] === SPEND_COLUMN) return spendValue(cell);
      return cell;
    }),
  );
  return { headers, values };
}

function newExampleWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Chokepoint examples";
  workbook.created = EXAMPLES_DATE;
  workbook.modified = EXAMPLES_DATE;
  return workbook;
}

/**
 * Adds the sheet "Suppliers" with the example list as the Excel table "Suppliers" from A1, and returns
 * the sheet. `views` overrides the sheet's view (frozen header row by default).
 */
function addSupplierSheet(workbook, { headers, values }, views = [{ state: "frozen", ySplit: 1 }]) {
  const sheet = workbook.addWorksheet("Suppliers", { views });
  sheet.addTable({
    name: "Suppliers",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: values,
  });
  headers.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = name === "Notes" ? 48 : name === "Supplier" || name === "Commodity" ? 34 : Math.max(14, name.length + 2);
    if (SHARE_COLUMNS.has(name)) column.numFmt = "0%";
    if (name === SPEND_COLUMN) column.numFmt = "#,##0";
    if (name === "Notes") column.alignment = { wrapText: true, vertical: "top" };
  });
  sheet.getRow(1).font = { bold: true, color: { argb: "FFFFFFFF" } };
  return sheet;
}

/** examples/suppliers.xlsx's bytes; the same for the same list. */
async function buildExampleWorkbook() {
  const list = readExampleList();
  const workbook = newExampleWorkbook();
  addSupplierSheet(workbook, list);

  const readme = workbook.addWorksheet("Read me");
  readme.getColumn(1).width = 100;
  [
    "Example supplier list for an EV and electronics maker (invented companies).",
    "Score it with: ./bin/chokepoint.js score examples/suppliers.xlsx (after npm install)",
    "Shares are fractions formatted as percentages; spend is annual, in US dollars.",
    "examples/chokepoint-tutorial.xlsx holds the same list with every CHOKEPOINT formula typed beside it.",
  ].forEach((line) => readme.addRow([line]));
  return packageXlsx(await workbook.xlsx.writeBuffer());
}

async function main() {
  fs.writeFileSync(xlsxPath, await buildExampleWorkbook());
  console.log(`wrote ${path.relative(root, xlsxPath)}`);
}

module.exports = { buildExampleWorkbook, readExampleList, newExampleWorkbook, addSupplierSheet, EXAMPLE_XLSX_PATH: xlsxPath };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
