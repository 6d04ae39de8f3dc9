/**
 * The bench runs the add-in's modules in plain Node, without webpack. The rules runtime imports the bundled
 * rules as `default-rules.json?checked`, which the add-in's build makes with the rules parser
 * (scripts/checked-rules-loader.js); here Node is taught to answer that request the same way. Imported first by
 * run.ts, before anything that loads the runtime.
 */
import { readFileSync } from "node:fs";
import Module from "node:module";
import { parseRules } from "../src/rules/parse";

const CHECKED = "default-rules.json?checked";
const BUNDLED = require.resolve("../src/rules/default-rules.json");

const parsed = parseRules(readFileSync(BUNDLED, "utf8"));
if (!parsed.ok) throw new Error(`The bundled rules are invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);

const id = `${BUNDLED}?checked`;
const checked = new Module(id);
checked.exports = { __esModule: true, default: parsed.rules };
checked.loaded = true;
require.cache[id] = checked;

const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = resolver._resolveFilename;
resolver._resolveFilename = function resolveChecked(this: unknown, request: string, ...rest: unknown[]): string {
  return request.endsWith(CHECKED) ? id : resolveFilename.call(this, request, ...rest);
};
