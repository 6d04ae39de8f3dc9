/**
 * The pane's controller: finds and reads the supplier table, asks the engine for results, renders them,
 * and drives the rules runtime. Workbook access goes through `Excel.run` and the modules in ./excel;
 * rendering through ./ui. Nothing here computes a score.
 */
import { todayIso, type ScoreOptions } from "../src/engine";
import type { ColumnField } from "../src/engine/columns";
import { recalculateAndRecord } from "../src/functions/recalc";
import { describeRulesError } from "../src/rules/status-codes";
import type { RulesRuntime } from "../src/runtime";
import { loadSupply } from "../src/runtime/supply";
import { analyseRows, type Analysis } from "./analysis";
import { ChangeWatch } from "./changes";
import { resolveMapping, type ColumnChoices, type ResolvedMapping } from "./column-mapping";
import { detectExcelSupport, hasExcel, type ExcelSupport } from "./excel/host";
import { loadColumnChoices, saveColumnChoices } from "./excel/mapping-store";
import { checkedAliases, readStoredAliases, saveUserAliases } from "./excel/alias-store";
import { NO_USER_ALIASES, assignUserAlias, describeUserAliasIssue, removeUserAlias, type UserAliases } from "../src/engine/user-aliases";
import type { UserAliasesResult } from "../src/engine/user-aliases-check";
import { selectSheetRow } from "./excel/select-row";
import { loadReports, type ReportsPart } from "./load-reports";
import { findSupplierTable, readSupplierRows, sourceKey, type SheetRecord, type SupplierTableSource } from "./excel/table-source";
import { describePaneProblem, errorDetail, type PaneProblemCode } from "./messages";
import { StartScreen } from "./start-screen";
import { byId, formatCount, h, replaceChildren } from "./ui/dom";
import { mappingSummary, renderMappingFields } from "./ui/mapping-form";
import { controlsNeedingReview, controlsWithUnconfirmedStatus, renderRulesPanel } from "./ui/rules-panel";
import { loadAliasList, type AliasListLoader } from "./load-alias-list";
import { loadSummary, type SummaryPart } from "./load-summary";

interface TableState {
  source: SupplierTableSource;
  rows: SheetRecord[];
  choices: ColumnChoices | null;
  mapping: ResolvedMapping;
}

export class TaskPaneApp {
  private readonly support: ExcelSupport = detectExcelSupport();
  private table: TableState | null = null;
  private analysis: Analysis | null = null;
  /** Bumped by every new read and every new scoring run; an older run sees its number change and stops. */
  private readGeneration = 0;
  private scoreGeneration = 0;
  /**
   * Problems that must stay in view until they are resolved (the status line is overwritten by the next
   * message): one notice per code, with its sentence.
   */
  private readonly notices = new Map<PaneProblemCode, string>();
  /** "What changed" after a swap of the rules, and "Coming up" from the scoring date. */
  private readonly changes: ChangeWatch;
  /** What to do, and the example list to insert, while no supplier table is under the selection. */
  private readonly startScreen = new StartScreen({
    announce: (message) => this.announce(message),
    failed: (code, detail) => this.problem(code, detail),
    setBusy: (busy) => this.setBusy(busy),
    analyseSelection: () => this.analyseSelection({ quietIfNoTable: false }),
  });

  constructor(
    private readonly runtime: RulesRuntime,
    private readonly loadAliasListPart: AliasListLoader = loadAliasList,
  ) {
    this.changes = new ChangeWatch(runtime, {
      onSelectRow: (index) => void this.selectRow(index),
      announce: (message) => this.announce(message),
      failed: (code, detail) => (code === "changes_failed" ? this.notice(code, detail) : this.problem(code, detail)),
      tableLabel: () => this.table?.source.address ?? null,
    });
  }

  async start(): Promise<void> {
    byId<HTMLInputElement>("as-of").value = todayIso();
    this.bindControls();
    this.runtime.onChange((_active, cause) => {
      // "What changed" is about a new rules document, not about your aliases or a re-reading of the same rules.
      if (cause === undefined || cause === "rules") this.changes.noteSwap();
      this.renderRules();
      this.renderAliases();
      const done = cause === "aliases" ? "Your aliases applied; scores recalculated." : cause === "readings" ? undefined : "Rules updated; scores recalculated.";
      void this.rescore(done);
    });
    this.runtime.onStatusChange(() => this.renderRules());
    this.renderRules();
    this.renderAliases();
    const started = this.runtime.start();
    if (!hasExcel()) {
      this.setBusy(false);
      byId<HTMLButtonElement>("analyse").disabled = true;
      this.announce(describePaneProblem("not_in_excel"));
    } else {
      await this.loadAliases();
      await this.analyseSelection({ quietIfNoTable: true });
    }
    const { refresh } = await started;
    this.renderRules();
    if (refresh) {
      await refresh;
      this.renderRules();
    }
  }

  private bindControls(): void {
    byId("analyse").addEventListener("click", () => void this.analyseSelection({ quietIfNoTable: false }));
    byId("as-of").addEventListener("change", () => {
      this.renderRules();
      void this.rescore();
    });
    byId("suspensions-ended").addEventListener("change", () => void this.rescore());
    byId("write-report").addEventListener("click", () => void this.writeReport());
    byId("mapping-reset").addEventListener("click", () => void this.changeMapping(null));
    this.changes.bind();
    this.startScreen.bind();
    byId("refresh-rules").addEventListener("click", () => void this.refreshRules());
    byId("aliases").addEventListener("toggle", () => this.renderAliases());
    byId("reset-rules").addEventListener("click", () => void this.resetRules());
    byId("rules-settings").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.saveSettings();
    });
  }

  private announce(message: string, tone: "info" | "error" = "info"): void {
    const status = byId("status");
    status.textContent = message;
    status.classList.toggle("cp-status-error", tone === "error");
  }

  private problem(code: PaneProblemCode, detail?: string): void {
    this.announce(describePaneProblem(code, detail), "error");
  }

  private notice(code: PaneProblemCode, detail?: string): void {
    this.notices.set(code, describePaneProblem(code, detail));
    this.renderNotices();
  }

  private clearNotice(code: PaneProblemCode): void {
    if (this.notices.delete(code)) this.renderNotices();
  }

  private renderNotices(): void {
    replaceChildren(
      byId("pane-notices"),
      ...[...this.notices].map(([code, message]) => h("p", { className: "cp-banner cp-banner-error", role: "alert", "data-code": code }, message)),
    );
  }

  private setBusy(busy: boolean): void {
    for (const id of ["analyse", "write-report"]) byId<HTMLButtonElement>(id).disabled = busy;
    document.body.setAttribute("aria-busy", String(busy));
  }

  private showProgress(label: string | null, done = 0, total = 0): void {
    const box = byId("progress");
    box.hidden = label === null;
    if (label === null) return;
    byId("progress-label").textContent = label;
    const bar = byId<HTMLProgressElement>("progress-bar");
    bar.max = Math.max(total, 1);
    bar.value = done;
  }

  private scoreOptions(): ScoreOptions {
    const asOf = byId<HTMLInputElement>("as-of").value || todayIso();
    return { asOf, suspensionsEnded: byId<HTMLInputElement>("suspensions-ended").checked };
  }

  async analyseSelection({ quietIfNoTable }: { quietIfNoTable: boolean }): Promise<void> {
    const generation = ++this.readGeneration;
    const cancelled = () => generation !== this.readGeneration;
    this.setBusy(true);
    this.announce("Looking for the supplier table…");
    try {
      const loaded = await Excel.run(async (context) => {
        const found = await findSupplierTable(context, this.support);
        if (!found.ok) return found;
        const key = sourceKey(found.source);
        const saved = await loadColumnChoices(context, this.support, key);
        this.showProgress(`Reading ${formatCount(found.source.rowCount)} rows…`, 0, found.source.rowCount);
        const rows = await readSupplierRows(context, found.source, {
          isCancelled: cancelled,
          onProgress: (done, total) => this.showProgress(`Reading rows: ${formatCount(done)} of ${formatCount(total)}`, done, total),
        });
        return { ok: true as const, source: found.source, rows, saved };
      });
      if (cancelled()) return;
      if (!loaded.ok) {
        if (loaded.code === "no_table_at_selection") this.startScreen.show();
        if (quietIfNoTable && loaded.code === "no_table_at_selection") this.announce("No supplier list at the selection yet.");
        else this.problem(loaded.code);
        return;
      }
      this.startScreen.hide();
      if (loaded.rows === null) return;
      this.showProgress(null);
      if (loaded.saved.ok) this.clearNotice("mapping_unreadable");
      else this.notice("mapping_unreadable", loaded.saved.cause);
      const choices = loaded.saved.ok ? loaded.saved.choices : null;
      this.table = { source: loaded.source, rows: loaded.rows, choices, mapping: resolveMapping(loaded.source.headers, choices) };
      this.renderSource();
      await this.rescore();
    } catch (error) {
      if (!cancelled()) this.problem("excel_call_failed", errorDetail(error));
    } finally {
      if (!cancelled()) {
        this.showProgress(null);
        this.setBusy(false);
      }
    }
  }

  private renderSource(): void {
    const table = this.table;
    if (!table) return;
    const { source } = table;
    byId("source-label").textContent =
      `${source.tableName ? `Table ${source.tableName}` : "Range"} ${source.address} · ${formatCount(table.rows.length)} suppliers`;
    const details = byId<HTMLDetailsElement>("mapping");
    details.hidden = false;
    if (table.mapping.commodityMissing) details.open = true;
    details.querySelector("summary")!.textContent = mappingSummary(table.mapping);
    renderMappingFields(byId("mapping-fields"), source.firstColumn, table.mapping, (field, header) => void this.changeMapping({ [field]: header }));
  }

  private async changeMapping(change: Partial<Record<ColumnField, string | null>> | null): Promise<void> {
    const table = this.table;
    if (!table) return;
    const choices: ColumnChoices | null = change === null ? null : { ...(table.choices ?? {}), ...change };
    table.choices = choices;
    table.mapping = resolveMapping(table.source.headers, choices);
    this.renderSource();
    try {
      await Excel.run((context) => saveColumnChoices(context, this.support, sourceKey(table.source), choices));
      this.clearNotice("mapping_not_saved");
    } catch (error) {
      this.notice("mapping_not_saved", errorDetail(error));
    }
    await this.rescore();
  }

  private async rescore(doneMessage?: string): Promise<void> {
    const table = this.table;
    if (!table) return;
    if (table.mapping.commodityMissing) {
      this.scoreGeneration += 1;
      this.analysis = null;
      byId("summary-section").hidden = true;
      this.problem("commodity_column_missing");
      return;
    }
    const generation = ++this.scoreGeneration;
    const options = this.scoreOptions();
    this.setBusy(true);
    try {
      // Where else the items are produced: the first load fetches the bundled rules' figures on first use.
      // Without them (their chunk could not be fetched) the summary goes on without where else items are produced.
      const [supplyRules, supply] = await Promise.all([this.runtime.supplyRules().catch(() => this.runtime.active.compiled), loadSupply().catch(() => null)]);
      if (generation !== this.scoreGeneration) return;
      const analysis = await analyseRows(table.rows, table.mapping.map, this.runtime.active.compiled, options, {
        supplyRules,
        supply,
        isCancelled: () => generation !== this.scoreGeneration,
        onProgress: (done, total) => {
          if (total > 5_000) this.showProgress(`Scoring: ${formatCount(done)} of ${formatCount(total)}`, done, total);
        },
      });
      if (!analysis || generation !== this.scoreGeneration) return;
      let summary: SummaryPart;
      try {
        summary = await loadSummary();
      } catch (error) {
        this.problem("part_not_loaded", errorDetail(error));
        return;
      }
      if (generation !== this.scoreGeneration) return;
      this.analysis = analysis;
      this.renderAnalysis(summary, analysis);
      void this.changes.refresh(analysis, options);
      this.clearNotice("scoring_failed");
      const c = analysis.portfolio.counts;
      this.announce(doneMessage ?? `Scored ${formatCount(c.scored)} of ${formatCount(c.rows)} rows as of ${options.asOf}.`);
    } catch (error) {
      if (generation === this.scoreGeneration) this.notice("scoring_failed", errorDetail(error));
    } finally {
      if (generation === this.scoreGeneration) {
        this.showProgress(null);
        this.setBusy(false);
      }
    }
  }

  private renderAnalysis(summary: SummaryPart, analysis: Analysis): void {
    byId("summary-section").hidden = false;
    const supplierNamesScreened = this.table?.mapping.map.columns.supplier !== undefined;
    replaceChildren(
      byId("summary"),
      ...summary.renderSummary(
        analysis.portfolio,
        {
          onSelectRow: (index) => void this.selectRow(index),
          supplierNamesScreened,
          onAssign: hasExcel() ? (commodity, itemId) => this.assignAlias(commodity, itemId) : undefined,
          items: this.runtime.active.document.items,
        },
        // Without the code that reads the producer figures the summary says nothing of where else items are produced.
        analysis.supply === null ? undefined : analysis.alternatives,
      ),
    );
  }

  private async selectRow(index: number): Promise<void> {
    const table = this.table;
    const analysis = this.analysis;
    if (!table || !analysis) return;
    const sheetRow = analysis.sheetRows[index];
    try {
      const address = await Excel.run((context) => selectSheetRow(context, table.source, sheetRow));
      this.announce(`Selected ${address}.`);
    } catch (error) {
      this.problem("select_failed", errorDetail(error));
    }
  }

  private async writeReport(): Promise<void> {
    const table = this.table;
    const analysis = this.analysis;
    if (!table || !analysis) return;
    this.setBusy(true);
    let reports: ReportsPart;
    try {
      reports = await loadReports();
    } catch (error) {
      this.problem("part_not_loaded", errorDetail(error));
      this.setBusy(false);
      return;
    }
    const status = this.runtime.status;
    const content = reports.buildReportContent(analysis, {
      tableLabel: table.source.address,
      rulesVersion: status.version,
      rulesSource: status.url ?? status.source,
    });
    try {
      const written = await Excel.run((context) =>
        reports.writeReport(context, content, {
          dataTypes: this.support.dataTypes,
          onProgress: (done, total) => this.showProgress(`Writing report: ${formatCount(done)} of ${formatCount(total)} rows`, done, total),
        }),
      );
      this.announce(`Report written to the new sheet “${written.sheetName}”.`);
    } catch (error) {
      this.problem("report_failed", errorDetail(error));
    } finally {
      this.showProgress(null);
      this.setBusy(false);
    }
  }

  /** Takes the workbook's stored aliases into the rules runtime (formulas, summary and report use them). */
  private async loadAliases(): Promise<void> {
    let stored: unknown;
    try {
      stored = await Excel.run((context) => readStoredAliases(context, this.support));
    } catch (error) {
      this.problem("excel_call_failed", errorDetail(error));
      return;
    }
    // Only a workbook that holds aliases of its own needs the input checks to read them.
    let aliases = NO_USER_ALIASES;
    if (stored !== null) {
      let checked: UserAliasesResult;
      try {
        checked = checkedAliases(stored, await this.runtime.loadInputChecks());
      } catch (error) {
        this.notice("aliases_not_loaded", errorDetail(error));
        return;
      }
      this.clearNotice("aliases_not_loaded");
      if (checked.ok) {
        aliases = checked.aliases;
        this.clearNotice("aliases_unreadable");
      } else {
        this.notice("aliases_unreadable", checked.issues.map(describeUserAliasIssue).join("; "));
      }
    }
    if (aliases.aliases.length > 0 || this.runtime.userAliasesInForce.aliases.length > 0) this.runtime.setUserAliases(aliases);
  }

  private async changeAliases(next: UserAliases, done: string): Promise<void> {
    try {
      const saved = await Excel.run((context) => saveUserAliases(context, this.support, next));
      this.runtime.setUserAliases(next);
      if (!saved) this.announce(`${done} This version of Excel cannot save it in the workbook, so it lasts until the pane is closed.`);
    } catch (error) {
      this.problem("excel_call_failed", errorDetail(error));
    }
  }

  private assignAlias(commodity: string, itemId: string | null): void {
    const name = itemId === null ? "not controlled" : (this.runtime.active.document.items.find((item) => item.id === itemId)?.name ?? itemId);
    void this.changeAliases(assignUserAlias(this.runtime.userAliasesInForce, commodity, itemId), `“${commodity}” is now ${name}.`);
  }

  /** The count always; the list itself only while the section is open (its part is fetched on first opening). */
  private renderAliases(): void {
    const active = this.runtime.active;
    const details = byId<HTMLDetailsElement>("aliases");
    const summary = details.querySelector("summary");
    if (summary) summary.textContent = `Your aliases (${active.userAliases.aliases.length})`;
    if (details.open) void this.drawAliasList();
  }

  private async drawAliasList(): Promise<void> {
    let part;
    try {
      part = await this.loadAliasListPart();
    } catch (error) {
      this.problem("part_not_loaded", errorDetail(error));
      return;
    }
    const active = this.runtime.active;
    part.renderAliasList(byId("aliases-fields"), active.userAliases, active.userAliasIssues, active.document.items, {
      onAssign: (commodity, itemId) => this.assignAlias(commodity, itemId),
      onRemove: (commodity) => void this.changeAliases(removeUserAlias(this.runtime.userAliasesInForce, commodity), `Alias “${commodity}” removed.`),
    });
  }

  private renderRules(): void {
    const asOf = this.scoreOptions().asOf;
    const compiled = this.runtime.active.compiled;
    renderRulesPanel(
      byId("rules-banners"),
      byId("rules-facts"),
      this.runtime.status,
      compiled,
      controlsNeedingReview(compiled, asOf),
      controlsWithUnconfirmedStatus(compiled, asOf),
      { onRecalculate: () => void this.recalculateFormulas() },
    );
    const settings = this.runtime.settings;
    const url = byId<HTMLInputElement>("rules-url");
    const key = byId<HTMLTextAreaElement>("public-key");
    if (document.activeElement !== url) url.value = settings.rulesUrl ?? "";
    if (document.activeElement !== key) key.value = settings.publicKeyPem ?? "";
    byId<HTMLButtonElement>("refresh-rules").disabled = !settings.rulesUrl;
    if (!this.table) void this.changes.refresh(null, this.scoreOptions());
    byId("refresh-help").hidden = Boolean(settings.rulesUrl);
  }

  private async refreshRules(): Promise<void> {
    this.announce("Refreshing the rules…");
    const outcome = await this.runtime.refreshNow();
    this.renderRules();
    if (outcome.kind === "failed") this.announce(describeRulesError(outcome.error), "error");
    else if (outcome.kind === "unchanged") this.announce("The rules are up to date.");
    else this.announce(`Rules updated to version ${outcome.active.version}.`);
  }

  private async recalculateFormulas(): Promise<void> {
    this.announce("Recalculating the CHOKEPOINT formulas…");
    const report = await recalculateAndRecord(this.runtime);
    if (report.ok) this.announce("The CHOKEPOINT formulas were recalculated with the current rules.");
    else this.announce(describeRulesError({ code: "recalc_failed", cause: report.cause }), "error");
  }

  private async resetRules(): Promise<void> {
    try {
      await this.runtime.resetToBundled();
      this.clearNotice("settings_not_saved");
    } catch (error) {
      this.notice("settings_not_saved", errorDetail(error));
      return;
    }
    this.renderRules();
    this.announce(`Using the bundled rules, version ${this.runtime.active.version}.`);
  }

  private async saveSettings(): Promise<void> {
    const urlField = byId<HTMLInputElement>("rules-url");
    const keyField = byId<HTMLTextAreaElement>("public-key");
    const urlError = byId("rules-url-error");
    const keyError = byId("public-key-error");
    urlError.textContent = "";
    keyError.textContent = "";
    urlField.removeAttribute("aria-invalid");
    keyField.removeAttribute("aria-invalid");
    this.announce("Checking the rules file…");
    let result: Awaited<ReturnType<RulesRuntime["updateSettings"]>>;
    try {
      result = await this.runtime.updateSettings({ rulesUrl: urlField.value, publicKeyPem: keyField.value });
      this.clearNotice("settings_not_saved");
    } catch (error) {
      this.notice("settings_not_saved", errorDetail(error));
      this.announce(describePaneProblem("settings_not_saved", errorDetail(error)), "error");
      return;
    }
    if (!result.ok) {
      const message = describeRulesError(result.error);
      const onKey = result.error.field === "publicKey";
      (onKey ? keyError : urlError).textContent = message;
      (onKey ? keyField : urlField).setAttribute("aria-invalid", "true");
      this.announce(message, "error");
      return;
    }
    this.renderRules();
    this.announce(result.settings.rulesUrl ? `Rules loaded from ${result.settings.rulesUrl}.` : "Settings saved.");
  }
}
