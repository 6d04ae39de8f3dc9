/**
 * The "What changed" section: renders the engine's RulesDiff and ChangeImpact as they are, adding only labels,
 * order and layout. Every text from a rules file or the sheet becomes a text node (./dom.ts); every row can be
 * selected in the sheet. Shown only after the rules are replaced, so it is part of the pane's "What changed"
 * part (../what-changed.ts), fetched then.
 */
import { type ChangeImpact, type FieldChange, type ImpactSummary, type RulesDiff } from "../../src/engine";
import { describeShift } from "../../src/engine/impact";
import { foldFieldChanges } from "../../src/engine/diff";
import { moversList, rowsPending, topMovers, weightedText, type RowLabel, type RowsPart, type SectionHandlers } from "./change-sections";
import { formatCount, h } from "./dom";

function fieldLine(change: FieldChange): HTMLElement {
  const body =
    change.before === null
      ? `added ${change.after}`
      : change.after === null
        ? `removed ${change.before}`
        : `${change.before} → ${change.after}`;
  return h("li", {}, h("span", { className: "cp-change-field" }, `${change.field}: `), body);
}

function count(id: string, label: string, value: number): HTMLElement {
  return h("div", { className: `cp-count cp-tone-${value > 0 ? "warning" : "neutral"}` }, h("dt", {}, label), h("dd", { id }, formatCount(value)));
}

function extrasText(summary: ImpactSummary): string {
  const parts = [
    summary.newErrors > 0 ? `${formatCount(summary.newErrors)} newly in error` : null,
    summary.errorsCleared > 0 ? `${formatCount(summary.errorsCleared)} no longer in error` : null,
    summary.newlyUnmatched > 0 ? `${formatCount(summary.newlyUnmatched)} no longer recognised` : null,
    summary.newlyMatched > 0 ? `${formatCount(summary.newlyMatched)} newly recognised` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? ` ${parts.join(", ")}.` : "";
}

function entryList(id: string, heading: string, entries: { id: string; title: string; fields: FieldChange[] | null; mark: string }[]): HTMLElement | null {
  if (entries.length === 0) return null;
  return h(
    "details",
    { className: "cp-details", id },
    h("summary", {}, heading),
    h(
      "ul",
      { className: "cp-change-list" },
      ...entries.map((entry) =>
        h(
          "li",
          {},
          h("span", { className: "cp-change-mark" }, entry.mark),
          h("span", { className: "cp-change-title" }, entry.title),
          h("span", { className: "cp-muted" }, ` (${entry.id})`),
          entry.fields && entry.fields.length > 0 ? h("ul", { className: "cp-list" }, ...foldFieldChanges(entry.fields).map(fieldLine)) : null,
        ),
      ),
    ),
  );
}

function ownerList(diff: RulesDiff): HTMLElement {
  const owner = diff.ownerChanges;
  const ids = (lists: { controls: string[]; items: string[] }) => [...lists.controls, ...lists.items].join(", ");
  const flags: HTMLElement[] = [];
  if (owner.notListed.controls.length + owner.notListed.items.length > 0) {
    flags.push(h("li", {}, `Changed, but not in the list: ${ids(owner.notListed)}`));
  }
  if (owner.listedUnchanged.controls.length + owner.listedUnchanged.items.length > 0) {
    flags.push(h("li", {}, `In the list, but unchanged: ${ids(owner.listedUnchanged)}`));
  }
  return h(
    "section",
    { "aria-labelledby": "changes-owner-heading" },
    h("h3", { id: "changes-owner-heading" }, "The rule owner's list of changes"),
    owner.entries.length === 0
      ? h("p", { className: "cp-muted" }, "The new rules file lists no changes of its own.")
      : h("ul", { className: "cp-list", id: "changes-owner-entries" }, ...owner.entries.map((entry) => h("li", {}, h("strong", {}, entry.date), ` ${entry.summary}`))),
    flags.length > 0
      ? h(
          "div",
          { className: "cp-banner cp-banner-warning", id: "changes-owner-flags", role: "status" },
          h("p", { className: "cp-banner-title" }, "The list and the rules file disagree"),
          h("ul", { className: "cp-list" }, ...flags),
        )
      : owner.entries.length > 0
        ? h("p", { className: "cp-help", id: "changes-owner-flags" }, "The list matches what changed in the file.")
        : null,
  );
}

export function renderChanges(diff: RulesDiff, rows: RowsPart<ChangeImpact>, labelOf: (index: number) => RowLabel, handlers: SectionHandlers): HTMLElement[] {
  const { old, new: next } = diff.rules;
  const controls = diff.controls;
  const items = diff.items;
  const controlEntries = [
    ...controls.added.map((c) => ({ id: c.id, title: c.title, fields: [{ field: "status timeline", before: null, after: c.timeline }], mark: "New: " })),
    ...controls.removed.map((c) => ({ id: c.id, title: c.title, fields: null, mark: "Removed: " })),
    ...controls.changed.map((c) => ({ id: c.id, title: c.name, fields: c.fields, mark: "" })),
  ];
  const itemEntries = [
    ...items.added.map((i) => ({ id: i.id, title: i.name, fields: null, mark: "New: " })),
    ...items.removed.map((i) => ({ id: i.id, title: i.name, fields: null, mark: "Removed: " })),
    ...items.changed.map((i) => ({ id: i.id, title: i.name, fields: i.fields, mark: "" })),
    ...diff.sections.flatMap((section) => [
      ...section.added.map((e) => ({ id: e.id, title: `${e.label} (${section.name})`, fields: null, mark: "New: " })),
      ...section.removed.map((e) => ({ id: e.id, title: `${e.label} (${section.name})`, fields: null, mark: "Removed: " })),
      ...section.changed.map((e) => ({ id: e.id, title: `${e.name} (${section.name})`, fields: e.fields, mark: "" })),
    ]),
  ];
  const parts: (HTMLElement | null)[] = [
    h("p", { id: "changes-headline" }, `The rules changed from ${old.version} to ${next.version} (published ${next.publishedAt}, reviewed ${next.reviewedAt}).`),
    h(
      "dl",
      { className: "cp-counts", id: "changes-counts" },
      count("changes-controls-added", "Controls new", controls.added.length),
      count("changes-controls-removed", "Removed", controls.removed.length),
      count("changes-controls-changed", "Changed", controls.changed.length),
      count("changes-items-changed", "Items", items.added.length + items.removed.length + items.changed.length),
    ),
    entryList("changes-controls", `Controls (${formatCount(controlEntries.length)})`, controlEntries),
    entryList("changes-items", `Items and other entries (${formatCount(itemEntries.length)})`, itemEntries),
    diff.edition.length > 0
      ? h("details", { className: "cp-details", id: "changes-edition" }, h("summary", {}, "Edition and weights"), h("ul", { className: "cp-list" }, ...foldFieldChanges(diff.edition).map(fieldLine)))
      : null,
    ownerList(diff),
  ];

  const rowsSection: (HTMLElement | null)[] = [h("h3", { id: "changes-rows-heading" }, "Your list")];
  if (rows.kind !== "ready") rowsSection.push(rowsPending(rows, handlers, "changes"));
  else {
    const { summary } = rows.impact;
    const movers = topMovers(rows.impact.rows);
    const why = new Map(rows.impact.rows.map((move) => [move.index, move.controls.map((c) => describeShift(c, c.title)).join("; ") || "another change to the rules"]));
    rowsSection.push(
      h(
        "p",
        { id: "changes-rows-summary" },
        `Scored on ${rows.asOf} with each edition: ${formatCount(summary.up)} rows up, ${formatCount(summary.down)} down, of ${formatCount(summary.rows)}.${extrasText(summary)} ${weightedText(summary)}`,
      ),
      moversList("changes-up", "Moved up most", movers.up, labelOf, (index) => why.get(index) ?? "", handlers),
      moversList("changes-down", "Moved down most", movers.down, labelOf, (index) => why.get(index) ?? "", handlers),
    );
  }
  parts.push(h("section", { "aria-labelledby": "changes-rows-heading" }, ...rowsSection));
  return parts.filter((part): part is HTMLElement => part !== null);
}
