/** The rules panel: where the active rules came from, how fresh they are, and what needs attention. */
import { statusOn, type CompiledRules } from "../../src/engine";
import type { RulesSource, RulesStatus } from "../../src/runtime";
import { externalLink, h, replaceChildren } from "./dom";

const SOURCE_LABELS: Record<RulesSource, string> = {
  bundled: "Bundled with the add-in",
  cached: "Downloaded earlier (saved copy)",
  url: "Downloaded",
};

export interface ReviewedControl {
  controlId: string;
  title: string;
}

/** Controls whose dated status (e.g. a suspension) ran out after the rules were last reviewed, on `asOf`. */
export function controlsNeedingReview(rules: CompiledRules, asOf: string): ReviewedControl[] {
  const reviewedAt = rules.doc.reviewedAt;
  return [...rules.controlsById.values()]
    .filter((compiled) => statusOn(compiled.timeline, { asOf, reviewedAt })?.reviewNeeded)
    .map((compiled) => ({ controlId: compiled.control.id, title: compiled.control.title }));
}

export interface UnconfirmedControl {
  controlId: string;
  title: string;
  citation: string | null;
  /** The status it counts as, and since when. */
  status: string;
  since: string;
  /** The rule owner's note: what is not known, and as of when. */
  note: string | null;
}

/** Controls that count, on `asOf`, on a timeline entry the rules mark unconfirmed. */
export function controlsWithUnconfirmedStatus(rules: CompiledRules, asOf: string): UnconfirmedControl[] {
  const reviewedAt = rules.doc.reviewedAt;
  return [...rules.controlsById.values()].flatMap((compiled) => {
    const status = statusOn(compiled.timeline, { asOf, reviewedAt });
    if (!status?.unconfirmed) return [];
    const { control } = compiled;
    return [{ controlId: control.id, title: control.title, citation: control.citation ?? null, status: status.status.replace("_", " "), since: status.since, note: status.note }];
  });
}

function formatTimestamp(iso: string | null): string {
  if (!iso) return "never";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

function banner(kind: "error" | "warning", id: string, title: string, ...body: (HTMLElement | string)[]): HTMLElement {
  return h("div", { className: `cp-banner cp-banner-${kind}`, id, role: kind === "error" ? "alert" : "status" }, h("p", { className: "cp-banner-title" }, title), ...body);
}

/** What the panel's own buttons do; the pane's controller supplies them. */
export interface RulesPanelActions {
  onRecalculate(): void;
}

export function renderRulesPanel(
  banners: HTMLElement,
  facts: HTMLElement,
  status: RulesStatus,
  rules: CompiledRules,
  review: ReviewedControl[],
  unconfirmed: UnconfirmedControl[],
  actions: RulesPanelActions = { onRecalculate: () => undefined },
): void {
  const doc = rules.doc;
  const bannerList: HTMLElement[] = [];
  if (status.storageError) {
    bannerList.push(
      banner(
        "error",
        "rules-storage-error",
        "Your saved rules settings could not be read; the bundled rules are in use.",
        h("p", {}, status.storageError.message),
        h("p", { className: "cp-help" }, `Noticed ${formatTimestamp(status.storageError.at)}.`),
      ),
    );
  }
  if (status.recalcError) {
    const recalculate = h("button", { type: "button", className: "cp-button", id: "recalculate-now" }, "Recalculate now");
    recalculate.addEventListener("click", () => actions.onRecalculate());
    bannerList.push(
      banner(
        "error",
        "rules-recalc-error",
        "Formulas may still show scores from the previous rules.",
        h("p", {}, status.recalcError.message),
        h("p", { className: "cp-help" }, `Attempted ${formatTimestamp(status.recalcError.at)}.`),
        recalculate,
      ),
    );
  }
  if (status.lastError) {
    bannerList.push(
      banner(
        "error",
        "rules-error",
        "The last refresh failed; the previous rules are still in use.",
        h("p", {}, status.lastError.message),
        h("p", { className: "cp-help" }, `Attempted ${formatTimestamp(status.lastError.at)}.`),
      ),
    );
  }
  if (review.length > 0) {
    bannerList.push(
      banner(
        "warning",
        "rules-review",
        `${review.length} control${review.length === 1 ? "" : "s"} need${review.length === 1 ? "s" : ""} review by the rule owner`,
        h("p", {}, "A dated status (such as a suspension) has ended since the rules were last reviewed; these controls are counted as in force until confirmed."),
        h("ul", { className: "cp-list" }, ...review.map((control) => h("li", {}, h("span", {}, control.title), h("span", { className: "cp-muted" }, ` (${control.controlId})`)))),
      ),
    );
  }
  if (unconfirmed.length > 0) {
    bannerList.push(
      banner(
        "warning",
        "rules-unconfirmed",
        `${unconfirmed.length} control${unconfirmed.length === 1 ? " counts" : "s count"} on an unconfirmed status on this date`,
        h("p", {}, "The rule owner has no source for what followed (for example, whether a suspension was extended); these controls are scored as shown until one appears."),
        h(
          "ul",
          { className: "cp-list" },
          ...unconfirmed.map((control) =>
            h(
              "li",
              {},
              h("span", {}, control.title),
              h("span", { className: "cp-muted" }, ` (${control.controlId}${control.citation ? `, ${control.citation}` : ""}): ${control.status} since ${control.since}`),
              control.note ? h("span", { className: "cp-help" }, ` — ${control.note}`) : null,
            ),
          ),
        ),
      ),
    );
  }
  replaceChildren(banners, ...bannerList);

  const row = (label: string, value: HTMLElement | string, id?: string) => [h("dt", {}, label), h("dd", { id }, value)];
  const publisher = doc.publisher.url ? externalLink(doc.publisher.url, doc.publisher.name) : h("span", {}, doc.publisher.name);
  replaceChildren(
    facts,
    ...row("Source", status.url ? h("span", {}, SOURCE_LABELS[status.source], h("br"), h("span", { className: "cp-url" }, status.url)) : SOURCE_LABELS[status.source], "rules-source"),
    ...row("Publisher", publisher, "rules-publisher"),
    ...row("Version", status.version, "rules-version"),
    ...row("Published", status.publishedAt),
    ...row("Reviewed", status.reviewedAt),
    ...row("Controls", String(status.controlCount), "rules-control-count"),
    ...row("Last refresh", status.refreshing ? "in progress…" : formatTimestamp(status.checkedAt ?? status.fetchedAt), "rules-last-refresh"),
  );
}
