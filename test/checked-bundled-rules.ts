/**
 * What `default-rules.json?checked` is under jest (jest.config.js maps it here): the bundled rules read by the
 * add-in's own parser, as the webpack build makes them (scripts/checked-rules-loader.js).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkedRules } from "./rules/checked";

export default checkedRules(readFileSync(join(__dirname, "..", "src", "rules", "default-rules.json"), "utf8"));
