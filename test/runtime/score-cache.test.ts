import "../functions/setup";
import { ScoreCache } from "../../src/runtime/score-cache";
import { compileRules, scoreRows, type RowInput } from "../../src/engine";
import { parseRules } from "../../src/rules/parse";
import { FIXTURE_RULES } from "../functions/fixture";

function fixtureRules() {
  const parsed = parseRules(FIXTURE_RULES);
  if (!parsed.ok) throw new Error(parsed.issues[0].message);
  return compileRules(parsed.rules);
}

const OPTIONS = { asOf: "2025-06-01" };

function countingEngine() {
  const calls: RowInput[][] = [];
  const engine = (rows: readonly RowInput[], ...rest: Parameters<typeof scoreRows> extends [unknown, ...infer R] ? R : never) => {
    calls.push([...rows]);
    return scoreRows(rows, ...rest);
  };
  return { calls, engine };
}

test("rows not seen before go to the engine in one call, each distinct row once; null rows never", () => {
  const rules = fixtureRules();
  const { calls, engine } = countingEngine();
  const cache = new ScoreCache(100, engine);
  const gallium = { commodity: "gallium", supplierCountry: "Japan" };
  const results = cache.score([gallium, null, { ...gallium }, { commodity: "steel" }], rules, OPTIONS);
  expect(calls).toEqual([[gallium, { commodity: "steel" }]]);
  expect(results[1]).toBeNull();
  expect(results[0]).toBe(results[2]);
  expect(results[0]).toEqual(scoreRows([gallium], rules, OPTIONS)[0]);
});

test("a recalculation with the same inputs and rules costs no engine call", () => {
  const rules = fixtureRules();
  const { calls, engine } = countingEngine();
  const cache = new ScoreCache(100, engine);
  const rows = [{ commodity: "gallium" }, { commodity: "germanium" }];
  cache.score(rows, rules, OPTIONS);
  cache.score(rows, rules, OPTIONS);
  cache.score([{ commodity: "germanium" }, { commodity: "antimony" }], rules, OPTIONS);
  expect(calls).toEqual([rows, [{ commodity: "antimony" }]]);
});

test("a new ruleset, a new default date or a differently typed cell is a different entry", () => {
  const { calls, engine } = countingEngine();
  const cache = new ScoreCache(100, engine);
  const first = fixtureRules();
  cache.score([{ commodity: "gallium" }], first, OPTIONS);
  cache.score([{ commodity: "gallium" }], fixtureRules(), OPTIONS);
  cache.score([{ commodity: "gallium" }], first, { asOf: "2025-06-02" });
  cache.score([{ commodity: 850511 }], first, OPTIONS);
  cache.score([{ commodity: "850511" }], first, OPTIONS);
  expect(calls).toHaveLength(5);
});

test("the cache stays within its bound, dropping the least recently used rows first", () => {
  const rules = fixtureRules();
  const { calls, engine } = countingEngine();
  const cache = new ScoreCache(2, engine);
  const [a, b, c] = [{ commodity: "gallium" }, { commodity: "germanium" }, { commodity: "antimony" }];
  cache.score([a, b], rules, OPTIONS);
  cache.score([a], rules, OPTIONS); // a is now the most recently used
  cache.score([c], rules, OPTIONS); // b is dropped
  cache.score([a], rules, OPTIONS);
  cache.score([b], rules, OPTIONS);
  expect(calls).toEqual([[a, b], [c], [b]]);
});

test("rows that differ only in the supplier's name are different entries", () => {
  const rules = fixtureRules();
  const { calls, engine } = countingEngine();
  const cache = new ScoreCache(100, engine);
  const magnet = { commodity: "NdFeB magnet", supplierCountry: "US" };
  cache.score([magnet], rules, OPTIONS);
  cache.score([{ ...magnet, supplierName: "MP Materials Corp." }], rules, OPTIONS);
  expect(calls).toEqual([[magnet], [{ ...magnet, supplierName: "MP Materials Corp." }]]);
});
