/**
 * Arguments shared by `chokepoint diff` and `chokepoint upcoming`: a rules document (a path or URL through
 * the one loader, src/cli/rules-source.ts, or the bundled rules), a calendar date, an output format.
 */
import { isoDateOrNull } from "../../engine/dates";
import type { CommandIo } from "../io";
import { CHANGE_FORMATS, type ChangeFormat } from "./change-report";

/** A rules file or URL, or the bundled rules when no location is given; every issue as a line when it is refused. */
export { loadCommandRules as loadRules, type CommandRules as LoadedRules } from "../rules-source";

/** A YYYY-MM-DD option, or null when it is not a calendar date written that way. */
export function calendarDate(text: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? isoDateOrNull(text.trim()) : null;
}

/** An explicit --format wins; otherwise a table on a terminal and JSON for a pipe or a file. Null for an unknown format. */
export function chooseFormat(format: string | undefined, io: CommandIo): ChangeFormat | null {
  if (format !== undefined) {
    const wanted = format.trim().toLowerCase();
    return (CHANGE_FORMATS as readonly string[]).includes(wanted) ? (wanted as ChangeFormat) : null;
  }
  return (io.stdout as { isTTY?: boolean }).isTTY === true ? "table" : "json";
}
