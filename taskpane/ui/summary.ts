/** The exposure summary: renders an engine Portfolio as it is, adding only labels and layout. */
import { formatFigureYear, formatShare } from "../../src/engine/alternatives";
import {
  type EngineErrorCode,
  type ItemAlternatives,
  type Portfolio,
  type PortfolioEntityRow,
  type PortfolioTopRow,
} from "../../src/engine";
import type { Item } from "../../src/rules/schema";
import { itemPicker, pickedItem } from "./aliases";
import { CATEGORY_LABELS, ENGINE_ERROR_LABELS } from "../messages";
import { renderCategoryChart } from "./category-chart";
import { formatCount, formatScore, h } from "./dom";

export interface SummaryHandlers {
  /** The user picked a top supplier: select its row in the sheet. */
  onSelectRow(index: number): void;
  /** Whether a supplier-name column is mapped, so names were screened against China's lists. */
  supplierNamesScreened?: boolean;
  /** The user assigned an unrecognised commodity to an item (null: not controlled). Absent: no assigning. */
  onAssign?(commodity: string, itemId: string | null): void;
  /** The items a commodity may be assigned to. */
  items?: readonly Pick<Item, "id" | "name">[];
}

function band(score: number | null): string {
  if (score === null) return "none";
  if (score >= 60) return "high";
  if (score >= 30) return "medium";
  return "low";
}

const BAND_TEXT: Record<string, string> = { high: "High", medium: "Medium", low: "Low", none: "Not available" };

function headline(portfolio: Portfolio): HTMLElement {
  const score = portfolio.spendWeightedScore;
  const label = portfolio.weighting === "spend" ? "Spend-weighted exposure" : "Average exposure (no spend column)";
  const level = band(score);
  const note =
    portfolio.weighting === "spend" && portfolio.rowsWithoutSpend > 0
      ? portfolio.rowsWithoutSpend === 1
        ? "1 row without spend is left out of the weighting."
        : `${formatCount(portfolio.rowsWithoutSpend)} rows without spend are left out of the weighting.`
      : null;
  return h(
    "div",
    { className: `cp-headline cp-band-${level}` },
    h("p", { className: "cp-headline-label", id: "overall-label" }, label),
    h(
      "p",
      { className: "cp-headline-value" },
      h("span", { id: "overall-score", "aria-describedby": "overall-label" }, formatScore(score)),
      h("span", { className: "cp-headline-scale" }, " / 100"),
      h("span", { className: "cp-badge" }, BAND_TEXT[level]),
    ),
    note && h("p", { className: "cp-help" }, note),
  );
}

function counts(portfolio: Portfolio): HTMLElement {
  const entry = (id: string, label: string, value: number, tone: string) =>
    h("div", { className: `cp-count cp-tone-${value > 0 ? tone : "neutral"}` }, h("dt", {}, label), h("dd", { id }, formatCount(value)));
  const c = portfolio.counts;
  return h(
    "dl",
    { className: "cp-counts" },
    entry("count-scored", "Scored", c.scored, "neutral"),
    entry("count-unmatched", "Unmatched", c.unmatched, "warning"),
    entry("count-errors", "In error", c.errors, "danger"),
    entry("count-review", "To review", c.reviewNeeded, "warning"),
    entry("count-unconfirmed", "Unconfirmed status", c.unconfirmed, "warning"),
    entry("count-grade", "Grade to check", c.gradeDependent, "warning"),
  );
}

function topSuppliers(rows: PortfolioTopRow[], handlers: SummaryHandlers): HTMLElement {
  if (rows.length === 0) return h("p", { className: "cp-muted" }, "No supplier has any exposure on this date.");
  return h(
    "ol",
    { className: "cp-top", id: "top-suppliers" },
    ...rows.map((row) => {
      const who = row.supplier ?? "(no supplier name)";
      const what = row.itemName ?? row.commodity;
      const driver = row.leadingControl
        ? `${CATEGORY_LABELS[row.leadingControl.category]}: ${row.leadingControl.title}`
        : "No single control dominates";
      const button = h(
        "button",
        {
          type: "button",
          className: "cp-top-row",
          "data-index": row.index,
        },
        h(
          "span",
          { className: "cp-top-main" },
          h("span", { className: "cp-top-supplier" }, who),
          h("span", { className: "cp-visually-hidden" }, ", "),
          h("span", { className: "cp-top-item" }, what),
        ),
        h("span", { className: "cp-visually-hidden" }, ", exposure "),
        h("span", { className: `cp-score cp-band-${band(row.score)}` }, formatScore(row.score)),
        h("span", { className: "cp-visually-hidden" }, ", driven by "),
        h("span", { className: "cp-top-driver" }, driver),
      );
      button.addEventListener("click", () => handlers.onSelectRow(row.index));
      return h("li", {}, button);
    }),
  );
}

function entityButton(row: PortfolioEntityRow, handlers: SummaryHandlers): HTMLElement {
  const standing = `${row.listStatus} since ${row.since}${row.unconfirmed ? " (unconfirmed)" : ""}`;
  const button = h(
    "button",
    { type: "button", className: "cp-top-row cp-entity-row", "data-index": row.index },
    h(
      "span",
      { className: "cp-top-main" },
      h("span", { className: "cp-top-supplier" }, row.supplier ?? "(no supplier name)"),
      h("span", { className: "cp-visually-hidden" }, ", matches "),
      h("span", { className: "cp-entity-name" }, row.name),
    ),
    h("span", { className: "cp-visually-hidden" }, ", on the "),
    h("span", { className: "cp-entity-list" }, `${row.listLabel} · ${row.actionId} · ${standing}`),
  );
  button.addEventListener("click", () => handlers.onSelectRow(row.index));
  return h("li", {}, button);
}

/**
 * Suppliers whose names match China's entity lists: clear matches (counted in the score) and possible ones (for
 * the user to check; never counted), each a button that selects the supplier's row.
 */
function entities(portfolio: Portfolio, handlers: SummaryHandlers): HTMLElement | null {
  const { listed, possible, rows } = portfolio.entities;
  const heading = h("h3", { id: "lists-heading" }, "Suppliers on China's lists");
  if (!handlers.supplierNamesScreened) {
    return h("section", { "aria-labelledby": "lists-heading", id: "entity-section" }, heading, h("p", { className: "cp-muted" }, "Map a supplier-name column under “Columns” to screen supplier names against China's entity lists."));
  }
  if (listed + possible === 0) {
    return h("section", { "aria-labelledby": "lists-heading", id: "entity-section" }, heading, h("p", { className: "cp-muted", id: "entity-none" }, "No supplier name matches China's entity lists on this date."));
  }
  const shownListed = rows.filter((row) => row.status === "listed");
  const shownPossible = rows.filter((row) => row.status === "possible");
  return h(
    "section",
    { "aria-labelledby": "lists-heading", id: "entity-section" },
    heading,
    h(
      "p",
      { className: "cp-help" },
      "Matches count in the score: a supplier on the export control list cannot obtain Chinese dual-use items. Possible matches are for you to check; they never change a score. Select one to go to its row.",
    ),
    h("p", { className: "cp-entity-counts" }, h("span", { id: "entity-listed-count" }, formatCount(listed)), " listed · ", h("span", { id: "entity-possible-count" }, formatCount(possible)), " possible"),
    shownListed.length > 0 && h("h4", { id: "listed-heading" }, "Listed"),
    shownListed.length > 0 && h("ol", { className: "cp-top", id: "listed-suppliers", "aria-labelledby": "listed-heading" }, ...shownListed.map((row) => entityButton(row, handlers))),
    shownPossible.length > 0 && h("h4", { id: "possible-heading" }, "Possible matches — check"),
    shownPossible.length > 0 && h("ol", { className: "cp-top", id: "possible-suppliers", "aria-labelledby": "possible-heading" }, ...shownPossible.map((row) => entityButton(row, handlers))),
  );
}

/** Producers outside China shown per item in the summary; the report sheet and ALTERNATIVES list them all. */
const TOP_ALTERNATIVES_SHOWN = 3;

/**
 * One line under an item: the stage where supply is most China-concentrated (its binding stage), the share of
 * world output made outside China there, and the largest producers outside China.
 */
function alternativesLine(itemName: string, found: ItemAlternatives | undefined): HTMLElement {
  const answer = found?.answer ?? null;
  const label = h("span", { className: "cp-visually-hidden" }, `Where else ${itemName} is produced: `);
  if (answer === null) return h("p", { className: "cp-alt cp-muted" }, label, "No producer figures in the rules.");
  const { supply } = answer;
  const rated = answer.concentration ?? supply;
  const of = answer.path.length > 1 ? ` of ${supply.itemName}` : "";
  const capacity = rated.basis === "capacity" ? " capacity" : "";
  const stage = h(
    "span",
    { className: "cp-alt-stage" },
    `${found?.binding ? "Binds at" : "Figure for"} ${rated.stage}${capacity}${of} (${formatFigureYear(rated)})`,
  );
  const outside = rated.outsideChina
    ? h("span", { className: "cp-alt-outside" }, `outside China ${formatShare(rated.outsideChina.share, rated.outsideChina.qualifier)}`)
    : h("span", { className: "cp-alt-outside" }, "China's share not given");
  const top = supply.producers.filter((producer) => producer.share !== null).slice(0, TOP_ALTERNATIVES_SHOWN);
  const otherYear = rated === supply ? "" : ` (${formatFigureYear(supply)})`;
  const producers =
    top.length > 0
      ? h("span", { className: "cp-alt-top" }, `${top.map((producer) => `${producer.countryName} ${formatShare(producer.share!, producer.qualifier)}`).join(", ")}${otherYear}`)
      : h("span", { className: "cp-alt-top cp-alt-none" }, "no country breakdown");
  return h("p", { className: "cp-alt" }, label, stage, " · ", outside, " · ", producers);
}

function byItem(portfolio: Portfolio, alternatives?: ReadonlyMap<string, ItemAlternatives>): HTMLElement {
  const items = portfolio.byItem.filter((item) => item.maxScore > 0);
  if (items.length === 0) return h("p", { className: "cp-muted" }, "No controlled item in this list.");
  const weightLabel = portfolio.weighting === "spend" ? "Spend" : "Rows";
  return h(
    "div",
    { className: "cp-table-wrap" },
    h(
      "table",
      { className: "cp-table", id: "by-item" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Item"),
          h("th", { scope: "col", className: "cp-num" }, weightLabel),
          h("th", { scope: "col", className: "cp-num" }, "Mean"),
          h("th", { scope: "col", className: "cp-num" }, "Max"),
        ),
      ),
      h(
        "tbody",
        {},
        ...items.flatMap((item) => [
          h(
            "tr",
            {},
            h("th", { scope: "row" }, item.itemName),
            h("td", { className: "cp-num" }, portfolio.weighting === "spend" ? compactNumber(item.weight) : formatCount(item.rows)),
            h("td", { className: "cp-num" }, formatScore(item.meanScore)),
            h("td", { className: "cp-num" }, formatScore(item.maxScore)),
          ),
          ...(alternatives
            ? [h("tr", { className: "cp-alt-row", "data-item-id": item.itemId }, h("td", { colspan: 4 }, alternativesLine(item.itemName, alternatives.get(item.itemId))))]
            : []),
        ]),
      ),
    ),
  );
}

function compactNumber(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** At most this many unrecognised commodities get their own assign controls; the rest are listed. */
const ASSIGNABLE_SHOWN = 25;

function unmatched(portfolio: Portfolio, handlers: SummaryHandlers): HTMLElement | null {
  if (portfolio.unmatchedCommodities.length === 0) return null;
  const assign = handlers.onAssign;
  const items = handlers.items ?? [];
  return h(
    "section",
    { "aria-labelledby": "unmatched-heading" },
    h("h3", { id: "unmatched-heading" }, "Commodities not recognised"),
    h(
      "p",
      { className: "cp-help" },
      "These rows were checked only against controls that apply to any item. Take a suggestion or assign each to an item (or mark it not controlled): the assignment is saved in this workbook as your own alias and applies to the formulas, this summary and the report.",
    ),
    h(
      "ul",
      { className: "cp-unmatched", id: "unmatched-list" },
      ...portfolio.unmatchedCommodities.map((entry, index) => {
        const assignable = assign !== undefined && index < ASSIGNABLE_SHOWN;
        const suggestions = assignable
          ? entry.suggestions.map((suggestion) => {
              const button = h(
                "button",
                { type: "button", className: "cp-button cp-small cp-suggestion", title: suggestion.why, "aria-label": `Assign “${entry.text}” to ${suggestion.itemName}` },
                suggestion.itemName,
              );
              button.addEventListener("click", () => assign(entry.text, suggestion.itemId));
              return button;
            })
          : [];
        let picker: HTMLSelectElement | null = null;
        if (assignable) {
          picker = itemPicker(`assign-${index}`, `Assign “${entry.text}” to an item`, items, undefined);
          const chosen = picker;
          chosen.addEventListener("change", () => {
            const item = pickedItem(chosen);
            if (item !== undefined) assign(entry.text, item);
          });
        }
        return h(
          "li",
          { className: "cp-unmatched-entry" },
          h("span", { className: "cp-chip-text" }, entry.text),
          h("span", { className: "cp-chip-count" }, `× ${formatCount(entry.rows)}`),
          h("p", { className: "cp-help cp-unmatched-why" }, entry.why),
          suggestions.length > 0 ? h("div", { className: "cp-suggestions" }, h("span", { className: "cp-muted" }, "Perhaps: "), ...suggestions) : null,
          picker,
        );
      }),
    ),
  );
}

function errors(portfolio: Portfolio): HTMLElement | null {
  const codes = Object.entries(portfolio.errorsByCode) as [EngineErrorCode, number][];
  if (codes.length === 0) return null;
  return h(
    "section",
    { "aria-labelledby": "errors-heading" },
    h("h3", { id: "errors-heading" }, "Rows that could not be scored"),
    h("ul", { className: "cp-list" }, ...codes.map(([code, count]) => h("li", {}, `${ENGINE_ERROR_LABELS[code]}: ${formatCount(count)}`))),
  );
}

export function renderSummary(portfolio: Portfolio, handlers: SummaryHandlers, alternatives?: ReadonlyMap<string, ItemAlternatives>): HTMLElement[] {
  const parts: (HTMLElement | null)[] = [
    headline(portfolio),
    counts(portfolio),
    portfolio.categories && h("section", { "aria-labelledby": "categories-heading" }, h("h3", { id: "categories-heading" }, "By category"), renderCategoryChart(portfolio.categories)),
    h(
      "section",
      { "aria-labelledby": "top-heading" },
      h("h3", { id: "top-heading" }, "Most exposed suppliers"),
      h("p", { className: "cp-help" }, "Each shows the control that drives its score. Select one to go to its row."),
      topSuppliers(portfolio.topRows, handlers),
    ),
    entities(portfolio, handlers),
    h(
      "section",
      { "aria-labelledby": "items-heading" },
      h("h3", { id: "items-heading" }, "By controlled item"),
      alternatives && h("p", { className: "cp-help" }, "Under each item: the stage where supply is most concentrated in China, the share made elsewhere, and the largest producers outside China."),
      byItem(portfolio, alternatives),
    ),
    unmatched(portfolio, handlers),
    errors(portfolio),
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}
