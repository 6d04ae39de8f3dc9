/**
 * The pane's "What changed" part: comparing two rules documents and rendering the result. Needed only after
 * the rules are replaced, so it is fetched from the add-in's server then (load-what-changed.ts).
 *
 * The first load carries the bundled rules lean (src/rules/lean.ts); this part carries the texts and figures left out and
 * compares the whole document wherever the lean one is given, or every note and the edition's history would
 * look new.
 */
import bundledLean from "../src/rules/default-rules.json?checked&lean";
import leftOut from "../src/rules/default-rules.json?checked&texts";
import bundledProducers from "../src/rules/default-rules.json?checked&producers";
import { diffRules as diffDocuments, type RulesDiff } from "../src/engine/diff";
import { withTexts } from "../src/rules/lean";
import type { RulesDocument } from "../src/rules/schema";

export { renderChanges } from "./ui/what-changed-section";
// Which rows the swap moved: scoring the list under both rulesets, which the first load does not need.
export { impactOfChange } from "../src/engine/impact";

let bundledWhole: RulesDocument | null = null;
const whole = (doc: RulesDocument): RulesDocument =>
  doc === bundledLean ? (bundledWhole ??= withTexts({ ...bundledLean, producers: bundledProducers }, leftOut)) : doc;

export function diffRules(oldRules: RulesDocument, newRules: RulesDocument): RulesDiff {
  return diffDocuments(whole(oldRules), whole(newRules));
}
