/**
 * What `default-rules.json?checked&producers` is under jest (jest.config.js maps it here): the producer figures the
 * first load leaves out, lean, as the webpack build makes them (scripts/checked-rules-loader.js).
 */
import bundled from "./checked-bundled-rules";
import { leanDocument } from "../src/rules/lean";

export default leanDocument(bundled).producers;
