/**
 * What the pane needs only when the user writes a report sheet (the results report, "What changed" and
 * "Coming up"): building the sheets' content and writing them. A chunk of its own (reports.js, next to the
 * pane's scripts), fetched on the first click of a "Write … to a new sheet" button; see loadReports.
 */
export { buildReportContent } from "./report-content";
export { writeReport } from "./excel/report";
export { buildChangesReport, buildUpcomingReport } from "./change-report-content";
export { writeSheetReport } from "./excel/sheet-report";
