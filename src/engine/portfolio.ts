/**
 * Many scored rows → one picture. Weighted scores use matched rows only: an unmatched row's score
 * is a lower bound (only any-item controls were checked), so it is counted and listed instead of
 * being averaged in, where it could make the portfolio look safer than it is.
 */
import { CATEGORIES } from "../rules/vocabulary";
import {
  isRecognised,
  type CategoryScores,
  type ControlExposure,
  type ItemExposure,
  type MatchSuggestion,
  type Portfolio,
  type PortfolioEntityRow,
  type PortfolioRowInput,
  type PortfolioTopRow,
  type RowResult,
  type ScoredRow,
} from "./types";

export const TOP_ROWS = 10;
/** How many listed or possibly listed suppliers the summary names (the counts cover all of them). */
export const ENTITY_ROWS = 200;

import { roundToTenth } from "./rounding";

function validSpend(spend: number | null | undefined): number | null {
  return typeof spend === "number" && Number.isFinite(spend) && spend >= 0 ? spend : null;
}

function commodityText(row: PortfolioRowInput): string {
  return row.input.commodity === null || row.input.commodity === undefined ? "" : String(row.input.commodity);
}

export function summarizePortfolio(rows: readonly PortfolioRowInput[], results: readonly RowResult[]): Portfolio {
  const counts = { rows: results.length, scored: 0, errors: 0, unmatched: 0, reviewNeeded: 0, unconfirmed: 0, gradeDependent: 0, lowConfidence: 0 };
  const errorsByCode: Portfolio["errorsByCode"] = {};
  const unmatched = new Map<string, { rows: number; why: string; suggestions: readonly MatchSuggestion[] }>();
  const scored: { index: number; result: ScoredRow; spend: number | null }[] = [];

  results.forEach((result, index) => {
    if (!result.ok) {
      counts.errors += 1;
      errorsByCode[result.error.code] = (errorsByCode[result.error.code] ?? 0) + 1;
      return;
    }
    counts.scored += 1;
    if (result.warnings.some((w) => w.code === "review_needed")) counts.reviewNeeded += 1;
    if (result.warnings.some((w) => w.code === "status_unconfirmed")) counts.unconfirmed += 1;
    if (result.warnings.some((w) => w.code === "grade_dependent")) counts.gradeDependent += 1;
    if (result.warnings.some((w) => w.code === "low_confidence_match")) counts.lowConfidence += 1;
    if (!isRecognised(result.match)) {
      counts.unmatched += 1;
      const seen = unmatched.get(result.match.normalized);
      if (seen) seen.rows += 1;
      else unmatched.set(result.match.normalized, { rows: 1, why: result.match.why, suggestions: result.match.suggestions });
    }
    scored.push({ index, result, spend: validSpend(rows[index]?.spend) });
  });

  const matched = scored.filter((s) => isRecognised(s.result.match));
  const weighting: Portfolio["weighting"] = matched.some((s) => s.spend !== null) ? "spend" : "equal";
  const weightOf = (s: { spend: number | null }) => (weighting === "equal" ? 1 : (s.spend ?? 0));

  let totalWeight = 0;
  let weightedScore = 0;
  const weightedCategories: CategoryScores = { minerals: 0, technology: 0, equipment: 0, personnel: 0 };
  for (const s of matched) {
    const weight = weightOf(s);
    totalWeight += weight;
    weightedScore += weight * s.result.score;
    for (const category of CATEGORIES) weightedCategories[category] += weight * s.result.categories[category];
  }
  const hasWeight = totalWeight > 0;

  return {
    counts,
    weighting,
    spendWeightedScore: hasWeight ? roundToTenth(weightedScore / totalWeight) : null,
    categories: hasWeight
      ? (Object.fromEntries(CATEGORIES.map((c) => [c, roundToTenth(weightedCategories[c] / totalWeight)])) as CategoryScores)
      : null,
    totalSpend: scored.reduce((sum, s) => sum + (s.spend ?? 0), 0),
    rowsWithoutSpend: scored.filter((s) => s.spend === null).length,
    topRows: topRows(rows, scored),
    byItem: exposureByItem(matched, weightOf),
    byControl: exposureByControl(scored, weightOf),
    unmatchedCommodities: [...unmatched]
      .map(([text, entry]) => ({ text, rows: entry.rows, why: entry.why, suggestions: entry.suggestions }))
      .sort((a, b) => b.rows - a.rows || (a.text < b.text ? -1 : 1)),
    errorsByCode,
    entities: entitiesOf(rows, scored),
  };
}

function entitiesOf(rows: readonly PortfolioRowInput[], scored: readonly { index: number; result: ScoredRow }[]): Portfolio["entities"] {
  const found: PortfolioEntityRow[] = [];
  for (const { index, result } of scored) {
    const entity = result.entity;
    if (entity === null || entity.status === "none" || entity.match === null || entity.lead === null) continue;
    found.push({
      index,
      supplier: rows[index]?.supplier ?? null,
      status: entity.status,
      name: entity.match.name,
      listLabel: entity.lead.listLabel,
      actionId: entity.lead.actionId,
      listStatus: entity.lead.status,
      since: entity.lead.since,
      unconfirmed: entity.lead.unconfirmed,
      similarity: entity.match.score,
      score: result.score,
    });
  }
  const listed = found.filter((row) => row.status === "listed").length;
  const ordered = found.sort((a, b) => Number(b.status === "listed") - Number(a.status === "listed") || b.score - a.score || a.index - b.index);
  return { listed, possible: found.length - listed, rows: ordered.slice(0, ENTITY_ROWS) };
}

function topRows(rows: readonly PortfolioRowInput[], scored: readonly { index: number; result: ScoredRow }[]): PortfolioTopRow[] {
  return scored
    .filter((s) => s.result.score > 0)
    .sort((a, b) => b.result.score - a.result.score || a.index - b.index)
    .slice(0, TOP_ROWS)
    .map(({ index, result }) => {
      const leading = result.hits.find((hit) => hit.moved) ?? null;
      return {
        index,
        supplier: rows[index]?.supplier ?? null,
        commodity: rows[index] ? commodityText(rows[index]) : result.match.normalized,
        itemId: result.match.itemId,
        itemName: result.match.itemName,
        score: result.score,
        leadingControl: leading && { controlId: leading.controlId, title: leading.title, category: leading.category },
      };
    });
}

type Weighed = { result: ScoredRow; spend: number | null };

function exposureByItem(matched: readonly Weighed[], weightOf: (s: Weighed) => number): ItemExposure[] {
  const byItem = new Map<string, ItemExposure & { weightedSum: number }>();
  for (const s of matched) {
    const itemId = s.result.match.itemId!;
    const entry = byItem.get(itemId) ?? {
      itemId,
      itemName: s.result.match.itemName ?? itemId,
      rows: 0,
      weight: 0,
      meanScore: 0,
      maxScore: 0,
      weightedSum: 0,
    };
    entry.rows += 1;
    entry.weight += weightOf(s);
    entry.weightedSum += weightOf(s) * s.result.score;
    entry.maxScore = Math.max(entry.maxScore, s.result.score);
    byItem.set(itemId, entry);
  }
  return [...byItem.values()]
    .map(({ weightedSum, ...entry }) => ({ ...entry, meanScore: entry.weight > 0 ? roundToTenth(weightedSum / entry.weight) : 0 }))
    .sort((a, b) => b.meanScore * b.weight - a.meanScore * a.weight || b.maxScore - a.maxScore || (a.itemId < b.itemId ? -1 : 1));
}

function exposureByControl(matched: readonly Weighed[], weightOf: (s: Weighed) => number): ControlExposure[] {
  const byControl = new Map<string, ControlExposure>();
  for (const s of matched) {
    for (const hit of s.result.hits) {
      if (!hit.moved) continue;
      const entry = byControl.get(hit.controlId) ?? { controlId: hit.controlId, title: hit.title, category: hit.category, rows: 0, weight: 0 };
      entry.rows += 1;
      entry.weight += weightOf(s);
      byControl.set(hit.controlId, entry);
    }
  }
  return [...byControl.values()].sort((a, b) => b.weight - a.weight || b.rows - a.rows || (a.controlId < b.controlId ? -1 : 1));
}
