import fc from "fast-check";
import { CATEGORIES, type Category } from "../../src/rules/vocabulary";
import { scoreRow } from "../../src/engine/score";
import type { RowInput, RowResult } from "../../src/engine/types";
import { controlArb, dateArb, fixtureRules, makeControl, rowArb, rowWithDependenceArb, rulesWith, scored, shareArb } from "./support";

// Each run compiles a ruleset; on a shared two-core machine the default 5 s is too tight.
jest.setTimeout(60_000);

const rules = fixtureRules();
const scoresOf = (r: RowResult) => (r.ok ? [r.score, ...CATEGORIES.map((c) => r.categories[c])] : null);

test("every score is within 0..100 and the same on every run", () => {
  const freshlyCompiled = fixtureRules();
  fc.assert(
    fc.property(rowArb, dateArb, (row, asOf) => {
      const first = scoreRow(row, rules, { asOf });
      expect(scoreRow(row, freshlyCompiled, { asOf })).toEqual(first);
      for (const value of scoresOf(first) ?? []) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
    }),
    { numRuns: 500 },
  );
});

const DEPENDENCE_FIELDS = ["chinaInputShare", "chinaTechnology", "chinaEquipment", "chinaPersonnel"] as const;

test("raising any dependence input never lowers any score", () => {
  fc.assert(
    fc.property(rowWithDependenceArb, fc.constantFrom(...DEPENDENCE_FIELDS), shareArb, dateArb, (row, field, higher, asOf) => {
      const lower = row[field] as number;
      fc.pre(higher > lower);
      const before = scoresOf(scoreRow(row, rules, { asOf }));
      const after = scoresOf(scoreRow({ ...row, [field]: higher }, rules, { asOf }));
      expect(after === null).toBe(before === null);
      before?.forEach((value, i) => expect(after![i]).toBeGreaterThanOrEqual(value));
    }),
    { numRuns: 500 },
  );
});

test("adding a control never lowers any score", () => {
  fc.assert(
    fc.property(controlArb, fc.array(rowArb, { minLength: 1, maxLength: 10 }), dateArb, (control, rows, asOf) => {
      const extended = rulesWith([control]);
      for (const row of rows) {
        const before = scoresOf(scoreRow(row, rules, { asOf }));
        const after = scoresOf(scoreRow(row, extended, { asOf }));
        before?.forEach((value, i) => expect(after![i]).toBeGreaterThanOrEqual(value));
      }
    }),
    { numRuns: 150 },
  );
});

test("a control before its first date, outside its scope, or lifted contributes exactly 0", () => {
  const outsideArb = fc.oneof(
    // not yet in existence on the scoring date
    fc.tuple(controlArb, dateArb).map(([control, from]) => ({ control: { ...control, timeline: [{ status: "in_force", from }] }, asOfBefore: from, site: undefined })),
    // destination-specific, and the site is elsewhere
    controlArb.map((control) => ({
      control: { ...control, scope: { kind: "destinations", destinations: [{ country: "JP", weight: 1 }] } },
      asOfBefore: null,
      site: "DE",
    })),
    // lifted
    controlArb.map((control) => ({ control: { ...control, timeline: [{ status: "lifted", from: "2023-01-01" }] }, asOfBefore: null, site: undefined })),
  );
  fc.assert(
    fc.property(outsideArb, rowArb, dateArb, ({ control, asOfBefore, site }, row, date) => {
      const asOf = asOfBefore === null ? date : previousDay(asOfBefore);
      const probe: RowInput = site === undefined ? row : { ...row, siteCountry: site };
      const without = scoreRow(probe, rules, { asOf });
      const withControl = scoreRow(probe, rulesWith([control]), { asOf });
      expect(withControl).toEqual(without);
    }),
    { numRuns: 300 },
  );
});

test("for the same control: in force > proposed, informal > suspended > lifted (0)", () => {
  const order = [["in_force"], ["proposed", "informal"], ["suspended"], ["lifted"]] as const;
  fc.assert(
    fc.property(
      fc.constantFrom<Category>(...CATEGORIES),
      fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
      fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
      (category, severity, dependence) => {
        const contributionAndScore = (status: string) => {
          const control = makeControl({ id: "TEST-STATUS", category, anyItem: true, items: [], status, from: "2024-01-01", worldwide: true, destinations: [], weight: 1, severity });
          const row = { commodity: "office chairs", supplierCountry: "DE", siteCountry: "FR", chinaInputShare: dependence, chinaTechnology: dependence, chinaEquipment: dependence, chinaPersonnel: dependence };
          const result = scored(scoreRow(row, rulesWith([control]), { asOf: "2025-06-01" }));
          const hit = result.hits.find((h) => h.controlId === "TEST-STATUS");
          return { contribution: hit?.contribution ?? 0, score: result.categories[category] };
        };
        const tiers = order.map((statuses) => statuses.map(contributionAndScore));
        for (let i = 0; i + 1 < tiers.length; i++) {
          for (const stronger of tiers[i]) {
            for (const weaker of tiers[i + 1]) {
              expect(stronger.contribution).toBeGreaterThan(weaker.contribution);
              expect(stronger.score).toBeGreaterThanOrEqual(weaker.score);
            }
          }
        }
        expect(tiers[3][0]).toEqual({ contribution: 0, score: 0 });
      },
    ),
    { numRuns: 200 },
  );
});

test("every non-zero category names at least one control with an https source", () => {
  fc.assert(
    fc.property(rowArb, dateArb, (row, asOf) => {
      const result = scoreRow(row, rules, { asOf });
      if (!result.ok) return;
      for (const category of CATEGORIES) {
        if (result.categories[category] === 0) continue;
        const named = result.hits.filter((h) => h.category === category && h.contribution * h.dependence > 0);
        expect(named.length).toBeGreaterThan(0);
        for (const hit of named) expect(hit.sourceUrl).toMatch(/^https:\/\//);
      }
    }),
    { numRuns: 500 },
  );
});

test("an unrecognised commodity is reported unmatched, never silently scored as safe", () => {
  const gibberish = fc.stringMatching(/^[qxzjkv]{5,14}$/);
  fc.assert(
    fc.property(gibberish, fc.constantFrom("IN", "DE", "US"), shareArb, dateArb, (commodity, site, equipment, asOf) => {
      const result = scored(scoreRow({ commodity, supplierCountry: "CN", siteCountry: site, chinaEquipment: equipment }, rules, { asOf }));
      expect(result.match).toMatchObject({ itemId: null, method: "none" });
      expect(result.warnings.map((w) => w.code)).toContain("unmatched");
      expect(result.explanation).toMatch(/^Not recognised/);
      // whatever-the-item controls still apply to an unmatched row
      expect(result.hits.every((h) => h.via.kind === "any_item")).toBe(true);
    }),
    { numRuns: 300 },
  );
});

function previousDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
