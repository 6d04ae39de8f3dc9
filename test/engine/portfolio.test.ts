import { scoreRows } from "../../src/engine/score";
import { summarizePortfolio } from "../../src/engine/portfolio";
import type { PortfolioRowInput } from "../../src/engine/types";
import { compileRules } from "../../src/engine/compile";
import gradesRules from "../fixtures/rules/grades-rules.json";
import { fixtureRules, listingsFixtureRules } from "./support";
import { checkedRules } from "../rules/checked";

const rules = fixtureRules();
const asOf = "2025-06-01";

function summarise(rows: PortfolioRowInput[]) {
  return summarizePortfolio(rows, scoreRows(rows.map((r) => r.input), rules, { asOf }));
}

const SUPPLIERS: PortfolioRowInput[] = [
  { supplier: "Ningbo Magnetics", spend: 3_000_000, input: { commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE" } }, // 89.2
  { supplier: "Ruhr Stahl", spend: 1_000_000, input: { commodity: "steel coil", supplierCountry: "DE", siteCountry: "DE" } }, // 0
  { supplier: "Chennai EMS", spend: null, input: { commodity: "PCB assembly", supplierCountry: "IN", siteCountry: "IN", chinaPersonnel: 1 } }, // 15.0
  { supplier: "Mystery Co", spend: 500_000, input: { commodity: "consulting", supplierCountry: "CN", siteCountry: "IN", chinaEquipment: 1 } },
  { supplier: "Broken Row", spend: 10, input: { commodity: "SmCo magnet", chinaInputShare: 1.5 } },
];

test("counts rows, scored rows, errors, unmatched rows", () => {
  const portfolio = summarise(SUPPLIERS);
  expect(portfolio.counts).toEqual({ rows: 5, scored: 4, errors: 1, unmatched: 1, reviewNeeded: 0, unconfirmed: 0, gradeDependent: 0, lowConfidence: 0 });
  expect(portfolio.errorsByCode).toEqual({ share_out_of_range: 1 });
  expect(portfolio.unmatchedCommodities).toEqual([{ text: "consulting", rows: 1, why: expect.stringContaining("consulting"), suggestions: [] }]);
});

test("counts the rows that count on an unconfirmed status and the rows whose grade is left open", () => {
  const checked = checkedRules(structuredClone(gradesRules));
  const gradeRules = compileRules(checked);
  const rows: PortfolioRowInput[] = [
    { input: { commodity: "GaAs wafer", supplierCountry: "CN", siteCountry: "US" } }, // clause 2 back, unconfirmed, from 2026-11-28
    { input: { commodity: "GaAs wafer", supplierCountry: "CN", siteCountry: "DE" } }, // clause 2 is US-only: nothing
    { input: { commodity: "molybdenum", supplierCountry: "CN", siteCountry: "DE" } }, // grade not stated
    { input: { commodity: "molybdenum sheet", supplierCountry: "CN", siteCountry: "DE" } }, // an excluded grade: settled
  ];
  const portfolio = summarizePortfolio(rows, scoreRows(rows.map((r) => r.input), gradeRules, { asOf: "2026-11-28" }));
  expect(portfolio.counts).toMatchObject({ scored: 4, unconfirmed: 1, gradeDependent: 1, reviewNeeded: 0 });
});

test("spend-weighted scores use matched rows with spend; rows without spend are counted, not guessed", () => {
  const portfolio = summarise(SUPPLIERS);
  expect(portfolio.weighting).toBe("spend");
  expect(portfolio.rowsWithoutSpend).toBe(1);
  expect(portfolio.spendWeightedScore).toBe(Math.round(((3_000_000 * 89.2 + 1_000_000 * 0) / 4_000_000) * 10) / 10);
  expect(portfolio.categories).toEqual({ minerals: 52.5, technology: 60, equipment: 0, personnel: 0 });
  expect(portfolio.totalSpend).toBe(4_500_000);
});

test("without any spend the plain mean of matched rows is used", () => {
  // By hand from small-rules.json on 2025-06-01:
  //   SmCo magnet, CN → DE: minerals 0.7 (REE-7 via samarium) × 1 = 70.0, technology 0.8 × 1 = 80.0;
  //     overall 1 − (1 − 0.70)(1 − 0.8 × 0.80) = 1 − 0.3 × 0.36 = 89.2.
  //   steel coil, DE → DE: no control names steel, none applies to any item there: 0.
  //   PCB assembly, IN → IN, personnel 1: the informal Foxconn-India measure 0.5 × status 0.5 = 0.25 → 25.0;
  //     the India equipment measure applies but equipment dependence is 0; overall 1 − (1 − 0.6 × 0.25) = 15.0.
  //   "consulting" is unmatched and the broken row is an error: neither counts.
  const portfolio = summarise(SUPPLIERS.map((row) => ({ ...row, spend: undefined })));
  expect(portfolio.weighting).toBe("equal");
  expect(portfolio.spendWeightedScore).toBe(34.7); // (89.2 + 0 + 15.0) / 3 = 34.73
});

test("top rows lead with the control that drives them; exposure is grouped by item and by control", () => {
  const portfolio = summarise(SUPPLIERS);
  expect(portfolio.topRows[0]).toMatchObject({
    index: 0,
    supplier: "Ningbo Magnetics",
    itemId: "smco-magnet",
    score: 89.2,
    leadingControl: { controlId: "CN-2023-TECH-RE", category: "technology" },
  });
  expect(portfolio.topRows.map((r) => r.index)).not.toContain(1); // zero-score rows are not "exposed"
  expect(portfolio.byItem[0]).toMatchObject({ itemId: "smco-magnet", rows: 1, weight: 3_000_000, meanScore: 89.2, maxScore: 89.2 });
  expect(portfolio.byControl.map((c) => c.controlId)).toEqual(
    expect.arrayContaining(["CN-2023-TECH-RE", "CN-2025-REE-7", "CN-2025-EQP-INDIA-INFORMAL"]),
  );
  expect(portfolio.byControl.find((c) => c.controlId === "CN-2025-EQP-INDIA-INFORMAL")).toMatchObject({ rows: 1, weight: 500_000 });
});

test("an empty or all-error portfolio has no score rather than a reassuring zero", () => {
  expect(summarizePortfolio([], [])).toMatchObject({ spendWeightedScore: null, categories: null, counts: { rows: 0 } });
  expect(summarise([SUPPLIERS[4]])).toMatchObject({ spendWeightedScore: null, counts: { errors: 1 } });
});

test("at most ten top rows, highest first", () => {
  const many = Array.from({ length: 25 }, (_, i) => ({ spend: 1, input: { commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE", chinaInputShare: i / 24 } }));
  const top = summarise(many).topRows;
  expect(top).toHaveLength(10);
  expect(top[0].index).toBe(24);
  for (let i = 1; i < top.length; i++) expect(top[i - 1].score).toBeGreaterThanOrEqual(top[i].score);
});

describe("suppliers on China's lists in the portfolio", () => {
  it("counts clear and possible matches and lists them, clear ones first, by row score", () => {
    const rules = listingsFixtureRules();
    const rows = [
      { input: { commodity: "steel", supplierCountry: "US", supplierName: "Acme Steel Inc" }, supplier: "Acme Steel Inc" },
      { input: { commodity: "NdFeB magnet", supplierCountry: "JP", supplierName: "Mitsubishi Heavy Industries" }, supplier: "Mitsubishi Heavy Industries" },
      { input: { commodity: "steel", supplierCountry: "US", supplierName: "Lockheed Martin Corp" }, supplier: "Lockheed Martin Corp" },
      { input: { commodity: "NdFeB magnet", supplierCountry: "US", supplierName: "MP Materials" }, supplier: "MP Materials" },
    ];
    const results = scoreRows(rows.map((r) => r.input), rules, { asOf: "2026-07-01" });
    const { entities } = summarizePortfolio(rows, results);
    expect({ listed: entities.listed, possible: entities.possible }).toEqual({ listed: 2, possible: 1 });
    // Lockheed Martin (UEL trade ban: 100) before MP Materials (control list), then the possible match.
    expect(entities.rows.map((row) => [row.index, row.status, row.actionId])).toEqual([
      [2, "listed", "T-UEL-1"],
      [3, "listed", "T-ECL-1"],
      [1, "possible", "T-ECL-1"],
    ]);
    expect(entities.rows[1]).toMatchObject({ supplier: "MP Materials", name: "MP Materials Corp.", listLabel: "Export Control Control List", listStatus: "listed", since: "2026-06-22" });
  });
});
