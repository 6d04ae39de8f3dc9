/**
 * @jest-environment jsdom
 *
 * The pane over the real taskpane.html and a mock workbook whose selection is not in a table: the start
 * screen says what to do and offers the example; "Insert example list" puts it on a new sheet, selects it
 * and the pane analyses it, with the user's sheet left exactly as it was.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { TaskPaneApp } from "../../taskpane/app";
import { StartScreen, type StartScreenHost } from "../../taskpane/start-screen";
import { writeExampleSheet } from "../../taskpane/excel/example-sheet";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import { MockWorkbook, type Cell } from "./mock-workbook";
import { checkedRules } from "../rules/checked";
import { until } from "./until";

const RULES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"));
const PANE_HTML = fs.readFileSync(path.join(__dirname, "..", "..", "taskpane", "taskpane.html"), "utf8");
const EXAMPLE_CSV = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "suppliers.csv"), "utf8");
const USER_CELLS: Cell[][] = [["Q3 notes"], [null], ["Call Hoshino about magnet lead times"]];

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
});
afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

async function openPane(book: MockWorkbook): Promise<void> {
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  await new TaskPaneApp(new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() })).start();
}

const shown = (id: string) => !document.getElementById(id)!.hidden;


test("with no table under the selection the pane explains what to do and offers the example", async () => {
  const book = new MockWorkbook({ sheets: [{ name: "Notes", cells: USER_CELLS.map((row) => [...row]) }], selection: { sheet: "Notes", row: 0, column: 4 } });
  await openPane(book);
  expect(shown("start-section")).toBe(true);
  expect(shown("summary-section")).toBe(false);
  const lines = [...document.querySelectorAll("#start-section p")].map((p) => p.textContent);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain("Analyse selection");
  expect(lines[1]).toContain("40 suppliers");
  expect(book.writes).toEqual([]);
});

test("Insert example list writes a new sheet, selects it and analyses it; the user's sheet is unchanged", async () => {
  const book = new MockWorkbook({ sheets: [{ name: "Notes", cells: USER_CELLS.map((row) => [...row]) }], selection: { sheet: "Notes", row: 0, column: 4 } });
  await openPane(book);
  const before = JSON.stringify(book.sheet("Notes"));
  (document.getElementById("insert-example") as HTMLButtonElement).click();
  await until(() => shown("summary-section"));

  expect(book.sheets.map((s) => s.name)).toEqual(["Notes", "Example suppliers"]);
  expect(JSON.stringify(book.sheet("Notes"))).toBe(before);
  expect(book.writes.every((w) => w.sheet === "Example suppliers")).toBe(true);
  expect(book.selections).toEqual(["Example suppliers!A2:A2"]);
  expect(shown("start-section")).toBe(false);
  expect(document.getElementById("source-label")!.textContent).toBe("Table Table1 Example suppliers!A1:J41 · 40 suppliers");
  expect(document.getElementById("count-scored")!.textContent).not.toBe("");
});

test("a failure to write the example says so and leaves the start screen up", async () => {
  const book = new MockWorkbook({ sheets: [{ name: "Notes", cells: USER_CELLS.map((row) => [...row]) }], selection: { sheet: "Notes", row: 0, column: 4 } });
  await openPane(book);
  (globalThis as { Excel?: unknown }).Excel = { run: () => Promise.reject(new Error("The workbook is protected")) };
  (document.getElementById("insert-example") as HTMLButtonElement).click();
  await until(() => document.getElementById("status")!.textContent!.includes("could not be written"));
  expect(document.getElementById("status")!.textContent).toBe("The example list could not be written to a new sheet (The workbook is protected). Your sheets were not changed.");
  expect(shown("start-section")).toBe(true);
  expect((document.getElementById("insert-example") as HTMLButtonElement).disabled).toBe(false);
});

test("the number of suppliers taskpane.html promises is the number of rows in examples/suppliers.csv", () => {
  // The pane no longer parses the example to count it (the list is fetched only when inserted), so the page says it.
  const rows = Papa.parse<string[]>(EXAMPLE_CSV, { skipEmptyLines: true }).data.length - 1;
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  expect(document.getElementById("example-count")!.textContent).toBe(String(rows));
});

test("when the example's code cannot be fetched the pane says so with its own code, writes nothing and leaves the button usable", async () => {
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  const book = new MockWorkbook({ sheets: [{ name: "Notes", cells: USER_CELLS.map((row) => [...row]) }], selection: { sheet: "Notes", row: 0, column: 4 } });
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  const failures: [string, string][] = [];
  let analysed = false;
  const host: StartScreenHost = {
    announce: () => undefined,
    failed: (code, detail) => void failures.push([code, detail]),
    setBusy: () => undefined,
    analyseSelection: async () => {
      analysed = true;
    },
  };
  const screen = new StartScreen(host, () => Promise.reject(new Error("Loading chunk example failed")));
  await screen.insertExample();
  expect(failures).toEqual([["part_not_loaded", "Loading chunk example failed"]]);
  expect(analysed).toBe(false);
  expect(book.writes).toEqual([]);
  expect(book.sheets.map((s) => s.name)).toEqual(["Notes"]);
  expect((document.getElementById("insert-example") as HTMLButtonElement).disabled).toBe(false);
});

test("a list that cannot be built once its code has arrived is the example failing, not a part that did not load", async () => {
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  const book = new MockWorkbook({ sheets: [{ name: "Notes", cells: USER_CELLS.map((row) => [...row]) }], selection: { sheet: "Notes", row: 0, column: 4 } });
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  const failures: [string, string][] = [];
  const host: StartScreenHost = { announce: () => undefined, failed: (code, detail) => void failures.push([code, detail]), setBusy: () => undefined, analyseSelection: async () => undefined };
  const brokenList = () => {
    throw new Error("the example CSV has no header row");
  };
  const screen = new StartScreen(host, () => Promise.resolve({ build: brokenList, write: writeExampleSheet }));
  await screen.insertExample();
  expect(failures).toEqual([["example_failed", "the example CSV has no header row"]]);
  expect(book.writes).toEqual([]);
});

