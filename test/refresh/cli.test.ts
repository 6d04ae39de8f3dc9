import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keygenCommand } from "../../src/cli/commands/keygen";
import type { CommandIo } from "../../src/cli/io";
import { signCommand } from "../../src/cli/commands/sign";
import { loadRulesSource } from "../../src/cli/rules-source";
import { fixtureText } from "./helpers";
import { serveDocument, startTestServers, type TestServers } from "./https-server";

function collectingIo(): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) } };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-cli-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function keysAndSignedRules(): Promise<{ keys: string; rules: string }> {
  const keys = join(dir, "keys");
  const rules = join(dir, "rules.json");
  writeFileSync(rules, fixtureText("rules-v1.json"));
  expect(await keygenCommand({ out: keys }, collectingIo())).toBe(0);
  expect(await signCommand({ rules, key: join(keys, "private.pem") }, collectingIo())).toBe(0);
  return { keys, rules };
}

describe("chokepoint keygen", () => {
  test("writes a private key readable by its owner only and a public key", async () => {
    const io = collectingIo();
    expect(await keygenCommand({ out: join(dir, "keys") }, io)).toBe(0);
    const privatePem = readFileSync(join(dir, "keys", "private.pem"), "utf8");
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(join(dir, "keys", "public.pem"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(statSync(join(dir, "keys", "private.pem")).mode & 0o777).toBe(0o600);
    expect(io.out.join("")).toMatch(/fingerprint: [0-9a-f]{16}/);
  });

  test("refuses to overwrite an existing key", async () => {
    expect(await keygenCommand({ out: dir }, collectingIo())).toBe(0);
    const before = readFileSync(join(dir, "private.pem"), "utf8");
    const io = collectingIo();
    expect(await keygenCommand({ out: dir }, io)).toBe(2);
    expect(io.err.join("")).toContain("already exists");
    expect(readFileSync(join(dir, "private.pem"), "utf8")).toBe(before);
  });
});

describe("chokepoint sign and loading a signed file", () => {
  test("sign writes RULES.sig, and the file verifies against the public key (path or PEM text)", async () => {
    const { keys, rules } = await keysAndSignedRules();
    expect(readFileSync(`${rules}.sig`, "utf8")).toMatch(/^[A-Za-z0-9+/=]+\n$/);
    const byPath = await loadRulesSource(rules, { publicKey: join(keys, "public.pem") });
    expect(byPath).toMatchObject({ ok: true, signed: true, source: { kind: "file", location: rules } });
    const byText = await loadRulesSource(rules, { publicKey: readFileSync(join(keys, "public.pem"), "utf8") });
    expect(byText.ok).toBe(true);
  });

  test("a file edited after signing fails verification", async () => {
    const { keys, rules } = await keysAndSignedRules();
    writeFileSync(rules, fixtureText("rules-v1.json").replace("0.7", "0.1"));
    expect(await loadRulesSource(rules, { publicKey: join(keys, "public.pem") })).toEqual({
      ok: false,
      error: { code: "signature_invalid", location: `${rules}.sig` },
    });
    expect((await loadRulesSource(rules)).ok).toBe(true);
  });

  test("a missing .sig is signature_missing when a key is given", async () => {
    const { keys, rules } = await keysAndSignedRules();
    rmSync(`${rules}.sig`);
    expect(await loadRulesSource(rules, { publicKey: join(keys, "public.pem") })).toEqual({
      ok: false,
      error: { code: "signature_missing", location: `${rules}.sig` },
    });
  });

  test("sign refuses an invalid rules file and writes nothing", async () => {
    expect(await keygenCommand({ out: dir }, collectingIo())).toBe(0);
    const rules = join(dir, "broken.json");
    writeFileSync(rules, fixtureText("schema-too-new.json"));
    const io = collectingIo();
    expect(await signCommand({ rules, key: join(dir, "private.pem") }, io)).toBe(2);
    expect(io.err.join("")).toContain("refusing to sign");
    expect(() => statSync(`${rules}.sig`)).toThrow();
  });

  test("sign with a file that is not a private key fails with exit 2", async () => {
    const rules = join(dir, "rules.json");
    writeFileSync(rules, fixtureText("rules-v1.json"));
    writeFileSync(join(dir, "not-a-key.pem"), "hello");
    const io = collectingIo();
    expect(await signCommand({ rules, key: join(dir, "not-a-key.pem") }, io)).toBe(2);
    expect(io.err.join("")).toContain("not a valid ECDSA P-256 private key");
  });

  test("an unreadable rules path is file_unreadable", async () => {
    const result = await loadRulesSource(join(dir, "nope.json"));
    expect(result).toMatchObject({ ok: false, error: { code: "file_unreadable", location: join(dir, "nope.json") } });
  });
});

describe("loadRulesSource with a URL", () => {
  let servers: TestServers;
  beforeAll(async () => {
    servers = await startTestServers();
  });
  afterAll(async () => {
    await servers.close();
  });

  test("a signed hosted file validates with --public-key, and fails with another key", async () => {
    const { keys, rules } = await keysAndSignedRules();
    servers.route("/rules.json", serveDocument(readFileSync(rules), '"v1"'));
    servers.route("/rules.json.sig", (_q, s) => s.writeHead(200).end(readFileSync(`${rules}.sig`)));
    const url = `${servers.httpsOrigin}/rules.json`;

    const good = await loadRulesSource(url, { publicKey: join(keys, "public.pem"), fetch: servers.fetch });
    expect(good).toMatchObject({ ok: true, signed: true, source: { kind: "url", location: url } });

    expect(await keygenCommand({ out: join(dir, "other") }, collectingIo())).toBe(0);
    const bad = await loadRulesSource(url, { publicKey: join(dir, "other", "public.pem"), fetch: servers.fetch });
    expect(bad).toMatchObject({ ok: false, error: { code: "signature_invalid" } });
  });

  test("an http URL to another host is refused", async () => {
    expect(await loadRulesSource("http://rules.example.com/rules.json")).toMatchObject({ ok: false, error: { code: "insecure_url" } });
  });
});

describe("examples/hosted-rules.json", () => {
  test("is a valid rules document, newer than the bundled rules, with one control more", async () => {
    const example = await loadRulesSource(join(__dirname, "..", "..", "examples", "hosted-rules.json"));
    const bundled = await loadRulesSource(join(__dirname, "..", "..", "src", "rules", "default-rules.json"));
    if (!example.ok || !bundled.ok) throw new Error(JSON.stringify(example.ok ? bundled : example));
    expect(example.rules.publishedAt > bundled.rules.publishedAt).toBe(true);
    expect(example.rules.controls.length).toBe(bundled.rules.controls.length + 1);
  });
});

describe("a rules file larger than the add-in will download", () => {
  test("the loader behind validate and score --rules refuses it as too_large, with the add-in's limit", async () => {
    const path = join(dir, "big-rules.json");
    // Valid JSON padded past the 5 MB download cap with whitespace: the size alone decides.
    writeFileSync(path, `${fixtureText("rules-v1.json")}${" ".repeat(5 * 1024 * 1024)}`);
    const loaded = await loadRulesSource(path);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toMatchObject({ code: "too_large", limit: 5 * 1024 * 1024, location: path });
  });

  test("a file just under the limit still loads", async () => {
    const path = join(dir, "rules.json");
    writeFileSync(path, fixtureText("rules-v1.json"));
    expect((await loadRulesSource(path)).ok).toBe(true);
  });
});
