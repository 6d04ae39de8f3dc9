import { compileRules, type CompiledRules } from "../../src/engine/compile";
import bundled from "../../src/rules/default-rules.json";
import { checkedRules } from "../rules/checked";

/** The bundled ruleset, through the one validation path every source takes. */
export function bundledRules(): CompiledRules {
  return compileRules(checkedRules(bundled));
}
