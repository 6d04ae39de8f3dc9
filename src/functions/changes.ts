/**
 * CHANGES: the dated status changes of the export controls in the next N days (a suspension ending, an
 * announced control taking effect), one row each, as the engine's horizon gives them. Stateless: the rules
 * and the day come in, cells go out.
 */
import { parseHorizonDays, readCell, todayIso, upcomingChanges, type CompiledRules, type Transition } from "../engine";
import type { Cell } from "./adapters";
import { singleCell, type ExcelArgument } from "./cells";
import { toExcelError } from "./errors";

/** What the certainty column says: why the new status is not a confirmed fact, else the rules' note, else nothing. */
function certainty(transition: Transition): string {
  if (transition.unconfirmed) return `unconfirmed${transition.note ? `: ${transition.note}` : ""}`;
  if (transition.assumed) return "assumed: the rules say nothing after the end date, so it counts as in force again until the rule owner confirms (review needed)";
  return transition.note ?? "";
}

/**
 * One row per transition: date, control id, title, status before, status after, source, certainty or note.
 * Statuses are the rules file's words (`in_force`); "none" before a control's first entry.
 */
export function changesCells(days: ExcelArgument, rules: CompiledRules, now = new Date()): Cell[][] {
  const single = singleCell("days", days);
  if (!single.ok) return [[toExcelError(single.problem)]];
  const parsed = parseHorizonDays(readCell(single.value, "text"));
  if (!parsed.ok) return [[toExcelError({ code: "days_invalid", received: parsed.received })]];
  const horizon = upcomingChanges(rules, todayIso(now), parsed.days);
  if (horizon.transitions.length === 0) {
    return [[`none: no control changes status from ${horizon.from} to ${horizon.to} (the next ${parsed.days} days)`]];
  }
  return horizon.transitions.map((transition) => [
    transition.date,
    transition.controlId,
    transition.title,
    transition.fromStatus ?? "none",
    transition.toStatus,
    transition.sourceUrl,
    certainty(transition),
  ]);
}
