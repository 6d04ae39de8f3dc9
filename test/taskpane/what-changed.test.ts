/**
 * taskpane/what-changed.ts: the first load carries the bundled rules lean (src/rules/lean.ts); "What changed"
 * compares the whole bundled document wherever the lean one is given, so a left-out note or the edition's
 * history never shows as a change.
 */
import bundledLean from "../../src/rules/default-rules.json?checked&lean";
import bundledWhole from "../../src/rules/default-rules.json?checked";
import { diffRules } from "../../taskpane/what-changed";
import { diffRules as diffDocuments } from "../../src/engine/diff";
import type { RulesDocument } from "../../src/rules/schema";

const copy = (doc: RulesDocument): RulesDocument => JSON.parse(JSON.stringify(doc));

test("the lean bundled rules against a download of the same edition: nothing changed", () => {
  const diff = diffRules(bundledLean, copy(bundledWhole));
  expect(diff.controls).toEqual({ added: [], removed: [], changed: [] });
  expect(diff.items).toEqual({ added: [], removed: [], changed: [] });
  expect(diff.sections.every((section) => section.added.length + section.removed.length + section.changed.length === 0)).toBe(true);
  expect(diff.ownerChanges.entries).toEqual([]);
  // Compared as the first load carries it, every control's notes and the whole history would look new.
  const naive = diffDocuments(bundledLean, copy(bundledWhole));
  expect(naive.controls.changed.length + naive.ownerChanges.entries.length).toBeGreaterThan(0);
});

test("a note changed in the download shows, and only that", () => {
  const next = copy(bundledWhole);
  const control = next.controls.find((entry) => entry.notes !== undefined)!;
  control.notes = `${control.notes} Checked again.`;
  const diff = diffRules(bundledLean, next);
  expect(diff.controls.changed.map((change) => change.id)).toEqual([control.id]);
  expect(diffRules(next, bundledLean).controls.changed.map((change) => change.id)).toEqual([control.id]);
});
