/**
 * The start screen and "Insert example" in the built pane (dist/taskpane.html), headless Chromium, with the
 * fake Excel host (test/e2e/fake-excel.js). The workbook is the user's: a budget table and a sheet that
 * already has the example's name, with the selection on an empty cell. Inserting the example must create
 * a new sheet, leave every cell, format and table of the user's sheets as they were, and end on the
 * summary of the example list — the engine's numbers for examples/suppliers.csv, worked out here in Node.
 * The start screen passes axe-core and fits the pane; pictures of it and of the pane on the example list
 * are saved for the docs.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { scoreRows, summarizePortfolio, type Portfolio } from "../../src/engine";
import { mapColumns, readRecords } from "../../src/engine/columns";

import { ROOT, collectErrors, offlineContext, useBrowserAndServer, FAKE_EXCEL, realErrors, distRules } from "./harness";
import { PANE_WIDTH, PICTURE_SCALE, PICTURE_WIDTH, pictureOfPane, pngSize } from "./pictures";

const AS_OF = "2026-11-20";
const CSV = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "examples", "suppliers.csv"), "utf8"), { skipEmptyLines: true }).data;

type Cell = string | number | null;
const SPEC = {
  sheets: [
    {
      name: "Budget",
      cells: [["Line", "Amount"], ["Travel", 120000], ["Tooling", 45000]] as Cell[][],
      tables: [{ name: "BudgetLines", row: 0, column: 0, rows: 3, columns: 2 }],
    },
    { name: "Example suppliers", cells: [["My own notes, not the example"]] as Cell[][] },
  ],
  selection: { sheet: "Budget", row: 12, column: 6 },
};

interface FakeSheet {
  name: string;
  cells: Cell[][];
  formats: string[][];
  tables: { name: string }[];
  charts: unknown[];
}
type FakeWindow = { __fakeExcel: { book: { sheets: FakeSheet[] }; log: { writes: { sheet: string; property: string }[]; selections: string[]; activated: string[] } } };

const e2e = useBrowserAndServer();

function expectedPortfolio(): Portfolio {
  const [header, ...body] = CSV;
  const mapped = mapColumns(header);
  if (!mapped.ok) throw new Error("no commodity column");
  const { records } = readRecords(body, mapped.map);
  const results = scoreRows(records.map((r) => r.input), distRules(), { asOf: AS_OF, suspensionsEnded: false });
  return summarizePortfolio(records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })), results);
}

test("with no table under the selection the pane offers the example; Insert example writes it to a new sheet, touches nothing of the user's, and analyses it", async () => {
  const context = await offlineContext(e2e.browser, { width: PANE_WIDTH, height: 1200, scale: PICTURE_SCALE });
  const page = await context.newPage();
  const errors = await collectErrors(page);
  await page.addInitScript({ content: `${FAKE_EXCEL};\ninstallFakeExcel(${JSON.stringify(SPEC)});` });
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForSelector("#start-section:not([hidden])", { timeout: 20_000 });
  await page.fill("#as-of", AS_OF);
  await page.dispatchEvent("#as-of", "change");

  const lines = await page.locator("#start-section p").allInnerTexts();
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`example of ${CSV.length - 1} suppliers on a new sheet`);
  expect(await page.locator("#summary-section").isHidden()).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  e2e.server.routes.set("/axe.min.js", { headers: { "Content-Type": "text/javascript" }, body: fs.readFileSync(require.resolve("axe-core/axe.min.js")) });
  await page.addScriptTag({ url: `${e2e.server.url}axe.min.js` });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    const result = await axe.run(document.getElementById("start-section")!, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  const startPicture = await pictureOfPane(page, "start-screen.png", "header", "#source-section");
  expect(pngSize(startPicture).width).toBe(PICTURE_WIDTH);

  const userSheets = () => page.evaluate(() => JSON.stringify((window as unknown as FakeWindow).__fakeExcel.book.sheets.filter((s) => s.name === "Budget" || s.name === "Example suppliers")));
  const before = await userSheets();
  await page.click("#insert-example");
  await page.waitForSelector("#overall-score", { timeout: 20_000 });
  await page.waitForFunction((asOf) => document.getElementById("status")?.textContent?.includes(`as of ${asOf}`), AS_OF);

  // A new sheet, named afresh; the user's two sheets byte for byte as they were; every write on the new sheet.
  const state = await page.evaluate(() => {
    const fake = (window as unknown as FakeWindow).__fakeExcel;
    return { names: fake.book.sheets.map((s) => s.name), log: fake.log, inserted: fake.book.sheets[2] };
  });
  expect(state.names).toEqual(["Budget", "Example suppliers", "Example suppliers (2)"]);
  expect(await userSheets()).toBe(before);
  expect(new Set(state.log.writes.map((w) => w.sheet))).toEqual(new Set(["Example suppliers (2)"]));
  expect(state.log.selections).toEqual(["'Example suppliers (2)'!A2:A2"]);
  expect(state.log.activated).toContain("Example suppliers (2)");
  expect(state.inserted.cells[0]).toEqual(CSV[0]);
  expect(state.inserted.cells).toHaveLength(CSV.length);
  expect(state.inserted.tables).toHaveLength(1);

  // The summary is the engine's for the example list.
  const expected = expectedPortfolio();
  expect(await page.locator("#source-label").innerText()).toBe(`Table Table100 'Example suppliers (2)'!A1:J${CSV.length} · ${CSV.length - 1} suppliers`);
  expect(await page.locator("#overall-score").innerText()).toBe(expected.spendWeightedScore!.toFixed(1));
  expect(await page.locator("#count-scored").innerText()).toBe(String(expected.counts.scored));
  expect(await page.locator("#count-unmatched").innerText()).toBe(String(expected.counts.unmatched));
  expect(await page.locator("#count-errors").innerText()).toBe(String(expected.counts.errors));
  expect(await page.locator("#top-suppliers .cp-top-supplier").allInnerTexts()).toEqual(expected.topRows.map((row) => row.supplier));
  expect(await page.locator("#start-section").isHidden()).toBe(true);
  expect(realErrors(errors)).toEqual([]);

  expect(pngSize(await pictureOfPane(page, "pane-example.png", "header", ".cp-category-table")).width).toBe(PICTURE_WIDTH);
  await context.close();
});

test("the example list is fetched from the add-in's own server only when inserted; if that fails the pane says so and a second click works", async () => {
  const context = await offlineContext(e2e.browser, { width: PANE_WIDTH, height: 1000 });
  const page = await context.newPage();
  const errors = await collectErrors(page);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.addInitScript({ content: `${FAKE_EXCEL};\ninstallFakeExcel(${JSON.stringify(SPEC)});` });
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForSelector("#start-section:not([hidden])", { timeout: 20_000 });
  expect(scripts).not.toContain("/example.js");

  e2e.server.routes.set("/example.js", { status: 503, body: "unavailable" });
  try {
    await page.click("#insert-example");
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("could not be loaded"));
  } finally {
    e2e.server.routes.delete("/example.js");
  }
  expect(await page.locator("#status").innerText()).toMatch(/^This part of the add-in could not be loaded from its server \(.+\)\. Check the connection and try again; nothing was changed\.$/);
  expect(await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.book.sheets.map((s) => s.name))).toEqual(["Budget", "Example suppliers"]);
  expect(await page.locator("#insert-example").isEnabled()).toBe(true);

  await page.click("#insert-example");
  await page.waitForSelector("#overall-score", { timeout: 20_000 });
  expect(scripts.filter((s) => s === "/example.js").length).toBe(2);
  expect(await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.book.sheets.map((s) => s.name))).toEqual(["Budget", "Example suppliers", "Example suppliers (2)"]);
  // The failed fetch is the only error: Chromium logs the refused script.
  expect(realErrors(errors).filter((e) => !/example\.js|503/.test(e))).toEqual([]);
  await context.close();
});
