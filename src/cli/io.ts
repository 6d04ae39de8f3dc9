import type { WritableLike } from "./output/sink";

/** Where a command writes: `process.stdout` / `process.stderr` fit, and so does a string collector in tests. */
export interface CommandIo {
  stdout: WritableLike;
  stderr: WritableLike;
}

/** The CLI's one table of exit codes. */
export const EXIT = {
  /** The command did its job (for `validate`: the rules are valid). */
  ok: 0,
  /** The rules document was read and is not acceptable: every issue has been printed. */
  invalidRules: 1,
  /** Unusable input or arguments: a file that cannot be read, an unreachable URL, a bad option. */
  unusable: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
