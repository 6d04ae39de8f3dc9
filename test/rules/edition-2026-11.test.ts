/**
 * The bundled rules, edition 2026.11, checked against the fact base: shared/research/controls.md and its
 * errata controls-errata-2026.md (checked 26 Nov 2026). Every expectation below is written from those
 * files, not read from the rules: one row per control with its category, scope, citation, the items it
 * names, and its status the day before, on, and after each transition of its history.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRules } from "../../src/rules/parse";
import { type Control, type RulesDocument } from "../../src/rules/schema";
import { coverageOf, type Category, type Status } from "../../src/rules/vocabulary";
import { sortTimeline, statusOn } from "../../src/engine/status";
import { compileRules } from "../../src/engine/compile";
import { scoreRow } from "../../src/engine/score";
import type { ScoredRow } from "../../src/engine/types";
import { scored } from "../engine/support";

function bundled(): RulesDocument {
  const parsed = parseRules(readFileSync(join(__dirname, "../../src/rules/default-rules.json"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return parsed.rules;
}

const rules = bundled();
const byId = new Map(rules.controls.map((control) => [control.id, control]));

/** `date: status` checks; `status*` means the status is marked unconfirmed; `none` means not yet on the books. */
type Check = `${string}: ${Status | `${Status}*` | "none"}`;

interface Row {
  id: string;
  category: Category;
  /** "worldwide", or the destinations with their weights, e.g. { US: 1 }. */
  scope: "worldwide" | Record<string, number>;
  extraterritorial?: boolean;
  citation: string | null;
  clause?: string;
  items: string[];
  checks: Check[];
}

// Shared histories, as the fact base gives them.
/** Announced 9 Oct 2025, due 8 Nov 2025, never in effect: suspended 7 Nov 2025 – 10 Nov 2026 by MOFCOM/GAC No. 70 of 2025; nothing known after. */
const OCTOBER_2025_NEVER_IN_EFFECT: Check[] = [
  "2025-10-08: none",
  "2025-10-09: announced",
  "2025-11-06: announced",
  "2025-11-07: suspended",
  "2026-11-10: suspended",
  "2026-11-11: in_force*",
  "2026-11-26: in_force*",
];
/** In force on announcement (9 Oct 2025), then the same No. 70 suspension. */
const OCTOBER_2025_IN_FORCE_AT_ONCE: Check[] = [
  "2025-10-08: none",
  "2025-10-09: in_force",
  "2025-11-06: in_force",
  "2025-11-07: suspended",
  "2026-11-10: suspended",
  "2026-11-11: in_force*",
];
const NO_33_OF_2024: Check[] = ["2024-08-14: none", "2024-08-15: announced", "2024-09-14: announced", "2024-09-15: in_force", "2026-11-26: in_force"];
const NO_28_OF_2025: Check[] = ["2025-01-01: none", "2025-01-02: proposed", "2025-07-14: proposed", "2025-07-15: in_force", "2026-11-26: in_force"];

const RE_SEVEN = ["samarium", "gadolinium", "terbium", "dysprosium", "lutetium", "scandium", "yttrium"];
const RE_FIVE = ["holmium", "erbium", "thulium", "europium", "ytterbium"];
const RE_KNOW_HOW = ["rare-earth-ore", ...RE_SEVEN, ...RE_FIVE, "neodymium", "ndfeb-magnet", "smco-magnet"];
/**
 * The technology and service items a licence or an engineering-services line is read as (issue #15): each
 * technology control names the know-how items of what it lists, and the personnel controls the same.
 */
const RE_TECHNOLOGY = ["rare-earth-separation-technology", "rare-earth-magnet-technology"];
const RE_LINE_SERVICES = "rare-earth-line-services";
/**
 * The minerals and materials on China's dual-use list under a control in force and never suspended:
 * No. 23/2023 (Ga, Ge), No. 39/2023 (graphite), No. 33/2024 (Sb; superhard windows), No. 10/2025, No. 18/2025.
 */
const DUAL_USE_MATERIALS = [
  "gallium", "gallium-arsenide", "gallium-nitride", "indium-gallium-arsenide", "germanium", "germanium-substrate",
  "natural-graphite", "synthetic-graphite",
  "antimony", "antimony-trioxide", "indium-antimonide", "diamond-window",
  "tungsten", "tungsten-carbide", "tellurium", "cadmium-telluride", "cadmium-zinc-telluride", "mercury-cadmium-telluride", "bismuth", "molybdenum",
  "indium", "indium-phosphide", "trimethylindium", "triethylindium",
  ...RE_SEVEN, "smco-magnet", "terfenol-d", "ndfeb-magnet",
];

const TABLE: Row[] = [
  // A1 minerals and materials
  { id: "CN-2023-GA-GE", category: "minerals", scope: "worldwide", citation: "No. 23/2023",
    items: ["gallium", "gallium-arsenide", "gallium-nitride", "indium-gallium-arsenide", "germanium", "germanium-substrate"],
    checks: ["2023-07-02: none", "2023-07-03: announced", "2023-07-31: announced", "2023-08-01: in_force", "2026-11-26: in_force"] },
  { id: "CN-2023-GRAPHITE", category: "minerals", scope: "worldwide", citation: "No. 39/2023", items: ["natural-graphite", "synthetic-graphite"],
    checks: ["2023-10-19: none", "2023-10-20: announced", "2023-11-30: announced", "2023-12-01: in_force", "2026-11-26: in_force"] },
  { id: "CN-2024-SB", category: "minerals", scope: "worldwide", citation: "No. 33/2024", items: ["antimony", "antimony-trioxide", "indium-antimonide"], checks: NO_33_OF_2024 },
  { id: "CN-2024-US-DUALUSE-1", category: "minerals", scope: { US: 1 }, extraterritorial: true, citation: "No. 46/2024 cl. 1", clause: "cl. 1", items: DUAL_USE_MATERIALS,
    // Clause 1 (US military users and uses) was never suspended: No. 72 of 2025 paused clause 2 only.
    checks: ["2024-12-02: none", "2024-12-03: in_force", "2025-11-09: in_force", "2026-11-20: in_force", "2026-11-28: in_force"] },
  { id: "CN-2024-US-DUALUSE-2", category: "minerals", scope: { US: 1 }, extraterritorial: true, citation: "No. 46/2024 cl. 2", clause: "cl. 2",
    items: ["gallium", "gallium-arsenide", "gallium-nitride", "indium-gallium-arsenide", "germanium", "germanium-substrate", "antimony", "antimony-trioxide",
      "indium-antimonide", "natural-graphite", "synthetic-graphite", "diamond-press", "diamond-press-parts", "cvd-diamond-reactor", "diamond-window"],
    checks: ["2024-12-02: none", "2024-12-03: in_force", "2025-11-08: in_force", "2025-11-09: suspended", "2026-11-27: suspended", "2026-11-28: in_force*"] },
  { id: "CN-2025-W-TE-BI-MO-IN", category: "minerals", scope: "worldwide", citation: "No. 10/2025",
    items: ["tungsten", "tungsten-carbide", "tellurium", "cadmium-telluride", "cadmium-zinc-telluride", "mercury-cadmium-telluride", "bismuth", "molybdenum",
      "indium", "indium-phosphide", "trimethylindium", "triethylindium"],
    checks: ["2025-02-03: none", "2025-02-04: in_force", "2026-11-26: in_force"] },
  { id: "CN-2025-REE-7", category: "minerals", scope: "worldwide", citation: "No. 18/2025", items: [...RE_SEVEN, "smco-magnet", "terfenol-d", "ndfeb-magnet"],
    checks: ["2025-04-03: none", "2025-04-04: in_force", "2026-11-26: in_force"] },
  { id: "CN-2025-REE-EUC", category: "minerals", scope: "worldwide", citation: null, items: [...RE_SEVEN, "ndfeb-magnet", "smco-magnet"],
    checks: ["2025-05-07: none", "2025-05-08: informal", "2026-11-26: informal"] },
  { id: "CN-2025-REE-5", category: "minerals", scope: "worldwide", citation: "No. 57/2025", items: [...RE_FIVE, "erbium-doped-fibre", "ytterbium-fibre-laser"],
    checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-REE-EXTRATERR", category: "minerals", scope: "worldwide", extraterritorial: true, citation: "No. 61/2025",
    // Part II: SmCo and Dy/Tb NdFeB magnet material, rare-earth sputtering targets; Part I: the 13 inputs (TbDyFe is Terfenol-D). No Ho, Er, Tm, Eu, Yb.
    items: ["smco-magnet", "ndfeb-magnet", "rare-earth-sputtering-target", "terfenol-d", ...RE_SEVEN],
    checks: OCTOBER_2025_IN_FORCE_AT_ONCE },
  { id: "CN-2025-LIB-MAT", category: "minerals", scope: "worldwide", citation: "No. 58/2025",
    items: ["li-ion-cell", "lfp-cathode", "ncm-precursor", "li-rich-manganese-cathode", "graphite-anode"], checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-SUPERHARD-MAT", category: "minerals", scope: "worldwide", citation: "No. 55/2025", items: ["synthetic-diamond", "diamond-wire", "diamond-grinding-wheel"],
    checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-RE-RAWMAT", category: "minerals", scope: "worldwide", citation: "No. 56/2025", items: ["rare-earth-ore", "rare-earth-extractant"],
    checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-W-SB-AG-STATE", category: "minerals", scope: "worldwide", citation: "No. 68/2025", items: ["tungsten", "antimony", "silver"],
    checks: ["2025-10-25: none", "2025-10-26: announced", "2025-12-31: announced", "2026-01-01: in_force", "2026-11-26: in_force"] },
  { id: "CN-2024-RE-MGMT", category: "minerals", scope: "worldwide", citation: "State Council Order No. 785", items: ["rare-earth-ore", ...RE_SEVEN, ...RE_FIVE, "neodymium"],
    checks: ["2024-09-30: none", "2024-10-01: framework", "2026-11-26: framework"] },
  { id: "CN-2026-JP-DUALUSE", category: "minerals", scope: { JP: 1 }, extraterritorial: true, citation: "No. 1/2026", items: DUAL_USE_MATERIALS,
    checks: ["2026-01-05: none", "2026-01-06: in_force", "2026-11-26: in_force"] },
  { id: "CN-2026-JP-RE-INFORMAL", category: "minerals", scope: { JP: 0.8 }, citation: null, items: [...RE_SEVEN, "ndfeb-magnet", "smco-magnet", "tungsten"],
    checks: ["2026-01-08: none", "2026-01-09: informal", "2026-11-26: informal"] },
  { id: "CN-2024-DIAMOND-WINDOW", category: "minerals", scope: "worldwide", citation: "No. 33/2024", items: ["diamond-window"], checks: NO_33_OF_2024 },
  // A2 technology
  { id: "CN-2023-TECH-RE", category: "technology", scope: "worldwide", citation: "No. 57/2023", items: [...RE_KNOW_HOW, ...RE_TECHNOLOGY],
    checks: ["2022-12-29: none", "2022-12-30: proposed", "2023-12-20: proposed", "2023-12-21: in_force", "2026-11-26: in_force"] },
  { id: "CN-2025-TECH-CATHODE", category: "technology", scope: "worldwide", citation: "No. 28/2025", items: ["lfp-cathode", "lmfp-cathode", "phosphate-precursor", "cathode-process-technology"], checks: NO_28_OF_2025 },
  { id: "CN-2025-TECH-LITHIUM", category: "technology", scope: "worldwide", citation: "No. 28/2025", items: ["lithium-carbonate", "lithium-hydroxide", "lithium-metal", "lithium-process-technology"], checks: NO_28_OF_2025 },
  { id: "CN-2025-TECH-GALLIUM", category: "technology", scope: "worldwide", citation: "No. 28/2025", items: ["gallium", "gallium-recovery-technology"], checks: NO_28_OF_2025 },
  { id: "CN-2025-TECH-RE-1E902", category: "technology", scope: "worldwide", citation: "No. 62/2025", items: [...RE_KNOW_HOW, "rare-earth-processing-equipment", ...RE_TECHNOLOGY, RE_LINE_SERVICES],
    checks: OCTOBER_2025_IN_FORCE_AT_ONCE },
  { id: "CN-2025-TECH-LIB", category: "technology", scope: "worldwide", citation: "No. 58/2025", items: ["li-ion-cell", "lfp-cathode", "ncm-precursor", "graphite-anode", "battery-cell-process-technology", "battery-line-services"],
    checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-TECH-DCPCVD", category: "technology", scope: "worldwide", citation: "No. 55/2025", items: ["synthetic-diamond", "cvd-diamond-reactor", "superhard-growth-technology"],
    checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2024-TECH-SB", category: "technology", scope: "worldwide", citation: "No. 33/2024", items: ["antimony"], checks: NO_33_OF_2024 },
  { id: "CN-2024-TECH-SUPERHARD", category: "technology", scope: "worldwide", citation: "No. 33/2024", items: ["synthetic-diamond", "cubic-boron-nitride", "diamond-press", "superhard-growth-technology"],
    checks: NO_33_OF_2024 },
  { id: "CN-2025-TECH-W-TE", category: "technology", scope: "worldwide", citation: "No. 10/2025",
    items: ["tungsten", "tungsten-carbide", "tellurium", "cadmium-telluride", "cadmium-zinc-telluride", "mercury-cadmium-telluride"],
    checks: ["2025-02-03: none", "2025-02-04: in_force", "2026-11-26: in_force"] },
  { id: "CN-2023-TECH-SOLAR", category: "technology", scope: "worldwide", citation: null, items: ["solar-wafer"],
    // Draft of 30 Dec 2022; not in the final Catalogue of 21 Dec 2023 (errata E12).
    checks: ["2022-12-29: none", "2022-12-30: proposed", "2023-12-20: proposed", "2023-12-21: dropped", "2026-11-26: dropped"] },
  { id: "CN-2024-EV-TECH-INFORMAL", category: "technology", scope: "worldwide", citation: null, items: ["li-ion-cell", "ev-powertrain"],
    checks: ["2024-09-11: none", "2024-09-12: informal", "2026-11-26: informal"] },
  // A3 equipment
  { id: "CN-2025-LIB-EQP", category: "equipment", scope: "worldwide", citation: "No. 58/2025", items: ["battery-production-equipment"], checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-RE-EQP", category: "equipment", scope: "worldwide", citation: "No. 56/2025", items: ["rare-earth-processing-equipment"], checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2025-DCPCVD-EQP", category: "equipment", scope: "worldwide", citation: "No. 55/2025", items: ["cvd-diamond-reactor"], checks: OCTOBER_2025_NEVER_IN_EFFECT },
  { id: "CN-2024-SUPERHARD-EQP", category: "equipment", scope: "worldwide", citation: "No. 33/2024", items: ["diamond-press", "diamond-press-parts", "cvd-diamond-reactor"],
    checks: NO_33_OF_2024 },
  { id: "CN-2024-AERO-GT-EQP", category: "equipment", scope: "worldwide", citation: "No. 21/2024", items: ["superalloy-casting-furnace", "spf-db-tooling", "precision-casting-intermediates"],
    checks: ["2024-05-29: none", "2024-05-30: announced", "2024-06-30: announced", "2024-07-01: in_force", "2026-11-26: in_force"] },
  { id: "CN-2024-UAV", category: "equipment", scope: "worldwide", citation: null, items: ["drone-components"],
    checks: ["2023-07-30: none", "2023-07-31: announced", "2023-08-31: announced", "2023-09-01: in_force", "2024-09-01: in_force", "2026-11-26: in_force"] },
  { id: "CN-2025-EQP-INDIA-INFORMAL", category: "equipment",
    scope: { IN: 1, VN: 0.5, TH: 0.3, MY: 0.3, ID: 0.3, PH: 0.3, SG: 0.3, KH: 0.3, MM: 0.3, LA: 0.3, BN: 0.3 }, citation: null, items: [],
    checks: ["2025-01-13: none", "2025-01-14: informal", "2026-11-26: informal"] },
  { id: "CN-2024-TBM-INDIA-INFORMAL", category: "equipment", scope: { IN: 1 }, citation: null, items: ["tunnel-boring-machine"],
    checks: ["2024-11-01: none", "2024-11-02: informal", "2025-09-29: informal", "2025-09-30: lifted", "2026-11-26: lifted"] },
  { id: "CN-2024-CUSTOMS-SCRUTINY", category: "equipment", scope: { IN: 0.7, VN: 0.5 }, citation: null, items: [],
    checks: ["2024-12-31: none", "2025-01-01: informal", "2026-11-26: informal"] },
  // A4 personnel
  { id: "CN-2025-PERS-FOXCONN-INDIA", category: "personnel", scope: { IN: 1 }, citation: null, items: [],
    checks: ["2025-01-09: none", "2025-01-10: informal", "2026-11-26: informal"] },
  { id: "CN-2025-PERS-RE-EXPERTS", category: "personnel", scope: "worldwide", citation: null, items: [...RE_KNOW_HOW, "rare-earth-processing-equipment", ...RE_TECHNOLOGY, RE_LINE_SERVICES],
    checks: ["2025-06-24: none", "2025-06-25: informal", "2026-11-26: informal"] },
  { id: "CN-2025-PERS-RE-ASSIST", category: "personnel", scope: "worldwide", citation: "No. 62/2025", items: [...RE_KNOW_HOW, "rare-earth-processing-equipment", ...RE_TECHNOLOGY, RE_LINE_SERVICES],
    checks: OCTOBER_2025_IN_FORCE_AT_ONCE },
  { id: "CN-2020-ECL-DEEMED", category: "personnel", scope: "worldwide", citation: "Export Control Law 2020",
    // The law reaches the items whose know-how the technology controls in force list; the dropped solar draft is not among them.
    items: [...RE_KNOW_HOW, "lfp-cathode", "lmfp-cathode", "phosphate-precursor", "lithium-carbonate", "lithium-hydroxide", "lithium-metal", "gallium",
      "rare-earth-processing-equipment", "li-ion-cell", "ncm-precursor", "graphite-anode", "synthetic-diamond", "cubic-boron-nitride", "diamond-press",
      "cvd-diamond-reactor", "antimony", "tungsten", "tungsten-carbide", "tellurium", "cadmium-telluride", "cadmium-zinc-telluride", "mercury-cadmium-telluride", "ev-powertrain",
      ...RE_TECHNOLOGY, RE_LINE_SERVICES, "lithium-process-technology", "gallium-recovery-technology", "cathode-process-technology",
      "battery-cell-process-technology", "battery-line-services", "superhard-growth-technology"],
    checks: ["2020-11-30: none", "2020-12-01: framework", "2026-11-26: framework"] },
];

const ANY_ITEM = new Set(["CN-2025-EQP-INDIA-INFORMAL", "CN-2024-CUSTOMS-SCRUTINY", "CN-2025-PERS-FOXCONN-INDIA"]);

function itemIds(control: Control): string[] {
  return control.items.map((entry) => coverageOf(entry).item);
}

function parseCheck(check: Check): { date: string; status: Status | null; unconfirmed: boolean } {
  const [date, written] = check.split(": ");
  if (written === "none") return { date, status: null, unconfirmed: false };
  return { date, status: written.replace("*", "") as Status, unconfirmed: written.endsWith("*") };
}

test("the edition is 2026.11.28-3 (names and vetoes added and removed on 27 and 28 Nov), its facts reviewed on 26 Nov 2026", () => {
  expect(rules.version).toBe("2026.11.28-3");
  expect(rules.reviewedAt).toBe("2026-11-26");
  expect(rules.publishedAt >= rules.reviewedAt).toBe(true);
});

test("the table covers every control of the edition, and the edition no other", () => {
  expect(TABLE.map((row) => row.id).sort()).toEqual(rules.controls.map((c) => c.id).sort());
  expect(new Set(TABLE.map((row) => row.id)).size).toBe(TABLE.length);
});

describe.each(TABLE.map((row) => [row.id, row] as const))("%s", (id, row) => {
  const control = byId.get(id)!;

  test("category, scope, citation and clause", () => {
    expect(control.category).toBe(row.category);
    if (row.scope === "worldwide") expect(control.scope.kind).toBe("worldwide");
    else {
      expect(control.scope.kind).toBe("destinations");
      if (control.scope.kind === "destinations") {
        expect(Object.fromEntries(control.scope.destinations.map((d) => [d.country, d.weight]))).toEqual(row.scope);
      }
    }
    expect(control.scope.extraterritorial).toBe(row.extraterritorial ?? false);
    expect(control.citation ?? null).toBe(row.citation);
    expect(control.clause).toBe(row.clause);
  });

  test("names exactly its items (any item only for the measures aimed at a country's plants)", () => {
    expect(itemIds(control).sort()).toEqual([...row.items].sort());
    expect(control.anyItem).toBe(ANY_ITEM.has(id));
  });

  test.each(row.checks.map((check) => [check] as const))("%s", (check) => {
    const { date, status, unconfirmed } = parseCheck(check);
    const on = statusOn(sortTimeline(control.timeline), { asOf: date, reviewedAt: rules.reviewedAt });
    if (status === null) return expect(on).toBeNull();
    expect(on).toMatchObject({ status, unconfirmed, reviewNeeded: false });
    if (unconfirmed) expect(on?.note).toMatch(/no public source on extension as of 26 Nov 2026/);
  });
});

describe("the suspensions of November 2025 and what follows them", () => {
  const suspendedBy70 = rules.controls.filter((c) => c.timeline.some((e) => e.status === "suspended" && e.until === "2026-11-10"));

  test("No. 70 of 2025 suspended the twelve controls of Nos. 55, 56, 57, 58, 61 and 62 until 10 Nov 2026, in one wording", () => {
    expect(suspendedBy70.map((c) => c.id).sort()).toEqual(
      [
        "CN-2025-REE-5", "CN-2025-REE-EXTRATERR", "CN-2025-LIB-MAT", "CN-2025-SUPERHARD-MAT", "CN-2025-RE-RAWMAT", "CN-2025-TECH-RE-1E902",
        "CN-2025-TECH-LIB", "CN-2025-TECH-DCPCVD", "CN-2025-LIB-EQP", "CN-2025-RE-EQP", "CN-2025-DCPCVD-EQP", "CN-2025-PERS-RE-ASSIST",
      ].sort(),
    );
    const wordings = new Set(suspendedBy70.map((c) => c.timeline.find((e) => e.status === "suspended")!.note));
    expect([...wordings]).toEqual([expect.stringContaining("MOFCOM/GAC Announcement No. 70 of 2025")]);
  });

  test("each is followed by an unconfirmed in-force entry from 11 Nov 2026 whose note says what is not known", () => {
    for (const control of suspendedBy70) {
      expect(control.timeline.at(-1)).toEqual({
        status: "in_force",
        from: "2026-11-11",
        unconfirmed: true,
        note: expect.stringContaining("Suspension ended 10 Nov 2026; no public source on extension as of 26 Nov 2026"),
      });
    }
  });

  test("No. 72 of 2025 suspended clause 2 of No. 46 of 2024 only, until 27 Nov 2026", () => {
    const clause2 = byId.get("CN-2024-US-DUALUSE-2")!;
    expect(clause2.timeline.find((e) => e.status === "suspended")).toMatchObject({ from: "2025-11-09", until: "2026-11-27", note: expect.stringContaining("No. 72 of 2025") });
    expect(byId.get("CN-2024-US-DUALUSE-1")!.timeline.map((e) => e.status)).toEqual(["in_force"]);
  });
});

describe("item scope per the errata", () => {
  const coverage = (controlId: string, itemId: string) => byId.get(controlId)!.items.map(coverageOf).find((entry) => entry.item === itemId);

  test("No. 10 of 2025 reaches indium only as InP, TMIn and TEIn, and molybdenum only as powder of 50 µm or finer (E6)", () => {
    expect(coverage("CN-2025-W-TE-BI-MO-IN", "indium")).toMatchObject({ grades: ["listed-compound"], excludes: ["metal", "ito"] });
    expect(coverage("CN-2025-W-TE-BI-MO-IN", "molybdenum")).toMatchObject({
      grades: ["fine-powder"],
      excludes: ["mill-products", "other-forms"],
      thresholds: [{ quantity: "particle_size", max: 50, inclusive: true }],
    });
    for (const whole of ["indium-phosphide", "trimethylindium", "triethylindium", "bismuth"]) expect(coverage("CN-2025-W-TE-BI-MO-IN", whole)).toEqual({ item: whole });
  });

  test("No. 61 of 2025 counts only the 13 Part I inputs: seven metals, four alloys, two oxides (E3)", () => {
    for (const element of ["samarium", "gadolinium", "lutetium", "scandium", "yttrium"]) {
      expect(coverage("CN-2025-REE-EXTRATERR", element)).toMatchObject({ grades: ["metal", "target"], excludes: ["oxide", "compound"] });
    }
    for (const element of ["terbium", "dysprosium"]) {
      expect(coverage("CN-2025-REE-EXTRATERR", element)).toMatchObject({ grades: ["metal", "oxide", "iron-alloy", "target"], excludes: ["compound"] });
    }
  });

  test("NdFeB is reached only in Dy/Tb-bearing grades, wherever a rare-earth licence control names it (E20)", () => {
    for (const id of ["CN-2025-REE-7", "CN-2025-REE-EUC", "CN-2025-REE-EXTRATERR", "CN-2026-JP-RE-INFORMAL", "CN-2024-US-DUALUSE-1", "CN-2026-JP-DUALUSE"]) {
      expect(coverage(id, "ndfeb-magnet")).toMatchObject({ grades: ["dy-tb-bearing"], excludes: ["plain-n"] });
    }
    // Magnet-making technology is another matter: every NdFeB grade.
    expect(coverage("CN-2023-TECH-RE", "ndfeb-magnet")).toEqual({ item: "ndfeb-magnet" });
  });

  test("No. 33 of 2024 presses are bounded by bore (500 mm) or design pressure (5 GPa), and its MPCVD entry excludes DC arc reactors (E8)", () => {
    expect(coverage("CN-2024-SUPERHARD-EQP", "diamond-press")?.thresholds).toEqual([
      { quantity: "bore_diameter", min: 500, inclusive: true },
      { quantity: "pressure", min: 5, inclusive: true },
    ]);
    expect(coverage("CN-2024-SUPERHARD-EQP", "cvd-diamond-reactor")).toMatchObject({ grades: ["mpcvd"], excludes: ["dcpcvd", "hfcvd"] });
    expect(coverage("CN-2025-DCPCVD-EQP", "cvd-diamond-reactor")).toMatchObject({ grades: ["dcpcvd"], excludes: ["mpcvd", "hfcvd"] });
  });

  test("controls resting on reported facts carry confidence R or U where the errata says so", () => {
    expect(byId.get("CN-2024-DIAMOND-WINDOW")!.confidence).toBe("R");
    expect(byId.get("CN-2024-TECH-SUPERHARD")!.confidence).toBe("R");
    expect(byId.get("CN-2023-TECH-SOLAR")!.confidence).toBe("C");
    expect(byId.get("CN-2026-JP-DUALUSE")!.instrument).toBe("MOFCOM Announcement No. 1 of 2026");
    expect(byId.get("CN-2025-TECH-CATHODE")!.instrument).toMatch(/^MOFCOM\/MOST Announcement No. 28 of 2025/);
    expect(byId.get("CN-2024-AERO-GT-EQP")!.instrument).toMatch(/Announcement No. 21 of 2024$/);
  });

  test("HS 8505.11 (metal permanent magnets) is shared by NdFeB, SmCo and AlNiCo; ferrite magnets are 8505.19", () => {
    const holders = (code: string) => rules.items.filter((item) => item.hsCodes.includes(code)).map((item) => item.id).sort();
    expect(holders("850511")).toEqual(["alnico-magnet", "ndfeb-magnet", "smco-magnet"]);
    expect(holders("850519")).toEqual(["ferrite-magnet"]);
    expect(holders("811292")).toEqual(["gallium", "germanium", "germanium-substrate", "indium"]);
    expect(holders("280530")).toEqual([...RE_SEVEN, ...RE_FIVE, "neodymium"].sort());
  });

  test("supply shares follow the producer fact base for the items the issue named (antimony, germanium, graphite anode)", () => {
    const items = new Map(rules.items.map((item) => [item.id, item]));
    expect(items.get("antimony")!.chinaShare?.mining).toMatchObject({ share: 0.336, year: 2024, source: "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf" });
    expect(items.get("germanium")!.chinaShare?.processing).toMatchObject({ share: 0.933, year: 2024, source: "https://www.world-mining-data.info/" });
    expect(items.get("graphite-anode")!.chinaShare?.processing).toMatchObject({ share: 0.957, year: 2024 });
  });

  test("the edition lists its changes, each naming what it changed", () => {
    expect(rules.changes.length).toBeGreaterThanOrEqual(10);
    for (const change of rules.changes) {
      expect(["2026-11-26", "2026-11-27", "2026-11-28"]).toContain(change.date);
      expect(change.controls.length + change.items.length).toBeGreaterThan(0);
    }
    const changed = new Set(rules.changes.flatMap((change) => change.controls));
    for (const id of ["CN-2024-US-DUALUSE-1", "CN-2024-US-DUALUSE-2", "CN-2023-TECH-SOLAR", "CN-2025-W-TE-BI-MO-IN", "CN-2025-REE-EXTRATERR"]) expect(changed.has(id)).toBe(true);
  });
});

/**
 * Golden grade cases, scored with the bundled rules. Rows are bought from a German supplier for a German
 * plant with China input share given as 1 and no other dependence, so only the minerals category moves and
 * every number is the noisy-OR of the contributions named: severity × status weight × grade weight
 * (in force 1, suspended 0.25, informal 0.5, framework 0.1; grade not stated 0.5).
 */
describe("golden grade cases on the bundled rules", () => {
  const compiled = compileRules(rules);
  const minerals = (commodity: string, asOf: string, siteCountry = "DE", supplierCountry = "DE") =>
    scored(scoreRow({ commodity, supplierCountry, siteCountry, chinaInputShare: 1, chinaTechnology: 0, chinaEquipment: 0, chinaPersonnel: 0 }, compiled, { asOf }));
  const hit = (row: ScoredRow, controlId: string) => row.hits.find((h) => h.controlId === controlId);

  describe("indium: InP wafer, indium ingot, 'indium' alone (No. 10 of 2025 at 0.7)", () => {
    test("an InP wafer is a listed item: 70.0", () => {
      const row = minerals("InP wafer", "2026-11-20");
      expect(row.match.itemId).toBe("indium-phosphide");
      expect(row.categories.minerals).toBe(70);
      expect(hit(row, "CN-2025-W-TE-BI-MO-IN")?.grade.outcome).toBe("whole_item");
    });

    test("an indium ingot is indium metal, which No. 10 does not list: 0, and no warning", () => {
      const row = minerals("indium ingot", "2026-11-20");
      expect(row.match).toMatchObject({ itemId: "indium", grade: { id: "metal" } });
      expect(row.score).toBe(0);
      expect(row.hits).toEqual([]);
      expect(row.warnings).toEqual([]);
    });

    test("'indium' alone could be either: half weight, 35.0, and a warning saying what to check", () => {
      const row = minerals("indium", "2026-11-20");
      expect(row.categories.minerals).toBe(35);
      expect(row.warnings).toEqual([
        expect.objectContaining({ code: "grade_dependent", controlId: "CN-2025-W-TE-BI-MO-IN", message: expect.stringContaining("indium only as indium phosphide, trimethylindium or triethylindium") }),
      ]);
    });

    test("trimethylindium is listed (70.0); an ITO target is not (0)", () => {
      expect(minerals("TMIn", "2026-11-20").categories.minerals).toBe(70);
      expect(minerals("ITO target", "2026-11-20").score).toBe(0);
    });
  });

  describe("molybdenum: only powder of 50 µm or finer (No. 10 of 2025 at 0.7)", () => {
    test.each([
      ["molybdenum powder 3-5 µm", 70, "the stated size is inside the bound"],
      ["fine molybdenum powder", 70, "a covered grade named"],
      ["molybdenum powder 150 µm", 0, "the stated size is outside the bound"],
      ["molybdenum sheet", 0, "a mill product"],
      ["Mo sheet", 0, "a mill product, abbreviated"],
      ["molybdenum oxide", 0, "an oxide"],
      ["molybdenum powder", 35, "powder of unstated size: half weight"],
    ])("%s → %d (%s)", (commodity, expected) => {
      expect(minerals(commodity, "2026-11-20").categories.minerals).toBe(expected);
    });
  });

  describe("magnets on 2026-06-01, while No. 61 of 2025 is suspended", () => {
    // SmCo and Dy/Tb NdFeB: No. 61 suspended 0.8 × 0.25 = 0.2, No. 18 0.75, end-user conditions 0.35 × 0.5 = 0.175,
    // Rare Earth Management Regulations 0.3 × 0.1 = 0.03 → 1 − 0.8 × 0.25 × 0.825 × 0.97 = 0.83995 → 84.0.
    test("SmCo is listed whole: 84.0", () => {
      const row = minerals("SmCo magnet", "2026-06-01");
      expect(row.categories.minerals).toBe(84);
      expect(hit(row, "CN-2025-REE-7")).toMatchObject({ contribution: 0.75, grade: { outcome: "whole_item" } });
    });

    test("N42SH is a Dy/Tb-bearing grade: 84.0, the grade settled by the text", () => {
      const row = minerals("NdFeB magnet N42SH", "2026-06-01");
      expect(row.categories.minerals).toBe(84);
      expect(hit(row, "CN-2025-REE-7")).toMatchObject({ contribution: 0.75, grade: { outcome: "met", detail: "Dy/Tb-bearing grade" } });
      expect(row.warnings.map((w) => w.code)).not.toContain("grade_dependent");
    });

    test("N52 is a plain grade: only the framework through neodymium, 3.0", () => {
      const row = minerals("NdFeB magnet N52", "2026-06-01");
      expect(row.categories.minerals).toBe(3);
      expect(row.hits.filter((h) => h.category === "minerals").map((h) => h.controlId)).toEqual(["CN-2024-RE-MGMT"]);
    });

    test("NdFeB with no grade: every Dy/Tb condition at half weight, 50.2, with a warning quoting it", () => {
      // 1 − (1 − 0.1)(1 − 0.375)(1 − 0.0875)(1 − 0.03) = 1 − 0.49788 → 50.2
      const row = minerals("NdFeB magnet", "2026-06-01");
      expect(row.categories.minerals).toBe(50.2);
      expect(hit(row, "CN-2025-REE-7")).toMatchObject({ contribution: 0.375, grade: { outcome: "unspecified" } });
      expect(row.warnings.find((w) => w.code === "grade_dependent")?.message).toContain("only NdFeB grades made with Dy or Tb");
    });

    test.each(["ferrite magnet", "AlNiCo magnet"])("%s has no rare earths: 0", (commodity) => {
      const row = minerals(commodity, "2026-06-01");
      expect(row.match.itemId).not.toBeNull();
      expect(row.score).toBe(0);
      expect(row.hits).toEqual([]);
    });
  });

  describe("GaAs wafers from China to a US plant (the issue's done-when)", () => {
    const toUs = (asOf: string) => minerals("GaAs wafers", asOf, "US", "CN");

    test("on 2026-11-20 clause 1 is in force and clause 2 suspended: 1 − 0.3 × 0.5 × 0.775 → 88.4", () => {
      const row = toUs("2026-11-20");
      expect(hit(row, "CN-2024-US-DUALUSE-1")).toMatchObject({ status: "in_force", contribution: 0.5, citation: "No. 46/2024 cl. 1", unconfirmed: false });
      expect(hit(row, "CN-2024-US-DUALUSE-2")).toMatchObject({ status: "suspended", statusUntil: "2026-11-27", contribution: 0.225, citation: "No. 46/2024 cl. 2" });
      expect(row.categories.minerals).toBe(88.4);
      expect(row.warnings).toEqual([]);
    });

    test("from 2026-11-28 clause 2 is back, unconfirmed: 1 − 0.3 × 0.5 × 0.1 → 98.5, with a status_unconfirmed warning", () => {
      const row = toUs("2026-11-28");
      expect(hit(row, "CN-2024-US-DUALUSE-2")).toMatchObject({ status: "in_force", statusSince: "2026-11-28", contribution: 0.9, unconfirmed: true });
      expect(row.categories.minerals).toBe(98.5);
      expect(row.warnings).toEqual([
        expect.objectContaining({ code: "status_unconfirmed", controlId: "CN-2024-US-DUALUSE-2", message: expect.stringContaining("no public source on extension as of 26 Nov 2026") }),
      ]);
      expect(row.explanation).toContain("CN-2024-US-DUALUSE-2 [No. 46/2024 cl. 2] in force (unconfirmed) since 2026-11-28");
    });
  });
});

test("gallium nitride is named in its material forms and as a bare HEMT die, never as a packaged device (fact base, section C: GaN power devices are downstream)", () => {
  const aliases = rules.items.find((item) => item.id === "gallium-nitride")!.aliases;
  expect(aliases).toContain("GaN HEMT die");
  expect(aliases).toContain("GaN-on-Si wafer");
  for (const device of ["GaN HEMT", "GaN FET", "GaN transistor", "GaN power transistor", "GaN power device"]) expect(aliases).not.toContain(device);
});
