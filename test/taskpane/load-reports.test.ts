/**
 * @jest-environment jsdom
 *
 * The report-writing part of the pane is fetched on first use (taskpane/load-reports.ts). When it cannot be
 * fetched, "Write report" and the "Coming up" sheet say so with the pane's own code and write nothing; when it
 * arrives but a report cannot be built, that is a report failure.
 */
import * as fs from "fs";
import * as path from "path";
import { TaskPaneApp } from "../../taskpane/app";
import { describePaneProblem } from "../../taskpane/messages";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import { MockWorkbook } from "./mock-workbook";
import { checkedRules } from "../rules/checked";
import { until } from "./until";

let mockLoad: () => Promise<unknown> = () => Promise.reject(new Error("Loading chunk reports failed"));
jest.mock("../../taskpane/load-reports", () => ({ loadReports: () => mockLoad() }));

const RULES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"));
const PANE_HTML = fs.readFileSync(path.join(__dirname, "..", "..", "taskpane", "taskpane.html"), "utf8");

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
});

const status = () => document.getElementById("status")!.textContent;

/** The pane open on a small supplier table, its "Coming up" section shown. */
async function openPaneOnSuppliers(): Promise<MockWorkbook> {
  const book = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: [["Supplier", "Commodity", "Country"], ["Alpha", "gallium", "China"], ["Beta", "steel", "Japan"]] }],
    selection: { sheet: "Suppliers", row: 1, column: 1 },
  });
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  await new TaskPaneApp(new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() })).start();
  await until(() => document.getElementById("upcoming-section")!.hidden === false);
  return book;
}

test("when the report-writing part cannot be fetched, both report buttons say so and no sheet is written", async () => {
  const book = await openPaneOnSuppliers();
  const expected = "This part of the add-in could not be loaded from its server (Loading chunk reports failed). Check the connection and try again; nothing was changed.";
  expect(describePaneProblem("part_not_loaded", "Loading chunk reports failed")).toBe(expected);

  document.querySelector<HTMLButtonElement>("#write-report")!.click();
  await until(() => status() === expected);
  expect(document.querySelector<HTMLButtonElement>("#write-report")!.disabled).toBe(false);

  document.getElementById("status")!.textContent = "";
  document.querySelector<HTMLButtonElement>("#write-upcoming")!.click();
  await until(() => status() === expected);

  expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Suppliers"]);
  expect(book.writes.filter((w) => w.sheet === "Suppliers")).toEqual([]);
});

test("a report that cannot be built once its part has arrived is a report failure, and no sheet is written", async () => {
  const actual = jest.requireActual("../../taskpane/reports");
  mockLoad = () =>
    Promise.resolve({
      ...actual,
      buildUpcomingReport: () => {
        throw new Error("no dates to report");
      },
    });
  const book = await openPaneOnSuppliers();
  document.getElementById("status")!.textContent = "";
  document.querySelector<HTMLButtonElement>("#write-upcoming")!.click();
  await until(() => status() === describePaneProblem("report_failed", "no dates to report"));
  expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Suppliers"]);
});

