/**
 * Precision and recall of supplier-name screening on the labelled corpus (test/fixtures/screening/corpus.json).
 * Only a clear match (`listed`) counts as flagged: a `possible` match is for review and never flagged.
 *   precision = flagged names that are the labelled entity ÷ flagged names
 *   recall    = listed names flagged as their labelled entity ÷ listed names
 * Shared by `npm run bench -- --only screening` and the floor test (test/engine/screening-corpus.test.ts).
 */
import type { CompiledRules } from "../src/engine/compile";
import { toCountryCode } from "../src/engine/countries";
import { screenName, type ScreeningResult } from "../src/engine/screening";

export interface CorpusName {
  name: string;
  country: string | null;
  /** The entity as a notice names it, or null for a company on no list. */
  listed: string | null;
  how: string;
}

export interface Corpus {
  asOf: string;
  names: CorpusName[];
}

export interface ScreeningScore {
  names: number;
  listedNames: number;
  lookAlikes: number;
  flagged: number;
  correctlyFlagged: number;
  precision: number;
  recall: number;
  /** Listed names left for review instead of flagged, and look-alikes offered for review. */
  listedAsPossible: number;
  lookAlikesAsPossible: number;
  /** The names screened wrongly, for reading. */
  falsePositives: { name: string; matched: string }[];
  misses: { name: string; listed: string; got: string }[];
}

/** True when the result names the labelled entity (any notice of the matched firm may spell it). */
function names(result: ScreeningResult, entity: string): boolean {
  if (result.match === null) return false;
  return result.match.name === entity || result.match.listings.some((listing) => listing.entityName === entity);
}

export function scoreScreening(rules: CompiledRules, corpus: Corpus): ScreeningScore {
  const index = rules.screeningIndex();
  let flagged = 0;
  let correctlyFlagged = 0;
  let listedFlagged = 0;
  let listedAsPossible = 0;
  let lookAlikesAsPossible = 0;
  const falsePositives: ScreeningScore["falsePositives"] = [];
  const misses: ScreeningScore["misses"] = [];
  for (const entry of corpus.names) {
    const country = entry.country === null ? null : toCountryCode(entry.country);
    const result = screenName(index, rules.doc, entry.name, country, { asOf: corpus.asOf, reviewedAt: rules.doc.reviewedAt });
    const right = entry.listed !== null && names(result, entry.listed);
    if (result.status === "listed") {
      flagged += 1;
      if (right) correctlyFlagged += 1;
      else falsePositives.push({ name: entry.name, matched: result.match?.name ?? "" });
    }
    if (entry.listed !== null) {
      if (result.status === "listed" && right) listedFlagged += 1;
      else misses.push({ name: entry.name, listed: entry.listed, got: `${result.status}${result.match ? ` ${result.match.name}` : ""}` });
      if (result.status === "possible") listedAsPossible += 1;
    } else if (result.status === "possible") lookAlikesAsPossible += 1;
  }
  const listedNames = corpus.names.filter((entry) => entry.listed !== null).length;
  return {
    names: corpus.names.length,
    listedNames,
    lookAlikes: corpus.names.length - listedNames,
    flagged,
    correctlyFlagged,
    precision: flagged === 0 ? 1 : correctlyFlagged / flagged,
    recall: listedNames === 0 ? 1 : listedFlagged / listedNames,
    listedAsPossible,
    lookAlikesAsPossible,
    falsePositives,
    misses,
  };
}

const NAME_WORDS = [
  "Apex", "Northwind", "Blue", "River", "Summit", "Atlas", "Orion", "Keystone", "Pioneer", "Crescent", "Harbor", "Granite", "Silver",
  "Evergreen", "Falcon", "Meridian", "Vertex", "Nova", "Pacific", "Alpine", "Sakura", "Rhein", "Nordic", "Lotus", "Delta", "Vanguard",
];
const NAME_TRADES = [
  "Magnetics", "Precision", "Metals", "Electronics", "Components", "Materials", "Engineering", "Systems", "Plastics", "Logistics",
  "Chemicals", "Technologies", "Industries", "Castings", "Controls", "Optics", "Battery", "Motors", "Tooling", "Packaging",
];
const NAME_FORMS = ["Inc.", "Corp.", "LLC", "Ltd", "Co., Ltd.", "GmbH", "AG", "S.A.", "KK", "s.r.o.", "Pvt Ltd", "BV", ""];

/**
 * Supplier names for the screening cost figure: a vocabulary of about `distinct` names — every corpus name plus
 * generated ones — reused across rows with a skewed frequency, as a purchasing extract repeats its suppliers.
 */
export function syntheticSupplierNames(count: number, corpus: Corpus, random: () => number, distinct = 5_000): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const vocabulary = corpus.names.map((entry) => entry.name);
  while (vocabulary.length < distinct) {
    vocabulary.push(`${pick(NAME_WORDS)} ${pick(NAME_WORDS)} ${pick(NAME_TRADES)} ${pick(NAME_FORMS)}`.trim());
  }
  return Array.from({ length: count }, () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]);
}
