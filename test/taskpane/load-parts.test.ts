/**
 * @jest-environment jsdom
 *
 * Parts of the pane fetched from the add-in's server on first use: the summary of an analysed table
 * (taskpane/load-summary.ts), the "What changed" and "Coming up" sections (taskpane/load-what-changed.ts,
 * taskpane/load-upcoming.ts), the list of the workbook's aliases (taskpane/load-alias-list.ts) and the input checks a
 * stored alias list is read with (src/runtime/load-input-checks.ts). When one cannot be fetched the pane says so
 * with its own code, `part_not_loaded`, shows nothing half-made, and the next attempt fetches it again.
 *
 * By hand: the fixture rules score gallium from a supplier in China at 60 (CN-2023-GA-GE, severity 0.6, full
 * dependence); the hosted edition raises that control's severity to 0.8.
 */
import * as fs from "fs";
import * as path from "path";
import { TaskPaneApp } from "../../taskpane/app";
import { describePaneProblem } from "../../taskpane/messages";
import type { AliasListPart } from "../../taskpane/load-alias-list";
import type { UpcomingPart } from "../../taskpane/load-upcoming";
import type { WhatChangedPart } from "../../taskpane/load-what-changed";
import { RulesRuntime, type RulesRuntimeOptions } from "../../src/runtime/rules-runtime";
import { writeCachedRules } from "../../src/runtime/rules-cache";
import { DEFAULT_SETTINGS, writeSettings } from "../../src/runtime/settings";
import { createMemoryStorage } from "../../src/runtime/storage";
import { ALIASES_SETTING_KEY } from "../../taskpane/excel/alias-store";
import { MockWorkbook } from "./mock-workbook";
import { checkedRules } from "../rules/checked";
import { until } from "./until";

let summaryFails = true;
jest.mock("../../taskpane/load-summary", () => ({
  loadSummary: () => (summaryFails ? Promise.reject(new Error("Loading chunk summary failed")) : Promise.resolve(jest.requireActual("../../taskpane/ui/summary"))),
}));

const RULES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"));
const PANE_HTML = fs.readFileSync(path.join(__dirname, "..", "..", "taskpane", "taskpane.html"), "utf8");
const RULES_URL = "https://rules.example.com/rules.json";

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
});
beforeEach(() => {
  summaryFails = false;
});
afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

const status = () => document.getElementById("status")!.textContent;
const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

function suppliersBook(settings: Record<string, unknown> = {}): MockWorkbook {
  const book = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: [["Supplier", "Commodity", "Country"], ["Alpha", "gallium", "China"], ["Beta", "steel", "Japan"]] }],
    selection: { sheet: "Suppliers", row: 1, column: 1 },
    settings,
  });
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  return book;
}

test("when the summary cannot be fetched the pane says so and shows no summary; Analyse again shows it", async () => {
  summaryFails = true;
  suppliersBook();
  await new TaskPaneApp(new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() })).start();
  await until(() => status() === describePaneProblem("part_not_loaded", "Loading chunk summary failed"));
  expect(document.getElementById("summary-section")!.hidden).toBe(true);
  expect(document.getElementById("write-report")!.closest("section")!.hidden).toBe(true);

  summaryFails = false;
  document.querySelector<HTMLButtonElement>("#analyse")!.click();
  await until(() => document.getElementById("summary-section")!.hidden === false);
  expect(text("#summary")).toContain("Alpha");
});

test("the What changed section, when its part cannot be fetched, reports part_not_loaded; the next refresh shows it", async () => {
  const { ChangeWatch } = await import("../../taskpane/changes");
  const { analyseRows } = await import("../../taskpane/analysis");
  const { mapColumns } = await import("../../src/engine/columns");
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  const storage = createMemoryStorage();
  const now = new Date().toISOString();
  const hosted = JSON.parse(JSON.stringify(RULES));
  hosted.version = "hosted-2";
  await writeSettings(storage, { ...DEFAULT_SETTINGS, rulesUrl: RULES_URL });
  await writeCachedRules(storage, { url: RULES_URL, etag: null, fetchedAt: now, checkedAt: now }, JSON.stringify(hosted));
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage });
  await runtime.start();
  expect(runtime.active.version).toBe("hosted-2");

  let partFails = true;
  const failures: string[] = [];
  const loadPart = () => (partFails ? Promise.reject(new Error("Loading chunk what-changed failed")) : Promise.resolve(jest.requireActual<WhatChangedPart>("../../taskpane/what-changed")));
  const host = { onSelectRow: () => undefined, announce: () => undefined, failed: (code: string, detail: string) => void failures.push(`${code}: ${detail}`), tableLabel: () => null };
  const watch = new ChangeWatch(runtime, host, 90, 10_000, loadPart);
  runtime.onChange(() => watch.noteSwap());
  await runtime.resetToBundled();

  const mapped = mapColumns(["Supplier", "Commodity", "Supplier country"]);
  if (!mapped.ok) throw new Error("columns");
  const rows = [["Alpha", "gallium", "China"], ["Beta", "steel", "Japan"]].map((cells, i) => ({ sheetRow: i + 1, cells }));
  const analysis = await analyseRows(rows, mapped.map, runtime.active.compiled, { asOf: "2026-09-01" });
  await watch.refresh(analysis!, { asOf: "2026-09-01" });
  expect(failures).toEqual(["part_not_loaded: Loading chunk what-changed failed"]);
  expect(document.getElementById("changes-section")!.hidden).toBe(true);
  expect(document.getElementById("upcoming-section")!.hidden).toBe(false);

  partFails = false;
  await watch.refresh(analysis!, { asOf: "2026-09-01" });
  expect(document.getElementById("changes-section")!.hidden).toBe(false);
  expect(text("#changes-headline")).toContain("from hosted-2 to fixture-1");
});

test("the Coming up section, when its part cannot be fetched, reports part_not_loaded and stays hidden; the next refresh draws it", async () => {
  const { ChangeWatch } = await import("../../taskpane/changes");
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() });
  await runtime.start();
  let partFails = true;
  const failures: string[] = [];
  const loadUpcomingPart = () =>
    partFails ? Promise.reject(new Error("Loading chunk upcoming failed")) : Promise.resolve(jest.requireActual<UpcomingPart>("../../taskpane/upcoming"));
  const host = { onSelectRow: () => undefined, announce: () => undefined, failed: (code: string, detail: string) => void failures.push(`${code}: ${detail}`), tableLabel: () => null };
  const watch = new ChangeWatch(runtime, host, 90, 10_000, undefined, loadUpcomingPart);

  await watch.refresh(null, { asOf: "2026-09-01" });
  expect(failures).toEqual(["part_not_loaded: Loading chunk upcoming failed"]);
  expect(document.getElementById("upcoming-section")!.hidden).toBe(true);

  partFails = false;
  await watch.refresh(null, { asOf: "2026-09-01" });
  expect(failures).toHaveLength(1);
  expect(document.getElementById("upcoming-section")!.hidden).toBe(false);
  expect(text("#upcoming")?.length).toBeGreaterThan(0);
});

test("the Coming up part is fetched only when the section has something new to draw, not on every refresh", async () => {
  const { ChangeWatch } = await import("../../taskpane/changes");
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() });
  await runtime.start();
  let fetches = 0;
  const loadUpcomingPart = () => {
    fetches += 1;
    return Promise.resolve(jest.requireActual<UpcomingPart>("../../taskpane/upcoming"));
  };
  const host = { onSelectRow: () => undefined, announce: () => undefined, failed: () => undefined, tableLabel: () => null };
  const watch = new ChangeWatch(runtime, host, 90, 10_000, undefined, loadUpcomingPart);

  await watch.refresh(null, { asOf: "2026-09-01" });
  expect(fetches).toBe(1);
  await watch.refresh(null, { asOf: "2026-09-01" });
  expect(fetches).toBe(1);
  // Another scoring date is another horizon: drawn again.
  await watch.refresh(null, { asOf: "2026-09-02" });
  expect(fetches).toBe(2);
});

test("the alias list is drawn when its section is opened; when its part cannot be fetched the pane says so, and opening again draws it", async () => {
  const aliases = JSON.stringify({ format: 1, aliases: [{ commodity: "Widget X", item: "gallium" }] });
  suppliersBook({ [ALIASES_SETTING_KEY]: aliases });
  let partFails = true;
  const loadAliasListPart = () =>
    partFails ? Promise.reject(new Error("Loading chunk alias-list failed")) : Promise.resolve(jest.requireActual<AliasListPart>("../../taskpane/ui/aliases"));
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() });
  await new TaskPaneApp(runtime, loadAliasListPart).start();
  await until(() => text("#aliases summary") === "Your aliases (1)");
  expect(document.querySelectorAll("#aliases-list li")).toHaveLength(0);

  const details = document.getElementById("aliases") as HTMLDetailsElement;
  details.open = true;
  details.dispatchEvent(new Event("toggle"));
  await until(() => status() === describePaneProblem("part_not_loaded", "Loading chunk alias-list failed"));
  expect(document.querySelectorAll("#aliases-list li")).toHaveLength(0);

  partFails = false;
  details.dispatchEvent(new Event("toggle"));
  await until(() => document.querySelectorAll("#aliases-list li").length === 1);
  expect(text("#aliases-list")).toContain("Widget X");
});

test("stored aliases are read with the input checks; when those cannot be fetched a notice says the scores are without them", async () => {
  const aliases = JSON.stringify({ format: 1, aliases: [{ commodity: "Widget X", item: "gallium" }] });
  suppliersBook({ [ALIASES_SETTING_KEY]: aliases });
  let checksFail = true;
  const loadInputChecks: RulesRuntimeOptions["loadInputChecks"] = () =>
    checksFail ? Promise.reject(new Error("Loading chunk checks failed")) : jest.requireActual("../../src/runtime/load-input-checks").loadInputChecks();
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage(), loadInputChecks });
  await new TaskPaneApp(runtime).start();
  const notice = describePaneProblem("aliases_not_loaded", "Loading chunk checks failed");
  expect(notice).toBe(
    "The workbook's own aliases could not be read, because the part of the add-in that checks them could not be loaded from its server (Loading chunk checks failed). Scores are shown without them; reopen the pane to try again.",
  );
  await until(() => text("#pane-notices")?.includes(notice) === true);
  expect(runtime.userAliasesInForce.aliases).toEqual([]);

  checksFail = false;
  suppliersBook({ [ALIASES_SETTING_KEY]: aliases });
  const second = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage(), loadInputChecks });
  await new TaskPaneApp(second).start();
  await until(() => second.userAliasesInForce.aliases.length === 1);
  expect(second.userAliasesInForce.aliases).toEqual([{ commodity: "Widget X", item: "gallium" }]);
  expect(text("#pane-notices") ?? "").not.toContain("aliases could not be read");
});

test("a workbook with no aliases of its own opens without fetching the input checks", async () => {
  suppliersBook();
  let calls = 0;
  const loadInputChecks: RulesRuntimeOptions["loadInputChecks"] = () => {
    calls += 1;
    return Promise.reject(new Error("Loading chunk checks failed"));
  };
  const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage(), loadInputChecks });
  await new TaskPaneApp(runtime).start();
  await until(() => document.getElementById("summary-section")!.hidden === false);
  expect(calls).toBe(0);
  expect(text("#pane-notices")).toBe("");
});

test("stored aliases that cannot be read are a notice saying so, not silently none", async () => {
  const cases: [unknown, string][] = [
    ["{ this is not JSON", "the aliases are not in the expected form ((overlay): Invalid input: expected object, received string)"],
    [JSON.stringify({ format: 9, aliases: [] }), "the aliases are not in the expected form (format: Invalid input: expected 1)"],
  ];
  for (const [stored, detail] of cases) {
    suppliersBook({ [ALIASES_SETTING_KEY]: stored });
    const runtime = new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() });
    await new TaskPaneApp(runtime).start();
    const notice = describePaneProblem("aliases_unreadable", detail);
    expect(notice).toBe(`The workbook's own aliases could not be read (${detail}), so none are applied. Assigning an alias saves a new list in their place.`);
    await until(() => text("#pane-notices")?.includes(notice) === true);
    expect(runtime.userAliasesInForce.aliases).toEqual([]);
  }
});
