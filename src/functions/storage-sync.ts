/**
 * On Excel on the web the task pane and the functions may run in separate JavaScript contexts that share
 * only OfficeRuntime.storage. Looking at that storage on an interval lets a refresh made in the pane reach
 * the functions' runtime; the swap then fires its change event, which recalculates the formulas and
 * updates RULESVERSION.
 */
export const STORAGE_SYNC_INTERVAL_MS = 60_000;

export interface StorageSyncSource {
  syncFromStorage(): Promise<boolean>;
}

/** Starts the periodic look; returns a function that stops it. */
export function syncWithStorageEvery(source: StorageSyncSource, intervalMs: number = STORAGE_SYNC_INTERVAL_MS): () => void {
  const timer = setInterval(() => void source.syncFromStorage().catch(() => false), intervalMs);
  return () => clearInterval(timer);
}
