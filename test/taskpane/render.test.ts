/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import { compileRules, type Portfolio } from "../../src/engine";
import { alternativesFor } from "../../src/engine/alternatives";
import type { RulesStatus } from "../../src/runtime";
import { externalLink, httpsUrl } from "../../taskpane/ui/dom";
import { controlsNeedingReview, controlsWithUnconfirmedStatus, renderRulesPanel } from "../../taskpane/ui/rules-panel";
import { renderSummary } from "../../taskpane/ui/summary";
import { checkedRules } from "../rules/checked";

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=2</script>";

beforeAll(() => {
  // jsdom has no canvas; the chart then falls back to its table.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
});

function hostileRules(dates: { publishedAt?: string; reviewedAt?: string } = {}) {
  const raw = { ...JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8")), ...dates };
  raw.publisher = { name: `${IMG} Rules Ltd ${SCRIPT}`, url: "https://rules.example.com/" };
  for (const control of raw.controls) control.title = `${IMG}${control.title}`;
  return compileRules(checkedRules(raw));
}

function status(rules: ReturnType<typeof hostileRules>, lastError: RulesStatus["lastError"] = null, more: Partial<RulesStatus> = {}): RulesStatus {
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
    storageError: null,
    recalcError: null,
    refreshing: false,
    ...more,
  };
}

test("publisher names and control titles from a rules file stay text in the rules panel", () => {
  const rules = hostileRules();
  const banners = document.createElement("div");
  const facts = document.createElement("dl");
  const review = [...rules.controlsById.values()].slice(0, 1).map((c) => ({ controlId: c.control.id, title: c.control.title }));
  const unconfirmed = [{ controlId: "X-1", title: IMG, citation: SCRIPT, status: "in force", since: "2026-11-11", note: `no source ${SCRIPT}` }];
  renderRulesPanel(banners, facts, status(rules, { code: "http_status", message: `HTTP 500 ${IMG}`, at: "2026-05-03T00:00:00Z", details: { code: "http_status" } }), rules, review, unconfirmed);

  expect(facts.querySelectorAll("img, script").length).toBe(0);
  expect(banners.querySelectorAll("img, script").length).toBe(0);
  expect(facts.textContent).toContain(`${IMG} Rules Ltd ${SCRIPT}`);
  expect(banners.querySelector("#rules-error")?.textContent).toContain(`HTTP 500 ${IMG}`);
  expect(banners.querySelector("#rules-review")?.textContent).toContain(IMG);
  expect(banners.querySelector("#rules-unconfirmed")?.textContent).toContain(`no source ${SCRIPT}`);
  expect(facts.querySelector("a")?.getAttribute("href")).toBe("https://rules.example.com/");
});

test("supplier names from the workbook and control titles stay text in the summary; a click selects by row index", () => {
  const portfolio: Portfolio = {
    counts: { rows: 2, scored: 2, errors: 0, unmatched: 1, reviewNeeded: 0, unconfirmed: 1, gradeDependent: 2, lowConfidence: 0 },
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
    entities: {
      listed: 1,
      possible: 0,
      rows: [
        { index: 0, supplier: SCRIPT, status: "listed", name: IMG, listLabel: "Export Control Control List", actionId: "ECL-1", listStatus: "listed", since: "2026-06-22", unconfirmed: false, similarity: 1, score: 90 },
      ],
    },
  };
  const selected: number[] = [];
  const container = document.createElement("div");
  container.append(...renderSummary(portfolio, { onSelectRow: (index) => selected.push(index), supplierNamesScreened: true }));
  expect(container.querySelectorAll("img, script").length).toBe(0);
  expect(container.querySelector(".cp-top-supplier")?.textContent).toBe(IMG);
  expect(container.querySelector("#unmatched-list")?.textContent).toContain(SCRIPT);
  expect(container.querySelector("#overall-score")?.textContent).toBe("40.0");
  expect(container.querySelector("#count-unconfirmed")?.textContent).toBe("1");
  expect(container.querySelector("#count-grade")?.textContent).toBe("2");
  (container.querySelector(".cp-top-row") as HTMLButtonElement).click();
  expect(selected).toEqual([1]);
  expect(container.querySelector("#listed-suppliers .cp-entity-name")?.textContent).toBe(IMG);
  expect(container.querySelector("#listed-suppliers .cp-top-supplier")?.textContent).toBe(SCRIPT);
  (container.querySelector("#listed-suppliers .cp-entity-row") as HTMLButtonElement).click();
  expect(selected).toEqual([1, 0]);
});

test("the China's-lists section says when no supplier column is mapped, and when nothing matched", () => {
  const empty = { listed: 0, possible: 0, rows: [] };
  const base = {
    counts: { rows: 1, scored: 1, errors: 0, unmatched: 0, reviewNeeded: 0, unconfirmed: 0, gradeDependent: 0, lowConfidence: 0 },
    weighting: "equal" as const,
    spendWeightedScore: 0,
    categories: null,
    totalSpend: 0,
    rowsWithoutSpend: 1,
    topRows: [],
    byItem: [],
    byControl: [],
    unmatchedCommodities: [],
    errorsByCode: {},
    entities: empty,
  };
  const render = (screened: boolean) => {
    const container = document.createElement("div");
    container.append(...renderSummary(base, { onSelectRow: () => undefined, supplierNamesScreened: screened }));
    return container.querySelector("#entity-section")?.textContent ?? "";
  };
  expect(render(false)).toContain("Map a supplier-name column");
  expect(render(true)).toContain("No supplier name matches China's entity lists");
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
  // small-rules.json, reviewed 2026-01-15: REE-5, LIB-MAT and LIB-EQP are suspended until 2026-11-10,
  // US-DUALUSE until 2026-11-27. A suspension holds through its last day.
  const rules = hostileRules();
  const ids = (asOf: string) => controlsNeedingReview(rules, asOf).map((c) => c.controlId);
  expect(ids("2026-11-10")).toEqual([]);
  expect(ids("2026-11-11")).toEqual(["CN-2025-REE-5", "CN-2025-LIB-MAT", "CN-2025-LIB-EQP"]);
  expect(ids("2026-11-28")).toEqual(["CN-2024-US-DUALUSE", "CN-2025-REE-5", "CN-2025-LIB-MAT", "CN-2025-LIB-EQP"]);
});

test("a suspension that ended before the last review needs no review", () => {
  const rules = hostileRules({ publishedAt: "2026-12-01", reviewedAt: "2026-12-01" });
  expect(controlsNeedingReview(rules, "2027-01-01")).toEqual([]);
});

test("storage that could not be read is shown in the rules panel with its coded message", () => {
  const rules = hostileRules();
  const banners = document.createElement("div");
  const facts = document.createElement("dl");
  const storageError = { code: "storage_unreadable" as const, message: "The saved rules settings could not be read (quota)", at: "2026-05-03T00:00:00Z", details: { code: "storage_unreadable" as const } };
  renderRulesPanel(banners, facts, status(rules, null, { storageError }), rules, [], []);
  const shown = banners.querySelector("#rules-storage-error");
  expect(shown?.getAttribute("role")).toBe("alert");
  expect(shown?.textContent).toContain("The saved rules settings could not be read (quota)");
  renderRulesPanel(banners, facts, status(rules), rules, [], []);
  expect(banners.querySelector("#rules-storage-error")).toBeNull();
});

test("a failed recalculation after a swap is shown with a Recalculate now action", () => {
  const rules = hostileRules();
  const banners = document.createElement("div");
  const facts = document.createElement("dl");
  const recalcError = { code: "recalc_failed" as const, message: "The formulas could not be recalculated (payload too large)", at: "2026-05-03T00:00:00Z", details: { code: "recalc_failed" as const } };
  let asked = 0;
  renderRulesPanel(banners, facts, status(rules, null, { recalcError }), rules, [], [], { onRecalculate: () => (asked += 1) });
  const shown = banners.querySelector("#rules-recalc-error");
  expect(shown?.textContent).toContain("The formulas could not be recalculated (payload too large)");
  const button = shown?.querySelector<HTMLButtonElement>("button#recalculate-now");
  expect(button?.textContent).toBe("Recalculate now");
  button?.click();
  expect(asked).toBe(1);
  renderRulesPanel(banners, facts, status(rules), rules, [], [], { onRecalculate: () => undefined });
  expect(banners.querySelector("#rules-recalc-error")).toBeNull();
});

describe("where else each item is produced, under 'By controlled item'", () => {
  const bundled = (() => {
    return compileRules(checkedRules(fs.readFileSync(path.join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8")));
  })();

  function portfolioOf(items: { itemId: string; itemName: string }[]): Portfolio {
    return {
      counts: { rows: items.length, scored: items.length, errors: 0, unmatched: 0, reviewNeeded: 0, unconfirmed: 0, gradeDependent: 0, lowConfidence: 0 },
      weighting: "equal",
      spendWeightedScore: 50,
      categories: { minerals: 50, technology: 0, equipment: 0, personnel: 0 },
      totalSpend: 0,
      rowsWithoutSpend: items.length,
      topRows: [],
      byItem: items.map((item) => ({ ...item, rows: 1, weight: 1, meanScore: 50, maxScore: 50 })),
      byControl: [],
      unmatchedCommodities: [],
      errorsByCode: {},
      entities: { listed: 0, possible: 0, rows: [] },
    };
  }

  function render(items: { itemId: string; itemName: string }[]) {
    const alternatives = new Map(items.map((item) => [item.itemId, alternativesFor(bundled, item.itemId)!]));
    const container = document.createElement("div");
    container.append(...renderSummary(portfolioOf(items), { onSelectRow: () => undefined }, alternatives));
    return container;
  }

  const line = (container: HTMLElement, itemId: string) => container.querySelector(`.cp-alt-row[data-item-id="${itemId}"]`)?.textContent ?? "";

  it("shows the binding stage, the share outside China and the top three producers outside China", () => {
    const container = render([
      { itemId: "lithium-carbonate", itemName: "Lithium carbonate" },
      { itemId: "ndfeb-magnet", itemName: "NdFeB permanent magnet" },
    ]);
    // shared/research/producers.md §19 (IEA 2024 chemicals: China 70.2%) and §13 (IEA 2024 magnet REE refining: China 91.3%).
    expect(line(container, "lithium-carbonate")).toContain("Binds at refining (2024) · outside China 29.8% · Chile 20.4%, Argentina 5.5%, Australia 1.8%");
    expect(line(container, "ndfeb-magnet")).toContain("Binds at refining of Neodymium (2024) · outside China 8.7% · Malaysia 4.5%, United States of America 1.2%, Australia 0%");
    expect(container.querySelectorAll("#by-item tbody th").length).toBe(2);
  });

  it("says so when there is no country breakdown or no producer figure", () => {
    const container = render([
      { itemId: "cubic-boron-nitride", itemName: "Cubic boron nitride (cBN)" },
      { itemId: "steel", itemName: "Steel" },
    ]);
    // §24: cBN, China >70% (2018), no official table.
    expect(line(container, "cubic-boron-nitride")).toContain("Binds at manufacturing (2018) · outside China <30% · no country breakdown");
    expect(line(container, "steel")).toContain("No producer figures in the rules.");
  });

  it("leaves the table as it was when no alternatives are given", () => {
    const container = document.createElement("div");
    container.append(...renderSummary(portfolioOf([{ itemId: "steel", itemName: "Steel" }]), { onSelectRow: () => undefined }));
    expect(container.querySelectorAll(".cp-alt-row").length).toBe(0);
  });
});

test("controls counting on an unconfirmed status on the date are listed with the rule owner's note, and only on those dates", () => {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "grades-rules.json"), "utf8"));
  const checked = checkedRules(raw);
  const rules = compileRules(checked);
  // The fixture's clause 2 is suspended until 2026-11-27, then in force from 2026-11-28, marked unconfirmed.
  expect(controlsWithUnconfirmedStatus(rules, "2026-11-27")).toEqual([]);
  expect(controlsWithUnconfirmedStatus(rules, "2026-11-28")).toEqual([
    {
      controlId: "T-US-CL2",
      title: "No licence in principle to the US",
      citation: "No. 46/2024 cl. 2",
      status: "in force",
      since: "2026-11-28",
      note: "suspension ends 27 Nov 2026; no public source on an extension as of 26 Nov 2026",
    },
  ]);
  const banners = document.createElement("div");
  renderRulesPanel(banners, document.createElement("dl"), status(rules), rules, [], controlsWithUnconfirmedStatus(rules, "2026-11-28"));
  const banner = banners.querySelector("#rules-unconfirmed");
  expect(banner?.querySelector(".cp-banner-title")?.textContent).toBe("1 control counts on an unconfirmed status on this date");
  expect(banner?.textContent).toContain("(T-US-CL2, No. 46/2024 cl. 2): in force since 2026-11-28");
  expect(banner?.textContent).toContain("no public source on an extension as of 26 Nov 2026");
});

test("the headline counts rows left out of the spend weighting in words that agree with the number", () => {
  const portfolioWith = (rowsWithoutSpend: number): Portfolio => ({
    counts: { rows: 3, scored: 3, errors: 0, unmatched: 0, reviewNeeded: 0, unconfirmed: 0, gradeDependent: 0, lowConfidence: 0 },
    weighting: "spend",
    spendWeightedScore: 30,
    categories: { minerals: 30, technology: 0, equipment: 0, personnel: 0 },
    totalSpend: 1000,
    rowsWithoutSpend,
    topRows: [],
    byItem: [],
    byControl: [],
    unmatchedCommodities: [],
    errorsByCode: {},
    entities: { listed: 0, possible: 0, rows: [] },
  });
  const headlineText = (rows: number) => {
    const container = document.createElement("div");
    container.append(...renderSummary(portfolioWith(rows), { onSelectRow: () => undefined }));
    return container.querySelector(".cp-headline")?.textContent ?? "";
  };
  expect(headlineText(1)).toContain("1 row without spend is left out of the weighting.");
  expect(headlineText(2)).toContain("2 rows without spend are left out of the weighting.");
  expect(headlineText(0)).not.toContain("without spend");
});
