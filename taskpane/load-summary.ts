/**
 * The summary of an analysed table and its chart (./ui/summary.ts), fetched from the add-in's server when the
 * first table is analysed: a workbook without a supplier table, or formulas alone, never need it.
 */
export type SummaryPart = typeof import("./ui/summary");

export const loadSummary = (): Promise<SummaryPart> => import(/* webpackChunkName: "summary" */ "./ui/summary");
