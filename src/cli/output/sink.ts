/**
 * A place to write text that respects back-pressure, so a slow pipe never makes output pile up in memory,
 * and that turns a failed write (a full disk, a closed pipe) into a rejected promise with the system's
 * error code instead of an unhandled 'error' event.
 */
import { stripControlCharacters } from "../../engine/text-safety";

export interface TextSink {
  /** Text, or text already encoded as UTF-8 (see utf8-builder.ts). */
  write(text: string | Uint8Array): Promise<void>;
  /** Resolves once every write so far has been handed to the system; rejects with the first write error. */
  settle(): Promise<void>;
}

export interface WritableLike {
  write(text: string | Uint8Array, callback?: (error?: Error | null) => void): unknown;
  once?(event: "drain", listener: () => void): unknown;
  on?(event: "error", listener: (error: Error) => void): unknown;
  isTTY?: boolean;
  /**
   * Set by terminalSafe: the stream underneath, for the progress bar alone, which writes its own cursor
   * controls and nothing from the input.
   */
  unfiltered?: WritableLike;
}

/** A write that failed, with the system's code (EPIPE, ENOSPC, EIO…). */
export class SinkWriteError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function asWriteError(error: unknown): SinkWriteError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new SinkWriteError(code ?? (error instanceof Error ? error.message : String(error)));
}

export function textSink(stream: WritableLike): TextSink {
  let failure: SinkWriteError | null = null;
  let pending = 0;
  let waiters: (() => void)[] = [];
  const fail = (error: unknown) => {
    failure ??= asWriteError(error);
    for (const wake of waiters) wake();
    waiters = [];
  };
  // A real stream emits 'error' as well as calling back; without a listener that event would crash the process.
  stream.on?.("error", fail);
  const isStream = typeof stream.once === "function";
  return {
    async write(text) {
      if (failure) throw failure;
      if (text.length === 0) return;
      pending += 1;
      const accepted = stream.write(text, (error) => {
        pending -= 1;
        if (error) fail(error);
        if (pending === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      });
      if (accepted === false && isStream) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          stream.once!("drain", () => resolve());
        });
      }
      if (failure) throw failure;
    },
    async settle() {
      // Writers that never call back (plain objects in tests) are taken as synchronous.
      if (isStream && pending > 0 && !failure) await new Promise<void>((resolve) => waiters.push(resolve));
      if (failure) throw failure;
    },
  };
}

/**
 * The same writer with control characters stripped from everything written (see text-safety.ts): for
 * stderr, for stdout when it is a terminal, and for the table report wherever it goes.
 */
export function terminalSafe(stream: WritableLike): WritableLike {
  return {
    isTTY: stream.isTTY,
    write: (text, callback) => stream.write(stripControlCharacters(typeof text === "string" ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString("utf8")), callback),
    once: stream.once?.bind(stream),
    on: stream.on?.bind(stream),
    unfiltered: stream.unfiltered ?? stream,
  };
}
