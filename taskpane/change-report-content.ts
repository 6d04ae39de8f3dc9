/**
 * The report sheets of "What changed" and "Coming up", built only from the engine's diff, horizon and
 * impacts (the pane never recomputes a score). Each is written to a new sheet by ./excel/sheet-report.ts.
 */
import { STATUS_WORDS, type ChangeImpact, type DateImpact, type Horizon, type ImpactSummary, type RulesDiff } from "../src/engine";
import { describeShift } from "../src/engine/impact";
import type { ReportCell } from "./excel/report";
import type { SheetReport, SheetTable } from "./excel/sheet-report";
import type { RowLabel } from "./ui/change-sections";

/** How the report names a row: the sheet row number Excel shows, and its label. */
export interface ReportRows {
  sheetRowOf(index: number): number;
  labelOf(index: number): RowLabel;
}

const orBlank = (value: string | number | null | undefined): ReportCell => (value === null || value === undefined ? "" : value);
const ROW_HEADER = ["Row", "Supplier", "Commodity", "Matched item"];

function rowCells(rows: ReportRows, index: number): ReportCell[] {
  const label = rows.labelOf(index);
  return [rows.sheetRowOf(index), label.supplier ?? "", label.commodity, label.itemName ?? ""];
}

function summaryFacts(summary: ImpactSummary): [string, ReportCell][] {
  return [
    ["Rows moved", summary.moved],
    ["Rows up", summary.up],
    ["Rows down", summary.down],
    ["Newly in error", summary.newErrors],
    ["Newly unrecognised", summary.newlyUnmatched],
    [summary.weighting === "spend" ? "Spend-weighted exposure before" : "Average exposure before", orBlank(summary.spendWeighted.before)],
    [summary.weighting === "spend" ? "Spend-weighted exposure after" : "Average exposure after", orBlank(summary.spendWeighted.after)],
  ];
}

export function buildChangesReport(diff: RulesDiff, impact: { impact: ChangeImpact; rows: ReportRows } | null, context: { tableLabel: string | null }): SheetReport {
  const controls: SheetTable = {
    heading: "Controls",
    header: ["Control", "Title", "Change", "Field", "Before", "After"],
    rows: [
      ...diff.controls.added.map((c) => [c.id, c.title, "new", "status timeline", "", c.timeline]),
      ...diff.controls.removed.map((c) => [c.id, c.title, "removed", "status timeline", c.timeline, ""]),
      ...diff.controls.changed.flatMap((c) => c.fields.map((f) => [c.id, c.name, "changed", f.field, orBlank(f.before), orBlank(f.after)])),
    ],
  };
  const items: SheetTable = {
    heading: "Items and other entries",
    header: ["Id", "Name", "Change", "Field", "Before", "After"],
    rows: [
      ...diff.items.added.map((i) => [i.id, i.name, "new", "", "", ""]),
      ...diff.items.removed.map((i) => [i.id, i.name, "removed", "", "", ""]),
      ...diff.items.changed.flatMap((i) => i.fields.map((f) => [i.id, i.name, "changed", f.field, orBlank(f.before), orBlank(f.after)])),
      ...diff.sections.flatMap((section) => [
        ...section.added.map((e) => [e.id, e.label, `new in ${section.name}`, "", "", ""]),
        ...section.removed.map((e) => [e.id, e.label, `removed from ${section.name}`, "", "", ""]),
        ...section.changed.flatMap((e) => e.fields.map((f) => [e.id, e.name, `changed in ${section.name}`, f.field, orBlank(f.before), orBlank(f.after)])),
      ]),
    ],
  };
  const owner = diff.ownerChanges;
  const ownerTable: SheetTable = {
    heading: "The rule owner's list of changes",
    header: ["Date", "Controls and items", "Summary", "Of these, unchanged"],
    rows: owner.entries.map((e) => [e.date, [...e.controls, ...e.items].join(", "), e.summary, [...e.unchanged.controls, ...e.unchanged.items].join(", ")]),
  };
  const tables = [controls, items, ownerTable];
  const facts: [string, ReportCell][] = [
    ["Old rules", `${diff.rules.old.version} (published ${diff.rules.old.publishedAt})`],
    ["New rules", `${diff.rules.new.version} (published ${diff.rules.new.publishedAt})`],
    ["Changed but not in the owner's list", [...owner.notListed.controls, ...owner.notListed.items].join(", ") || "none"],
    ["In the owner's list but unchanged", [...owner.listedUnchanged.controls, ...owner.listedUnchanged.items].join(", ") || "none"],
    ...diff.edition.map((f): [string, ReportCell] => [`Edition: ${f.field}`, `${f.before ?? "(none)"} → ${f.after ?? "(none)"}`]),
  ];
  if (impact !== null) {
    facts.push(["Supplier table", context.tableLabel ?? ""], ["Scored on", impact.impact.asOf], ...summaryFacts(impact.impact.summary));
    tables.push({
      heading: "Rows that moved",
      header: [...ROW_HEADER, "Before", "After", "Change", "Controls responsible"],
      scoreColumns: [4, 5, 6],
      rows: impact.impact.rows.map((move) => [
        ...rowCells(impact.rows, move.index),
        orBlank(move.before.score ?? move.before.error),
        orBlank(move.after.score ?? move.after.error),
        orBlank(move.delta),
        move.controls.map((c) => describeShift(c)).join("; "),
      ]),
    });
  }
  return { baseName: "Chokepoint changes", title: "What changed in the rules", facts, tables };
}

export function buildUpcomingReport(horizon: Horizon, impact: { impact: DateImpact; rows: ReportRows } | null, context: { tableLabel: string | null; rulesVersion: string }): SheetReport {
  const transitions: SheetTable = {
    heading: "Status changes",
    header: ["Date", "Control", "Title", "From", "To", "Confirmed?", "Note", "Source"],
    rows: horizon.transitions.map((t) => [
      t.date,
      t.controlId,
      t.title,
      t.fromStatus === null ? "not yet in force" : STATUS_WORDS[t.fromStatus],
      STATUS_WORDS[t.toStatus],
      t.unconfirmed ? "unconfirmed" : t.assumed ? "assumed (review needed)" : "yes",
      orBlank(t.note),
      t.sourceUrl,
    ]),
  };
  const facts: [string, ReportCell][] = [
    ["Rules", context.rulesVersion],
    ["From", horizon.from],
    ["To", horizon.to],
    ["Status changes", horizon.transitions.length],
  ];
  const tables = [transitions];
  if (impact !== null) {
    facts.push(["Supplier table", context.tableLabel ?? ""], ...summaryFacts(impact.impact.summary));
    tables.push({
      heading: "Rows that will move",
      header: [...ROW_HEADER, "Date", "Before", "After", "Change", "Controls responsible"],
      scoreColumns: [5, 6, 7],
      rows: impact.impact.rows.flatMap((move) =>
        move.steps.map((step) => [
          ...rowCells(impact.rows, move.index),
          step.date,
          orBlank(step.before),
          orBlank(step.after),
          orBlank(step.delta),
          step.controls.map((c) => describeShift(c)).join("; "),
        ]),
      ),
    });
  }
  return { baseName: "Chokepoint coming up", title: "Coming up in the rules", facts, tables };
}
