/**
 * One row gives one number everywhere: the formulas, called with whole columns, agree cell for cell with
 * `scoreRows` called directly on the same rows — for any mix of commodities, countries, shares and dates.
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());

import fc from "fast-check";
import { breakdown, explain, score } from "../../src/functions/functions";
import { scoreRows, type RowInput } from "../../src/engine";
import { errorOf, fixtureRuntime } from "./fixture";

const ON = "2025-06-01";
const commodity = fc.constantFrom("gallium", "Ga", "germanium ingot", "neo magnet", "8505.11", "LFP cathode", "Li-ion cell", "steel", "TBM", "unobtainium", "PCB assembly");
const country = fc.constantFrom<string | null>("China", "CN", "Japan", "Korea", "US", "India", "Vietnam", null);
const share = fc.oneof(fc.constant<number | string | null>(null), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("50%", "0.25", "100%"));
const date = fc.constantFrom<string | number | null>(ON, "2024-01-15", "2026-12-31", 45809, null);

const row = fc.record({
  commodity,
  supplierCountry: country,
  siteCountry: country,
  chinaInputShare: share,
  chinaTechnology: share,
  chinaEquipment: share,
  chinaPersonnel: share,
  asOf: date,
});

const FIELDS = ["commodity", "supplierCountry", "siteCountry", "chinaInputShare", "chinaTechnology", "chinaEquipment", "chinaPersonnel", "asOf"] as const;

test("formula columns and scoreRows give the same numbers for the same rows", () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
      // Rows whose date is blank score on a fixed day here, as the formula would on that day.
      const dated: RowInput[] = rows.map((r) => ({ ...r, asOf: r.asOf ?? ON }));
      const columns = FIELDS.map((field) => dated.map((r) => [r[field]]));
      const direct = scoreRows(dated, fixtureRuntime().active.compiled, { asOf: ON });
      const scores = score(...(columns as [unknown[][], unknown[][]]));
      const categories = breakdown(...(columns as [unknown[][], unknown[][]]));
      const lines = explain(...(columns as [unknown[][], unknown[][]]));

      direct.forEach((result, i) => {
        if (!result.ok) {
          expect(errorOf(scores[i][0])?.code).toBe("#VALUE!");
        } else if (result.match.itemId === null) {
          expect(errorOf(scores[i][0])?.code).toBe("#N/A");
          expect(lines[i][0]).toBe(result.explanation);
        } else {
          expect(scores[i][0]).toBe(result.score);
          expect(categories[i]).toEqual([result.categories.minerals, result.categories.technology, result.categories.equipment, result.categories.personnel]);
          expect(lines[i][0]).toBe(result.explanation);
        }
      });
    }),
    { numRuns: 60 },
  );
});
