/** The report sheet's content, built only from engine results (the pane never recomputes a score). */
import {
  describeEngineError,
  describeScreening,
  isRecognised,
  type CategoryScores,
  type FigureQualifier,
  type ItemAlternatives,
  type MatchResult,
} from "../src/engine";
import { formatFigureYear, formatShare } from "../src/engine/alternatives";
import { profileCard } from "../src/functions/profile-card";
import { CATEGORIES } from "../src/rules/vocabulary";
import type { Analysis } from "./analysis";
import type { ReportCell, ReportContent, ReportSideTable } from "./excel/report";
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
  "China's lists",
  "Leading control",
  "Warnings",
  "Error",
];
const SCORE_COLUMNS = [5, 6, 7, 8, 9];
/** "Matched item": where the host takes Excel data types, each matched row's PROFILE card. */
const CARD_COLUMN = 3;

const ALTERNATIVES_HEADER = [
  "Item",
  "Binding stage",
  "Figure for",
  "Year",
  "Basis",
  "China share",
  "Outside China",
  "HHI",
  "Producers outside China",
  "Source",
  "Confidence",
];
const ALTERNATIVES_PERCENT_COLUMNS = [5, 6];

/** A share as a number the sheet can format, or as text when the source only bounds it ("≈90%", ">97%"). */
function shareCell(share: number | null, qualifier: FigureQualifier | "less_than" | null): ReportCell {
  if (share === null) return "";
  return qualifier === null ? share : formatShare(share, qualifier);
}

function alternativesRow(itemName: string, found: ItemAlternatives | undefined, loaded: boolean): ReportCell[] {
  const answer = found?.answer ?? null;
  if (answer === null) return [itemName, "", "", "", "", "", "", "", loaded ? "no producer figures in the rules" : "producer figures not loaded", "", ""];
  const { supply } = answer;
  // The stage is rated by the figure giving China's share; producers come from the figure with a breakdown.
  const rated = answer.concentration ?? supply;
  const named = supply.producers.map((p) => (p.share === null ? p.countryName : `${p.countryName} ${formatShare(p.share, p.qualifier)}`)).join("; ");
  const otherFigure = rated === supply ? "" : ` (${formatFigureYear(supply)} figure)`;
  const producers = supply.hasBreakdown
    ? `${named}${otherFigure}`
    : `no country breakdown: ${supply.noCountryBreakdown ?? "the source gives no country shares"}${named ? ` (named: ${named})` : ""}`;
  return [
    itemName,
    found?.binding ? rated.stage : `${rated.stage} (China's share not given)`,
    rated.itemName,
    formatFigureYear(rated),
    rated.basis,
    shareCell(rated.china.share, rated.china.qualifier),
    rated.outsideChina ? shareCell(rated.outsideChina.share, rated.outsideChina.qualifier) : "",
    rated.hhi ?? "",
    producers,
    supply.sources[0]?.url ?? "",
    supply.confidence ?? "",
  ];
}

/** One row per controlled item (as the pane lists them): its binding stage and the producers outside China. */
function alternativesTable(analysis: Analysis): ReportSideTable {
  const items = analysis.portfolio.byItem.filter((item) => item.maxScore > 0);
  return {
    title: "Alternatives: where else each controlled item is produced",
    header: ALTERNATIVES_HEADER,
    rows: items.map((item) => alternativesRow(item.itemName, analysis.alternatives.get(item.itemId), analysis.supply !== null)),
    percentColumns: ALTERNATIVES_PERCENT_COLUMNS,
  };
}

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
    ["Rows on an unconfirmed status", portfolio.counts.unconfirmed],
    ["Rows whose grade decides a control", portfolio.counts.gradeDependent],
  ];
  const rows: ReportCell[][] = analysis.results.map((result, i) => {
    const record = analysis.records[i];
    const base: ReportCell[] = [analysis.sheetRows[i] + 1, record.supplier ?? "", record.commodity ?? ""];
    if (!result.ok) return [...base, "", "", "", "", "", "", "", "", "", "", describeEngineError(result.error)];
    const leading = result.hits.find((hit) => hit.moved);
    return [
      ...base,
      result.match.itemName ?? (isRecognised(result.match) ? "(not controlled)" : "(not recognised)"),
      readingText(result.match),
      result.score,
      ...CATEGORIES.map((category) => result.categories[category]),
      describeScreening(result.entity),
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
    alternatives: alternativesTable(analysis),
    cards: {
      column: CARD_COLUMN,
      cardFor: (index) => {
        const result = analysis.results[index];
        if (!result.ok || result.match.itemId === null) return null;
        return profileCard({ commodity: analysis.records[index].commodity ?? "", row: result, rules: analysis.rules, supply: analysis.supply });
      },
    },
  };
}
