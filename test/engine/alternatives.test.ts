/**
 * alternativesFor on a small hand-made ruleset whose producer figures are chosen so every expected number
 * can be worked out by hand (written next to each expectation).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileRules, type CompiledRules } from "../../src/engine";
import { alternativesFor, formatFigureYear, formatShare, producerStageOf } from "../../src/engine/alternatives";
import { checkedRules } from "../rules/checked";

const source = [{ url: "https://example.com/producers" }];

function figure(id: string, items: string[], stage: string, year: number, china: number | null, countries: [string, number | null][], extra: Record<string, unknown> = {}) {
  const shares = countries.some(([, share]) => share !== null);
  return {
    id,
    items,
    material: `${items[0]} ${stage}`,
    stage,
    year,
    china: { share: china },
    countries: countries.map(([country, share]) => ({ country, share })),
    ...(shares ? {} : { noCountryBreakdown: "the source gives no country shares" }),
    sources: source,
    confidence: "C",
    ...extra,
  };
}

function fixture(): CompiledRules {
  const doc = JSON.parse(readFileSync(join(__dirname, "../rules/fixtures/minimal-valid.json"), "utf8"));
  doc.items.push(
    { id: "lithium", name: "Lithium", aliases: ["Li metal"] },
    { id: "cell", name: "Battery cell", aliases: ["battery cell"], contains: ["gallium-arsenide", "lithium"] },
    { id: "samarium", name: "Samarium", aliases: ["Sm"] },
    { id: "anode", name: "Anode material", aliases: ["anode powder"] },
    { id: "cathode", name: "Cathode material", aliases: ["cathode powder"] },
    { id: "diamond", name: "Synthetic diamond", aliases: ["lab diamond"] },
    { id: "cam", name: "Cathode active material", aliases: ["CAM"] },
  );
  doc.producers = [
    // Listed first but superseded: never chosen, even before a figure of the same year.
    figure("li-mining-2024-first", ["lithium"], "mining", 2024, 0.25, [["AU", 0.5]], { supersededBy: "li-mining-2024" }),
    figure("ga-refining-2022", ["gallium"], "refining", 2022, 0.97, [["RU", 0.02]]),
    figure("ga-refining-capacity-2024", ["gallium"], "refining", 2024, 0.9, [["JP", 0.05]], { basis: "capacity" }),
    figure("ga-refining-2023", ["gallium"], "refining", 2023, 0.96, [["KR", null], ["JP", 0.01], ["RU", 0.02]]),
    figure("ga-mining-2023", ["gallium"], "mining", 2023, 0.6, [["AU", 0.3], ["GN", 0.1]]),
    figure("li-mining-2024", ["lithium"], "mining", 2024, 0.2, [["AU", 0.4], ["CL", 0.3]]),
    figure("li-refining-2024", ["lithium"], "refining", 2024, 0.7, [["CL", 0.2], ["AR", 0.05]]),
    figure("gaas-manufacturing-2024", ["gallium-arsenide"], "manufacturing", 2024, 0.5, [], { basis: "capacity" }),
    figure("sm-refining", ["samarium"], "refining", 2024, null, [["MY", null]]),
    figure("anode-processing-2024", ["anode"], "processing", 2024, 0.9, [["JP", 0.05]]),
    figure("diamond-2025", ["diamond"], "manufacturing", 2025, null, [["US", 0.01], ["RU", null]]),
    figure("diamond-2018", ["diamond"], "manufacturing", 2018, 0.9, [], { confidence: "U", china: { share: 0.9, qualifier: "more_than" } }),
    figure("cam-capacity-2020", ["cam"], "manufacturing", 2020, 0.743, [["KR", 0.189], ["JP", 0.055]], { basis: "capacity" }),
    figure("cam-capacity-2024", ["cam"], "manufacturing", 2024, 0.87, [["KR", null]], { basis: "capacity" }),
    figure("cathode-capacity-2024", ["cathode"], "manufacturing", 2024, 0.87, [["KR", null]], { basis: "capacity" }),
    figure("anode-capacity-2023", ["anode"], "manufacturing", 2023, 0.97, [], { basis: "capacity", china: { share: 0.97, qualifier: "more_than" } }),
  ];
  return compileRules(checkedRules(doc));
}

const rules = fixture();

describe("alternativesFor, one item's own stages", () => {
  const gallium = alternativesFor(rules, "gallium")!;

  it("chooses one figure per stage: production before capacity, then the latest year", () => {
    expect(gallium.stages.map((s) => [s.stage, s.figureId])).toEqual([
      ["mining", "ga-mining-2023"],
      ["refining", "ga-refining-2023"],
    ]);
    expect(gallium.otherFigures.map((s) => s.figureId)).toEqual(["ga-refining-capacity-2024", "ga-refining-2022"]);
  });

  it("lists producers outside China largest first, those without a share last", () => {
    const refining = gallium.stages[1];
    expect(refining.producers.map((p) => [p.country, p.share])).toEqual([
      ["RU", 0.02],
      ["JP", 0.01],
      ["KR", null],
    ]);
    expect(refining.producers[0].countryName).toBe("Russian Federation");
  });

  it("gives the share outside China and the HHI over China and the countries with a share", () => {
    const [mining, refining] = gallium.stages;
    // 1 − 0.96; 96² + 2² + 1² = 9,221 over 99% of world output.
    expect(refining.outsideChina).toEqual({ share: 0.04, qualifier: null });
    expect(refining.hhi).toBe(9221);
    expect(refining.hhiCoverage).toBe(0.99);
    // 60² + 30² + 10² = 4,600, all of world output.
    expect(mining.hhi).toBe(4600);
    expect(mining.hhiCoverage).toBe(1);
  });

  it("binds at its most China-concentrated stage and says why", () => {
    expect(gallium.binding?.supply.figureId).toBe("ga-refining-2023");
    expect(gallium.binding?.path).toEqual(["gallium"]);
    expect(gallium.binding?.reason).toBe("refining of Gallium, China 96% (2023): its most China-concentrated stage, of 2 stages with China's share");
    expect(gallium.answer).toEqual(gallium.binding);
  });

  it("answers for the stage asked, with the item's own figure", () => {
    expect(alternativesFor(rules, "gallium", "mining")!.answer?.supply.figureId).toBe("ga-mining-2023");
  });

  it("never chooses a superseded figure", () => {
    const lithium = alternativesFor(rules, "lithium")!;
    expect(lithium.stages.map((s) => s.figureId)).toEqual(["li-mining-2024", "li-refining-2024"]);
    expect(lithium.otherFigures.map((s) => s.figureId)).toEqual(["li-mining-2024-first"]);
  });
});

describe("alternativesFor, production before capacity", () => {
  it("binds where production is most China-concentrated, even when a capacity figure is higher", () => {
    // Processing output 90% vs >97% of manufacturing capacity: capacity says what could be made, not where supply comes from.
    const anode = alternativesFor(rules, "anode")!;
    expect(anode.binding?.supply.figureId).toBe("anode-processing-2024");
    expect(anode.stages.map((s) => s.figureId)).toEqual(["anode-processing-2024", "anode-capacity-2023"]);
    expect(anode.stages[1].outsideChina).toEqual({ share: 0.03, qualifier: "less_than" });
  });

  it("uses capacity when no production figure gives China's share", () => {
    expect(alternativesFor(rules, "cathode")!.binding?.supply.figureId).toBe("cathode-capacity-2024");
  });
});

describe("alternativesFor, a stage whose figures say different things", () => {
  it("lists the producers of the figure with a breakdown, and rates the stage by the figure with China's share", () => {
    const diamond = alternativesFor(rules, "diamond")!;
    expect(diamond.stages.map((s) => s.figureId)).toEqual(["diamond-2025"]);
    expect(diamond.binding?.supply.figureId).toBe("diamond-2025");
    expect(diamond.binding?.concentration?.figureId).toBe("diamond-2018");
    expect(diamond.binding?.reason).toBe(
      "manufacturing of Synthetic diamond, China >90% (2018): the only stage with China's share; producers from the 2025 figure",
    );
  });

  it("rates a stage by its latest China share, even when an older figure is listed for its breakdown", () => {
    const cam = alternativesFor(rules, "cam")!;
    expect(cam.binding?.supply.figureId).toBe("cam-capacity-2020");
    expect(cam.binding?.concentration?.figureId).toBe("cam-capacity-2024");
    expect(cam.binding?.reason).toBe("manufacturing capacity of Cathode active material, China 87% (2024): the only stage with China's share; producers from the 2020 figure");
  });

  it("rates a stage by its own figure when that figure gives China's share", () => {
    const gallium = alternativesFor(rules, "gallium")!;
    expect(gallium.binding?.concentration).toBe(gallium.binding?.supply);
  });
});

describe("alternativesFor, an item made of components", () => {
  it("binds at the most China-concentrated stage of anything it contains, with the path to it", () => {
    // cell → gallium-arsenide (capacity 50%) and lithium (mining 20%, refining 70%); gallium-arsenide → gallium (refining 96%).
    const cell = alternativesFor(rules, "cell")!;
    expect(cell.stages).toEqual([]);
    expect(cell.binding?.supply.figureId).toBe("ga-refining-2023");
    expect(cell.binding?.path).toEqual(["cell", "gallium-arsenide", "gallium"]);
    expect(cell.binding?.reason).toBe(
      "refining of Gallium, China 96% (2023): the most China-concentrated stage of what it contains (cell → gallium-arsenide → gallium), of 5 stages with China's share",
    );
  });

  it("answers a stage it has no figure for from its components, and its own stage from itself", () => {
    const mining = alternativesFor(rules, "gallium-arsenide", "mining")!.answer!;
    expect(mining.supply.figureId).toBe("ga-mining-2023");
    expect(mining.path).toEqual(["gallium-arsenide", "gallium"]);
    const own = alternativesFor(rules, "gallium-arsenide", "manufacturing")!.answer!;
    expect(own.supply.figureId).toBe("gaas-manufacturing-2024");
    expect(own.supply.hasBreakdown).toBe(false);
    expect(own.supply.noCountryBreakdown).toBe("the source gives no country shares");
  });

  it("at a stage, the most China-concentrated component wins (gallium refining 96% over lithium refining 70%)", () => {
    expect(alternativesFor(rules, "cell", "refining")!.answer?.supply.figureId).toBe("ga-refining-2023");
    expect(alternativesFor(rules, "cell", "mining")!.answer?.supply.figureId).toBe("ga-mining-2023");
  });
});

describe("alternativesFor, little or no data", () => {
  it("has no answer for an item without producer figures, and null for an unknown id", () => {
    expect(alternativesFor(rules, "steel")).toMatchObject({ stages: [], binding: null, answer: null });
    expect(alternativesFor(rules, "unobtainium")).toBeNull();
    expect(alternativesFor(rules, "gallium", "manufacturing")!.answer).toBeNull();
  });

  it("without China's share anywhere, answers with the first figure and no binding stage", () => {
    const samarium = alternativesFor(rules, "samarium")!;
    expect(samarium.binding).toBeNull();
    expect(samarium.answer?.supply.figureId).toBe("sm-refining");
    expect(samarium.answer?.supply.outsideChina).toBeNull();
    expect(samarium.answer?.supply.hhi).toBeNull();
    expect(samarium.answer?.reason).toContain("no figure gives China's share");
  });
});

describe("helpers the adapters share", () => {
  it("reads a stage typed any case, and nothing else", () => {
    expect(producerStageOf(" Refining ")).toBe("refining");
    expect(producerStageOf("smelting")).toBeNull();
  });

  it("writes shares and years the way the sources do", () => {
    expect(formatShare(0.913)).toBe("91.3%");
    expect(formatShare(0.9, "about")).toBe("≈90%");
    expect(formatShare(0.97, "more_than")).toBe(">97%");
    expect(formatShare(0.03, "less_than")).toBe("<3%");
    expect(formatFigureYear({ year: 2025, fromYear: null, estimated: true })).toBe("2025e");
    expect(formatFigureYear({ year: 2020, fromYear: 2016, estimated: false })).toBe("2016–2020");
    expect(formatFigureYear({ year: null, fromYear: null, estimated: false })).toBe("undated");
  });
});
