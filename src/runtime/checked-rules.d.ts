/**
 * `default-rules.json?checked`: the bundled rules as the add-in's own parser reads them (checked, defaults
 * applied), at build time under webpack (scripts/checked-rules-loader.js) and in tests under jest
 * (test/checked-bundled-rules.ts).
 */
declare module "*.json?checked" {
  const rules: import("../rules/schema").RulesDocument;
  export default rules;
}
