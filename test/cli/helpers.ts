import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { main } from "../../src/cli/main";

export const ROOT = join(__dirname, "..", "..");
export const FIXTURES = join(__dirname, "fixtures");
export const EXAMPLE_CSV = join(ROOT, "examples", "suppliers.csv");
export const EXAMPLE_XLSX = join(ROOT, "examples", "suppliers.xlsx");
/** A fixed scoring day, so golden outputs do not change with the calendar. */
export const AS_OF = "2026-06-01";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `chokepoint ARGS` in-process with stdout and stderr collected (neither is a terminal). */
export async function runCli(args: string[]): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
  });
  return { code, stdout, stderr };
}

/**
 * Compares `actual` with the golden file `expected.EXT` in `folder`. With UPDATE_GOLDEN=1 the golden file is
 * (re)written; on a mismatch `actual.EXT` is written beside it for a diff.
 */
export function expectGolden(folder: string, extension: string, actual: string): void {
  const expectedPath = join(folder, `expected.${extension}`);
  const actualPath = join(folder, `actual.${extension}`);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(expectedPath)) {
    mkdirSync(dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, actual);
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file ${expectedPath} did not exist; written now, check it and rerun`);
    return;
  }
  const expected = readFileSync(expectedPath, "utf8");
  if (expected !== actual) writeFileSync(actualPath, actual);
  expect(actual).toBe(expected);
}

/** A row of `chokepoint score --format json`, as the tests read it. */
export interface ReportRow {
  row: number;
  supplier: string | null;
  commodity: string | null;
  score: number | null;
  warnings: string[];
  error: string | null;
}

/** `chokepoint score FILE --format json` on the test date; the parsed report when it exits 0. */
export async function scoreToJson(path: string, extra: string[] = []) {
  const result = await runCli(["score", path, "--as-of", AS_OF, "--format", "json", ...extra]);
  return { ...result, report: result.code === 0 ? (JSON.parse(result.stdout) as { rows: ReportRow[]; summary: Record<string, number | null> }) : null };
}
