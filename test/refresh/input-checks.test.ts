/**
 * The rules runtime starts on the bundled rules without the code that checks documents from outside; it fetches
 * that code (src/runtime/input-checks.ts) when a download, a cached document, a new address or key has to be
 * checked. When it cannot be fetched, that is the coded error `part_not_loaded`: the rules in use stay, the cache
 * stays (it is not known to be bad), and the next attempt fetches again.
 */
import { CACHE_META_KEY, readCachedRules } from "../../src/runtime/rules-cache";
import { loadInputChecks, type InputChecks } from "../../src/runtime/load-input-checks";
import { RulesRuntime, type RulesRuntimeOptions } from "../../src/runtime/rules-runtime";
import { createMemoryStorage, type KeyValueStorage } from "../../src/runtime/storage";
import { generateSigningKeyPair, signDetached } from "../../src/rules/signature";
import { describeRulesError } from "../../src/rules/status-codes";
import { checkedRules } from "../rules/checked";
import { bundledFixture, bytesOf, fixtureText } from "./helpers";
import { serveDocument, useTestServers } from "./https-server";

const V1 = fixtureText("rules-v1.json");
const HOUR_MS = 60 * 60 * 1000;
const CHUNK_FAILURE = "Loading chunk checks failed. (error: https://localhost:3000/checks.js)";

const servers = useTestServers();
let rulesUrl: string;
beforeAll(() => {
  rulesUrl = `${servers.httpsOrigin}/rules.json`;
});

/** A loader that fails while `failing` is true, and counts its calls. */
function switchableLoader() {
  const state = { failing: true, calls: 0 };
  const load = (): Promise<InputChecks> => {
    state.calls += 1;
    return state.failing ? Promise.reject(new Error(CHUNK_FAILURE)) : loadInputChecks();
  };
  return { state, load };
}

function newRuntime(storage: KeyValueStorage, overrides: Partial<RulesRuntimeOptions> = {}): RulesRuntime {
  return new RulesRuntime({ bundled: checkedRules(bundledFixture()), storage, fetch: servers.fetch, timeoutMs: 2_000, ...overrides });
}

/** Storage holding v1, downloaded from the rules URL by an earlier session. */
async function storageWithV1Cached(): Promise<KeyValueStorage> {
  const storage = createMemoryStorage();
  const earlier = newRuntime(storage);
  await earlier.start();
  servers.route("/rules.json", serveDocument(V1, '"v1"'));
  expect(await earlier.updateSettings({ rulesUrl })).toMatchObject({ ok: true });
  servers.requests.length = 0;
  return storage;
}

test("scoring with the bundled rules needs no checks: nothing is fetched until something has to be checked", async () => {
  const { state, load } = switchableLoader();
  const runtime = newRuntime(createMemoryStorage(), { loadInputChecks: load });
  await runtime.start();
  expect(runtime.active).toMatchObject({ source: "bundled", version: "2025.05.01-bundled" });
  expect(runtime.active.compiled.itemsById.size).toBeGreaterThan(0);
  expect(state.calls).toBe(0);
});

test("a refresh whose checks cannot be fetched fails with part_not_loaded, keeps the rules and cache, and the next one works", async () => {
  const storage = await storageWithV1Cached();
  const { state, load } = switchableLoader();
  state.failing = false;
  const runtime = newRuntime(storage, { loadInputChecks: load, now: () => new Date(Date.now() + HOUR_MS / 2) });
  expect(await runtime.start()).toEqual({ refresh: null });
  expect(runtime.active).toMatchObject({ source: "cached", version: "2025.06.01" });

  state.failing = true;
  servers.route("/rules.json", serveDocument(fixtureText("rules-v2.json"), '"v2"'));
  const failed = await runtime.refreshNow();
  expect(failed).toEqual({ kind: "failed", error: { code: "part_not_loaded", cause: CHUNK_FAILURE, location: rulesUrl } });
  expect(servers.requests).toHaveLength(0);
  expect(runtime.active.version).toBe("2025.06.01");
  expect(runtime.status.lastError).toMatchObject({ code: "part_not_loaded" });
  expect(runtime.status.lastError!.message).toBe(
    `The part of the add-in that checks rules files could not be loaded from the add-in's server (${CHUNK_FAILURE}). The rules in use stay active; the next refresh tries again.`,
  );
  expect((await readCachedRules(storage))?.text).toBe(V1);

  state.failing = false;
  expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });
  expect(runtime.active.version).not.toBe("2025.06.01");
  expect(runtime.status.lastError).toBeNull();
});

test("at start-up, a cached document that cannot be checked is not used and not deleted; the next start uses it", async () => {
  const storage = await storageWithV1Cached();
  const { state, load } = switchableLoader();
  const fresh = () => new Date(Date.now() + HOUR_MS / 2);

  const first = newRuntime(storage, { loadInputChecks: load, now: fresh });
  await first.start();
  expect(first.active.source).toBe("bundled");
  expect(first.status.lastError).toMatchObject({ code: "part_not_loaded" });
  expect(await storage.getItem(CACHE_META_KEY)).not.toBeNull();

  state.failing = false;
  const second = newRuntime(storage, { loadInputChecks: load, now: fresh });
  await second.start();
  expect(second.active).toMatchObject({ source: "cached", version: "2025.06.01" });
});

test("a new rules address or key cannot be saved while the checks cannot be fetched; nothing changes", async () => {
  const storage = createMemoryStorage();
  const { state, load } = switchableLoader();
  const runtime = newRuntime(storage, { loadInputChecks: load });
  await runtime.start();
  servers.route("/rules.json", serveDocument(V1, '"v1"'));

  const update = await runtime.updateSettings({ rulesUrl });
  expect(update).toEqual({ ok: false, error: { code: "part_not_loaded", cause: CHUNK_FAILURE, field: "rulesUrl" } });
  expect(describeRulesError((update as { error: Parameters<typeof describeRulesError>[0] }).error)).toContain("could not be loaded");
  expect(runtime.settings.rulesUrl).toBeNull();
  expect(runtime.active.source).toBe("bundled");
  expect(servers.requests).toHaveLength(0);

  state.failing = false;
  expect(await runtime.updateSettings({ rulesUrl })).toMatchObject({ ok: true });
  expect(runtime.active.version).toBe("2025.06.01");
});

test("settings that need no checking (the refresh interval) are saved without fetching the checks", async () => {
  const { state, load } = switchableLoader();
  const runtime = newRuntime(createMemoryStorage(), { loadInputChecks: load });
  await runtime.start();
  expect(await runtime.updateSettings({ refreshIntervalHours: 12 })).toMatchObject({ ok: true, settings: { refreshIntervalHours: 12 } });
  expect(state.calls).toBe(0);
});

test("clearing the address, with or without a pinned key, returns to the bundled rules without the checks", async () => {
  const { state, load } = switchableLoader();
  state.failing = false;
  const keys = await generateSigningKeyPair();
  servers.route("/rules.json", serveDocument(V1, '"v1"'));
  const signed = await signDetached(bytesOf(V1), keys.privateKeyPem);
  if (!signed.ok) throw new Error("could not sign the fixture");
  servers.route("/rules.json.sig", (_request, response) => response.writeHead(200).end(signed.signatureText));
  for (const publicKeyPem of [null, keys.publicKeyPem]) {
    const runtime = newRuntime(createMemoryStorage(), { loadInputChecks: load });
    await runtime.start();
    expect(await runtime.updateSettings({ rulesUrl, publicKeyPem })).toMatchObject({ ok: true });
    expect(runtime.active.version).toBe("2025.06.01");

    state.failing = true;
    const calls = state.calls;
    expect(await runtime.updateSettings({ rulesUrl: null })).toMatchObject({ ok: true, settings: { rulesUrl: null, publicKeyPem: publicKeyPem?.trim() ?? null } });
    expect(runtime.active.source).toBe("bundled");
    expect(state.calls).toBe(calls);
    state.failing = false;
  }
});
