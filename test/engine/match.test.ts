import { hsCodeDigits, normalizeCommodity } from "../../src/engine/commodity";
import { matchCommodity } from "../../src/engine/match";
import { scoreRows } from "../../src/engine/score";
import { fixtureRules } from "./support";

describe("normalising commodity text", () => {
  test.each([
    ["LiFePO₄", "lifepo4"],
    ["Li₂CO₃ (battery grade)", "li2co3 battery grade"],
    ["  NdFeB—Magnets!! ", "ndfeb magnets"],
    ["Sm₂Co₁₇", "sm2co17"],
    ["ＧａＡｓ wafer", "gaas wafer"],
    ["Bismút", "bismut"],
    ["LiOH·H₂O", "lioh h2o"],
  ])("%s → %s", (text, normalized) => expect(normalizeCommodity(text)).toBe(normalized));

  test.each([
    ["850511", "850511"],
    ["8505.11", "850511"],
    ["HS 8505.11", "850511"],
    ["HS: 8505 11", "850511"],
    ["hs code 8505.11.00", "85051100"],
    ["50400", "050400"],
    ["2805301910", "2805301910"],
  ])("HS %s → %s", (text, digits) => expect(hsCodeDigits(normalizeCommodity(text))).toBe(digits));

  test.each(["ndfeb 8505", "123", "12345678901", "hs"])("%s is not an HS code", (text) =>
    expect(hsCodeDigits(normalizeCommodity(text))).toBeNull(),
  );
});

describe("matching", () => {
  const rules = fixtureRules();

  test.each([
    ["NdFeB magnet", "ndfeb-magnet", "alias", 1],
    ["Neodymium magnets", "ndfeb-magnet", "alias", 1],
    ["Nd₂Fe₁₄B", "ndfeb-magnet", "alias", 1],
    ["LiFePO₄", "lfp-cathode", "alias", 1],
    ["HS 8505.11", "ndfeb-magnet", "hs_code", 1],
    ["8505110090", "ndfeb-magnet", "hs_code", 1],
    [850511, "ndfeb-magnet", "hs_code", 1],
    ["2805301910", "samarium", "hs_code", 1],
    ["sintered NdFeB magnets for EV traction motors", "ndfeb-magnet", "alias", 0.95],
    ["Li-ion cells with graphite anode", "li-ion-cell", "alias", 0.95],
  ])("%s → %s by %s", (text, itemId, method, confidence) => {
    expect(matchCommodity(rules, String(text))).toMatchObject({ itemId, method, confidence });
  });

  test.each([
    ["neodynium magnet", "ndfeb-magnet"],
    ["germanium substarte", "germanium-substrate"],
    ["tunel boring machine", "tunnel-boring-machine"],
    ["galium", "gallium"],
  ])("typo %s → %s by fuzzy match", (text, itemId) => {
    const match = matchCommodity(rules, text);
    expect(match).toMatchObject({ itemId, method: "fuzzy" });
    expect(match.confidence).toBeGreaterThanOrEqual(0.65);
    expect(match.confidence).toBeLessThan(1);
  });

  test.each(["office chairs", "cat", "in", "consulting fees", "9999.99", "xyzzy"])("%s is unmatched", (text) => {
    expect(matchCommodity(rules, text)).toMatchObject({ itemId: null, method: "none", confidence: 0 });
  });

  test("100k rows with 500 distinct commodities are matched 500 times", () => {
    const fresh = fixtureRules();
    const distinct = Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? `NdFeB magnet lot ${i}` : `widget type ${i}`));
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ commodity: distinct[(i * 7919) % 500], supplierCountry: "CN", siteCountry: "DE" }));
    const results = scoreRows(rows, fresh, { asOf: "2025-06-01" });
    expect(results).toHaveLength(100_000);
    expect(fresh.matchMemo.computed).toBe(500);
    expect(fresh.matchMemo.results.size).toBe(500);
  });

  test("texts that normalise alike share one match", () => {
    const fresh = fixtureRules();
    for (const text of ["LiFePO₄", "lifepo4", " LIFEPO4 ", "LiFePO4!"]) matchCommodity(fresh, text);
    expect(fresh.matchMemo.computed).toBe(1);
  });
});
