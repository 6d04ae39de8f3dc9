/**
 * @jest-environment jsdom
 *
 * The pane's controller with the "What changed" and "Coming up" sections, over the real taskpane.html,
 * an office-addin-mock workbook and a rules runtime whose storage holds a hosted edition of the fixture
 * rules (test/fixtures/rules/small-rules.json with CN-2023-GA-GE's severity raised from 0.6 to 0.8).
 *
 * By hand: gallium bought from a supplier in China depends on China fully, and only CN-2023-GA-GE (in
 * force, worldwide) reaches it, so it scores 80 with the hosted edition and 60 with the bundled one; steel
 * from Japan scores 0 under both.
 */
import * as fs from "fs";
import * as path from "path";
import { TaskPaneApp } from "../../taskpane/app";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { writeCachedRules } from "../../src/runtime/rules-cache";
import { DEFAULT_SETTINGS, writeSettings } from "../../src/runtime/settings";
import { createMemoryStorage } from "../../src/runtime/storage";
import { MockWorkbook } from "./mock-workbook";
import { checkedRules } from "../rules/checked";
import { until } from "./until";

const RULES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"));
const PANE_HTML = fs.readFileSync(path.join(__dirname, "..", "..", "taskpane", "taskpane.html"), "utf8");
const RULES_URL = "https://rules.example.com/rules.json";

function hostedEdition(): string {
  const hosted = JSON.parse(JSON.stringify(RULES));
  hosted.version = "hosted-2";
  hosted.controls.find((c: { id: string }) => c.id === "CN-2023-GA-GE").severity = 0.8;
  return JSON.stringify(hosted);
}

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
});
afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

async function openPane(): Promise<{ book: MockWorkbook; runtime: RulesRuntime }> {
  const storage = createMemoryStorage();
  const now = new Date().toISOString();
  await writeSettings(storage, { ...DEFAULT_SETTINGS, rulesUrl: RULES_URL });
  await writeCachedRules(storage, { url: RULES_URL, etag: null, fetchedAt: now, checkedAt: now }, hostedEdition());
  const book = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: [["Supplier", "Commodity", "Country"], ["Alpha", "gallium", "China"], ["Beta", "steel", "Japan"]] }],
    selection: { sheet: "Suppliers", row: 1, column: 1 },
  });
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage });
  await new TaskPaneApp(runtime).start();
  await until(() => document.getElementById("upcoming-section")?.hidden === false);
  return { book, runtime };
}

function setAsOf(date: string): void {
  const asOf = document.querySelector<HTMLInputElement>("#as-of")!;
  asOf.value = date;
  asOf.dispatchEvent(new Event("change"));
}

test("rules taken over from the saved copy at start-up are not a change; Coming up is there from the start", async () => {
  const { runtime } = await openPane();
  expect(runtime.active.version).toBe("hosted-2");
  expect(document.getElementById("changes-section")?.hidden).toBe(true);
  expect(document.getElementById("upcoming-section")?.hidden).toBe(false);
});

test("after a swap, What changed shows the changed control and the row that moved, and stays until dismissed", async () => {
  const { book } = await openPane();
  setAsOf("2026-06-01");
  await until(() => text("#status")?.includes("as of 2026-06-01") === true);
  document.querySelector<HTMLButtonElement>("#reset-rules")!.click();
  await until(() => text("#changes-rows-summary")?.startsWith("Scored") === true);

  expect(document.getElementById("changes-section")?.hidden).toBe(false);
  expect(text("#changes-headline")).toBe(`The rules changed from hosted-2 to ${RULES.version} (published ${RULES.publishedAt}, reviewed ${RULES.reviewedAt}).`);
  expect(text("#changes-controls-changed")).toBe("1");
  expect(text("#changes-controls")).toContain("severity: 0.8 → 0.6");
  expect(text("#changes-rows-summary")).toMatch(/^Scored on 2026-06-01 with each edition: 0 rows up, 1 down, of 2\./);
  const mover = document.querySelector<HTMLButtonElement>("#changes-down .cp-top-row")!;
  expect(mover.textContent).toContain("80.0 → 60.0 −20.0");
  mover.click();
  await until(() => book.selections.length > 0);
  expect(book.selections).toEqual(["Suppliers!A2:C2"]);

  setAsOf("2026-06-02");
  await until(() => text("#changes-rows-summary")?.startsWith("Scored on 2026-06-02") === true);
  expect(document.getElementById("changes-section")?.hidden).toBe(false);
  expect(text("#changes-rows-summary")).toMatch(/^Scored on 2026-06-02 /);

  document.querySelector<HTMLButtonElement>("#dismiss-changes")!.click();
  setAsOf("2026-06-03");
  await until(() => text("#upcoming-summary")?.includes("after 2026-06-03") === true);
  expect(text("#upcoming-summary")).toContain("after 2026-06-03");
  expect(document.getElementById("changes-section")?.hidden).toBe(true);
});

test("both sections write to new sheets and leave the supplier table alone", async () => {
  const { book } = await openPane();
  document.querySelector<HTMLButtonElement>("#reset-rules")!.click();
  await until(() => text("#changes-rows-summary")?.startsWith("Scored") === true);
  document.querySelector<HTMLButtonElement>("#write-changes")!.click();
  await until(() => text("#status")?.includes("Chokepoint changes") === true);
  document.querySelector<HTMLButtonElement>("#write-upcoming")!.click();
  await until(() => text("#status")?.includes("Chokepoint coming up") === true);
  expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Suppliers", "Chokepoint changes", "Chokepoint coming up"]);
  expect(book.writes.filter((w) => w.sheet === "Suppliers")).toEqual([]);
  expect(text("#status")).toBe("Written to the new sheet “Chokepoint coming up”.");
  const moved = book.sheet("Chokepoint changes").cells;
  const header = moved.findIndex((row) => row?.[0] === "Row" && row?.[1] === "Supplier");
  expect(moved[header + 1].slice(0, 7)).toEqual([2, "Alpha", "gallium", "Gallium", 80, 60, -20]);
});

test("a list longer than the pane measures by itself waits for Work out which rows move", async () => {
  const { ChangeWatch } = await import("../../taskpane/changes");
  const { analyseRows } = await import("../../taskpane/analysis");
  const { mapColumns } = await import("../../src/engine/columns");
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() });
  const watch = new ChangeWatch(runtime, { onSelectRow: () => undefined, announce: () => undefined, failed: () => undefined, tableLabel: () => null }, 90, 1);
  const mapped = mapColumns(["Supplier", "Commodity", "Supplier country"]);
  if (!mapped.ok) throw new Error("columns");
  const rows = [["Alpha", "gallium", "China"], ["Beta", "steel", "Japan"]].map((cells, i) => ({ sheetRow: i + 1, cells }));
  const analysis = await analyseRows(rows, mapped.map, runtime.active.compiled, { asOf: "2026-09-01" });
  await watch.refresh(analysis!, { asOf: "2026-09-01" });
  expect(text("#upcoming-rows-summary")).toBe("Your list has 2 rows; working out which move takes a moment.");
  document.querySelector<HTMLButtonElement>("#upcoming-work-out")!.click();
  await until(() => text("#upcoming-rows-summary")?.startsWith("Your list has") === false);
  // In the 90 days after 1 Sep 2026 the fixture rules change only controls that reach neither gallium
  // without a US plant nor steel (the No. 70/2025 items on 11 Nov, the US ban on 28 Nov).
  expect(text("#upcoming-rows-summary")).toBe("None of your 2 rows moves on these days.");
});
