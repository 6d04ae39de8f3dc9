/**
 * src/rules/lean.ts: the bundled rules as the first load carries them. The claim that makes it safe: nothing the
 * add-in works out from the rules changes when the texts it leaves out are gone (scores with their explanations,
 * screening, upcoming changes, producers elsewhere), and only those texts are gone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firstLoadDocument, leanDocument, leftOutTexts, withTexts } from "../../src/rules/lean";
import { parseRules } from "../../src/rules/parse";
import { compileRules } from "../../src/engine/compile";
import { scoreRows } from "../../src/engine/score";
import { upcomingChanges } from "../../src/engine/horizon";
import { alternativesFor } from "../../src/engine/alternatives";
import type { RowInput } from "../../src/engine/types";
import { syntheticInputs } from "../../bench/synthetic";
import { checkedRules } from "./checked";

const whole = checkedRules(readFileSync(join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8"));
const lean = leanDocument(whole);

test("an entity note keeps its place among its listing's entities when others have none", () => {
  const listing = whole.listings.find((entry) => entry.entities.some((entity) => entity.notes !== undefined) && entry.entities.some((entity) => entity.notes === undefined));
  expect(listing).toBeDefined();
  const restored = withTexts(lean, leftOutTexts(whole)).listings.find((entry) => entry.id === listing!.id)!;
  expect(restored.entities.map((entity) => entity.notes)).toEqual(listing!.entities.map((entity) => entity.notes));
});

test("only an item's description and what its China shares are shares of, a control's description, a listing's measures, the notes of controls, listings, listed entities and producer figures, their sources after the first, and the history of changes are left out", () => {
  expect(lean.changes).toEqual([]);
  // A control's description is required by the format: its title stands in for it.
  expect(lean.controls.every((control) => control.description === control.title)).toBe(true);
  expect(whole.controls.filter((control) => control.description !== control.title).length).toBeGreaterThan(30);
  expect(lean.controls.every((control) => control.sources.length === 1)).toBe(true);
  expect(lean.listings.every((listing) => listing.sources.length === 1)).toBe(true);
  // A listing's measures in words, also required, are its instrument's name.
  expect(lean.listings.every((listing) => listing.measures === listing.instrument)).toBe(true);
  expect(whole.listings.filter((listing) => listing.measures !== listing.instrument).length).toBeGreaterThan(30);
  expect(whole.controls.filter((control) => control.sources.length > 1).length).toBeGreaterThan(5);
  expect(whole.listings.filter((listing) => listing.sources.length > 1).length).toBeGreaterThan(5);
  expect(lean.items.some((item) => item.description !== undefined)).toBe(false);
  expect(lean.items.some((item) => Object.values(item.chinaShare ?? {}).some((figure) => figure.basis !== undefined))).toBe(false);
  expect(lean.items.map((item) => Object.values(item.chinaShare ?? {}).map((figure) => figure.share))).toEqual(whole.items.map((item) => Object.values(item.chinaShare ?? {}).map((figure) => figure.share)));
  expect(lean.controls.some((control) => control.notes !== undefined)).toBe(false);
  expect(lean.listings.some((listing) => listing.notes !== undefined || listing.entities.some((entity) => entity.notes !== undefined))).toBe(false);
  expect(lean.producers.some((figure) => figure.notes !== undefined || figure.sources.length > 1)).toBe(false);
  expect(lean.producers.map((figure) => figure.sources[0])).toEqual(whole.producers.map((figure) => figure.sources[0]));
  // Put them back, and the whole document comes out again.
  expect(JSON.parse(JSON.stringify(withTexts(lean, leftOutTexts(whole))))).toEqual(JSON.parse(JSON.stringify(whole)));
  // The bundled document has such texts to leave out: otherwise this test would prove nothing.
  expect(whole.changes.length).toBeGreaterThan(0);
  expect(whole.items.filter((item) => Object.values(item.chinaShare ?? {}).some((figure) => figure.basis !== undefined)).length).toBeGreaterThan(5);
  expect(whole.controls.filter((control) => control.notes !== undefined).length).toBeGreaterThan(5);
  expect(whole.listings.filter((listing) => listing.notes !== undefined).length).toBeGreaterThan(5);
  expect(whole.producers.filter((figure) => figure.notes !== undefined).length).toBeGreaterThan(5);
  expect(whole.producers.filter((figure) => figure.sources.length > 1).length).toBeGreaterThan(5);
});

test("the lean document is still a valid rules document, and so is the first load's", () => {
  expect(parseRules(JSON.stringify(lean)).ok).toBe(true);
  expect(parseRules(JSON.stringify(firstLoadDocument(lean))).ok).toBe(true);
});

test("scores, explanations and screening are the same on the lean, the first load's and the whole document", () => {
  const names = whole.listings.flatMap((listing) => listing.entities.map((entity) => entity.name)).slice(0, 400);
  const rows: RowInput[] = syntheticInputs(whole, 4000).map((row, i) => ({ ...row, supplierName: i % 3 === 0 ? names[i % names.length] : row.supplierName }));
  for (const asOf of ["2025-06-01", "2026-11-27"]) {
    const fromWhole = scoreRows(rows, compileRules(whole), { asOf });
    const fromLean = scoreRows(rows, compileRules(lean), { asOf });
    expect(JSON.stringify(fromLean)).toBe(JSON.stringify(fromWhole));
    // The first load's copy, without the producer figures too, scores the same.
    expect(JSON.stringify(scoreRows(rows, compileRules(firstLoadDocument(lean)), { asOf }))).toBe(JSON.stringify(fromWhole));
    expect(fromWhole.some((result) => result.ok && result.entity?.status === "listed")).toBe(true);
  }
});

test("upcoming changes and producers elsewhere are the same on the lean and the whole document, but for what the add-in never shows", () => {
  const [a, b] = [compileRules(whole), compileRules(lean)];
  expect(JSON.stringify(upcomingChanges(b, "2026-01-01", 365))).toBe(JSON.stringify(upcomingChanges(a, "2026-01-01", 365)));
  // A figure's notes and its sources after the first are for people reading the rules or the CLI's JSON: the formulas,
  // the profile card and the report sheet cite the first source only (src/functions/adapters.ts, profile-card.ts,
  // taskpane/report-content.ts).
  const withoutTexts = (value: unknown) => JSON.stringify(value, (key, part) => (key === "notes" ? undefined : key === "sources" && Array.isArray(part) ? part.slice(0, 1) : part));
  for (const item of whole.items) expect(withoutTexts(alternativesFor(b, item.id))).toBe(withoutTexts(alternativesFor(a, item.id)));
  expect(whole.items.some((item) => JSON.stringify(alternativesFor(a, item.id)) !== JSON.stringify(alternativesFor(b, item.id)))).toBe(true);
});
