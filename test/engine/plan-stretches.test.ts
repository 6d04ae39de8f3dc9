/**
 * A control's status changes only on certain days (status.ts): when a timeline entry begins, and the day after a
 * dated status (a suspension) ends. Rows dated on different days between two such days of the controls that can
 * reach their item get the same hits, so they share one plan; rows on either side of such a day never do, and every
 * result is what scoring the row alone gives.
 */
import { compileRules, type RowInput } from "../../src/engine";
import { RowScorer } from "../../src/engine/score";
import { addDays } from "../../src/engine/dates";
import { bundledRules } from "./support-bundled";
import { fixtureRules } from "./support";
import { referenceScoreRows } from "./reference/score-e166501";

const row = (asOf: string, siteCountry = "DE"): RowInput => ({ commodity: "gallium", supplierCountry: "DE", siteCountry, chinaInputShare: 0.5, asOf });

const daysOf = (month: string, count: number) => Array.from({ length: count }, (_, day) => `${month}-${String(day + 1).padStart(2, "0")}`);

test("rows dated on any day of February 2025 share one plan in the small ruleset (no status changes that month)", () => {
  const scorer = new RowScorer(fixtureRules(), { asOf: "2025-06-01" });
  scorer.scoreRows(daysOf("2025-02", 28).map((day) => row(day)));
  expect(scorer.plansMade).toBe(1);
});

test("January 2025 is two stretches for gallium (any-item controls change on the 10th) and three for LFP cathode (its technology control changes on the 2nd)", () => {
  const gallium = new RowScorer(fixtureRules(), { asOf: "2025-06-01" });
  gallium.scoreRows(daysOf("2025-01", 31).map((day) => row(day)));
  expect(gallium.plansMade).toBe(2);
  const cathode = new RowScorer(fixtureRules(), { asOf: "2025-06-01" });
  cathode.scoreRows(daysOf("2025-01", 31).map((day) => ({ ...row(day), commodity: "LFP cathode" })));
  expect(cathode.plansMade).toBe(3);
});

test("the day before a suspension, the suspension from its first to its last day, and the day after it are three stretches", () => {
  // CN-2025-REE-5 in the small ruleset covers holmium: announced 2025-10-09, suspended from 2025-11-07 through 2026-11-10.
  const scorer = new RowScorer(fixtureRules(), { asOf: "2025-06-01" });
  const days = ["2025-11-06", "2025-11-07", "2025-11-08", "2026-11-10", "2026-11-11", "2026-11-12"];
  const rows = days.map((day) => ({ ...row(day), commodity: "holmium" }));
  const results = scorer.scoreRows(rows);
  // The day before and the first day differ; so do the last day and the day after. Within a stretch, one plan.
  expect(scorer.plansMade).toBe(3);
  expect(results.map((result) => JSON.stringify(result))).toEqual(
    referenceScoreRows(rows, compileRules(fixtureRules().doc), { asOf: "2025-06-01" }).map((result) => JSON.stringify(result)),
  );
});

test("with the bundled rules, rows dated around every status change day score as the per-row scorer scores them", () => {
  const rules = bundledRules();
  const changeDays = new Set<string>();
  for (const control of rules.doc.controls) {
    for (const entry of control.timeline) {
      changeDays.add(entry.from);
      if (entry.until !== undefined) changeDays.add(addDays(entry.until, 1));
    }
  }
  const dates = [...changeDays].flatMap((day) => [addDays(day, -1), day, addDays(day, 1)]);
  const commodities = ["gallium", "NdFeB magnets", "tungsten carbide inserts", "lithium iron phosphate cathode", "germanium wafers", "IT consulting"];
  const rows = dates.flatMap((asOf, index) =>
    commodities.map((commodity, k) => ({ commodity, supplierCountry: index % 3 === 0 ? "CN" : "DE", siteCountry: ["US", "JP", "IN", ""][(index + k) % 4], chinaInputShare: 0.4, chinaTechnology: k % 2 === 0 ? 0.3 : null, asOf })),
  );
  for (const options of [{ asOf: "2026-11-28" }, { asOf: "2026-11-28", suspensionsEnded: true }]) {
    const expected = referenceScoreRows(rows, compileRules(rules.doc), options).map((result) => JSON.stringify(result));
    const scorer = new RowScorer(rules, options);
    const actual = scorer.scoreRows(rows).map((result) => JSON.stringify(result));
    const differing = actual.findIndex((text, index) => text !== expected[index]);
    expect(differing === -1 ? null : { row: rows[differing], actual: actual[differing], expected: expected[differing] }).toBeNull();
  }
});
