/**
 * The "Coming up" section, and the parts it shares with "What changed" (./what-changed-section.ts): render the
 * engine's Horizon and DateImpact as they are, adding only labels, order and layout. Every text from a rules file or the sheet
 * becomes a text node (./dom.ts); every row can be selected in the sheet.
 */
import { STATUS_WORDS, type DateImpact, type Horizon, type ImpactSummary, type Transition } from "../../src/engine";
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

export function weightedText(summary: ImpactSummary): string {
  const { before, after, delta } = summary.spendWeighted;
  const label = summary.weighting === "spend" ? "Spend-weighted exposure" : "Average exposure";
  return `${label} ${formatScore(before)} → ${formatScore(after)}${delta === null ? "" : ` (${signed(delta)})`}.`;
}

export function moversList(
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

export function topMovers<T extends { delta: number | null }>(moves: readonly T[]): { up: T[]; down: T[] } {
  const up = moves.filter((m) => (m.delta ?? 0) > 0).sort((a, b) => b.delta! - a.delta!);
  const down = moves.filter((m) => (m.delta ?? 0) < 0).sort((a, b) => a.delta! - b.delta!);
  return { up: up.slice(0, MOVERS_SHOWN), down: down.slice(0, MOVERS_SHOWN) };
}

export function rowsPending(part: Exclude<RowsPart<unknown>, { kind: "ready" }>, handlers: SectionHandlers, idPrefix: string): HTMLElement {
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
