import { parseRules } from "../../src/rules/parse";
import type { RulesDocument } from "../../src/rules/schema";

/**
 * A rules document through the one parse path every loader uses: checked, defaults applied, as the add-in's
 * runtime takes its bundled rules (the build does this for the real bundle, scripts/checked-rules-loader.js).
 * A fixture it refuses is a broken test: it throws, naming every issue.
 */
export function checkedRules(raw: unknown): RulesDocument {
  const parsed = parseRules(raw);
  if (!parsed.ok) throw new Error(`the rules fixture is invalid: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`);
  return parsed.rules;
}
