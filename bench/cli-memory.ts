/**
 * Peak memory of the command-line tool on a large file: a generated supplier CSV of a million rows (or an
 * XLSX workbook of 200,000) is scored by `node bin/chokepoint.js score`, output to a temporary file, and the peak
 * resident set of the command's processes is the sum of their VmHWM in /proc/PID/status, polled (the command runs in
 * a second Node: bin/chokepoint.js); without /proc, GNU time's (`/usr/bin/time -v`), which reports the largest alone.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { RulesDocument } from "../src/rules/schema";
import { median } from "./measure";
import { syntheticRows } from "./synthetic";

const HEADER = ["supplier", "commodity", "supplier_country", "site_country", "china_input_share", "china_technology", "china_equipment", "china_personnel", "spend"];
const GNU_TIME = "/usr/bin/time";

export interface CliMemory {
  input: "csv" | "xlsx";
  rows: number;
  inputBytes: number;
  format: string;
  outputBytes: number;
  method: "gnu-time" | "proc-vmhwm-tree";
  peakMb: number[];
  medianPeakMb: number;
  medianWallMs: number;
  /** The I/O floor (io-floor.ts) on the same file, run between the CLI's runs: wall times and their median. */
  ioFloorWallMs: number[];
  ioFloorMedianWallMs: number;
  /**
   * The same floor writing as many bytes a row as the CLI did (its output size ÷ rows), run after each floor run:
   * what the size of the explained rows costs without any scoring.
   */
  sameBytesPerRow: number;
  sameBytesFloorWallMs: number[];
  sameBytesFloorMedianWallMs: number;
}

function supplierCells(row: ReturnType<typeof syntheticRows> extends Iterable<infer R> ? R : never): unknown[] {
  const { input } = row;
  return [row.supplier, input.commodity, input.supplierCountry, input.siteCountry, input.chinaInputShare, input.chinaTechnology, input.chinaEquipment, input.chinaPersonnel, row.spend].map((cell) => cell ?? "");
}

/** The same synthetic rows as a workbook Excel would write (shared strings), streamed out so the bench stays small. */
export async function writeSupplierXlsx(path: string, document: RulesDocument, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet("Suppliers");
  sheet.addRow(HEADER).commit();
  for (const row of syntheticRows(document, rows)) sheet.addRow(supplierCells(row).map((cell) => (cell === "" ? null : cell))).commit();
  sheet.commit();
  await workbook.commit();
}

/** The same synthetic rows as the in-memory figures, as a CSV file with the CLI's column names. */
export function writeSupplierCsv(path: string, document: RulesDocument, rows: number): void {
  const file = openSync(path, "w");
  try {
    writeSync(file, `${HEADER.join(",")}\n`);
    let batch: unknown[][] = [];
    const flush = () => {
      if (batch.length > 0) writeSync(file, `${Papa.unparse(batch, { newline: "\n" })}\n`);
      batch = [];
    };
    for (const row of syntheticRows(document, rows)) {
      batch.push(supplierCells(row));
      if (batch.length === 10_000) flush();
    }
    flush();
  } finally {
    closeSync(file);
  }
}

interface RunResult {
  peakKb: number;
  wallMs: number;
}

function exitError(code: number | null, stderr: string): Error {
  return new Error(`chokepoint score exited with ${code}: ${stderr.trim().split("\n").slice(-5).join("\n")}`);
}

function runWithGnuTime(command: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(GNU_TIME, ["-v", ...command], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      const peak = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
      if (code !== 0) reject(exitError(code, stderr));
      else if (!peak) reject(new Error("GNU time did not report the maximum resident set size"));
      else resolve({ peakKb: Number(peak[1]), wallMs });
    });
  });
}

/** The process and every process it started, still running (Linux: /proc/PID/task/PID/children). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let at = 0; at < tree.length; at++) {
    try {
      const children = readFileSync(`/proc/${tree[at]}/task/${tree[at]}/children`, "utf8").trim();
      if (children !== "") tree.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process has just exited
    }
  }
  return tree;
}

/**
 * Peak memory of a command and of every process it starts (`chokepoint score` runs in a second Node, the first one
 * waiting): each process's own high-water mark (VmHWM), summed. The sum bounds the tree's peak from above, and the
 * waiting Node's memory hardly moves.
 */
function runPollingProcessTree(command: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command[0], command.slice(1), { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const highWater = new Map<number, number>();
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      for (const pid of processTree(child.pid)) {
        try {
          const hwm = /VmHWM:\s*(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
          if (hwm) highWater.set(pid, Math.max(highWater.get(pid) ?? 0, Number(hwm[1])));
        } catch {
          // the process has just exited
        }
      }
    }, 20);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      const peakKb = [...highWater.values()].reduce((sum, kb) => sum + kb, 0);
      if (code !== 0) reject(exitError(code, stderr));
      else resolve({ peakKb, wallMs: performance.now() - start });
    });
  });
}

export async function measureCliMemory(options: {
  root: string;
  rows: number;
  asOf: string;
  document: RulesDocument;
  runs?: number;
  format?: "json" | "csv";
  input?: "csv" | "xlsx";
}): Promise<CliMemory> {
  const format = options.format ?? "json";
  const kind = options.input ?? "csv";
  const runs = options.runs ?? 3;
  const workDir = mkdtempSync(join(tmpdir(), "chokepoint-bench-"));
  try {
    const input = join(workDir, `suppliers.${kind}`);
    const output = join(workDir, `scores.${format}`);
    process.stderr.write(`CLI memory: writing ${options.rows.toLocaleString("en-US")} rows to ${input}\n`);
    if (kind === "xlsx") await writeSupplierXlsx(input, options.document, options.rows);
    else writeSupplierCsv(input, options.document, options.rows);
    const command = [process.execPath, join(options.root, "bin", "chokepoint.js"), "score", input, "--format", format, "--out", output, "--as-of", options.asOf];
    // Where /proc is, every process of the command counts; GNU time reports only the largest one.
    const useGnuTime = !existsSync("/proc/self/status") && existsSync(GNU_TIME);
    const floorCommand = [process.execPath, join(__dirname, "io-floor.js"), input, join(workDir, "floor.json")];
    const results: RunResult[] = [];
    const floorResults: RunResult[] = [];
    const sameBytesResults: RunResult[] = [];
    let sameBytesPerRow = 0;
    for (let run = 0; run < runs; run++) {
      const result = useGnuTime ? await runWithGnuTime(command) : await runPollingProcessTree(command);
      process.stderr.write(`  run ${run + 1}/${runs}: peak ${(result.peakKb / 1024).toFixed(0)} MB, ${(result.wallMs / 1000).toFixed(1)} s\n`);
      results.push(result);
      if (kind === "csv") {
        const floor = await runPollingProcessTree(floorCommand);
        process.stderr.write(`  I/O floor run ${run + 1}/${runs}: ${(floor.wallMs / 1000).toFixed(1)} s\n`);
        floorResults.push(floor);
        sameBytesPerRow ||= Math.round(statSync(output).size / options.rows);
        const sameBytes = await runPollingProcessTree([...floorCommand, String(sameBytesPerRow)]);
        process.stderr.write(`  I/O floor, ${sameBytesPerRow} bytes a row, run ${run + 1}/${runs}: ${(sameBytes.wallMs / 1000).toFixed(1)} s\n`);
        sameBytesResults.push(sameBytes);
      }
    }
    const peakMb = results.map((r) => r.peakKb / 1024);
    return {
      input: kind,
      rows: options.rows,
      inputBytes: statSync(input).size,
      format,
      outputBytes: statSync(output).size,
      method: useGnuTime ? "gnu-time" : "proc-vmhwm-tree",
      peakMb,
      medianPeakMb: median(peakMb),
      medianWallMs: median(results.map((r) => r.wallMs)),
      ioFloorWallMs: floorResults.map((r) => r.wallMs),
      ioFloorMedianWallMs: floorResults.length === 0 ? Number.NaN : median(floorResults.map((r) => r.wallMs)),
      sameBytesPerRow,
      sameBytesFloorWallMs: sameBytesResults.map((r) => r.wallMs),
      sameBytesFloorMedianWallMs: sameBytesResults.length === 0 ? Number.NaN : median(sameBytesResults.map((r) => r.wallMs)),
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
