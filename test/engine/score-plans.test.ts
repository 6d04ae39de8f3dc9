/**
 * Scoring plans (src/engine/plan.ts) change how a row's score is computed, never what it is: on 100,000
 * synthetic rows, at several dates and under the "suspensions ended" what-if, every result the engine returns
 * serialises to exactly the bytes the frozen per-row scorer of commit e166501 (reference/score-e166501.ts)
 * produces — scores, categories, dependences, the reading, every hit, every warning, the one-line explanation
 * and the supplier's screening.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_SEED, seededRandom, syntheticInputs } from "../../bench/synthetic";
import { syntheticSupplierNames, type Corpus } from "../../bench/screening";
import { compileRules, scoreRows, type CompiledRules, type RowInput, type RowResult, type ScoreOptions } from "../../src/engine";
import { RowScorer } from "../../src/engine/score";
import { withUserAliases } from "../../src/engine/user-aliases";
import { parseUserAliases } from "../../src/engine/user-aliases-check";
import { bundledRules } from "./support-bundled";
import { referenceScoreRows } from "./reference/score-e166501";

const ROWS = 100_000;
const corpus = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "screening", "corpus.json"), "utf8")) as Corpus;

/** The bench's rows; one row in five also names its supplier (listed firms, look-alikes, ordinary names). */
function rowsFor(rules: CompiledRules): RowInput[] {
  const rows = syntheticInputs(rules.doc, ROWS);
  const names = syntheticSupplierNames(ROWS, corpus, seededRandom(BENCH_SEED + 11), 2_000);
  return rows.map((row, index) => (index % 5 === 0 ? { ...row, supplierName: names[index] } : row));
}

/** The first row whose serialised result differs from the expected text, with both texts; null when every row agrees. */
function firstDifference(actual: readonly RowResult[], expected: readonly string[]): { row: number; actual: string; expected: string } | null {
  if (actual.length !== expected.length) return { row: -1, actual: `${actual.length} rows`, expected: `${expected.length} rows` };
  for (let index = 0; index < expected.length; index++) {
    const got = JSON.stringify(actual[index]);
    if (got !== expected[index]) return { row: index, actual: got, expected: expected[index] };
  }
  return null;
}

const serialised = (results: readonly RowResult[]) => results.map((result) => JSON.stringify(result));

describe("scoring with plans gives the bytes of the per-row scorer", () => {
  const rules = bundledRules();
  /** The reference reads with its own compiled rules, so neither side sees the other's memo. */
  const reference = compileRules(rules.doc);
  const rows = rowsFor(rules);

  test("the rows exercise what plans share and what they must not", () => {
    const results = referenceScoreRows(rows, reference, { asOf: "2025-12-01" });
    const scored = results.filter((r) => r.ok);
    expect(scored.length).toBeGreaterThan(90_000);
    expect(results.length - scored.length).toBeGreaterThan(100);
    expect(scored.filter((r) => r.ok && r.match.itemId === null).length).toBeGreaterThan(5_000);
    expect(scored.filter((r) => r.ok && r.match.quantities.length > 0).length).toBeGreaterThan(100);
    expect(scored.filter((r) => r.ok && r.entity?.status === "listed").length).toBeGreaterThan(100);
    expect(scored.filter((r) => r.ok && r.entity?.status === "possible").length).toBeGreaterThan(10);
    expect(scored.filter((r) => r.ok && r.hits.some((h) => h.grade.outcome !== "whole_item")).length).toBeGreaterThan(1_000);
    expect(new Set(rows.map((r) => r.asOf ?? null)).size).toBeGreaterThan(100);
  });

  test.each<[string, ScoreOptions]>([
    ["2024-06-01", { asOf: "2024-06-01" }],
    ["2025-12-01, suspensions ended", { asOf: "2025-12-01", suspensionsEnded: true }],
    ["2026-11-20 (suspended)", { asOf: "2026-11-20" }],
    ["2027-03-01 (suspensions ran out, review needed)", { asOf: "2027-03-01" }],
  ])("on %s", (_label, options) => {
    const expected = serialised(referenceScoreRows(rows, reference, options));
    // One scorer kept across calls, as the CLI and the formulas keep it: the second half reuses the first half's plans.
    const scorer = new RowScorer(rules, options);
    expect(firstDifference([...scorer.scoreRows(rows.slice(0, ROWS / 2)), ...scorer.scoreRows(rows.slice(ROWS / 2))], expected)).toBeNull();
  }, 120_000);

  test("on 2025-12-01, in one scoreRows call and again with the commodity memo warm", () => {
    const expected = serialised(referenceScoreRows(rows, reference, { asOf: "2025-12-01" }));
    expect(firstDifference(scoreRows(rows, rules, { asOf: "2025-12-01" }), expected)).toBeNull();
    expect(firstDifference(scoreRows(rows, rules, { asOf: "2025-12-01" }), expected)).toBeNull();
  }, 120_000);

  test("with the workbook's own aliases", () => {
    const aliases = parseUserAliases({
      format: 1,
      aliases: [
        { commodity: "steel brackets", item: "ndfeb-magnet" },
        { commodity: "LFP", item: null },
      ],
    });
    if (!aliases.ok) throw new Error("aliases refused");
    const withAliases = withUserAliases(rules, aliases.aliases);
    const slice = rows.slice(0, 20_000);
    const expected = serialised(referenceScoreRows(slice, withUserAliases(reference, aliases.aliases), { asOf: "2025-12-01" }));
    expect(firstDifference(scoreRows(slice, withAliases, { asOf: "2025-12-01" }), expected)).toBeNull();
  }, 60_000);
});
