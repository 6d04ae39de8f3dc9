/**
 * The producers section on the one parse path: what a producer figure may say, and how its China share is
 * held against the items' own `chinaShare` (tolerant of stage and year, strict on contradictions).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRules, type ParseRulesResult } from "../../src/rules/parse";

/** minimal-valid.json says gallium's China share of processing in 2023 is 98%. */
const minimal = () => JSON.parse(readFileSync(join(__dirname, "fixtures/minimal-valid.json"), "utf8"));

function figure(over: Record<string, unknown> = {}) {
  return {
    id: "gallium-refining-2023",
    items: ["gallium"],
    material: "Primary gallium",
    stage: "refining",
    year: 2023,
    worldTotal: { value: 700, unit: "t" },
    china: { share: 0.96 },
    countries: [{ country: "RU", share: 0.02 }],
    sources: [{ url: "https://example.com/gallium-producers" }],
    confidence: "C",
    ...over,
  };
}

function withProducers(...figures: Record<string, unknown>[]): ParseRulesResult {
  const doc = minimal();
  doc.producers = figures;
  return parseRules(doc);
}

const codes = (result: ParseRulesResult) => (result.ok ? [] : result.issues.map((i) => `${i.code} ${i.path}`));

describe("the producers section", () => {
  it("is optional: a document without it reads as having no producer figures", () => {
    const result = parseRules(minimal());
    expect(result.ok && result.rules.producers).toEqual([]);
  });

  it("applies its defaults: production basis, not estimated, no groups", () => {
    const result = withProducers(figure({ china: { share: 0.97 } }));
    if (!result.ok) throw new Error(codes(result).join("\n"));
    expect(result.rules.producers[0]).toMatchObject({ basis: "production", estimated: false, groups: [], chinaShareDiffers: [] });
  });

  it("accepts a figure that has no country breakdown when it says so, with no year, source or confidence when nothing was found", () => {
    const result = withProducers({ id: "gallium-hp", items: ["gallium"], material: "High-purity gallium", stage: "refining", china: { share: null }, noCountryBreakdown: "no split found" });
    expect(codes(result)).toEqual([]);
  });

  it("accepts the share sums of real USGS rows, whose rounded world totals push them a little over 100%", () => {
    // Tellurium 2025e (MCS 2026): 80.0 + 6.7 + 6.1 + 4.8 + 2.8 + 1.8 = 102.2% of a rounded 1,000 t.
    const tellurium = figure({ year: 2025, china: { share: 0.8 }, countries: [0.067, 0.061, 0.048, 0.028, 0.018].map((share, i) => ({ country: ["RU", "JP", "SE", "CA", "UZ"][i], share })) });
    expect(codes(withProducers(tellurium))).toEqual([]);
  });
});

describe("China's share stated twice (items[].chinaShare and producers)", () => {
  it("agrees within five points of the figures for the same item, stage group and year", () => {
    expect(codes(withProducers(figure({ china: { share: 0.94 } })))).toEqual([]);
    expect(codes(withProducers(figure({ china: { share: 0.92 } })))).toEqual(["china_share_mismatch items[0].chinaShare.processing.share"]);
  });

  it("holds the item's figure against the range of all matching figures, since two sources legitimately differ", () => {
    // 98% sits 6 points above the first source but within reach of the second.
    const low = figure({ id: "low", china: { share: 0.92 } });
    const high = figure({ id: "high", china: { share: 0.955 } });
    expect(codes(withProducers(low, high))).toEqual([]);
  });

  it("maps the item's processing share to refining, processing and manufacturing, and never to mining", () => {
    for (const stage of ["refining", "processing", "manufacturing"]) {
      expect(codes(withProducers(figure({ stage, china: { share: 0.5 }, countries: [{ country: "RU", share: 0.3 }] })))).toEqual([
        "china_share_mismatch items[0].chinaShare.processing.share",
      ]);
    }
    expect(codes(withProducers(figure({ stage: "mining", china: { share: 0.5 }, countries: [{ country: "RU", share: 0.3 }] })))).toEqual([]);
  });

  it("does not compare figures of another year, of capacity, superseded, or without a China share", () => {
    const contradicting = { china: { share: 0.5 }, countries: [{ country: "RU", share: 0.3 }] };
    expect(codes(withProducers(figure({ ...contradicting, year: 2024 })))).toEqual([]);
    expect(codes(withProducers(figure({ ...contradicting, basis: "capacity" })))).toEqual([]);
    expect(codes(withProducers(figure({ ...contradicting, supersededBy: "revised" }), figure({ id: "revised" })))).toEqual([]);
    expect(codes(withProducers(figure({ china: { share: null }, countries: [{ country: "RU", share: 0.3 }] })))).toEqual([]);
  });

  it("reads 'more than' as having no upper end", () => {
    expect(codes(withProducers(figure({ china: { share: 0.8, qualifier: "more_than" } })))).toEqual([]);
    expect(codes(withProducers(figure({ china: { share: 0.8 } })))).toEqual(["china_share_mismatch items[0].chinaShare.processing.share"]);
  });

  it("accepts a recorded difference, and refuses the record once the difference is gone", () => {
    const differs = [{ item: "gallium", reason: "the item's figure covers primary gallium only" }];
    expect(codes(withProducers(figure({ china: { share: 0.6 }, chinaShareDiffers: differs })))).toEqual([]);
    expect(codes(withProducers(figure({ chinaShareDiffers: differs })))).toEqual(["china_share_exception_unused producers[0].chinaShareDiffers[0].item"]);
    expect(codes(withProducers(figure({ year: 2024, chinaShareDiffers: differs })))).toEqual(["china_share_exception_unused producers[0].chinaShareDiffers[0].item"]);
    expect(codes(withProducers(figure({ chinaShareDiffers: [{ item: "steel", reason: "not this figure's item" }] })))).toEqual([
      "china_share_exception_unused producers[0].chinaShareDiffers[0].item",
    ]);
  });

  it("names both figures in the message", () => {
    const result = withProducers(figure({ china: { share: 0.6 }, countries: [{ country: "RU", share: 0.3 }] }));
    if (result.ok) throw new Error("expected a mismatch");
    expect(result.issues[0].message).toContain("98%");
    expect(result.issues[0].message).toContain("60% (gallium-refining-2023)");
  });
});
