/** The report sheet's content, built only from engine results (the pane never recomputes a score). */
import { describeEngineError, isRecognised, type CategoryScores, type MatchResult } from "../src/engine";
import { CATEGORIES } from "../src/rules/schema";
import type { Analysis } from "./analysis";
import type { ReportCell, ReportContent } from "./excel/report";
import { CATEGORY_LABELS } from "./messages";

export interface ReportContext {
  tableLabel: string;
  rulesVersion: string;
  rulesSource: string;
}

const HEADER = [
  "Row",
  "Supplier",
  "Commodity",
  "Matched item",
  "How it was read",
  "Score",
  "Minerals",
  "Technology",
  "Equipment",
  "Personnel",
  "Leading control",
  "Warnings",
  "Error",
];
const SCORE_COLUMNS = [5, 6, 7, 8, 9];

/** The reading in words, with the suggestions for a commodity not recognised. */
function readingText(match: MatchResult): string {
  const perhaps = isRecognised(match) || match.suggestions.length === 0 ? "" : `; perhaps: ${match.suggestions.map((s) => s.itemName).join("; ")}`;
  return `${match.why}${perhaps}`;
}

export function buildReportContent(analysis: Analysis, context: ReportContext): ReportContent {
  const { portfolio, options } = analysis;
  const overall = portfolio.spendWeightedScore;
  const categories: CategoryScores = portfolio.categories ?? { minerals: 0, technology: 0, equipment: 0, personnel: 0 };
  const facts: [string, ReportCell][] = [
    ["Supplier table", context.tableLabel],
    ["As of", options.asOf],
    ["Scenario", options.suspensionsEnded ? "Suspended measures back in force" : "Measures as they stand"],
    ["Rules", `${context.rulesVersion} (${context.rulesSource})`],
    [portfolio.weighting === "spend" ? "Spend-weighted exposure" : "Average exposure", overall ?? "n/a"],
    ["Rows scored", portfolio.counts.scored],
    ["Unmatched commodities", portfolio.counts.unmatched],
    ["Rows in error", portfolio.counts.errors],
    ["Rows needing review", portfolio.counts.reviewNeeded],
  ];
  const rows: ReportCell[][] = analysis.results.map((result, i) => {
    const record = analysis.records[i];
    const base: ReportCell[] = [analysis.sheetRows[i] + 1, record.supplier ?? "", record.commodity ?? ""];
    if (!result.ok) return [...base, "", "", "", "", "", "", "", "", "", describeEngineError(result.error)];
    const leading = result.hits.find((hit) => hit.moved);
    return [
      ...base,
      result.match.itemName ?? (isRecognised(result.match) ? "(not controlled)" : "(not recognised)"),
      readingText(result.match),
      result.score,
      ...CATEGORIES.map((category) => result.categories[category]),
      leading ? `${leading.title} [${leading.controlId}]` : "",
      result.warnings.map((warning) => warning.message).join("; "),
      "",
    ];
  });
  return {
    title: "Chokepoint exposure report",
    facts,
    categories: CATEGORIES.map((category) => [CATEGORY_LABELS[category], categories[category]]),
    header: HEADER,
    rows,
    scoreColumns: SCORE_COLUMNS,
  };
}
