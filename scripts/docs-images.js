#!/usr/bin/env node
/**
 * npm run docs:images — the pictures in README.md and docs/ come from the browser tests, never from a
 * drawing program. This builds the add-in, runs the tests that take the pictures (headless Chromium over
 * dist/, with the fake Excel host) and copies the chosen ones from test/e2e/artifacts/ to docs/images/,
 * refusing any whose width is not the fixed width below.
 *
 *   npm run docs:images                 build, run the picture tests, copy
 *   npm run docs:images -- --copy-only  copy what the last test run left in test/e2e/artifacts/
 *
 * test/docs/images.test.ts checks the committed pictures against this list.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const ARTIFACTS = path.join(root, "test", "e2e", "artifacts");
const DOCS_IMAGES_DIR = path.join(root, "docs", "images");
/** The pane pictures: the 350 px pane at a device pixel ratio of 2 (test/e2e/pictures.ts). */
const PANE_PICTURE_WIDTH = 700;
/** Largest file a picture may be: the docs must stay light to clone and to load. */
const MOST_BYTES = 400 * 1024;

/** Every picture the docs show: where the tests leave it, its name under docs/images, its width in pixels. */
const DOCS_IMAGES = [
  { artifact: "docs/start-screen.png", image: "start-screen.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/start-screen.test.ts" },
  { artifact: "docs/pane-example.png", image: "pane-example.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/start-screen.test.ts" },
  { artifact: "docs/column-mapping.png", image: "column-mapping.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  { artifact: "docs/by-item.png", image: "by-item.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  { artifact: "docs/coming-up.png", image: "coming-up.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  { artifact: "docs/rules-panel.png", image: "rules-panel.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  { artifact: "docs/what-changed.png", image: "what-changed.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  { artifact: "docs/chinas-lists.png", image: "chinas-lists.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  { artifact: "docs/report.png", image: "report.png", width: PANE_PICTURE_WIDTH, test: "test/e2e/pictures.test.ts" },
  // The PROFILE card, rendered at the card's own fixed width (test/e2e/card-html.ts).
  { artifact: "profile-card.png", image: "profile-card.png", width: 720, test: "test/e2e/profile.test.ts" },
];

function pngSize(file) {
  // A PNG starts with an 8-byte signature and the IHDR chunk, whose data holds width then height (big-endian).
  const bytes = fs.readFileSync(file);
  if (bytes.toString("latin1", 1, 4) !== "PNG") throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
}

function run(command, args) {
  const bin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${command}.cmd` : command);
  const result = spawnSync(bin, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

function copyPictures() {
  const problems = [];
  for (const picture of DOCS_IMAGES) {
    const from = path.join(ARTIFACTS, picture.artifact);
    if (!fs.existsSync(from)) {
      problems.push(`${picture.artifact}: not found; run ${picture.test}`);
      continue;
    }
    const size = pngSize(from);
    if (size.width !== picture.width) problems.push(`${picture.artifact}: ${size.width} px wide, expected ${picture.width}`);
    else if (size.bytes > MOST_BYTES) problems.push(`${picture.artifact}: ${Math.round(size.bytes / 1024)} KB, more than ${MOST_BYTES / 1024} KB`);
    else {
      fs.mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
      fs.copyFileSync(from, path.join(DOCS_IMAGES_DIR, picture.image));
      console.log(`docs/images/${picture.image}  ${size.width}×${size.height}  ${Math.round(size.bytes / 1024)} KB`);
    }
  }
  if (problems.length > 0) throw new Error(`pictures not copied:\n  ${problems.join("\n  ")}`);
}

function main() {
  if (!process.argv.includes("--copy-only")) {
    run("webpack", ["--mode", "production"]);
    const tests = [...new Set(DOCS_IMAGES.map((picture) => picture.test))];
    run("jest", ["--config", "jest.e2e.config.js", ...tests]);
  }
  copyPictures();
}

module.exports = { DOCS_IMAGES, MOST_BYTES, pngSize };

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
