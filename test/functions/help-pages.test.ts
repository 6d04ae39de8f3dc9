/**
 * Every function's help page (its helpUrl: docs/functions.html#<id>, rendered from docs/functions.md by
 * scripts/render-docs.js) opens on an example that can be pasted into any cell, and the result stated
 * under it is what the function gives with the bundled rules. Other literal formulas the page says
 * "gives `…`" or "is `…`" are checked the same way. The clock reads 1 September 2026, the day the page's
 * date-dependent examples (CHANGES) are stated for; every other example gives its own date.
 */
import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS_NAMESPACE } from "../../src/functions/namespace";
import { backticked, compareStated, evaluatePasteable, parsePasteable, type PasteableFormula } from "../docs/formula-examples";
import { registeredFunctions, type RegisteredFunction } from "./registered-functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderMarkdownPage } = require("../../scripts/render-docs.js") as { renderMarkdownPage(markdown: string): string };

const FUNCTIONS_MD = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
const CLOCK = new Date("2026-09-01T12:00:00Z");
/** Listed here because jest names its tests before the metadata is generated; a test checks it is every registered function. */
const FUNCTION_IDS = ["SCORE", "BREAKDOWN", "EXPLAIN", "MATCH", "CONTROLS", "CHINASHARE", "ALTERNATIVES", "CHANGES", "SCREEN", "RULESVERSION", "PROFILE"];

let functions: Map<string, RegisteredFunction>;

beforeAll(async () => {
  functions = await registeredFunctions();
}, 60_000);

beforeEach(() => {
  jest.useFakeTimers({ now: CLOCK });
});
afterEach(() => {
  jest.useRealTimers();
});

interface Opening {
  formula: string;
  resultLine: string;
}

/** The first thing under the section a help URL points at: a fenced formula, then the line that states its result. */
function openingOf(markdown: string, anchor: string): Opening | { problem: string } {
  const lines = markdown.split("\n");
  const heading = lines.findIndex((line) => /^##\s/.test(line) && line.replace(/^##\s+/, "").toLowerCase() === anchor);
  if (heading < 0) return { problem: `no section for #${anchor}` };
  const rest = lines.slice(heading + 1);
  const start = rest.findIndex((line) => line.trim() !== "");
  if (rest[start] !== "```") return { problem: `#${anchor} does not open on a fenced example: ${rest[start]}` };
  const end = rest.indexOf("```", start + 1);
  const body = rest.slice(start + 1, end).filter((line) => line.trim() !== "");
  if (body.length !== 1) return { problem: `#${anchor} opens on ${body.length} lines, not one formula` };
  const resultLine = rest.slice(end + 1).find((line) => line.trim() !== "") ?? "";
  if (!resultLine.startsWith("Result")) return { problem: `#${anchor}: the line after the example does not state its result: ${resultLine}` };
  return { formula: body[0], resultLine };
}

function pasteable(formula: string): PasteableFormula {
  const parsed = parsePasteable(formula, FUNCTIONS_NAMESPACE);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed;
}

test("every registered function has a help URL into docs/functions.html, to a section that exists", () => {
  const html = renderMarkdownPage(FUNCTIONS_MD);
  for (const [id, fn] of functions) {
    expect(fn.metadata.helpUrl).toBe(`https://localhost:3000/docs/functions.html#${id.toLowerCase()}`);
    expect(html).toContain(`<h2 id="${id.toLowerCase()}">${id}</h2>`);
  }
  expect(functions.size).toBeGreaterThanOrEqual(11);
});

test.each(FUNCTION_IDS)(
  "%s's help page opens on a formula that can be pasted into any cell, and gives what the page says",
  async (id) => {
    expect(functions.has(id)).toBe(true);
    const opening = openingOf(FUNCTIONS_MD, id.toLowerCase());
    if ("problem" in opening) throw new Error(opening.problem);
    const formula = pasteable(opening.formula);
    expect(formula.id).toBe(id);
    const stated = backticked(opening.resultLine);
    expect(stated.length).toBeGreaterThan(0);
    const comparison = compareStated(await evaluatePasteable(formula, functions), stated);
    expect(comparison.actual).toEqual(comparison.stated);
  },
);

test("those are all the functions Excel registers", () => {
  expect([...functions.keys()].sort()).toEqual([...FUNCTION_IDS].sort());
});

test("the rendered page puts the example first under each function's heading", () => {
  const html = renderMarkdownPage(FUNCTIONS_MD);
  for (const id of functions.keys()) {
    const after = html.split(`<h2 id="${id.toLowerCase()}">${id}</h2>`)[1] ?? "";
    expect(after.trimStart().startsWith(`<pre><code>=${FUNCTIONS_NAMESPACE}.${id}(`)).toBe(true);
  }
});

test("every literal formula the page says gives, or is, a value gives that value", async () => {
  const claims = [...FUNCTIONS_MD.matchAll(/`(=[A-Z]+\.[A-Z]+\([^`]*\))`\s+(?:gives|is)\s+`([^`]+)`/g)];
  expect(claims.length).toBeGreaterThan(3);
  for (const [, formula, value] of claims) {
    const parsed = parsePasteable(formula, FUNCTIONS_NAMESPACE);
    if ("problem" in parsed) continue; // a formula with a cell reference or DATE() cannot be checked alone
    const comparison = compareStated(await evaluatePasteable(parsed, functions), [value]);
    expect({ formula, value: comparison.actual[0] }).toEqual({ formula, value: comparison.stated[0] });
  }
});
