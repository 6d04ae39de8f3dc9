/**
 * PROFILE: per row, the card of ./profile-card.ts for what the commodity was read as. An unrecognised
 * commodity is #N/A with the matcher's suggestions in the message, an unusable input #VALUE!, a padding
 * row of a range blank — as in SCORE. On a host without Excel data types the item's name stands in for
 * the card.
 */
import { isRecognised, type CompiledRules } from "../engine";
import { outcomesOf, scoreLinedRows, type Cell } from "./adapters";
import { spill, type ExcelArgument } from "./cells";
import { toExcelError } from "./errors";
import { hostSupportsDataTypes } from "./host-support";
import { profileCard } from "./profile-card";
import type { SupplyPart } from "../runtime/supply";

export type ProfileCell = Cell | Excel.EntityCellValue;

/** PROFILE's arguments in declaration order: commodity, supplierCountry, siteCountry, asOf, supplierName. */
export type ProfileArguments = readonly ExcelArgument[];

/** `supply`: the code that reads the producer figures (fetched on first use); without it the card has no supply section. */
export function profileCells(values: ProfileArguments, rules: CompiledRules, supply: SupplyPart | null, now = new Date(), cards = hostSupportsDataTypes()): ProfileCell[][] {
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
  const cells = outcomesOf(scored).map((outcome): ProfileCell => {
    if (outcome.kind === "blank") return "";
    if (outcome.kind === "problem") return toExcelError(outcome.problem);
    const { row } = outcome;
    if (!isRecognised(row.match)) {
      return toExcelError({
        code: "commodity_unmatched",
        received: outcome.commodity,
        reason: row.match.why,
        suggestions: row.match.suggestions.map((suggestion) => suggestion.itemName),
      });
    }
    return cards ? profileCard({ commodity: outcome.commodity, row, rules, supply }) : (row.match.itemName ?? "");
  });
  return spill(cells, scored.orientation);
}
