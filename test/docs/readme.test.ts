/**
 * The README's first screen: before any reference section, one picture of the pane, the two set-up commands
 * and a 30-second example of three formulas whose stated results are what the functions give with the
 * bundled rules.
 */
import * as fs from "fs";
import * as path from "path";
import { FUNCTIONS_NAMESPACE } from "../../src/functions/namespace";
import { registeredFunctions, type RegisteredFunction } from "../functions/registered-functions";
import { backticked, compareStated, evaluatePasteable, parsePasteable } from "./formula-examples";

const ROOT = path.join(__dirname, "..", "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const FIRST_SCREEN = README.slice(0, README.search(/^## /m));

let functions: Map<string, RegisteredFunction>;
beforeAll(async () => {
  functions = await registeredFunctions();
}, 60_000);

test("the first screen has one picture and the two set-up commands, whose npm scripts exist", () => {
  expect([...FIRST_SCREEN.matchAll(/<img\b|!\[/g)]).toHaveLength(1);
  const commands = /```bash\n([\s\S]*?)```/.exec(FIRST_SCREEN)?.[1].split("\n").map((line) => line.split("#")[0].trim()).filter(Boolean);
  expect(commands).toEqual(["npm install && npm start", "npm test"]);
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  expect(scripts.start).toBe("node scripts/start.js");
  expect(scripts.test).toBe("node scripts/test.js");
});

test("the 30-second example is three formulas that paste into any cell and give what the README says", async () => {
  const rows = FIRST_SCREEN.split("\n").filter((line) => line.startsWith(`| \`=${FUNCTIONS_NAMESPACE}.`));
  expect(rows).toHaveLength(3);
  for (const row of rows) {
    const [formulaCell, resultCell] = row.split(" | ");
    const [formula] = backticked(formulaCell);
    const parsed = parsePasteable(formula, FUNCTIONS_NAMESPACE);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const comparison = compareStated(await evaluatePasteable(parsed, functions), backticked(resultCell));
    expect({ formula, result: comparison.actual }).toEqual({ formula, result: comparison.stated });
  }
});
