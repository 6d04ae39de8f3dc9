#!/usr/bin/env node
"use strict";
const path = require("path");
const fs = require("fs");

const compiled = path.join(__dirname, "..", "build", "node", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  console.error("chokepoint: the command-line tool is not built yet. Run `npm install` (or `npm run build:cli`) in the project folder.");
  process.exit(2);
}

/**
 * `score` makes and drops millions of small objects on a large file: a larger young generation for Node's garbage
 * collector makes a million-row file about a sixth faster, for the 42 MB of the Node that waits (docs/cli.md, "Large
 * files"). Node takes the setting only as it starts, so `score` starts Node again with it, unless it is set already,
 * CHOKEPOINT_SAME_PROCESS=1 or Node is being debugged. The exit code is the child's; if Node cannot be started again, the command runs here.
 */
const YOUNG_GENERATION = "--max-semi-space-size=32";

function scoreWithYoungGeneration(args) {
  if (args[0] !== "score" || process.env.CHOKEPOINT_SAME_PROCESS === "1") return null;
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS || "").split(/\s+/)];
  if (flags.some((flag) => flag.startsWith("--max-semi-space-size"))) return null;
  // A Node being debugged runs the command itself: a second Node would open a second inspector.
  if (flags.some((flag) => /^--(inspect|debug)/.test(flag))) return null;
  const child = require("child_process").spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION, __filename, ...args], {
    stdio: "inherit",
    env: { ...process.env, CHOKEPOINT_SAME_PROCESS: "1" },
  });
  if (child.error) return null;
  if (child.signal) return 128 + (require("os").constants.signals[child.signal] || 0);
  return child.status;
}

const restarted = scoreWithYoungGeneration(process.argv.slice(2));
if (restarted !== null) {
  process.exitCode = restarted;
} else {
  run();
}

function run() {
  // A reader that closes the pipe early (`chokepoint schema | head`) has what it wanted: end quietly.
  process.stdout.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  require(compiled)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error) => {
      console.error(`chokepoint: ${error && error.stack ? error.stack : error}`);
      process.exitCode = 2;
    });
}
