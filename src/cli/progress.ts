/**
 * A progress bar on stderr for long files, only when stderr is a terminal: pipes and logs get nothing,
 * and stdout never does.
 */
import { Presets, SingleBar } from "cli-progress";
import type { TableReader } from "./readers/table";

/** Below these sizes a file is scored in about a second and a bar would only flicker. */
const LARGE_FILE = { bytes: 5 * 1024 * 1024, rows: 50_000 } as const;

export interface Progress {
  update(): void;
  stop(): void;
}

interface TerminalStream extends NodeJS.WritableStream {
  isTTY?: boolean;
}

export function startProgress(stderr: unknown, progress: TableReader["progress"]): Progress | null {
  // The bar draws with cursor controls, so it writes to the terminal itself, not through terminalSafe.
  const stream = ((stderr as { unfiltered?: unknown } | undefined)?.unfiltered ?? stderr) as TerminalStream;
  if (stream?.isTTY !== true || progress.total < LARGE_FILE[progress.unit]) return null;
  const bar = new SingleBar(
    {
      stream,
      format: `scoring [{bar}] {percentage}% | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(progress.total, 0);
  return {
    update: () => bar.update(Math.min(progress.done(), progress.total)),
    stop: () => bar.stop(),
  };
}
