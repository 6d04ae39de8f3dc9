/**
 * Everything the add-in needs to read input from outside before trusting it: rules documents (a download,
 * the cache), the hosted file's signature, the address and key a user types, and the workbook's own aliases.
 * This is zod and the rules' cross-checks, a large part of the code, and none of it is needed to score with
 * the bundled rules (checked at build time), so it is a chunk of its own, fetched on first use
 * (load-input-checks.ts).
 */
import "./zod-jitless";

export { parseRules } from "../rules/parse";
export { checkRulesUrl, fetchRules } from "../rules/remote";
export { importPublicKeyPem } from "../rules/signature";
export { parseUserAliases } from "../engine/user-aliases-check";
