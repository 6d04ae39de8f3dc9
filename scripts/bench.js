#!/usr/bin/env node
/**
 * `npm run bench`: builds what the benchmarks measure, then runs them (see docs/benchmarks.md).
 *   1. the CLI (`npm run build:cli` → build/node), whose memory is measured on a million rows;
 *   2. the production add-in bundles (`webpack --mode production` → dist/), whose size is measured;
 *   3. the benchmark code with the engine, rules and functions it imports (tsconfig.bench.json → build/bench).
 * Extra arguments go to the runner, e.g. `npm run bench -- --only floor,adapter` (figures: floor, jsonrules,
 * adapter, refresh, cellcalls, rules, size, cli, xlsx, impact, screening, matching; `--matching-errors` lists the working set's misreadings) and `--cli-runs N` (default 3). Not part of `npm test`: speed is reported, never asserted.
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const runnerArgs = process.argv.slice(2);
const only = runnerArgs.includes("--only") ? new Set(runnerArgs[runnerArgs.indexOf("--only") + 1].split(",")) : null;
const wanted = (figure) => only === null || only.has(figure);

function step(title, command, args) {
  process.stderr.write(`\n> ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(`bench: "${title}" failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");

if (wanted("cli") || wanted("xlsx")) step("build the CLI (tsconfig.cli.json)", process.execPath, [tsc, "-p", "tsconfig.cli.json"]);
if (wanted("size")) step("production build of the add-in (webpack --mode production)", process.execPath, [webpack, "--mode", "production"]);
step("build the benchmarks (tsconfig.bench.json)", process.execPath, [tsc, "-p", "tsconfig.bench.json"]);
step("run the benchmarks", process.execPath, ["--expose-gc", path.join(root, "build", "bench", "bench", "run.js"), ...runnerArgs]);
