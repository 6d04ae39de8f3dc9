/**
 * What `default-rules.json?checked&texts` is under jest (jest.config.js maps it here): the texts the lean copy of
 * the checked bundled rules leaves out, as the webpack build makes them (scripts/checked-rules-loader.js).
 */
import bundled from "./checked-bundled-rules";
import { leftOutTexts } from "../src/rules/lean";

export default leftOutTexts(bundled);
