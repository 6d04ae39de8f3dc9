#!/usr/bin/env node
// npm start: score the example supplier list with the bundled rules (a quick proof the engine works),
// then serve the add-in on https://localhost:3000 and sideload it where Excel desktop exists.
// Exits non-zero whenever a step fails; never fails silently.
"use strict";
const { spawn, spawnSync } = require("child_process");
const https = require("https");
const path = require("path");
const fs = require("fs");

const root = path.join(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const baseUrl = `https://localhost:${port}/`;
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command, args, label) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[chokepoint] ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function scoreExampleList() {
  const example = path.join(root, "examples", "suppliers.csv");
  if (!fs.existsSync(example)) return;
  console.log("[chokepoint] The example supplier list, scored with the bundled rules:\n");
  run(process.execPath, [path.join(root, "bin", "chokepoint.js"), "score", example, "--format", "table"], "Scoring the example list");
  console.log("");
}

function waitForServer(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const request = https.get(`${baseUrl}taskpane.html`, { rejectUnauthorized: false }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else retry(new Error(`HTTP ${response.statusCode}`));
      });
      request.on("error", retry);
    };
    const retry = (error) => {
      if (Date.now() > deadline) reject(error);
      else setTimeout(attempt, 500);
    };
    attempt();
  });
}

function printSideloadHelp() {
  console.log(
    [
      "",
      `[chokepoint] The add-in is served at ${baseUrl}taskpane.html (bundled rules: ${baseUrl}rules/default-rules.json).`,
      "[chokepoint] Excel desktop cannot run on Linux, so sideload it in Excel on the web:",
      "    1. Trust the development CA in the browser you use for Excel (see the lines above if it is not trusted yet).",
      "    2. Open a workbook at https://excel.cloud.microsoft (or office.com → Excel), e.g. examples/chokepoint-tutorial.xlsx uploaded to OneDrive.",
      "    3. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → choose manifest.xml from this folder.",
      "    4. Type =CHOKEPOINT.RULESVERSION() in a cell, or open the pane with Home → Export-control exposure.",
      "[chokepoint] Press Ctrl+C to stop the server.",
      "",
    ].join("\n"),
  );
}

async function main() {
  run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], "Building the CLI");
  scoreExampleList();

  if (process.platform === "win32" || process.platform === "darwin") {
    // office-addin-debugging builds, starts `npm run dev-server` and sideloads into Excel desktop.
    // It is fetched on demand: its dependency tree needs a native keychain module that cannot build on Linux.
    run(npx, ["--yes", "office-addin-debugging@^6.1.2", "start", "manifest.xml"], "Sideloading with office-addin-debugging");
    return;
  }

  const server = spawn(npx, ["webpack", "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
  let exited = false;
  server.on("exit", (code, signal) => {
    exited = true;
    if (signal === "SIGINT" || signal === "SIGTERM") process.exit(0);
    console.error(`[chokepoint] The dev server stopped (exit ${code ?? signal}).`);
    process.exit(code || 1);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => server.kill(signal));
  }
  try {
    await waitForServer(60_000);
    printSideloadHelp();
  } catch (error) {
    if (!exited) {
      console.error(`[chokepoint] The dev server did not answer on ${baseUrl} within 60 s: ${error.message}`);
      server.kill("SIGTERM");
      process.exit(1);
    }
  }
}

main().catch((error) => {
  console.error(`[chokepoint] ${error.stack || error}`);
  process.exit(1);
});
