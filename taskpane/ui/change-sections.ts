/**
 * The "What changed" and "Coming up" sections: render the engine's RulesDiff, ChangeImpact, Horizon and
 * DateImpact as they are, adding only labels, order and layout. Every text from a rules file or the sheet
 * becomes a text node (./dom.ts); every row can be selected in the sheet.
 */
import {
  STATUS_WORDS,
  describeShift,
  foldFieldChanges,
  type ChangeImpact,
  type DateImpact,
  type FieldChange,
  type Horizon,
  type ImpactSummary,
  type RulesDiff,
  type Transition,
} from "../../src/engine";
import { formatCount, formatScore, h } from "./dom";

/** Rows shown per direction; the report sheet lists them all. */
export const MOVERS_SHOWN = 5;
/** Transitions shown in the pane; the report sheet lists them all. */
export const TRANSITIONS_SHOWN = 15;

/** What the pane knows about a row of the supplier table, by its position in the analysis. */
export interface RowLabel {
  supplier: string | null;
  commodity: string;
  itemName: string | null;
}

/**
 * Where the rows' part of a section stands: worked out, not possible without a table, or waiting for the
 * user to ask (a very long list, where working it out would hold the pane for seconds).
 */
export type RowsPart<Impact> =
  | { kind: "ready"; impact: Impact; asOf: string }
  | { kind: "no_table" }
  | { kind: "on_request"; rows: number };

export interface SectionHandlers {
  onSelectRow(index: number): void;
  onWorkOutRows(): void;
}

const signed = (delta: number | null) => (delta === null ? "" : `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${Math.abs(delta).toFixed(1)}`);

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

function weightedText(summary: ImpactSummary): string {
  const { before, after, delta } = summary.spendWeighted;
  const label = summary.weighting === "spend" ? "Spend-weighted exposure" : "Average exposure";
  return `${label} ${formatScore(before)} → ${formatScore(after)}${delta === null ? "" : ` (${signed(delta)})`}.`;
}

function moversList(
  id: string,
  heading: string,
  moves: readonly { index: number; before: { score: number | null }; after: { score: number | null }; delta: number | null }[],
  labelOf: (index: number) => RowLabel,
  why: (index: number) => string,
  handlers: SectionHandlers,
): HTMLElement | null {
  if (moves.length === 0) return null;
  return h(
    "div",
    {},
    h("h4", { className: "cp-subheading" }, heading),
    h(
      "ol",
      { className: "cp-top", id },
      ...moves.map((move) => {
        const label = labelOf(move.index);
        const button = h(
          "button",
          { type: "button", className: "cp-top-row", "data-index": move.index },
          h(
            "span",
            { className: "cp-top-main" },
            h("span", { className: "cp-top-supplier" }, label.supplier ?? "(no supplier name)"),
            h("span", { className: "cp-visually-hidden" }, ", "),
            h("span", { className: "cp-top-item" }, label.itemName ?? label.commodity),
          ),
          h("span", { className: "cp-visually-hidden" }, ", exposure "),
          h("span", { className: "cp-score cp-move" }, `${formatScore(move.before.score)} → ${formatScore(move.after.score)} `, h("span", { className: "cp-delta" }, signed(move.delta))),
          h("span", { className: "cp-visually-hidden" }, ", because of "),
          h("span", { className: "cp-top-driver" }, why(move.index)),
        );
        button.addEventListener("click", () => handlers.onSelectRow(move.index));
        return h("li", {}, button);
      }),
    ),
  );
}

function topMovers<T extends { delta: number | null }>(moves: readonly T[]): { up: T[]; down: T[] } {
  const up = moves.filter((m) => (m.delta ?? 0) > 0).sort((a, b) => b.delta! - a.delta!);
  const down = moves.filter((m) => (m.delta ?? 0) < 0).sort((a, b) => a.delta! - b.delta!);
  return { up: up.slice(0, MOVERS_SHOWN), down: down.slice(0, MOVERS_SHOWN) };
}

function rowsPending(part: Exclude<RowsPart<unknown>, { kind: "ready" }>, handlers: SectionHandlers, idPrefix: string): HTMLElement {
  if (part.kind === "no_table") return h("p", { className: "cp-help", id: `${idPrefix}-rows-summary` }, "Analyse your supplier list to see which rows move.");
  const button = h("button", { type: "button", className: "cp-button", id: `${idPrefix}-work-out` }, "Work out which rows move");
  button.addEventListener("click", () => handlers.onWorkOutRows());
  return h(
    "div",
    {},
    h("p", { className: "cp-help", id: `${idPrefix}-rows-summary` }, `Your list has ${formatCount(part.rows)} rows; working out which move takes a moment.`),
    button,
  );
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

// ---------------------------------------------------------------- What changed

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

// ---------------------------------------------------------------- Coming up

function flagOf(transition: Transition): HTMLElement | null {
  if (transition.unconfirmed) return h("span", { className: "cp-badge cp-flag", title: transition.note ?? "" }, "unconfirmed");
  if (transition.assumed) return h("span", { className: "cp-badge cp-flag", title: "The rules say nothing after the end date; counted as in force until the rule owner confirms." }, "assumed");
  return null;
}

function transitionItem(transition: Transition): HTMLElement {
  const from = transition.fromStatus === null ? "not yet in force" : STATUS_WORDS[transition.fromStatus];
  return h(
    "li",
    { "data-control": transition.controlId },
    h("span", { className: "cp-change-date" }, transition.date),
    " ",
    h("span", { className: "cp-change-title" }, transition.title),
    h("span", { className: "cp-muted" }, ` (${transition.controlId})`),
    h("br"),
    h("span", { className: "cp-change-status" }, `${from} → ${STATUS_WORDS[transition.toStatus]}`),
    flagOf(transition),
    transition.unconfirmed && transition.note ? h("span", { className: "cp-help cp-block" }, transition.note) : null,
  );
}

export function renderUpcoming(horizon: Horizon, days: number, rows: RowsPart<DateImpact>, labelOf: (index: number) => RowLabel, handlers: SectionHandlers): HTMLElement[] {
  const transitions = horizon.transitions;
  const parts: (HTMLElement | null)[] = [
    h(
      "p",
      { id: "upcoming-summary" },
      transitions.length === 0
        ? `No control changes status in the ${days} days after ${horizon.from} (to ${horizon.to}).`
        : `${formatCount(transitions.length)} status change${transitions.length === 1 ? "" : "s"} in the ${days} days after ${horizon.from} (to ${horizon.to}).`,
    ),
    transitions.length > 0 ? h("ol", { className: "cp-change-list", id: "upcoming-transitions" }, ...transitions.slice(0, TRANSITIONS_SHOWN).map(transitionItem)) : null,
    transitions.length > TRANSITIONS_SHOWN ? h("p", { className: "cp-help" }, `… and ${formatCount(transitions.length - TRANSITIONS_SHOWN)} more: write them to a sheet to see all.`) : null,
  ];
  const rowsSection: (HTMLElement | null)[] = [h("h3", { id: "upcoming-rows-heading" }, "Your list")];
  if (rows.kind !== "ready") rowsSection.push(rowsPending(rows, handlers, "upcoming"));
  else {
    const { summary } = rows.impact;
    const movers = topMovers(rows.impact.rows);
    const why = new Map(rows.impact.rows.map((move) => [move.index, move.steps.map((step) => `${step.date}: ${step.controls.map((c) => c.title).join("; ")}`).join(" · ")]));
    rowsSection.push(
      h(
        "p",
        { id: "upcoming-rows-summary" },
        summary.moved === 0
          ? `None of your ${formatCount(summary.rows)} rows moves on these days.`
          : `${formatCount(summary.moved)} of your ${formatCount(summary.rows)} rows will move: ${formatCount(summary.up)} up, ${formatCount(summary.down)} down. ${weightedText(summary)}`,
      ),
      moversList("upcoming-up", "Rising most", movers.up, labelOf, (index) => why.get(index) ?? "", handlers),
      moversList("upcoming-down", "Falling most", movers.down, labelOf, (index) => why.get(index) ?? "", handlers),
    );
  }
  parts.push(h("section", { "aria-labelledby": "upcoming-rows-heading" }, ...rowsSection));
  return parts.filter((part): part is HTMLElement => part !== null);
}
