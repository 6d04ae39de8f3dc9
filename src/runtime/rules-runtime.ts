import { indexProducers } from "../rules/producer-index";
import { compileRules, type CompiledRules } from "../engine/compile";
import type { HsNomenclature } from "../engine/hs";
import { NO_USER_ALIASES, checkUserAliases, withUserAliases, type UserAliases, type UserAliasIssue } from "../engine/user-aliases";
import { isOlderRelease } from "../rules/releases";
import type { FetchLike } from "../rules/remote";
import type { ProducerFigure, RulesDocument } from "../rules/schema";
import { describeRulesError, type RulesLoadError } from "../rules/status-codes";
import { loadInputChecks, type InputChecks, type InputChecksLoader } from "./load-input-checks";
import {
  clearCachedRules,
  readCacheMeta,
  readCachedRules,
  readRefreshRecord,
  touchCachedRules,
  writeCachedRules,
  writeRefreshRecord,
  type CacheMeta,
  type RefreshRecord,
} from "./rules-cache";
import {
  checkRefreshInterval,
  normalizeSettingsPatch,
  readSettings,
  writeSettings,
  DEFAULT_SETTINGS,
  type RulesSettings,
} from "./settings";
import type { KeyValueStorage } from "./storage";

/** bundled: shipped with the add-in; cached: a download from an earlier session; url: downloaded in this session. */
export type RulesSource = "bundled" | "cached" | "url";

/** The rules every score is computed with right now. Replaced as a whole, never edited in place. */
export interface ActiveRules {
  document: RulesDocument;
  /** What every score uses: the rules with the workbook's own aliases applied. */
  compiled: CompiledRules;
  /** The same rules without the workbook's aliases. */
  baseCompiled: CompiledRules;
  /** The workbook's own aliases in force, and what is wrong with any of them against these rules. */
  userAliases: UserAliases;
  userAliasIssues: UserAliasIssue[];
  source: RulesSource;
  /** The configured rules URL the document came from; null for bundled rules. */
  url: string | null;
  version: string;
  publishedAt: string;
  reviewedAt: string;
  fetchedAt: string | null;
  etag: string | null;
}

/** A coded problem as the status reports it: the code, its sentence, when, and the error for rendering. */
export interface StatusProblem {
  code: RulesLoadError["code"];
  message: string;
  at: string;
  details: RulesLoadError;
}

export interface RulesStatus extends Omit<ActiveRules, "document" | "compiled" | "baseCompiled" | "userAliases" | "userAliasIssues"> {
  controlCount: number;
  /** When the server last confirmed the active document (download or 304). */
  checkedAt: string | null;
  lastAttemptAt: string | null;
  /** The last refresh failure, cleared by the next success. */
  lastError: StatusProblem | null;
  /**
   * Storage could not be read (at start-up or in a later sync): the settings and the cached rules are
   * unknown, so the defaults and the bundled rules are in use. Cleared by the next read that works.
   */
  storageError: StatusProblem | null;
  /** The formulas' recalculation after the last swap failed (`recalc_failed`); cleared by the next one that works. */
  recalcError: StatusProblem | null;
  refreshing: boolean;
}

/** What a recalculation of the formulas came to, as the functions layer reports it. */
export type RecalculationReport = { ok: true } | { ok: false; cause: string };

export type RefreshOutcome =
  | { kind: "updated"; active: ActiveRules }
  | { kind: "unchanged" }
  | { kind: "failed"; error: RulesLoadError };

export type SettingsUpdateResult = { ok: true; settings: RulesSettings } | { ok: false; error: RulesLoadError };

/**
 * Why the active rules were replaced: the cached document taken over at start-up, a refresh from the rules
 * URL, a new URL or key saved in the settings, a reset to the bundled rules, or a swap another JavaScript
 * context made and this one picked up from storage.
 */
export type SwapReason = "start" | "refresh" | "settings" | "reset" | "sync";

/** One replacement of the active rules: what was active before and what is now, so a view can say what changed. */
export interface RulesSwap {
  previous: ActiveRules;
  next: ActiveRules;
  reason: SwapReason;
  /** When the swap happened (ISO timestamp). */
  at: string;
}

export type RulesStatusListener = (status: RulesStatus) => void;

/**
 * Why the active rules changed: a new rules document, the workbook's own aliases, or the same rules read
 * again with more reference data (the HS descriptions arrived).
 */
export type RulesChangeCause = "rules" | "aliases" | "readings";

export type RulesChangeListener = (active: ActiveRules, cause?: RulesChangeCause) => void;

export interface RulesRuntimeOptions {
  /**
   * The rules shipped with the add-in, already checked and with defaults applied: the add-in's build checks
   * them (`default-rules.json?checked`, scripts/checked-rules-loader.js) and fails on an invalid bundle.
   */
  bundled: RulesDocument;
  storage: KeyValueStorage;
  fetch?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => Date;
  /** Descriptions of HS codes for codes no item claims (the add-in loads them lazily). */
  hsNomenclature?: HsNomenclature | null;
  /** Fetches the input checks (the validator, the downloader); the add-in's chunk unless a test gives another. */
  loadInputChecks?: InputChecksLoader;
  /**
   * Fetches the bundled rules' producer figures when `bundled` is the first load's copy, which leaves them out
   * (src/rules/lean.ts); absent when `bundled` carries its own.
   */
  loadBundledProducers?: () => Promise<readonly ProducerFigure[]>;
}

const HOUR_MS = 60 * 60 * 1000;

function activeFromDocument(
  document: RulesDocument,
  origin: { source: RulesSource; url: string | null; fetchedAt: string | null; etag: string | null },
  hsNomenclature: HsNomenclature | null,
  replacing: ActiveRules | null = null,
): ActiveRules {
  // A refresh that leaves the items as they were keeps the commodity readings (compile.ts).
  const compiled = compileRules(document, { hsNomenclature, readingsFrom: replacing?.baseCompiled ?? null });
  return {
    document,
    compiled,
    baseCompiled: compiled,
    userAliases: NO_USER_ALIASES,
    userAliasIssues: [],
    ...origin,
    version: document.version,
    publishedAt: document.publishedAt,
    reviewedAt: document.reviewedAt,
  };
}

function statusProblem(error: RulesLoadError, at: string): StatusProblem {
  return { code: error.code, message: describeRulesError(error), at, details: error };
}

function causeOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function signatureField(error: RulesLoadError): RulesLoadError["field"] {
  return error.code === "signature_invalid" || error.code === "signature_missing" || error.code === "public_key_invalid"
    ? "publicKey"
    : "rulesUrl";
}

export class RulesRuntime {
  private readonly storage: KeyValueStorage;
  private readonly options: RulesRuntimeOptions;
  private readonly now: () => Date;
  private readonly startedAt: Date;
  private readonly listeners = new Set<RulesChangeListener>();
  private readonly statusListeners = new Set<RulesStatusListener>();
  private bundledActive: ActiveRules;

  private current: ActiveRules;
  private latestSwap: RulesSwap | null = null;
  private userAliases: UserAliases = NO_USER_ALIASES;
  /** The exact text of the active hosted document, to tell a real change from a re-download. */
  private currentText: string | null = null;
  private currentCache: CacheMeta | null = null;
  private currentSettings: RulesSettings = { ...DEFAULT_SETTINGS };
  private refreshRecord: RefreshRecord = { lastAttemptAt: null, lastError: null };
  private storageError: StatusProblem | null = null;
  private recalcError: StatusProblem | null = null;
  private starting: Promise<{ refresh: Promise<RefreshOutcome> | null }> | null = null;
  private inFlightRefresh: Promise<RefreshOutcome> | null = null;
  /** Serialises every operation that reads and then replaces state. */
  private queue: Promise<unknown> = Promise.resolve();
  private bundledProducers: Promise<readonly ProducerFigure[]> | null = null;
  /** Each bundled ruleset the pane or a function asked where else its items are produced, with the figures in. */
  private readonly withFigures = new WeakMap<CompiledRules, CompiledRules>();

  constructor(options: RulesRuntimeOptions) {
    this.options = options;
    this.storage = options.storage;
    this.now = options.now ?? (() => new Date());
    this.startedAt = this.now();
    this.bundledActive = activeFromDocument(options.bundled, { source: "bundled", url: null, fetchedAt: null, etag: null }, options.hsNomenclature ?? null);
    this.current = this.bundledActive;
  }

  /**
   * The code that checks input from outside (rules documents, signatures, the workbook's aliases), fetched
   * on first use. Rejects when it cannot be fetched; the next call tries again.
   */
  loadInputChecks(): Promise<InputChecks> {
    return (this.options.loadInputChecks ?? loadInputChecks)();
  }

  /** The input checks, or the coded error `part_not_loaded` when they cannot be fetched. */
  private async inputChecks(): Promise<InputChecks | RulesLoadError> {
    try {
      return await this.loadInputChecks();
    } catch (error) {
      return { code: "part_not_loaded", cause: causeOf(error) };
    }
  }

  /** The active rules. Always set: the bundled rules until something better is loaded. */
  get active(): ActiveRules {
    return this.current;
  }

  /**
   * The active rules with their producer figures, for what says where else an item is produced (ALTERNATIVES,
   * PROFILE, the pane's supply section). The same as `active.compiled` unless those are the bundled rules of the
   * first load, whose figures are fetched on the first call and kept. If they cannot be fetched, it rejects with the
   * coded error `part_not_loaded` (a caller may go on with `active.compiled`, which has none) and the next call tries
   * again.
   */
  async supplyRules(): Promise<CompiledRules> {
    const load = this.options.loadBundledProducers;
    if (load === undefined || this.current.document !== this.options.bundled || this.options.bundled.producers.length > 0) return this.current.compiled;
    let figures: readonly ProducerFigure[];
    try {
      figures = await (this.bundledProducers ??= load());
    } catch (error) {
      this.bundledProducers = null;
      throw Object.assign(new Error(describeRulesError({ code: "part_not_loaded", cause: causeOf(error) })), { code: "part_not_loaded", cause: causeOf(error) });
    }
    // Read again after the wait: the rules may have been replaced meanwhile.
    const active = this.current;
    if (active.document !== this.options.bundled) return active.compiled;
    let complete = this.withFigures.get(active.compiled);
    if (complete === undefined) {
      complete = { ...active.compiled, producersByItem: indexProducers(figures) };
      this.withFigures.set(active.compiled, complete);
    }
    return complete;
  }

  /**
   * The last replacement of the active rules in this context, with the rules it replaced; null before the
   * first. Set before the change listeners are called, so a listener can say what changed; kept, so a view
   * that asks later can too.
   */
  get lastSwap(): RulesSwap | null {
    return this.latestSwap;
  }

  get settings(): RulesSettings {
    return { ...this.currentSettings };
  }

  get status(): RulesStatus {
    const active = this.current;
    const lastError = this.refreshRecord.lastError;
    return {
      source: active.source,
      url: active.url,
      version: active.version,
      publishedAt: active.publishedAt,
      reviewedAt: active.reviewedAt,
      fetchedAt: active.fetchedAt,
      etag: active.etag,
      controlCount: active.document.controls.length,
      checkedAt: active.source === "bundled" ? null : (this.currentCache?.checkedAt ?? active.fetchedAt),
      lastAttemptAt: this.refreshRecord.lastAttemptAt,
      lastError: lastError ? statusProblem(lastError.error, lastError.at) : null,
      storageError: this.storageError,
      recalcError: this.recalcError,
      refreshing: this.inFlightRefresh !== null,
    };
  }

  /**
   * Listens for swaps of the active rules; called once per swap, after it is complete (`lastSwap` already
   * holds the rules it replaced). Returns an unsubscribe.
   */
  onChange(listener: RulesChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Listens for changes of the status that are not a swap of the rules (a storage problem, a failed or
   * repaired recalculation), so a view can show them when they happen. Returns an unsubscribe.
   */
  onStatusChange(listener: RulesStatusListener): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /**
   * Records how recalculating the formulas after a swap went. The functions layer does the work and
   * reports here, so the state lives with the rest of the rules state and the pane can show it.
   */
  recordRecalculation(report: RecalculationReport): void {
    const next = report.ok ? null : statusProblem({ code: "recalc_failed", cause: report.cause }, this.now().toISOString());
    if (next === null && this.recalcError === null) return;
    this.recalcError = next;
    this.notifyStatus();
  }

  /**
   * Loads settings and the cached document (if it still validates and was downloaded from the address
   * the settings name), then starts a background refresh when a rules URL is set and the cache is older
   * than the refresh interval. Safe to call more than once.
   */
  start(): Promise<{ refresh: Promise<RefreshOutcome> | null }> {
    this.starting ??= this.serially(async () => {
      try {
        this.currentSettings = await readSettings(this.storage);
        this.refreshRecord = await readRefreshRecord(this.storage);
        const cached = await readCachedRules(this.storage);
        if (cached && this.cacheMatchesSettings(cached.meta)) await this.adoptCachedIfValid(cached, "start");
        this.clearStorageError();
      } catch (error) {
        // Storage that cannot be read must not keep the add-in from starting: the bundled rules stay
        // active, and the status says why the saved settings are not in use.
        this.recordStorageError(error);
      }
    }).then(() => ({ refresh: this.refreshIfStale() }));
    return this.starting;
  }

  /** Refreshes when a URL is set and the server has not confirmed the rules within the interval; else null. */
  refreshIfStale(): Promise<RefreshOutcome> | null {
    const url = this.currentSettings.rulesUrl;
    if (!url) return null;
    const checkedAt = this.currentCache && this.currentCache.url === url ? Date.parse(this.currentCache.checkedAt) : NaN;
    const fresh = this.now().getTime() - checkedAt < this.currentSettings.refreshIntervalHours * HOUR_MS;
    return fresh ? null : this.refreshNow();
  }

  /** Fetches the configured URL now. Concurrent calls share one request. Never rejects. */
  refreshNow(): Promise<RefreshOutcome> {
    this.inFlightRefresh ??= this.serially(() => this.refreshFromUrl()).finally(() => {
      this.inFlightRefresh = null;
    });
    return this.inFlightRefresh;
  }

  /**
   * Changes settings. A new rules URL or public key is used only after the file at that URL downloads,
   * validates and (with a key) verifies; its rules then become active. Nothing changes on failure.
   * Clearing the URL is the same as `resetToBundled`: the bundled rules come back and the cache is cleared.
   */
  updateSettings(patch: Partial<RulesSettings>): Promise<SettingsUpdateResult> {
    return this.serially(async () => {
      const next: RulesSettings = { ...this.currentSettings, ...normalizeSettingsPatch(patch) };
      const intervalError = checkRefreshInterval(next.refreshIntervalHours);
      if (intervalError) return { ok: false, error: intervalError };
      const sourceChanged =
        next.rulesUrl !== this.currentSettings.rulesUrl || next.publicKeyPem !== this.currentSettings.publicKeyPem;
      const keyIsNew = next.publicKeyPem !== null && next.publicKeyPem !== this.currentSettings.publicKeyPem;
      // Only a new key or a download needs the input checks: clearing the address or changing the interval does not.
      let checks: InputChecks | null = null;
      if (keyIsNew || (next.rulesUrl !== null && sourceChanged)) {
        const loaded = await this.inputChecks();
        if ("code" in loaded) return { ok: false, error: { ...loaded, field: next.rulesUrl !== null && next.rulesUrl !== this.currentSettings.rulesUrl ? "rulesUrl" : "publicKey" } };
        checks = loaded;
      }
      if (checks && keyIsNew && !(await checks.importPublicKeyPem(next.publicKeyPem!))) {
        return { ok: false, error: { code: "public_key_invalid", field: "publicKey" } };
      }
      if (checks && next.rulesUrl) {
        const checked = checks.checkRulesUrl(next.rulesUrl);
        if (!checked.ok) return { ok: false, error: { ...checked.error, field: "rulesUrl" } };
      }
      if (!next.rulesUrl && (this.currentSettings.rulesUrl !== null || this.current.source !== "bundled")) {
        await this.returnToBundled(next, "settings");
        return { ok: true, settings: { ...next } };
      }
      if (checks && next.rulesUrl && sourceChanged) {
        const result = await checks.fetchRules(next.rulesUrl, this.fetchOptions(next, null));
        if (result.kind !== "fetched") {
          const error: RulesLoadError =
            result.kind === "failed" ? result.error : { code: "http_status", httpStatus: 304, location: next.rulesUrl };
          return { ok: false, error: { ...error, field: signatureField(error) } };
        }
        const older = this.olderThanActive(next.rulesUrl, result.rules);
        if (older) return { ok: false, error: { ...older, field: "rulesUrl" } };
        await writeSettings(this.storage, next);
        this.currentSettings = next;
        await this.adoptDownload(next.rulesUrl, result.rules, result.text, result.etag, "settings");
        return { ok: true, settings: { ...next } };
      }
      await writeSettings(this.storage, next);
      this.currentSettings = next;
      return { ok: true, settings: { ...next } };
    });
  }

  /**
   * Forgets the hosted rules: clears the cache and the rules URL, and swaps the bundled rules back in.
   * This is also the one way back to an older file from the same address (a refresh refuses one).
   */
  resetToBundled(): Promise<void> {
    return this.serially(() => this.returnToBundled({ ...this.currentSettings, rulesUrl: null }, "reset"));
  }

  private async returnToBundled(settings: RulesSettings, reason: SwapReason): Promise<void> {
    await clearCachedRules(this.storage);
    this.currentSettings = { ...settings, rulesUrl: null };
    await writeSettings(this.storage, this.currentSettings);
    this.refreshRecord = { lastAttemptAt: this.refreshRecord.lastAttemptAt, lastError: null };
    await writeRefreshRecord(this.storage, this.refreshRecord);
    this.currentCache = null;
    this.currentText = null;
    if (this.current !== this.bundledActive) this.swap(this.bundledActive, reason);
  }

  /**
   * Re-reads settings, the refresh record and the cache written by another JavaScript context, and swaps
   * in a document that context stored. Cheap when nothing changed (three small reads). Resolves to true
   * when the active rules changed; never rejects.
   */
  syncFromStorage(): Promise<boolean> {
    return this.serially(() => this.readBackFromStorage()).catch((error: unknown) => {
      this.recordStorageError(error);
      return false;
    });
  }

  private async readBackFromStorage(): Promise<boolean> {
    this.currentSettings = await readSettings(this.storage);
    this.refreshRecord = await readRefreshRecord(this.storage);
    const meta = await readCacheMeta(this.storage);
    this.clearStorageError();
    if (!meta || this.currentSettings.rulesUrl === null) {
      this.currentCache = null;
      this.currentText = null;
      if (this.current.source === "bundled") return false;
      this.swap(this.bundledActive, "sync");
      return true;
    }
    // Another context is switching addresses (it saves the setting, then the new file): wait for the file.
    if (!this.cacheMatchesSettings(meta)) return false;
    if (meta.generation === this.currentCache?.generation) {
      this.currentCache = meta;
      return false;
    }
    const cached = await readCachedRules(this.storage);
    if (!cached || !this.cacheMatchesSettings(cached.meta)) return false;
    return this.adoptCachedIfValid(cached, "sync");
  }

  /**
   * Checks a stored document and takes it over; one that no longer validates is removed from the cache (at
   * start-up) or ignored (a sync: the context that wrote it decides). When the checks cannot be fetched the
   * document stays cached, unchecked and unused, and the status says why (`part_not_loaded`).
   */
  private async adoptCachedIfValid(cached: { text: string; meta: CacheMeta }, reason: "start" | "sync"): Promise<boolean> {
    const checks = await this.inputChecks();
    if ("code" in checks) {
      await this.recordFailure(checks, this.now().toISOString());
      return false;
    }
    const parsed = checks.parseRules(cached.text);
    if (parsed.ok) return this.adoptCached(parsed.rules, cached.text, cached.meta, reason);
    if (reason === "start") await clearCachedRules(this.storage);
    return false;
  }

  /** A cached document counts only for the address the settings name now; any other is ignored. */
  private cacheMatchesSettings(meta: CacheMeta): boolean {
    return meta.url === this.currentSettings.rulesUrl;
  }

  private recordStorageError(error: unknown): void {
    this.storageError = statusProblem({ code: "storage_unreadable", cause: causeOf(error) }, this.now().toISOString());
    this.notifyStatus();
  }

  private clearStorageError(): void {
    if (this.storageError === null) return;
    this.storageError = null;
    this.notifyStatus();
  }

  private notifyStatus(): void {
    const status = this.status;
    for (const listener of [...this.statusListeners]) {
      try {
        listener(status);
      } catch {
        // A failing view must not keep the others from hearing.
      }
    }
  }

  /** `older_than_active` when `document` is an older release from the address the active rules came from. */
  private olderThanActive(url: string, document: RulesDocument): RulesLoadError | null {
    const active = this.current;
    if (active.source === "bundled" || active.url !== url || !isOlderRelease(document, active.document)) return null;
    return {
      code: "older_than_active",
      location: url,
      offered: { version: document.version, publishedAt: document.publishedAt },
      active: { version: active.version, publishedAt: active.publishedAt },
    };
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private fetchOptions(settings: RulesSettings, etag: string | null) {
    return {
      etag,
      publicKey: settings.publicKeyPem,
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      fetch: this.options.fetch,
    };
  }

  private async refreshFromUrl(): Promise<RefreshOutcome> {
    const settings = this.currentSettings;
    const attemptedAt = this.now().toISOString();
    const url = settings.rulesUrl;
    if (!url) return this.recordFailure({ code: "url_not_set", field: "rulesUrl" }, attemptedAt);

    const checks = await this.inputChecks();
    if ("code" in checks) return this.recordFailure({ ...checks, location: url }, attemptedAt);
    const cache = this.currentCache && this.currentCache.url === url ? this.currentCache : null;
    const result = await checks.fetchRules(url, this.fetchOptions(settings, cache?.etag ?? null));
    if (result.kind === "failed") return this.recordFailure(result.error, attemptedAt);

    this.refreshRecord = { lastAttemptAt: attemptedAt, lastError: null };
    await writeRefreshRecord(this.storage, this.refreshRecord).catch(() => undefined);
    if (result.kind === "not_modified" || (cache && result.text === this.currentText)) {
      const etag = result.kind === "fetched" ? result.etag : (cache?.etag ?? null);
      if (cache) this.currentCache = await touchCachedRules(this.storage, cache, attemptedAt, etag).catch(() => cache);
      // Same document: the new ETag is bookkeeping, not a change listeners need to hear about.
      if (etag !== this.current.etag) this.current = { ...this.current, etag };
      return { kind: "unchanged" };
    }
    const older = this.olderThanActive(url, result.rules);
    if (older) return this.recordFailure(older, attemptedAt);
    return this.adoptDownload(url, result.rules, result.text, result.etag, "refresh");
  }

  private async recordFailure(error: RulesLoadError, at: string): Promise<RefreshOutcome> {
    this.refreshRecord = { lastAttemptAt: at, lastError: { error, at } };
    await writeRefreshRecord(this.storage, this.refreshRecord).catch(() => undefined);
    return { kind: "failed", error };
  }

  /** Caches a freshly downloaded document, then swaps it in. A storage failure is recorded but does not block the swap. */
  private async adoptDownload(url: string, document: RulesDocument, text: string, etag: string | null, reason: SwapReason): Promise<RefreshOutcome> {
    const fetchedAt = this.now().toISOString();
    try {
      this.currentCache = await writeCachedRules(this.storage, { url, etag, fetchedAt, checkedAt: fetchedAt }, text);
    } catch {
      this.currentCache = null;
      await this.recordFailure({ code: "cache_write_failed" }, fetchedAt);
    }
    // Compiled after the awaits, from the rules active now: readings it keeps were made with what is known now
    // (HS descriptions that arrived meanwhile re-read the active rules, not a ruleset waiting to be swapped in).
    const next = activeFromDocument(document, { source: "url", url, fetchedAt, etag }, this.options.hsNomenclature ?? null, this.current);
    this.currentText = text;
    this.swap(next, reason);
    return { kind: "updated", active: next };
  }

  /** Takes over a stored document; identical text only updates the bookkeeping, without a change event. */
  private adoptCached(document: RulesDocument, text: string, meta: CacheMeta, reason: SwapReason): boolean {
    this.currentCache = meta;
    if (text === this.currentText) return false;
    const source: RulesSource = Date.parse(meta.fetchedAt) >= this.startedAt.getTime() ? "url" : "cached";
    this.currentText = text;
    this.swap(activeFromDocument(document, { source, url: meta.url, fetchedAt: meta.fetchedAt, etag: meta.etag }, this.options.hsNomenclature ?? null, this.current), reason);
    return true;
  }

  /**
   * Applies the workbook's own aliases (stored with the workbook by the pane, or given to the CLI) to every
   * score from now on, and to whatever rules are loaded later. Listeners hear about it with the cause
   * "aliases". Resolves to the issues found against the active rules (unknown items are ignored).
   */
  setUserAliases(aliases: UserAliases): UserAliasIssue[] {
    this.userAliases = aliases;
    this.swap(this.current, null, "aliases");
    return this.current.userAliasIssues;
  }

  /**
   * Compiles the same rules again, so readings and every cache built on them start afresh (e.g. once the HS
   * descriptions have arrived), and tells the listeners with the cause "readings": the formulas recalculate.
   */
  refreshReadings(): void {
    const recompiled = (active: ActiveRules): ActiveRules => {
      const compiled = compileRules(active.document, { hsNomenclature: this.options.hsNomenclature ?? null });
      return { ...active, compiled, baseCompiled: compiled, userAliases: NO_USER_ALIASES, userAliasIssues: [] };
    };
    const wasBundled = this.current === this.bundledActive || this.current.baseCompiled === this.bundledActive.baseCompiled;
    this.bundledActive = recompiled(this.bundledActive);
    this.swap(wasBundled ? this.bundledActive : recompiled(this.current), null, "readings");
  }

  get userAliasesInForce(): UserAliases {
    return this.userAliases;
  }

  private withAliases(active: ActiveRules): ActiveRules {
    if (active.userAliases === this.userAliases) return active;
    const none = this.userAliases.aliases.length === 0;
    return {
      ...active,
      compiled: none ? active.baseCompiled : withUserAliases(active.baseCompiled, this.userAliases),
      userAliases: this.userAliases,
      userAliasIssues: none ? [] : checkUserAliases(this.userAliases, active.baseCompiled),
    };
  }

  /**
   * Makes `next` (with the workbook's own aliases applied) the active rules and tells the listeners. A swap of
   * the rules document itself (`reason` given) is also kept as the last swap, so a view can say what changed;
   * re-applying aliases or re-reading the same rules is not a change of rules.
   */
  private swap(next: ActiveRules, reason: SwapReason | null, cause: RulesChangeCause = "rules"): void {
    const previous = this.current;
    this.current = this.withAliases(next);
    const active = this.current;
    if (reason !== null) this.latestSwap = { previous, next: active, reason, at: this.now().toISOString() };
    for (const listener of [...this.listeners]) {
      try {
        listener(active, cause);
      } catch {
        // One failing listener must not keep the others from hearing about the swap.
      }
    }
  }
}
