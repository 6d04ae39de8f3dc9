/**
 * The horizon on a hand-made rules file (test/fixtures/rules/horizon-rules.json) whose timelines were
 * written for this test: every transition and every score below is read off those timelines and worked
 * out by hand (severity × status weight × dependence; weights: in force 1, announced 0.6, proposed 0.5,
 * informal 0.5, suspended 0.25, dropped 0).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileRules, type CompiledRules } from "../../src/engine/compile";
import { impactOfDate } from "../../src/engine/date-impact";
import { describeTransition, upcomingChanges } from "../../src/engine/horizon";
import type { PortfolioRowInput } from "../../src/engine/types";
import { checkedRules } from "../rules/checked";

function horizonRules(): CompiledRules {
  return compileRules(checkedRules(readFileSync(join(__dirname, "..", "fixtures", "rules", "horizon-rules.json"), "utf8")));
}

const rules = horizonRules();

describe("upcomingChanges", () => {
  it("lists every status change after the first day through the last, by date, with its kind and flags", () => {
    const horizon = upcomingChanges(rules, "2026-10-01");
    expect({ from: horizon.from, to: horizon.to }).toEqual({ from: "2026-10-01", to: "2026-12-30" });
    expect(horizon.transitions.map((t) => [t.date, t.controlId, t.fromStatus, t.toStatus, t.kind, t.unconfirmed, t.assumed])).toEqual([
      ["2026-10-09", "C-ANNOUNCED", null, "announced", "begins", false, false],
      ["2026-10-20", "D-DRAFT-DROPPED", "proposed", "dropped", "dropped", false, false],
      ["2026-11-02", "G-ADOPTED", "proposed", "announced", "adopted", false, false],
      ["2026-11-11", "B-SUSPENSION-UNCONFIRMED", "suspended", "in_force", "suspension_ends", true, false],
      ["2026-11-28", "A-SUSPENSION-RUNS-OUT", "suspended", "in_force", "suspension_ends", false, true],
      ["2026-12-01", "C-ANNOUNCED", "announced", "in_force", "takes_effect", false, false],
      ["2026-12-15", "F-ANY-ITEM", null, "informal", "begins", false, false],
    ]);
  });

  it("carries the unconfirmed entry's note, the citation and the first source", () => {
    const { transitions } = upcomingChanges(rules, "2026-10-01");
    const unconfirmed = transitions.find((t) => t.controlId === "B-SUSPENSION-UNCONFIRMED")!;
    expect(unconfirmed).toMatchObject({ note: "No source on an extension.", sourceUrl: "https://example.com/b", title: "Suspension followed by an unconfirmed return" });
    expect(transitions.find((t) => t.controlId === "C-ANNOUNCED")!.citation).toBe("No. C/2026");
    expect(describeTransition(unconfirmed)).toBe("suspension ends: suspended → in force (unconfirmed)");
    expect(describeTransition(transitions.find((t) => t.controlId === "A-SUSPENSION-RUNS-OUT")!)).toBe(
      "suspension ends: suspended → in force (assumed: the rules say nothing after the end date; review needed)",
    );
  });

  it("leaves out a change on the first day and keeps one on the last day", () => {
    expect(upcomingChanges(rules, "2026-11-28", 30).transitions.map((t) => t.controlId)).toEqual(["C-ANNOUNCED", "F-ANY-ITEM"]);
    expect(upcomingChanges(rules, "2026-11-27", 1).transitions.map((t) => [t.date, t.controlId])).toEqual([["2026-11-28", "A-SUSPENSION-RUNS-OUT"]]);
    expect(upcomingChanges(rules, "2026-11-27", 0).transitions).toEqual([]);
  });

  it("refuses a window that is not a whole number of days", () => {
    expect(() => upcomingChanges(rules, "2026-10-01", -1)).toThrow(RangeError);
    expect(() => upcomingChanges(rules, "2026-10-01", 1.5)).toThrow(RangeError);
  });
});

describe("impactOfDate", () => {
  const rows: PortfolioRowInput[] = [
    // The row's own date is ignored: scored on 2020-01-01 it would have no control at all.
    { supplier: "Gallium Co", input: { commodity: "gallium", supplierCountry: "Japan", siteCountry: "Germany", chinaInputShare: 0.5, asOf: "2020-01-01" } },
    { supplier: "Germanium Co", input: { commodity: "germanium", supplierCountry: "Japan", siteCountry: "Germany", chinaInputShare: 1 } },
    { supplier: "Indium Co", input: { commodity: "indium", supplierCountry: "China", siteCountry: "Germany" } },
    { supplier: "Steel Co", input: { commodity: "steel coil", supplierCountry: "Japan", siteCountry: "Germany", chinaInputShare: 0.5 } },
    { supplier: "Widget Co", input: { commodity: "widget", supplierCountry: "Vietnam", siteCountry: "India", chinaPersonnel: 0.5 } },
    { supplier: "Copper Co", input: { commodity: "copper wire", supplierCountry: "Japan", siteCountry: "Germany", chinaInputShare: 0.5 } },
    { supplier: "Broken Co", input: { commodity: "gallium", supplierCountry: "Japan", chinaInputShare: "150%" } },
  ];

  const impact = impactOfDate(rows, rules, "2026-10-01", "2026-12-30");
  const steps = (index: number) =>
    impact.rows.find((row) => row.index === index)!.steps.map((s) => [s.date, s.before, s.after, s.delta, s.controls.map((c) => [c.controlId, c.before, c.after])]);

  it("finds the rows that move, largest overall move first, and leaves the others out", () => {
    // Indium 0 → 50, germanium 15 → 60, gallium 10 → 40, widget 0 → 15, steel 10 → 0. Copper is reached by
    // G-ADOPTED but has no personnel dependence; the broken row is an error on every day.
    expect(impact.rows.map((row) => [row.index, row.before.score, row.after.score, row.delta])).toEqual([
      [2, 0, 50, 50],
      [1, 15, 60, 45],
      [0, 10, 40, 30],
      [4, 0, 15, 15],
      [3, 10, 0, -10],
    ]);
  });

  it("gives each day a row moves on, with the controls responsible", () => {
    expect(steps(2)).toEqual([
      ["2026-10-09", 0, 30, 30, [["C-ANNOUNCED", null, "announced"]]],
      ["2026-12-01", 30, 50, 20, [["C-ANNOUNCED", "announced", "in_force"]]],
    ]);
    expect(steps(1)).toEqual([["2026-11-11", 15, 60, 45, [["B-SUSPENSION-UNCONFIRMED", "suspended", "in_force"]]]]);
    expect(steps(0)).toEqual([["2026-11-28", 10, 40, 30, [["A-SUSPENSION-RUNS-OUT", "suspended", "in_force"]]]]);
    expect(steps(4)).toEqual([["2026-12-15", 0, 15, 15, [["F-ANY-ITEM", null, "informal"]]]]);
    expect(steps(3)).toEqual([["2026-10-20", 10, 0, -10, [["D-DRAFT-DROPPED", "proposed", null]]]]);
  });

  it("sums up the window: rows up and down, and the mean of the matched rows on each side", () => {
    // Equal weighting (no spend): matched rows gallium, germanium, indium, steel, copper.
    // Before (10 + 15 + 0 + 10 + 25) / 5 = 12; after (40 + 60 + 50 + 0 + 25) / 5 = 35.
    expect(impact.summary).toEqual({
      rows: 7,
      moved: 5,
      up: 4,
      down: 1,
      newErrors: 0,
      errorsCleared: 0,
      newlyUnmatched: 0,
      newlyMatched: 0,
      weighting: "equal",
      spendWeighted: { before: 12, after: 35, delta: 23 },
    });
    expect(impact.transitions).toHaveLength(7);
  });
});
