/**
 * The pane's "What changed" part: comparing two rules documents and rendering the result. Needed only after
 * the rules are replaced, so it is fetched from the add-in's server then (load-what-changed.ts).
 */
export { diffRules } from "../src/engine/diff";
export { renderChanges } from "./ui/what-changed-section";
