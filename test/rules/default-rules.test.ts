import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRules } from "../../src/rules/parse";
import { type RulesDocument } from "../../src/rules/schema";
import { coverageOf } from "../../src/rules/vocabulary";

const DEFAULT_RULES_PATH = join(__dirname, "../../src/rules/default-rules.json");

/**
 * Every control id in sections A1–A4 of the fact base (shared/research/controls.md) as its errata
 * (controls-errata-2026.md) correct them: No. 46 of 2024 is two clauses, and No. 33 of 2024 adds diamond
 * windows and six-sided-press synthesis technology. The checklist; edition-2026-11.test.ts checks each row.
 */
const FACT_BASE_CONTROL_IDS = [
  // A1 minerals and materials
  "CN-2023-GA-GE", "CN-2023-GRAPHITE", "CN-2024-SB", "CN-2024-US-DUALUSE-1", "CN-2024-US-DUALUSE-2", "CN-2025-W-TE-BI-MO-IN", "CN-2025-REE-7",
  "CN-2025-REE-EUC", "CN-2025-REE-5", "CN-2025-REE-EXTRATERR", "CN-2025-LIB-MAT", "CN-2025-SUPERHARD-MAT", "CN-2025-RE-RAWMAT",
  "CN-2025-W-SB-AG-STATE", "CN-2024-RE-MGMT", "CN-2026-JP-DUALUSE", "CN-2026-JP-RE-INFORMAL", "CN-2024-DIAMOND-WINDOW",
  // A2 technology
  "CN-2023-TECH-RE", "CN-2025-TECH-CATHODE", "CN-2025-TECH-LITHIUM", "CN-2025-TECH-GALLIUM", "CN-2025-TECH-RE-1E902",
  "CN-2025-TECH-LIB", "CN-2025-TECH-DCPCVD", "CN-2024-TECH-SB", "CN-2024-TECH-SUPERHARD", "CN-2025-TECH-W-TE", "CN-2023-TECH-SOLAR", "CN-2024-EV-TECH-INFORMAL",
  // A3 equipment
  "CN-2025-LIB-EQP", "CN-2025-RE-EQP", "CN-2025-DCPCVD-EQP", "CN-2024-SUPERHARD-EQP", "CN-2024-AERO-GT-EQP", "CN-2024-UAV",
  "CN-2025-EQP-INDIA-INFORMAL", "CN-2024-TBM-INDIA-INFORMAL", "CN-2024-CUSTOMS-SCRUTINY",
  // A4 personnel
  "CN-2025-PERS-FOXCONN-INDIA", "CN-2025-PERS-RE-EXPERTS", "CN-2025-PERS-RE-ASSIST", "CN-2020-ECL-DEEMED",
];

/** Item ids other parts of the product (engine tests, examples) rely on. */
const CONTRACT_ITEM_IDS = [
  "gallium", "germanium", "antimony", "natural-graphite", "synthetic-graphite", "tungsten", "tellurium", "bismuth", "molybdenum", "indium",
  "silver", "samarium", "gadolinium", "terbium", "dysprosium", "lutetium", "scandium", "yttrium", "holmium", "erbium", "thulium", "europium",
  "ytterbium", "neodymium", "rare-earth-ore", "lithium-carbonate", "lithium-hydroxide", "spodumene",
  "gallium-arsenide", "gallium-nitride", "germanium-substrate", "germanium-optics", "antimony-trioxide", "graphite-anode", "tungsten-carbide",
  "cadmium-telluride", "ndfeb-magnet", "smco-magnet", "lfp-cathode", "ncm-precursor", "li-ion-cell", "synthetic-diamond", "diamond-wire",
  "battery-production-equipment", "rare-earth-processing-equipment", "diamond-press", "superalloy-casting-furnace", "drone-components",
  "tunnel-boring-machine",
  "electronics-assembly", "solar-module", "steel", "aluminium", "copper", "plastics", "packaging", "logistics-services",
];

const CONTRACT_CONTAINS: Record<string, string[]> = {
  "gallium-arsenide": ["gallium"],
  "gallium-nitride": ["gallium"],
  "germanium-substrate": ["germanium"],
  "germanium-optics": ["germanium"],
  "antimony-trioxide": ["antimony"],
  "graphite-anode": ["natural-graphite", "synthetic-graphite"],
  "tungsten-carbide": ["tungsten"],
  "cadmium-telluride": ["tellurium"],
  "ndfeb-magnet": ["neodymium", "dysprosium", "terbium"],
  "smco-magnet": ["samarium"],
  "lfp-cathode": ["lithium-carbonate"],
  "li-ion-cell": ["lfp-cathode", "graphite-anode"],
  "diamond-wire": ["synthetic-diamond"],
};

const ORDINARY_ITEMS = ["electronics-assembly", "solar-module", "steel", "aluminium", "copper", "plastics", "packaging", "logistics-services"];

function loadDefaultRules(): RulesDocument {
  const parsed = parseRules(readFileSync(DEFAULT_RULES_PATH, "utf8"));
  if (!parsed.ok) throw new Error(`default rules are invalid:\n${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`);
  return parsed.rules;
}

describe("the bundled default ruleset", () => {
  const rules = loadDefaultRules();
  const controlsById = new Map(rules.controls.map((control) => [control.id, control]));
  const itemsById = new Map(rules.items.map((item) => [item.id, item]));

  it("parses with zero issues", () => {
    expect(parseRules(readFileSync(DEFAULT_RULES_PATH, "utf8"))).toMatchObject({ ok: true });
  });

  it("contains every control of the fact base (sections A1–A4, as corrected), and no other", () => {
    expect(FACT_BASE_CONTROL_IDS).toHaveLength(43);
    expect(FACT_BASE_CONTROL_IDS.filter((id) => !controlsById.has(id))).toEqual([]);
    expect(rules.controls.map((c) => c.id).filter((id) => !FACT_BASE_CONTROL_IDS.includes(id))).toEqual([]);
  });

  it.each(FACT_BASE_CONTROL_IDS)("%s has an https source, a timeline and some coverage", (id) => {
    const control = controlsById.get(id)!;
    expect(control.sources.length).toBeGreaterThan(0);
    for (const source of control.sources) expect(new URL(source.url).protocol).toBe("https:");
    expect(control.timeline.length).toBeGreaterThan(0);
    expect(control.anyItem || control.items.length > 0).toBe(true);
  });

  it("has the taxonomy items the engine and its tests rely on, with their components", () => {
    expect(CONTRACT_ITEM_IDS.filter((id) => !itemsById.has(id))).toEqual([]);
    for (const [id, components] of Object.entries(CONTRACT_CONTAINS)) {
      expect(itemsById.get(id)!.contains.map((entry) => coverageOf(entry).item)).toEqual(expect.arrayContaining(components));
    }
  });

  it("recognises ordinary purchases without tying any control to them", () => {
    const reached = new Set(rules.controls.flatMap((control) => control.items.map((entry) => coverageOf(entry).item)));
    for (const id of ORDINARY_ITEMS) {
      expect(reached.has(id)).toBe(false);
      expect(itemsById.get(id)!.contains).toEqual([]);
    }
  });

  it("marks the October 2025 measures suspended until 10 Nov 2026, then in force but unconfirmed, reviewed after the end date", () => {
    const suspendedToNov10 = rules.controls.filter((control) =>
      control.timeline.some((entry) => entry.status === "suspended" && entry.until === "2026-11-10"),
    );
    expect(suspendedToNov10.map((c) => c.id).sort()).toEqual(
      [
        "CN-2025-REE-5", "CN-2025-REE-EXTRATERR", "CN-2025-LIB-MAT", "CN-2025-SUPERHARD-MAT", "CN-2025-RE-RAWMAT", "CN-2025-TECH-RE-1E902",
        "CN-2025-TECH-LIB", "CN-2025-TECH-DCPCVD", "CN-2025-LIB-EQP", "CN-2025-RE-EQP", "CN-2025-DCPCVD-EQP", "CN-2025-PERS-RE-ASSIST",
      ].sort(),
    );
    for (const control of suspendedToNov10) expect(control.timeline.at(-1)).toMatchObject({ status: "in_force", from: "2026-11-11", unconfirmed: true });
    expect(rules.reviewedAt >= "2026-11-10").toBe(true);
    const clause2 = controlsById.get("CN-2024-US-DUALUSE-2")!;
    expect(clause2.timeline.at(-2)).toMatchObject({ status: "suspended", from: "2025-11-09", until: "2026-11-27" });
    expect(clause2.timeline.at(-1)).toMatchObject({ status: "in_force", from: "2026-11-28", unconfirmed: true });
  });

  it("follows the timeline conventions of the examples", () => {
    expect(controlsById.get("CN-2025-REE-5")!.timeline).toEqual([
      expect.objectContaining({ status: "announced", from: "2025-10-09" }),
      expect.objectContaining({ status: "suspended", from: "2025-11-07", until: "2026-11-10" }),
      expect.objectContaining({ status: "in_force", from: "2026-11-11", unconfirmed: true }),
    ]);
    expect(controlsById.get("CN-2025-TECH-CATHODE")!.timeline.map(({ status, from }) => ({ status, from }))).toEqual([
      { status: "proposed", from: "2025-01-02" },
      { status: "in_force", from: "2025-07-15" },
    ]);
    expect(controlsById.get("CN-2024-TBM-INDIA-INFORMAL")!.timeline.map((e) => e.status)).toEqual(["informal", "lifted"]);
  });

  it("scopes the informal measures to their destinations, India weighted highest", () => {
    const equipment = controlsById.get("CN-2025-EQP-INDIA-INFORMAL")!;
    expect(equipment.anyItem).toBe(true);
    expect(equipment.timeline[0].status).toBe("informal");
    if (equipment.scope.kind !== "destinations") throw new Error("expected destinations");
    const weights = new Map(equipment.scope.destinations.map((d) => [d.country, d.weight]));
    expect(weights.get("IN")).toBe(1);
    expect(weights.get("VN")!).toBeLessThan(1);
    expect(weights.get("TH")!).toBeLessThan(weights.get("VN")!);
    for (const clause of ["CN-2024-US-DUALUSE-1", "CN-2024-US-DUALUSE-2"]) {
      expect(controlsById.get(clause)!.scope).toMatchObject({ kind: "destinations", destinations: [{ country: "US" }] });
    }
  });

  it("orders the status weights in force > proposed/informal > suspended > lifted = 0", () => {
    const w = rules.weights.status;
    expect(w.in_force).toBeGreaterThan(w.proposed);
    expect(w.in_force).toBeGreaterThan(w.informal);
    expect(Math.min(w.proposed, w.informal, w.announced)).toBeGreaterThan(w.suspended);
    expect(w.suspended).toBeGreaterThan(w.lifted);
    expect(w.lifted).toBe(0);
  });

  it("gives every share figure a year and an https source", () => {
    for (const item of rules.items) {
      for (const figure of [item.chinaShare?.mining, item.chinaShare?.processing]) {
        if (!figure) continue;
        expect(figure.share).toBeGreaterThan(0);
        expect(figure.share).toBeLessThanOrEqual(1);
        expect(new URL(figure.source).protocol).toBe("https:");
      }
    }
  });

  it("writes chemical formulas both with and without subscripts", () => {
    const aliases = new Set(rules.items.flatMap((item) => item.aliases));
    for (const [withSubscripts, plain] of [["LiFePO₄", "LiFePO4"], ["Ga₂O₃", "Ga2O3"], ["Sb₂O₃", "Sb2O3"], ["Li₂CO₃", "Li2CO3"]]) {
      expect(aliases.has(withSubscripts)).toBe(true);
      expect(aliases.has(plain)).toBe(true);
    }
  });

  it("refuses a copy whose control names an unknown item, naming the path", () => {
    const copy = JSON.parse(readFileSync(DEFAULT_RULES_PATH, "utf8"));
    copy.controls[12].items[0] = "not-an-item";
    const result = parseRules(copy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ code: "unknown_item", path: "controls[12].items[0]" })]);
  });
});

/**
 * The index of listing actions in shared/research/entity-lists.md (section 2, "Entities named"), typed in
 * from the research file: the checklist the bundled listings must cover, notice by notice.
 */
const RESEARCH_LISTING_INDEX: Record<string, number> = {
  "ECL-2025-01": 28, "ECL-2025-13": 15, "ECL-2025-21": 16, "ECL-2025-22": 12, "ECL-2025-35": 8, "ECL-2025-51": 3, "ECL-2026-11": 20,
  "ECL-2026-EU1": 7, "ECL-2026-23": 10, "ECL-2026-28": 20, "ECL-2026-30": 14, "WATCH-2026-12": 20, "WATCH-2026-29": 20,
  "UEL-2023-1": 2, "UEL-2024-1-2": 3, "UEL-2025-1": 10, "UEL-2025-2": 7, "UEL-2025-3": 4, "UEL-2025-4": 2, "UEL-2025-5-6": 10,
  "UEL-2025-7": 11, "UEL-2025-8": 6, "UEL-2025-9": 3, "UEL-2025-10": 23, "CML-2025-5": 2, "CML-2025-6": 5, "CML-2026-2-3": 7,
  "MFA-2023-09": 2, "MFA-2023-12": 1, "MFA-2024-01": 5, "MFA-2024-04": 2, "MFA-2024-05": 12, "MFA-2024-06": 3, "MFA-2024-07": 6,
  "MFA-2024-09": 9, "MFA-2024-10": 3, "MFA-2024-12a": 13, "MFA-2024-12b": 7, "MFA-2025-19": 20, "MOF-2026-10": 0,
};

describe("the bundled listings (China's entity lists)", () => {
  const rules = loadDefaultRules();
  const byId = new Map(rules.listings.map((action) => [action.id, action]));

  it("carry every listing action of the research file with its number of named entities (40 actions, 371 entity rows)", () => {
    expect(Object.keys(RESEARCH_LISTING_INDEX)).toHaveLength(40);
    expect(Object.values(RESEARCH_LISTING_INDEX).reduce((a, b) => a + b, 0)).toBe(371);
    expect(rules.listings.map((action) => action.id).sort()).toEqual(Object.keys(RESEARCH_LISTING_INDEX).sort());
    for (const [id, count] of Object.entries(RESEARCH_LISTING_INDEX)) expect([id, byId.get(id)!.entities.length]).toEqual([id, count]);
  });

  it("represent the procurement list's 46 firms honestly: a count, no names", () => {
    expect(byId.get("MOF-2026-10")).toMatchObject({ list: "procurement_exclusion", entities: [], unnamedEntities: 46, effects: ["procurement_ban"] });
  });

  it("list MP Materials and USA Rare Earth on the June 2026 control-list action, in force, in the US", () => {
    const june = byId.get("ECL-2026-23")!;
    expect(june).toMatchObject({ list: "control_list", date: "2026-06-22", timeline: [{ status: "listed", from: "2026-06-22" }] });
    expect(june.effects).toContain("dual_use_ban");
    expect(june.entities.find((e) => e.name === "MP Materials Corp.")).toMatchObject({ countries: ["US"], nameZh: "芒廷帕斯材料公司" });
    expect(june.entities.find((e) => e.name === "USA Rare Earth, Inc.")).toMatchObject({ countries: ["US"] });
  });

  it("mark the three suspensions that ran out about 10 Nov 2026 with an unconfirmed entry and a note, inventing no extension or lifting", () => {
    for (const id of ["ECL-2025-21", "UEL-2025-7", "CML-2025-6"]) {
      const timeline = byId.get(id)!.timeline;
      const last = timeline.at(-1)!;
      expect([id, timeline.at(-2)]).toEqual([id, expect.objectContaining({ status: "suspended", until: "2026-11-10" })]);
      expect([id, last]).toEqual([id, expect.objectContaining({ status: "listed", from: "2026-11-11", unconfirmed: true, note: expect.stringMatching(/no source/i) })]);
    }
    const unconfirmed = rules.listings.filter((action) => action.timeline.some((entry) => entry.unconfirmed)).map((action) => action.id);
    expect(unconfirmed.sort()).toEqual(["CML-2025-6", "ECL-2025-21", "UEL-2025-7"]);
  });

  it("date the lifted, stopped and cancelled listings as the research does", () => {
    const ends = (id: string) => byId.get(id)!.timeline.filter((e) => e.status === "lifted" || e.status === "cancelled").map(({ status, from }) => ({ status, from }));
    expect(ends("ECL-2025-13")).toEqual([{ status: "lifted", from: "2025-11-10" }]);
    expect(ends("ECL-2025-22")).toEqual([{ status: "lifted", from: "2025-08-12" }]);
    expect(ends("UEL-2025-5-6")).toEqual([{ status: "lifted", from: "2025-11-10" }]);
    expect(ends("UEL-2025-8")).toEqual([{ status: "lifted", from: "2025-08-12" }]);
    expect(ends("CML-2025-5")).toEqual([{ status: "cancelled", from: "2026-04-24" }]);
  });

  it("give every action https sources and a list kind matching its key", () => {
    const kindOf: Record<string, string> = {
      ECL: "control_list", WATCH: "watch_list", UEL: "unreliable_entity_list", CML: "mofcom_countermeasure", MFA: "mfa_countermeasure", MOF: "procurement_exclusion",
    };
    for (const action of rules.listings) {
      expect([action.id, action.list]).toEqual([action.id, kindOf[action.id.split("-")[0]]]);
      for (const source of action.sources) expect(new URL(source.url).protocol).toBe("https:");
    }
  });

  it("never give Aerkomm the machine-translation rendering 'Alcon' as a name", () => {
    const names = rules.listings.flatMap((a) => a.entities.flatMap((e) => [e.name, ...e.aliases, ...e.units]));
    expect(names.filter((name) => /alcon/i.test(name))).toEqual([]);
  });
});
