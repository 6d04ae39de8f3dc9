/**
 * Synthetic supplier rows for the benchmarks, reproducible from a seed. The mix imitates an ERP extract:
 * a vocabulary of a few thousand distinct commodity descriptions, reused across rows with a skewed
 * frequency (a few parts are bought from many suppliers), written as aliases, trade names, HS codes with
 * and without dots or an "HS" prefix, misspellings, plain purchases no control covers, and text the
 * taxonomy cannot know. Countries come as names, alpha-2, alpha-3 and variants; dependence cells as
 * numbers, percent text, decimal text, blanks and the odd bad cell.
 */
import type { CellValue, RowInput } from "../src/engine";
import { type RulesDocument } from "../src/rules/schema";
import { hsCodeOf } from "../src/rules/vocabulary";

export const BENCH_SEED = 20260601;

/** mulberry32: small, fast and good enough to make reproducible test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Things every company buys that no export control is about, some of which the taxonomy knows as items. */
const ORDINARY_PURCHASES = [
  "steel brackets", "hot rolled steel coil", "aluminium extrusion", "aluminum sheet", "copper wire", "copper busbar",
  "cardboard boxes", "corrugated cartons", "freight forwarding", "ABS resin", "polypropylene pellets", "office chairs",
  "cleaning services", "test fixtures", "safety gloves", "forklift rental", "IT consulting", "canteen services",
  "hydraulic hoses", "M8 hex bolts", "printer toner", "pallet wrap", "industrial adhesive", "cable ties",
];

/** Descriptions the taxonomy cannot know: they must come back unmatched, never as safe. */
const UNKNOWN_WORDS = ["misc", "parts", "lot", "assy", "kit", "spare", "service", "batch", "rework", "sample", "PO", "Q3"];

const PHRASE_CONTEXTS = ["for EV motor", "grade A", "99.99% purity", "per drawing 4711", "bulk", "customer spec", "5N"];

const HS_CHAPTER_FILLERS = ["7318", "3926", "8481", "9403", "4819"];

function misspell(random: Random, text: string): string {
  const at = 1 + Math.floor(random() * (text.length - 2));
  const edit = random();
  if (edit < 0.34) return text.slice(0, at) + text.slice(at + 1); // a letter dropped
  if (edit < 0.67) return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2); // two letters swapped
  return text.slice(0, at) + text[at] + text.slice(at); // a letter doubled
}

function writeHsCode(random: Random, digits: string): string {
  const dotted = digits.length > 4 ? `${digits.slice(0, 4)}.${digits.slice(4, 6)}${digits.length > 6 ? `.${digits.slice(6)}` : ""}` : digits;
  const form = random();
  if (form < 0.35) return digits;
  if (form < 0.7) return dotted;
  if (form < 0.9) return `HS ${dotted}`;
  return `HS code ${digits.slice(0, 6)}`;
}

/** The distinct commodity descriptions rows draw from, built from the rules' own names, aliases and codes. */
export function commodityVocabulary(rules: RulesDocument, random: Random, size: number): string[] {
  const names = rules.items.flatMap((item) => [item.name, ...item.aliases]);
  const longNames = names.filter((name) => name.length >= 7);
  const codes = rules.items.flatMap((item) => item.hsCodes.map((code) => hsCodeOf(code).code));
  const vocabulary = new Set<string>();
  while (vocabulary.size < size) {
    const kind = random();
    if (kind < 0.3) vocabulary.add(pick(random, names));
    else if (kind < 0.38) vocabulary.add(pick(random, names).toUpperCase());
    else if (kind < 0.43) vocabulary.add(`${pick(random, names)}s`);
    else if (kind < 0.53) vocabulary.add(writeHsCode(random, pick(random, codes)));
    else if (kind < 0.55) vocabulary.add(writeHsCode(random, `${pick(random, HS_CHAPTER_FILLERS)}${String(Math.floor(random() * 90) + 10)}`));
    else if (kind < 0.66) vocabulary.add(misspell(random, pick(random, longNames)));
    else if (kind < 0.73) vocabulary.add(`${pick(random, names)} ${pick(random, PHRASE_CONTEXTS)}`);
    else if (kind < 0.9) vocabulary.add(`${pick(random, ORDINARY_PURCHASES)}${random() < 0.5 ? "" : ` ${Math.floor(random() * 900) + 100}`}`);
    else vocabulary.add(`${pick(random, UNKNOWN_WORDS)} ${pick(random, UNKNOWN_WORDS)} ${Math.floor(random() * 10000)}`);
  }
  return [...vocabulary];
}

const SUPPLIER_COUNTRIES = [
  "China", "CN", "CHN", "PRC", "Mainland China", "China", "CN",
  "Japan", "JP", "JPN", "Germany", "DEU", "DE", "United States", "USA", "US", "India", "IND",
  "Viet Nam", "Vietnam", "VN", "Mexico", "MEX", "South Korea", "KOR", "Taiwan", "TWN", "Hong Kong", "Malaysia", "Brazil",
];
const SITE_COUNTRIES = ["US", "United States", "USA", "Germany", "DE", "India", "IN", "Mexico", "Japan", "Vietnam", "France"];

function country(random: Random, list: readonly string[]): CellValue {
  const r = random();
  if (r < 0.05) return null;
  if (r < 0.0505) return "Atlantis";
  return pick(random, list);
}

function dependence(random: Random): CellValue {
  const r = random();
  if (r < 0.5) return null;
  if (r < 0.501) return pick(random, ["abc", "150%", "1.5"]);
  if (r < 0.7) return Math.round(random() * 100) / 100;
  if (r < 0.9) return `${Math.round(random() * 100)}%`;
  return (Math.round(random() * 100) / 100).toFixed(2);
}

function rowDate(random: Random): CellValue {
  const r = random();
  if (r < 0.97) return null;
  if (r < 0.985) return 45000 + Math.floor(random() * 800); // an Excel date serial (2023–2025)
  return `2025-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-15`;
}

export interface SyntheticRow {
  supplier: string;
  input: RowInput;
  spend: number | null;
}

/**
 * `count` rows from the seed. Commodity frequency is skewed (random² favours the head of the vocabulary),
 * as in real lists where a few parts are bought from many suppliers.
 */
export function* syntheticRows(rules: RulesDocument, count: number, seed = BENCH_SEED, vocabularySize = 3000): Generator<SyntheticRow> {
  const random = seededRandom(seed);
  const vocabulary = commodityVocabulary(rules, random, vocabularySize);
  for (let index = 0; index < count; index++) {
    const skewed = random() * random();
    const commodity = random() < 0.001 ? null : vocabulary[Math.floor(skewed * vocabulary.length)];
    yield {
      supplier: `Supplier ${index + 1}`,
      input: {
        commodity,
        supplierCountry: country(random, SUPPLIER_COUNTRIES),
        siteCountry: country(random, SITE_COUNTRIES),
        chinaInputShare: dependence(random),
        chinaTechnology: dependence(random),
        chinaEquipment: dependence(random),
        chinaPersonnel: dependence(random),
        asOf: rowDate(random),
      },
      spend: random() < 0.1 ? null : Math.round(random() * 5_000_000),
    };
  }
}

export function syntheticInputs(rules: RulesDocument, count: number, seed = BENCH_SEED): RowInput[] {
  return Array.from(syntheticRows(rules, count, seed), (row) => row.input);
}
