/**
 * "What changed" and "Coming up" in the real built pane (dist/taskpane.html), headless Chromium, with the
 * fake Excel host (test/e2e/fake-excel.js) holding the example supplier list. The rows that move are stated
 * by reading the example list and the rules; the pane's numbers are checked against the engine's, as the
 * other pane tests do.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import type { BrowserContext, Page } from "playwright-core";
import { upcomingChanges, type PortfolioRowInput } from "../../src/engine";
import { impactOfDate } from "../../src/engine/date-impact";
import { mapColumns, readRecords } from "../../src/engine/columns";

import { ROOT, useBrowserAndServer, openPaneOn, realErrors, distRules, distRulesJson } from "./harness";

const SHEET = "Suppliers";
const AS_OF = "2026-09-01";
const BUNDLED_RULES = distRulesJson();
/** The control for the suspended clause of MOFCOM No. 46/2024 (one control in edition 2026.01, clause 2 in 2026.11). */
const US_CLAUSE = /^CN-2024-US-DUALUSE(-2)?$/;
/** Read off examples/suppliers.csv: the US-plant rows whose items (GaN, germanium) the US clause lists. */
const US_CLAUSE_ROWS = ["Crystal Valley Germanium Co.", "Pacific Wideband Devices Corp"];

type Cell = string | number | null;
const csv = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "examples", "suppliers.csv"), "utf8"), { skipEmptyLines: true }).data;
const [HEADER, ...BODY] = csv;
const SPEC = {
  sheets: [{ name: SHEET, cells: [HEADER, ...BODY] as Cell[][], tables: [{ name: "SupplierList", row: 0, column: 0, rows: BODY.length + 1, columns: HEADER.length }] }],
  selection: { sheet: SHEET, row: 3, column: 1 },
};

interface FakeLog {
  writes: { sheet: string; property: string }[];
  selections: string[];
}
type FakeWindow = { __fakeExcel: { book: { sheets: { name: string; cells: Cell[][] }[] }; log: FakeLog } };

const e2e = useBrowserAndServer();

function exampleRows(): PortfolioRowInput[] {
  const mapped = mapColumns(HEADER);
  if (!mapped.ok) throw new Error("no commodity column");
  return readRecords(BODY, mapped.map).records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend }));
}

const bundledCompiled = distRules;

async function openPane(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page, errors } = await openPaneOn(e2e, SPEC, { asOf: AS_OF, height: 1400 });
  await page.waitForFunction((asOf) => document.getElementById("upcoming-rows-summary")?.textContent?.includes("rows will move") && document.getElementById("upcoming-summary")?.textContent?.includes(`after ${asOf}`), AS_OF);
  return { context, page, errors };
}

test("Coming up lists the rules' next status changes and the rows they move, each selectable", async () => {
  const rules = bundledCompiled();
  const horizon = upcomingChanges(rules, AS_OF, 90);
  const impact = impactOfDate(exampleRows(), rules, AS_OF, horizon.to);
  const { context, page, errors } = await openPane();

  // The bundled rules: twelve No. 70/2025 suspensions end on 10 Nov 2026, the US one on 27 Nov.
  expect(await page.locator("#upcoming-summary").innerText()).toBe(`13 status changes in the 90 days after ${AS_OF} (to 2026-11-30).`);
  expect(await page.locator("#upcoming-transitions > li").count()).toBe(13);
  expect(await page.locator("#upcoming-transitions > li").last().getAttribute("data-control")).toMatch(US_CLAUSE);
  expect(horizon.transitions).toHaveLength(13);

  const summary = impact.summary;
  expect(await page.locator("#upcoming-rows-summary").innerText()).toContain(`${summary.moved} of your ${summary.rows} rows will move: ${summary.up} up, ${summary.down} down.`);
  const shownSuppliers = await page.locator("#upcoming-up .cp-top-supplier").allInnerTexts();
  const rising = impact.rows.filter((row) => (row.delta ?? 0) > 0).sort((a, b) => b.delta! - a.delta!);
  expect(shownSuppliers).toEqual(rising.slice(0, 5).map((row) => row.supplier));

  await page.locator("#upcoming-up .cp-top-row").first().click();
  await page.waitForFunction(() => (window as unknown as FakeWindow).__fakeExcel.log.selections.length > 0);
  const sheetRow = rising[0].index + 2;
  const log = await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.log);
  expect(log.selections).toEqual([`${SHEET}!A${sheetRow}:J${sheetRow}`]);
  expect(log.writes).toEqual([]);
  expect(realErrors(errors)).toEqual([]);
  await context.close();
});

test("after loading new rules, What changed names the control, the rows it moved and the owner's list; it stays until dismissed", async () => {
  // A hosted edition in which the US suspension ended on 1 Jul 2026, and whose change list says so.
  const hosted = JSON.parse(JSON.stringify(BUNDLED_RULES));
  hosted.version = "hosted-11";
  const usClause = hosted.controls.find((c: { id: string }) => US_CLAUSE.test(c.id));
  usClause.timeline.find((entry: { status: string }) => entry.status === "suspended").until = "2026-07-01";
  hosted.changes = [{ date: "2026-07-02", controls: [usClause.id], items: [], summary: "The US suspension ended on 1 July 2026." }, ...(hosted.changes ?? [])];
  e2e.server.routes.set("/hosted-11.json", { headers: { "Content-Type": "application/json" }, body: JSON.stringify(hosted) });

  const { context, page, errors } = await openPane();
  expect(await page.locator("#changes-section").isHidden()).toBe(true);
  await page.locator("summary", { hasText: "Rules source settings" }).click();
  await page.fill("#rules-url", `${e2e.server.url}hosted-11.json`);
  await page.click("#save-settings");
  await page.waitForFunction(() => document.getElementById("changes-rows-summary")?.textContent?.startsWith("Scored on"), null, { timeout: 15_000 });

  expect(await page.locator("#changes-headline").innerText()).toContain(`from ${BUNDLED_RULES.version} to hosted-11`);
  expect(await page.locator("#changes-controls-changed").innerText()).toBe("1");
  await page.locator("#changes-controls summary").click();
  expect(await page.locator("#changes-controls").innerText()).toContain("status timeline:");
  expect(await page.locator("#changes-owner-flags").innerText()).toBe("The list matches what changed in the file.");
  expect(await page.locator("#changes-rows-summary").innerText()).toContain(`Scored on ${AS_OF} with each edition: 2 rows up, 0 down, of 40.`);
  expect((await page.locator("#changes-up .cp-top-supplier").allInnerTexts()).sort()).toEqual(US_CLAUSE_ROWS);
  expect(await page.locator("#changes-down").count()).toBe(0);
  fs.mkdirSync(path.join(__dirname, "artifacts"), { recursive: true });
  await page.locator("#changes-section").screenshot({ path: path.join(__dirname, "artifacts", "what-changed-400.png") });
  await page.locator("#upcoming-section").screenshot({ path: path.join(__dirname, "artifacts", "coming-up-400.png") });

  await page.locator("#changes-up .cp-top-row").first().click();
  await page.waitForFunction(() => (window as unknown as FakeWindow).__fakeExcel.log.selections.length > 0);
  const selected = (await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.log.selections))[0];
  const supplier = await page.locator("#changes-up .cp-top-supplier").first().innerText();
  const sheetRow = BODY.findIndex((row) => row[0] === supplier) + 2;
  expect(selected).toBe(`${SHEET}!A${sheetRow}:J${sheetRow}`);

  // Written to a new sheet; the supplier table is not touched.
  await page.click("#write-changes");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Chokepoint changes"));
  const state = await page.evaluate(() => {
    const fake = (window as unknown as FakeWindow).__fakeExcel;
    return { sheets: fake.book.sheets.map((s) => s.name), writes: fake.log.writes };
  });
  expect(state.sheets).toEqual([SHEET, "Chokepoint changes"]);
  expect(state.writes.filter((w) => w.sheet === SHEET)).toEqual([]);

  // A new scoring date keeps the section; dismissing it hides it for good.
  await page.fill("#as-of", "2026-09-02");
  await page.dispatchEvent("#as-of", "change");
  await page.waitForFunction(() => document.getElementById("changes-rows-summary")?.textContent?.startsWith("Scored on 2026-09-02"));
  await page.click("#dismiss-changes");
  expect(await page.locator("#changes-section").isHidden()).toBe(true);
  await page.fill("#as-of", "2026-09-03");
  await page.dispatchEvent("#as-of", "change");
  await page.waitForFunction(() => document.getElementById("upcoming-summary")?.textContent?.includes("after 2026-09-03"));
  expect(await page.locator("#changes-section").isHidden()).toBe(true);

  expect(realErrors(errors)).toEqual([]);
  e2e.server.routes.delete("/hosted-11.json");
  await context.close();
});
