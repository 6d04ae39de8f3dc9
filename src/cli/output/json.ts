/**
 * The JSON report, written as it goes: the envelope by hand, each row serialised on its own line, the
 * summary last. Key order follows the contract in docs/cli.md.
 *
 * Rows scored through the same plan share their reading, hit list and warnings (src/engine/plan.ts), so the
 * text of those parts is encoded once per shared object and copied as bytes (utf8-builder.ts); each row adds its
 * own number, names and scores. The text is what `rowJson` makes of the row's report (test/cli/output/json.test.ts
 * checks it).
 */
import { movedControlIds } from "../../engine/score";
import type { MatchResult, Warning } from "../../engine/types";
import { rowReport, type ReportedRow, type ReportHeader, type RowReport, type RunSummary, type ScoredRowParts } from "./report";
import type { TextSink } from "./sink";
import { utf8, Utf8Builder } from "./utf8-builder";
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

/** `"item":…,"reading":…,"suggestions":[…],` of a reading, encoded. */
const readingBytes = new WeakMap<MatchResult, Uint8Array>();
/**
 * A warning as an encoded JSON string. Kept per warning, not per list: lists are many (one per combination of a
 * row's dependences), the warnings in them few and shared, and a warning's text can be long.
 */
const warningBytes = new WeakMap<Warning, Uint8Array>();

function kept<K extends object>(cache: WeakMap<K, Uint8Array>, key: K, make: (key: K) => string): Uint8Array {
  let bytes = cache.get(key);
  if (bytes === undefined) {
    bytes = utf8(make(key));
    // Only frozen warnings are shared between rows (a plan's); caching one row's own would only cost memory.
    if (Object.isFrozen(key)) cache.set(key, bytes);
  }
  return bytes;
}

function readingOf(match: MatchResult): string {
  const item = match.itemId === null ? null : { id: match.itemId, name: match.itemName ?? match.itemId };
  const suggestions = match.suggestions.map((s) => ({ id: s.itemId, name: s.itemName }));
  return `"item":${JSON.stringify(item)},"reading":${JSON.stringify(match.why)},"suggestions":${JSON.stringify(suggestions)},`;
}

/** Readings come from the ruleset's memo, shared by every row with the same text: their bytes are kept while they are. */
function readingBytesOf(match: MatchResult): Uint8Array {
  let bytes = readingBytes.get(match);
  if (bytes === undefined) readingBytes.set(match, (bytes = utf8(readingOf(match))));
  return bytes;
}

const warningJson = (warning: { code: string; message: string }) => JSON.stringify(`${warning.code}: ${warning.message}`);
const COMMA = 0x2c;
const ROW_END = utf8(`],"error":null,"entity":null}`);

/** A scored row as `rowJson(rowReport(…))` writes it, from the parts rows share, into `out`. */
export function writeScoredRow(out: Utf8Builder, parts: ScoredRowParts): void {
  const { row, record, result, readWarnings } = parts;
  // An engine error or a supplier on a list: rare rows, written the plain way.
  if (!result.ok || (result.entity !== null && result.entity.status !== "none")) {
    out.text(rowJson(rowReport(row, record, result, readWarnings)));
    return;
  }
  const { categories } = result;
  out.text(`{"row":${row},"supplier":${JSON.stringify(record.supplier)},"commodity":${JSON.stringify(record.commodity)},`);
  out.bytes(readingBytesOf(result.match));
  out.text(
    `"score":${result.score},"categories":{"minerals":${categories.minerals},"technology":${categories.technology},"equipment":${categories.equipment},"personnel":${categories.personnel}},` +
      `"controls":${JSON.stringify(movedControlIds(result))},"warnings":[`,
  );
  let listed = 0;
  for (const warning of result.warnings) {
    if (listed++ > 0) out.ascii(COMMA);
    out.bytes(kept(warningBytes, warning, warningJson));
  }
  for (const warning of record.warnings) {
    if (listed++ > 0) out.ascii(COMMA);
    out.text(warningJson(warning));
  }
  for (const text of readWarnings) {
    if (listed++ > 0) out.ascii(COMMA);
    out.text(JSON.stringify(text));
  }
  out.bytes(ROW_END);
}

/** A scored row's JSON text (see writeScoredRow). */
export function scoredRowJson(parts: ScoredRowParts): string {
  const out = new Utf8Builder(1024);
  writeScoredRow(out, parts);
  return Buffer.from(out.take()).toString("utf8");
}

const ROW_START = utf8("\n    ");

export function jsonWriter(sink: TextSink): ReportWriter {
  let written = 0;
  const out = new Utf8Builder(256 * 1024);
  return {
    async begin(header: ReportHeader) {
      const rules = JSON.stringify({ version: header.rules.version, source: header.rules.source });
      await sink.write(`{\n  "asOf": ${JSON.stringify(header.asOf)},\n  "rules": ${rules},\n  "rows": [`);
    },
    async rows(batch: readonly ReportedRow[]) {
      for (const row of batch) {
        if (written > 0) out.ascii(COMMA);
        out.bytes(ROW_START);
        if (row.scored === undefined) out.text(rowJson(row.report));
        else writeScoredRow(out, row.scored);
        written += 1;
      }
      await sink.write(out.take());
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
