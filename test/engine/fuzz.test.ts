import fc from "fast-check";
import { scoreRows } from "../../src/engine/score";
import { describeEngineError } from "../../src/engine/messages";
import type { CellValue, EngineErrorCode, RowInput } from "../../src/engine/types";
import { fixtureRules, ITEM_TEXTS, listingsFixtureRules } from "./support";

const ERROR_CODES: readonly EngineErrorCode[] = [
  "commodity_missing", "commodity_too_long", "share_invalid", "share_out_of_range", "country_unknown", "date_invalid", "date_out_of_range", "excel_error_input",
];
const HUGE = ["x".repeat(100_000), "NdFeB magnet ".repeat(8_000), "8".repeat(100_000)];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(...ITEM_TEXTS),
  fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#SPILL!", " #n/a "),
  fc.constantFrom("", " ", null, undefined, "50%", "1.5", "-3%", "China", "PRC", "IN", "2025-06-01", "45658", "HS 8505.11"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(...HUGE),
);

/** Mostly plausible values with random junk mixed in, so both outcomes are exercised. */
const mostly = (plausible: fc.Arbitrary<CellValue>) => fc.oneof({ arbitrary: plausible, weight: 9 }, { arbitrary: cellArb, weight: 1 });
const countryArb = mostly(fc.constantFrom("China", "PRC", "DE", "IN", "USA", "Viet Nam", "HK", "", null));
const shareArb = mostly(fc.oneof(fc.constantFrom(undefined, "", "50%"), fc.double({ min: 0, max: 1, noNaN: true })));

const rowArb: fc.Arbitrary<RowInput> = fc.record({
  commodity: cellArb,
  supplierCountry: countryArb,
  siteCountry: countryArb,
  chinaInputShare: shareArb,
  chinaTechnology: shareArb,
  chinaEquipment: shareArb,
  chinaPersonnel: shareArb,
  asOf: fc.option(cellArb, { freq: 9, nil: undefined }),
});

test("100,000 random rows never throw; each gives a score or a coded error", () => {
  const rules = fixtureRules();
  const rows = fc.sample(rowArb, { numRuns: 100_000, seed: 20250601 });
  const results = scoreRows(rows, rules, { asOf: "2025-06-01" });
  expect(results).toHaveLength(rows.length);
  let scoredCount = 0;
  for (const result of results) {
    if (result.ok) {
      scoredCount += 1;
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      expect(typeof result.explanation).toBe("string");
    } else {
      expect(ERROR_CODES).toContain(result.error.code);
      expect(describeEngineError(result.error).length).toBeLessThan(300);
    }
  }
  // the mix must exercise both outcomes, or the test proves nothing
  expect(scoredCount).toBeGreaterThan(100);
  expect(results.length - scoredCount).toBeGreaterThan(100);
}, 60_000);

test("20,000 random supplier names, hostile ones included, never throw; each screens to a valid outcome", () => {
  const rules = listingsFixtureRules();
  const nameArb: fc.Arbitrary<CellValue> = fc.oneof(
    cellArb,
    fc.constantFrom("MP Materials Corp.", "Mitsubishi Heavy Industries", "芒廷帕斯材料公司", "(((", "()", "Co., Ltd.", "K.K.", "a ".repeat(150), "漢".repeat(300), "MHI ".repeat(75)),
    fc.string({ unit: "binary", maxLength: 300 }),
  );
  const rows = fc.sample(fc.record({ commodity: fc.constantFrom(...ITEM_TEXTS), supplierCountry: countryArb, supplierName: nameArb }), { numRuns: 20_000, seed: 20261126 });
  const results = scoreRows(rows, rules, { asOf: "2026-07-01" });
  let screened = 0;
  for (const result of results) {
    if (!result.ok) {
      expect([...ERROR_CODES, "supplier_name_too_long"]).toContain(result.error.code);
      continue;
    }
    if (result.entity === null) continue;
    screened += 1;
    expect(["listed", "possible", "none"]).toContain(result.entity.status);
    if (result.entity.match !== null) {
      expect(result.entity.match.score).toBeGreaterThanOrEqual(0);
      expect(result.entity.match.score).toBeLessThanOrEqual(1);
    }
  }
  expect(screened).toBeGreaterThan(1_000);
}, 60_000);
