import { checkRulesUrl, fetchRules, signatureUrlFor } from "../../src/rules/remote";
import { generateSigningKeyPair, signDetached } from "../../src/rules/signature";
import { describeRulesError } from "../../src/rules/status-codes";
import { bytesOf, fixtureText } from "./helpers";
import { serveDocument, startTestServers, type TestServers } from "./https-server";

let servers: TestServers;
const V1 = fixtureText("rules-v1.json");

beforeAll(async () => {
  servers = await startTestServers();
});
afterAll(async () => {
  await servers.close();
});
beforeEach(() => {
  servers.clearRoutes();
  servers.requests.length = 0;
});

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
