/**
 * The JSON report, written as it goes: the envelope by hand, each row serialised on its own line, the
 * summary last. Key order follows the contract in docs/cli.md.
 *
 * Rows scored through the same plan share their reading, hit list and warnings (src/engine/plan.ts), so the
 * text of those parts is made once per shared object and reused; each row adds its own number, names and
 * scores. The text is what `rowJson` makes of the row's report (test/cli/output/json.test.ts checks it).
 */
import { movedControlIds } from "../../engine/score";
import type { MatchResult, Warning } from "../../engine/types";
import { rowReport, type ReportedRow, type ReportHeader, type RowReport, type RunSummary, type ScoredRowParts } from "./report";
import type { TextSink } from "./sink";
import type { ReportWriter } from "./writer";

export function rowJson(r: RowReport): string {
  const ordered: RowReport = {
    row: r.row,
    supplier: r.supplier,
    commodity: r.commodity,
    item: r.item && { id: r.item.id, name: r.item.name },
    reading: r.reading,
    suggestions: r.suggestions.map((s) => ({ id: s.id, name: s.name })),
    score: r.score,
    categories: r.categories && {
      minerals: r.categories.minerals,
      technology: r.categories.technology,
      equipment: r.categories.equipment,
      personnel: r.categories.personnel,
    },
    controls: r.controls,
    warnings: r.warnings,
    error: r.error,
    entity: r.entity && {
      status: r.entity.status,
      name: r.entity.name,
      list: r.entity.list,
      action: r.entity.action,
      since: r.entity.since,
      listStatus: r.entity.listStatus,
      confidence: r.entity.confidence,
      score: r.entity.score,
    },
  };
  return JSON.stringify(ordered);
}

/** `"item":…,"reading":…,"suggestions":[…],` of a reading. */
const readingText = new WeakMap<MatchResult, string>();
/**
 * A warning as a JSON string. Kept per warning, not per list: lists are many (one per combination of a row's
 * dependences), the warnings in them few and shared, and a warning's text can be long.
 */
const warningText = new WeakMap<Warning, string>();

function kept<K extends object>(cache: WeakMap<K, string>, key: K, make: (key: K) => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = make(key);
    // Only frozen warnings are shared between rows (a plan's); caching one row's own would only cost memory.
    if (Object.isFrozen(key)) cache.set(key, text);
  }
  return text;
}

const stringList = (texts: readonly string[]) => texts.map((text) => JSON.stringify(text)).join(",");

function readingOf(match: MatchResult): string {
  const item = match.itemId === null ? null : { id: match.itemId, name: match.itemName ?? match.itemId };
  const suggestions = match.suggestions.map((s) => ({ id: s.itemId, name: s.itemName }));
  return `"item":${JSON.stringify(item)},"reading":${JSON.stringify(match.why)},"suggestions":${JSON.stringify(suggestions)},`;
}

/** Readings come from the ruleset's memo, shared by every row with the same text: their text is kept while they are. */
function readingTextOf(match: MatchResult): string {
  let text = readingText.get(match);
  if (text === undefined) readingText.set(match, (text = readingOf(match)));
  return text;
}

/** A scored row as `rowJson(rowReport(…))` writes it, from the parts rows share. */
export function scoredRowJson(parts: ScoredRowParts): string {
  const { row, record, result, readWarnings } = parts;
  // An engine error or a supplier on a list: rare rows, written the plain way.
  if (!result.ok || (result.entity !== null && result.entity.status !== "none")) return rowJson(rowReport(row, record, result, readWarnings));
  const { categories } = result;
  const controls = `"controls":${JSON.stringify(movedControlIds(result))},`;
  const ownWarnings = [...record.warnings.map((w) => `${w.code}: ${w.message}`), ...readWarnings];
  const shared = result.warnings.length === 0 ? "" : result.warnings.map((w) => kept(warningText, w, (warning) => JSON.stringify(`${warning.code}: ${warning.message}`))).join(",");
  const warnings = ownWarnings.length === 0 ? shared : shared === "" ? stringList(ownWarnings) : `${shared},${stringList(ownWarnings)}`;
  return (
    `{"row":${row},"supplier":${JSON.stringify(record.supplier)},"commodity":${JSON.stringify(record.commodity)},` +
    readingTextOf(result.match) +
    `"score":${result.score},"categories":{"minerals":${categories.minerals},"technology":${categories.technology},"equipment":${categories.equipment},"personnel":${categories.personnel}},` +
    controls +
    `"warnings":[${warnings}],"error":null,"entity":null}`
  );
}

export function jsonWriter(sink: TextSink): ReportWriter {
  let written = 0;
  return {
    async begin(header: ReportHeader) {
      const rules = JSON.stringify({ version: header.rules.version, source: header.rules.source });
      await sink.write(`{\n  "asOf": ${JSON.stringify(header.asOf)},\n  "rules": ${rules},\n  "rows": [`);
    },
    async rows(batch: readonly ReportedRow[]) {
      let text = "";
      for (const row of batch) {
        text += `${written === 0 ? "" : ","}\n    ${row.scored === undefined ? rowJson(row.report) : scoredRowJson(row.scored)}`;
        written += 1;
      }
      await sink.write(text);
    },
    async end(summary: RunSummary) {
      const ordered: RunSummary = {
        rows: summary.rows,
        scored: summary.scored,
        errors: summary.errors,
        unmatched: summary.unmatched,
        spendWeightedScore: summary.spendWeightedScore,
      };
      await sink.write(`${written > 0 ? "\n  " : ""}],\n  "summary": ${JSON.stringify(ordered)}\n}\n`);
    },
  };
}
