import type { ServerResponse } from "node:http";
import { generateSigningKeyPair, signDetached, type SigningKeyPair } from "../../src/rules/signature";
import type { RulesErrorCode } from "../../src/rules/status-codes";
import { CACHE_META_KEY, readCachedRules } from "../../src/runtime/rules-cache";
import { RulesRuntime, type RulesRuntimeOptions } from "../../src/runtime/rules-runtime";
import { SETTINGS_KEY } from "../../src/runtime/settings";
import { createMemoryStorage, type KeyValueStorage } from "../../src/runtime/storage";
import { matchCommodity } from "../../src/engine/match";
import { bundledFixture, bytesOf, fixtureJson, fixtureText } from "./helpers";
import { serveDocument, startTestServers, useTestServers, type Handler } from "./https-server";
import { checkedRules } from "../rules/checked";

const V1 = fixtureText("rules-v1.json");
const V2 = fixtureText("rules-v2.json");
const MAX_BYTES = 64 * 1024;
const TIMEOUT_MS = 400;
const HOUR_MS = 60 * 60 * 1000;

const servers = useTestServers();
let rulesUrl: string;
beforeAll(() => {
  rulesUrl = `${servers.httpsOrigin}/rules.json`;
});

/** Memory storage whose reads fail with `message` while `failing()` says so. */
function flakyStorage(failing: () => boolean, message: string): KeyValueStorage {
  const storage = createMemoryStorage();
  return {
    ...storage,
    getItem: async (key) => {
      if (failing()) throw new Error(message);
      return storage.getItem(key);
    },
  };
}

function newRuntime(storage: KeyValueStorage, overrides: Partial<RulesRuntimeOptions> = {}): RulesRuntime {
  return new RulesRuntime({
    bundled: checkedRules(bundledFixture()),
    storage,
    fetch: servers.fetch,
    timeoutMs: TIMEOUT_MS,
    maxBytes: MAX_BYTES,
    ...overrides,
  });
}

function recordChanges(runtime: RulesRuntime): string[] {
  const versions: string[] = [];
  runtime.onChange((active) => versions.push(active.version));
  return versions;
}

/** A runtime that has taken v1 from the server, as a user who just set the rules URL would have. */
async function runtimeOnV1(publicKeyPem?: string) {
  const storage = createMemoryStorage();
  const runtime = newRuntime(storage);
  await runtime.start();
  servers.route("/rules.json", serveDocument(V1, '"v1"'));
  const update = await runtime.updateSettings({ rulesUrl, ...(publicKeyPem ? { publicKeyPem } : {}) });
  expect(update).toMatchObject({ ok: true });
  expect(runtime.active.version).toBe("2025.06.01");
  const changes = recordChanges(runtime);
  servers.requests.length = 0;
  return { storage, runtime, changes };
}

async function expectStillOnV1(storage: KeyValueStorage, runtime: RulesRuntime, changes: string[]) {
  expect(runtime.active.version).toBe("2025.06.01");
  expect(runtime.active.source).toBe("url");
  expect(changes).toEqual([]);
  expect((await readCachedRules(storage))?.text).toBe(V1);
}

function padded(text: string, totalBytes: number): string {
  return text + " ".repeat(totalBytes - Buffer.byteLength(text));
}

/** Sends the first half of the body, then drops the connection. */
function cutOff(body: string, withContentLength: boolean): Handler {
  return (_request, response: ServerResponse) => {
    response.writeHead(200, withContentLength ? { "Content-Length": String(Buffer.byteLength(body)) } : {});
    response.write(body.slice(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
  };
}

interface Fault {
  name: string;
  serve: () => Handler;
  code: RulesErrorCode;
  details?: Record<string, unknown>;
}

// Objects rather than tuples: jest.each would take a missing trailing tuple element for a `done` callback.
const faults: Fault[] = [
  { name: "a server that never answers", serve: () => () => undefined, code: "timeout", details: { limit: TIMEOUT_MS } },
  { name: "404", serve: () => (_q, s) => s.writeHead(404).end("gone"), code: "http_status", details: { httpStatus: 404 } },
  { name: "500", serve: () => (_q, s) => s.writeHead(500).end("boom"), code: "http_status", details: { httpStatus: 500 } },
  { name: "invalid JSON", serve: () => serveDocument('{"schemaVersion": 1, "version": ', '"bad"'), code: "invalid_json" },
  {
    name: "a schema violation",
    serve: () => serveDocument(fixtureText("schema-violation.json"), '"sv"'),
    code: "schema_invalid",
  },
  {
    name: "a too-new schemaVersion",
    serve: () => serveDocument(fixtureText("schema-too-new.json"), '"new"'),
    code: "schema_version_unsupported",
  },
  {
    name: "a body over the cap with Content-Length",
    serve: () => serveDocument(padded(V2, MAX_BYTES + 1), '"big"'),
    code: "too_large",
    details: { limit: MAX_BYTES },
  },
  {
    name: "a body over the cap without Content-Length",
    serve: () => (_q, s) => {
      s.writeHead(200, { "Content-Type": "application/json" });
      const chunk = " ".repeat(16 * 1024);
      for (let i = 0; i < 8; i++) s.write(chunk);
      s.end(V2);
    },
    code: "too_large",
    details: { limit: MAX_BYTES },
  },
  { name: "a body cut off mid-stream (Content-Length)", serve: () => cutOff(V2, true), code: "truncated" },
  { name: "a body cut off mid-stream (chunked)", serve: () => cutOff(V2, false), code: "truncated" },
  {
    name: "a redirect to http",
    serve: () => (_q, s) => s.writeHead(302, { Location: `${servers.httpOrigin}/plain/rules.json` }).end(),
    code: "insecure_url",
    details: { location: expect.stringMatching(/^http:\/\/rules\.example\.test:\d+\/plain\/rules\.json$/) },
  },
];

describe("refresh faults keep the last good rules and record a coded status", () => {
  test.each(faults)("$name → $code", async ({ serve, code, details }) => {
    const { storage, runtime, changes } = await runtimeOnV1();
    servers.route("/rules.json", serve());
    servers.route("/plain/rules.json", serveDocument(V2, '"plain"'));
    const before = runtime.active;

    const outcome = await runtime.refreshNow();

    expect(outcome).toMatchObject({ kind: "failed", error: { code, ...details } });
    expect(runtime.active).toBe(before);
    await expectStillOnV1(storage, runtime, changes);
    expect(runtime.status.lastError).toMatchObject({ code, details: { code } });
    expect(runtime.status.lastError?.message.length).toBeGreaterThan(10);
    expect(runtime.status.lastAttemptAt).not.toBeNull();
  });

  test("a schema violation reports the JSON path of the problem", async () => {
    const { runtime } = await runtimeOnV1();
    servers.route("/rules.json", serveDocument(fixtureText("schema-violation.json"), '"sv"'));
    const outcome = await runtime.refreshNow();
    expect(outcome.kind === "failed" && outcome.error.issues?.map((issue) => issue.path)).toContain("controls[0].severity");
  });
});

describe("signed rules", () => {
  let owner: SigningKeyPair;
  let stranger: SigningKeyPair;

  beforeAll(async () => {
    [owner, stranger] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
  });

  async function signatureOf(text: string, pair: SigningKeyPair): Promise<string> {
    const signed = await signDetached(bytesOf(text), pair.privateKeyPem);
    if (!signed.ok) throw new Error("could not sign the fixture");
    return signed.signatureText;
  }

  async function signedRuntimeOnV1() {
    const v1Signature = await signatureOf(V1, owner);
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(v1Signature));
    return runtimeOnV1(owner.publicKeyPem);
  }

  test("a new version signed by the pinned key swaps in", async () => {
    const { runtime, changes } = await signedRuntimeOnV1();
    const v2Signature = await signatureOf(V2, owner);
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(v2Signature));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });
    expect(changes).toEqual(["2025.07.01"]);
  });

  test("a bad signature (the file changed after signing) → signature_invalid", async () => {
    const { storage, runtime, changes } = await signedRuntimeOnV1();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "failed", error: { code: "signature_invalid" } });
    await expectStillOnV1(storage, runtime, changes);
    expect(runtime.status.lastError?.code).toBe("signature_invalid");
  });

  test("a signature made with another key → signature_invalid", async () => {
    const { storage, runtime, changes } = await signedRuntimeOnV1();
    const strangerSignature = await signatureOf(V2, stranger);
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(strangerSignature));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "failed", error: { code: "signature_invalid" } });
    await expectStillOnV1(storage, runtime, changes);
  });

  test("a signature that is not base64 at all → signature_invalid", async () => {
    const { runtime } = await signedRuntimeOnV1();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end("not a signature!"));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "failed", error: { code: "signature_invalid" } });
  });

  test("no signature file → signature_missing", async () => {
    const { storage, runtime, changes } = await signedRuntimeOnV1();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    servers.clearRoutes();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    expect(await runtime.refreshNow()).toMatchObject({
      kind: "failed",
      error: { code: "signature_missing", location: `${rulesUrl}.sig` },
    });
    await expectStillOnV1(storage, runtime, changes);
  });

  test("pinning a key the current file is not signed with is refused, and nothing changes", async () => {
    const { storage, runtime, changes } = await signedRuntimeOnV1();
    const update = await runtime.updateSettings({ publicKeyPem: stranger.publicKeyPem });
    expect(update).toEqual({ ok: false, error: { code: "signature_invalid", location: `${rulesUrl}.sig`, field: "publicKey" } });
    expect(runtime.settings.publicKeyPem).toBe(owner.publicKeyPem.trim());
    await expectStillOnV1(storage, runtime, changes);
  });
});

describe("settings", () => {
  test("an http URL for another host is refused without any request, and the settings stay as they were", async () => {
    const { storage, runtime, changes } = await runtimeOnV1();
    const update = await runtime.updateSettings({ rulesUrl: `${servers.httpOrigin}/rules.json` });
    expect(update).toEqual({
      ok: false,
      error: { code: "insecure_url", location: `${servers.httpOrigin}/rules.json`, field: "rulesUrl" },
    });
    expect(servers.requests).toHaveLength(0);
    expect(runtime.settings.rulesUrl).toBe(rulesUrl);
    await expectStillOnV1(storage, runtime, changes);
  });

  test("a new URL is validated by downloading it before it is saved", async () => {
    const { storage, runtime, changes } = await runtimeOnV1();
    const update = await runtime.updateSettings({ rulesUrl: `${servers.httpsOrigin}/missing.json` });
    expect(update).toMatchObject({ ok: false, error: { code: "http_status", httpStatus: 404, field: "rulesUrl" } });
    expect(JSON.parse((await storage.getItem(SETTINGS_KEY)) ?? "{}").rulesUrl).toBe(rulesUrl);
    await expectStillOnV1(storage, runtime, changes);
  });

  test("a malformed public key and an impossible interval are refused with their field", async () => {
    const runtime = newRuntime(createMemoryStorage());
    await runtime.start();
    expect(await runtime.updateSettings({ publicKeyPem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" })).toEqual({
      ok: false,
      error: { code: "public_key_invalid", field: "publicKey" },
    });
    expect(await runtime.updateSettings({ refreshIntervalHours: 0 })).toEqual({
      ok: false,
      error: { code: "refresh_interval_invalid", field: "refreshIntervalHours" },
    });
    expect(await runtime.updateSettings({ refreshIntervalHours: 6 })).toMatchObject({ ok: true });
    expect(runtime.settings.refreshIntervalHours).toBe(6);
  });

  test("refreshing with no URL set is url_not_set", async () => {
    const runtime = newRuntime(createMemoryStorage());
    await runtime.start();
    expect(await runtime.refreshNow()).toEqual({ kind: "failed", error: { code: "url_not_set", field: "rulesUrl" } });
    expect(runtime.active.source).toBe("bundled");
  });
});

describe("good paths", () => {
  test("a 304 keeps the rules and fires no event", async () => {
    const { runtime, changes } = await runtimeOnV1();
    const before = runtime.active;
    expect(await runtime.refreshNow()).toEqual({ kind: "unchanged" });
    expect(servers.requests).toHaveLength(1);
    expect(servers.requests[0].headers["if-none-match"]).toBe('"v1"');
    expect(runtime.active).toBe(before);
    expect(changes).toEqual([]);
    expect(runtime.status.lastError).toBeNull();
  });

  test("a valid new version swaps in, fires exactly one change event, is cached and clears the last error", async () => {
    const { storage, runtime, changes } = await runtimeOnV1();
    servers.route("/rules.json", (_q, s) => s.writeHead(500).end());
    await runtime.refreshNow();
    expect(runtime.status.lastError?.code).toBe("http_status");

    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    const seenByListener: unknown[] = [];
    runtime.onChange((active) => seenByListener.push([active.version, active.compiled === runtime.active.compiled, active.etag]));
    const outcome = await runtime.refreshNow();

    expect(outcome).toMatchObject({ kind: "updated", active: { version: "2025.07.01", source: "url" } });
    expect(changes).toEqual(["2025.07.01"]);
    expect(seenByListener).toEqual([["2025.07.01", true, '"v2"']]);
    expect(runtime.status).toMatchObject({
      source: "url",
      url: rulesUrl,
      version: "2025.07.01",
      publishedAt: "2025-07-01",
      reviewedAt: "2025-07-01",
      etag: '"v2"',
      controlCount: 2,
      lastError: null,
      refreshing: false,
    });
    expect((await readCachedRules(storage))?.text).toBe(V2);
  });

  test("the same bytes under a new ETag are not a change", async () => {
    const { runtime, changes } = await runtimeOnV1();
    servers.route("/rules.json", serveDocument(V1, '"v1-again"'));
    expect(await runtime.refreshNow()).toEqual({ kind: "unchanged" });
    expect(changes).toEqual([]);
    expect(runtime.active.etag).toBe('"v1-again"');
  });

  test("concurrent refreshes share one request", async () => {
    const { runtime, changes } = await runtimeOnV1();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    const [first, second] = await Promise.all([runtime.refreshNow(), runtime.refreshNow()]);
    expect(first).toBe(second);
    expect(servers.requests).toHaveLength(1);
    expect(changes).toEqual(["2025.07.01"]);
  });

  test("a listener that throws does not stop the swap or the other listeners", async () => {
    const { runtime, changes } = await runtimeOnV1();
    runtime.onChange(() => {
      throw new Error("listener bug");
    });
    const later: string[] = [];
    runtime.onChange((active) => later.push(active.version));
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    await runtime.refreshNow();
    expect(changes).toEqual(["2025.07.01"]);
    expect(later).toEqual(["2025.07.01"]);
  });

  test("unsubscribing stops the events", async () => {
    const { runtime } = await runtimeOnV1();
    const versions: string[] = [];
    const stop = runtime.onChange((active) => versions.push(active.version));
    stop();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    await runtime.refreshNow();
    expect(versions).toEqual([]);
  });

  test("new rules that cannot be cached still swap in, and the status says they were not saved", async () => {
    const storage = createMemoryStorage();
    const full: KeyValueStorage = {
      ...storage,
      setItem: async (key, value) => {
        if (key.startsWith(CACHE_META_KEY)) throw new Error("quota exceeded");
        await storage.setItem(key, value);
      },
    };
    const runtime = newRuntime(full);
    await runtime.start();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    expect(await runtime.updateSettings({ rulesUrl })).toMatchObject({ ok: true });
    expect(runtime.active).toMatchObject({ source: "url", version: "2025.07.01" });
    expect(runtime.status.lastError?.code).toBe("cache_write_failed");
    expect(await storage.getItem(CACHE_META_KEY)).toBeNull();
  });

  test("resetToBundled clears the cache and the URL and swaps the bundled rules back", async () => {
    const { storage, runtime, changes } = await runtimeOnV1();
    await runtime.resetToBundled();
    expect(runtime.active.source).toBe("bundled");
    expect(runtime.active.version).toBe("2025.05.01-bundled");
    expect(changes).toEqual(["2025.05.01-bundled"]);
    expect(runtime.settings.rulesUrl).toBeNull();
    expect(await storage.getItem(CACHE_META_KEY)).toBeNull();
  });
});

describe("the workbook's own aliases", () => {
  test("apply to every score, survive a rules swap, and are announced with the cause 'aliases'", async () => {
    const { runtime } = await runtimeOnV1();
    const causes: [string, string | undefined][] = [];
    runtime.onChange((active, cause) => causes.push([active.version, cause]));
    const text = "Mystery alloy grade 7";
    const itemId = runtime.active.document.items[0].id;
    expect(matchCommodity(runtime.active.compiled, text).itemId).toBeNull();

    const issues = runtime.setUserAliases({ format: 1, aliases: [{ commodity: text, item: itemId }, { commodity: "widget", item: "no-such-item" }] });
    expect(issues.map((issue) => issue.code)).toEqual(["alias_item_unknown"]);
    expect(matchCommodity(runtime.active.compiled, "mystery ALLOY, grade 7")).toMatchObject({ itemId, method: "user_alias" });
    expect(matchCommodity(runtime.active.baseCompiled, text).itemId).toBeNull();

    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    await runtime.refreshNow();
    expect(runtime.active.version).toBe("2025.07.01");
    expect(matchCommodity(runtime.active.compiled, text)).toMatchObject({ itemId, method: "user_alias" });
    expect(causes).toEqual([
      ["2025.06.01", "aliases"],
      ["2025.07.01", "rules"],
    ]);

    runtime.setUserAliases({ format: 1, aliases: [] });
    expect(runtime.active.compiled).toBe(runtime.active.baseCompiled);
  });

  test("survive the rules being read again once the HS descriptions arrive (cause 'readings')", async () => {
    let descriptions: Record<string, string> | null = null;
    const runtime = newRuntime(createMemoryStorage(), { hsNomenclature: { describe: (digits) => descriptions?.[digits] ?? null } });
    await runtime.start();
    const causes: (string | undefined)[] = [];
    runtime.onChange((_active, cause) => causes.push(cause));
    const itemId = runtime.active.document.items[0].id;
    runtime.setUserAliases({ format: 1, aliases: [{ commodity: "Mystery alloy grade 7", item: itemId }] });
    expect(matchCommodity(runtime.active.compiled, "HS 7326.90").why).not.toMatch(/Iron or steel/);
    const before = runtime.active.compiled;

    descriptions = { "732690": "Iron or steel; articles n.e.c. in heading 7326" };
    runtime.refreshReadings();
    expect(causes).toEqual(["aliases", "readings"]);
    expect(runtime.active.compiled).not.toBe(before);
    expect(matchCommodity(runtime.active.compiled, "HS 7326.90").why).toMatch(/Iron or steel; articles n\.e\.c\. in heading 7326/);
    expect(matchCommodity(runtime.active.compiled, "Mystery alloy grade 7")).toMatchObject({ itemId, method: "user_alias" });
  });
});

describe("start-up and persistence", () => {
  test("a restart comes back on the cached rules with the server stopped", async () => {
    const own = await startTestServers();
    const url = `${own.httpsOrigin}/rules.json`;
    own.route("/rules.json", serveDocument(V2, '"v2"'));
    const storage = createMemoryStorage();
    const first = newRuntime(storage, { fetch: own.fetch });
    await first.start();
    expect(await first.updateSettings({ rulesUrl: url })).toMatchObject({ ok: true });
    await own.close();

    const twoDaysLater = () => new Date(Date.now() + 48 * HOUR_MS);
    const restarted = newRuntime(storage, { fetch: own.fetch, now: twoDaysLater });
    const changes = recordChanges(restarted);
    const { refresh } = await restarted.start();

    expect(restarted.active).toMatchObject({ source: "cached", version: "2025.07.01", url, etag: '"v2"' });
    expect(changes).toEqual(["2025.07.01"]);
    expect(refresh).not.toBeNull();
    expect(await refresh).toMatchObject({ kind: "failed", error: { code: "network" } });
    expect(restarted.active).toMatchObject({ source: "cached", version: "2025.07.01" });
    expect(restarted.status.lastError?.code).toBe("network");
    expect(changes).toEqual(["2025.07.01"]);
  });

  test("a cache younger than the refresh interval is used without contacting the server", async () => {
    const { storage } = await runtimeOnV1();
    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + 2 * HOUR_MS) });
    const { refresh } = await restarted.start();
    expect(refresh).toBeNull();
    expect(servers.requests).toHaveLength(0);
    expect(restarted.active).toMatchObject({ source: "cached", version: "2025.06.01" });
  });

  test("a cache older than the interval is refreshed in the background on start", async () => {
    const { storage } = await runtimeOnV1();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + 25 * HOUR_MS) });
    const changes = recordChanges(restarted);
    const { refresh } = await restarted.start();
    expect(restarted.active.version).toBe("2025.06.01");
    expect(await refresh).toMatchObject({ kind: "updated" });
    expect(changes).toEqual(["2025.06.01", "2025.07.01"]);
    expect(servers.requests[0].headers["if-none-match"]).toBe('"v1"');
  });

  test("a cached document that no longer validates is dropped in favour of the bundled rules", async () => {
    const { storage } = await runtimeOnV1();
    const meta = JSON.parse((await storage.getItem(CACHE_META_KEY)) as string);
    const broken = fixtureJson("rules-v1.json");
    broken.schemaVersion = 99;
    const text = JSON.stringify(broken);
    await storage.setItem(`chokepoint.rules.cache.${meta.generation}.0`, text);
    await storage.setItem(CACHE_META_KEY, JSON.stringify({ ...meta, length: text.length }));

    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + HOUR_MS) });
    await restarted.start();
    expect(restarted.active.source).toBe("bundled");
    expect(await storage.getItem(CACHE_META_KEY)).toBeNull();
  });

  test("an incomplete cache (a chunk missing) is ignored", async () => {
    const { storage } = await runtimeOnV1();
    const meta = JSON.parse((await storage.getItem(CACHE_META_KEY)) as string);
    await storage.removeItem(`chokepoint.rules.cache.${meta.generation}.0`);
    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + HOUR_MS) });
    await restarted.start();
    expect(restarted.active.source).toBe("bundled");
  });

  test("storage that cannot be read leaves the bundled rules active instead of failing the start", async () => {
    const broken: KeyValueStorage = {
      getItem: async () => {
        throw new Error("storage unavailable");
      },
      setItem: async () => undefined,
      removeItem: async () => undefined,
    };
    const runtime = newRuntime(broken);
    await expect(runtime.start()).resolves.toEqual({ refresh: null });
    expect(runtime.active.source).toBe("bundled");
    await expect(runtime.syncFromStorage()).resolves.toBe(false);
  });

  test("start() twice loads once", async () => {
    const runtime = newRuntime(createMemoryStorage());
    expect(runtime.start()).toBe(runtime.start());
  });
});

describe("two JavaScript contexts over one storage (Excel on the web)", () => {
  test("the functions pick up the pane's swap through syncFromStorage, once", async () => {
    const { storage, runtime: pane } = await runtimeOnV1();
    const functions = newRuntime(storage);
    await functions.start();
    expect(functions.active.version).toBe("2025.06.01");
    const functionsChanges = recordChanges(functions);

    expect(await functions.syncFromStorage()).toBe(false);
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    await pane.refreshNow();

    expect(await functions.syncFromStorage()).toBe(true);
    expect(await functions.syncFromStorage()).toBe(false);
    expect(functionsChanges).toEqual(["2025.07.01"]);
    expect(functions.active).toMatchObject({ version: "2025.07.01", source: "url", etag: '"v2"' });

    servers.route("/rules.json", (_q, s) => s.writeHead(503).end());
    await pane.refreshNow();
    await functions.syncFromStorage();
    expect(functions.status.lastError?.code).toBe("http_status");

    await pane.resetToBundled();
    expect(await functions.syncFromStorage()).toBe(true);
    expect(functions.active.source).toBe("bundled");
    expect(functions.settings.rulesUrl).toBeNull();
  });
});

describe("getRulesRuntime", () => {
  test("one runtime per context, starting on the bundled default rules", async () => {
    const { getRulesRuntime } = await import("../../src/runtime");
    const bundled = (await import("../../src/rules/default-rules.json")).default as { version: string };
    const runtime = getRulesRuntime();
    expect(getRulesRuntime()).toBe(runtime);
    expect(runtime.active).toMatchObject({ source: "bundled", version: bundled.version, url: null });
    expect(runtime.status.controlCount).toBeGreaterThan(0);
  });
});

describe("clearing the rules address", () => {
  test("clearing the URL in the settings is the same as Reset: bundled rules active, cache cleared, no more refreshes", async () => {
    const { storage, runtime, changes } = await runtimeOnV1();
    expect(await runtime.updateSettings({ rulesUrl: "  " })).toMatchObject({ ok: true, settings: { rulesUrl: null } });
    expect(runtime.active).toMatchObject({ source: "bundled", version: "2025.05.01-bundled", url: null });
    expect(changes).toEqual(["2025.05.01-bundled"]);
    expect(await storage.getItem(CACHE_META_KEY)).toBeNull();
    expect(runtime.refreshIfStale()).toBeNull();

    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + 48 * HOUR_MS) });
    expect(await restarted.start()).toEqual({ refresh: null });
    expect(restarted.active.source).toBe("bundled");
    expect(servers.requests).toHaveLength(0);
  });

  test("clearing the URL keeps the other settings that were changed with it", async () => {
    const { runtime } = await runtimeOnV1();
    expect(await runtime.updateSettings({ rulesUrl: null, refreshIntervalHours: 6 })).toMatchObject({ ok: true });
    expect(runtime.settings).toMatchObject({ rulesUrl: null, refreshIntervalHours: 6 });
    expect(runtime.active.source).toBe("bundled");
  });
});

describe("a cache from another address", () => {
  async function storageWithV1CachedAndSettings(settings: Record<string, unknown>) {
    const { storage } = await runtimeOnV1();
    await storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    return storage;
  }

  test("is ignored at start-up when no address is set", async () => {
    const storage = await storageWithV1CachedAndSettings({ rulesUrl: null, publicKeyPem: null, refreshIntervalHours: 24 });
    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + HOUR_MS) });
    expect(await restarted.start()).toEqual({ refresh: null });
    expect(restarted.active).toMatchObject({ source: "bundled", url: null });
  });

  test("is ignored at start-up when another address is set, which is then refreshed", async () => {
    const otherUrl = `${servers.httpsOrigin}/other/rules.json`;
    const storage = await storageWithV1CachedAndSettings({ rulesUrl: otherUrl, publicKeyPem: null, refreshIntervalHours: 24 });
    servers.route("/other/rules.json", serveDocument(V2, '"other"'));
    const restarted = newRuntime(storage, { now: () => new Date(Date.now() + HOUR_MS) });
    const changes = recordChanges(restarted);
    const { refresh } = await restarted.start();
    expect(changes).toEqual([]);
    expect(restarted.active.source).toBe("bundled");
    expect(await refresh).toMatchObject({ kind: "updated", active: { version: "2025.07.01", url: otherUrl } });
    expect(servers.requests.map((request) => [request.path, request.headers["if-none-match"]])).toEqual([["/other/rules.json", undefined]]);
  });

  test("a sync in the middle of another context's change of address keeps the current rules until the new file is saved", async () => {
    const { storage, runtime: functions } = await runtimeOnV1();
    const otherUrl = `${servers.httpsOrigin}/other/rules.json`;
    await storage.setItem(SETTINGS_KEY, JSON.stringify({ rulesUrl: otherUrl, publicKeyPem: null, refreshIntervalHours: 24 }));
    expect(await functions.syncFromStorage()).toBe(false);
    expect(functions.active).toMatchObject({ version: "2025.06.01", url: rulesUrl });

    servers.route("/other/rules.json", serveDocument(V2, '"other"'));
    const pane = newRuntime(storage);
    await pane.start();
    expect(await pane.updateSettings({ rulesUrl: otherUrl })).toMatchObject({ ok: true });
    expect(await functions.syncFromStorage()).toBe(true);
    expect(functions.active).toMatchObject({ version: "2025.07.01", url: otherUrl });
  });

  test("is not picked up by another context's sync either", async () => {
    const storage = await storageWithV1CachedAndSettings({ rulesUrl: null, publicKeyPem: null, refreshIntervalHours: 24 });
    const functions = newRuntime(storage, { now: () => new Date(Date.now() + HOUR_MS) });
    await functions.start();
    expect(await functions.syncFromStorage()).toBe(false);
    expect(functions.active.source).toBe("bundled");
  });
});

describe("an older file from the same address (replay)", () => {
  async function runtimeOnV2() {
    const { storage, runtime, changes } = await runtimeOnV1();
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });
    changes.length = 0;
    return { storage, runtime, changes };
  }

  test("is refused with older_than_active, and the newer rules stay active and cached", async () => {
    const { storage, runtime, changes } = await runtimeOnV2();
    servers.route("/rules.json", serveDocument(V1, '"v1-again"'));
    const outcome = await runtime.refreshNow();
    expect(outcome).toEqual({
      kind: "failed",
      error: {
        code: "older_than_active",
        location: rulesUrl,
        offered: { version: "2025.06.01", publishedAt: "2025-06-01" },
        active: { version: "2025.07.01", publishedAt: "2025-07-01" },
      },
    });
    expect(runtime.active).toMatchObject({ version: "2025.07.01", source: "url" });
    expect(changes).toEqual([]);
    expect((await readCachedRules(storage))?.text).toBe(V2);
    expect(runtime.status.lastError?.code).toBe("older_than_active");
    expect(runtime.status.lastError?.message).toContain("2025.06.01");
  });

  test("a signed older file is refused all the same", async () => {
    const pair = await generateSigningKeyPair();
    const sign = async (text: string) => {
      const signed = await signDetached(bytesOf(text), pair.privateKeyPem);
      if (!signed.ok) throw new Error("could not sign");
      return signed.signatureText;
    };
    const [v1Signature, v2Signature] = await Promise.all([sign(V1), sign(V2)]);
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(v1Signature));
    const { runtime } = await runtimeOnV1(pair.publicKeyPem);
    servers.route("/rules.json", serveDocument(V2, '"v2"'));
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(v2Signature));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "updated" });

    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(v1Signature));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "failed", error: { code: "older_than_active" } });
    expect(runtime.active.version).toBe("2025.07.01");
  });

  test("the same publication date with an earlier version is older too; a later date with any version is newer", async () => {
    const { runtime } = await runtimeOnV2();
    const sameDayEarlier = JSON.stringify({ ...fixtureJson("rules-v2.json"), version: "2025.06.30" });
    servers.route("/rules.json", serveDocument(sameDayEarlier, '"same-day"'));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "failed", error: { code: "older_than_active" } });

    const laterRenamed = JSON.stringify({ ...fixtureJson("rules-v2.json"), version: "a-new-scheme", publishedAt: "2025-07-02" });
    servers.route("/rules.json", serveDocument(laterRenamed, '"later"'));
    expect(await runtime.refreshNow()).toMatchObject({ kind: "updated", active: { version: "a-new-scheme" } });
  });

  test("going back on purpose is done through Reset, then setting the address again", async () => {
    const { runtime } = await runtimeOnV2();
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    await runtime.resetToBundled();
    expect(await runtime.updateSettings({ rulesUrl })).toMatchObject({ ok: true });
    expect(runtime.active).toMatchObject({ version: "2025.06.01", source: "url" });
  });
});

describe("storage that cannot be read at start-up", () => {
  test("is recorded in the status with a code, and the bundled rules and default settings are used", async () => {
    const broken: KeyValueStorage = {
      getItem: async () => {
        throw new Error("storage unavailable");
      },
      setItem: async () => undefined,
      removeItem: async () => undefined,
    };
    const runtime = newRuntime(broken);
    await runtime.start();
    expect(runtime.status.storageError).toMatchObject({
      code: "storage_unreadable",
      details: { code: "storage_unreadable", cause: "storage unavailable" },
    });
    expect(runtime.status.storageError?.message).toContain("storage unavailable");
    expect(runtime.status.lastError).toBeNull();
    expect(runtime.active.source).toBe("bundled");
  });

  test("a later read that works clears it", async () => {
    let failing = true;
    const runtime = newRuntime(flakyStorage(() => failing, "not yet"));
    await runtime.start();
    expect(runtime.status.storageError?.code).toBe("storage_unreadable");
    failing = false;
    await runtime.syncFromStorage();
    expect(runtime.status.storageError).toBeNull();
  });

  test("a sync that fails is recorded too, and does not reject", async () => {
    let failing = false;
    const runtime = newRuntime(flakyStorage(() => failing, "storage went away"));
    await runtime.start();
    expect(runtime.status.storageError).toBeNull();
    failing = true;
    await expect(runtime.syncFromStorage()).resolves.toBe(false);
    expect(runtime.status.storageError).toMatchObject({ code: "storage_unreadable", details: { cause: "storage went away" } });
  });
});

describe("recalculation after a swap", () => {
  test("a failure is kept in the status with a code, listeners hear of it, and a success clears it", async () => {
    const runtime = newRuntime(createMemoryStorage());
    await runtime.start();
    const heard: (string | null)[] = [];
    runtime.onStatusChange((status) => heard.push(status.recalcError?.code ?? null));
    runtime.recordRecalculation({ ok: false, cause: "The response payload size has exceeded the limit." });
    expect(runtime.status.recalcError).toMatchObject({ code: "recalc_failed", details: { code: "recalc_failed" } });
    expect(runtime.status.recalcError?.message).toContain("The response payload size has exceeded the limit.");
    expect(runtime.status.recalcError?.message).toMatch(/previous rules/);
    runtime.recordRecalculation({ ok: true });
    expect(runtime.status.recalcError).toBeNull();
    expect(heard).toEqual(["recalc_failed", null]);
  });
});
