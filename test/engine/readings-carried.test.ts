/**
 * A refresh keeps the commodity readings of the ruleset it replaces when, and only when, the new document reads
 * text the same way: same items (share figures and descriptions aside), same matching section, same items named
 * together with each machine by the controls, same HS descriptions.
 */
import { compileRules, type CompiledRules } from "../../src/engine/compile";
import { scoreRows } from "../../src/engine";
import type { RulesDocument } from "../../src/rules/schema";
import { staticNomenclature } from "../../src/engine/hs";
import bundled from "../../src/rules/default-rules.json";
import { checkedRules } from "../rules/checked";

const ROWS = [
  { commodity: "gallium ingot 6N", supplierCountry: "Japan", siteCountry: "US" },
  { commodity: "Sintered NdFeB magnets N52", supplierCountry: "China" },
  { commodity: "HS 8505.11", supplierCountry: "Germany" },
  { commodity: "cardboard boxes", supplierCountry: "China" },
  { commodity: "Wolframcarbid Pulver", supplierCountry: "China", chinaInputShare: "40%" },
];
const OPTIONS = { asOf: "2026-11-27" };

function document(edit: (doc: RulesDocument) => void = () => undefined): RulesDocument {
  const copy = JSON.parse(JSON.stringify(bundled)) as unknown;
  const checked = checkedRules(copy);
  edit(checked);
  return checked;
}

function readOnce(rules: CompiledRules): CompiledRules {
  scoreRows(ROWS, rules, OPTIONS);
  return rules;
}

const json = (rules: CompiledRules) => JSON.stringify(scoreRows(ROWS, rules, OPTIONS));

const named = (entry: RulesDocument["controls"][number]["items"][number]) => (typeof entry === "string" ? entry : entry.item);

test.each<[string, (doc: RulesDocument) => void, boolean]>([
  [
    "only a control's weight",
    (doc) => {
      doc.controls[0].severity = Math.max(0.05, doc.controls[0].severity - 0.1);
    },
    true,
  ],
  [
    // The new share figure reaches the score: the gallium row's mineral dependence defaults to it.
    "only an item's China share figures or description",
    (doc) => {
      const item = doc.items.find((i) => i.id === "gallium")!;
      item.chinaShare!.processing!.share = 0.5;
      item.description = "Gallium metal and its compounds (description edited by a refresh)";
    },
    true,
  ],
  [
    "which minerals a control names, without touching a machine's controls",
    (doc) => {
      const control = doc.controls.find((c) => c.id === "CN-2023-GA-GE")!;
      control.items = control.items.filter((entry) => named(entry) !== "germanium");
    },
    false,
  ],
])("a refresh that changes %s keeps the readings, reads nothing again and scores as a fresh compile does", (_what, edit, scoresMove) => {
  const before = readOnce(compileRules(document()));
  const edited = document(edit);
  const after = compileRules(edited, { readingsFrom: before });
  expect(after.matchMemo).toBe(before.matchMemo);
  const readBefore = after.matchMemo.computed;
  const carried = json(after);
  expect(after.matchMemo.computed).toBe(readBefore);
  expect(carried).toBe(json(compileRules(edited)));
  if (scoresMove) expect(carried).not.toBe(json(before));
});

test("new aliases, a changed item list of a control or other HS descriptions read afresh", () => {
  const before = readOnce(compileRules(document()));
  const withAlias = document((doc) => {
    doc.items[0].aliases = [...doc.items[0].aliases, "chokepoint test alias"];
  });
  // The reader takes from controls only which items they name together with a machine (its domain words).
  const withControlItems = document((doc) => {
    const machines = new Set(doc.items.filter((item) => item.kind === "equipment").map((item) => item.id));
    const control = doc.controls.find((c) => c.items.length > 1 && c.items.length <= 20 && c.items.some((entry) => machines.has(named(entry))))!;
    control.items = control.items.filter((entry) => machines.has(named(entry)));
  });
  expect(compileRules(withAlias, { readingsFrom: before }).matchMemo).not.toBe(before.matchMemo);
  expect(compileRules(withControlItems, { readingsFrom: before }).matchMemo).not.toBe(before.matchMemo);
  const described = compileRules(document(), { readingsFrom: before, hsNomenclature: staticNomenclature({}) });
  expect(described.matchMemo).not.toBe(before.matchMemo);
  expect(compileRules(document(), { readingsFrom: before }).matchMemo).toBe(before.matchMemo);
});

test("readings made before HS descriptions loaded on demand arrived are not kept once they have", () => {
  let loaded = false;
  const lazy = { describe: (digits: string) => (loaded && digits === "850590" ? "Other electromagnets" : null), get loaded() { return loaded; } };
  const before = readOnce(compileRules(document(), { hsNomenclature: lazy }));
  expect(compileRules(document(), { hsNomenclature: lazy, readingsFrom: before }).matchMemo).toBe(before.matchMemo);
  loaded = true;
  const after = compileRules(document(), { hsNomenclature: lazy, readingsFrom: before });
  expect(after.matchMemo).not.toBe(before.matchMemo);
  expect(compileRules(document(), { hsNomenclature: lazy, readingsFrom: after }).matchMemo).toBe(after.matchMemo);
});
