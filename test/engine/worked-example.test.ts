/** The worked example of docs/scoring.md, recomputed from the bundled rules: if this fails, fix the page. */
import { scoreRow } from "../../src/engine/score";
import { bundledRules } from "./support-bundled";
import { scored } from "./support";

const rules = bundledRules();
const supplier = { commodity: "NdFeB magnet", supplierCountry: "China", siteCountry: "Germany" };

test("before the April 2025 rare-earth control (2025-03-01)", () => {
  const row = scored(scoreRow(supplier, rules, { asOf: "2025-03-01" }));
  expect(row.dependence).toEqual({ minerals: 1, technology: 1, equipment: 0, personnel: 0 });
  expect(row.hits.map((h) => [h.controlId, h.status, h.contribution])).toEqual([
    ["CN-2023-TECH-RE", "in_force", 0.9],
    ["CN-2024-RE-MGMT", "framework", 0.03],
    ["CN-2020-ECL-DEEMED", "framework", 0.03],
  ]);
  expect(row.categories).toEqual({ minerals: 3, technology: 90, equipment: 0, personnel: 0 });
  expect(row.score).toBe(90.3);
});

test("after it (2025-06-01), grade not stated: the Dy/Tb condition halves the rare-earth controls", () => {
  const row = scored(scoreRow(supplier, rules, { asOf: "2025-06-01" }));
  expect(row.hits.map((h) => [h.controlId, h.status, h.grade.outcome, Number(h.contribution.toFixed(4))])).toEqual([
    ["CN-2023-TECH-RE", "in_force", "whole_item", 0.9],
    ["CN-2025-REE-7", "in_force", "unspecified", 0.375],
    ["CN-2025-REE-EUC", "informal", "unspecified", 0.0875],
    ["CN-2024-RE-MGMT", "framework", "whole_item", 0.03],
    ["CN-2020-ECL-DEEMED", "framework", "whole_item", 0.03],
  ]);
  expect(row.hits[1].via).toEqual({ kind: "item", itemId: "ndfeb-magnet" });
  expect(row.hits[3].via).toEqual({ kind: "contains", itemId: "neodymium", path: ["ndfeb-magnet", "neodymium"] });
  // minerals = 1 − (1 − 0.375)(1 − 0.0875)(1 − 0.03) = 1 − 0.553203… → 44.7; overall = 1 − (1 − 0.447)(1 − 0.9) = 0.9447 → 94.5
  expect(row.categories).toEqual({ minerals: 44.7, technology: 90, equipment: 0, personnel: 0 });
  expect(row.score).toBe(94.5);
  expect(row.warnings.map((w) => [w.code, w.controlId])).toEqual([
    ["grade_dependent", "CN-2025-REE-7"],
    ["grade_dependent", "CN-2025-REE-EUC"],
    ["informal_measure", "CN-2025-REE-EUC"],
  ]);
  expect(row.explanation).toBe(
    "Read as NdFeB permanent magnet from \"ndfeb\" + \"magnet\" (alias): 94.5 — minerals 44.7 (CN-2025-REE-7 [No. 18/2025] in force since 2025-04-04, 0.375, grade not stated; " +
      "CN-2025-REE-EUC informal since 2025-05-08, 0.087, grade not stated; CN-2024-RE-MGMT [State Council Order No. 785] framework since 2024-10-01, 0.03 via neodymium; " +
      "dependence 1.00) | technology 90.0 (CN-2023-TECH-RE [No. 57/2023] in force since 2023-12-21, 0.9; dependence 1.00). " +
      "Warnings: grade_dependent, informal_measure. Grade not stated: only NdFeB grades made with Dy or Tb (a licence is needed above 0.1% Dy+Tb; " +
      "usually suffix M, H, SH, UH, EH or AH); plain N grades are normally Dy/Tb-free (CN-2025-REE-7, CN-2025-REE-EUC); check the grade.",
  );
});

test("the same day with the grade stated (N42SH, a Dy/Tb-bearing grade): the controls apply in full", () => {
  const row = scored(scoreRow({ ...supplier, commodity: "NdFeB magnet N42SH" }, rules, { asOf: "2025-06-01" }));
  expect(row.match.grade).toEqual({ id: "dy-tb-bearing", name: "Dy/Tb-bearing grade" });
  expect(row.hits.slice(1, 3).map((h) => [h.controlId, h.grade.outcome, h.contribution])).toEqual([
    ["CN-2025-REE-7", "met", 0.75],
    ["CN-2025-REE-EUC", "met", 0.175],
  ]);
  // minerals = 1 − 0.25 × 0.825 × 0.97 = 0.7999… → 80.0; overall = 1 − 0.2 × 0.1 → 98.0
  expect(row.categories).toEqual({ minerals: 80, technology: 90, equipment: 0, personnel: 0 });
  expect(row.score).toBe(98);
  expect(row.warnings.map((w) => w.code)).toEqual(["informal_measure"]);
});

test("a US magnet maker on the control list (docs/scoring.md, 'A supplier on China's lists')", () => {
  const row = { commodity: "NdFeB magnet", supplierCountry: "US", siteCountry: "US" };
  const plain = scored(scoreRow(row, rules, { asOf: "2026-07-01" }));
  // docs/scoring.md: 100 × (1 − 0.625 × 0.75 × 0.9 × 0.9125 × 0.97) × 0.90 = 56.39 (no grade named: Dy/Tb controls at half weight).
  expect(plain.categories).toEqual({ minerals: 56.4, technology: 0, equipment: 0, personnel: 0 });
  expect(plain.score).toBe(56.4);

  const listed = scored(scoreRow({ ...row, supplierName: "MP Materials Corp." }, rules, { asOf: "2026-07-01" }));
  const contributions = Object.fromEntries(
    listed.hits.filter((h) => h.category === "minerals" || h.category === "technology").map((h) => [h.controlId, Number(h.contribution.toFixed(4))]),
  );
  // Personnel controls apply as before: not a dual-use category, and no dependence given, so no effect.
  expect(listed.hits.filter((h) => h.category === "personnel").every((h) => h.listing === null && !h.moved)).toBe(true);
  // severity × max(own status weight × destination, 1) × grade weight (0.5 where the magnet's Dy/Tb grade is not stated).
  expect(contributions).toEqual({
    "CN-2025-REE-7": 0.375,
    "CN-2024-US-DUALUSE-1": 0.25,
    "CN-2025-REE-EXTRATERR": 0.4,
    "CN-2025-REE-EUC": 0.175,
    "CN-2024-RE-MGMT": 0.3,
    "CN-2026-JP-DUALUSE": 0.25,
    "CN-2026-JP-RE-INFORMAL": 0.25,
    "CN-2023-TECH-RE": 0.9,
    "CN-2025-TECH-RE-1E902": 0.7,
  });
  expect(listed.dependence).toMatchObject({ minerals: 1, technology: 1 });
  // minerals 100 × (1 − 0.091362) = 90.86; technology 100 × (1 − 0.1 × 0.3) = 97; overall 100 × (1 − 0.091 × 0.03) = 99.73.
  expect(listed.categories).toEqual({ minerals: 90.9, technology: 97, equipment: 0, personnel: 0 });
  expect(listed.score).toBe(99.7);
  expect(listed.warnings.find((w) => w.code === "entity_listed")?.message).toBe(
    'supplier is "MP Materials Corp." on the Export Control Control List (ECL-2026-23, MOFCOM No. 23/2026, listed since 2026-06-22): ' +
      "Chinese dual-use items are barred to it, so the dual-use controls reaching its item count at full strength",
  );
});
