/**
 * The bench runs the add-in's modules in plain Node, without webpack. The rules runtime imports the bundled
 * rules as `default-rules.json?checked&lean` (the "What changed" part the texts left out, `?checked&texts`, and the producer figures, `?checked&producers`), which the add-in's
 * build makes with the rules parser (scripts/checked-rules-loader.js); here Node is taught to answer those
 * requests the same way. Imported first by run.ts, before anything that loads the runtime.
 */
import { readFileSync } from "node:fs";
import Module from "node:module";
import { parseRules } from "../src/rules/parse";
import { firstLoadDocument, leanDocument, leftOutTexts } from "../src/rules/lean";

const CHECKED = "default-rules.json?checked";
const LEAN = "default-rules.json?checked&lean";
const TEXTS = "default-rules.json?checked&texts";
const PRODUCERS = "default-rules.json?checked&producers";
const BUNDLED = require.resolve("../src/rules/default-rules.json");

const parsed = parseRules(readFileSync(BUNDLED, "utf8"));
if (!parsed.ok) throw new Error(`The bundled rules are invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);

function cached(query: string, rules: unknown): string {
  const id = `${BUNDLED}?${query}`;
  const module = new Module(id);
  module.exports = { __esModule: true, default: rules };
  module.loaded = true;
  require.cache[id] = module;
  return id;
}
const checkedId = cached("checked", parsed.rules);
const leanId = cached("checked&lean", firstLoadDocument(leanDocument(parsed.rules)));
const producersId = cached("checked&producers", leanDocument(parsed.rules).producers);
const textsId = cached("checked&texts", leftOutTexts(parsed.rules));

const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = resolver._resolveFilename;
resolver._resolveFilename = function resolveChecked(this: unknown, request: string, ...rest: unknown[]): string {
  if (request.endsWith(LEAN)) return leanId;
  if (request.endsWith(TEXTS)) return textsId;
  if (request.endsWith(PRODUCERS)) return producersId;
  return request.endsWith(CHECKED) ? checkedId : resolveFilename.call(this, request, ...rest);
};
