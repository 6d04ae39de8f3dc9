/**
 * RULESVERSION's stream: the active rules' version now, again after every swap of the rules, and a
 * periodic look at the shared storage so that a refresh made by the task pane in another JavaScript
 * context (Excel on the web) reaches this one. Everything stops when Excel cancels the formula.
 */
import type { ActiveRules, RulesChangeListener } from "../runtime";
import { rulesVersionText } from "./adapters";

/** What RULESVERSION needs from the rules runtime. */
export interface RulesVersionSource {
  readonly active: Pick<ActiveRules, "version" | "source" | "reviewedAt">;
  onChange(listener: RulesChangeListener): () => void;
  syncFromStorage(): Promise<boolean>;
}

export const STORAGE_SYNC_INTERVAL_MS = 60_000;

export function streamRulesVersion(
  source: RulesVersionSource,
  invocation: CustomFunctions.StreamingInvocation<string>,
  syncIntervalMs: number = STORAGE_SYNC_INTERVAL_MS,
): void {
  const publish = () => invocation.setResult(rulesVersionText(source.active));
  publish();
  const stopListening = source.onChange(publish);
  // A swap found here is published by the change listener above.
  const timer = setInterval(() => void source.syncFromStorage().catch(() => false), syncIntervalMs);
  invocation.onCanceled = () => {
    stopListening();
    clearInterval(timer);
  };
}
