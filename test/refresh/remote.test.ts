import * as parseModule from "../../src/rules/parse";
import { checkRulesUrl, fetchRules, signatureUrlFor } from "../../src/rules/remote";
import { generateSigningKeyPair, signDetached } from "../../src/rules/signature";
import { describeRulesError } from "../../src/rules/status-codes";
import { bytesOf, fixtureText } from "./helpers";
import { serveDocument, startTestServers, useTestServers } from "./https-server";

const servers = useTestServers();
const V1 = fixtureText("rules-v1.json");

describe("checkRulesUrl", () => {
  test.each([
    ["https://rules.example.com/rules.json", true],
    ["http://localhost:3000/rules.json", true],
    ["http://127.0.0.1:3000/rules.json", true],
    ["http://[::1]:3000/rules.json", true],
    ["http://rules.example.com/rules.json", false],
    ["http://localhost.example.com/rules.json", false],
    ["ftp://rules.example.com/rules.json", false],
    ["file:///etc/passwd", false],
  ])("%s allowed: %s", (url, allowed) => {
    const checked = checkRulesUrl(url);
    expect(checked.ok).toBe(allowed);
    if (!checked.ok) expect(checked.error).toEqual({ code: "insecure_url", location: url });
  });

  test("text that is not a URL is invalid_url", () => {
    expect(checkRulesUrl("rules.json")).toEqual({ ok: false, error: { code: "invalid_url", location: "rules.json" } });
  });

  test("the signature lives next to the file, before any query string", () => {
    expect(signatureUrlFor("https://h.example/r/rules.json?v=2")).toBe("https://h.example/r/rules.json.sig?v=2");
  });
});

describe("fetchRules against a real HTTPS server", () => {
  test("downloads, validates and reports the ETag", async () => {
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/rules.json`, { fetch: servers.fetch });
    expect(result.kind).toBe("fetched");
    if (result.kind !== "fetched") return;
    expect(result.rules.version).toBe("2025.06.01");
    expect(result.etag).toBe('"v1"');
    expect(result.text).toBe(V1);
  });

  test("sends If-None-Match and treats 304 as not modified", async () => {
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/rules.json`, { fetch: servers.fetch, etag: '"v1"' });
    expect(result).toEqual({ kind: "not_modified" });
    expect(servers.requests[0].headers["if-none-match"]).toBe('"v1"');
  });

  test("an http URL for another host is refused before any request", async () => {
    const result = await fetchRules(`${servers.httpOrigin}/rules.json`, { fetch: servers.fetch });
    expect(result).toEqual({ kind: "failed", error: { code: "insecure_url", location: `${servers.httpOrigin}/rules.json` } });
    expect(servers.requests).toHaveLength(0);
  });

  test("plain http on localhost is allowed", async () => {
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.loopbackHttpOrigin}/rules.json`, { fetch: servers.fetch });
    expect(result.kind).toBe("fetched");
  });

  test("a redirect that lands on http for another host is insecure_url, even though that host served good rules", async () => {
    servers.route("/moved.json", (_request, response) => {
      response.writeHead(302, { Location: `${servers.httpOrigin}/rules.json` }).end();
    });
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/moved.json`, { fetch: servers.fetch });
    expect(result).toEqual({ kind: "failed", error: { code: "insecure_url", location: `${servers.httpOrigin}/rules.json` } });
  });

  test("a redirect to another https location is followed", async () => {
    servers.route("/moved.json", (_request, response) => {
      response.writeHead(301, { Location: "/rules.json" }).end();
    });
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/moved.json`, { fetch: servers.fetch });
    expect(result.kind).toBe("fetched");
    if (result.kind === "fetched") expect(result.finalUrl).toBe(`${servers.httpsOrigin}/rules.json`);
  });

  test("a redirect to a plain-http host is insecure_url before it is followed, even when that host does not resolve", async () => {
    servers.route("/moved.json", (_request, response) => {
      response.writeHead(302, { Location: "http://nowhere.invalid/rules.json" }).end();
    });
    const result = await fetchRules(`${servers.httpsOrigin}/moved.json`, { fetch: servers.fetch });
    expect(result).toEqual({ kind: "failed", error: { code: "insecure_url", location: "http://nowhere.invalid/rules.json" } });
    expect(servers.requests.map((request) => request.path)).toEqual(["/moved.json"]);
  });

  test("every hop is checked: https → https → http stops at the http hop without requesting it", async () => {
    servers.route("/first.json", (_request, response) => response.writeHead(301, { Location: "/second.json" }).end());
    servers.route("/second.json", (_request, response) => response.writeHead(307, { Location: `${servers.httpOrigin}/third.json` }).end());
    servers.route("/third.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/first.json`, { fetch: servers.fetch });
    expect(result).toEqual({ kind: "failed", error: { code: "insecure_url", location: `${servers.httpOrigin}/third.json` } });
    expect(servers.requests.map((request) => request.path)).toEqual(["/first.json", "/second.json"]);
  });

  test("a redirect loop stops after five hops with too_many_redirects", async () => {
    servers.route("/loop.json", (_request, response) => response.writeHead(302, { Location: "/loop.json" }).end());
    const result = await fetchRules(`${servers.httpsOrigin}/loop.json`, { fetch: servers.fetch });
    expect(result).toEqual({ kind: "failed", error: { code: "too_many_redirects", location: `${servers.httpsOrigin}/loop.json`, limit: 5 } });
    expect(servers.requests).toHaveLength(6);
  });

  test("If-None-Match travels with every hop, so a redirected file can still answer 304", async () => {
    servers.route("/moved.json", (_request, response) => response.writeHead(302, { Location: "/rules.json" }).end());
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/moved.json`, { fetch: servers.fetch, etag: '"v1"' });
    expect(result).toEqual({ kind: "not_modified" });
    expect(servers.requests.map((request) => request.headers["if-none-match"])).toEqual(['"v1"', '"v1"']);
  });

  test("a redirect without a Location is an http_status failure", async () => {
    servers.route("/nowhere.json", (_request, response) => response.writeHead(302).end());
    const result = await fetchRules(`${servers.httpsOrigin}/nowhere.json`, { fetch: servers.fetch });
    expect(result).toEqual({ kind: "failed", error: { code: "http_status", location: `${servers.httpsOrigin}/nowhere.json`, httpStatus: 302 } });
  });

  test("the timeout also covers a body that stops arriving", async () => {
    servers.route("/slow.json", (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write(V1.slice(0, 100));
    });
    const started = Date.now();
    const result = await fetchRules(`${servers.httpsOrigin}/slow.json`, { fetch: servers.fetch, timeoutMs: 300 });
    expect(result).toEqual({ kind: "failed", error: { code: "timeout", location: `${servers.httpsOrigin}/slow.json`, limit: 300 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("Content-Length over the cap is refused without reading the body", async () => {
    servers.route("/big.json", (_request, response) => {
      response.writeHead(200, { "Content-Length": String(10 * 1024 * 1024) });
      response.write(" ".repeat(1024));
    });
    const result = await fetchRules(`${servers.httpsOrigin}/big.json`, { fetch: servers.fetch, maxBytes: 64 * 1024 });
    expect(result.kind === "failed" && result.error).toMatchObject({ code: "too_large", limit: 64 * 1024 });
  });

  test("a body that is not UTF-8 is invalid_json", async () => {
    servers.route("/latin1.json", (_request, response) => {
      response.writeHead(200).end(Buffer.from([0x7b, 0xe9, 0x7d]));
    });
    const result = await fetchRules(`${servers.httpsOrigin}/latin1.json`, { fetch: servers.fetch });
    expect(result.kind === "failed" && result.error.code).toBe("invalid_json");
  });

  test("a connection refused is a network error", async () => {
    const closed = await startTestServers();
    const url = `${closed.httpsOrigin}/rules.json`;
    await closed.close();
    const result = await fetchRules(url, { fetch: servers.fetch });
    expect(result.kind === "failed" && result.error.code).toBe("network");
  });

  test("with a pinned key, a file signed by that key is accepted after fetching URL.sig", async () => {
    const pair = await generateSigningKeyPair();
    const signed = await signDetached(bytesOf(V1), pair.privateKeyPem);
    if (!signed.ok) throw new Error("signing failed");
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    servers.route("/rules.json.sig", (_request, response) => response.writeHead(200).end(signed.signatureText));
    const result = await fetchRules(`${servers.httpsOrigin}/rules.json`, { fetch: servers.fetch, publicKey: pair.publicKeyPem });
    expect(result.kind).toBe("fetched");
    expect(servers.requests.map((request) => request.path)).toEqual(["/rules.json", "/rules.json.sig"]);
  });
});

describe("describeRulesError", () => {
  test("renders the status and the first issues with their paths", () => {
    expect(describeRulesError({ code: "http_status", httpStatus: 404, location: "https://h/r.json" })).toBe(
      "The rules server answered with HTTP 404 (https://h/r.json).",
    );
    const message = describeRulesError({
      code: "schema_invalid",
      issues: [{ code: "out_of_range", path: "controls[0].severity", segments: ["controls", 0, "severity"], message: "too big" }],
    });
    expect(message).toContain("controls[0].severity: too big");
  });
});

describe("in a browser, where a manual redirect is opaque", () => {
  /**
   * The Fetch standard hides a redirect from scripts under `redirect: "manual"`: the answer is an
   * "opaqueredirect" response with status 0, no headers and the requested URL (WPT
   * fetch/api/redirect/redirect-mode.any.js). These stubs answer as a browser would.
   */
  function opaqueRedirect(url: string): Response {
    return { type: "opaqueredirect", status: 0, ok: false, url, headers: new Headers(), body: null } as unknown as Response;
  }

  function landedOn(url: string, body: string): Response {
    const response = new Response(body, { status: 200, headers: { ETag: '"b"' } });
    Object.defineProperty(response, "url", { value: url });
    return response;
  }

  test("the browser follows the redirect itself (checking every hop) and the final address is checked", async () => {
    const calls: [string, RequestRedirect | undefined][] = [];
    const browserFetch = async (url: string, init: RequestInit) => {
      calls.push([url, init.redirect]);
      return init.redirect === "manual" ? opaqueRedirect(url) : landedOn("https://cdn.example.test/rules.json", V1);
    };
    const result = await fetchRules("https://rules.example.test/moved.json", { fetch: browserFetch });
    expect(result).toMatchObject({ kind: "fetched", finalUrl: "https://cdn.example.test/rules.json" });
    expect(calls).toEqual([
      ["https://rules.example.test/moved.json", "manual"],
      ["https://rules.example.test/moved.json", "follow"],
    ]);
  });

  test("where the browser ended on plain http, the answer is insecure_url", async () => {
    const browserFetch = async (url: string, init: RequestInit) =>
      init.redirect === "manual" ? opaqueRedirect(url) : landedOn("http://plain.example.test/rules.json", V1);
    const result = await fetchRules("https://rules.example.test/moved.json", { fetch: browserFetch });
    expect(result).toEqual({ kind: "failed", error: { code: "insecure_url", location: "http://plain.example.test/rules.json" } });
  });
});

describe("fetchRules never rejects", () => {
  afterEach(() => jest.restoreAllMocks());

  test("a checker that throws (a stack overflow on a hostile file) becomes internal_error", async () => {
    jest.spyOn(parseModule, "parseRules").mockImplementation(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    servers.route("/rules.json", serveDocument(V1, '"v1"'));
    const result = await fetchRules(`${servers.httpsOrigin}/rules.json`, { fetch: servers.fetch });
    expect(result).toEqual({
      kind: "failed",
      error: { code: "internal_error", location: `${servers.httpsOrigin}/rules.json`, cause: "RangeError: Maximum call stack size exceeded" },
    });
  });

  test.each([
    ["a response whose headers throw", async () => {
      const response = new Response(V1, { status: 200 });
      Object.defineProperty(response, "headers", { get: () => { throw new TypeError("hostile headers"); } });
      return response;
    }],
    ["a fetch that resolves to nothing", async () => null as unknown as Response],
    ["a body stream that throws a non-Error", async () => new Response(new ReadableStream({ pull: () => { throw "not an Error"; } }))],
  ])("%s → a coded failure", async (_name, answer) => {
    const result = await fetchRules("https://rules.example.test/rules.json", { fetch: answer });
    expect(result.kind).toBe("failed");
    expect(result.kind === "failed" && typeof result.error.code).toBe("string");
  });
});
