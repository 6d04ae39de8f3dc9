/**
 * The shared rules state of the add-in: which ruleset is active, where it came from, and how to refresh it.
 * The custom functions and the task pane both use it; neither keeps rules of its own.
 *
 *   const runtime = getRulesRuntime();          // one per JavaScript context, created on first use
 *   await runtime.start();                      // cached rules if they validate, else bundled; then a
 *                                               // background refresh if the cache is older than the interval
 *   runtime.active.compiled                     // what the engine scores with (never null)
 *   await runtime.supplyRules()                 // the same with the producer figures, fetched on first use
 *   runtime.status                              // source, version, dates, control count, lastError…
 *   const stop = runtime.onChange((active) => …) // once per swap, after the swap is complete
 *   runtime.lastSwap                            // { previous, next, reason, at } of the last swap (null before one):
 *                                               // what a view needs to say what changed
 *   runtime.onStatusChange((status) => …)       // storage problems, failed or repaired recalculations
 *   runtime.recordRecalculation({ ok: false, cause }) // the functions report how recalculating went
 *   await runtime.refreshNow()                  // { kind: "updated" | "unchanged" | "failed", … }
 *   await runtime.updateSettings({ rulesUrl })  // downloads and validates the URL before saving it
 *   await runtime.resetToBundled()
 *   await runtime.syncFromStorage()             // pick up a swap made by another context (true if swapped)
 *   runtime.setUserAliases(aliases)             // the workbook's own aliases, applied to every score (cause "aliases")
 *
 * On Excel on the web the pane and the functions may run in separate contexts with separate globals, so
 * everything that must cross between them goes through OfficeRuntime.storage: a swap made by the pane
 * reaches the functions when they call `syncFromStorage()` (RULESVERSION polls it).
 * Failures never throw and never replace good rules: they come back as coded errors
 * (`src/rules/status-codes.ts`) and show in `status.lastError`.
 */
import bundledRules from "../rules/default-rules.json?checked&lean";
import type { ProducerFigure } from "../rules/schema";
import { lazyNomenclature, loadBundledDescriptions } from "./hs-nomenclature";
import { RulesRuntime } from "./rules-runtime";
import { detectStorage } from "./storage";

export { RulesRuntime } from "./rules-runtime";
export type {
  ActiveRules,
  RefreshOutcome,
  RulesChangeCause,
  RulesChangeListener,
  RulesRuntimeOptions,
  RulesSource,
  RecalculationReport,
  RulesStatus,
  RulesStatusListener,
  RulesSwap,
  SettingsUpdateResult,
  StatusProblem,
  SwapReason,
} from "./rules-runtime";
export { DEFAULT_REFRESH_INTERVAL_HOURS, type RulesSettings } from "./settings";
export { createMemoryStorage, detectStorage, type KeyValueStorage } from "./storage";

/** The producer figures the first load leaves out, as a chunk of their own (src/rules/lean.ts). */
const loadBundledProducers = (): Promise<readonly ProducerFigure[]> =>
  import(/* webpackChunkName: "producers" */ "../rules/default-rules.json?checked&producers").then((module) => module.default);

let shared: RulesRuntime | null = null;

/** The add-in's rules runtime for this JavaScript context, over the host's persistent storage. */
export function getRulesRuntime(): RulesRuntime {
  if (shared === null) {
    // Readings made before the descriptions arrive are read again, so a code no item claims says what it is.
    const nomenclature = lazyNomenclature(loadBundledDescriptions, () => shared?.refreshReadings());
    shared = new RulesRuntime({ bundled: bundledRules, storage: detectStorage(), hsNomenclature: nomenclature, loadBundledProducers });
  }
  return shared;
}
