/**
 * The CHOKEPOINT formulas. Each declaration is a thin adapter over src/functions/adapters.ts; the
 * metadata (functions.json) is generated from these JSDoc blocks by custom-functions-metadata-plugin,
 * which also appends the CustomFunctions.associate calls. Range parameters are `any[][]` so that Excel
 * passes a single cell, a column or a row; a skipped optional argument arrives as null.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- `any[][]` is what makes the generator declare a matrix of any value */
import type { CompiledRules } from "../engine";
import { getRulesRuntime } from "../runtime";
import { loadSupply, type SupplyPart } from "../runtime/supply";
import { alternativesCells, breakdownCells, chinaShareCells, controlsCells, explainCells, matchCells, scoreCells, screenCells } from "./adapters";
import { changesCells } from "./changes";
import { toExcelError } from "./errors";
import { streamRulesVersion } from "./rules-version";
import { profileCells } from "./profile";
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
 * @param [supplierName] The supplier's name, screened against China's entity lists; a clear match raises the score (see SCREEN). Empty: not screened.
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
  supplierName?: any[][],
): any[][] {
  const args = [commodity, supplierCountry, siteCountry, chinaInputShare, chinaTechnology, chinaEquipment, chinaPersonnel, asOf, supplierName];
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
 * @param [supplierName] The supplier's name, screened against China's entity lists; a clear match raises the scores. Empty: not screened.
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
  supplierName?: any[][],
): any[][] {
  const args = [commodity, supplierCountry, siteCountry, chinaInputShare, chinaTechnology, chinaEquipment, chinaPersonnel, asOf, supplierName];
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
 * @param [supplierName] The supplier's name, screened against China's entity lists; the line says what matched. Empty: not screened.
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
  supplierName?: any[][],
): any[][] {
  const args = [commodity, supplierCountry, siteCountry, chinaInputShare, chinaTechnology, chinaEquipment, chinaPersonnel, asOf, supplierName];
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
 * Where else an item is produced: the producer countries outside China at one stage of its supply chain, with their share of world output, the year and the source, largest first.
 * @customfunction ALTERNATIVES
 * @helpurl https://localhost:3000/docs/functions.html#alternatives
 * @param commodity One commodity description or HS code.
 * @param [stage] "mining", "refining", "processing" or "manufacturing". Empty: the binding stage, the most China-concentrated stage of the item and what it contains.
 * @param [count] How many producers to list, largest first. Empty: every producer the source names.
 * @returns A table with four columns (country, share 0 to 1, year, source); #N/A when the rules give no country breakdown.
 */
export async function alternatives(commodity: any[][], stage?: any[][], count?: any[][]): Promise<any[][]> {
  let rules: CompiledRules;
  let supply: SupplyPart;
  try {
    [rules, supply] = await Promise.all([getRulesRuntime().supplyRules(), loadSupply()]);
  } catch (error) {
    return [[toExcelError({ code: "producers_not_loaded", cause: (error as { cause?: string }).cause ?? String(error) })]];
  }
  return alternativesCells(commodity, stage, count, rules, supply);
}

/**
 * The export controls that change status in the next days (a suspension ending, an announced control taking effect): date, control id, title, status before and after, source, and whether the new status is confirmed.
 * @customfunction CHANGES
 * @helpurl https://localhost:3000/docs/functions.html#changes
 * @param [days] How many days ahead to look, from tomorrow: a whole number from 1 to 3650. Empty: 90.
 * @returns A table with seven columns, one row per change, soonest first.
 */
export function changes(days?: any[][]): any[][] {
  return changesCells(days ?? null, getRulesRuntime().active.compiled);
}

/**
 * Whether a supplier is on one of China's entity lists (export control list, watch list, unreliable entity list, countermeasure lists): match status, listed name, list, notice, date, standing and source (seven cells per row).
 * @customfunction SCREEN
 * @helpurl https://localhost:3000/docs/functions.html#screen
 * @param supplierName The supplier's name as your records write it, or a column of names (e.g. "MP Materials Corp.").
 * @param [supplierCountry] The supplier's country: a name or ISO code. It confirms a match, or weakens one to "possible" when it differs. Empty: not used.
 * @param [asOf] Date to screen on: an Excel date or text such as "2026-07-01". Empty: today.
 * @returns Per row: listed, possible (check it; never counted) or none, then the listed name, list, notice id, notice date, standing on the date and a source.
 */
export function screen(supplierName: any[][], supplierCountry?: any[][], asOf?: any[][]): any[][] {
  return screenCells(supplierName, supplierCountry, asOf, getRulesRuntime().active.compiled);
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

/**
 * A card per row, as an Excel data type: the item and how it was read, the scores, China's supply shares, the controls that apply, the supplier's entity-list match, where else the item is produced, and the warnings. Pull one field with =A2.[Overall].
 * @customfunction PROFILE
 * @helpurl https://localhost:3000/docs/functions.html#profile
 * @param commodity What the supplier sells: a name, trade name, chemical formula or HS code, or a column of them.
 * @param [supplierCountry] Country of the supplier's site: a name or ISO code. Leave empty if unknown.
 * @param [siteCountry] Country of your plant receiving the goods.
 * @param [asOf] Date to profile on: an Excel date or text such as "2025-06-01". Empty: today.
 * @param [supplierName] The supplier's name, screened against China's entity lists (a clear match raises the score). Empty: not screened.
 * @returns One card per row showing the item's name; #N/A when the commodity is not recognised, #VALUE! when an input is unusable.
 */
export async function profile(commodity: any[][], supplierCountry?: any[][], siteCountry?: any[][], asOf?: any[][], supplierName?: any[][]): Promise<any[][]> {
  // Without the producer figures (their part could not be fetched) the card still comes, without that section.
  const runtime = getRulesRuntime();
  const [rules, supply] = await Promise.all([runtime.supplyRules().catch(() => runtime.active.compiled), loadSupply().catch(() => null)]);
  return profileCells([commodity, supplierCountry, siteCountry, asOf, supplierName], rules, supply);
}
