/**
 * The small fixture ruleset with a producers section, for the ALTERNATIVES tests:
 *   jest.mock("../../src/runtime", () => jest.requireActual("./producers-fixture").runtimeModule());
 * The figures are made up for the test (shaped like the research file's) and typed here, so the tests can
 * state their expectations from these lines.
 */
import { parseRules } from "../../src/rules/parse";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import { FIXTURE_RULES } from "./fixture";
import { checkedRules } from "../rules/checked";

export const SOURCE = "https://example.com/producers.pdf";

export const PRODUCERS = [
  {
    id: "gallium-refining-2024",
    items: ["gallium"],
    material: "Primary gallium",
    stage: "refining",
    year: 2024,
    china: { share: 0.989 },
    countries: [
      { country: "JP", share: 0.004 },
      { country: "RU", share: 0.007 },
    ],
    sources: [{ url: SOURCE }],
    confidence: "C",
  },
  {
    id: "neodymium-refining-2024",
    items: ["neodymium"],
    material: "Magnet rare earths, refining",
    stage: "refining",
    year: 2024,
    china: { share: 0.913 },
    countries: [
      { country: "MY", share: 0.045 },
      { country: "US", share: 0.012 },
      { country: "AU", share: 0 },
    ],
    groups: [{ label: "Rest of world", share: 0.03 }],
    sources: [{ url: SOURCE }],
    confidence: "C",
  },
  {
    id: "ndfeb-manufacturing-2024",
    items: ["ndfeb-magnet"],
    material: "NdFeB magnets",
    stage: "manufacturing",
    year: 2024,
    china: { share: 0.9, qualifier: "about" },
    countries: [
      { country: "JP", share: null },
      { country: "VN", share: null },
    ],
    noCountryBreakdown: "no official country table was found",
    sources: [{ url: SOURCE }],
    confidence: "R",
  },
];

let shared: RulesRuntime | null = null;

/** The fixture is written in format 1, which has no producers section: it is read (and so upgraded) first. */
function fixtureWithProducers(): Record<string, unknown> {
  const upgraded = parseRules(FIXTURE_RULES);
  if (!upgraded.ok) throw new Error(`fixture rules invalid: ${upgraded.issues[0]?.message}`);
  return { ...upgraded.rules, producers: PRODUCERS };
}

export function producersRuntime(): RulesRuntime {
  shared ??= new RulesRuntime({ bundled: checkedRules(fixtureWithProducers()), storage: createMemoryStorage() });
  return shared;
}

export function runtimeModule() {
  return { getRulesRuntime: producersRuntime };
}
