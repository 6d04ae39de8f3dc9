import { parseRules } from "../../src/rules/parse";
import type { RulesDocument } from "../../src/rules/schema";

/**
 * A rules document as the add-in's runtime takes its bundled rules: checked, defaults applied (the build
 * does this for the real bundle, scripts/checked-rules-loader.js). Throws on a fixture that is invalid.
 */
export function checkedRules(raw: unknown): RulesDocument {
  const parsed = parseRules(raw);
  if (!parsed.ok) throw new Error(`the rules fixture is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.rules;
}
