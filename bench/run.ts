/**
 * `npm run bench` (through scripts/bench.js, which builds what this needs first). Measures the six
 * figures of docs/benchmarks.md on synthetic data from a fixed seed, prints a table of absolute
 * figures, writes bench/out/latest.json and ends with one comparable line per figure.
 */
import "./checked-rules";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import bundledRules from "../src/rules/default-rules.json";
import { parseRules } from "../src/rules/parse";
import type { RulesDocument, RulesDocumentInput } from "../src/rules/schema";
import { CATEGORIES } from "../src/rules/vocabulary";
import { compileRules, scoreRows, todayIso, type CompiledRules, type RowInput, type RowResult } from "../src/engine";
import { impactOfDate } from "../src/engine/date-impact";
import { impactOfChange } from "../src/engine/impact";
import { emptyScorerShelf } from "../src/engine/compile";
import { scoreCells } from "../src/functions/adapters";
import { score as scoreFormula } from "../src/functions/functions";
import { getRulesRuntime } from "../src/runtime";
import { bigRulesText } from "./big-rules";
import { buildFloorTable, floorScores } from "./floor";
import { buildJsonRulesScorer } from "./json-rules";
import { round, timeRuns, type Timing } from "./measure";
import { measureBundles, type BundleSize } from "./bundle-size";
import { measureCliMemory, type CliMemory } from "./cli-memory";
import { BENCH_SEED, seededRandom, syntheticInputs } from "./synthetic";
import { scoreScreening, syntheticSupplierNames, type Corpus } from "./screening";
import { engineReader, figureLine, readCorpus, scoreCorpus, type CorpusFigures } from "./matching-corpus";

/** Compiled to build/bench/bench/run.js: three levels below the project. */
const ROOT = join(__dirname, "..", "..", "..");
const AS_OF = "2025-12-01";
const ROWS = 100_000;
const JSON_RULES_ROWS = 10_000;
const CLI_ROWS = 1_000_000;
const XLSX_ROWS = 200_000;
const BIG_RULES_BYTES = 1_000_000;

interface Figure {
  label: string;
  timing: Timing;
  rows?: number;
}

const table: Figure[] = [];

function record(label: string, timing: Timing, rows?: number): Timing {
  table.push({ label, timing, rows });
  const perRow = rows ? `  ${formatPerRow(timing.medianMs / rows)}/row  ${Math.round(rows / (timing.medianMs / 1000)).toLocaleString("en-US")} rows/s` : "";
  process.stderr.write(`  measured ${label}: ${timing.medianMs.toFixed(2)} ms${perRow}\n`);
  return timing;
}

function formatPerRow(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : ms >= 0.001 ? `${(ms * 1000).toFixed(2)} µs` : `${(ms * 1e6).toFixed(0)} ns`;
}

function compileBundled(): CompiledRules {
  const parsed = parseRules(bundledRules);
  if (!parsed.ok) throw new Error(`the bundled rules are invalid: ${parsed.issues.map((i) => i.path).join(", ")}`);
  return compileRules(parsed.rules);
}

/** The same compiled rules with an empty commodity memo, as right after a rules swap. */
const withColdMemo = (rules: CompiledRules): CompiledRules => ({ ...rules, matchMemo: { results: new Map(), computed: 0 }, scorers: emptyScorerShelf() });

const overallScores = (results: readonly RowResult[]): Float64Array => Float64Array.from(results, (r) => (r.ok ? r.score : Number.NaN));

function sameScores(a: Float64Array, b: Float64Array): number {
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (!(a[i] === b[i] || (Number.isNaN(a[i]) && Number.isNaN(b[i])))) differing += 1;
  return differing;
}

async function engineVersusFloor(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write("1. engine vs floor\n");
  const options = { asOf: AS_OF };
  const floorTable = buildFloorTable(rows, rules, AS_OF);
  const weights = CATEGORIES.map((category) => rules.doc.weights.categories[category]);
  // Both sides of the ratio are timed the same way: three warm-up runs, then the median of eleven.
  const floor = record("floor: Map lookup, arithmetic, the row's record", await timeRuns({ warmups: 3, runs: 11 }, () => floorTable, (t) => floorScores(rows, t, weights, AS_OF)), rows.length);
  const engine = record("engine scoreRows (commodity memo warm)", await timeRuns({ warmups: 3, runs: 11 }, () => rules, (r) => scoreRows(rows, r, options)), rows.length);
  const engineCold = record("engine scoreRows (commodity memo cold)", await timeRuns({ warmups: 1, runs: 3 }, () => withColdMemo(rules), (r) => scoreRows(rows, r, options)), rows.length);
  const results = scoreRows(rows, rules, options);
  const floorRows = floorScores(rows, floorTable, weights, AS_OF).filter((record) => record !== null).length;
  return {
    rows: rows.length,
    floorMs: floor.medianMs,
    engineMs: engine.medianMs,
    engineColdMemoMs: engineCold.medianMs,
    engineRowsPerSecond: Math.round(rows.length / (engine.medianMs / 1000)),
    engineColdMemoRowsPerSecond: Math.round(rows.length / (engineCold.medianMs / 1000)),
    distinctCommodities: new Set(rows.map((r) => r.commodity)).size,
    rowsScored: results.filter((r) => r.ok).length,
    rowsMatched: results.filter((r) => r.ok && r.match.itemId !== null).length,
    rowsTheFloorScored: floorRows,
    ratio: engine.medianMs / floor.medianMs,
  };
}

async function engineVersusJsonRules(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write(`2. engine vs json-rules-engine (${rows.length} rows)\n`);
  const options = { asOf: AS_OF };
  const scorer = buildJsonRulesScorer(rules);
  const jsonRules = record("json-rules-engine (same controls)", await timeRuns({ warmups: 1, runs: 3 }, () => scorer, (s) => s.score(rows, AS_OF)), rows.length);
  const engine = record("engine scoreRows, same rows", await timeRuns({ warmups: 1, runs: 7 }, () => rules, (r) => scoreRows(rows, r, options)), rows.length);
  const differing = sameScores(await scorer.score(rows, AS_OF), overallScores(scoreRows(rows, rules, options)));
  return {
    rows: rows.length,
    jsonRulesRules: scorer.ruleCount,
    jsonRulesMs: jsonRules.medianMs,
    engineMs: engine.medianMs,
    jsonRulesPerRowUs: (jsonRules.medianMs * 1000) / rows.length,
    enginePerRowUs: (engine.medianMs * 1000) / rows.length,
    rowsWhereScoresDiffer: differing,
    ratio: jsonRules.medianMs / engine.medianMs,
  };
}

/** Row inputs as Excel hands a column to a custom function: one single-cell row per value. */
function asColumns(rows: readonly RowInput[]): unknown[][][] {
  const keys = ["commodity", "supplierCountry", "siteCountry", "chinaInputShare", "chinaTechnology", "chinaEquipment", "chinaPersonnel", "asOf"] as const;
  return keys.map((key) => rows.map((row) => [row[key] ?? null]));
}

/**
 * A formula's cells against the engine's results on the same rows: the score where the engine read an item, an
 * Excel error (an object) where it did not or refused the row. Otherwise the timing would compare unlike work.
 */
function checkAgreement(what: string, cells: readonly unknown[], results: readonly RowResult[]): void {
  const agree = results.every((result, i) => (!result.ok || result.match.itemId === null ? typeof cells[i] === "object" : cells[i] === result.score));
  if (!agree) throw new Error(`${what} and scoreRows disagree on some row; the comparison would be meaningless`);
}

async function adapterVersusEngine(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write("3. formula adapter vs engine\n");
  const now = new Date();
  const options = { asOf: todayIso(now) };
  const columns = asColumns(rows);
  // The adapter and the engine share the ruleset's readings and plans (warm on both sides), so only the
  // adapter's own work differs: lining up the ranges, reading the cells, making the cells Excel spills.
  const adapter = record(
    "SCORE adapter, 100k-row columns",
    await timeRuns({ warmups: 1, runs: 7 }, () => rules, (r) => scoreCells(columns, r, now)),
    rows.length,
  );
  const engine = record("engine scoreRows, same rows", await timeRuns({ warmups: 1, runs: 7 }, () => rules, (r) => scoreRows(rows, r, options)), rows.length);

  // The real SCORE entry point over the add-in's rules runtime, called again as a recalculation would.
  const runtimeRules = getRulesRuntime().active.compiled;
  const [commodity, supplier, site, share, technology, equipment, personnel, asOf] = columns;
  const callScore = () => scoreFormula(commodity, supplier, site, share, technology, equipment, personnel, asOf);
  const again = record("SCORE() formula over the add-in's runtime, again", await timeRuns({ warmups: 1, runs: 7 }, () => null, callScore), rows.length);

  const fromEngine = scoreRows(rows, runtimeRules, options);
  checkAgreement("SCORE", callScore().map((cell) => cell[0]), fromEngine);
  checkAgreement("the SCORE adapter", scoreCells(columns, runtimeRules, now).map((cell) => cell[0]), fromEngine);
  return {
    rows: rows.length,
    adapterMs: adapter.medianMs,
    formulaAgainMs: again.medianMs,
    engineMs: engine.medianMs,
    ratio: adapter.medianMs / engine.medianMs,
    formulaAgainRatio: again.medianMs / engine.medianMs,
  };
}

/**
 * A rules refresh as a user feels it: from the new document's text to 100k rows scored (parse, validate,
 * compile, read every distinct commodity afresh, plan and score), against warm `scoreRows` on the same rows.
 */
async function refreshVersusWarm(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write("4. rules refresh: text → 100k rows scored vs warm scoreRows\n");
  const options = { asOf: AS_OF };
  const text = readFileSync(join(ROOT, "src", "rules", "default-rules.json"), "utf8");
  const timeRefresh = async (label: string, readingsFrom: CompiledRules | null) =>
    record(
      label,
      await timeRuns({ warmups: 1, runs: 5 }, () => text, (t) => {
        const parsed = parseRules(t);
        if (!parsed.ok) throw new Error("the bundled rules are invalid");
        return scoreRows(rows, compileRules(parsed.rules, { readingsFrom }), options);
      }),
      rows.length,
    );
  const refresh = await timeRefresh("refresh: parse + compile + cold scoreRows, 100k rows", null);
  // The same, when the new document reads text as the active one did (most refreshes): readings carried over.
  const sameItems = await timeRefresh("refresh, items unchanged: readings kept, plans new", rules);
  const warm = record("engine scoreRows, same rows (warm)", await timeRuns({ warmups: 1, runs: 7 }, () => rules, (r) => scoreRows(rows, r, options)), rows.length);
  return {
    rows: rows.length,
    distinctCommodities: new Set(rows.map((r) => r.commodity)).size,
    refreshMs: refresh.medianMs,
    sameItemsRefreshMs: sameItems.medianMs,
    warmMs: warm.medianMs,
    ratio: refresh.medianMs / warm.medianMs,
    sameItemsRatio: sameItems.medianMs / warm.medianMs,
  };
}

/**
 * A formula filled down a column: Excel calls SCORE once per cell, each argument a 1×1 range; against
 * `scoreRows` on the same rows, both with the ruleset's readings and plans warm.
 */
async function cellCallsVersusEngine(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write("5. one SCORE call per cell vs engine\n");
  const now = new Date();
  const options = { asOf: todayIso(now) };
  const cells = asColumns(rows);
  const perCell = rows.map((_, i) => cells.map((column) => [column[i]]));
  const calls = record(
    "SCORE, one call per cell ([[v]] arguments)",
    await timeRuns({ warmups: 1, runs: 5 }, () => rules, (r) => perCell.map((args) => scoreCells(args, r, now)[0][0])),
    rows.length,
  );
  const engine = record("engine scoreRows, same rows", await timeRuns({ warmups: 1, runs: 7 }, () => rules, (r) => scoreRows(rows, r, options)), rows.length);
  checkAgreement("per-cell SCORE", perCell.map((args) => scoreCells(args, rules, now)[0][0]), scoreRows(rows, rules, options));
  return { rows: rows.length, callsMs: calls.medianMs, engineMs: engine.medianMs, ratio: calls.medianMs / engine.medianMs };
}

async function rulesLoading() {
  process.stderr.write("6. rules: parse + validate + compile vs JSON.parse\n");
  const bundledText = readFileSync(join(ROOT, "src", "rules", "default-rules.json"), "utf8");
  const big = bigRulesText(bundledRules as RulesDocumentInput, BIG_RULES_BYTES);
  const measureText = async (name: string, text: string, plan: { warmups: number; runs: number }) => {
    const check = parseRules(text);
    if (!check.ok) throw new Error(`${name} rules are invalid: ${check.issues.slice(0, 3).map((i) => `${i.path} ${i.code}`).join("; ")}`);
    const document: RulesDocument = check.rules;
    const jsonParse = record(`JSON.parse, ${name} (${(text.length / 1024).toFixed(0)} KB)`, await timeRuns(plan, () => text, (t) => JSON.parse(t)));
    const parseOnly = record(`parseRules (JSON + zod + cross-checks), ${name}`, await timeRuns(plan, () => text, (t) => parseRules(t)));
    const compileOnly = record(`compileRules, ${name}`, await timeRuns(plan, () => document, (d) => compileRules(d)));
    const full = record(
      `parseRules + compileRules, ${name}`,
      await timeRuns(plan, () => text, (t) => {
        const parsed = parseRules(t);
        if (!parsed.ok) throw new Error("invalid");
        return compileRules(parsed.rules);
      }),
    );
    return {
      bytes: text.length,
      items: document.items.length,
      controls: document.controls.length,
      jsonParseMs: jsonParse.medianMs,
      parseRulesMs: parseOnly.medianMs,
      compileRulesMs: compileOnly.medianMs,
      parseAndCompileMs: full.medianMs,
      ratio: full.medianMs / jsonParse.medianMs,
    };
  };
  const bundled = await measureText("bundled", bundledText, { warmups: 3, runs: 15 });
  const generated = await measureText("generated", big.text, { warmups: 1, runs: 7 });
  return { bundled, generated, ratio: bundled.ratio };
}

async function screening(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write("8. supplier-name screening: precision/recall on the labelled corpus, cost on 100k rows\n");
  const corpus = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "screening", "corpus.json"), "utf8")) as Corpus;
  const quality = scoreScreening(compileRules(rules.doc), corpus);
  const fresh = scoreScreening(compileRules(rules.doc), JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "screening", "fresh.json"), "utf8")) as Corpus);
  const freshHeldOut = scoreScreening(compileRules(rules.doc), JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "screening", "fresh-held-out.json"), "utf8")) as Corpus);
  const names = syntheticSupplierNames(rows.length, corpus, seededRandom(BENCH_SEED + 7));
  const named = rows.map((row, i) => ({ ...row, supplierName: names[i] }));
  const options = { asOf: AS_OF };
  // Each run gets a freshly compiled ruleset (untimed), so the name index is built and every name screened inside the run.
  const plain = record("engine scoreRows, fresh rules, no supplier names", await timeRuns({ warmups: 1, runs: 5 }, () => compileRules(rules.doc), (r) => scoreRows(rows, r, options)), rows.length);
  const screened = record("engine scoreRows, fresh rules, with supplier names", await timeRuns({ warmups: 1, runs: 5 }, () => compileRules(rules.doc), (r) => scoreRows(named, r, options)), rows.length);
  return {
    corpusNames: quality.names,
    listedNames: quality.listedNames,
    lookAlikes: quality.lookAlikes,
    flagged: quality.flagged,
    precision: quality.precision,
    recall: quality.recall,
    freshPrecision: fresh.precision,
    freshRecall: fresh.recall,
    freshHeldOutPrecision: freshHeldOut.precision,
    freshHeldOutRecall: freshHeldOut.recall,
    listedLeftForReview: quality.listedAsPossible,
    lookAlikesOfferedForReview: quality.lookAlikesAsPossible,
    falsePositives: quality.falsePositives,
    misses: quality.misses,
    rows: rows.length,
    distinctNames: new Set(names).size,
    withoutNamesMs: plain.medianMs,
    withNamesMs: screened.medianMs,
    addedPerRowUs: ((screened.medianMs - plain.medianMs) * 1000) / rows.length,
  };
}

/**
 * Reading commodity text: precision, recall and false-positive rate on the labelled corpus, the working set
 * (what the matcher was tuned on), the held-out set (never looked at while tuning), and the fresh sets of 27 Nov
 * 2026 (fresh.csv tuned on, fresh-held-out.csv not), scored separately.
 * `--matching-errors` lists the working set's misreadings.
 */
function matchingFigures(rules: CompiledRules, listErrors: boolean) {
  process.stderr.write("9. matching: labelled corpus\n");
  const folder = join(ROOT, "test", "fixtures", "matching");
  const summary = (figures: CorpusFigures) => {
    const { outcomes: _outcomes, ...rest } = figures;
    return rest;
  };
  const working = scoreCorpus(engineReader(withColdMemo(rules)), readCorpus(join(folder, "working.csv")));
  const heldOut = scoreCorpus(engineReader(withColdMemo(rules)), readCorpus(join(folder, "held-out.csv")));
  const fresh = scoreCorpus(engineReader(withColdMemo(rules)), readCorpus(join(folder, "fresh.csv")));
  const freshHeldOut = scoreCorpus(engineReader(withColdMemo(rules)), readCorpus(join(folder, "fresh-held-out.csv")));
  if (listErrors) {
    for (const outcome of working.outcomes.filter((o) => o.error !== null)) {
      process.stderr.write(`  ${outcome.error!.padEnd(14)} ${outcome.line.category.padEnd(16)} ${outcome.line.expected.padEnd(28)} read ${String(outcome.read).padEnd(28)} ${outcome.line.text}\n`);
    }
  }
  return { working: summary(working), heldOut: summary(heldOut), fresh: summary(fresh), freshHeldOut: summary(freshHeldOut) };
}

function printMatching(figures: ReturnType<typeof matchingFigures>): void {
  const sets = [
    ["working set", figures.working],
    ["held-out set", figures.heldOut],
    ["fresh set", figures.fresh],
    ["fresh held-out set", figures.freshHeldOut],
  ] as const;
  for (const [name, set] of sets) {
    console.log(
      `\nmatching, ${name}: ${set.lines} lines (${set.positives} items, ${set.negatives} not, ${set.undecided} undecided), ${figureLine(set).replace("matching ", "")}` +
        (set.pendingItems.length > 0 ? `; labels for items not in these rules, counted as NONE: ${set.pendingItems.join(", ")}` : ""),
    );
    for (const [category, errors] of Object.entries(set.errorsByCategory).sort()) {
      console.log(`  ${category.padEnd(18)} ${Object.entries(errors).map(([kind, count]) => `${kind} ${count}`).join(", ")}`);
    }
  }
}

function machine() {
  let cpuModel = cpus()[0]?.model ?? "unknown";
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpuModel;
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return { cpus: cpus().length, cpuModel, node: process.version, platform: `${process.platform} ${process.arch}`, date: new Date().toISOString() };
}

function printTable(): void {
  const lines = table.map(({ label, timing, rows }) => {
    const perRow = rows ? `${formatPerRow(timing.medianMs / rows).padStart(10)}   ${Math.round(rows / (timing.medianMs / 1000)).toLocaleString("en-US").padStart(11)}` : "";
    return `${label.padEnd(58)} ${timing.medianMs.toFixed(2).padStart(10)}   ${perRow}`;
  });
  console.log(`${"measurement (median after warm-up)".padEnd(58)} ${"ms".padStart(10)}   ${"per row".padStart(10)}   ${"rows/s".padStart(11)}`);
  console.log(lines.join("\n"));
}

function printSizes(bundle: BundleSize): void {
  const line = (name: string, bytes: number, gzipBytes: number) => console.log(`  ${name.padEnd(56)} ${(bytes / 1024).toFixed(1).padStart(11)}  ${(gzipBytes / 1024).toFixed(1).padStart(12)}`);
  console.log("\nbundle (what taskpane.html loads, office.js excluded)      minified KB    gzip -9 KB");
  for (const file of bundle.files) line(file.name, file.bytes, file.gzipBytes);
  line("total", bundle.totalBytes, bundle.totalGzipBytes);
  console.log("loaded on demand (chunks fetched when a feature is first used)");
  for (const file of bundle.onDemand) line(file.name, file.bytes, file.gzipBytes);
  line("total on demand", bundle.onDemandBytes, bundle.onDemandGzipBytes);
}

function printCli(cli: CliMemory): void {
  console.log(
    `\nchokepoint score, ${cli.rows.toLocaleString("en-US")}-row ${cli.input.toUpperCase()} (${(cli.inputBytes / 1e6).toFixed(0)} MB) → ${cli.format}: ` +
      `peak RSS ${cli.peakMb.map((mb) => mb.toFixed(0)).join(" / ")} MB (median ${cli.medianPeakMb.toFixed(0)}), ` +
      `wall ${(cli.medianWallMs / 1000).toFixed(1)} s (${Math.round(cli.rows / (cli.medianWallMs / 1000)).toLocaleString("en-US")} rows/s)` +
      (Number.isNaN(cli.ioFloorMedianWallMs) ? "" : `; I/O floor (same reader and sink, no scoring) ${(cli.ioFloorMedianWallMs / 1000).toFixed(1)} s`) +
      (Number.isNaN(cli.sameBytesFloorMedianWallMs) ? "" : `; the floor writing ${cli.sameBytesPerRow} bytes a row, as the CLI does, ${(cli.sameBytesFloorMedianWallMs / 1000).toFixed(1)} s`),
  );
}

/**
 * What changed and what is coming, on the same 100,000 rows: both editions scored (impactOfChange, against a
 * second edition with every severity lowered by a tenth) and the 90-day horizon from 1 Sep 2026, which holds
 * the end of the No. 70/2025 and US suspensions (impactOfDate). Reported beside one warm scoreRows.
 */
async function changeImpact(rows: RowInput[], rules: CompiledRules) {
  process.stderr.write("7. what changed and what is coming\n");
  const edited = JSON.parse(JSON.stringify(bundledRules)) as { controls: { severity: number }[] };
  for (const control of edited.controls) control.severity = round(control.severity * 0.9, 3);
  const parsed = parseRules(edited);
  if (!parsed.ok) throw new Error("the edited edition is invalid");
  const next = compileRules(parsed.rules);
  const portfolio = rows.map((input) => ({ input }));
  const engine = record("engine scoreRows, same rows (memo warm)", await timeRuns({ warmups: 1, runs: 5 }, () => rules, (r) => scoreRows(rows, r, { asOf: AS_OF })), rows.length);
  const change = record("impactOfChange: both editions, 100k rows", await timeRuns({ warmups: 1, runs: 3 }, () => null, () => impactOfChange(portfolio, rules, next, AS_OF)), rows.length);
  const horizon = record("impactOfDate: 90 days from 2026-09-01, 100k rows", await timeRuns({ warmups: 1, runs: 3 }, () => null, () => impactOfDate(portfolio, rules, "2026-09-01", "2026-11-30")), rows.length);
  return { rows: rows.length, changeRatio: change.medianMs / engine.medianMs, horizonRatio: horizon.medianMs / engine.medianMs };
}

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? new Set(process.argv[onlyIndex + 1].split(",")) : null;
  const wanted = (name: string) => only === null || only.has(name);
  const cliRunsIndex = process.argv.indexOf("--cli-runs");
  // Three runs by default, each a fresh process (nothing to warm up), and the median reported; `--cli-runs 1`
  // for a quick look.
  const cliRuns = cliRunsIndex >= 0 ? Number(process.argv[cliRunsIndex + 1]) : 3;
  if (!(globalThis as { gc?: unknown }).gc) process.stderr.write("note: run node with --expose-gc for steadier figures\n");

  const rules = compileBundled();
  const rows = syntheticInputs(rules.doc, ROWS);
  const results: Record<string, unknown> = { machine: machine(), asOf: AS_OF };

  const floor = wanted("floor") ? await engineVersusFloor(rows, rules) : null;
  const jsonRules = wanted("jsonrules") ? await engineVersusJsonRules(rows.slice(0, JSON_RULES_ROWS), rules) : null;
  const adapter = wanted("adapter") ? await adapterVersusEngine(rows, rules) : null;
  const refresh = wanted("refresh") ? await refreshVersusWarm(rows, rules) : null;
  const cellCalls = wanted("cellcalls") ? await cellCallsVersusEngine(rows, rules) : null;
  const rulesFigures = wanted("rules") ? await rulesLoading() : null;
  const bundle = wanted("size") ? measureBundles(join(ROOT, "dist")) : null;
  const cli = wanted("cli") ? await measureCliMemory({ root: ROOT, rows: CLI_ROWS, asOf: AS_OF, document: rules.doc, runs: cliRuns }) : null;
  const xlsx = wanted("xlsx") ? await measureCliMemory({ root: ROOT, rows: XLSX_ROWS, asOf: AS_OF, document: rules.doc, runs: cliRuns, input: "xlsx" }) : null;
  const impact = wanted("impact") ? await changeImpact(rows, rules) : null;
  const screeningFigures = wanted("screening") ? await screening(rows, rules) : null;
  const matching = wanted("matching") ? matchingFigures(rules, process.argv.includes("--matching-errors")) : null;
  Object.assign(results, {
    engineVsFloor: floor,
    jsonRulesVsEngine: jsonRules,
    adapterVsEngine: adapter,
    refreshVsWarm: refresh,
    cellCallsVsEngine: cellCalls,
    rules: rulesFigures,
    bundle,
    cliMemory: cli,
    xlsxMemory: xlsx,
    impact,
    screening: screeningFigures,
    matching,
  });

  console.log("");
  printTable();
  if (bundle) printSizes(bundle);
  if (cli) printCli(cli);
  if (xlsx) printCli(xlsx);
  if (matching) printMatching(matching);

  const outDir = join(ROOT, "bench", "out");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "latest.json"), `${JSON.stringify({ ...results, table }, null, 2)}\n`);
  console.log(`\nfull results: bench/out/latest.json\n`);

  if (floor) console.log(`ratio engine/floor: ${round(floor.ratio, 2)}`);
  if (jsonRules) console.log(`ratio jsonrules/engine: ${round(jsonRules.ratio, 1)}`);
  if (refresh) console.log(`ratio refresh/warm: ${round(refresh.ratio, 2)}`);
  if (refresh) console.log(`ratio refresh-same-items/warm: ${round(refresh.sameItemsRatio, 2)}`);
  if (cli) console.log(`ratio cli/io-floor: ${round(cli.medianWallMs / cli.ioFloorMedianWallMs, 2)}`);
  if (cli) console.log(`ratio io-floor-cli-bytes/io-floor: ${round(cli.sameBytesFloorMedianWallMs / cli.ioFloorMedianWallMs, 2)}`);
  if (cellCalls) console.log(`ratio cellcalls/engine: ${round(cellCalls.ratio, 2)}`);
  if (adapter) console.log(`ratio adapter/engine: ${round(adapter.ratio, 2)}`);
  if (rulesFigures) console.log(`ratio validate/jsonparse: ${round(rulesFigures.ratio, 1)}`);
  if (bundle) console.log(`bundle gzip KB: ${round(bundle.totalGzipBytes / 1024, 1)}`);
  if (bundle) console.log(`bundle loaded on demand gzip KB: ${round(bundle.onDemandGzipBytes / 1024, 1)}`);
  if (cli) console.log(`cli 1M rows peak MB: ${Math.round(cli.medianPeakMb)}`);
  if (xlsx) console.log(`xlsx 200k rows peak MB: ${Math.round(xlsx.medianPeakMb)}`);
  if (impact) console.log(`ratio impact-change/engine: ${round(impact.changeRatio, 1)}  ratio impact-date/engine: ${round(impact.horizonRatio, 1)}`);
  if (screeningFigures) console.log(`screening P/R: ${round(screeningFigures.precision, 3)} ${round(screeningFigures.recall, 3)}`);
  if (screeningFigures) console.log(`screening fresh P/R: ${round(screeningFigures.freshPrecision, 3)} ${round(screeningFigures.freshRecall, 3)}`);
  if (screeningFigures) console.log(`screening fresh held-out P/R: ${round(screeningFigures.freshHeldOutPrecision, 3)} ${round(screeningFigures.freshHeldOutRecall, 3)}`);
  if (matching) console.log(figureLine(matching.working));
  if (matching) console.log(`${figureLine(matching.heldOut).replace("matching", "matching held-out")}`);
  if (matching) console.log(`${figureLine(matching.fresh).replace("matching", "matching fresh")}`);
  if (matching) console.log(`${figureLine(matching.freshHeldOut).replace("matching", "matching fresh held-out")}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
