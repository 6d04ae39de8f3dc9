/**
 * The one-line explanation spells out the two warnings an analyst must act on: which controls count on an
 * unconfirmed status (and what is not known), and which grade condition the text leaves open. Rows are
 * scored against test/fixtures/rules/grades-rules.json; the expected sentences quote that fixture.
 */
import { compileRules } from "../../src/engine/compile";
import { scoreRow } from "../../src/engine/score";
import gradesRules from "../fixtures/rules/grades-rules.json";
import { scored } from "./support";
import { checkedRules } from "../rules/checked";

function rulesFrom(document: unknown) {
  return compileRules(checkedRules(document));
}

const explain = (rules: ReturnType<typeof rulesFrom>, commodity: string, siteCountry: string, asOf: string) =>
  scored(scoreRow({ commodity, supplierCountry: "DE", siteCountry, chinaInputShare: 1 }, rules, { asOf })).explanation;

const rules = rulesFrom(structuredClone(gradesRules));

test("an unconfirmed status is named with its control, citation, day and the rule owner's note", () => {
  expect(explain(rules, "GaAs wafer", "US", "2026-11-28")).toMatch(
    / Warnings: status_unconfirmed\. Unconfirmed: T-US-CL2 \[No\. 46\/2024 cl\. 2\] counted as in force since 2026-11-28 \(suspension ends 27 Nov 2026; no public source on an extension as of 26 Nov 2026\)\.$/,
  );
});

test("an open grade condition is quoted with the controls it holds back, and says what to do", () => {
  expect(explain(rules, "molybdenum", "DE", "2026-11-20")).toMatch(
    / Warnings: grade_dependent\. Grade not stated: only Mo powder of 50 µm or finer \(T-MO\); check the grade\.$/,
  );
});

test("controls sharing one condition are listed together, once", () => {
  const document = structuredClone(gradesRules) as { controls: { id: string }[] };
  document.controls.push({ ...structuredClone(document.controls.find((c) => c.id === "T-DY")!), id: "T-DY-2" });
  const explanation = explain(rulesFrom(document), "neodymium magnet", "DE", "2026-11-20");
  expect(explanation).toContain("Grade not stated: only NdFeB grades made with Dy or Tb (suffix M, H, SH, UH, EH, AH) (T-DY, T-DY-2); check the grade.");
  expect(explanation.match(/Grade not stated/g)).toHaveLength(1);
});

test("rows without those warnings keep the short form", () => {
  expect(explain(rules, "molybdenum powder 3-5 µm", "DE", "2026-11-20")).not.toMatch(/Unconfirmed|Grade not stated|Warnings/);
});
