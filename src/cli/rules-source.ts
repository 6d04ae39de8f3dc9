import { readFile, stat } from "node:fs/promises";
import bundledRules from "../rules/default-rules.json";
import { formatIssue, parseRules } from "../rules/parse";
import { DEFAULT_MAX_BYTES, fetchRules, parseRulesText, type FetchLike } from "../rules/remote";
import type { RulesDocument } from "../rules/schema";
import { verifyDetachedSignature } from "../rules/signature";
import { describeRulesError, type RulesLoadError } from "../rules/status-codes";

export interface RulesSourceOptions {
  /** A pinned public key: PEM text, or the path of a PEM file. The rules must then carry a valid `.sig`. */
  publicKey?: string | null;
  fetch?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
}

export type LoadedRulesSource =
  | { ok: true; rules: RulesDocument; source: { kind: "file" | "url"; location: string }; signed: boolean; upgradedFrom?: number }
  | { ok: false; error: RulesLoadError };

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

async function resolvePublicKey(publicKey: string): Promise<{ ok: true; pem: string } | { ok: false; error: RulesLoadError }> {
  if (publicKey.includes("-----BEGIN")) return { ok: true, pem: publicKey };
  try {
    return { ok: true, pem: await readFile(publicKey, "utf8") };
  } catch (error) {
    return { ok: false, error: { code: "file_unreadable", location: publicKey, cause: (error as Error).message } };
  }
}

/**
 * Rules for `chokepoint validate` and `chokepoint score --rules`: a URL goes through the same loader the
 * add-in uses (https only, timeout, size cap, signature); a path is read from disk and, when a public key
 * is given, checked against the `.sig` file next to it. Both end in the one parse path.
 */
export async function loadRulesSource(pathOrUrl: string, options: RulesSourceOptions = {}): Promise<LoadedRulesSource> {
  let publicKeyPem: string | null = null;
  if (options.publicKey) {
    const key = await resolvePublicKey(options.publicKey);
    if (!key.ok) return key;
    publicKeyPem = key.pem;
  }

  if (URL_PATTERN.test(pathOrUrl)) {
    const result = await fetchRules(pathOrUrl, {
      publicKey: publicKeyPem,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
    });
    // No ETag is sent, so a 304 cannot happen; a server that sends one anyway has not given us a document.
    if (result.kind === "not_modified") return { ok: false, error: { code: "http_status", httpStatus: 304, location: pathOrUrl } };
    if (result.kind === "failed") return { ok: false, error: result.error };
    return { ok: true, rules: result.rules, source: { kind: "url", location: pathOrUrl }, signed: publicKeyPem !== null, upgradedFrom: result.upgradedFrom };
  }

  // A file the add-in would refuse to download must not pass here either: the same size cap applies.
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    if ((await stat(pathOrUrl)).size > maxBytes) return { ok: false, error: { code: "too_large", location: pathOrUrl, limit: maxBytes } };
    bytes = new Uint8Array(await readFile(pathOrUrl));
  } catch (error) {
    return { ok: false, error: { code: "file_unreadable", location: pathOrUrl, cause: (error as Error).message } };
  }
  if (publicKeyPem) {
    const signaturePath = `${pathOrUrl}.sig`;
    let signatureText: string;
    try {
      signatureText = await readFile(signaturePath, "utf8");
    } catch {
      return { ok: false, error: { code: "signature_missing", location: signaturePath } };
    }
    const verified = await verifyDetachedSignature(bytes, signatureText, publicKeyPem);
    if (!verified.ok) return { ok: false, error: { code: verified.code, location: signaturePath } };
  }
  const parsed = parseRulesText(bytes, pathOrUrl);
  if (!parsed.ok) return parsed;
  return { ok: true, rules: parsed.rules, source: { kind: "file", location: pathOrUrl }, signed: publicKeyPem !== null, upgradedFrom: parsed.upgradedFrom };
}

/** The rules a command scores with: the bundled rules, or a file or URL through loadRulesSource; lines to print when unusable. */
export type CommandRules = { ok: true; rules: RulesDocument; source: string } | { ok: false; lines: string[] };

export async function loadCommandRules(location: string | undefined): Promise<CommandRules> {
  if (location === undefined) {
    const parsed = parseRules(bundledRules);
    if (parsed.ok) return { ok: true, rules: parsed.rules, source: "bundled" };
    return { ok: false, lines: ["the bundled rules are invalid:", ...parsed.issues.map(formatIssue)] };
  }
  const loaded = await loadRulesSource(location);
  if (loaded.ok) return { ok: true, rules: loaded.rules, source: location };
  return { ok: false, lines: [describeRulesError(loaded.error), ...(loaded.error.issues ?? []).map((issue) => `  ${formatIssue(issue)}`)] };
}
