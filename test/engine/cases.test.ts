import { CATEGORIES, type Category } from "../../src/rules/vocabulary";
import { scoreRow } from "../../src/engine/score";
import type { RowInput, RowResult, ScoreOptions, ScoredRow, WarningCode } from "../../src/engine/types";
import table from "../fixtures/engine-cases.json";
import { bundledRules } from "./support-bundled";

interface Case {
  id: string;
  asOf: string;
  options?: Omit<ScoreOptions, "asOf">;
  row: RowInput;
  expect: {
    error?: { code: string; field: string };
    item?: string | null;
    method?: string;
    nonZero?: Category[];
    zero?: Category[];
    controls?: string[];
    absentControls?: string[];
    warnings?: WarningCode[];
    noWarnings?: boolean;
  };
}

const rules = bundledRules();
const cases = table.cases as Case[];
const results = new Map<string, RowResult>(cases.map((c) => [c.id, scoreRow(c.row, rules, { ...c.options, asOf: c.asOf })]));

function scoredCase(id: string): ScoredRow {
  const result = results.get(id);
  if (!result) throw new Error(`no case named ${id}`);
  if (!result.ok) throw new Error(`${id} did not score: ${result.error.code} (${result.error.field})`);
  return result;
}

const valueOn = (row: ScoredRow, on: string) => (on === "score" ? row.score : row.categories[on as Category]);

test("the table holds at least 30 realistic rows", () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

describe.each(cases.map((c) => [c.id, c] as const))("%s", (id, c) => {
  const expected = c.expect;
  if (expected.error) {
    test("is a coded error", () => {
      const result = results.get(id)!;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject(expected.error!);
    });
    return;
  }
  test("reads the commodity as the expected item", () => {
    const row = scoredCase(id);
    expect(row.match.itemId).toBe(expected.item);
    if (expected.method) expect(row.match.method).toBe(expected.method);
  });
  test("has the expected zero and non-zero categories", () => {
    const row = scoredCase(id);
    for (const category of expected.nonZero ?? []) expect({ category, above0: row.categories[category] > 0 }).toEqual({ category, above0: true });
    for (const category of expected.zero ?? []) expect({ category, score: row.categories[category] }).toEqual({ category, score: 0 });
    if ((expected.zero ?? []).length === CATEGORIES.length) expect(row.score).toBe(0);
  });
  test("names the controls that fired and not the ones that cannot", () => {
    const row = scoredCase(id);
    const fired = row.hits.map((h) => h.controlId);
    for (const controlId of expected.controls ?? []) expect(fired).toContain(controlId);
    for (const controlId of expected.absentControls ?? []) expect(fired).not.toContain(controlId);
  });
  test("carries the expected warnings", () => {
    const codes = scoredCase(id).warnings.map((w) => w.code);
    for (const code of expected.warnings ?? []) expect(codes).toContain(code);
    if (expected.noWarnings) expect(codes).toEqual([]);
  });
});

test.each(table.orderings.map((o) => [`${o.higher} > ${o.lower} on ${o.on}`, o] as const))("%s", (_name, ordering) => {
  expect(valueOn(scoredCase(ordering.higher), ordering.on)).toBeGreaterThan(valueOn(scoredCase(ordering.lower), ordering.on));
});

test.each(table.equal.map((e) => [`${e.a} = ${e.b} on ${e.on}`, e] as const))("%s", (_name, pair) => {
  expect(valueOn(scoredCase(pair.a), pair.on)).toBe(valueOn(scoredCase(pair.b), pair.on));
});
