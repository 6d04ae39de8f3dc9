/**
 * Webpack loader for `default-rules.json?checked`: checks the bundled rules document with the add-in's own
 * parser at build time and emits it as parsed (defaults applied). The add-in then starts on the bundled rules
 * without loading the validator, which it fetches only when a document from outside has to be checked
 * (a download, the cache). An invalid bundled document fails the build. With `?checked&lean` it emits the
 * document without the texts only people and the edition diff read, for the first load, and with
 * `?checked&texts` those texts alone, for the part that compares editions (src/rules/lean.ts). The first load
 * leaves the producer figures out too: `?checked&producers` gives them, lean, to what reads them. The lean copy is
 * a JavaScript module (webpack's rule gives it `type: "javascript/auto"`) that leaves out the fields holding their
 * defaults and puts them back on import (`omitDefaults`, `withDefaults`).
 */
const path = require("path");
const zlib = require("zlib");

/** Bytes a field left out must save, gzipped, to be worth its entry in the table that puts it back. */
const LEAST_SAVING = 25;

/** The fields whose leaving out saves more than their entry costs, each measured alone. */
function worthOmitting(defaults, leanRules) {
  const size = (document) => zlib.gzipSync(JSON.stringify(document), { level: 9 }).length;
  const whole = size(leanRules);
  return defaults.omittableDefaults(leanRules).filter((entry) => whole - size(defaults.omitDefaults(leanRules, [entry])) >= LEAST_SAVING);
}

module.exports = async function checkedRulesLoader(source) {
  const callback = this.async();
  try {
    const parser = await this.importModule(path.resolve(__dirname, "../src/rules/parse.ts"));
    // The text, not a parsed value: a key given twice or nesting too deep is refused here as in a download.
    const parsed = parser.parseRules(String(source));
    if (!parsed.ok) {
      const shown = parsed.issues.slice(0, 5).map((issue) => `${issue.path || "(document)"}: ${issue.message}`);
      throw new Error(`The bundled rules are invalid: ${shown.join("; ")}`);
    }
    // `?checked&lean`: what the first load carries; `?checked&texts`: what it leaves out (src/rules/lean.ts).
    const part = (name) => new RegExp(`(^|[?&])${name}(&|$)`).test(this.resourceQuery);
    const lean = part("lean") || part("texts") || part("producers") ? await this.importModule(path.resolve(__dirname, "../src/rules/lean.ts")) : null;
    if (part("lean")) {
      // A module, not JSON: the fields that hold their defaults are left out and put back when it is first imported.
      const leanRules = lean.firstLoadDocument(lean.leanDocument(parsed.rules));
      const defaults = await this.importModule(path.resolve(__dirname, "../src/rules/omitted-defaults.ts"));
      const omitted = worthOmitting(defaults, leanRules);
      const document = defaults.omitDefaults(leanRules, omitted);
      const from = JSON.stringify(path.resolve(__dirname, "../src/rules/omitted-defaults.ts"));
      // In single quotes, as webpack writes JSON modules: the document's many double quotes need no escaping.
      const text = `'${JSON.stringify(document).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
      callback(null, `import { withDefaults } from ${from};\nexport default withDefaults(JSON.parse(${text}), ${JSON.stringify(omitted)});\n`);
      return;
    }
    if (part("producers")) {
      callback(null, JSON.stringify(lean.leanDocument(parsed.rules).producers));
      return;
    }
    const value = part("texts") ? lean.leftOutTexts(parsed.rules) : parsed.rules;
    callback(null, JSON.stringify(value));
  } catch (error) {
    callback(error);
  }
};
