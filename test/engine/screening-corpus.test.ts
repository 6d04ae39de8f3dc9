/**
 * Screening on the labelled corpus of 500+ names (test/fixtures/screening/corpus.json): the floors the bench's
 * `screening P/R:` figure must keep. Names are labelled by a person, not by the matcher.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scoreScreening, type Corpus } from "../../bench/screening";
import { compileRules } from "../../src/engine";
import { checkedRules } from "../rules/checked";

const corpus = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "screening", "corpus.json"), "utf8")) as Corpus;
const checked = checkedRules(readFileSync(join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8"));
const score = scoreScreening(compileRules(checked), corpus);

test("the corpus has at least 300 names, 150 of them look-alikes", () => {
  expect(score.names).toBeGreaterThanOrEqual(300);
  expect(score.lookAlikes).toBeGreaterThanOrEqual(150);
});

test("precision stays at 0.98 or more: look-alikes are not flagged", () => {
  expect(score.falsePositives.length <= 0.02 * score.flagged ? [] : score.falsePositives).toEqual([]);
  expect(score.precision).toBeGreaterThanOrEqual(0.98);
});

test("recall stays at 0.95 or more: listed firms written as purchasing data writes them are flagged", () => {
  expect(score.recall).toBeGreaterThanOrEqual(0.95);
});

// The fresh corpus (27 Nov 2026) was written without running the matcher, by another hand: names the first corpus
// did not imagine (sites after a dash, Japanese legal names, company abbreviations). Floors below today's figures.
// A fifth writer's 140 names joined it after being measured untouched (recall 0.40) and tuned on: harder names
// (Cyrillic and Korean renderings, former names, bills of lading), so the floor on recall went from 0.8 to 0.72. A
// sixth writer's 128 new names (card descriptors, bank fields, Cyrillic, former names) joined the same way (untouched
// 0.523; with them the corpus reads 0.990 / 0.733).
const fresh = scoreScreening(compileRules(checked), JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "screening", "fresh.json"), "utf8")) as Corpus);

test("on the fresh corpus, precision stays at 0.97 and recall at 0.72 or more", () => {
  expect(fresh.names).toBeGreaterThanOrEqual(610);
  expect(fresh.precision).toBeGreaterThanOrEqual(0.97);
  expect(fresh.recall).toBeGreaterThanOrEqual(0.72);
});

// A second and a third writer's names, half of each never read while changing the screening, and a fourth writer's
// names whole, measured only: the figures to expect.
const heldOut = scoreScreening(compileRules(checked), JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "screening", "fresh-held-out.json"), "utf8")) as Corpus);

test("on the held-out names, precision stays at 0.97 and recall at 0.6 or more", () => {
  expect(heldOut.names).toBeGreaterThanOrEqual(370);
  expect(heldOut.precision).toBeGreaterThanOrEqual(0.97);
  expect(heldOut.recall).toBeGreaterThanOrEqual(0.6);
});
