import { scoreRows } from "../../src/engine/score";
import { summarizePortfolio } from "../../src/engine/portfolio";
import type { PortfolioRowInput } from "../../src/engine/types";
import { fixtureRules } from "./support";

const rules = fixtureRules();
const asOf = "2025-06-01";

function summarise(rows: PortfolioRowInput[]) {
  return summarizePortfolio(rows, scoreRows(rows.map((r) => r.input), rules, { asOf }));
}

const SUPPLIERS: PortfolioRowInput[] = [
  { supplier: "Ningbo Magnetics", spend: 3_000_000, input: { commodity: "SmCo magnet", supplierCountry: "CN", siteCountry: "DE" } }, // 89.2
  { supplier: "Ruhr Stahl", spend: 1_000_000, input: { commodity: "steel coil", supplierCountry: "DE", siteCountry: "DE" } }, // 0
  { supplier: "Chennai EMS", spend: null, input: { commodity: "PCB assembly", supplierCountry: "IN", siteCountry: "IN", chinaPersonnel: 1 } },
  { supplier: "Mystery Co", spend: 500_000, input: { commodity: "consulting", supplierCountry: "CN", siteCountry: "IN", chinaEquipment: 1 } },
  { supplier: "Broken Row", spend: 10, input: { commodity: "SmCo magnet", chinaInputShare: 1.5 } },
];

test("counts rows, scored rows, errors, unmatched rows", () => {
  const portfolio = summarise(SUPPLIERS);
  expect(portfolio.counts).toEqual({ rows: 5, scored: 4, errors: 1, unmatched: 1, reviewNeeded: 0, lowConfidence: 0 });
  expect(portfolio.errorsByCode).toEqual({ share_out_of_range: 1 });
  expect(portfolio.unmatchedCommodities).toEqual([{ text: "consulting", rows: 1, why: expect.stringContaining("consulting"), suggestions: [] }]);
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
  const portfolio = summarise(SUPPLIERS.map((row) => ({ ...row, spend: undefined })));
  expect(portfolio.weighting).toBe("equal");
  const ems = summarise([SUPPLIERS[2]]).spendWeightedScore!;
  expect(portfolio.spendWeightedScore).toBe(Math.round(((89.2 + 0 + ems) / 3) * 10) / 10);
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
