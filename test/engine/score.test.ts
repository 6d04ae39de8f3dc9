import { scoreRow, scoreRows } from "../../src/engine/score";
import type { RowInput } from "../../src/engine/types";
import { fixtureRules, rulesWith, makeControl, scored } from "./support";

const rules = fixtureRules();
const asOf = "2025-06-01";

describe("dependence defaults", () => {
  test("a supplier in mainland China depends fully for minerals and technology", () => {
    const row = scored(scoreRow({ commodity: "SmCo magnet", supplierCountry: "PRC", siteCountry: "DE" }, rules, { asOf }));
    expect(row.dependence).toEqual({ minerals: 1, technology: 1, equipment: 0, personnel: 0 });
    expect(row.dependenceBasis).toEqual({ minerals: "supplier_in_china", technology: "supplier_in_china", equipment: "not_given", personnel: "not_given" });
  });

  test("elsewhere minerals use China's processing share, falling back to the highest share among components", () => {
    const own = scored(scoreRow({ commodity: "LFP cathode", supplierCountry: "KR", siteCountry: "DE" }, rules, { asOf }));
    expect(own.dependence.minerals).toBe(0.99);
    const viaComponents = scored(scoreRow({ commodity: "NdFeB magnet", supplierCountry: "JP", siteCountry: "DE" }, rules, { asOf }));
    expect(viaComponents.dependence.minerals).toBe(0.99); // dysprosium and terbium, above neodymium's 0.92
    expect(viaComponents.dependence.technology).toBe(0);
    expect(viaComponents.dependenceBasis.minerals).toBe("china_world_share");
  });

  test("a matched item with no known share is assumed fully dependent, and says so", () => {
    const row = scored(scoreRow({ commodity: "synthetic graphite", supplierCountry: "DE", siteCountry: "FR" }, rules, { asOf }));
    expect(row.dependence.minerals).toBe(1);
    expect(row.dependenceBasis.minerals).toBe("no_share_known");
  });

  test("Chinese-made controlled equipment counts as full equipment dependence", () => {
    const row = scored(scoreRow({ commodity: "stacking machine", supplierCountry: "CN", siteCountry: "DE" }, rules, { asOf: "2025-12-01" }));
    expect(row.dependence.equipment).toBe(1);
    expect(row.categories.equipment).toBeGreaterThan(0);
  });

  test("given inputs win over every default", () => {
    const row = scored(scoreRow({ commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE", chinaInputShare: "25%", chinaTechnology: 0 }, rules, { asOf }));
    expect(row.dependence).toMatchObject({ minerals: 0.25, technology: 0 });
    expect(row.categories.technology).toBe(0);
  });
});

describe("scope", () => {
  test("a blank site cannot meet a destination-specific control", () => {
    const row = scored(scoreRow({ commodity: "Ge substrate", supplierCountry: "CN" }, rules, { asOf }));
    expect(row.hits.map((h) => h.controlId)).toEqual(["CN-2023-GA-GE"]);
  });

  test("a destination's weight scales the contribution", () => {
    const vietnam = scored(scoreRow({ commodity: "steel", siteCountry: "VN", chinaEquipment: 1 }, rules, { asOf }));
    expect(vietnam.hits[0]).toMatchObject({ controlId: "CN-2025-EQP-INDIA-INFORMAL", contribution: 0.6 * 0.5 * 0.5 });
    expect(vietnam.categories.equipment).toBe(15);
  });

  test("a plant in mainland China is outside every export control", () => {
    const row = scored(scoreRow({ commodity: "NdFeB magnet", supplierCountry: "CN", siteCountry: "CN" }, rules, { asOf }));
    expect(row.hits).toEqual([]);
    expect(row.score).toBe(0);
  });
});

describe("combining", () => {
  test("controls in a category combine as noisy-OR and categories combine with their weights", () => {
    // SmCo from China to Germany: REE-7 (0.7) in minerals, TECH-RE (0.8) in technology; technology weighs 0.8.
    const row = scored(scoreRow({ commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE" }, rules, { asOf }));
    expect(row.categories).toEqual({ minerals: 70, technology: 80, equipment: 0, personnel: 0 });
    expect(row.score).toBe(Math.round(1000 * (1 - (1 - 0.7) * (1 - 0.8 * 0.8))) / 10);
  });

  test("two controls on the same item: 1 − (1 − a)(1 − b)", () => {
    const extra = makeControl({ id: "TEST-SECOND", category: "minerals", anyItem: false, items: ["samarium"], status: "in_force", from: "2025-01-01", worldwide: true, destinations: [], weight: 1, severity: 0.5 });
    const row = scored(scoreRow({ commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE" }, rulesWith([extra]), { asOf }));
    expect(row.categories.minerals).toBe(85); // 1 − 0.3 × 0.5
  });

  test("a control reaching an item by several components counts once", () => {
    const row = scored(scoreRow({ commodity: "Li-ion cell", supplierCountry: "CN", siteCountry: "DE" }, rules, { asOf: "2025-12-01" }));
    const ids = row.hits.map((h) => h.controlId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(row.hits.find((h) => h.controlId === "CN-2023-GRAPHITE")?.via).toEqual({
      kind: "contains",
      itemId: "natural-graphite",
      path: ["li-ion-cell", "graphite-anode", "natural-graphite"],
    });
  });
});

describe("warnings and explanation", () => {
  test("a suspension that ran out after the last review is in force again, with review_needed", () => {
    const row = scored(scoreRow({ commodity: "LFP cathode", supplierCountry: "CN", siteCountry: "DE" }, rules, { asOf: "2026-12-01" }));
    const hit = row.hits.find((h) => h.controlId === "CN-2025-LIB-MAT")!;
    expect(hit).toMatchObject({ status: "in_force", statusSince: "2026-11-11", reviewNeeded: true });
    expect(row.warnings).toContainEqual(expect.objectContaining({ code: "review_needed", controlId: "CN-2025-LIB-MAT" }));
  });

  test("informal measures that move the score are flagged", () => {
    const row = scored(scoreRow({ commodity: "steel", siteCountry: "IN", chinaPersonnel: 0.5 }, rules, { asOf }));
    expect(row.warnings).toEqual([expect.objectContaining({ code: "informal_measure", controlId: "CN-2025-PERS-FOXCONN-INDIA" })]);
  });

  test("a doubtful fuzzy match is flagged", () => {
    const row = scored(scoreRow({ commodity: "galium", supplierCountry: "CN" }, rules, { asOf }));
    expect(row.match).toMatchObject({ itemId: "gallium", method: "fuzzy" });
    expect(row.warnings.map((w) => w.code)).toContain("low_confidence_match");
  });

  test("the one-line explanation names the control, its status and date, and the dependence", () => {
    const row = scored(scoreRow({ commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE" }, rules, { asOf }));
    expect(row.explanation).toBe(
      "Read as Samarium-cobalt magnet from \"smco\" + \"magnet\" (alias): 89.2 — minerals 70.0 (CN-2025-REE-7 in force since 2025-04-04, 0.7 via samarium; dependence 1.00)" +
        " | technology 80.0 (CN-2023-TECH-RE in force since 2023-12-21, 0.8; dependence 1.00).",
    );
  });

  test("every hit carries its source, category and how it reached the item", () => {
    const row = scored(scoreRow({ commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE" }, rules, { asOf }));
    expect(row.hits[0]).toMatchObject({ controlId: "CN-2023-TECH-RE", category: "technology", sourceUrl: "https://example.org/source/cn-2023-tech-re", via: { kind: "item", itemId: "smco-magnet" } });
  });
});

describe("bad rows", () => {
  test("the first bad field is reported with its code and field; other rows still score", () => {
    const results = scoreRows(
      [
        { commodity: "SmCo magnet", supplierCountry: "CN", chinaTechnology: "abc" },
        { commodity: "x".repeat(501) },
        { commodity: "SmCo magnet", siteCountry: "#REF!" },
        { commodity: "SmCo magnet", asOf: "yesterday" },
        { commodity: "SmCo magnet", supplierCountry: "CN" },
      ],
      rules,
      { asOf },
    );
    expect(results.map((r) => (r.ok ? "ok" : `${r.error.code}:${r.error.field}`))).toEqual([
      "share_invalid:china_technology",
      "commodity_too_long:commodity",
      "excel_error_input:site_country",
      "date_invalid:as_of",
      "ok",
    ]);
  });

  test("a fresh ruleset's first batch, whose commodities are all read before any row is scored, keeps each bad row's error in its place", () => {
    const throwing = Object.defineProperty({}, "code", {
      get() {
        throw new Error("boom");
      },
    });
    const rows = [
      { commodity: "SmCo magnet", supplierCountry: "CN" },
      null,
      undefined,
      { commodity: "x".repeat(501) },
      { commodity: "#N/A" },
      { commodity: throwing },
      { commodity: "   " },
      { commodity: "NdFeB magnet", supplierCountry: "JP", chinaInputShare: "abc" },
      { commodity: "NdFeB magnet", supplierCountry: "JP", siteCountry: "DE" },
    ] as unknown as RowInput[];
    const results = scoreRows(rows, fixtureRules(), { asOf });
    expect(results.map((r) => (r.ok ? "ok" : `${r.error.code}:${r.error.field}`))).toEqual([
      "ok",
      "commodity_missing:commodity",
      "commodity_missing:commodity",
      "commodity_too_long:commodity",
      "excel_error_input:commodity",
      "excel_error_input:commodity",
      "commodity_missing:commodity",
      "share_invalid:china_input_share",
      "ok",
    ]);
    // The scored rows are what each row gives alone, one call at a time, on another fresh ruleset.
    const alone = fixtureRules();
    expect(JSON.stringify([results[0], results[8]])).toBe(JSON.stringify([scoreRow(rows[0], alone, { asOf }), scoreRow(rows[8], alone, { asOf })]));
  });

  test("an invalid scoring date is a coded error, not an exception", () => {
    expect(scoreRow({ commodity: "steel" }, rules, { asOf: "June" })).toMatchObject({ ok: false, error: { code: "date_invalid", field: "as_of" } });
  });
});
