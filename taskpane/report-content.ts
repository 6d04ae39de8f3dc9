/** The report sheet's content, built only from engine results (the pane never recomputes a score). */
import { describeEngineError, type CategoryScores } from "../src/engine";
import { profileCard } from "../src/functions/profile-card";
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
  "Score",
  "Minerals",
  "Technology",
  "Equipment",
  "Personnel",
  "Leading control",
  "Warnings",
  "Error",
];
const SCORE_COLUMNS = [4, 5, 6, 7, 8];
/** "Matched item": where the host takes Excel data types, each matched row's PROFILE card. */
const CARD_COLUMN = 3;

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
    if (!result.ok) return [...base, "", "", "", "", "", "", "", "", describeEngineError(result.error)];
    const leading = result.hits.find((hit) => hit.moved);
    return [
      ...base,
      result.match.itemName ?? "(not recognised)",
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
    cards: {
      column: CARD_COLUMN,
      cardFor: (index) => {
        const result = analysis.results[index];
        if (!result.ok || result.match.itemId === null) return null;
        return profileCard({ commodity: analysis.records[index].commodity ?? "", row: result, rules: analysis.rules });
      },
    },
  };
}
