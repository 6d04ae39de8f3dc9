/**
 * The CHOKEPOINT formulas. Each declaration is a thin adapter over src/functions/adapters.ts; the
 * metadata (functions.json) is generated from these JSDoc blocks by custom-functions-metadata-plugin,
 * which also appends the CustomFunctions.associate calls. Range parameters are `any[][]` so that Excel
 * passes a single cell, a column or a row; a skipped optional argument arrives as null.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- `any[][]` is what makes the generator declare a matrix of any value */
import "../runtime/zod-jitless";
import { getRulesRuntime } from "../runtime";
import { breakdownCells, chinaShareCells, controlsCells, explainCells, matchCells, scoreCells } from "./adapters";
import { streamRulesVersion } from "./rules-version";
import "./startup";

/**
 * Exposure of a supplier row to China's export controls, 0 (none) to 100. Give columns to score a whole list at once.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/docs/functions.html#score
 * @param commodity What the supplier sells: a name, trade name, chemical formula or HS code (e.g. "gallium", "NdFeB magnet", "8505.11").
 * @param supplierCountry Country of the supplier's site: a name or ISO code (e.g. "China", "CN", "Japan"). Leave empty if unknown.
 * @param [siteCountry] Country of your plant receiving the goods; needed for measures aimed at one destination (e.g. "US", "India").
 * @param [chinaInputShare] Share of the supplier's inputs of this item that come from China, 0 to 1 or a percentage. Empty: 1 for a supplier in China, else China's world share.
 * @param [chinaTechnology] Reliance on Chinese process technology, 0 to 1. Empty: 1 for a supplier in China, else 0.
 * @param [chinaEquipment] Reliance on equipment shipped from China, 0 to 1. Empty: 0 (1 for controlled equipment bought in China).
 * @param [chinaPersonnel] Reliance on technical staff from China, 0 to 1. Empty: 0.
 * @param [asOf] Date to score on: an Excel date or text such as "2025-06-01". Empty: today.
 * @returns One score per row; #N/A when the commodity is not recognised, #VALUE! when an input is unusable.
 */
export function score(
  commodity: any[][],
  supplierCountry: any[][],
  siteCountry?: any[][],
  chinaInputShare?: any[][],
  chinaTechnology?: any[][],
  chinaEquipment?: any[][],
  chinaPersonnel?: any[][],
  asOf?: any[][],
): any[][] {
  const args = [commodity, supplierCountry, siteCountry, chinaInputShare, chinaTechnology, chinaEquipment, chinaPersonnel, asOf];
  return scoreCells(args, getRulesRuntime().active.compiled);
}

/**
 * Exposure per category for each row: minerals, technology, equipment and personnel, each 0 to 100 (four cells per row).
 * @customfunction BREAKDOWN
 * @helpurl https://localhost:3000/docs/functions.html#breakdown
 * @param commodity What the supplier sells: a name, trade name, chemical formula or HS code.
 * @param supplierCountry Country of the supplier's site: a name or ISO code. Leave empty if unknown.
 * @param [siteCountry] Country of your plant receiving the goods.
 * @param [chinaInputShare] Share of the supplier's inputs of this item that come from China, 0 to 1 or a percentage.
 * @param [chinaTechnology] Reliance on Chinese process technology, 0 to 1.
 * @param [chinaEquipment] Reliance on equipment shipped from China, 0 to 1.
 * @param [chinaPersonnel] Reliance on technical staff from China, 0 to 1.
 * @param [asOf] Date to score on: an Excel date or text such as "2025-06-01". Empty: today.
 * @returns One row of four category scores per input row.
 */
export function breakdown(
  commodity: any[][],
  supplierCountry: any[][],
  siteCountry?: any[][],
  chinaInputShare?: any[][],
  chinaTechnology?: any[][],
  chinaEquipment?: any[][],
  chinaPersonnel?: any[][],
  asOf?: any[][],
): any[][] {
  const args = [commodity, supplierCountry, siteCountry, chinaInputShare, chinaTechnology, chinaEquipment, chinaPersonnel, asOf];
  return breakdownCells(args, getRulesRuntime().active.compiled);
}

/**
 * Why a row scores what it does: what the commodity was read as, the controls that apply, their status and date, and the dependence used.
 * @customfunction EXPLAIN
 * @helpurl https://localhost:3000/docs/functions.html#explain
 * @param commodity What the supplier sells: a name, trade name, chemical formula or HS code.
 * @param supplierCountry Country of the supplier's site: a name or ISO code. Leave empty if unknown.
 * @param [siteCountry] Country of your plant receiving the goods.
 * @param [chinaInputShare] Share of the supplier's inputs of this item that come from China, 0 to 1 or a percentage.
 * @param [chinaTechnology] Reliance on Chinese process technology, 0 to 1.
 * @param [chinaEquipment] Reliance on equipment shipped from China, 0 to 1.
 * @param [chinaPersonnel] Reliance on technical staff from China, 0 to 1.
 * @param [asOf] Date to explain on: an Excel date or text such as "2025-06-01". Empty: today.
 * @returns One line of text per row.
 */
export function explain(
  commodity: any[][],
  supplierCountry: any[][],
  siteCountry?: any[][],
  chinaInputShare?: any[][],
  chinaTechnology?: any[][],
  chinaEquipment?: any[][],
  chinaPersonnel?: any[][],
  asOf?: any[][],
): any[][] {
  const args = [commodity, supplierCountry, siteCountry, chinaInputShare, chinaTechnology, chinaEquipment, chinaPersonnel, asOf];
  return explainCells(args, getRulesRuntime().active.compiled);
}

/**
 * The item of the rules' taxonomy a commodity text or HS code is understood as, e.g. "NdFeB magnet" for "neo magnets".
 * @customfunction MATCH
 * @helpurl https://localhost:3000/docs/functions.html#match
 * @param commodity A commodity description or HS code, or a column of them.
 * @param [detail] TRUE to show which words decided (and suggestions for a commodity not recognised) instead of the item's name.
 * @returns The item's name per row (#N/A with a message when nothing in the rules matches), or with detail the reading in words.
 */
export function match(commodity: any[][], detail?: any[][]): any[][] {
  return matchCells(commodity, detail ?? null, getRulesRuntime().active.compiled);
}

/**
 * The export controls that apply to one commodity on a date: id, title, category, status, effective date and source, one control per row.
 * @customfunction CONTROLS
 * @helpurl https://localhost:3000/docs/functions.html#controls
 * @param commodity One commodity description or HS code.
 * @param [siteCountry] Country of your plant; adds the measures aimed at that destination.
 * @param [asOf] Date to list the controls on: an Excel date or text such as "2025-06-01". Empty: today.
 * @returns A table with six columns, strongest control first.
 */
export function controls(commodity: any[][], siteCountry?: any[][], asOf?: any[][]): any[][] {
  return controlsCells(commodity, siteCountry, asOf, getRulesRuntime().active.compiled);
}

/**
 * China's share of world supply of an item, with the year of the figure and the item it belongs to (three cells per row).
 * @customfunction CHINASHARE
 * @helpurl https://localhost:3000/docs/functions.html#chinashare
 * @param commodity A commodity description or HS code, or a column of them.
 * @param [stage] "mining" or "processing". Empty: the figure the score uses (processing if known, else mining).
 * @returns Share 0 to 1, year, and the item the figure is for.
 */
export function chinaShare(commodity: any[][], stage?: any[][]): any[][] {
  return chinaShareCells(commodity, stage, getRulesRuntime().active.compiled);
}

/**
 * The version of the export-control rules in use, where they came from and when they were last reviewed; updates when the rules are refreshed.
 * @customfunction RULESVERSION
 * @helpurl https://localhost:3000/docs/functions.html#rulesversion
 * @param invocation Supplied by Excel.
 * @returns e.g. "2026.01.15-1 (bundled, reviewed 2026-01-15)".
 */
export function rulesVersion(invocation: CustomFunctions.StreamingInvocation<string>): void {
  streamRulesVersion(getRulesRuntime(), invocation);
}
