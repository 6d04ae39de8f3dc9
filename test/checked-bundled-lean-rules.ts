/**
 * What `default-rules.json?checked&lean` is under jest (jest.config.js maps it here): the checked bundled rules
 * without the texts and producer figures the first load does not need, as the webpack build makes them (scripts/checked-rules-loader.js).
 */
import bundled from "./checked-bundled-rules";
import { firstLoadDocument, leanDocument } from "../src/rules/lean";

export default firstLoadDocument(leanDocument(bundled));
