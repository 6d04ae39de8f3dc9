/** Per-user refresh settings, stored next to the rules cache. */
import type { RulesLoadError } from "../rules/status-codes";
import type { KeyValueStorage } from "./storage";

export const SETTINGS_KEY = "chokepoint.settings";
export const DEFAULT_REFRESH_INTERVAL_HOURS = 24;
export const MAX_REFRESH_INTERVAL_HOURS = 720;

export interface RulesSettings {
  /** Where the hosted rules file lives; null means "bundled rules only". */
  rulesUrl: string | null;
  /** A pinned ECDSA P-256 public key (SPKI PEM); when set, only signed files are accepted. */
  publicKeyPem: string | null;
  refreshIntervalHours: number;
}

export const DEFAULT_SETTINGS: RulesSettings = {
  rulesUrl: null,
  publicKeyPem: null,
  refreshIntervalHours: DEFAULT_REFRESH_INTERVAL_HOURS,
};

export function checkRefreshInterval(hours: unknown): RulesLoadError | null {
  const valid = typeof hours === "number" && Number.isInteger(hours) && hours >= 1 && hours <= MAX_REFRESH_INTERVAL_HOURS;
  return valid ? null : { code: "refresh_interval_invalid", field: "refreshIntervalHours" };
}

function optionalText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Stored settings with anything missing or malformed replaced by its default. */
export async function readSettings(storage: KeyValueStorage): Promise<RulesSettings> {
  const text = await storage.getItem(SETTINGS_KEY);
  if (text === null) return { ...DEFAULT_SETTINGS };
  let stored: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(text);
    stored = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    stored = {};
  }
  return {
    rulesUrl: optionalText(stored.rulesUrl),
    publicKeyPem: optionalText(stored.publicKeyPem),
    refreshIntervalHours:
      checkRefreshInterval(stored.refreshIntervalHours) === null
        ? (stored.refreshIntervalHours as number)
        : DEFAULT_REFRESH_INTERVAL_HOURS,
  };
}

export async function writeSettings(storage: KeyValueStorage, settings: RulesSettings): Promise<void> {
  await storage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

export function normalizeSettingsPatch(patch: Partial<RulesSettings>): Partial<RulesSettings> {
  const normalized: Partial<RulesSettings> = { ...patch };
  if ("rulesUrl" in patch) normalized.rulesUrl = optionalText(patch.rulesUrl);
  if ("publicKeyPem" in patch) normalized.publicKeyPem = optionalText(patch.publicKeyPem);
  return normalized;
}
