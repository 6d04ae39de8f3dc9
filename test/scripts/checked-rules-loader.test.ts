/**
 * scripts/checked-rules-loader.js: webpack reads `….json?checked` through the add-in's own parser at build time.
 * A valid document comes out as the parser's output (defaults filled in), so the add-in can start on it without
 * the validator; an invalid one fails the build with the parser's first issues.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { parseRules } from "../../src/rules/parse";
import { firstLoadDocument, leanDocument, leftOutTexts, withTexts, type LeftOutTexts } from "../../src/rules/lean";
import type { RulesDocument } from "../../src/rules/schema";

const ROOT = path.join(__dirname, "..", "..");
const SMALL_RULES = fs.readFileSync(path.join(ROOT, "test", "fixtures", "rules", "small-rules.json"), "utf8");

jest.setTimeout(120_000);

/** Builds `import rules from "./rules.json?checked"` for Node with the add-in's loader rules; the module's value, or the build's errors. */
async function build(rulesText: string, query = "checked"): Promise<{ rules: unknown; errors: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checked-rules-"));
  fs.writeFileSync(path.join(dir, "rules.json"), rulesText);
  fs.writeFileSync(path.join(dir, "entry.js"), `import rules from "./rules.json?${query}";\nexport default rules;\n`);
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "node",
    context: dir,
    entry: "./entry.js",
    output: { path: path.join(dir, "out"), filename: "bundle.js", library: { type: "commonjs2" } },
    resolve: { extensions: [".ts", ".js", ".json"] },
    resolveLoader: { modules: [path.join(ROOT, "node_modules")] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), onlyCompileBundledFiles: true, transpileOnly: true } } },
        {
          test: /\.json$/,
          resourceQuery: /checked/,
          // As webpack.config.js: the lean copy is a module that puts the fields holding their defaults back.
          oneOf: [
            { resourceQuery: /lean/, type: "javascript/auto", use: path.join(ROOT, "scripts", "checked-rules-loader.js") },
            { type: "json", use: path.join(ROOT, "scripts", "checked-rules-loader.js") },
          ],
        },
      ],
    },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))));
  await new Promise((resolve) => compiler.close(resolve));
  const errors = stats.toJson({ errors: true }).errors?.map((error) => error.message) ?? [];
  const rules = errors.length === 0 ? JSON.parse(JSON.stringify(jest.requireActual<{ default: unknown }>(path.join(dir, "out", "bundle.js")).default)) : null;
  fs.rmSync(dir, { recursive: true, force: true });
  return { rules, errors };
}

test("a valid document is built as the parser reads it: defaults filled in", async () => {
  const raw = JSON.parse(SMALL_RULES);
  const parsed = parseRules(raw);
  if (!parsed.ok) throw new Error("fixture invalid");
  expect(raw.changes).toBeUndefined();
  const { rules, errors } = await build(SMALL_RULES);
  expect(errors).toEqual([]);
  expect(rules).toEqual(JSON.parse(JSON.stringify(parsed.rules)));
  expect((rules as { changes: unknown[] }).changes).toEqual([]);
});

test("with ?checked&lean, the document comes out as the first load carries it, and ?checked&texts and ?checked&producers give what it leaves out (src/rules/lean.ts)", async () => {
  // The small fixture is a version-1 file: read (and so upgraded) first, then given texts the lean copy leaves out.
  const upgraded = parseRules(SMALL_RULES);
  if (!upgraded.ok) throw new Error("fixture invalid");
  const raw = JSON.parse(JSON.stringify(upgraded.rules));
  raw.items[0].description = "A text only people read.";
  raw.changes = [{ date: "2026-01-01", controls: [], items: [raw.items[0].id], summary: "A description added." }];
  const parsed = parseRules(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("; "));
  const { rules, errors } = await build(JSON.stringify(raw), "checked&lean");
  expect(errors).toEqual([]);
  expect(rules).toEqual(JSON.parse(JSON.stringify(firstLoadDocument(leanDocument(parsed.rules)))));
  expect((rules as { items: { description?: string }[] }).items[0].description).toBeUndefined();
  expect((rules as { changes: unknown[] }).changes).toEqual([]);
  expect((rules as RulesDocument).producers).toEqual([]);
  const texts = await build(JSON.stringify(raw), "checked&texts");
  expect(texts.errors).toEqual([]);
  expect(texts.rules).toEqual(JSON.parse(JSON.stringify(leftOutTexts(parsed.rules))));
  const producers = await build(JSON.stringify(raw), "checked&producers");
  expect(producers.errors).toEqual([]);
  expect(producers.rules).toEqual(JSON.parse(JSON.stringify(leanDocument(parsed.rules).producers)));
  const restored = { ...(rules as RulesDocument), producers: producers.rules as RulesDocument["producers"] };
  expect(withTexts(restored, texts.rules as LeftOutTexts)).toEqual(JSON.parse(JSON.stringify(parsed.rules)));
});

test("an invalid document fails the build, naming the first issue", async () => {
  const broken = { ...JSON.parse(SMALL_RULES), reviewedAt: "2026-02-30" };
  const { errors } = await build(JSON.stringify(broken));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain("The bundled rules are invalid: reviewedAt:");
});

test("the file is checked as text, as a download is: a key given twice fails the build", async () => {
  const twice = SMALL_RULES.replace('"version":', '"version": "shadowed",\n  "version":');
  expect(twice).not.toBe(SMALL_RULES);
  const { errors } = await build(twice);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('The bundled rules are invalid: version: "version" appears twice');
});
