/**
 * The workbook's own aliases in the real built pane (headless Chromium, fake Excel host): an unrecognised
 * commodity is assigned to an item from the summary, the assignment is saved in the workbook settings, and
 * the summary, the CHOKEPOINT formulas (same JavaScript context) and the report all read it; the list of
 * aliases can be edited; a workbook that already holds aliases has them applied when the pane opens.
 * Expected numbers are computed in Node with the engine on the same rows and the same overlay.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { compileRules, scoreRows, summarizePortfolio, type Portfolio } from "../../src/engine";
import { mapColumns, readRecords } from "../../src/engine/columns";
import { withUserAliases, type UserAliases } from "../../src/engine/user-aliases";
import { DIST, ROOT, useBrowserAndServer, openPaneOn } from "./harness";
import { checkedRules } from "../rules/checked";

const AS_OF = "2026-06-01";
const SHEET = "Suppliers";
const ALIASES_KEY = "chokepoint.userAliases";

type Cell = string | number | null;

const csv = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "examples", "suppliers.csv"), "utf8"), { skipEmptyLines: true });
const [HEADER, ...BODY] = csv.data;
/** Two lines the bundled rules cannot read: a trade name and a plain English product. */
const EXTRA: Cell[][] = [
  ["Neo Disc Works", "Neo-Disc 10x3 grade 45", "China", "Germany", "", "", "", "", "120000", ""],
  ["Desk & Chair Co", "swivel chair, mesh back", "Poland", "Germany", "", "", "", "", "80000", ""],
];
const TABLE: Cell[][] = [...BODY, ...EXTRA];
const RULES_JSON = JSON.parse(fs.readFileSync(path.join(DIST, "rules", "default-rules.json"), "utf8"));

function spec(settings: Record<string, string> = {}) {
  return {
    sheets: [{ name: SHEET, cells: [HEADER, ...TABLE], tables: [{ name: "Suppliers", row: 0, column: 0, rows: TABLE.length + 1, columns: HEADER.length }] }],
    selection: { sheet: SHEET, row: 2, column: 1 },
    settings,
  };
}

function expected(aliases: UserAliases | null): Portfolio {
  const checked = checkedRules(RULES_JSON);
  const base = compileRules(checked);
  const rules = aliases === null ? base : withUserAliases(base, aliases);
  const mapped = mapColumns(HEADER);
  if (!mapped.ok) throw new Error("columns");
  // The whole table at once, as the pane reads it: "6,200,000" is a spend only once the column decides its decimal mark.
  const { records } = readRecords(TABLE, mapped.map);
  const results = scoreRows(records.map((r) => r.input), rules, { asOf: AS_OF, suspensionsEnded: false });
  return summarizePortfolio(records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })), results);
}

type FakeWindow = {
  __fakeExcel: { book: { settings: Record<string, string>; sheets: { name: string; cells: Cell[][] }[] } };
  __associated: Record<string, (...args: unknown[]) => unknown[][]>;
};

const e2e = useBrowserAndServer();

const openPane = (settings: Record<string, string> = {}) => openPaneOn(e2e, spec(settings), { asOf: AS_OF, height: 1200, recordAssociations: true });

const storedAliases = (page: Page) => page.evaluate((key) => (window as unknown as FakeWindow).__fakeExcel.book.settings[key] ?? null, ALIASES_KEY);
const callMatch = (page: Page, text: string) => page.evaluate((t) => (window as unknown as FakeWindow).__associated.MATCH([[t]], null)[0][0], text);

/** The unrecognised-commodities entry for a normalised text. */
async function entryIndex(page: Page, text: string): Promise<number> {
  const texts = await page.locator("#unmatched-list .cp-chip-text").allInnerTexts();
  const index = texts.indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not listed as unrecognised: ${texts.join(" | ")}`);
  return index;
}

test("an unrecognised commodity assigned in the pane is saved in the workbook and read by the summary, the formulas and the report", async () => {
  const { context, page, errors } = await openPane();
  const before = expected(null);
  expect(await page.locator("#count-unmatched").innerText()).toBe(String(before.counts.unmatched));
  expect(await callMatch(page, "Neo-Disc 10x3 grade 45")).toMatchObject({ code: "#N/A" });

  // Assign the trade name to NdFeB magnets with the picker, and mark the chair not controlled.
  await page.selectOption(`#assign-${await entryIndex(page, "neo disc 10x3 grade 45")}`, "ndfeb-magnet");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Your aliases applied"));
  await page.selectOption(`#assign-${await entryIndex(page, "swivel chair mesh back")}`, " not-controlled");
  // Closed, the section shows the count; opened, its list (a part fetched on first opening).
  await page.waitForFunction(() => document.querySelector("#aliases summary")?.textContent === "Your aliases (2)");
  expect(await page.locator("#aliases-list li").count()).toBe(0);
  await page.locator("summary", { hasText: "Your aliases" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#aliases-list li").length === 2);
  await page.waitForFunction(() => document.body.getAttribute("aria-busy") === "false");

  const stored = JSON.parse((await storedAliases(page))!) as UserAliases;
  expect(stored).toEqual({
    format: 1,
    aliases: [
      { commodity: "neo disc 10x3 grade 45", item: "ndfeb-magnet" },
      { commodity: "swivel chair mesh back", item: null },
    ],
  });
  const after = expected(stored);
  expect(after.counts.unmatched).toBe(before.counts.unmatched - 2);
  expect(await page.locator("#count-unmatched").innerText()).toBe(String(after.counts.unmatched));
  expect(await page.locator("#overall-score").innerText()).toBe(after.spendWeightedScore!.toFixed(1));

  // The formulas in the same runtime read the alias too.
  expect(await callMatch(page, "Neo-Disc 10x3 grade 45")).toBe("NdFeB permanent magnet");
  expect(await callMatch(page, "swivel chair, mesh back")).toBe("(not controlled)");

  // And the report.
  await page.click("#write-report");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Report written"));
  const report = await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.book.sheets.find((s) => s.name === "Chokepoint report")!.cells);
  const header = report.findIndex((row) => row && row[0] === "Row" && row[1] === "Supplier");
  const neo = report.slice(header + 1).find((row) => row[1] === "Neo Disc Works")!;
  // The host takes data types, so the item cell is the PROFILE card, shown as its item's name.
  expect(neo[3]).toMatchObject({ type: "Entity", text: "NdFeB permanent magnet" });
  expect(neo[4]).toContain("assigned in this workbook's own aliases");

  // Edit the list: the trade name becomes SmCo, then the chair's alias is removed.
  await page.selectOption("#alias-item-0", "smco-magnet");
  await page.waitForFunction(() => document.querySelector<HTMLSelectElement>("#alias-item-0")?.value === "smco-magnet" || document.querySelector<HTMLSelectElement>("#alias-item-1")?.value === "smco-magnet");
  expect(await callMatch(page, "Neo-Disc 10x3 grade 45")).toBe("SmCo permanent magnet");
  await page.locator("#aliases-list li", { hasText: "swivel chair mesh back" }).locator("button").click();
  await page.waitForFunction(() => document.querySelectorAll("#aliases-list li").length === 1);
  expect(JSON.parse((await storedAliases(page))!).aliases).toEqual([{ commodity: "neo disc 10x3 grade 45", item: "smco-magnet" }]);
  expect(errors.filter((e) => !/Office\.js is loaded outside of Office client/i.test(e))).toEqual([]);
  await context.close();
});

test("aliases already stored in the workbook are applied when the pane opens", async () => {
  const aliases: UserAliases = { format: 1, aliases: [{ commodity: "Neo-Disc 10x3 grade 45", item: "ndfeb-magnet" }] };
  const { context, page } = await openPane({ [ALIASES_KEY]: JSON.stringify(aliases) });
  const after = expected(aliases);
  await page.waitForFunction((score) => document.getElementById("overall-score")?.textContent === score, after.spendWeightedScore!.toFixed(1));
  expect(await page.locator("#count-unmatched").innerText()).toBe(String(after.counts.unmatched));
  expect(await page.locator("#aliases summary").innerText()).toBe("Your aliases (1)");
  await page.locator("summary", { hasText: "Your aliases" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#aliases-list li").length === 1);
  expect(await callMatch(page, "neo-disc 10X3 Grade 45")).toBe("NdFeB permanent magnet");
  await context.close();
});
