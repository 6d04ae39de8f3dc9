/**
 * @jest-environment jsdom
 *
 * The pane's controller over the real taskpane.html and a mock workbook: problems that used to be
 * swallowed (a saved column mapping that cannot be read or saved, a re-scoring that throws) each leave a
 * visible notice with its code, and nothing is left as an unhandled rejection.
 */
import * as fs from "fs";
import * as path from "path";
import * as analysis from "../../taskpane/analysis";
import { TaskPaneApp } from "../../taskpane/app";
import { MAPPING_SETTING_KEY } from "../../taskpane/excel/mapping-store";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import { MockWorkbook } from "./mock-workbook";
import { checkedRules } from "../rules/checked";
import { until } from "./until";

const RULES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"));
const PANE_HTML = fs.readFileSync(path.join(__dirname, "..", "..", "taskpane", "taskpane.html"), "utf8");

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});
afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as { Excel?: unknown }).Excel;
  unhandled.length = 0;
});

function workbook(settings: Record<string, unknown> = {}): MockWorkbook {
  return new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: [["Supplier", "Commodity", "Country"], ["Alpha", "gallium", "China"], ["Beta", "steel", "Japan"]] }],
    selection: { sheet: "Suppliers", row: 1, column: 1 },
    settings,
  });
}

async function openPane(book: MockWorkbook): Promise<TaskPaneApp> {
  document.documentElement.innerHTML = PANE_HTML.replace(/<script[\s\S]*?<\/script>/g, "");
  (globalThis as { Excel?: unknown }).Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(book.context) };
  const app = new TaskPaneApp(new RulesRuntime({ bundled: checkedRules(RULES), storage: createMemoryStorage() }));
  await app.start();
  return app;
}


function notices(): { code: string | null; text: string }[] {
  return [...document.querySelectorAll("#pane-notices [data-code]")].map((node) => ({ code: node.getAttribute("data-code"), text: node.textContent ?? "" }));
}

test("a saved column mapping that cannot be read is a visible notice, and automatic matching is used", async () => {
  await openPane(workbook({ [MAPPING_SETTING_KEY]: "{ this is not JSON" }));
  expect(notices()).toEqual([{ code: "mapping_unreadable", text: expect.stringContaining("saved column choices") }]);
  expect(document.getElementById("summary-section")?.hidden).toBe(false);
});

test("a column choice that cannot be saved is a visible notice that outlives the re-scoring", async () => {
  const book = workbook();
  await openPane(book);
  const settings = (book.context.workbook as unknown as { settings: { add: unknown } }).settings;
  settings.add = () => {
    throw new Error("The workbook is read-only.");
  };
  const select = document.querySelector<HTMLSelectElement>("#mapping-fields select")!;
  select.value = "";
  select.dispatchEvent(new Event("change"));
  await until(() => notices().length > 0 && /^Scored /.test(document.getElementById("status")?.textContent ?? ""));
  expect(notices()).toEqual([{ code: "mapping_not_saved", text: expect.stringContaining("The workbook is read-only.") }]);
});

test("a re-scoring that throws is a visible notice, not an unhandled rejection", async () => {
  await openPane(workbook());
  jest.spyOn(analysis, "analyseRows").mockRejectedValue(new RangeError("Invalid array length"));
  const asOf = document.querySelector<HTMLInputElement>("#as-of")!;
  asOf.value = "2025-06-01";
  asOf.dispatchEvent(new Event("change"));
  await until(() => notices().length > 0 && document.body.getAttribute("aria-busy") === "false");
  expect(unhandled).toEqual([]);
  expect(notices()).toEqual([{ code: "scoring_failed", text: expect.stringContaining("Invalid array length") }]);
  expect(document.body.getAttribute("aria-busy")).toBe("false");
});
