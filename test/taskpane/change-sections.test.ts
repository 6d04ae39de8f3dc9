/**
 * @jest-environment jsdom
 *
 * The "What changed" and "Coming up" sections render engine records as they are: hand-made diffs, impacts
 * and transitions go in, and the test reads the DOM. Text from a rules file stays text; every moved row is
 * a button that selects its row.
 */
import type { ChangeImpact, DateImpact, Horizon, RowMove, RulesDiff, Transition } from "../../src/engine";
import { MOVERS_SHOWN, TRANSITIONS_SHOWN, renderUpcoming, type RowLabel } from "../../taskpane/ui/change-sections";
import { renderChanges } from "../../taskpane/ui/what-changed-section";

const IMG = '<img src=x onerror="window.__pwned=1">';

const EMPTY_LISTS = { controls: [], items: [] };

function diffWith(more: Partial<RulesDiff> = {}): RulesDiff {
  return {
    rules: {
      old: { version: "2026.01.15-1", publishedAt: "2026-01-15", reviewedAt: "2026-01-15" },
      new: { version: "2026.11.26-1", publishedAt: "2026-11-26", reviewedAt: "2026-11-26" },
    },
    edition: [{ field: "version", before: "2026.01.15-1", after: "2026.11.26-1" }],
    controls: {
      added: [{ id: "CN-US-2", title: `${IMG} Clause 2`, category: "minerals", citation: "No. 46/2024 cl. 2", timeline: "in force from 2024-12-03" }],
      removed: [{ id: "CN-US", title: "Dual-use ban aimed at the United States", category: "minerals", citation: null, timeline: "in force from 2024-12-03" }],
      changed: [
        {
          id: "CN-GA",
          name: "Gallium export licensing",
          fields: [
            { field: "severity", before: "0.7", after: "0.8" },
            { field: "covers samarium", before: "whole item", after: null },
            { field: "covers terbium", before: "whole item", after: null },
          ],
        },
      ],
    },
    items: { added: [], removed: [], changed: [] },
    sections: [],
    ownerChanges: {
      entries: [{ date: "2026-11-26", controls: ["CN-US", "CN-US-2"], items: [], summary: `${IMG} Split in two`, unchanged: EMPTY_LISTS }],
      notListed: { controls: ["CN-GA"], items: [] },
      listedUnchanged: { controls: [], items: ["diamond-wire"] },
      agree: false,
    },
    ...more,
  };
}

function move(index: number, before: number, after: number): RowMove {
  return {
    index,
    supplier: `Supplier ${index}`,
    commodity: `commodity ${index}`,
    before: { score: before, itemId: "gallium", itemName: "Gallium", error: null },
    after: { score: after, itemId: "gallium", itemName: "Gallium", error: null },
    delta: Math.round((after - before) * 10) / 10,
    controls: [{ controlId: "CN-GA", title: "Gallium export licensing", category: "minerals", citation: null, before: "suspended", after: "in_force", effectBefore: 0.2, effectAfter: 0.8 }],
  };
}

const SUMMARY = {
  rows: 40,
  moved: 8,
  up: 6,
  down: 2,
  newErrors: 0,
  errorsCleared: 0,
  newlyUnmatched: 1,
  newlyMatched: 0,
  weighting: "spend" as const,
  spendWeighted: { before: 54, after: 58.8, delta: 4.8 },
};

const label = (index: number): RowLabel => ({ supplier: index === 3 ? `${IMG} Evil Co` : `Supplier ${index}`, commodity: `commodity ${index}`, itemName: "Gallium" });

function mount(elements: HTMLElement[]): HTMLElement {
  const root = document.createElement("div");
  root.append(...elements);
  document.body.replaceChildren(root);
  return root;
}

describe("What changed", () => {
  const handlers = { onSelectRow: jest.fn(), onWorkOutRows: jest.fn() };
  beforeEach(() => jest.clearAllMocks());

  it("says which editions, counts the controls and lists them with folded field changes, as text", () => {
    const root = mount(renderChanges(diffWith(), { kind: "no_table" }, label, handlers));
    expect(root.querySelector("#changes-headline")?.textContent).toBe("The rules changed from 2026.01.15-1 to 2026.11.26-1 (published 2026-11-26, reviewed 2026-11-26).");
    const counts = ["added", "removed", "changed"].map((kind) => root.querySelector(`#changes-controls-${kind}`)?.textContent);
    expect(counts).toEqual(["1", "1", "1"]);
    const controls = root.querySelector("#changes-controls")!.textContent!;
    expect(controls).toContain(`New: ${IMG} Clause 2 (CN-US-2)`);
    expect(controls).toContain("Removed: Dual-use ban aimed at the United States (CN-US)");
    expect(controls).toContain("severity: 0.7 → 0.8");
    expect(controls).toContain("covers samarium, terbium: removed whole item");
    expect(root.querySelectorAll("img, script").length).toBe(0);
  });

  it("shows the rule owner's list and flags where it disagrees with the file", () => {
    const root = mount(renderChanges(diffWith(), { kind: "no_table" }, label, handlers));
    expect(root.querySelector("#changes-owner-entries")?.textContent).toBe(`2026-11-26 ${IMG} Split in two`);
    const flags = root.querySelector("#changes-owner-flags")!.textContent!;
    expect(flags).toContain("Changed, but not in the list: CN-GA");
    expect(flags).toContain("In the list, but unchanged: diamond-wire");
    const agreeing = mount(renderChanges(diffWith({ ownerChanges: { ...diffWith().ownerChanges, notListed: EMPTY_LISTS, listedUnchanged: EMPTY_LISTS, agree: true } }), { kind: "no_table" }, label, handlers));
    expect(agreeing.querySelector("#changes-owner-flags")?.textContent).toBe("The list matches what changed in the file.");
  });

  it("lists the rows that moved most each way; choosing one selects its row", () => {
    const moves = [move(1, 10, 40), move(2, 50, 45), move(3, 20, 21), move(4, 0, 5), move(5, 30, 10), ...[6, 7, 8].map((i) => move(i, 1, 2))];
    const impact: ChangeImpact = { asOf: "2026-11-28", rows: moves, summary: SUMMARY };
    const root = mount(renderChanges(diffWith(), { kind: "ready", impact, asOf: "2026-11-28" }, label, handlers));
    expect(root.querySelector("#changes-rows-summary")?.textContent).toBe(
      "Scored on 2026-11-28 with each edition: 6 rows up, 2 down, of 40. 1 no longer recognised. Spend-weighted exposure 54.0 → 58.8 (+4.8).",
    );
    const up = [...root.querySelectorAll<HTMLButtonElement>("#changes-up .cp-top-row")];
    expect(up.map((b) => b.dataset.index)).toEqual(["1", "4", "3", "6", "7"].slice(0, MOVERS_SHOWN));
    expect(up[0].textContent).toContain("10.0 → 40.0 +30.0");
    expect(up[0].textContent).toContain("Gallium export licensing (suspended → in force)");
    const down = [...root.querySelectorAll<HTMLButtonElement>("#changes-down .cp-top-row")];
    expect(down.map((b) => b.dataset.index)).toEqual(["5", "2"]);
    expect(down[0].textContent).toContain("−20.0");
    expect(root.querySelector('#changes-up [data-index="3"]')?.textContent).toContain(`${IMG} Evil Co`);
    expect(root.querySelectorAll("img").length).toBe(0);
    down[1].click();
    expect(handlers.onSelectRow).toHaveBeenCalledWith(2);
  });

  it("for a very long list, waits to be asked before working out the rows", () => {
    const root = mount(renderChanges(diffWith(), { kind: "on_request", rows: 120_000 }, label, handlers));
    expect(root.querySelector("#changes-rows-summary")?.textContent).toContain("120,000 rows");
    root.querySelector<HTMLButtonElement>("#changes-work-out")!.click();
    expect(handlers.onWorkOutRows).toHaveBeenCalledTimes(1);
  });
});

describe("Coming up", () => {
  const handlers = { onSelectRow: jest.fn(), onWorkOutRows: jest.fn() };
  const transition = (date: string, controlId: string, more: Partial<Transition> = {}): Transition => ({
    date,
    controlId,
    title: `${controlId} title`,
    category: "minerals",
    citation: null,
    fromStatus: "suspended",
    toStatus: "in_force",
    kind: "suspension_ends",
    unconfirmed: false,
    assumed: false,
    note: null,
    sourceUrl: "https://example.com/",
    ...more,
  });
  const horizon: Horizon = {
    from: "2026-09-01",
    to: "2026-11-30",
    transitions: [
      transition("2026-11-11", "CN-LIB", { unconfirmed: true, note: `${IMG} no word on an extension` }),
      transition("2026-11-28", "CN-US", { assumed: true }),
      transition("2026-11-29", "CN-NEW", { fromStatus: null, toStatus: "announced", kind: "begins" }),
    ],
  };

  it("lists the transitions with their flags and notes, as text", () => {
    const root = mount(renderUpcoming(horizon, 90, { kind: "no_table" }, label, handlers));
    expect(root.querySelector("#upcoming-summary")?.textContent).toBe("3 status changes in the 90 days after 2026-09-01 (to 2026-11-30).");
    const items = [...root.querySelectorAll("#upcoming-transitions > li")].map((li) => li.textContent);
    expect(items).toEqual([
      `2026-11-11 CN-LIB title (CN-LIB)suspended → in forceunconfirmed${IMG} no word on an extension`,
      "2026-11-28 CN-US title (CN-US)suspended → in forceassumed",
      "2026-11-29 CN-NEW title (CN-NEW)not yet in force → announced",
    ]);
    expect(root.querySelector("#upcoming-rows-summary")?.textContent).toBe("Analyse your supplier list to see which rows move.");
    expect(root.querySelectorAll("img").length).toBe(0);
  });

  it("shows at most the first transitions, and says how many more", () => {
    const many: Horizon = { ...horizon, transitions: Array.from({ length: TRANSITIONS_SHOWN + 4 }, (_, i) => transition("2026-11-11", `CN-${i}`)) };
    const root = mount(renderUpcoming(many, 90, { kind: "no_table" }, label, handlers));
    expect(root.querySelectorAll("#upcoming-transitions > li")).toHaveLength(TRANSITIONS_SHOWN);
    expect(root.textContent).toContain("… and 4 more");
  });

  it("says which rows will move, on which day and why, and selects a row when chosen", () => {
    const impact: DateImpact = {
      ...horizon,
      rows: [
        {
          index: 7,
          supplier: "Supplier 7",
          commodity: "germanium ingot",
          before: { score: 76.8, itemId: "germanium", itemName: "Germanium", error: null },
          after: { score: 97, itemId: "germanium", itemName: "Germanium", error: null },
          delta: 20.2,
          steps: [{ date: "2026-11-28", before: 76.8, after: 97, delta: 20.2, controls: [{ controlId: "CN-US", title: "US ban", category: "minerals", citation: null, before: "suspended", after: "in_force", effectBefore: 0.2, effectAfter: 0.8 }] }],
        },
      ],
      summary: { ...SUMMARY, moved: 1, up: 1, down: 0, newlyUnmatched: 0, spendWeighted: { before: 54, after: 54.9, delta: 0.9 } },
    };
    const root = mount(renderUpcoming(horizon, 90, { kind: "ready", impact, asOf: "2026-09-01" }, label, handlers));
    expect(root.querySelector("#upcoming-rows-summary")?.textContent).toBe("1 of your 40 rows will move: 1 up, 0 down. Spend-weighted exposure 54.0 → 54.9 (+0.9).");
    const button = root.querySelector<HTMLButtonElement>("#upcoming-up .cp-top-row")!;
    expect(button.textContent).toContain("76.8 → 97.0 +20.2");
    expect(button.textContent).toContain("2026-11-28: US ban");
    button.click();
    expect(handlers.onSelectRow).toHaveBeenCalledWith(7);
  });
});
