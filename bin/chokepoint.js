#!/usr/bin/env node
"use strict";
const path = require("path");
const fs = require("fs");

const compiled = path.join(__dirname, "..", "build", "node", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  console.error("chokepoint: the command-line tool is not built yet. Run `npm install` (or `npm run build:cli`) in the project folder.");
  process.exit(2);
}
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
