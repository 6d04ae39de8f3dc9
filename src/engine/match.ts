/**
 * Commodity text → taxonomy item, in order of certainty:
 * 1. the whole text is a name or alias (confidence 1);
 * 2. the text is an HS code and an item's code is its longest prefix (confidence 1);
 * 3. a tolerant text match (fuse.js) of the whole text with confidence 0.85 or more, else
 * 4. a name or alias appearing as a phrase inside the text, earliest phrase first (confidence 0.9), else
 * 5. the tolerant text match scoring at least MIN_FUZZY_CONFIDENCE.
 * Anything else is unmatched. Results are memoised per compiled ruleset by normalised text.
 */
import type { CompiledRules } from "./compile";
import type { MatchMethod, MatchResult } from "./types";
import { commodityWords, hsCodeDigits, normalizeCommodity } from "./commodity";
import { gradeNamed } from "./grades";
import { readQuantities, type QuantityReading } from "./quantities";
import {
  FUZZY_BEATS_PHRASE,
  FUZZY_CANDIDATES,
  LONGEST_FUZZY_TEXT,
  MEMO_LIMIT,
  MIN_FUZZY_CONFIDENCE,
  PHRASE_IN_TEXT_CONFIDENCE,
  SHORTEST_ALIAS_IN_TEXT,
} from "./match-tuning";

export { LOW_CONFIDENCE_BELOW, MIN_FUZZY_CONFIDENCE } from "./match-tuning";

const NO_QUANTITIES: readonly QuantityReading[] = Object.freeze([]);

function result(rules: CompiledRules, normalized: string, itemId: string | null, method: MatchMethod, confidence: number): MatchResult {
  const grades = itemId === null ? undefined : rules.gradesByItem.get(itemId);
  return {
    itemId,
    itemName: itemId === null ? null : (rules.itemsById.get(itemId)?.name ?? null),
    method,
    confidence,
    normalized,
    grade: grades === undefined || grades.length === 0 ? null : gradeNamed(grades, commodityWords(normalized)),
    quantities: NO_QUANTITIES,
  };
}

function byHsCode(rules: CompiledRules, digits: string): string | null {
  for (const length of rules.hsPrefixLengths) {
    if (length > digits.length) continue;
    const itemId = rules.hsIndex.get(digits.slice(0, length));
    if (itemId !== undefined) return itemId;
  }
  return null;
}

/** The earliest-starting, then longest, run of words that is an alias. */
function byPhraseInText(rules: CompiledRules, words: readonly string[]): string | null {
  for (let start = 0; start < words.length; start++) {
    const longest = Math.min(rules.longestAliasWords, words.length - start);
    for (let length = longest; length >= 1; length--) {
      const phrase = words.slice(start, start + length).join(" ");
      if (phrase.length < SHORTEST_ALIAS_IN_TEXT) continue;
      const itemId = rules.aliasIndex.get(phrase);
      if (itemId !== undefined) return itemId;
    }
  }
  return null;
}

/**
 * Fuse finds candidates by approximate substring; its score ignores how much of the alias the text
 * covers ("cat" sits perfectly inside "cathode"), so confidence also scales by the length ratio.
 */
function byFuzzyText(rules: CompiledRules, normalized: string): { itemId: string; confidence: number } | null {
  if (normalized.length < SHORTEST_ALIAS_IN_TEXT || normalized.length > LONGEST_FUZZY_TEXT) return null;
  const index = rules.fuzzyIndexFor(normalized.length);
  if (index === undefined) return null;
  let best: { itemId: string; confidence: number } | null = null;
  for (const hit of index.search(normalized, { limit: FUZZY_CANDIDATES })) {
    const text = hit.item.text;
    const coverage = Math.min(text.length, normalized.length) / Math.max(text.length, normalized.length);
    const confidence = Math.round((1 - (hit.score ?? 1)) * coverage * 1000) / 1000;
    if (best === null || confidence > best.confidence) best = { itemId: hit.item.itemId, confidence };
  }
  return best !== null && best.confidence >= MIN_FUZZY_CONFIDENCE ? best : null;
}

function matchNormalized(rules: CompiledRules, normalized: string): MatchResult {
  const words = commodityWords(normalized);
  const whole = rules.aliasIndex.get(words.join(" "));
  if (whole !== undefined) return result(rules, normalized, whole, "alias", 1);

  const digits = hsCodeDigits(normalized);
  if (digits !== null) {
    const itemId = byHsCode(rules, digits);
    return itemId === null ? result(rules, normalized, null, "none", 0) : result(rules, normalized, itemId, "hs_code", 1);
  }

  // A close misspelling of a whole alias beats a shorter alias found inside the text:
  // "germanium substarte" is a germanium substrate, not germanium.
  const phrase = byPhraseInText(rules, words);
  const fuzzy = byFuzzyText(rules, normalized);
  if (fuzzy !== null && (phrase === null || fuzzy.confidence >= FUZZY_BEATS_PHRASE)) {
    return result(rules, normalized, fuzzy.itemId, "fuzzy", fuzzy.confidence);
  }
  if (phrase !== null) return result(rules, normalized, phrase, "alias", PHRASE_IN_TEXT_CONFIDENCE);
  return result(rules, normalized, null, "none", 0);
}

/**
 * Match one commodity text; the same normalised text is matched once per compiled ruleset. The text
 * as given is memoised too, so a repeated cell skips normalising; it only ever points at a result the
 * normalised memo holds, so what is served (and `computed`) is exactly what the normalised memo gives.
 */
export function matchCommodity(rules: CompiledRules, text: string): MatchResult {
  const memo = rules.matchMemo;
  const byText = (memo.byText ??= new Map());
  const seen = byText.get(text);
  if (seen !== undefined) return seen;
  const normalized = normalizeCommodity(text);
  let match = memo.results.get(normalized);
  if (match === undefined) {
    memo.computed += 1;
    match = matchNormalized(rules, normalized);
    if (memo.results.size < MEMO_LIMIT) memo.results.set(normalized, match);
  }
  // Numbers are read from the text as given: normalising drops the "%", "µm" and "/" they depend on.
  const quantities = match.itemId === null ? NO_QUANTITIES : readQuantities(text);
  const answer = quantities.length === 0 ? match : { ...match, quantities };
  if (byText.size < MEMO_LIMIT) byText.set(text, answer);
  return answer;
}
