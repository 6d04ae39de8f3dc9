/**
 * Webpack loader for `default-rules.json?checked`: checks the bundled rules document with the add-in's own
 * parser at build time and emits it as parsed (defaults applied). The add-in then starts on the bundled rules
 * without loading the validator, which it fetches only when a document from outside has to be checked
 * (a download, the cache). An invalid bundled document fails the build. With `?checked&lean` it emits the
 * document without the texts only people and the edition diff read, for the first load, and with
 * `?checked&texts` those texts alone, for the part that compares editions (src/rules/lean.ts).
 */
const path = require("path");

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
    const lean = part("lean") || part("texts") ? await this.importModule(path.resolve(__dirname, "../src/rules/lean.ts")) : null;
    const value = part("lean") ? lean.leanDocument(parsed.rules) : part("texts") ? lean.leftOutTexts(parsed.rules) : parsed.rules;
    callback(null, JSON.stringify(value));
  } catch (error) {
    callback(error);
  }
};
