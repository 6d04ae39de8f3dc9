/**
 * The functions under test read the rules from the add-in's runtime. Tests replace that runtime with
 * one over the small fixture ruleset, so expected numbers do not move when the bundled rules are edited:
 *   jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());
 */
import * as path from "path";
import * as fs from "fs";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import { checkedRules } from "../rules/checked";

export const FIXTURE_RULES = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"),
) as Record<string, unknown>;

let shared: RulesRuntime | null = null;

export function fixtureRuntime(): RulesRuntime {
  shared ??= new RulesRuntime({ bundled: checkedRules(FIXTURE_RULES), storage: createMemoryStorage() });
  return shared;
}

export function runtimeModule() {
  return { getRulesRuntime: fixtureRuntime };
}

/** Excel's view of an error cell: its code and message, for comparisons. */
export function errorOf(cell: unknown): { code: string; message: string } | null {
  if (cell instanceof Error && "code" in cell) return { code: String((cell as { code: unknown }).code), message: cell.message };
  return null;
}
