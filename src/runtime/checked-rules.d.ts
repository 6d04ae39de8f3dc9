/**
 * `default-rules.json?checked`: the bundled rules as the add-in's own parser reads them (checked, defaults
 * applied), at build time under webpack (scripts/checked-rules-loader.js) and in tests under jest
 * (test/checked-bundled-rules.ts).
 */
declare module "*.json?checked" {
  const rules: import("../rules/schema").RulesDocument;
  export default rules;
}

/** `default-rules.json?checked&lean`: the same, without the texts and producer figures the first load does not need (src/rules/lean.ts). */
declare module "*.json?checked&lean" {
  const rules: import("../rules/schema").RulesDocument;
  export default rules;
}

/** `default-rules.json?checked&texts`: the texts the lean copy leaves out (src/rules/lean.ts). */
declare module "*.json?checked&texts" {
  const texts: import("../rules/lean").LeftOutTexts;
  export default texts;
}

/** `default-rules.json?checked&producers`: the producer figures the first load leaves out, lean (src/rules/lean.ts). */
declare module "*.json?checked&producers" {
  const producers: import("../rules/schema").RulesDocument["producers"];
  export default producers;
}
