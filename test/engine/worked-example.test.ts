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

test("after it (2025-06-01)", () => {
  const row = scored(scoreRow(supplier, rules, { asOf: "2025-06-01" }));
  expect(row.hits.map((h) => [h.controlId, h.status, Number(h.contribution.toFixed(4))])).toEqual([
    ["CN-2023-TECH-RE", "in_force", 0.9],
    ["CN-2025-REE-7", "in_force", 0.75],
    ["CN-2025-REE-EUC", "informal", 0.175],
    ["CN-2024-RE-MGMT", "framework", 0.03],
    ["CN-2020-ECL-DEEMED", "framework", 0.03],
  ]);
  expect(row.hits[1].via).toEqual({ kind: "contains", itemId: "dysprosium", path: ["ndfeb-magnet", "dysprosium"] });
  expect(row.categories).toEqual({ minerals: 80, technology: 90, equipment: 0, personnel: 0 });
  expect(row.score).toBe(98);
  expect(row.warnings.map((w) => [w.code, w.controlId])).toEqual([["informal_measure", "CN-2025-REE-EUC"]]);
  expect(row.explanation).toBe(
    "Read as NdFeB permanent magnet from \"ndfeb\" + \"magnet\" (alias): 98.0 — minerals 80.0 (CN-2025-REE-7 in force since 2025-04-04, 0.75 via dysprosium; " +
      "CN-2025-REE-EUC informal since 2025-05-08, 0.175; CN-2024-RE-MGMT framework since 2024-10-01, 0.03 via neodymium; dependence 1.00) " +
      "| technology 90.0 (CN-2023-TECH-RE in force since 2023-12-21, 0.9; dependence 1.00). Warnings: informal_measure.",
  );
});
