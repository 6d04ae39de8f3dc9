/**
 * Unknown words in a line, read against the words the rules' names use:
 * - a compound of known words, as German and run-together ERP text write them ("Wolframpulver" →
 *   wolfram + powder, "NDFEBMAGNET" → ndfeb + magnet);
 * - a truncation of a word of an English name ("LITH" → lithium, "GRAPH" → graphite);
 * - a misspelling one edit away from a word of an English name ("neodynium", "galium"), found with a
 *   deletion index (every word with one letter deleted) instead of comparing against every word.
 * Truncations and misspellings only ever become words of the items' English names: an everyday word must
 * not turn into a descriptor or a name in another language ("polish" is not "polished", "agent" not "argent").
 * Results are kept per word: a sheet repeats its words far more often than it has new ones.
 */
import { canonicalWords, lexiconVariants } from "./lexicon";
import type { WordRepair, WordVia } from "./reading";
import { deletions, withinOneEdit } from "./spelling";

const SHORTEST_COMPOUND = 6;
/** Each part of a compound: "test" + "er" is not tester. */
const SHORTEST_COMPOUND_PART = 3;
/** A compound needs one part at least this long. */
const SHORTEST_TELLING_PART = 4;
const TRUNCATION_LENGTHS = { shortest: 4, longest: 5 };
const MOST_TRUNCATION_CANDIDATES = 6;
const SHORTEST_MISSPELT = 5;
const SHORTEST_MISSPELLING_TARGET = 6;
const CACHE_LIMIT = 50_000;
const LATIN = /^[a-z]+$/;
const UMLAUT_SPELLING = /ae|oe|ue/;
const NEGATION = "non";

/**
 * @param vocabulary every word a name or the lexicon knows (compounds are split into these)
 * @param english words of the items' names and English aliases (truncations and typos become these)
 * @param names words of the items' names in any language
 */
export function wordRepair(vocabulary: ReadonlySet<string>, english: ReadonlySet<string>, names: ReadonlySet<string>): WordRepair {
  const variants = new Set(lexiconVariants());
  const known = (word: string) => vocabulary.has(word) || variants.has(word);
  const partKnown = (part: string) => part.length >= SHORTEST_COMPOUND_PART && known(part);
  const targets = [...english].filter((word) => LATIN.test(word)).sort();
  let spelling: Map<string, string[]> | null = null;
  const cache = new Map<string, { keys: readonly string[]; via: WordVia } | null>();

  /** The known words the word is made of, as written. */
  function pieces(word: string): string[] | null {
    if (word.length < SHORTEST_COMPOUND) return null;
    for (let cut = word.length - SHORTEST_COMPOUND_PART; cut >= SHORTEST_COMPOUND_PART; cut--) {
      const left = word.slice(0, cut);
      // "nonindustrial" (non-industrial) says the opposite of "industrial": a negation is no part of a compound.
      if (left === NEGATION || !partKnown(left)) continue;
      let right = word.slice(cut);
      if (!partKnown(right) && right.startsWith("s") && partKnown(right.slice(1))) right = right.slice(1); // German linking s
      if (partKnown(right)) return [left, right];
      const rest = right.length >= SHORTEST_COMPOUND ? pieces(right) : null;
      if (rest !== null) return [left, ...rest];
    }
    return null;
  }

  /**
   * The canonical words of a compound. Pieces of three letters alone make none: short words fit almost anywhere
   * (Hungarian "csomag", a package, is no "cso" + "mag"; "Singapore" is no "sin" + "gap" + "ore").
   */
  function compound(word: string): string[] | null {
    const found = pieces(word);
    if (found === null || found.every((piece) => piece.length < SHORTEST_TELLING_PART)) return null;
    return found.flatMap((piece) => canonicalWords(piece));
  }

  function truncation(word: string): string[] | null {
    if (word.length < TRUNCATION_LENGTHS.shortest || word.length > TRUNCATION_LENGTHS.longest || !LATIN.test(word)) return null;
    let low = 0;
    let high = targets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (targets[middle] < word) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < targets.length && targets[i].startsWith(word); i++) {
      if (targets[i] !== word) found.push(targets[i]);
      if (found.length > MOST_TRUNCATION_CANDIDATES) return null;
    }
    return found.length > 0 ? found.sort((a, b) => a.length - b.length) : null;
  }

  /**
   * German written without umlauts, as ERP systems and keyboards without them do ("MOLYBDAEN", "STUECK", "fuer"):
   * the fold reads ä, ö and ü as a, o and u, so ae, oe and ue are tried as those. English words with these letters
   * ("blue", "aerospace") are known, or still unknown after it, and stay as they are.
   */
  function withoutUmlautSpelling(word: string): { keys: readonly string[]; via: WordVia } | null {
    if (!UMLAUT_SPELLING.test(word)) return null;
    const folded = word.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
    if (known(folded)) return { keys: canonicalWords(folded), via: "lexicon" };
    const parts = compound(folded);
    return parts === null ? null : { keys: parts, via: "compound" };
  }

  function misspelling(word: string): string[] | null {
    if (word.length < SHORTEST_MISSPELT || !LATIN.test(word)) return null;
    if (spelling === null) {
      spelling = new Map();
      for (const target of targets) {
        if (target.length < SHORTEST_MISSPELLING_TARGET) continue;
        for (const key of [target, ...deletions(target)]) {
          const list = spelling.get(key) ?? [];
          if (!list.includes(target)) list.push(target);
          spelling.set(key, list);
        }
      }
    }
    const candidates = new Set<string>();
    for (const key of [word, ...deletions(word)]) for (const target of spelling.get(key) ?? []) if (withinOneEdit(word, target)) candidates.add(target);
    return candidates.size === 1 ? [...candidates] : null;
  }

  return {
    words: new Map(),
    isKnown: known,
    isName: (word) => names.has(word),
    repair(word, options) {
      const cacheKey = options.truncated ? `${word}\u0000t` : word;
      const cached = cache.get(cacheKey);
      if (cached !== undefined) return cached;
      const compoundKeys = compound(word);
      const umlauts = compoundKeys === null ? withoutUmlautSpelling(word) : null;
      const truncated = compoundKeys === null && umlauts === null && options.truncated ? truncation(word) : null;
      const misspelt = compoundKeys === null && umlauts === null && truncated === null ? misspelling(word) : null;
      const answer =
        compoundKeys !== null
          ? { keys: compoundKeys, via: "compound" as const }
          : umlauts !== null
            ? umlauts
            : truncated !== null
              ? { keys: truncated, via: "truncation" as const }
              : misspelt !== null
                ? { keys: misspelt, via: "spelling" as const }
                : null;
      if (cache.size < CACHE_LIMIT) cache.set(cacheKey, answer);
      return answer;
    },
  };
}
