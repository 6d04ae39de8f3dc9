/**
 * What a supplier's listing does to its score, on the small fixture rules plus fixtures/rules/listings.json.
 * Every expected number is worked out by hand below from the fixture's weights (status: in force 1, suspended
 * 0.15; categories: minerals 1, technology 0.8, equipment 0.8, personnel 0.6; listing weights: the defaults,
 * dual_use_ban 1, licence_review 0.5, trade_ban 1, transaction_ban 1, listed 1, suspended 0.25).
 */
import fc from "fast-check";
import { scoreRow, scoreRows, type RowInput } from "../../src/engine";
import { listingsFixtureRules, rowArb, scored } from "./support";

const rules = listingsFixtureRules();
const score = (row: RowInput, asOf: string, suspensionsEnded = false) => scored(scoreRow(row, rules, { asOf, suspensionsEnded }));

describe("a supplier on the control list (dual-use ban in force)", () => {
  // NdFeB magnet: CN-2025-REE-7 (minerals, 0.7, in force, via dysprosium) and CN-2023-TECH-RE (technology, 0.8, in force).
  // Not listed: minerals dependence = China's share of its most China-dominated component (Dy 0.99); technology 0.
  //   minerals 100 × 0.7 × 0.99 = 69.3; overall 69.3.
  // Listed: both controls already weigh 1; the unknown dependences rise to 1 in the categories they reach.
  //   minerals 100 × 0.7 × 1 = 70.0; technology 100 × 0.8 × 1 = 80.0;
  //   overall 100 × (1 − (1 − 0.70)(1 − 0.8 × 0.80)) = 100 × (1 − 0.3 × 0.36) = 89.2.
  const magnet = { commodity: "NdFeB magnet", supplierCountry: "US", siteCountry: "US" };

  it("scores MP Materials above an unlisted US magnet maker, and says why", () => {
    const listed = score({ ...magnet, supplierName: "MP Materials Corp." }, "2026-07-01");
    const unlisted = score({ ...magnet, supplierName: "Arnold Magnetic Technologies" }, "2026-07-01");
    expect(unlisted.score).toBe(69.3);
    expect(unlisted.entity).toMatchObject({ status: "none" });
    expect(listed.score).toBe(89.2);
    expect(listed.categories).toEqual({ minerals: 70, technology: 80, equipment: 0, personnel: 0 });
    expect(listed.dependenceBasis).toMatchObject({ minerals: "entity_listed", technology: "entity_listed", equipment: "not_given" });
    expect(listed.entity).toMatchObject({ status: "listed", lead: { actionId: "T-ECL-1", status: "listed", since: "2026-06-22" } });
    expect(listed.warnings).toContainEqual(expect.objectContaining({ code: "entity_listed", controlId: "T-ECL-1", message: expect.stringContaining("MP Materials Corp.") }));
    expect(listed.explanation).toContain("Supplier listed: MP Materials Corp. on the Export Control Control List (T-ECL-1");
  });

  it("does nothing before the notice was issued", () => {
    const before = score({ ...magnet, supplierName: "MP Materials Corp." }, "2026-06-21");
    expect(before.entity).toMatchObject({ status: "none" });
    expect(before.score).toBe(69.3);
  });

  it("keeps a dependence the row gives, and raises only what the row leaves blank", () => {
    // chinaInputShare 0.2 given: minerals 100 × 0.7 × 0.2 = 14.0; technology still rises to 1: 80.0;
    // overall 100 × (1 − 0.86 × (1 − 0.64)) = 100 × (1 − 0.3096) = 69.04 → 69.0.
    const row = score({ ...magnet, supplierName: "MP Materials", chinaInputShare: 0.2 }, "2026-07-01");
    expect(row.dependenceBasis.minerals).toBe("input");
    expect(row.categories).toMatchObject({ minerals: 14, technology: 80 });
    expect(row.score).toBe(69);
  });
});

describe("a listing suspended, then back (table by date)", () => {
  // GaAs wafer from a US supplier to a German plant: CN-2023-GA-GE (0.6, in force) reaches it via gallium (share 0.98);
  // CN-2024-US-DUALUSE (0.9) also does but is aimed at US sites only, so it weighs 0 for a German plant — unless
  // the supplier's listing raises it. T-ECL-2 lists "Firestorm Labs, Inc." from 2025-04-04, suspends it 2025-05-14 to
  // 2026-11-10, and counts it listed again from 2026-11-11 (unconfirmed). Firestorm Labs is on no other notice.
  //   not listed:            100 × 0.6 × 0.98 = 58.8
  //   listed (weight 1):      US-DUALUSE 0.9 × 1; minerals e = 1 − 0.4 × 0.1 = 0.96; dependence raised to 1: 96.0
  //   suspended (1 × 0.25):   US-DUALUSE 0.9 × 0.25 = 0.225; e = 1 − 0.4 × 0.775 = 0.69; dependence 0.98 stays: 67.62 → 67.6
  const row = { commodity: "GaAs wafer", supplierCountry: "US", siteCountry: "DE", supplierName: "Firestorm Labs Inc" };
  it.each([
    ["2025-03-01", "none", null, 58.8],
    ["2025-04-10", "listed", "listed", 96],
    ["2025-06-01", "listed", "suspended", 67.6],
    ["2026-11-10", "listed", "suspended", 67.6],
    ["2026-11-20", "listed", "listed", 96],
  ])("on %s: %s, listing %s, score %s", (asOf, status, listStatus, expected) => {
    const result = score(row, asOf);
    expect(result.entity?.status).toBe(status);
    expect(result.entity?.lead?.status ?? null).toBe(listStatus);
    expect(result.score).toBe(expected);
  });

  it("names the unconfirmed status and its note once the suspension ran out", () => {
    const result = score(row, "2026-11-20");
    expect(result.entity?.lead).toMatchObject({ actionId: "T-ECL-2", unconfirmed: true, note: "No source after the suspension ran out." });
    expect(result.warnings.find((w) => w.code === "entity_listed")?.message).toContain("unconfirmed: No source after the suspension ran out.");
    const raised = result.hits.find((hit) => hit.controlId === "CN-2024-US-DUALUSE")!;
    expect(raised).toMatchObject({ status: "suspended", listing: { actionId: "T-ECL-2", weight: 1 }, contribution: 0.9 });
  });

  it("treats the suspended listing as back in force in the what-if", () => {
    expect(score(row, "2025-06-01", true).score).toBe(96);
  });
});

describe("a firm named by several notices", () => {
  it("weighs the strongest of them and names the others", () => {
    // Skydio: T-MFA-1 (transaction ban, listed) and T-ECL-2 (dual-use ban, suspended on 2025-06-01): the ban on
    // transactions leads; both are listed in the match.
    const row = score({ commodity: "GaAs wafer", supplierCountry: "US", siteCountry: "DE", supplierName: "SKYDIO INC" }, "2025-06-01");
    expect(row.entity?.match?.listings.map((l) => [l.actionId, l.status])).toEqual([
      ["T-MFA-1", "listed"],
      ["T-ECL-2", "suspended"],
    ]);
    expect(row.score).toBe(100);
    expect(row.warnings.find((w) => w.code === "entity_listed")?.message).toContain("also named by T-ECL-2");
  });
});

describe("the watch list raises less", () => {
  // TDK (watch list, 0.5): NdFeB controls already weigh 1, so only the technology dependence rises, to 0.5;
  // minerals keeps its share 0.99 (above 0.5): minerals 69.3; technology 100 × 0.8 × 0.5 = 40.0;
  // overall 100 × (1 − 0.307 × (1 − 0.8 × 0.4)) = 100 × (1 − 0.20876) = 79.1.
  it("scores a watch-listed magnet maker between unlisted and control-listed", () => {
    const row = score({ commodity: "NdFeB magnet", supplierCountry: "Japan", siteCountry: "DE", supplierName: "TDK Corporation" }, "2026-07-01");
    expect(row.categories).toMatchObject({ minerals: 69.3, technology: 40 });
    expect(row.score).toBe(79.1);
    expect(row.entity?.lead).toMatchObject({ list: "watch_list", dualUseWeight: 0.5, tradeWeight: 0 });
  });
});

describe("a trade or transaction ban cuts every Chinese input", () => {
  it("puts a UEL-listed supplier at 100 when nothing is known of its dependence", () => {
    // Steel: no control; its listing enters each category at weight 1, and each unknown dependence rises to 1.
    const row = score({ commodity: "steel", supplierCountry: "US", supplierName: "Lockheed Martin Corp" }, "2025-01-01");
    expect(row.categories).toEqual({ minerals: 100, technology: 100, equipment: 100, personnel: 100 });
    expect(row.score).toBe(100);
    expect(row.hits.filter((hit) => hit.via.kind === "listing").map((hit) => hit.category)).toEqual(["minerals", "technology", "equipment", "personnel"]);
  });

  it("follows the dependence the row gives", () => {
    // Given 20% Chinese inputs and nothing else: minerals 100 × 1 × 0.2 = 20.0; the rest 0.
    const row = score(
      { commodity: "steel", supplierCountry: "US", supplierName: "Lockheed Martin Corp", chinaInputShare: 0.2, chinaTechnology: 0, chinaEquipment: 0, chinaPersonnel: 0 },
      "2025-01-01",
    );
    expect(row.score).toBe(20);
  });

  it("weighs nothing once the listing is cancelled, but still names it", () => {
    const before = score({ commodity: "steel", supplierCountry: "LT", supplierName: "Urbo Bankas" }, "2026-01-01");
    const after = score({ commodity: "steel", supplierCountry: "LT", supplierName: "Urbo Bankas" }, "2026-05-01");
    expect(before.score).toBe(100);
    expect(after.score).toBe(0);
    expect(after.entity).toMatchObject({ status: "listed", lead: { status: "cancelled", since: "2026-04-24" } });
    expect(after.warnings.find((w) => w.code === "entity_listed")?.message).toContain("weighs nothing on this date");
  });
});

describe("matches that do not move the score", () => {
  const magnet = { commodity: "NdFeB magnet", supplierCountry: "JP", siteCountry: "DE" };
  it("a possible match (the parent of listed units) is a warning only", () => {
    const row = score({ ...magnet, supplierName: "Mitsubishi Heavy Industries" }, "2026-07-01");
    const plain = score(magnet, "2026-07-01");
    expect(row.entity?.status).toBe("possible");
    expect(row.score).toBe(plain.score);
    expect(row.warnings.map((w) => w.code)).toContain("entity_possible_match");
  });

  it("a notice with no measure seen names the firm but weighs nothing", () => {
    const row = score({ commodity: "gallium", supplierCountry: "US", siteCountry: "US", supplierName: "Illumina Inc" }, "2026-07-01");
    const plain = score({ commodity: "gallium", supplierCountry: "US", siteCountry: "US" }, "2026-07-01");
    expect(row.entity?.status).toBe("listed");
    expect(row.score).toBe(plain.score);
  });
});

describe("refusing a supplier name that cannot be one", () => {
  it("is a coded error on the row, not a crash", () => {
    const result = scoreRow({ commodity: "gallium", supplierName: "x".repeat(301) }, rules, { asOf: "2026-07-01" });
    expect(result).toEqual({ ok: false, error: { code: "supplier_name_too_long", field: "supplier_name", received: "301" } });
    expect(scoreRow({ commodity: "gallium", supplierName: "#N/A" }, rules, { asOf: "2026-07-01" })).toMatchObject({
      ok: false,
      error: { code: "excel_error_input", field: "supplier_name" },
    });
  });
});

describe("a listing only ever raises a score (property)", () => {
  const names = ["MP Materials Corp.", "Skydio Inc", "Firestorm Labs", "Lockheed Martin Corporation", "TDK Corporation", "UAB Urbo Bankas", "Illumina, Inc.", "Mitsubishi Heavy Industries", "Acme Widgets"];
  it("score with the supplier's name ≥ score without, on any row and date", () => {
    fc.assert(
      fc.property(rowArb, fc.constantFrom(...names), fc.constantFrom("2024-01-01", "2025-04-10", "2025-06-01", "2026-01-01", "2026-07-01", "2026-11-20"), fc.boolean(), (row, name, asOf, ended) => {
        const [without, withName] = scoreRows([row, { ...row, supplierName: name }], rules, { asOf, suspensionsEnded: ended });
        if (!without.ok || !withName.ok) return without.ok === withName.ok;
        for (const category of ["minerals", "technology", "equipment", "personnel"] as const) {
          if (withName.categories[category] < without.categories[category]) return false;
        }
        return withName.score >= without.score;
      }),
      { numRuns: 400 },
    );
  });

  it("every non-zero category names what fired", () => {
    fc.assert(
      fc.property(rowArb, fc.constantFrom(...names), (row, name) => {
        const result = scoreRow({ ...row, supplierName: name }, rules, { asOf: "2026-07-01" });
        if (!result.ok) return true;
        return (["minerals", "technology", "equipment", "personnel"] as const).every(
          (category) => result.categories[category] === 0 || result.hits.some((hit) => hit.category === category && hit.moved),
        );
      }),
      { numRuns: 200 },
    );
  });
});
