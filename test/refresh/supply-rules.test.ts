/**
 * RulesRuntime.supplyRules: the first load's bundled rules leave the producer figures out (src/rules/lean.ts), and
 * what says where else an item is produced fetches them on first use. Answers must be those of the lean document
 * that keeps them (test/rules/lean.test.ts compares that one with the whole).
 */
import { alternativesFor } from "../../src/engine/alternatives";
import { compileRules } from "../../src/engine/compile";
import { leanDocument } from "../../src/rules/lean";
import type { ProducerFigure } from "../../src/rules/schema";
import { RulesRuntime } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import whole from "../checked-bundled-rules";
import firstLoad from "../checked-bundled-lean-rules";
import figures from "../checked-bundled-producers";

const ITEMS = ["gallium", "ndfeb-magnet", "natural-graphite", "tungsten"];

function firstLoadRuntime(loadBundledProducers?: () => Promise<readonly ProducerFigure[]>): RulesRuntime {
  return new RulesRuntime({ bundled: firstLoad, storage: createMemoryStorage(), loadBundledProducers });
}

test("the first load carries no producer figures, and the chunk carries every figure of the bundled rules", () => {
  expect(firstLoad.producers).toEqual([]);
  expect(whole.producers.length).toBeGreaterThan(30);
  expect(figures.map((figure) => figure.id)).toEqual(whole.producers.map((figure) => figure.id));
});

test("fetched on first use and kept: the answers are those of the lean bundled document, figures and all", async () => {
  let loads = 0;
  const runtime = firstLoadRuntime(async () => {
    loads += 1;
    return figures;
  });
  for (const item of ITEMS) expect(alternativesFor(runtime.active.compiled, item)).toMatchObject({ stages: [], answer: null });
  const supply = await runtime.supplyRules();
  // The chunk's figures are lean as the rest of the first load (no notes, the first source): as the lean document's.
  const reference = compileRules(leanDocument(whole));
  for (const item of ITEMS) {
    expect(alternativesFor(reference, item)?.answer).not.toBeNull();
    expect(alternativesFor(supply, item)).toEqual(alternativesFor(reference, item));
  }
  expect(await runtime.supplyRules()).toBe(supply);
  expect(loads).toBe(1);
  // Everything else is the active ruleset's own: scoring state is shared, not rebuilt.
  expect(supply.itemsById).toBe(runtime.active.compiled.itemsById);
});

test("a chunk that cannot be fetched is the coded error part_not_loaded, and the next call tries again", async () => {
  let attempt = 0;
  const runtime = firstLoadRuntime(async () => {
    attempt += 1;
    if (attempt === 1) throw new Error("network down");
    return figures;
  });
  await expect(runtime.supplyRules()).rejects.toMatchObject({ code: "part_not_loaded", cause: "network down" });
  expect(alternativesFor(await runtime.supplyRules(), "gallium")?.answer).not.toBeNull();
  expect(attempt).toBe(2);
});

test("rules that carry their own figures are given as they are, and nothing is fetched", async () => {
  let loads = 0;
  const runtime = new RulesRuntime({
    bundled: whole,
    storage: createMemoryStorage(),
    loadBundledProducers: async () => {
      loads += 1;
      return [];
    },
  });
  expect(await runtime.supplyRules()).toBe(runtime.active.compiled);
  expect(loads).toBe(0);
  const withoutLoader = firstLoadRuntime();
  expect(await withoutLoader.supplyRules()).toBe(withoutLoader.active.compiled);
});
