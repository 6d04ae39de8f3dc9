/** The report-writing part of the pane (./reports.ts), fetched from the add-in's server the first time it is needed. */
export type ReportsPart = typeof import("./reports");

export const loadReports = (): Promise<ReportsPart> => import(/* webpackChunkName: "reports" */ "./reports");
