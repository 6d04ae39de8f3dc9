/**
 * The pictures in README.md and docs/getting-started.md, taken from the built pane (dist/taskpane.html) with
 * the fake Excel host (test/e2e/fake-excel.js) on the example list, scored on 20 November 2026: the column
 * mapping, exposure by item, the rules panel, Coming up, What changed after a refresh, China's lists and the
 * written report. Each picture is taken after checking that the pane shows what the picture is for, against
 * the engine or the research files; `npm run docs:images` copies them to docs/images.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";

import { upcomingChanges } from "../../src/engine";

import { ROOT, offlineContext, useBrowserAndServer, openPaneOn, type OpenPane, realErrors, distRules, distRulesJson } from "./harness";
import { PANE_WIDTH, PICTURES, PICTURE_SCALE, PICTURE_WIDTH, pictureOfPane, pngSize } from "./pictures";

const AS_OF = "2026-11-20";
const BUNDLED_RULES = distRulesJson();
const CSV = Papa.parse<string[]>(fs.readFileSync(path.join(ROOT, "examples", "suppliers.csv"), "utf8"), { skipEmptyLines: true }).data;

type Cell = string | number | null;
interface Spec {
  sheets: { name: string; cells: Cell[][]; tables: { name: string; row: number; column: number; rows: number; columns: number }[] }[];
  selection: { sheet: string; row: number; column: number };
}
/** A report cell: a value, or an Excel data type (the PROFILE card of a matched item) as its JSON. */
type ReportCell = Cell | { text?: string; basicValue?: unknown };
type FakeWindow = { __fakeExcel: { book: { sheets: { name: string; cells: ReportCell[][]; formats: string[][] }[] } } };

const EXAMPLE_SPEC: Spec = {
  sheets: [{ name: "Suppliers", cells: CSV, tables: [{ name: "Suppliers", row: 0, column: 0, rows: CSV.length, columns: CSV[0].length }] }],
  selection: { sheet: "Suppliers", row: 1, column: 1 },
};

const e2e = useBrowserAndServer();

const bundledCompiled = distRules;

async function openPane(spec: Spec): Promise<OpenPane> {
  const pane = await openPaneOn(e2e, spec, { asOf: AS_OF, width: PANE_WIDTH, height: 1200, scale: PICTURE_SCALE });
  await pane.page.waitForFunction((asOf) => document.getElementById("upcoming-summary")?.textContent?.includes(`after ${asOf}`), AS_OF);
  return pane;
}

function expectPicture(file: string): void {
  expect(pngSize(file).width).toBe(PICTURE_WIDTH);
}

test("pictures of the pane on the example list: columns, exposure by item, rules, Coming up", async () => {
  const { page, errors, close } = await openPane(EXAMPLE_SPEC);

  await page.locator("#mapping summary").click();
  expect(await page.locator("#mapping summary").innerText()).toBe("Columns (9 of 9 matched)");
  expectPicture(await pictureOfPane(page, "column-mapping.png", "#source-section"));

  // shared/research/producers.md §13: NdFeB magnets bind at the refining of the neodymium they contain.
  expect(await page.locator('#by-item .cp-alt-row[data-item-id="ndfeb-magnet"]').innerText()).toContain("Binds at refining of Neodymium");
  expectPicture(await pictureOfPane(page, "by-item.png", "#items-heading", "#by-item .cp-alt-row >> nth=5"));

  const horizon = upcomingChanges(bundledCompiled(), AS_OF, 90);
  expect(await page.locator("#upcoming-transitions > li").count()).toBe(horizon.transitions.length);
  expect(await page.locator("#upcoming-transitions > li").first().getAttribute("data-control")).toBe("CN-2024-US-DUALUSE-2");
  expectPicture(await pictureOfPane(page, "coming-up.png", "#upcoming-section"));

  // The twelve controls suspended by No. 70/2025 until 10 Nov 2026 count on an unconfirmed status after it.
  expect(await page.locator("#rules-unconfirmed").innerText()).toContain("CN-2025-REE-5");
  // The rules panel is pictured as someone about to point it at their organisation's file: on 1 November,
  // before those suspensions end, so the facts and the settings are in view rather than that long list.
  await page.fill("#as-of", "2026-11-01");
  await page.dispatchEvent("#as-of", "change");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("as of 2026-11-01"));
  expect(await page.locator("#rules-unconfirmed").count()).toBe(0);
  await page.locator("summary", { hasText: "Rules source settings" }).click();
  await page.fill("#rules-url", "https://rules.example.com/chokepoint-rules.json");
  expect(await page.locator("#rules-version").innerText()).toBe(BUNDLED_RULES.version);
  expectPicture(await pictureOfPane(page, "rules-panel.png", "#rules-section"));

  expect(realErrors(errors)).toEqual([]);
  await close();
});

test("a picture of the report the pane writes, drawn from the cells it wrote", async () => {
  const { page, close } = await openPane(EXAMPLE_SPEC);
  await page.click("#write-report");
  await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Report written"));
  const report = await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.book.sheets.find((s) => s.name === "Chokepoint report")!);
  await close();

  const headerRow = report.cells.findIndex((row) => row?.[0] === "Row" && row?.[1] === "Supplier");
  expect(headerRow).toBeGreaterThan(0);
  expect(report.cells.length - headerRow - 1).toBe(CSV.length - 1);
  const shown = [...report.cells.slice(0, headerRow + 15)];
  const columns = 6;
  const text = (value: ReportCell, format: string | undefined) => {
    if (value === null || value === undefined) return "";
    if (typeof value === "object") return String(value.text ?? value.basicValue ?? "");
    if (typeof value === "number" && format === "0.0") return value.toFixed(1);
    if (typeof value === "number" && format?.endsWith("%")) return `${(value * 100).toFixed(format.includes(".") ? 1 : 0)}%`;
    return String(value);
  };
  const letters = Array.from({ length: columns }, (_, i) => String.fromCharCode(65 + i));
  const rows = shown.map(
    (row, r) =>
      `<tr><th>${r + 1}</th>${letters.map((_, c) => `<td class="${r === headerRow ? "h" : ""}">${escapeHtml(text(row?.[c] ?? null, report.formats[r]?.[c]))}</td>`).join("")}</tr>`,
  );
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:0;font:12px "Segoe UI",Roboto,Arial,sans-serif;color:#242424;background:#fff}
    table{border-collapse:collapse;table-layout:fixed;width:700px}
    th,td{border:1px solid #d4d4d4;padding:2px 4px;height:18px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
    th{background:#f3f3f3;color:#616161;font-weight:400;width:22px;text-align:center}
    td.h{font-weight:600;background:#dce6f1}
  </style><table><colgroup><col style="width:24px"><col style="width:150px"><col style="width:150px"><col style="width:130px"><col style="width:150px"><col span="2" style="width:48px"></colgroup>
  <tr><th></th>${letters.map((l) => `<th>${l}</th>`).join("")}</tr>${rows.join("")}</table>`;

  const context = await offlineContext(e2e.browser, { width: PICTURE_WIDTH, height: 800 });
  const view = await context.newPage();
  await view.setContent(html);
  fs.mkdirSync(PICTURES, { recursive: true });
  const file = path.join(PICTURES, "report.png");
  const box = (await view.locator("table").boundingBox())!;
  await view.screenshot({ path: file, clip: { x: 0, y: 0, width: PICTURE_WIDTH, height: Math.ceil(box.height) + 1 } });
  await context.close();
  expectPicture(file);
});

test("a picture of What changed after the rules are refreshed from a hosted file", async () => {
  // A hosted edition in which the US suspension (No. 46/2024 cl. 2) ended on 1 Jul 2026, and whose change list says so.
  const hosted = JSON.parse(JSON.stringify(BUNDLED_RULES));
  hosted.version = "2026.12.01-1";
  const usClause = hosted.controls.find((c: { id: string }) => c.id === "CN-2024-US-DUALUSE-2");
  usClause.timeline.find((entry: { status: string }) => entry.status === "suspended").until = "2026-07-01";
  hosted.changes = [{ date: "2026-12-01", controls: [usClause.id], items: [], summary: "The US suspension ended on 1 July 2026." }, ...(hosted.changes ?? [])];
  e2e.server.routes.set("/guide-rules.json", { headers: { "Content-Type": "application/json" }, body: JSON.stringify(hosted) });

  const { page, errors, close } = await openPane(EXAMPLE_SPEC);
  await page.locator("summary", { hasText: "Rules source settings" }).click();
  await page.fill("#rules-url", `${e2e.server.url}guide-rules.json`);
  await page.click("#save-settings");
  await page.waitForFunction(() => document.getElementById("changes-rows-summary")?.textContent?.startsWith("Scored on"), null, { timeout: 15_000 });
  expect(await page.locator("#changes-headline").innerText()).toContain(`from ${BUNDLED_RULES.version} to 2026.12.01-1`);
  expect((await page.locator("#changes-up .cp-top-supplier").allInnerTexts()).sort()).toEqual(["Crystal Valley Germanium Co.", "Pacific Wideband Devices Corp"]);
  await page.evaluate(() => window.scrollTo(0, 0));
  expectPicture(await pictureOfPane(page, "what-changed.png", "#changes-section"));
  expect(realErrors(errors)).toEqual([]);
  e2e.server.routes.delete("/guide-rules.json");
  await close();
});

test("a picture of the suppliers on China's lists", async () => {
  const header = ["Supplier", "Commodity", "Supplier country", "Site country", "Annual spend (USD)"];
  const body: Cell[][] = [
    ["MP Materials Corp.", "NdFeB magnets", "United States", "United States", 4_100_000],
    ["Skydio Inc", "drone assemblies", "United States", "United States", 900_000],
    ["Mitsubishi Heavy Industries", "NdFeB magnets", "Japan", "United States", 650_000],
    ["Arnold Magnetic Technologies", "NdFeB magnets", "United States", "United States", 2_300_000],
    ["Keystone Copper Wire Inc.", "copper wire", "United States", "United States", 1_700_000],
  ];
  const { page, close } = await openPane({
    sheets: [{ name: "Vendors", cells: [header, ...body], tables: [{ name: "Vendors", row: 0, column: 0, rows: body.length + 1, columns: header.length }] }],
    selection: { sheet: "Vendors", row: 1, column: 0 },
  });
  // shared/research: MP Materials on the Export Control Control List since 22 Jun 2026 (ECL-2026-23).
  expect(await page.locator("#listed-suppliers").innerText()).toContain("MP Materials Corp.");
  expect(await page.locator("#listed-suppliers").innerText()).toContain("ECL-2026-23");
  expectPicture(await pictureOfPane(page, "chinas-lists.png", "#entity-section"));
  await close();
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
