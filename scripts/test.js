#!/usr/bin/env node
// npm test: the whole gate, in the order a failure is cheapest to find.
//   type check (add-in and benchmarks) → lint → unit tests (jest) → production build → headless-Chromium tests over dist/.
// Ends with one line "N passed, N failed" counting every jest test of both runs.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const totals = { passed: 0, failed: 0 };
const started = Date.now();

function step(label, command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    return false;
  }
  console.log(`✔ ${label} (${seconds} s)`);
  return true;
}

function jest(label, config) {
  const report = path.join(os.tmpdir(), `chokepoint-jest-${process.pid}-${path.basename(config)}.json`);
  const ok = step(label, bin("jest"), ["--config", config, "--json", `--outputFile=${report}`]);
  if (fs.existsSync(report)) {
    const summary = JSON.parse(fs.readFileSync(report, "utf8"));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests + (summary.numRuntimeErrorTestSuites || 0);
    fs.rmSync(report);
  } else if (!ok) {
    totals.failed += 1;
  }
  return ok;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return true;
  if (process.platform !== "linux" || !fs.existsSync("/usr/bin/apt-get")) {
    console.error(`✖ Chromium not found at ${chromium}; set CHROMIUM_PATH to a Chromium or Chrome binary.`);
    return false;
  }
  const sudo = process.getuid && process.getuid() === 0 ? [] : ["sudo"];
  const run = (args) => spawnSync(sudo.length ? "sudo" : args[0], sudo.length ? args : args.slice(1), { stdio: "inherit" }).status === 0;
  return run(["apt-get", "update", "-qq"]) && run(["apt-get", "install", "-y", "-qq", "chromium"]);
}

const steps = [
  () => step("Type check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]),
  () => step("Type check the benchmarks (tsc --noEmit -p tsconfig.bench.json)", bin("tsc"), ["--noEmit", "-p", "tsconfig.bench.json"]),
  () => step("Lint (eslint)", bin("eslint"), [".", "--max-warnings=0"]),
  () => jest("Unit tests (jest)", "jest.config.js"),
  () => step("Production build (webpack)", bin("webpack"), ["--mode", "production"], { ADDIN_PUBLIC_URL: process.env.ADDIN_PUBLIC_URL || "https://chokepoint.example.com/addin/" }),
  () => ensureChromium(),
  () => jest("Browser tests (headless Chromium over dist/)", "jest.e2e.config.js"),
];

let failedStep = false;
for (const run of steps) {
  if (!run()) {
    failedStep = true;
    break;
  }
}
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failedStep && totals.failed === 0) totals.failed = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStep || totals.failed ? 1 : 0);
