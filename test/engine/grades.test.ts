/**
 * Grade conditions, thresholds and unconfirmed statuses on a small version-2 ruleset
 * (test/fixtures/rules/grades-rules.json). Every expected score is worked by hand from the fixture:
 * category score = 100 × severity × status weight × grade weight × dependence, with dependence 1 given.
 */
import { compileRules } from "../../src/engine/compile";
import { scoreRow } from "../../src/engine/score";
import gradesRules from "../fixtures/rules/grades-rules.json";
import { scored } from "./support";
import { checkedRules } from "../rules/checked";

function rules() {
  return compileRules(checkedRules(structuredClone(gradesRules)));
}

const compiled = rules();
const minerals = (commodity: string, asOf = "2026-11-20", siteCountry = "DE") =>
  scored(scoreRow({ commodity, supplierCountry: "DE", siteCountry, chinaInputShare: 1 }, compiled, { asOf }));

describe("a control that covers only a fine powder (threshold 50 µm, grades)", () => {
  test.each([
    ["molybdenum powder 3-5 µm", 70, "a stated size inside the bound: covered in full (0.7 × 1)"],
    ["molybdenum powder ≤ 45 µm", 70, "an upper bound inside the bound"],
    ["molybdenum powder -325 mesh", 70, "-325 mesh passes 46 µm openings"],
    ["molybdenum powder 150 µm", 0, "a stated size outside the bound: not covered"],
    ["molybdenum nano powder", 70, "a covered grade named, no size"],
    ["molybdenum sheet 0.5 mm", 0, "an excluded grade (mill products)"],
    ["molybdenum powder", 35, "a grade neither covered nor excluded, no size: half weight (0.7 × 0.5)"],
    ["molybdenum", 35, "nothing said: half weight"],
  ])("%s → %d (%s)", (commodity, expected) => {
    expect(minerals(commodity).categories.minerals).toBe(expected);
  });

  test("an unsettled grade says what to check", () => {
    const row = minerals("molybdenum");
    expect(row.warnings).toContainEqual(expect.objectContaining({ code: "grade_dependent", controlId: "T-MO" }));
    expect(row.warnings.find((w) => w.code === "grade_dependent")?.message).toContain("only Mo powder of 50 µm or finer");
    expect(row.hits[0].grade).toEqual({ outcome: "unspecified", condition: "only Mo powder of 50 µm or finer", detail: null });
  });

  test("a settled grade carries no warning and says how it was settled", () => {
    const row = minerals("molybdenum powder -325 mesh");
    expect(row.warnings.map((w) => w.code)).not.toContain("grade_dependent");
    expect(row.hits[0].grade.outcome).toBe("met");
    expect(row.hits[0].grade.detail).toBe("-325 mesh");
    expect(row.explanation).toContain("stated -325 mesh");
  });
});

describe("NdFeB contains dysprosium only in its Dy/Tb-bearing grades", () => {
  test("a suffix grade reaches the dysprosium control in full", () => {
    const row = minerals("NdFeB magnet N42SH");
    expect(row.match.grade).toEqual({ id: "dy-tb-bearing", name: "Dy/Tb-bearing grade" });
    expect(row.categories.minerals).toBe(75);
  });

  test("a plain N grade is not reached", () => {
    expect(minerals("neodymium magnet N52").categories.minerals).toBe(0);
  });

  test("no grade named: half weight and a warning quoting the condition", () => {
    const row = minerals("neodymium magnet");
    expect(row.categories.minerals).toBe(37.5);
    expect(row.warnings.find((w) => w.code === "grade_dependent")?.message).toContain("made with Dy or Tb");
  });
});

describe("a control bounded below by energy density", () => {
  test.each([
    ["li-ion cell 320 Wh/kg", 60],
    ["li-ion cell 250Wh/kg", 0],
    ["li-ion cell", 30],
  ])("%s → %d", (commodity, expected) => {
    expect(minerals(commodity).categories.minerals).toBe(expected);
  });
});

describe("a clause whose suspension ends with no source on what follows", () => {
  test("suspended on 2026-11-20: 0.9 × 0.25 = 22.5, citing the clause", () => {
    const row = minerals("GaAs wafer", "2026-11-20", "US");
    expect(row.categories.minerals).toBe(22.5);
    expect(row.hits[0]).toMatchObject({ controlId: "T-US-CL2", status: "suspended", citation: "No. 46/2024 cl. 2", unconfirmed: false });
    expect(row.explanation).toContain("T-US-CL2 [No. 46/2024 cl. 2] suspended since 2025-11-09 until 2026-11-27");
  });

  test("back in force from 2026-11-28, flagged unconfirmed with the rule owner's note", () => {
    const row = minerals("GaAs wafer", "2026-11-28", "US");
    expect(row.categories.minerals).toBe(90);
    expect(row.hits[0]).toMatchObject({ status: "in_force", statusSince: "2026-11-28", unconfirmed: true });
    const warning = row.warnings.find((w) => w.code === "status_unconfirmed");
    expect(warning?.message).toContain("T-US-CL2 (No. 46/2024 cl. 2)");
    expect(warning?.message).toContain("no public source on an extension as of 26 Nov 2026");
    expect(row.warnings.map((w) => w.code)).not.toContain("review_needed");
  });

  test("outside the US the clause does not apply", () => {
    expect(minerals("GaAs wafer", "2026-11-28", "DE").categories.minerals).toBe(0);
  });
});
