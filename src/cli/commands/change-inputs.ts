/**
 * Arguments shared by `chokepoint diff` and `chokepoint upcoming`: a rules document (a path or URL through
 * the one loader, src/cli/rules-source.ts, or the bundled rules), a calendar date, an output format.
 */
import bundledRules from "../../rules/default-rules.json";
import { isoDateOrNull } from "../../engine/dates";
import { formatIssue, parseRules } from "../../rules/parse";
import type { RulesDocument } from "../../rules/schema";
import { describeRulesError } from "../../rules/status-codes";
import type { CommandIo } from "../io";
import { loadRulesSource } from "../rules-source";
import { CHANGE_FORMATS, type ChangeFormat } from "./change-report";

export type LoadedRules = { ok: true; rules: RulesDocument; source: string } | { ok: false; lines: string[] };

/** A rules file or URL, or the bundled rules when no location is given; every issue as a line when it is refused. */
export async function loadRules(location: string | undefined): Promise<LoadedRules> {
  if (location === undefined) {
    const parsed = parseRules(bundledRules);
    if (parsed.ok) return { ok: true, rules: parsed.rules, source: "bundled" };
    return { ok: false, lines: ["the bundled rules are invalid:", ...parsed.issues.map(formatIssue)] };
  }
  const loaded = await loadRulesSource(location);
  if (loaded.ok) return { ok: true, rules: loaded.rules, source: location };
  return { ok: false, lines: [describeRulesError(loaded.error), ...(loaded.error.issues ?? []).map((issue) => `  ${formatIssue(issue)}`)] };
}

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
