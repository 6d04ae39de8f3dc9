/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import { compileRules, type Portfolio } from "../../src/engine";
import { parseRules } from "../../src/rules/parse";
import type { RulesStatus } from "../../src/runtime";
import { externalLink, httpsUrl } from "../../taskpane/ui/dom";
import { controlsNeedingReview, renderRulesPanel } from "../../taskpane/ui/rules-panel";
import { renderSummary } from "../../taskpane/ui/summary";

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=2</script>";

beforeAll(() => {
  // jsdom has no canvas; the chart then falls back to its table.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
});

function hostileRules() {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"));
  raw.publisher = { name: `${IMG} Rules Ltd ${SCRIPT}`, url: "https://rules.example.com/" };
  for (const control of raw.controls) control.title = `${IMG}${control.title}`;
  const parsed = parseRules(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRules(parsed.rules);
}

function status(rules: ReturnType<typeof hostileRules>, lastError: RulesStatus["lastError"] = null): RulesStatus {
  const doc = rules.doc;
  return {
    source: "url",
    url: "https://rules.example.com/rules.json",
    version: doc.version,
    publishedAt: doc.publishedAt,
    reviewedAt: doc.reviewedAt,
    fetchedAt: "2026-05-01T10:00:00.000Z",
    etag: null,
    controlCount: doc.controls.length,
    checkedAt: "2026-05-02T10:00:00.000Z",
    lastAttemptAt: null,
    lastError,
    refreshing: false,
  };
}

test("publisher names and control titles from a rules file stay text in the rules panel", () => {
  const rules = hostileRules();
  const banners = document.createElement("div");
  const facts = document.createElement("dl");
  const review = [...rules.controlsById.values()].slice(0, 1).map((c) => ({ controlId: c.control.id, title: c.control.title }));
  renderRulesPanel(banners, facts, status(rules, { code: "http_status", message: `HTTP 500 ${IMG}`, at: "2026-05-03T00:00:00Z", details: { code: "http_status" } }), rules, review);

  expect(facts.querySelectorAll("img, script").length).toBe(0);
  expect(banners.querySelectorAll("img, script").length).toBe(0);
  expect(facts.textContent).toContain(`${IMG} Rules Ltd ${SCRIPT}`);
  expect(banners.querySelector("#rules-error")?.textContent).toContain(`HTTP 500 ${IMG}`);
  expect(banners.querySelector("#rules-review")?.textContent).toContain(IMG);
  expect(facts.querySelector("a")?.getAttribute("href")).toBe("https://rules.example.com/");
});

test("supplier names from the workbook and control titles stay text in the summary; a click selects by row index", () => {
  const portfolio: Portfolio = {
    counts: { rows: 2, scored: 2, errors: 0, unmatched: 1, reviewNeeded: 0, lowConfidence: 0 },
    weighting: "equal",
    spendWeightedScore: 40,
    categories: { minerals: 40, technology: 0, equipment: 0, personnel: 0 },
    totalSpend: 0,
    rowsWithoutSpend: 2,
    topRows: [
      { index: 1, supplier: IMG, commodity: SCRIPT, itemId: null, itemName: null, score: 55.5, leadingControl: { controlId: "x", title: IMG, category: "minerals" } },
    ],
    byItem: [],
    byControl: [],
    unmatchedCommodities: [{ text: SCRIPT, rows: 1, why: `not recognised: ${IMG}`, suggestions: [{ itemId: "gallium", itemName: IMG, why: SCRIPT }] }],
    errorsByCode: {},
  };
  const selected: number[] = [];
  const container = document.createElement("div");
  container.append(...renderSummary(portfolio, { onSelectRow: (index) => selected.push(index) }));
  expect(container.querySelectorAll("img, script").length).toBe(0);
  expect(container.querySelector(".cp-top-supplier")?.textContent).toBe(IMG);
  expect(container.querySelector("#unmatched-list")?.textContent).toContain(SCRIPT);
  expect(container.querySelector("#overall-score")?.textContent).toBe("40.0");
  (container.querySelector(".cp-top-row") as HTMLButtonElement).click();
  expect(selected).toEqual([1]);
});

test("links are made only for https addresses", () => {
  expect(httpsUrl("https://example.com/a")).toBe("https://example.com/a");
  expect(httpsUrl("http://example.com/a")).toBeNull();
  expect(httpsUrl("javascript:alert(1)")).toBeNull();
  expect(externalLink("javascript:alert(1)", "click").tagName).toBe("SPAN");
  const link = externalLink("https://example.com/", "source");
  expect(link.tagName).toBe("A");
  expect(link.getAttribute("rel")).toBe("noopener noreferrer");
});

test("controls whose suspension ran out after the last review are listed for review", () => {
  const rules = hostileRules();
  const suspended = [...rules.controlsById.values()].find((c) => c.timeline.some((e) => e.until !== undefined));
  if (!suspended) return expect(controlsNeedingReview(rules, "2100-01-01")).toEqual([]);
  const until = suspended.timeline.find((e) => e.until !== undefined)!.until!;
  const after = controlsNeedingReview(rules, "2100-01-01").map((c) => c.controlId);
  expect(after.includes(suspended.control.id)).toBe(rules.doc.reviewedAt < until);
});
