/**
 * examples/hosted-rules.json (scripts/make-hosted-example.js): the committed file is what the script builds
 * from today's bundled rules, so the example a rule owner copies never lags the rules it claims to extend.
 */
import * as fs from "fs";
import * as path from "path";
import { diffRules } from "../../src/engine/diff";
import { parseRules } from "../../src/rules/parse";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require("../../scripts/make-hosted-example.js") as { build(): string };
const committedPath = path.join(__dirname, "..", "..", "examples", "hosted-rules.json");
const bundledPath = path.join(__dirname, "..", "..", "src", "rules", "default-rules.json");

test("the committed example is exactly what the script builds now (run npm run examples after changing the rules)", () => {
  expect(fs.readFileSync(committedPath, "utf8")).toBe(script.build());
});

test("it differs from the bundled rules by its edition and one watch-list control, and its own change list says so", () => {
  const example = parseRules(JSON.parse(fs.readFileSync(committedPath, "utf8")));
  const bundled = parseRules(JSON.parse(fs.readFileSync(bundledPath, "utf8")));
  if (!example.ok || !bundled.ok) throw new Error("a rules file is invalid");
  const diff = diffRules(bundled.rules, example.rules);
  expect(diff.controls.added.map((c) => c.id)).toEqual(["EXAMPLE-2026-ITO-WATCH"]);
  expect([diff.controls.removed, diff.controls.changed, diff.items.added, diff.items.removed, diff.items.changed]).toEqual([[], [], [], [], []]);
  expect(diff.sections.every((section) => section.added.length + section.removed.length + section.changed.length === 0)).toBe(true);
  expect(diff.ownerChanges.agree).toBe(true);
});
