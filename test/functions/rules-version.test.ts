/**
 * RULESVERSION streams: the active version at once, a new value on every rules swap (including one found
 * by the periodic look at shared storage — how a refresh made by the task pane reaches the functions on
 * Excel on the web), and silence after Excel cancels the formula.
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());

import { rulesVersion } from "../../src/functions/functions";
import { streamRulesVersion, type RulesVersionSource } from "../../src/functions/rules-version";
import { STORAGE_SYNC_INTERVAL_MS, syncWithStorageEvery } from "../../src/functions/storage-sync";
import { RulesRuntime, type ActiveRules, type RulesChangeListener } from "../../src/runtime/rules-runtime";
import { createMemoryStorage } from "../../src/runtime/storage";
import { FIXTURE_RULES } from "./fixture";
import { checkedRules } from "../rules/checked";

function fakeInvocation() {
  const results: string[] = [];
  const invocation = { setResult: (value: unknown) => results.push(String(value)) } as CustomFunctions.StreamingInvocation<string>;
  return { invocation, results };
}

function fakeSource(version: string) {
  const listeners = new Set<RulesChangeListener>();
  const source = {
    active: { version, source: "bundled" as const, reviewedAt: "2026-01-15" },
    onChange: (listener: RulesChangeListener) => {
      listeners.add(listener);
      return () => {
          listeners.delete(listener);
        };
    },
    syncFromStorage: jest.fn().mockResolvedValue(false),
  } satisfies RulesVersionSource & { syncFromStorage: unknown };
  const swap = (next: string) => {
    source.active = { version: next, source: "bundled", reviewedAt: "2026-02-01" };
    listeners.forEach((listener) => listener(source.active as ActiveRules));
  };
  return { source, swap, listeners };
}

afterEach(() => jest.useRealTimers());

test("streams the active version now and a new value on every rules change", () => {
  const { source, swap } = fakeSource("2026.01.15-1");
  const { invocation, results } = fakeInvocation();
  streamRulesVersion(source, invocation);
  expect(results).toEqual(["2026.01.15-1 (bundled, reviewed 2026-01-15)"]);
  swap("2026.02.01-1");
  expect(results).toEqual(["2026.01.15-1 (bundled, reviewed 2026-01-15)", "2026.02.01-1 (bundled, reviewed 2026-02-01)"]);
  invocation.onCanceled?.();
});

test("stops listening when Excel cancels the formula", () => {
  const { source, swap, listeners } = fakeSource("v1");
  const { invocation, results } = fakeInvocation();
  streamRulesVersion(source, invocation);
  invocation.onCanceled!();
  expect(listeners.size).toBe(0);
  swap("v2");
  expect(results).toHaveLength(1);
});

test("the storage sync looks at shared storage on an interval until stopped", () => {
  jest.useFakeTimers();
  const { source } = fakeSource("v1");
  const stop = syncWithStorageEvery(source);
  jest.advanceTimersByTime(STORAGE_SYNC_INTERVAL_MS * 2);
  expect(source.syncFromStorage).toHaveBeenCalledTimes(2);
  stop();
  jest.advanceTimersByTime(STORAGE_SYNC_INTERVAL_MS * 3);
  expect(source.syncFromStorage).toHaveBeenCalledTimes(2);
});

test("RULESVERSION picks up rules another context downloaded into shared storage", async () => {
  jest.useFakeTimers({ doNotFake: ["setImmediate", "queueMicrotask", "nextTick"] });
  const storage = createMemoryStorage();
  const functionsSide = new RulesRuntime({ bundled: checkedRules(FIXTURE_RULES), storage });
  const { invocation, results } = fakeInvocation();
  streamRulesVersion(functionsSide, invocation);
  const stopSync = syncWithStorageEvery(functionsSide, 1_000);
  expect(results).toEqual(["fixture-1 (bundled, reviewed 2026-01-15)"]);

  // The task pane, in its own context over the same storage, downloads newer rules.
  const hosted = { ...FIXTURE_RULES, version: "fixture-2", publishedAt: "2026-02-01", reviewedAt: "2026-02-01" };
  const paneSide = new RulesRuntime({
    bundled: checkedRules(FIXTURE_RULES),
    storage,
    fetch: async () => new Response(JSON.stringify(hosted), { status: 200, headers: { "content-type": "application/json" } }),
  });
  expect((await paneSide.updateSettings({ rulesUrl: "https://rules.example.com/rules.json" })).ok).toBe(true);
  expect(results).toHaveLength(1);

  jest.advanceTimersByTime(1_000);
  for (let i = 0; i < 20 && results.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
  expect(results).toEqual(["fixture-1 (bundled, reviewed 2026-01-15)", "fixture-2 (hosted, reviewed 2026-02-01)"]);
  invocation.onCanceled!();
  stopSync();
});

test("the registered RULESVERSION function streams the runtime's version", () => {
  const { invocation, results } = fakeInvocation();
  rulesVersion(invocation);
  expect(results).toEqual(["fixture-1 (bundled, reviewed 2026-01-15)"]);
  invocation.onCanceled!();
});
