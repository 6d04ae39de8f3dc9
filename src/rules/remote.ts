/**
 * Downloading a hosted rules document. Works in the browser (task pane, shared runtime) and in Node 20
 * (CLI) with nothing but `fetch`, streams, `TextDecoder` and WebCrypto. It never throws and its promise
 * never rejects: every outcome is a value, and a failure says why with a code from `status-codes.ts`.
 *
 * Redirects are followed one hop at a time (`redirect: "manual"`, at most MAX_REDIRECTS), and each hop's
 * address is checked (https, or http on loopback) before it is requested. That is what happens in Node.
 * A browser does not show a redirect to scripts: under "manual" it answers with an opaque response
 * (type "opaqueredirect", status 0, no Location). There the request is repeated with
 * `redirect: "follow"`, and the browser checks every hop itself — a page served over https may not
 * fetch plain http (mixed content), and the task pane's Content-Security-Policy `connect-src` allows
 * only https and loopback http — after which the address the response came from is checked here too.
 */
import type { RulesDocument } from "./schema";
import { parseRules } from "./parse";
import { verifyDetachedSignature } from "./signature";
import type { RulesIssue, RulesLoadError } from "./status-codes";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** A `.sig` file is one line of base64; anything much longer is not a signature. */
const MAX_SIGNATURE_BYTES = 4 * 1024;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchRulesOptions {
  /** ETag of the document the caller already has; a 304 answer then means "keep it". */
  etag?: string | null;
  /** Covers the whole exchange: headers and body of the rules file and of its signature. */
  timeoutMs?: number;
  /** Largest accepted body, counted while reading (Content-Length is only used to refuse early). */
  maxBytes?: number;
  /** A pinned public key (SPKI PEM). When given, `URL.sig` must hold a valid signature of the exact bytes. */
  publicKey?: string | null;
  fetch?: FetchLike;
}

export type FetchRulesResult =
  | {
      kind: "fetched";
      rules: RulesDocument;
      /** The exact text that was validated (and signed, when a key is pinned), for caching. */
      text: string;
      etag: string | null;
      /** Where the document finally came from, after redirects. */
      finalUrl: string;
      /** The format version the document was written in, when older than the current one (upgraded on read). */
      upgradedFrom?: number;
    }
  | { kind: "not_modified" }
  | { kind: "failed"; error: RulesLoadError };

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only for this machine. */
export function checkRulesUrl(url: string): { ok: true; url: URL } | { ok: false; error: RulesLoadError } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: { code: "invalid_url", location: url } };
  }
  if (parsed.protocol === "https:") return { ok: true, url: parsed };
  if (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname)) return { ok: true, url: parsed };
  return { ok: false, error: { code: "insecure_url", location: url } };
}

/** `https://host/rules.json?x=1` → `https://host/rules.json.sig?x=1`. */
export function signatureUrlFor(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}.sig`;
  return parsed.toString();
}

type Download =
  | { kind: "body"; bytes: Uint8Array<ArrayBuffer>; etag: string | null; finalUrl: string }
  | { kind: "not_modified" }
  | { kind: "failed"; error: RulesLoadError };

interface DownloadRequest {
  url: string;
  etag: string | null;
  maxBytes: number;
  timeoutMs: number;
  signal: AbortSignal;
  fetch: FetchLike;
}

function describeCause(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  const causeCode = cause && typeof cause === "object" ? (cause as { code?: unknown }).code : undefined;
  return typeof causeCode === "string" ? causeCode : error.message;
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

type Hop = { kind: "response"; response: Response; url: string } | { kind: "failed"; error: RulesLoadError };

/** Requests `url` and follows redirects hop by hop, refusing a hop to an address we would not request. */
async function requestFollowingRedirects(request: DownloadRequest): Promise<Hop> {
  const { etag, signal } = request;
  const init: RequestInit = {
    method: "GET",
    headers: etag ? { "If-None-Match": etag } : {},
    signal,
    redirect: "manual",
    credentials: "omit",
    // The ETag exchange is ours; the browser's HTTP cache must not answer in our place.
    cache: "no-store",
  };
  const send = async (url: string, redirect: RequestRedirect): Promise<Hop> => {
    try {
      return { kind: "response", response: await request.fetch(url, { ...init, redirect }), url };
    } catch (error) {
      if (signal.aborted) return { kind: "failed", error: { code: "timeout", location: url, limit: request.timeoutMs } };
      return { kind: "failed", error: { code: "network", location: url, cause: describeCause(error) } };
    }
  };

  let url = request.url;
  for (let redirects = 0; ; redirects++) {
    const hop = await send(url, "manual");
    if (hop.kind === "failed") return hop;
    const { response } = hop;
    if (response.type === "opaqueredirect") {
      // A browser: the hop is hidden from us, so the browser follows it and vets every hop (see above).
      const followed = await send(url, "follow");
      return followed.kind === "failed" ? followed : { ...followed, url: followed.response.url || url };
    }
    if (!REDIRECT_STATUSES.has(response.status)) return hop;
    discard(response);
    const location = response.headers.get("location");
    if (!location) return { kind: "failed", error: { code: "http_status", location: url, httpStatus: response.status } };
    let next: string;
    try {
      next = new URL(location, url).toString();
    } catch {
      return { kind: "failed", error: { code: "invalid_url", location } };
    }
    const allowed = checkRulesUrl(next);
    if (!allowed.ok) return { kind: "failed", error: { ...allowed.error, location: next } };
    if (redirects >= MAX_REDIRECTS) {
      return { kind: "failed", error: { code: "too_many_redirects", location: request.url, limit: MAX_REDIRECTS } };
    }
    url = next;
  }
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

async function download(request: DownloadRequest): Promise<Download> {
  const { etag, maxBytes, signal } = request;
  const hop = await requestFollowingRedirects(request);
  if (hop.kind === "failed") return hop;
  const { response, url } = hop;
  const timedOut = (): Download => ({ kind: "failed", error: { code: "timeout", location: url, limit: request.timeoutMs } });

  const landed = checkRulesUrl(url);
  if (!landed.ok) {
    discard(response);
    return { kind: "failed", error: { ...landed.error, location: url } };
  }
  if (response.status === 304 && etag) {
    discard(response);
    return { kind: "not_modified" };
  }
  if (!response.ok) {
    discard(response);
    return { kind: "failed", error: { code: "http_status", location: url, httpStatus: response.status } };
  }
  const declaredLength = Number(response.headers.get("content-length"));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    discard(response);
    return { kind: "failed", error: { code: "too_large", location: url, limit: maxBytes } };
  }

  const chunks: Uint8Array[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > maxBytes) {
          reader.cancel().catch(() => undefined);
          return { kind: "failed", error: { code: "too_large", location: url, limit: maxBytes } };
        }
        chunks.push(value);
      }
    } catch (error) {
      if (signal.aborted) return timedOut();
      return { kind: "failed", error: { code: "truncated", location: url, cause: describeCause(error) } };
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: "body", bytes, etag: response.headers.get("etag"), finalUrl: url };
}

/** Maps the parser's issues onto the load codes: two pass through, every shape problem is `schema_invalid`. */
function parseFailure(issues: RulesIssue[], location: string): RulesLoadError {
  const passThrough = issues.find((issue) => issue.code === "invalid_json" || issue.code === "schema_version_unsupported");
  const code = passThrough ? (passThrough.code as "invalid_json" | "schema_version_unsupported") : "schema_invalid";
  return { code, location, issues };
}

/** Decodes, parses and validates rules text through the one parse path. */
export function parseRulesText(
  bytes: Uint8Array,
  location: string,
): { ok: true; rules: RulesDocument; text: string; upgradedFrom?: number } | { ok: false; error: RulesLoadError } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: "invalid_json", location, cause: "the file is not UTF-8 text" } };
  }
  let parsed: ReturnType<typeof parseRules>;
  try {
    parsed = parseRules(text);
  } catch (error) {
    // The parser must never throw; if a hostile file makes it (a stack overflow, say), the file is refused.
    return { ok: false, error: { code: "internal_error", location, cause: describeThrown(error) } };
  }
  if (!parsed.ok) return { ok: false, error: parseFailure(parsed.issues, location) };
  return parsed.upgradedFrom === undefined ? { ok: true, rules: parsed.rules, text } : { ok: true, rules: parsed.rules, text, upgradedFrom: parsed.upgradedFrom };
}

/** Downloads, verifies and validates the rules at `url`. Resolves to a coded failure whatever goes wrong; never rejects. */
export async function fetchRules(url: string, options: FetchRulesOptions = {}): Promise<FetchRulesResult> {
  try {
    return await fetchRulesOnce(url, options);
  } catch (error) {
    return { kind: "failed", error: { code: "internal_error", location: url, cause: describeThrown(error) } };
  }
}

async function fetchRulesOnce(url: string, options: FetchRulesOptions): Promise<FetchRulesResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const checked = checkRulesUrl(url);
  if (!checked.ok) return { kind: "failed", error: checked.error };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const common = { timeoutMs, signal: controller.signal, fetch: fetchImpl };
    const main = await download({ ...common, url, etag: options.etag ?? null, maxBytes });
    if (main.kind !== "body") return main;

    if (options.publicKey) {
      const signatureUrl = signatureUrlFor(url);
      const signature = await download({ ...common, url: signatureUrl, etag: null, maxBytes: MAX_SIGNATURE_BYTES });
      if (signature.kind === "failed") {
        const missing = signature.error.code === "http_status" && signature.error.httpStatus === 404;
        return { kind: "failed", error: missing ? { code: "signature_missing", location: signatureUrl } : signature.error };
      }
      if (signature.kind !== "body") return { kind: "failed", error: { code: "signature_missing", location: signatureUrl } };
      const signatureText = new TextDecoder().decode(signature.bytes);
      const verified = await verifyDetachedSignature(main.bytes, signatureText, options.publicKey);
      if (!verified.ok) return { kind: "failed", error: { code: verified.code, location: signatureUrl } };
    }

    const parsed = parseRulesText(main.bytes, url);
    if (!parsed.ok) return { kind: "failed", error: parsed.error };
    return { kind: "fetched", rules: parsed.rules, text: parsed.text, etag: main.etag, finalUrl: main.finalUrl, upgradedFrom: parsed.upgradedFrom };
  } finally {
    clearTimeout(timer);
  }
}
