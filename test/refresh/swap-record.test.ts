/**
 * The runtime keeps the rules each swap replaced, with why and when, so the pane can say what changed:
 * `lastSwap` is set before the change listeners hear of a swap, and every path that swaps sets it.
 */
import { RulesRuntime, type RulesSwap } from "../../src/runtime/rules-runtime";
import { createMemoryStorage, type KeyValueStorage } from "../../src/runtime/storage";
import { bundledFixture, fixtureText } from "./helpers";
import { serveDocument, useTestServers } from "./https-server";
import { checkedRules } from "../rules/checked";

const V1 = fixtureText("rules-v1.json");
const V2 = fixtureText("rules-v2.json");
const BUNDLED_VERSION = "2025.05.01-bundled";
const NOW = new Date("2026-11-26T09:00:00.000Z");

const servers = useTestServers();
let rulesUrl: string;
beforeAll(() => {
  rulesUrl = `${servers.httpsOrigin}/rules.json`;
});

function newRuntime(storage: KeyValueStorage): RulesRuntime {
  return new RulesRuntime({ bundled: checkedRules(bundledFixture()), storage, fetch: servers.fetch, timeoutMs: 2_000, now: () => NOW });
}

/** What each change listener saw in `lastSwap` at the moment it was called. */
function recordSwaps(runtime: RulesRuntime): [string, string, RulesSwap["reason"]][] {
  const seen: [string, string, RulesSwap["reason"]][] = [];
  runtime.onChange((active) => {
    const swap = runtime.lastSwap!;
    expect(swap.next).toBe(active);
    seen.push([swap.previous.version, swap.next.version, swap.reason]);
  });
  return seen;
}

test("no swap yet: lastSwap is null and the bundled rules are active", async () => {
  const runtime = newRuntime(createMemoryStorage());
  await runtime.start();
  expect(runtime.lastSwap).toBeNull();
  expect(runtime.active.version).toBe(BUNDLED_VERSION);
});

test("saving a URL, refreshing and resetting each record the rules they replaced and why", async () => {
  const runtime = newRuntime(createMemoryStorage());
  await runtime.start();
  const swaps = recordSwaps(runtime);

  servers.route("/rules.json", serveDocument(V1, '"v1"'));
  expect(await runtime.updateSettings({ rulesUrl })).toMatchObject({ ok: true });
  servers.route("/rules.json", serveDocument(V2, '"v2"'));
  expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });
  expect(await runtime.refreshNow()).toEqual({ kind: "unchanged" });
  await runtime.resetToBundled();

  expect(swaps).toEqual([
    [BUNDLED_VERSION, "2025.06.01", "settings"],
    ["2025.06.01", "2025.07.01", "refresh"],
    ["2025.07.01", BUNDLED_VERSION, "reset"],
  ]);
  expect(runtime.lastSwap).toMatchObject({ reason: "reset", at: NOW.toISOString() });
  expect(runtime.lastSwap!.previous.document.version).toBe("2025.07.01");
  expect(runtime.lastSwap!.previous.compiled.doc.version).toBe("2025.07.01");
});

test("the cached rules taken over at start-up and a swap picked up from another context say so", async () => {
  const storage = createMemoryStorage();
  const pane = newRuntime(storage);
  await pane.start();
  servers.route("/rules.json", serveDocument(V1, '"v1"'));
  await pane.updateSettings({ rulesUrl });

  const functions = newRuntime(storage);
  const seenByFunctions = recordSwaps(functions);
  await functions.start();
  servers.route("/rules.json", serveDocument(V2, '"v2"'));
  await pane.refreshNow();
  expect(await functions.syncFromStorage()).toBe(true);

  expect(seenByFunctions).toEqual([
    [BUNDLED_VERSION, "2025.06.01", "start"],
    ["2025.06.01", "2025.07.01", "sync"],
  ]);
});

test("a refresh that leaves the items as they were keeps the commodity readings; one that changes them reads afresh", async () => {
  const runtime = newRuntime(createMemoryStorage());
  await runtime.start();
  servers.route("/rules.json", serveDocument(V1, '"v1"'));
  await runtime.updateSettings({ rulesUrl });
  const first = runtime.active;

  const sameItems = JSON.parse(V1) as { version: string; publishedAt: string; controls: { severity: number }[]; items: { aliases?: string[] }[] };
  sameItems.version = "2025.06.02";
  sameItems.controls[0].severity = sameItems.controls[0].severity / 2;
  servers.route("/rules.json", serveDocument(JSON.stringify(sameItems), '"v1b"'));
  expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });
  expect(runtime.active.version).toBe("2025.06.02");
  expect(runtime.active.baseCompiled.matchMemo).toBe(first.baseCompiled.matchMemo);

  const newAlias = JSON.parse(JSON.stringify(sameItems)) as typeof sameItems;
  newAlias.version = "2025.06.03";
  newAlias.items[0].aliases = [...(newAlias.items[0].aliases ?? []), "a name added at this refresh"];
  servers.route("/rules.json", serveDocument(JSON.stringify(newAlias), '"v1c"'));
  expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });
  expect(runtime.active.version).toBe("2025.06.03");
  expect(runtime.active.baseCompiled.matchMemo).not.toBe(first.baseCompiled.matchMemo);
});
