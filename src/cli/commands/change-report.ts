/**
 * What `chokepoint diff` and `chokepoint upcoming` print, in the three formats: JSON (the contract in
 * docs/cli.md), CSV (one flat table with a `kind` column, for a spreadsheet) and a table for the terminal.
 * Everything shown comes from the engine's RulesDiff, ChangeImpact, Horizon and DateImpact; every text from
 * a rules file or a supplier list goes through `shown` (terminal) or papaparse's formula escaping (CSV).
 */
import Papa from "papaparse";
import { csvCellText } from "../../engine/text-safety";
import { foldFieldChanges } from "../../engine/diff";
import { type ChangeImpact, type ControlShift, type DateImpact, type FieldChange, type Horizon, type ImpactSummary, type RowMove, type RulesDiff, type Transition } from "../../engine";
import { describeShift } from "../../engine/impact";
import { STATUS_WORDS } from "../../engine/explain";
import { roundToThousandth } from "../../engine/rounding";
import { safeJson, shown } from "./change-text";
import type { SupplierList } from "./supplier-list";

export const CHANGE_FORMATS = ["table", "csv", "json"] as const;
export type ChangeFormat = (typeof CHANGE_FORMATS)[number];

/** Rows listed in the terminal table; JSON and CSV list every row that moved. */
export const ROWS_SHOWN = 20;
const WIDEST_TEXT_COLUMN = 28;

export interface RulesSource {
  version: string;
  publishedAt: string;
  reviewedAt: string;
  /** The path or URL the document came from, or "bundled". */
  source: string;
}

export interface Suppliers<Impact> {
  file: string;
  list: SupplierList;
  impact: Impact;
}

export interface DiffReport {
  diff: RulesDiff;
  sources: { old: string; new: string };
  asOf: string;
  suppliers: Suppliers<ChangeImpact> | null;
}

export interface UpcomingReport {
  horizon: Horizon;
  days: number;
  rules: { version: string; source: string };
  suppliers: Suppliers<DateImpact> | null;
}

// ---------------------------------------------------------------- JSON

const shiftJson = (shift: ControlShift) => ({ id: shift.controlId, before: shift.before, after: shift.after, effectBefore: roundToThousandth(shift.effectBefore), effectAfter: roundToThousandth(shift.effectAfter) });

function summaryJson(file: string, summary: ImpactSummary) {
  return {
    file,
    rows: summary.rows,
    moved: summary.moved,
    up: summary.up,
    down: summary.down,
    newErrors: summary.newErrors,
    errorsCleared: summary.errorsCleared,
    newlyUnmatched: summary.newlyUnmatched,
    newlyMatched: summary.newlyMatched,
    weighting: summary.weighting,
    spendWeightedScore: summary.spendWeighted,
  };
}

function rowIdentity(list: SupplierList, index: number) {
  return { row: list.sheetRows[index], supplier: list.rows[index]?.supplier ?? null, commodity: list.commodities[index] ?? null };
}

export function diffJson(report: DiffReport): string {
  const { diff, suppliers } = report;
  return `${safeJson({
    rules: { old: { ...diff.rules.old, source: report.sources.old }, new: { ...diff.rules.new, source: report.sources.new } },
    asOf: report.asOf,
    edition: diff.edition,
    controls: {
      added: diff.controls.added,
      removed: diff.controls.removed,
      changed: diff.controls.changed.map((control) => ({ id: control.id, title: control.name, fields: control.fields })),
    },
    items: diff.items,
    sections: diff.sections,
    ownerChanges: diff.ownerChanges,
    rows:
      suppliers === null
        ? null
        : suppliers.impact.rows.map((move) => ({
            ...rowIdentity(suppliers.list, move.index),
            before: move.before.score,
            after: move.after.score,
            delta: move.delta,
            controls: move.controls.map(shiftJson),
            item: { before: move.before.itemId, after: move.after.itemId },
            error: { before: move.before.error, after: move.after.error },
          })),
    summary: suppliers === null ? null : summaryJson(suppliers.file, suppliers.impact.summary),
  })}\n`;
}

const transitionJson = (t: Transition) => ({
  date: t.date,
  control: t.controlId,
  title: t.title,
  citation: t.citation,
  fromStatus: t.fromStatus,
  toStatus: t.toStatus,
  kind: t.kind,
  unconfirmed: t.unconfirmed,
  assumed: t.assumed,
  note: t.note,
  source: t.sourceUrl,
});

export function upcomingJson(report: UpcomingReport): string {
  const { horizon, suppliers } = report;
  return `${safeJson({
    from: horizon.from,
    to: horizon.to,
    days: report.days,
    rules: report.rules,
    transitions: horizon.transitions.map(transitionJson),
    rows:
      suppliers === null
        ? null
        : suppliers.impact.rows.map((move) => ({
            ...rowIdentity(suppliers.list, move.index),
            before: move.before.score,
            after: move.after.score,
            delta: move.delta,
            moves: move.steps.map((step) => ({
              date: step.date,
              before: step.before,
              after: step.after,
              delta: step.delta,
              controls: step.controls.map(shiftJson),
            })),
          })),
    summary: suppliers === null ? null : summaryJson(suppliers.file, suppliers.impact.summary),
  })}\n`;
}

// ---------------------------------------------------------------- CSV

// Formula escaping is ours (src/engine/text-safety.ts): papaparse's escapeFormulae misses a formula followed by a line break.
const UNPARSE = { newline: "\n", escapeFormulae: false } as const;
type CsvCell = string | number | null;

function csv(header: readonly string[], lines: readonly CsvCell[][]): string {
  return `${Papa.unparse([header.map(csvCellText), ...lines.map((line) => line.map((cell) => (typeof cell === "string" ? csvCellText(cell) : (cell ?? ""))))], UNPARSE)}\n`;
}

const shiftText = (shift: ControlShift) => describeShift(shift);

export const DIFF_CSV_COLUMNS = ["kind", "id", "name", "field", "before", "after", "delta", "controls"] as const;

export function diffCsv(report: DiffReport): string {
  const { diff, suppliers } = report;
  const lines: CsvCell[][] = [];
  const fieldLines = (kind: string, id: string, name: string, fields: readonly FieldChange[]) => {
    for (const change of fields) lines.push([kind, id, name, change.field, change.before, change.after, null, null]);
  };
  fieldLines("edition", "", "", diff.edition);
  for (const c of diff.controls.added) lines.push(["control_added", c.id, c.title, "status timeline", null, c.timeline, null, null]);
  for (const c of diff.controls.removed) lines.push(["control_removed", c.id, c.title, "status timeline", c.timeline, null, null, null]);
  for (const c of diff.controls.changed) fieldLines("control_changed", c.id, c.name, c.fields);
  for (const i of diff.items.added) lines.push(["item_added", i.id, i.name, null, null, null, null, null]);
  for (const i of diff.items.removed) lines.push(["item_removed", i.id, i.name, null, null, null, null, null]);
  for (const i of diff.items.changed) fieldLines("item_changed", i.id, i.name, i.fields);
  for (const section of diff.sections) {
    for (const e of section.added) lines.push(["section_added", e.id, e.label, section.name, null, null, null, null]);
    for (const e of section.removed) lines.push(["section_removed", e.id, e.label, section.name, null, null, null, null]);
    for (const e of section.changed) {
      for (const change of e.fields) lines.push(["section_changed", e.id, e.name, `${section.name}: ${change.field}`, change.before, change.after, null, null]);
    }
  }
  const owner = diff.ownerChanges;
  for (const entry of owner.entries) lines.push(["listed_change", [...entry.controls, ...entry.items].join("; "), entry.summary, entry.date, null, null, null, null]);
  for (const id of owner.notListed.controls) lines.push(["changed_not_listed", id, "control", null, null, null, null, null]);
  for (const id of owner.notListed.items) lines.push(["changed_not_listed", id, "item", null, null, null, null, null]);
  for (const id of owner.listedUnchanged.controls) lines.push(["listed_unchanged", id, "control", null, null, null, null, null]);
  for (const id of owner.listedUnchanged.items) lines.push(["listed_unchanged", id, "item", null, null, null, null, null]);
  if (suppliers !== null) {
    for (const move of suppliers.impact.rows) {
      const who = rowIdentity(suppliers.list, move.index);
      lines.push(["row", who.row, who.supplier, who.commodity, move.before.score ?? move.before.error, move.after.score ?? move.after.error, move.delta, move.controls.map(shiftText).join("; ")]);
    }
  }
  return csv(DIFF_CSV_COLUMNS, lines);
}

export const UPCOMING_CSV_COLUMNS = ["kind", "date", "control", "title", "from_status", "to_status", "certainty", "row", "supplier", "commodity", "before", "after", "delta"] as const;

function certaintyOf(t: Transition): string {
  if (t.unconfirmed) return "unconfirmed";
  if (t.assumed) return "assumed";
  return "";
}

export function upcomingCsv(report: UpcomingReport): string {
  const lines: CsvCell[][] = report.horizon.transitions.map((t) => [
    "transition",
    t.date,
    t.controlId,
    t.title,
    t.fromStatus ?? "none",
    t.toStatus,
    certaintyOf(t),
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  const { suppliers } = report;
  if (suppliers !== null) {
    for (const move of suppliers.impact.rows) {
      const who = rowIdentity(suppliers.list, move.index);
      for (const step of move.steps) {
        const controls = step.controls.map((c) => c.controlId).join("; ");
        lines.push(["row", step.date, controls, null, null, null, null, who.row, who.supplier, who.commodity, step.before, step.after, step.delta]);
      }
    }
  }
  return csv(UPCOMING_CSV_COLUMNS, lines);
}

// ---------------------------------------------------------------- terminal table

interface Column<T> {
  title: string;
  align: "left" | "right";
  cell: (row: T) => string;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** An aligned table; every column but the last is cut to a readable width. */
function aligned<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = rows.map((row) => columns.map((c, i) => (i === columns.length - 1 ? shown(c.cell(row)) : fit(shown(c.cell(row)), WIDEST_TEXT_COLUMN))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((line) => line[i].length)));
  const pad = (text: string, i: number) => (columns[i].align === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (texts: readonly string[]) => texts.map(pad).join("  ").trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

const score = (value: number | null) => (value === null ? "error" : value.toFixed(1));
const signed = (value: number | null) => (value === null ? "" : `${value > 0 ? "+" : ""}${value.toFixed(1)}`);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function describeField(change: FieldChange): string {
  if (change.before === null) return `${shown(change.field)}: added ${shown(change.after)}`;
  if (change.after === null) return `${shown(change.field)}: removed ${shown(change.before)}`;
  return `${shown(change.field)}: ${shown(change.before)} → ${shown(change.after)}`;
}

function edition(label: string, facts: RulesSource): string {
  return `${label} ${shown(facts.version)} (published ${facts.publishedAt}, reviewed ${facts.reviewedAt}) from ${shown(facts.source)}`;
}

function weightedLine(summary: ImpactSummary): string {
  const { before, after, delta } = summary.spendWeighted;
  const label = summary.weighting === "spend" ? "Spend-weighted score (matched rows)" : "Average score (matched rows; no spend column)";
  return `${label}: ${before === null ? "n/a" : before.toFixed(1)} → ${after === null ? "n/a" : after.toFixed(1)}${delta === null ? "" : ` (${signed(delta)})`}`;
}

function movedLine(file: string, on: string, summary: ImpactSummary): string {
  const extras = [
    summary.newErrors > 0 ? plural(summary.newErrors, "new error") : null,
    summary.errorsCleared > 0 ? `${plural(summary.errorsCleared, "error")} cleared` : null,
    summary.newlyUnmatched > 0 ? `${summary.newlyUnmatched} newly unmatched` : null,
    summary.newlyMatched > 0 ? `${summary.newlyMatched} newly matched` : null,
  ].filter((part) => part !== null);
  return `Rows of ${shown(file)} ${on}: ${summary.moved} of ${summary.rows} moved (${summary.up} up, ${summary.down} down${extras.length ? `; ${extras.join(", ")}` : ""})`;
}

function shownRows<T>(rows: readonly T[]): { rows: readonly T[]; more: string | null } {
  if (rows.length <= ROWS_SHOWN) return { rows, more: null };
  return { rows: rows.slice(0, ROWS_SHOWN), more: `… and ${rows.length - ROWS_SHOWN} more rows (--format csv or json lists them all)` };
}

export function diffTable(report: DiffReport): string {
  const { diff, suppliers } = report;
  const out: string[] = [
    edition("Old:", { ...diff.rules.old, source: report.sources.old }),
    edition("New:", { ...diff.rules.new, source: report.sources.new }),
    "",
  ];
  if (diff.edition.length > 0) out.push("Edition", ...foldFieldChanges(diff.edition).map((change) => `  ${describeField(change)}`), "");

  const { added, removed, changed } = diff.controls;
  out.push(`Controls: ${added.length} added, ${removed.length} removed, ${changed.length} changed`);
  for (const c of added) out.push(`  + ${shown(c.id)}  ${shown(c.title)} [${c.category}${c.citation ? `, ${shown(c.citation)}` : ""}]: ${shown(c.timeline)}`);
  for (const c of removed) out.push(`  - ${shown(c.id)}  ${shown(c.title)} [${c.category}${c.citation ? `, ${shown(c.citation)}` : ""}]: ${shown(c.timeline)}`);
  for (const c of changed) out.push(`  ~ ${shown(c.id)}  ${shown(c.name)}`, ...foldFieldChanges(c.fields).map((change) => `      ${describeField(change)}`));
  out.push("");

  const items = diff.items;
  out.push(`Items: ${items.added.length} added, ${items.removed.length} removed, ${items.changed.length} changed`);
  for (const i of items.added) out.push(`  + ${shown(i.id)}  ${shown(i.name)}`);
  for (const i of items.removed) out.push(`  - ${shown(i.id)}  ${shown(i.name)}`);
  for (const i of items.changed) out.push(`  ~ ${shown(i.id)}  ${shown(i.name)}`, ...foldFieldChanges(i.fields).map((change) => `      ${describeField(change)}`));
  out.push("");

  for (const section of diff.sections) {
    out.push(`Section "${shown(section.name)}": ${section.added.length} added, ${section.removed.length} removed, ${section.changed.length} changed`);
    for (const e of section.added) out.push(`  + ${shown(e.id)}  ${shown(e.label)}`);
    for (const e of section.removed) out.push(`  - ${shown(e.id)}  ${shown(e.label)}`);
    for (const e of section.changed) out.push(`  ~ ${shown(e.id)}  ${shown(e.name)}`, ...foldFieldChanges(e.fields).map((change) => `      ${describeField(change)}`));
    out.push("");
  }

  const owner = diff.ownerChanges;
  const count = owner.entries.length;
  out.push(`The rules' own list of changes: ${count === 0 ? "no new entries" : `${count} new ${count === 1 ? "entry" : "entries"}`}`);
  for (const entry of owner.entries) {
    const ids = [...entry.controls, ...entry.items].map(shown).join(", ");
    out.push(`  ${entry.date}  ${ids}`, `              ${shown(entry.summary)}`);
  }
  const ids = (lists: { controls: string[]; items: string[] }) =>
    [lists.controls.length ? `controls ${lists.controls.map(shown).join(", ")}` : null, lists.items.length ? `items ${lists.items.map(shown).join(", ")}` : null]
      .filter((part) => part !== null)
      .join("; ");
  if (owner.agree) out.push("  The list matches the changes found in the documents.");
  else {
    if (owner.notListed.controls.length + owner.notListed.items.length > 0) out.push(`  ! Changed but not in the list: ${ids(owner.notListed)}`);
    if (owner.listedUnchanged.controls.length + owner.listedUnchanged.items.length > 0) out.push(`  ! In the list but unchanged: ${ids(owner.listedUnchanged)}`);
  }

  if (suppliers !== null) {
    const summary = suppliers.impact.summary;
    out.push("", movedLine(suppliers.file, `scored on ${report.asOf} with each edition`, summary), weightedLine(summary));
    const { rows, more } = shownRows(suppliers.impact.rows);
    if (rows.length > 0) {
      out.push("", aligned(rowColumns<RowMove>(suppliers.list, (move) => move.controls.map(shiftText).join(", ")), rows));
      if (more) out.push(more);
    }
  }
  return `${out.join("\n")}\n`;
}

function rowColumns<T extends Pick<RowMove, "index" | "before" | "after" | "delta">>(list: SupplierList, why: (move: T) => string): Column<T>[] {
  return [
    { title: "Row", align: "right", cell: (move) => String(list.sheetRows[move.index]) },
    { title: "Supplier", align: "left", cell: (move) => list.rows[move.index]?.supplier ?? "" },
    { title: "Commodity", align: "left", cell: (move) => list.commodities[move.index] ?? "" },
    { title: "Before", align: "right", cell: (move) => score(move.before.score) },
    { title: "After", align: "right", cell: (move) => score(move.after.score) },
    { title: "Change", align: "right", cell: (move) => signed(move.delta) },
    { title: "Why", align: "left", cell: why },
  ];
}

const TRANSITION_COLUMNS: readonly Column<Transition>[] = [
  { title: "Date", align: "left", cell: (t) => t.date },
  { title: "Control", align: "left", cell: (t) => t.controlId },
  { title: "From", align: "left", cell: (t) => (t.fromStatus === null ? "none" : STATUS_WORDS[t.fromStatus]) },
  { title: "To", align: "left", cell: (t) => `${STATUS_WORDS[t.toStatus]}${t.unconfirmed ? " (unconfirmed)" : t.assumed ? " (assumed)" : ""}` },
  { title: "Title", align: "left", cell: (t) => t.title },
];

export function upcomingTable(report: UpcomingReport): string {
  const { horizon, suppliers } = report;
  const out: string[] = [
    `Coming up from ${horizon.from} to ${horizon.to} (${plural(report.days, "day")}), rules ${shown(report.rules.version)} (${shown(report.rules.source)}): ${plural(horizon.transitions.length, "change")}`,
  ];
  if (horizon.transitions.length > 0) {
    out.push("", aligned(TRANSITION_COLUMNS, horizon.transitions));
    const notes = [
      horizon.transitions.some((t) => t.unconfirmed) ? "(unconfirmed) the rules mark the new status unconfirmed; --format json gives each note." : null,
      horizon.transitions.some((t) => t.assumed)
        ? "(assumed) the rules say nothing after the suspension's last day, so the control counts as in force again, with a review_needed warning until the rule owner confirms."
        : null,
    ].filter((note) => note !== null);
    if (notes.length > 0) out.push("", ...notes);
  }
  if (suppliers !== null) {
    const summary = suppliers.impact.summary;
    out.push("", movedLine(suppliers.file, `from ${horizon.from} to ${horizon.to}`, summary), weightedLine(summary));
    const { rows, more } = shownRows(suppliers.impact.rows);
    if (rows.length > 0) {
      const why = (move: DateImpact["rows"][number]) => move.steps.map((step) => `${step.date} ${step.controls.map((c) => c.controlId).join(", ")}`).join("; ");
      out.push("", aligned(rowColumns(suppliers.list, why), rows));
      if (more) out.push(more);
    }
  }
  return `${out.join("\n")}\n`;
}
