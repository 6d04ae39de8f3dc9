#!/usr/bin/env node
/**
 * Builds examples/hosted-rules.json: what a rule owner would host — the bundled rules whole (a hosted file
 * replaces the bundled one, it does not patch it), under the owner's name and version, with one watch-list
 * control of their own, their own weight for informal measures (a policy choice, not a fact about a control),
 * and a `changes` entry saying so. Run: npm run examples (or node scripts/make-hosted-example.js)
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bundledPath = path.join(root, "src", "rules", "default-rules.json");
const outPath = path.join(root, "examples", "hosted-rules.json");

const EDITION = { version: "2026.12.01-example", publishedAt: "2026-12-01", reviewedAt: "2026-12-01" };
const PUBLISHER = { name: "Example rule owner (replace with your organisation)", url: "https://rules.example.com/", contact: "trade-compliance@example.com" };

const WATCH_CONTROL = {
  id: "EXAMPLE-2026-ITO-WATCH",
  title: "Example: ITO sputtering targets on a rule owner's watch list",
  description:
    "Not a real measure. This entry shows how a hosted rules file extends the bundled ruleset: a rule owner who hears of a possible licensing requirement for indium tin oxide (ITO) targets records it as proposed, with low confidence and for that grade of indium only, until a text is published.",
  category: "minerals",
  items: [{ item: "indium", grades: ["ito"], excludes: ["metal"], condition: "only indium tin oxide (ITO), e.g. sputtering targets" }],
  instrument: "None yet (rule owner's watch list)",
  timeline: [{ status: "proposed", from: "2026-12-01", note: "Recorded from market reports; no official text." }],
  scope: { kind: "worldwide" },
  severity: 0.3,
  confidence: "U",
  sources: [{ url: "https://rules.example.com/notes/ito-targets", title: "Rule owner's note (example)" }],
};

/** This owner counts reported-but-unpublished practice closer to a published measure than the bundled rules do. */
const INFORMAL_WEIGHT = 0.7;

/** The hosted example built on a bundled rules document: the same keys in the same order, the owner's edition and additions. */
function hostedExample(bundled) {
  const ownChange = {
    date: EDITION.publishedAt,
    controls: [WATCH_CONTROL.id],
    items: [],
    summary: `Example entry: on top of the bundled edition ${bundled.version}, the rule owner's watch item on ITO targets, and informal measures weighted ${INFORMAL_WEIGHT} (bundled: ${bundled.weights.status.informal}).`,
  };
  const replaced = {
    $schema: "../docs/rules.schema.json",
    ...EDITION,
    publisher: PUBLISHER,
    weights: { ...bundled.weights, status: { ...bundled.weights.status, informal: INFORMAL_WEIGHT } },
    controls: [...bundled.controls, WATCH_CONTROL],
    changes: [ownChange, ...(bundled.changes ?? [])],
  };
  return Object.fromEntries(Object.keys(bundled).map((key) => [key, key in replaced ? replaced[key] : bundled[key]]));
}

function build() {
  const bundled = JSON.parse(fs.readFileSync(bundledPath, "utf8"));
  return `${JSON.stringify(hostedExample(bundled), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(outPath, build());
  process.stdout.write(`wrote ${path.relative(root, outPath)}\n`);
}

module.exports = { build, hostedExample, WATCH_CONTROL };
