/**
 * The pane's "Coming up" rendering. The section is drawn after the rules' horizon is worked out, never for the
 * first paint, so it is fetched from the add-in's server when first drawn (load-upcoming.ts).
 */
export { renderUpcoming } from "./ui/change-sections";
// Which rows move on the coming days: rescoring the list, which the first load does not need.
export { impactOfDate } from "../src/engine/date-impact";
