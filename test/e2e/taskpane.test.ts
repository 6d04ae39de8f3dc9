/**
 * The real built pane (dist/taskpane.html) in headless Chromium, with a fake Excel host injected before
 * load (test/e2e/fake-excel.js). The expected numbers are computed here, in Node, with the same engine
 * functions on the same rows: the pane must show exactly those.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";

import { compileRules, scoreRows, summarizePortfolio, type Portfolio } from "../../src/engine";
import { alternativesFor, formatShare } from "../../src/engine/alternatives";
import { mapColumns, readRecords } from "../../src/engine/columns";
import { ROOT, useBrowserAndServer, openPaneOn, realErrors, distRulesJson } from "./harness";
import { checkedRules } from "../rules/checked";

const AS_OF = "2026-06-01";
const SHEET = "Suppliers";
/** The table sits at B3 (0-based row 2, column 1) under a title, as users often lay it out. */
const TABLE_ROW = 2;
const TABLE_COLUMN = 1;
const ARTIFACTS = path.join(__dirname, "artifacts");

type Cell = string | number | null;

function supplierTable(rows: number): { header: string[]; body: Cell[][] } {
  const csv = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "examples", "suppliers.csv"), "utf8"), { skipEmptyLines: true });
  const [header, ...examples] = csv.data;
  const body = Array.from({ length: rows }, (_, i) => {
    const row: Cell[] = [...examples[i % examples.length]];
    if (i >= examples.length) row[0] = `${row[0]} #${Math.floor(i / examples.length) + 1}`;
    return row;
  });
  return { header, body };
}

function sheetCells(table: { header: string[]; body: Cell[][] }): Cell[][] {
  const indent = (row: Cell[]) => [...Array(TABLE_COLUMN).fill(null), ...row];
  return [["Supplier list FY2026"], [], indent(table.header), ...table.body.map(indent)];
}

function expectedPortfolio(table: { header: string[]; body: Cell[][] }, rulesJson: unknown, asOf = AS_OF): Portfolio {
  const checked = checkedRules(rulesJson);
  const compiled = compileRules(checked);
  const mapped = mapColumns(table.header);
  if (!mapped.ok) throw new Error("no commodity column");
  const { records } = readRecords(table.body, mapped.map);
  const results = scoreRows(records.map((r) => r.input), compiled, { asOf, suspensionsEnded: false });
  return summarizePortfolio(records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })), results);
}

const TABLE = supplierTable(200);
const BUNDLED_RULES = distRulesJson();
const SPEC = {
  sheets: [
    {
      name: SHEET,
      cells: sheetCells(TABLE),
      tables: [{ name: "SupplierList", row: TABLE_ROW, column: TABLE_COLUMN, rows: TABLE.body.length + 1, columns: TABLE.header.length }],
    },
  ],
  selection: { sheet: SHEET, row: TABLE_ROW + 5, column: TABLE_COLUMN + 1 },
};

interface FakeExcelLog {
  writes: { sheet: string; property: string }[];
  selections: string[];
  activated: string[];
}
type FakeWindow = { __fakeExcel: { book: { sheets: { name: string; cells: Cell[][] }[] }; log: FakeExcelLog }; __pwned?: unknown };

const e2e = useBrowserAndServer();

beforeAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

const openPane = (width = 400) => openPaneOn(e2e, SPEC, { asOf: AS_OF, width });

test("the summary of a selected 200-row supplier table shows exactly the engine's numbers", async () => {
  const expected = expectedPortfolio(TABLE, BUNDLED_RULES);
  const { context, page, errors } = await openPane();
  const text = (selector: string) => page.locator(selector).innerText();

  expect(await text("#source-label")).toContain(`Table SupplierList ${SHEET}!B3:`);
  expect(await text("#overall-score")).toBe(expected.spendWeightedScore!.toFixed(1));
  expect(await text("#count-scored")).toBe(String(expected.counts.scored));
  expect(await text("#count-unmatched")).toBe(String(expected.counts.unmatched));
  expect(await text("#count-errors")).toBe(String(expected.counts.errors));
  expect(await text("#count-review")).toBe(String(expected.counts.reviewNeeded));
  expect(await text("#count-unconfirmed")).toBe(String(expected.counts.unconfirmed));
  expect(await text("#count-grade")).toBe(String(expected.counts.gradeDependent));
  expect(expected.counts.rows).toBe(200);

  const categoryCells = await page.locator(".cp-category-table tbody td").allInnerTexts();
  const categories = expected.categories!;
  expect(categoryCells).toEqual([categories.minerals, categories.technology, categories.equipment, categories.personnel].map((score) => score.toFixed(1)));
  const canvasLabel = await page.getAttribute("#category-chart", "aria-label");
  expect(canvasLabel).toContain("Exposure by category");

  const topScores = await page.locator("#top-suppliers .cp-score").allInnerTexts();
  expect(topScores).toEqual(expected.topRows.map((row) => row.score.toFixed(1)));
  const topSuppliers = await page.locator("#top-suppliers .cp-top-supplier").allInnerTexts();
  expect(topSuppliers).toEqual(expected.topRows.map((row) => row.supplier));
  const drivers = await page.locator("#top-suppliers .cp-top-driver").allInnerTexts();
  drivers.forEach((driver, i) => expect(driver).toContain(expected.topRows[i].leadingControl!.title));

  const itemRows = await page.locator("#by-item tbody th").allInnerTexts();
  expect(itemRows).toEqual(expected.byItem.filter((item) => item.maxScore > 0).map((item) => item.itemName));
  if (expected.unmatchedCommodities.length > 0) {
    const unmatched = await page.locator("#unmatched-list .cp-chip-text").allInnerTexts();
    expect(unmatched).toEqual(expected.unmatchedCommodities.map((u) => u.text));
  }

  // The as-of date and the what-if switch go back through the engine.
  await page.check("#suspensions-ended");
  await page.waitForFunction(() => document.body.getAttribute("aria-busy") === "false");
  const checked = checkedRules(BUNDLED_RULES);
  const mapped = mapColumns(TABLE.header);
  if (!mapped.ok) throw new Error("columns");
  const { records } = readRecords(TABLE.body, mapped.map);
  const whatIf = summarizePortfolio(
    records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })),
    scoreRows(records.map((r) => r.input), compileRules(checked), { asOf: AS_OF, suspensionsEnded: true }),
  );
  await page.waitForFunction((score) => document.getElementById("overall-score")?.textContent === score, whatIf.spendWeightedScore!.toFixed(1));

  const log = await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.log);
  expect(log.writes).toEqual([]);
  expect(realErrors(errors)).toEqual([]);
  await context.close();
});

test("'By controlled item' shows each item's binding stage, the share outside China and its top producers outside China", async () => {
  const expected = expectedPortfolio(TABLE, BUNDLED_RULES);
  const checked = checkedRules(BUNDLED_RULES);
  const compiled = compileRules(checked);
  const { context, page, errors } = await openPane();
  const controlled = expected.byItem.filter((item) => item.maxScore > 0);
  expect(controlled.length).toBeGreaterThan(3);
  const lines = await page.locator("#by-item .cp-alt-row").evaluateAll((rows) => rows.map((row) => ({ id: row.getAttribute("data-item-id"), text: row.textContent ?? "" })));
  expect(lines.map((line) => line.id)).toEqual(controlled.map((item) => item.itemId));
  for (const line of lines) {
    const answer = alternativesFor(compiled, line.id!)!.answer;
    if (answer === null) {
      expect(line.text).toContain("No producer figures in the rules.");
      continue;
    }
    const top = answer.supply.producers.find((producer) => producer.share !== null);
    expect(line.text).toContain(top ? `${top.countryName} ${formatShare(top.share!, top.qualifier)}` : "no country breakdown");
  }
  // shared/research/producers.md §13: NdFeB magnets bind at the refining of the neodymium they contain (IEA 2024, China 91.3%).
  expect(lines.find((line) => line.id === "ndfeb-magnet")?.text).toContain("Binds at refining of Neodymium (2024) · outside China 8.7% · Malaysia 4.5%");
  expect(realErrors(errors)).toEqual([]);
  await context.close();
});

test("after the November 2026 suspension end dates the pane lists the controls on an unconfirmed status and counts the rows", async () => {
  const { context, page } = await openPane();
  const later = "2026-12-01";
  await page.fill("#as-of", later);
  await page.dispatchEvent("#as-of", "change");
  await page.waitForFunction((asOf) => document.getElementById("status")?.textContent?.includes(`as of ${asOf}`), later);
  // Bundled edition 2026.11: the twelve controls No. 70 of 2025 suspended to 10 Nov 2026, and clause 2 of No. 46 of 2024 (to 27 Nov 2026).
  expect(await page.locator("#rules-unconfirmed .cp-banner-title").innerText()).toBe("13 controls count on an unconfirmed status on this date");
  expect(await page.locator("#rules-unconfirmed").innerText()).toContain("CN-2024-US-DUALUSE-2, No. 46/2024 cl. 2");
  const expected = expectedPortfolio(TABLE, BUNDLED_RULES, later);
  expect(expected.counts.unconfirmed).toBeGreaterThan(0);
  expect(await page.locator("#count-unconfirmed").innerText()).toBe(String(expected.counts.unconfirmed));
  await context.close();
});

test("choosing a top supplier selects its row in the sheet", async () => {
  const expected = expectedPortfolio(TABLE, BUNDLED_RULES);
  const { context, page } = await openPane();
  const pick = 2;
  await page.locator("#top-suppliers .cp-top-row").nth(pick).click();
  await page.waitForFunction(() => (window as unknown as FakeWindow).__fakeExcel.log.selections.length > 0);
  const log = await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.log);
  const sheetRow = TABLE_ROW + 1 + expected.topRows[pick].index + 1;
  const lastColumn = String.fromCharCode(65 + TABLE_COLUMN + TABLE.header.length - 1);
  expect(log.selections).toEqual([`${SHEET}!B${sheetRow}:${lastColumn}${sheetRow}`]);
  expect(log.activated).toEqual([SHEET]);
  expect(log.writes).toEqual([]);
  await context.close();
});

test("writing a report creates a new sheet with a table and a chart, and leaves the user's range untouched", async () => {
  const { context, page } = await openPane();
  const before = await page.evaluate((sheet) => JSON.stringify((window as unknown as FakeWindow).__fakeExcel.book.sheets.find((s) => s.name === sheet)!.cells), SHEET);
  await page.click("#write-report");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Report written"));
  await page.click("#write-report");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Chokepoint report (2)"));

  const state = await page.evaluate(() => {
    const fake = (window as unknown as FakeWindow).__fakeExcel;
    return { sheets: fake.book.sheets.map((s) => s.name), log: fake.log, book: fake.book };
  });
  expect(state.sheets).toEqual([SHEET, "Chokepoint report", "Chokepoint report (2)"]);
  expect(JSON.stringify(state.book.sheets[0].cells)).toBe(before);
  expect(state.log.writes.filter((w) => w.sheet === SHEET)).toEqual([]);
  const reportWrites = state.log.writes.filter((w) => w.sheet === "Chokepoint report").map((w) => w.property);
  expect(reportWrites).toEqual(expect.arrayContaining(["worksheets.add", "values", "charts.add", "tables.add"]));
  const report = state.book.sheets[1] as unknown as { cells: Cell[][]; charts: { type: string }[] };
  expect(report.charts.map((c) => c.type)).toEqual(["BarClustered"]);
  const headerRow = report.cells.findIndex((row) => row && row[0] === "Row" && row[1] === "Supplier");
  expect(headerRow).toBeGreaterThan(0);
  expect(report.cells.length - headerRow - 1).toBe(200);
  // The fake stores text as Excel reads typing unless the cell is formatted as text: the date stays text.
  expect(report.cells.find((row) => row && row[0] === "As of")?.[1]).toBe(AS_OF);
  expect(report.cells.slice(headerRow + 1).every((row) => typeof row[1] === "string" && typeof row[0] === "number")).toBe(true);

  // The Alternatives table sits to the right of the results, one column apart, under its title.
  const resultsWidth = report.cells[headerRow].findIndex((cell, i) => i > 0 && (cell === null || cell === undefined || cell === ""));
  const altColumn = resultsWidth + 1;
  expect(report.cells[headerRow - 1][altColumn]).toBe("Alternatives: where else each controlled item is produced");
  expect(report.cells[headerRow].slice(altColumn, altColumn + 3)).toEqual(["Item", "Binding stage", "Figure for"]);
  const controlled = expectedPortfolio(TABLE, BUNDLED_RULES).byItem.filter((item) => item.maxScore > 0);
  const altItems = report.cells.slice(headerRow + 1, headerRow + 1 + controlled.length).map((row) => row[altColumn]);
  expect(altItems).toEqual(controlled.map((item) => item.itemName));
  expect(report.cells[headerRow + 1 + controlled.length]?.[altColumn] ?? null).toBeNull();
  const magnets = report.cells[headerRow + 1 + controlled.findIndex((item) => item.itemId === "ndfeb-magnet")];
  // §13: IEA 2024 magnet rare-earth refining, China 91.3%; Malaysia 4.5%, United States 1.2%, Australia 0.0%.
  expect(magnets.slice(altColumn + 1, altColumn + 9)).toEqual([
    "refining", "Neodymium", "2024", "production", 0.913, 0.087, 8357, "Malaysia 4.5%; United States of America 1.2%; Australia 0%",
  ]);
  expect(reportWrites.filter((w) => w === "tables.add")).toHaveLength(2);
  await context.close();
});

test("titles and names from a rules file render as inert text", async () => {
  const payloadImg = "<img src=x onerror=\"window.__pwned='img'\">";
  const payloadScript = "<script>window.__pwned='script'</script>";
  const evil = JSON.parse(JSON.stringify(BUNDLED_RULES));
  evil.version = "evil-1";
  evil.publisher.name = `${payloadImg} Publisher ${payloadScript}`;
  for (const control of evil.controls) control.title = `${payloadImg}${control.title}${payloadScript}`;
  e2e.server.routes.set("/evil-rules.json", { headers: { "Content-Type": "application/json" }, body: JSON.stringify(evil) });

  const { context, page, errors } = await openPane();
  await page.locator("summary", { hasText: "Rules source settings" }).click();
  await page.fill("#rules-url", `${e2e.server.url}evil-rules.json`);
  await page.click("#save-settings");
  await page.waitForFunction(() => document.getElementById("rules-version")?.textContent === "evil-1", null, { timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector("#top-suppliers .cp-top-driver")?.textContent?.includes("<img"));

  expect(await page.locator("#rules-publisher").innerText()).toContain(payloadImg);
  expect(await page.locator("#top-suppliers .cp-top-driver").first().innerText()).toContain(payloadScript);
  expect(await page.locator("main img, main script").count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as FakeWindow).__pwned)).toBeUndefined();
  expect(realErrors(errors)).toEqual([]);
  await context.close();
});

test("a failed refresh shows why and keeps the rules; reset brings back the bundled rules", async () => {
  const hosted = JSON.parse(JSON.stringify(BUNDLED_RULES));
  hosted.version = "hosted-7";
  e2e.server.routes.set("/hosted-rules.json", { headers: { "Content-Type": "application/json" }, body: JSON.stringify(hosted) });
  const { context, page } = await openPane();
  await page.locator("summary", { hasText: "Rules source settings" }).click();
  await page.fill("#rules-url", `${e2e.server.url}hosted-rules.json`);
  await page.click("#save-settings");
  await page.waitForFunction(() => document.getElementById("rules-version")?.textContent === "hosted-7");

  e2e.server.routes.set("/hosted-rules.json", { status: 500, body: "down" });
  await page.click("#refresh-rules");
  await page.waitForSelector("#rules-error");
  expect(await page.locator("#rules-error").innerText()).toContain("HTTP 500");
  expect(await page.locator("#rules-version").innerText()).toBe("hosted-7");

  await page.click("#reset-rules");
  await page.waitForFunction((version) => document.getElementById("rules-version")?.textContent === version, BUNDLED_RULES.version);
  expect(await page.locator("#rules-error").count()).toBe(0);
  expect(await page.inputValue("#rules-url")).toBe("");
  e2e.server.routes.delete("/hosted-rules.json");
  await context.close();
});

test("a rules address that redirects is followed by the browser (a manual redirect is opaque there) and loads", async () => {
  const hosted = JSON.parse(JSON.stringify(BUNDLED_RULES));
  hosted.version = "moved-3";
  e2e.server.routes.set("/moved/rules.json", { headers: { "Content-Type": "application/json" }, body: JSON.stringify(hosted) });
  e2e.server.routes.set("/old/rules.json", { status: 302, headers: { Location: "/moved/rules.json" }, body: "" });
  const { context, page, errors } = await openPane();
  await page.locator("summary", { hasText: "Rules source settings" }).click();
  await page.fill("#rules-url", `${e2e.server.url}old/rules.json`);
  await page.click("#save-settings");
  await page.waitForFunction(() => document.getElementById("rules-version")?.textContent === "moved-3");
  expect(realErrors(errors)).toEqual([]);
  e2e.server.routes.delete("/moved/rules.json");
  e2e.server.routes.delete("/old/rules.json");
  await context.close();
});

test("axe-core finds no serious or critical accessibility violations; a 350 px screenshot is saved", async () => {
  const { context, page } = await openPane(350);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(350);
  // The page's CSP refuses inline scripts, so axe is served from the pane's own origin.
  e2e.server.routes.set("/axe.min.js", { headers: { "Content-Type": "text/javascript" }, body: fs.readFileSync(require.resolve("axe-core/axe.min.js")) });
  await page.addScriptTag({ url: `${e2e.server.url}axe.min.js` });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-350.png"), fullPage: true });
  await context.close();
});
