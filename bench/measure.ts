/**
 * Timing: warm-up runs first (JIT, memo and cache warm-up are not what is measured), then the median of
 * the measured runs. A forced collection between runs (when node runs with --expose-gc) keeps one run's
 * garbage from being billed to the next.
 */
import { performance } from "node:perf_hooks";

export interface Timing {
  /** Median wall time of one run, milliseconds. */
  medianMs: number;
  runsMs: number[];
}

export interface TimingPlan {
  warmups: number;
  runs: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `prepare` runs untimed before each run and hands its value to `run` (e.g. a fresh cache).
 * The result of `run` is kept alive until the clock stops, so the work cannot be optimised away.
 */
export async function timeRuns<P>(plan: TimingPlan, prepare: () => P, run: (prepared: P) => unknown): Promise<Timing> {
  const runsMs: number[] = [];
  let sink: unknown = null;
  for (let index = 0; index < plan.warmups + plan.runs; index++) {
    const prepared = prepare();
    collectGarbage();
    const start = performance.now();
    sink = await run(prepared);
    const elapsed = performance.now() - start;
    if (sink === undefined) throw new Error("a benchmark run returned nothing; it must return what it computed");
    if (index >= plan.warmups) runsMs.push(elapsed);
  }
  return { medianMs: median(runsMs), runsMs };
}

export const round = (value: number, digits: number): number => Number(value.toFixed(digits));
