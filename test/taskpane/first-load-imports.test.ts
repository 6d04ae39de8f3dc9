/**
 * What the pane and the functions load first is what their entry files import statically; everything else comes in
 * parts fetched on demand (`import()`). Rescoring a list for a change of rules or for the coming days, comparing
 * two rules documents, and saying where else an item is produced (with the producer figures) are such parts: this walks the static imports from both entry points and checks that they do
 * not reach those files, so a stray value import through the engine's index cannot bring them back into the first load.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = join(__dirname, "..", "..");
const ENTRY_POINTS = ["taskpane/taskpane.ts", "src/functions/functions.ts"];
const ON_DEMAND_ONLY = ["src/engine/impact.ts", "src/engine/date-impact.ts", "src/engine/diff.ts", "src/engine/alternatives.ts"];

/** `import … from "x"` and `export … from "x"`, but not their type-only forms, nor `import("x")`. */
const STATIC_IMPORT = /^\s*(import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(join(ROOT, from)), specifier.replace(/\?.*$/, ""));
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.endsWith(".ts")) return relative(ROOT, candidate);
  }
  return null;
}

export function staticallyReached(entries: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const source = readFileSync(join(ROOT, file), "utf8");
    for (const found of source.matchAll(STATIC_IMPORT)) {
      const target = resolveImport(file, found[2]);
      if (target !== null && !reached.has(target)) queue.push(target);
    }
  }
  return reached;
}

test("the walk follows value imports and skips type-only ones and import()", () => {
  const reached = staticallyReached(ENTRY_POINTS);
  // Reached through value imports: the scorer, and the loader of the "Coming up" part.
  expect(reached).toContain("src/engine/score.ts");
  expect(reached).toContain("taskpane/load-upcoming.ts");
  // load-upcoming.ts names ./upcoming only in a type and in import().
  expect(reached).not.toContain("taskpane/upcoming.ts");
});

test.each(ON_DEMAND_ONLY)("the first load does not carry %s", (file) => {
  expect(staticallyReached(ENTRY_POINTS)).not.toContain(file);
});

test("the parts fetched on demand do carry them", () => {
  const upcoming = staticallyReached(["taskpane/upcoming.ts"]);
  const whatChanged = staticallyReached(["taskpane/what-changed.ts"]);
  expect(upcoming).toContain("src/engine/date-impact.ts");
  expect(whatChanged).toContain("src/engine/impact.ts");
  expect(whatChanged).toContain("src/engine/diff.ts");
});
