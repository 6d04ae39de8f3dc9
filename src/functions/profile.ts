/**
 * PROFILE: per row, the card of ./profile-card.ts for what the commodity was read as. An unrecognised
 * commodity is #N/A with the matcher's suggestions in the message, an unusable input #VALUE!, a padding
 * row of a range blank — as in SCORE. On a host without Excel data types the item's name stands in for
 * the card.
 */
import type { CompiledRules, MatchResult } from "../engine";
import { scoreLinedRows, type Cell } from "./adapters";
import { spill, type ExcelArgument } from "./cells";
import { toExcelError } from "./errors";
import { hostSupportsDataTypes } from "./host-support";
import { profileCard } from "./profile-card";

export type ProfileCell = Cell | Excel.EntityCellValue;

/** PROFILE's arguments in declaration order: commodity, supplierCountry, siteCountry, asOf, supplierName. */
export type ProfileArguments = readonly ExcelArgument[];

/**
 * Items the matcher offers for a text it did not recognise. MatchResult gains them with the matching work
 * (names, or objects with an itemName); until then there are none and the message is SCORE's.
 */
export function suggestionsOf(match: MatchResult): string[] {
  const offered = (match as { suggestions?: unknown }).suggestions;
  if (!Array.isArray(offered)) return [];
  return offered
    .map((entry: unknown) => (typeof entry === "string" ? entry : (entry as { itemName?: unknown } | null)?.itemName))
    .filter((name): name is string => typeof name === "string" && name !== "");
}

export function profileCells(values: ProfileArguments, rules: CompiledRules, now = new Date(), cards = hostSupportsDataTypes()): ProfileCell[][] {
  const [commodity, supplierCountry, siteCountry, asOf, supplierName] = values;
  const scored = scoreLinedRows(
    [
      ["commodity", commodity ?? null],
      ["supplierCountry", supplierCountry ?? null],
      ["siteCountry", siteCountry ?? null],
      ["asOf", asOf ?? null],
      ["supplierName", supplierName ?? null],
    ],
    rules,
    now,
  );
  if (!scored.ok) return [[scored.error]];
  const cells = scored.outcomes.map((outcome): ProfileCell => {
    if (outcome.kind === "blank") return "";
    if (outcome.kind === "problem") return toExcelError(outcome.problem);
    const { row } = outcome;
    if (row.match.itemId === null) {
      return toExcelError({ code: "commodity_unmatched", received: outcome.commodity, suggestions: suggestionsOf(row.match) });
    }
    return cards ? profileCard({ commodity: outcome.commodity, row, rules }) : (row.match.itemName ?? "");
  });
  return spill(cells, scored.orientation);
}
