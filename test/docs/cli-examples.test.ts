/**
 * Every `./bin/chokepoint.js` session shown in the docs is run, and what the page shows must be what the
 * command prints today (with the bundled rules and the example files). A page may shorten the output: a line
 * that is only "…" stands for any number of lines, a line that ends in "…" stands for a line that starts with
 * the text before it, and a block may stop before the output does. A "…" inside a line is compared as written
 * (the CLI itself shortens long names that way). A block that cannot run here (it names a file the reader would
 * have) is marked with `<!-- not run: reason -->` on the line before it.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";

const ROOT = path.join(__dirname, "..", "..");
const PAGES = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const PROMPT = "$ ./bin/chokepoint.js ";
const ELISION = "…";

interface Session {
  page: string;
  line: number;
  args: string[];
  shown: string[];
}

/** Splits a shell command line into words, honouring double and single quotes (no other shell syntax is used). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}

function sessions(page: string): { run: Session[]; skipped: number } {
  const lines = fs.readFileSync(path.join(ROOT, page), "utf8").split("\n");
  const run: Session[] = [];
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```console") continue;
    const notRun = i > 0 && /^<!-- not run: .+ -->$/.test(lines[i - 1]);
    let j = i + 1;
    let current: Session | null = null;
    for (; j < lines.length && lines[j] !== "```"; j++) {
      if (lines[j].startsWith("$ ")) {
        current = lines[j].startsWith(PROMPT) ? { page, line: j + 1, args: shellWords(lines[j].slice(PROMPT.length)), shown: [] } : null;
        if (current !== null && !notRun) run.push(current);
        if (current !== null && notRun) skipped += 1;
      } else if (current !== null) current.shown.push(lines[j]);
    }
    i = j;
  }
  return { run, skipped };
}

async function runInTerminal(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await main(args, {
    stdout: Object.assign({ write: (text: string) => ((stdout += text), true) }, { isTTY: true }),
    stderr: { write: () => true },
  });
  return { code, stdout };
}

function lineMatches(shown: string, actual: string): boolean {
  const line = shown.trimEnd();
  if (line === actual.trimEnd()) return true;
  return line.endsWith(ELISION) && actual.startsWith(line.slice(0, -ELISION.length));
}

/** The first shown line that does not match, or null when the page agrees with the output. */
export function firstDisagreement(shown: readonly string[], actual: readonly string[]): string | null {
  let at = 0;
  let mayskip = false;
  for (const line of shown) {
    if (line.trim() === ELISION) {
      mayskip = true;
      continue;
    }
    let found = -1;
    for (let k = at; k < actual.length && (mayskip || k === at); k++) {
      if (lineMatches(line, actual[k])) {
        found = k;
        break;
      }
    }
    if (found < 0) return `${line}\n  (printed at that point: ${actual[at] ?? "nothing more"})`;
    at = found + 1;
    mayskip = false;
  }
  return null;
}

const all = PAGES.map((page) => sessions(page));
const toRun = all.flatMap((s) => s.run);

test("the docs show chokepoint sessions, and every one is run unless marked not run", () => {
  expect(toRun.length).toBeGreaterThanOrEqual(5);
  expect(all.reduce((n, s) => n + s.skipped, 0)).toBeLessThanOrEqual(2);
});

test.each(toRun.map((s) => [`${s.page}:${s.line} chokepoint ${s.args.join(" ")}`, s] as const))("%s prints what the page shows", async (_name, session) => {
  for (const arg of session.args) {
    if (/^(examples|src|test)\//.test(arg)) expect({ arg, exists: fs.existsSync(path.join(ROOT, arg)) }).toEqual({ arg, exists: true });
  }
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { code, stdout } = await runInTerminal(session.args);
    expect(code).toBe(0);
    expect(firstDisagreement(session.shown, stdout.split("\n"))).toBeNull();
  } finally {
    process.chdir(cwd);
  }
});

describe("the comparison itself", () => {
  test("an elision line skips any number of lines; a line cut with … matches by its start; otherwise lines follow one another", () => {
    const printed = ["a", "b", "c long line", "d"];
    expect(firstDisagreement(["a", "…", "d"], printed)).toBeNull();
    expect(firstDisagreement(["a", "b", "c lo…"], printed)).toBeNull();
    expect(firstDisagreement(["a", "c long line"], printed)).not.toBeNull();
    expect(firstDisagreement(["a", "x"], printed)).not.toBeNull();
    expect(firstDisagreement(["a", "…", "e"], printed)).not.toBeNull();
  });

  test("a … inside a line is text to compare: what follows it must match too", () => {
    const printed = ["Voltcore Batter… GmbH  90.5", "end"];
    expect(firstDisagreement(["Voltcore Batter… GmbH  90.5"], printed)).toBeNull();
    expect(firstDisagreement(["Voltcore Batter… GmbH  12.3"], printed)).not.toBeNull();
  });

  test("command lines are split as a shell would for the quoting the docs use", () => {
    expect(shellWords(`item "lithium carbonate" --as-of 2026-06-01`)).toEqual(["item", "lithium carbonate", "--as-of", "2026-06-01"]);
  });
});
