/**
 * What `default-rules.json?checked` is under jest (jest.config.js maps it here): the bundled rules read by the
 * add-in's own parser, as the webpack build makes them (scripts/checked-rules-loader.js).
 */
import raw from "../src/rules/default-rules.json";
import { checkedRules } from "./rules/checked";

export default checkedRules(raw);
