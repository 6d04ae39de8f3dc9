/**
 * The first load leaves the producer figures out and ALTERNATIVES fetches them (src/rules/lean.ts). When that fetch
 * fails, ALTERNATIVES says so and that a recalculation tries again, rather than that the rules have no figures;
 * PROFILE still gives its card, without the section on where else the item is produced.
 */
import "./setup";
jest.mock("../../src/runtime", () => {
  const { RulesRuntime } = jest.requireActual("../../src/runtime/rules-runtime");
  const { createMemoryStorage } = jest.requireActual("../../src/runtime/storage");
  const firstLoad = jest.requireActual("../checked-bundled-lean-rules").default;
  const figures = jest.requireActual("../checked-bundled-producers").default;
  let reachable = false;
  const runtime = new RulesRuntime({
    bundled: firstLoad,
    storage: createMemoryStorage(),
    loadBundledProducers: async () => {
      if (!reachable) throw new Error("Loading chunk producers failed");
      return figures;
    },
  });
  return { getRulesRuntime: () => runtime, serverReachable: (value: boolean) => (reachable = value) };
});

import { alternatives, profile } from "../../src/functions/functions";
import * as runtimeModule from "../../src/runtime";
import { errorOf } from "./fixture";

const SKIPPED = null as never;
const serverReachable = (runtimeModule as unknown as { serverReachable: (value: boolean) => void }).serverReachable;

test("a figure chunk that cannot be fetched is #N/A saying so, and the next call fetches it", async () => {
  serverReachable(false);
  expect(errorOf((await alternatives([["lithium carbonate"]], SKIPPED, SKIPPED))[0][0])).toEqual({
    code: "#N/A",
    message: "the producer figures could not be loaded (Loading chunk producers failed); recalculate to try again",
  });
  serverReachable(true);
  // Lithium carbonate binds at refining, where the IEA dataset names Chile first at 20.4% in 2024 (docs/functions.md).
  const [first] = await alternatives([["lithium carbonate"]], SKIPPED, [[1]]);
  expect(first.slice(0, 3)).toEqual(["Chile", 0.204, 2024]);
});

test("PROFILE still gives its card while the figures cannot be fetched", async () => {
  serverReachable(false);
  const [[card]] = await profile([["lithium carbonate"]], SKIPPED, SKIPPED, [["2026-11-28"]]);
  expect(errorOf(card)).toBeNull();
});
