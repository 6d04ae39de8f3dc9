import { parseRules } from "../../src/rules/parse";
import { compileRules, type CompiledRules } from "../../src/engine/compile";
import bundled from "../../src/rules/default-rules.json";

/** The bundled ruleset, through the one validation path every source takes. */
export function bundledRules(): CompiledRules {
  const parsed = parseRules(bundled);
  if (!parsed.ok) throw new Error(`bundled rules are invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return compileRules(parsed.rules);
}
