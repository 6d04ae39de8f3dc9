/**
 * The last good hosted rules document, kept in storage so a workbook opened offline keeps its rules and so
 * a second JavaScript context (custom functions on Excel on the web) can pick up a swap the pane made.
 *
 * Layout: one small metadata record names a "generation"; the document text sits in chunks keyed by that
 * generation. A writer stores the new chunks first and then replaces the metadata record, so a reader
 * sees either the old document or the new one, never a mix. Chunking keeps each item small whatever the
 * host's per-item limit (OfficeRuntime.storage documents only a 10 MB total per domain).
 */
import type { RulesLoadError } from "../rules/status-codes";
import type { KeyValueStorage } from "./storage";

export const CACHE_META_KEY = "chokepoint.rules.cache";
export const REFRESH_RECORD_KEY = "chokepoint.rules.refresh";
const CHUNK_KEY_PREFIX = "chokepoint.rules.cache.";
export const CACHE_CHUNK_CHARS = 256 * 1024;

export interface CacheMeta {
  generation: string;
  chunkCount: number;
  length: number;
  /** The rules URL the document was downloaded from (as configured, before redirects). */
  url: string;
  etag: string | null;
  /** When this document was downloaded. */
  fetchedAt: string;
  /** When the server last confirmed it (a download or a 304). Drives the refresh interval. */
  checkedAt: string;
}

export interface CachedRules {
  meta: CacheMeta;
  text: string;
}

/** The outcome of the most recent refresh attempt, shared by every context through storage. */
export interface RefreshRecord {
  lastAttemptAt: string | null;
  lastError: { error: RulesLoadError; at: string } | null;
}

function chunkKey(generation: string, index: number): string {
  return `${CHUNK_KEY_PREFIX}${generation}.${index}`;
}

function parseJsonRecord<T>(text: string | null, isValid: (value: Partial<T>) => boolean): T | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<T>;
    return value && typeof value === "object" && isValid(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

export async function readCacheMeta(storage: KeyValueStorage): Promise<CacheMeta | null> {
  return parseJsonRecord<CacheMeta>(
    await storage.getItem(CACHE_META_KEY),
    (meta) =>
      typeof meta.generation === "string" &&
      typeof meta.chunkCount === "number" &&
      typeof meta.length === "number" &&
      typeof meta.url === "string" &&
      typeof meta.fetchedAt === "string" &&
      typeof meta.checkedAt === "string",
  );
}

async function readChunks(storage: KeyValueStorage, meta: CacheMeta): Promise<string | null> {
  const parts = await Promise.all(Array.from({ length: meta.chunkCount }, (_, i) => storage.getItem(chunkKey(meta.generation, i))));
  if (parts.some((part) => part === null)) return null;
  const text = parts.join("");
  return text.length === meta.length ? text : null;
}

/** The cached document, or null when there is none or it is incomplete. */
export async function readCachedRules(storage: KeyValueStorage): Promise<CachedRules | null> {
  // A writer in another context may replace the generation between our two reads; read again once.
  for (let attempt = 0; attempt < 2; attempt++) {
    const meta = await readCacheMeta(storage);
    if (!meta) return null;
    const text = await readChunks(storage, meta);
    if (text !== null) return { meta, text };
  }
  return null;
}

function newGeneration(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

async function removeChunks(storage: KeyValueStorage, meta: CacheMeta): Promise<void> {
  await Promise.all(Array.from({ length: meta.chunkCount }, (_, i) => storage.removeItem(chunkKey(meta.generation, i))));
}

/** Stores a new document; resolves to its metadata once the switch-over is done. */
export async function writeCachedRules(
  storage: KeyValueStorage,
  entry: Omit<CacheMeta, "generation" | "chunkCount" | "length">,
  text: string,
): Promise<CacheMeta> {
  const previous = await readCacheMeta(storage);
  const chunkCount = Math.max(1, Math.ceil(text.length / CACHE_CHUNK_CHARS));
  const meta: CacheMeta = { ...entry, generation: newGeneration(), chunkCount, length: text.length };
  try {
    for (let i = 0; i < chunkCount; i++) {
      await storage.setItem(chunkKey(meta.generation, i), text.slice(i * CACHE_CHUNK_CHARS, (i + 1) * CACHE_CHUNK_CHARS));
    }
    await storage.setItem(CACHE_META_KEY, JSON.stringify(meta));
  } catch (error) {
    await removeChunks(storage, meta).catch(() => undefined);
    throw error;
  }
  if (previous) await removeChunks(storage, previous).catch(() => undefined);
  return meta;
}

/** Records that the server confirmed the cached document (a 304 or identical bytes) without rewriting it. */
export async function touchCachedRules(
  storage: KeyValueStorage,
  meta: CacheMeta,
  checkedAt: string,
  etag: string | null,
): Promise<CacheMeta> {
  const touched = { ...meta, checkedAt, etag };
  await storage.setItem(CACHE_META_KEY, JSON.stringify(touched));
  return touched;
}

export async function clearCachedRules(storage: KeyValueStorage): Promise<void> {
  const meta = await readCacheMeta(storage);
  await storage.removeItem(CACHE_META_KEY);
  if (meta) await removeChunks(storage, meta);
}

export async function readRefreshRecord(storage: KeyValueStorage): Promise<RefreshRecord> {
  const record = parseJsonRecord<RefreshRecord>(await storage.getItem(REFRESH_RECORD_KEY), (value) => "lastError" in value);
  return record ?? { lastAttemptAt: null, lastError: null };
}

export async function writeRefreshRecord(storage: KeyValueStorage, record: RefreshRecord): Promise<void> {
  await storage.setItem(REFRESH_RECORD_KEY, JSON.stringify(record));
}
