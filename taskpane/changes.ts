/**
 * The pane's "What changed" and "Coming up" sections: asks the engine what changed between the rules a
 * swap replaced (the runtime keeps them, `lastSwap`) and the rules now active, which rows of the analysed
 * table moved, which status changes lie ahead of the scoring date and which rows they will move. The
 * "What changed" section stays until the user dismisses it; further swaps before that are measured from the
 * rules the first one replaced. Nothing here computes a score.
 */
import {
  DEFAULT_HORIZON_DAYS,
  addDays,
  upcomingChanges,
  type ChangeImpact,
  type DateImpact,
  type Horizon,
  type PortfolioRowInput,
  type RulesDiff,
  type ScoreOptions,
} from "../src/engine";
import type { ActiveRules, RulesRuntime } from "../src/runtime";
import type { Analysis } from "./analysis";
import type { ReportRows } from "./change-report-content";
import { yieldToEventLoop } from "./excel/host";
import type { SheetReport } from "./excel/sheet-report";
import { loadReports, type ReportsPart } from "./load-reports";
import { loadUpcoming, type UpcomingLoader, type UpcomingPart } from "./load-upcoming";
import { loadWhatChanged, type WhatChangedLoader, type WhatChangedPart } from "./load-what-changed";
import { errorDetail } from "./messages";
import type { RowLabel, RowsPart } from "./ui/change-sections";
import { byId, replaceChildren } from "./ui/dom";

/** Lists up to this many rows are measured at once; longer ones when the user asks (it holds the pane for seconds). */
export const AUTOMATIC_IMPACT_ROWS = 10_000;

export interface ChangeWatchHost {
  onSelectRow(index: number): void;
  announce(message: string): void;
  /** A failure to report, with the pane's own code. */
  failed(code: "changes_failed" | "report_failed" | "part_not_loaded", detail: string): void;
  /** The label of the analysed table, for the report sheets. */
  tableLabel(): string | null;
}

interface Computed<T> {
  key: string;
  value: T;
}

/** An impact on the rows of one analysed table. */
interface Measured<T> extends Computed<T> {
  analysis: Analysis;
}

function portfolioRows(analysis: Analysis): PortfolioRowInput[] {
  return analysis.records.map((record) => ({ input: record.input, supplier: record.supplier ?? undefined, spend: record.spend }));
}

function reportRows(analysis: Analysis): ReportRows {
  return { sheetRowOf: (index) => analysis.sheetRows[index] + 1, labelOf: (index) => labelOf(analysis, index) };
}

function labelOf(analysis: Analysis, index: number): RowLabel {
  const record = analysis.records[index];
  const result = analysis.results[index];
  return {
    supplier: record?.supplier ?? null,
    commodity: record?.commodity ?? "",
    itemName: result?.ok ? result.match.itemName : null,
  };
}

/** Identities for cache keys: a new object gets a new number. */
class Identities {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;
  of(value: object | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(value, id);
    }
    return id;
  }
}

export class ChangeWatch {
  /** The rules the first undismissed swap replaced; null when there is nothing to show. */
  private baseline: ActiveRules | null = null;
  private diff: Computed<RulesDiff> | null = null;
  private changeImpact: Measured<ChangeImpact> | null = null;
  private horizon: Computed<Horizon> | null = null;
  private dateImpact: Measured<DateImpact> | null = null;
  private rowsRequested = false;
  private analysis: Analysis | null = null;
  private options: ScoreOptions | null = null;
  private generation = 0;
  /** What each section shows now, so an unchanged section is not redrawn (which would close what the user opened). */
  private shownUpcoming = "";
  private shownChanges = "";
  private readonly identities = new Identities();

  constructor(
    private readonly runtime: RulesRuntime,
    private readonly host: ChangeWatchHost,
    private readonly days: number = DEFAULT_HORIZON_DAYS,
    private readonly automaticRows: number = AUTOMATIC_IMPACT_ROWS,
    private readonly loadPart: WhatChangedLoader = loadWhatChanged,
    private readonly loadUpcomingPart: UpcomingLoader = loadUpcoming,
  ) {}

  bind(): void {
    byId("dismiss-changes").addEventListener("click", () => this.dismiss());
    byId("write-changes").addEventListener("click", () => void this.writeChanges());
    byId("write-upcoming").addEventListener("click", () => void this.writeUpcoming());
  }

  /** Call from the runtime's change listener: remembers the rules the swap replaced (unless already showing a change). */
  noteSwap(): void {
    const swap = this.runtime.lastSwap;
    if (swap === null || swap.reason === "start") return;
    this.baseline ??= swap.previous;
  }

  dismiss(): void {
    this.baseline = null;
    this.diff = null;
    this.changeImpact = null;
    this.shownChanges = "";
    byId("changes-section").hidden = true;
    replaceChildren(byId("changes"));
  }

  /** Brings both sections up to date with the active rules, the scoring options and the analysed table (null: none yet). */
  refresh(analysis: Analysis | null, options: ScoreOptions): Promise<void> {
    this.analysis = analysis;
    this.options = options;
    const generation = ++this.generation;
    return this.update(generation).catch((error: unknown) => {
      if (generation === this.generation) this.host.failed("changes_failed", error instanceof Error ? error.message : String(error));
    });
  }

  private measureRows(analysis: Analysis | null): "yes" | "no_table" | "on_request" {
    if (analysis === null) return "no_table";
    return analysis.records.length <= this.automaticRows || this.rowsRequested ? "yes" : "on_request";
  }

  private async update(generation: number): Promise<void> {
    const analysis = this.analysis;
    const options = this.options!;
    const active = this.runtime.active;
    const rulesId = this.identities.of(active.compiled);
    const tableId = this.identities.of(analysis);
    const measure = this.measureRows(analysis);
    const current = () => generation === this.generation;

    const horizonKey = `${rulesId}|${options.asOf}|${this.days}`;
    if (this.horizon?.key !== horizonKey) this.horizon = { key: horizonKey, value: upcomingChanges(active.compiled, options.asOf, this.days) };
    const dateKey = `${horizonKey}|${tableId}`;
    const upcomingKind = measure === "no_table" ? "no_table" : measure === "yes" ? "ready" : "on_request";
    const upcomingShown = `${horizonKey}|${upcomingKind === "ready" ? dateKey : upcomingKind}`;
    if (upcomingShown !== this.shownUpcoming) {
      // The part that draws the section also measures its rows (rescoring the list is not part of the first load).
      let upcoming: UpcomingPart | null = null;
      try {
        upcoming = await this.loadUpcomingPart();
      } catch (error) {
        // Not drawn: the next refresh fetches the part again; What changed below does not depend on it.
        if (current()) this.host.failed("part_not_loaded", errorDetail(error));
      }
      if (!current()) return;
      if (upcoming !== null) {
        let upcomingRows: RowsPart<DateImpact> = measure === "no_table" ? { kind: "no_table" } : { kind: "on_request", rows: analysis!.records.length };
        if (measure === "yes") {
          if (this.dateImpact?.key !== dateKey) {
            await yieldToEventLoop();
            if (!current()) return;
            this.dateImpact = { key: dateKey, analysis: analysis!, value: upcoming.impactOfDate(portfolioRows(analysis!), active.compiled, options.asOf, addDays(options.asOf, this.days)) };
          }
          upcomingRows = { kind: "ready", impact: this.dateImpact.value, asOf: options.asOf };
        }
        if (!current()) return;
        this.shownUpcoming = upcomingShown;
        this.renderUpcoming(upcoming, upcomingRows);
      }
    }

    const baseline = this.baseline;
    if (baseline === null) return;
    let part: WhatChangedPart;
    try {
      part = await this.loadPart();
    } catch (error) {
      if (current()) this.host.failed("part_not_loaded", errorDetail(error));
      return;
    }
    if (!current() || this.baseline !== baseline) return;
    const diffKey = `${this.identities.of(baseline.compiled)}|${rulesId}`;
    if (this.diff?.key !== diffKey) this.diff = { key: diffKey, value: part.diffRules(baseline.document, active.document) };
    let changeRows: RowsPart<ChangeImpact> = measure === "no_table" ? { kind: "no_table" } : { kind: "on_request", rows: analysis!.records.length };
    if (measure === "yes") {
      const key = `${diffKey}|${tableId}|${options.asOf}|${options.suspensionsEnded ? 1 : 0}`;
      if (this.changeImpact?.key !== key) {
        await yieldToEventLoop();
        if (!current()) return;
        this.changeImpact = { key, analysis: analysis!, value: part.impactOfChange(portfolioRows(analysis!), baseline.compiled, active.compiled, options) };
      }
      changeRows = { kind: "ready", impact: this.changeImpact.value, asOf: options.asOf };
    }
    if (!current() || this.baseline !== baseline) return;
    const changesShown = `${diffKey}|${changeRows.kind === "ready" ? this.changeImpact!.key : changeRows.kind}`;
    if (changesShown !== this.shownChanges) {
      this.shownChanges = changesShown;
      this.renderChanges(part, this.diff.value, changeRows);
    }
  }

  private handlers() {
    return {
      onSelectRow: (index: number) => this.host.onSelectRow(index),
      onWorkOutRows: () => {
        this.rowsRequested = true;
        if (this.options) void this.refresh(this.analysis, this.options);
      },
    };
  }

  private labelOf = (index: number): RowLabel => (this.analysis ? labelOf(this.analysis, index) : { supplier: null, commodity: "", itemName: null });

  private renderUpcoming(part: UpcomingPart, rows: RowsPart<DateImpact>): void {
    byId("upcoming-section").hidden = false;
    replaceChildren(byId("upcoming"), ...part.renderUpcoming(this.horizon!.value, this.days, rows, this.labelOf, this.handlers()));
  }

  private renderChanges(part: WhatChangedPart, diff: RulesDiff, rows: RowsPart<ChangeImpact>): void {
    byId("changes-section").hidden = false;
    replaceChildren(byId("changes"), ...part.renderChanges(diff, rows, this.labelOf, this.handlers()));
  }

  /** The rows' part for a report: only when it was measured on the table analysed now. */
  private readyImpact<T>(measured: Measured<T> | null): { impact: T; rows: ReportRows } | null {
    if (measured === null || measured.analysis !== this.analysis) return null;
    return { impact: measured.value, rows: reportRows(measured.analysis) };
  }

  /** Builds a report with the report-writing part (fetched on first use) and writes it to a new sheet. */
  private async write(build: (reports: ReportsPart) => SheetReport): Promise<void> {
    let reports: ReportsPart;
    try {
      reports = await loadReports();
    } catch (error) {
      this.host.failed("part_not_loaded", errorDetail(error));
      return;
    }
    try {
      const report = build(reports);
      const written = await Excel.run((context) => reports.writeSheetReport(context, report));
      this.host.announce(`Written to the new sheet “${written.sheetName}”.`);
    } catch (error) {
      this.host.failed("report_failed", errorDetail(error));
    }
  }

  private async writeChanges(): Promise<void> {
    const diff = this.diff;
    if (diff === null) return;
    const rows = this.readyImpact(this.changeImpact);
    const tableLabel = this.host.tableLabel();
    await this.write((reports) => reports.buildChangesReport(diff.value, rows, { tableLabel }));
  }

  private async writeUpcoming(): Promise<void> {
    const horizon = this.horizon;
    if (horizon === null) return;
    const rows = this.readyImpact(this.dateImpact);
    const rulesVersion = `${this.runtime.active.version} (${this.runtime.status.url ?? this.runtime.status.source})`;
    const tableLabel = this.host.tableLabel();
    await this.write((reports) => reports.buildUpcomingReport(horizon.value, rows, { tableLabel, rulesVersion }));
  }
}
