/**
 * The pane's "Suppliers on China's lists" in the built add-in (dist/taskpane.html) with the fake Excel host:
 * a supplier table whose names include a listed firm, the parent of listed units and unlisted look-alikes.
 * The expected entries are the engine's portfolio for the same rows, worked out here in Node; the listed firm
 * and its notice are the research file's (MP Materials, ECL-2026-23).
 */
import * as fs from "fs";
import * as path from "path";

import { scoreRows, summarizePortfolio, type Portfolio } from "../../src/engine";
import { mapColumns, readRecords } from "../../src/engine/columns";

import { useBrowserAndServer, openPaneOn, distRules } from "./harness";

const AS_OF = "2026-07-01";
const SHEET = "Vendors";
const HEADER = ["Vendor name", "Material", "Country", "Plant", "Annual spend"];
const BODY: (string | number)[][] = [
  ["Arnold Magnetic Technologies", "NdFeB magnets", "United States", "United States", 2_300_000],
  ["MP Materials Corp.", "NdFeB magnets", "United States", "United States", 4_100_000],
  ["Mitsubishi Electric Corporation", "NdFeB magnets", "Japan", "United States", 650_000],
  ["American Rare Earths Ltd", "NdFeB magnets", "Australia", "United States", 120_000],
  ["Lockheed Martin Corp.", "steel brackets", "United States", "United States", 80_000],
  ["Keystone Copper Wire Inc.", "copper wire", "United States", "United States", 1_700_000],
];
const SPEC = {
  sheets: [{ name: SHEET, cells: [HEADER, ...BODY], tables: [{ name: "Vendors", row: 0, column: 0, rows: BODY.length + 1, columns: HEADER.length }] }],
  selection: { sheet: SHEET, row: 1, column: 0 },
};

type FakeWindow = { __fakeExcel: { log: { selections: string[]; writes: unknown[] } } };

function expectedPortfolio(): Portfolio {
  const mapped = mapColumns(HEADER);
  if (!mapped.ok) throw new Error("no commodity column");
  const { records } = readRecords(BODY, mapped.map);
  const results = scoreRows(records.map((r) => r.input), distRules(), { asOf: AS_OF, suspensionsEnded: false });
  return summarizePortfolio(records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })), results);
}

const e2e = useBrowserAndServer();

const openPane = () => openPaneOn(e2e, SPEC, { asOf: AS_OF });

test("the pane lists the suppliers on China's lists and those to check, as the engine finds them", async () => {
  const expected = expectedPortfolio().entities;
  expect(expected.rows.find((row) => row.supplier === "MP Materials Corp.")).toMatchObject({ status: "listed", actionId: "ECL-2026-23" });
  const { page, errors, close } = await openPane();
  await page.waitForSelector("#entity-section");
  const text = (selector: string) => page.locator(selector).allInnerTexts();

  expect(await page.locator("#entity-listed-count").innerText()).toBe(String(expected.listed));
  expect(await page.locator("#entity-possible-count").innerText()).toBe(String(expected.possible));
  const listed = expected.rows.filter((row) => row.status === "listed");
  const possible = expected.rows.filter((row) => row.status === "possible");
  expect(await text("#listed-suppliers .cp-top-supplier")).toEqual(listed.map((row) => row.supplier));
  expect(await text("#listed-suppliers .cp-entity-name")).toEqual(listed.map((row) => row.name));
  const listLines = await text("#listed-suppliers .cp-entity-list");
  listLines.forEach((line, i) => expect(line).toContain(listed[i].actionId));
  expect(await text("#possible-suppliers .cp-top-supplier")).toEqual(possible.map((row) => row.supplier));
  const shown = [...(await text("#listed-suppliers .cp-top-supplier")), ...(await text("#possible-suppliers .cp-top-supplier"))];
  for (const lookAlike of ["Arnold Magnetic Technologies", "American Rare Earths Ltd", "Keystone Copper Wire Inc."]) expect(shown).not.toContain(lookAlike);

  expect(errors.filter((e) => !/Office\.js is loaded outside of Office client/i.test(e))).toEqual([]);
  await close();
});

test("choosing a supplier in the section selects its row in the sheet", async () => {
  const expected = expectedPortfolio().entities;
  const mp = expected.rows.find((row) => row.supplier === "MP Materials Corp.")!;
  const { page, close } = await openPane();
  await page.waitForSelector("#listed-suppliers");
  await page.locator(`#listed-suppliers .cp-entity-row[data-index="${mp.index}"]`).click();
  await page.waitForFunction(() => (window as unknown as FakeWindow).__fakeExcel.log.selections.length > 0);
  const log = await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.log);
  const sheetRow = mp.index + 2; // header on row 1
  expect(log.selections).toEqual([`${SHEET}!A${sheetRow}:E${sheetRow}`]);
  expect(log.writes).toEqual([]);
  await close();
});

test("the section passes axe-core (no serious or critical violations) and fits 350 px; a screenshot is saved", async () => {
  const { page, close } = await openPane();
  await page.setViewportSize({ width: 350, height: 1000 });
  await page.waitForSelector("#listed-suppliers");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  e2e.server.routes.set("/axe.min.js", { headers: { "Content-Type": "text/javascript" }, body: fs.readFileSync(require.resolve("axe-core/axe.min.js")) });
  await page.addScriptTag({ url: `${e2e.server.url}axe.min.js` });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    const result = await axe.run(document.getElementById("entity-section")!, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  fs.mkdirSync(path.join(__dirname, "artifacts"), { recursive: true });
  await page.locator("#entity-section").screenshot({ path: path.join(__dirname, "artifacts", "entities-350.png") });
  await close();
});
