import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const ENGINE_FILES = [
  ...readdirSync(join(ROOT, "src", "engine"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(ROOT, "src", "engine", f)),
];

const IMPORT_SPECIFIER = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\s*\(\s*["']([^"']+)["']\s*\)/g;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const FORBIDDEN_PACKAGES = [/^@microsoft\/office-js/, /^office-/, /^@types\/office/, /^jsdom/, /^node-fetch/, /^undici/, /^axios/];
/** Host globals the engine must not reach for: Office.js, the DOM, the network, the Node process. */
const FORBIDDEN_GLOBALS = /\b(Office|Excel|CustomFunctions|OfficeRuntime|document|window|navigator|localStorage|fetch|XMLHttpRequest|WebSocket|process|Buffer|__dirname)\s*[.(]/;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT_SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

test("the scan sees the engine's files", () => {
  expect(ENGINE_FILES.length).toBeGreaterThanOrEqual(10);
  expect(importsOf(readFileSync(join(ROOT, "src", "engine", "match.ts"), "utf8"))).toContain("./commodity");
});

test.each(ENGINE_FILES.map((f) => [relative(ROOT, f), f]))("%s imports nothing from Office.js, the DOM, fetch or Node", (_name, file) => {
  const source = withoutComments(readFileSync(file, "utf8"));
  for (const specifier of importsOf(source)) {
    expect(NODE_BUILTINS.has(specifier)).toBe(false);
    expect(specifier.startsWith("node:")).toBe(false);
    for (const pattern of FORBIDDEN_PACKAGES) expect(specifier).not.toMatch(pattern);
    if (specifier.startsWith(".")) expect(specifier).not.toMatch(/functions|runtime|taskpane|cli|remote|signature/);
  }
  expect(source).not.toMatch(FORBIDDEN_GLOBALS);
});

test("the scan would catch a forbidden import", () => {
  const sample = `import { readFileSync } from "node:fs";\nimport x from "path";\nconst r = await fetch("https://x");`;
  expect(importsOf(sample).some((s) => NODE_BUILTINS.has(s))).toBe(true);
  expect(importsOf(sample)).toContain("path");
  expect(sample).toMatch(FORBIDDEN_GLOBALS);
});

const RULES_FILES = readdirSync(join(ROOT, "src", "rules"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(ROOT, "src", "rules", f));

test("the scan sees the rules document's files", () => {
  expect(RULES_FILES.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining([join("src", "rules", "parse.ts"), join("src", "rules", "schema.ts")]));
});

test.each(RULES_FILES.map((f) => [relative(ROOT, f), f]))("%s (the rules document) imports nothing from the engine or the adapters", (_name, file) => {
  const source = withoutComments(readFileSync(file, "utf8"));
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith(".")) expect(specifier).not.toMatch(/engine|functions|runtime|taskpane|cli/);
  }
});
