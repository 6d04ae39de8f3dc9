/**
 * RULESVERSION's stream: the active rules' version now, and again after every swap of the rules —
 * including a swap picked up from shared storage (see storage-sync.ts). It stops when Excel cancels it.
 */
import type { ActiveRules, RulesChangeListener } from "../runtime";
import { rulesVersionText } from "./adapters";

/** What RULESVERSION needs from the rules runtime. */
export interface RulesVersionSource {
  readonly active: Pick<ActiveRules, "version" | "source" | "reviewedAt">;
  onChange(listener: RulesChangeListener): () => void;
}

export function streamRulesVersion(source: RulesVersionSource, invocation: CustomFunctions.StreamingInvocation<string>): void {
  const publish = () => invocation.setResult(rulesVersionText(source.active));
  publish();
  invocation.onCanceled = source.onChange(publish);
}
