/**
 * Supplier names against China's entity lists, the way sanctions-screening tools do it: both names are read
 * the same way (entity-names.ts), compared as weighted sets of words, and the comparison explains itself —
 * every feature that decided it comes back with its score and what it matched (docs/scoring.md,
 * "Screening supplier names").
 *
 * Outcomes: `listed` — a clear match: every word of the listed name that matters is in the supplier's name and
 * the supplier's name adds nothing that would make it another firm; `possible` — similar enough to review,
 * never counted in a score; `none`. Common words ("Defense", "Systems", "Technologies") never carry a match
 * alone, and the row's country, when given, confirms or weakens one.
 *
 * The names are indexed once per compiled ruleset (on first use); each distinct name is screened once.
 */
import { roundToThousandth } from "./rounding";
import { ownedText } from "./owned-text";
import type { ListedEntity, RulesDocument } from "../rules/schema";
import type { CellValue, EngineError } from "./types";
import { beginsLegalForm, cjkPairs, foldName, isLegalForm, readEntityName, soundOf, type EntityNameForm, type NameToken } from "./entity-names";
import { isCountryName, toCountryCode } from "./countries";
import { engineError } from "./errors";
import { deletions } from "./spelling";
import { excelErrorIn, isBlank, parseCountry, parseDate } from "./inputs";
import { compileListing, leadFirst, listingOnDate, type CompiledListing, type ListingOnDate, type ListingQuery } from "./listings";
import {
  ACRONYM_SIMILARITY,
  ALTERNATIVES_SHOWN,
  COMMON_WORD_WEIGHT,
  COMMON_WORDS,
  COUNTRY_AGREES_BONUS,
  COUNTRY_DIFFERS_FACTOR,
  LISTED_AT,
  LONGEST_GROUP_NAME,
  LONGEST_SUPPLIER_NAME,
  NAME_FIELD_WIDTHS,
  NOISE_WORDS,
  ONE_EDIT_SIMILARITY,
  POSSIBLE_AT,
  SCREENING_MEMO_LIMIT,
  SHORTEST_CJK_SIMILARITY,
  SHORTEST_CLEAR_CJK_NAME,
  SHORTEST_CLEAR_NAME,
  SHORTEST_SOUNDED_WORD,
  SOFT_WORD_WEIGHT,
  SOFT_WORDS,
  TWO_EDITS_SIMILARITY,
} from "./screening-tuning";

export type ScreeningStatus = "listed" | "possible" | "none";

/** One reason for a screening outcome: what it compared, what it found, and the score it gave. */
export interface ScreeningFeature {
  feature:
    | "literal"
    | "words"
    | "spelling"
    | "sound"
    | "compound"
    | "acronym"
    | "chinese_name"
    | "country_in_name"
    | "cut_short"
    | "brackets"
    | "site"
    | "ledger_text"
    | "abbreviation"
    | "common_words_only"
    | "short_name"
    | "initials"
    | "country";
  score: number;
  detail: string;
}

/** Which of a listed entity's names matched. */
export type MatchedAs = "name" | "alias" | "unit" | "name_zh";

export interface ScreeningMatch {
  /** The entity's name as the leading notice lists it, and its Chinese name when the matched notice gives one. */
  name: string;
  nameZh: string | null;
  /** The listed name, alias, unit or Chinese name that matched, as written in the rules. */
  matchedText: string;
  matchedAs: MatchedAs;
  countries: readonly string[];
  /** Weighted similarity 0–1 after the country's effect, three decimals. */
  score: number;
  features: readonly ScreeningFeature[];
  /** Every notice naming this firm and existing on the date, the leading one first. */
  listings: readonly ListingOnDate[];
}

export interface ScreeningResult {
  status: ScreeningStatus;
  /** The best candidate: the clear or possible match; null for `none`. */
  match: ScreeningMatch | null;
  /** The leading notice of the match (`match.listings[0]`). */
  lead: ListingOnDate | null;
  /** Other firms similar enough to review, best first. */
  alternatives: readonly { name: string; actionId: string; score: number }[];
}

const NONE: ScreeningResult = Object.freeze({ status: "none", match: null, lead: null, alternatives: Object.freeze([]) }) as ScreeningResult;

// ---------------------------------------------------------------- the index

type WordClass = "distinctive" | "common" | "soft";

interface NameEntry {
  firm: number;
  entity: EntityRef;
  text: string;
  kind: MatchedAs;
  form: EntityNameForm;
  /** An alias that is only the initials of the entity's own name ("RBA", "JMU"): many firms share those. */
  initialsOfName: boolean;
}

interface EntityRef {
  listing: CompiledListing;
  entity: ListedEntity;
}

export interface ScreeningIndex {
  entries: readonly NameEntry[];
  /** Per firm (one real-world entity, possibly named by several notices): its entities across notices. */
  firms: readonly (readonly EntityRef[])[];
  /** Distinctive words → entries; common words only → the entries whose names have no distinctive word. */
  byWord: ReadonlyMap<string, readonly number[]>;
  byRawWord: ReadonlyMap<string, readonly number[]>;
  /** Words of five letters or more with one letter deleted → the words, to find one-letter slips. */
  byDeletion: ReadonlyMap<string, readonly string[]>;
  byCompact: ReadonlyMap<string, readonly number[]>;
  byCjkPair: ReadonlyMap<string, readonly number[]>;
  /** Two adjacent words of a listed name run together ("l3" + "harris") → entries. */
  byJoinedPair: ReadonlyMap<string, readonly number[]>;
  /** How a distinctive Latin word sounds (`soundOf`) → entries, for names written in Cyrillic. */
  bySound: ReadonlyMap<string, readonly number[]>;
  /** Group names several listed firms begin with ("mitsubishi heavy industry") → their initials and entries. */
  groupPrefixes: ReadonlyMap<string, { initials: string; firms: number; entries: readonly number[] }>;
  byInitials: ReadonlyMap<string, readonly string[]>;
  /** Canonical word → how many firms use it (distinctive words shared by many firms weigh less). */
  firmsUsing: ReadonlyMap<string, number>;
  /** The first words of the group names: a row's name beginning otherwise spells out none. */
  groupFirstWords: ReadonlySet<string>;
  /** Name as given → its comparisons with the listed names (country and date apply afterwards). */
  nameMemo: Map<string, readonly NameComparison[]>;
  /** A Latin word of a row's name → the entries it leads to by itself (entriesOfWord). */
  wordMemo: Map<string, WordEntries>;
  /** Country, date and what-if, then name → the result. */
  memo: ScreeningMemo;
}

/**
 * Results by the row's country, date and what-if, then by name. Nested maps, not one key made of all four: a key
 * built by joining texts costs a new string per row, and is kept as the join of its parts.
 */
class ScreeningMemo {
  private readonly byCountry = new Map<string | null, Map<string, [Map<string, ScreeningResult>, Map<string, ScreeningResult>]>>();
  size = 0;

  private names(country: string | null, asOf: string, suspensionsEnded: boolean, create: boolean): Map<string, ScreeningResult> | undefined {
    let byDate = this.byCountry.get(country);
    if (byDate === undefined) {
      if (!create) return undefined;
      this.byCountry.set(country, (byDate = new Map()));
    }
    let byWhatIf = byDate.get(asOf);
    if (byWhatIf === undefined) {
      if (!create) return undefined;
      byDate.set(asOf, (byWhatIf = [new Map(), new Map()]));
    }
    return byWhatIf[suspensionsEnded ? 1 : 0];
  }

  get(country: string | null, query: ScreeningQuery, name: string): ScreeningResult | undefined {
    return this.names(country, query.asOf, query.suspensionsEnded === true, false)?.get(name);
  }

  set(country: string | null, query: ScreeningQuery, name: string, result: ScreeningResult): void {
    const byName = this.names(country, query.asOf, query.suspensionsEnded === true, true)!;
    if (!byName.has(name)) this.size += 1;
    byName.set(name, result);
  }
}

const COMMON = new Set(COMMON_WORDS);
const SOFT = new Set(SOFT_WORDS);
const NOISE = new Set(NOISE_WORDS);

function wordClass(token: NameToken): WordClass {
  if (token.cjk) return "distinctive";
  if (SOFT.has(token.canon)) return "soft";
  if (COMMON.has(token.canon)) return "common";
  return "distinctive";
}

/** Words left over on the row's side that do not make it another firm: places, organisational words, countries. */
function isNoise(token: NameToken): boolean {
  if (token.cjk) return false;
  if (NOISE.has(token.raw) || NOISE.has(token.canon)) return true;
  return token.raw.length >= 3 && toCountryCode(token.raw) !== null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The key two entries of different notices share when they name the same firm: the words that matter, run together. */
function firmKey(form: EntityNameForm): string {
  return form.tokens
    .filter((token) => wordClass(token) !== "soft")
    .map((token) => token.canon)
    .join("");
}

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) [this.parent[x], x] = [root, this.parent[x]];
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

export function buildScreeningIndex(doc: RulesDocument): ScreeningIndex {
  const raw: { entity: number; ref: EntityRef; text: string; kind: MatchedAs; form: EntityNameForm }[] = [];
  const refs: EntityRef[] = [];
  for (const action of doc.listings) {
    const listing = compileListing(action);
    for (const entity of action.entities) {
      const ref = { listing, entity };
      refs.push(ref);
      const entityIndex = refs.length - 1;
      const names: [string, MatchedAs][] = [
        [entity.name, "name"],
        ...entity.aliases.map((text): [string, MatchedAs] => [text, "alias"]),
        ...entity.units.map((text): [string, MatchedAs] => [text, "unit"]),
        ...(entity.nameZh === undefined ? [] : [[entity.nameZh, "name_zh"] as [string, MatchedAs]]),
      ];
      for (const [text, kind] of names) {
        const form = readEntityName(text);
        if (form.tokens.length > 0) raw.push({ entity: entityIndex, ref, text, kind, form });
      }
    }
  }

  // Entities of different notices are one firm when a name, alias or Chinese name of one reads like one of the
  // other's (units are parts of a firm, not the firm, so they do not join firms), unless the notices place them in
  // different countries: "TechInsights Europe Limited" (GB) and "TechInsights Europe Sp zo.o" (PL) are two firms.
  // Two entities one notice names are two firms, however alike ("Hanwha Shipping LLC", "Hanwha Shipping Holdings LLC").
  const sets = new UnionFind();
  refs.forEach(() => sets.add());
  const ownersOfKey = new Map<string, number[]>();
  const sameCountries = (a: number, b: number) => {
    const [first, second] = [refs[a].entity.countries, refs[b].entity.countries];
    return first.length === 0 || second.length === 0 || first.some((country) => second.includes(country));
  };
  const oneFirm = (a: number, b: number) => a === b || (refs[a].listing.action.id !== refs[b].listing.action.id && sameCountries(a, b));
  for (const entry of raw) {
    if (entry.kind === "unit") continue;
    const key = firmKey(entry.form);
    if (key === "") continue;
    const owners = ownersOfKey.get(key);
    const owner = owners?.find((candidate) => oneFirm(candidate, entry.entity));
    if (owner !== undefined) sets.union(owner, entry.entity);
    else if (owners !== undefined) owners.push(entry.entity);
    else ownersOfKey.set(key, [entry.entity]);
  }
  const firmOfRoot = new Map<number, number>();
  const firms: EntityRef[][] = [];
  const firmOfEntity = refs.map((ref, index) => {
    const root = sets.find(index);
    let firm = firmOfRoot.get(root);
    if (firm === undefined) {
      firm = firms.length;
      firmOfRoot.set(root, firm);
      firms.push([]);
    }
    firms[firm].push(ref);
    return firm;
  });

  const entries: NameEntry[] = raw.map((entry) => ({
    firm: firmOfEntity[entry.entity],
    entity: entry.ref,
    text: entry.text,
    kind: entry.kind,
    form: entry.form,
    initialsOfName: entry.kind === "alias" && isInitialsOf(entry.form, entry.ref.entity.name),
  }));
  const byWord = new Map<string, number[]>();
  const byRawWord = new Map<string, number[]>();
  const byCompact = new Map<string, number[]>();
  const byCjkPair = new Map<string, number[]>();
  const byJoinedPair = new Map<string, number[]>();
  const byDeletion = new Map<string, string[]>();
  const bySound = new Map<string, number[]>();
  const firmSetsByWord = new Map<string, Set<number>>();
  entries.forEach((entry, id) => {
    const tokens = entry.form.tokens;
    push(byCompact, entry.form.compact, id);
    tokens.forEach((token, k) => {
      const known = firmSetsByWord.get(token.canon) ?? new Set<number>();
      known.add(entry.firm);
      firmSetsByWord.set(token.canon, known);
      if (token.cjk) {
        push(byWord, token.canon, id);
        for (const pair of cjkPairs(token.raw)) push(byCjkPair, pair, id);
        return;
      }
      // A name sharing only common words with a row can match only if it has no distinctive word at all.
      const kind = wordClass(token);
      if (kind === "distinctive" || (kind === "common" && tokens.every((other) => wordClass(other) !== "distinctive"))) push(byWord, token.canon, id);
      if (kind === "distinctive" && token.raw.length >= SHORTEST_SOUNDED_WORD) push(bySound, soundOf(token.raw), id);
      push(byRawWord, token.raw, id);
      if (k + 1 < tokens.length && !tokens[k + 1].cjk) push(byJoinedPair, token.raw + tokens[k + 1].raw, id);
      if (token.canon.length >= 5) {
        for (const variant of deletions(token.canon)) {
          const words = byDeletion.get(variant) ?? [];
          if (!words.includes(token.canon)) words.push(token.canon);
          byDeletion.set(variant, words);
        }
      }
    });
  });
  const firmsUsing = new Map([...firmSetsByWord].map(([word, set]) => [word, set.size]));
  const { groupPrefixes, byInitials } = findGroupPrefixes(entries);
  const groupFirstWords = new Set([...groupPrefixes.keys()].map((key) => key.split(" ")[0]));
  return {
    entries,
    firms,
    byWord,
    byRawWord,
    byDeletion,
    byCompact,
    byCjkPair,
    byJoinedPair,
    bySound,
    groupPrefixes,
    byInitials,
    firmsUsing,
    groupFirstWords,
    nameMemo: new Map(),
    wordMemo: new Map(),
    memo: new ScreeningMemo(),
  };
}

/** "RBA" for "Responsible Business Alliance", "JMU" for "Japan Marine United Corporation". */
function isInitialsOf(alias: EntityNameForm, name: string): boolean {
  if (alias.tokens.length !== 1 || alias.tokens[0].cjk) return false;
  const all = readEntityName(name).tokens.filter((token) => !token.cjk);
  const words = name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const initials = [all.map((token) => token.raw[0]).join(""), words.map((word) => word[0]).join("")];
  return initials.includes(alias.tokens[0].raw);
}

/**
 * Group names: runs of two or more words that begin the names of at least two different listed firms
 * ("mitsubishi heavy industry", "lockheed martin", "general dynamic"). Purchasing records abbreviate them to
 * their initials ("MHI Shipbuilding", "GD Mission Systems"), so those initials may stand for them.
 */
function findGroupPrefixes(entries: readonly NameEntry[]): Pick<ScreeningIndex, "groupPrefixes" | "byInitials"> {
  const firmsByPrefix = new Map<string, { firms: Set<number>; entries: number[]; initials: string }>();
  entries.forEach((entry, id) => {
    if (entry.kind === "name_zh") return;
    const tokens = entry.form.tokens;
    for (let length = 2; length <= Math.min(tokens.length, LONGEST_GROUP_NAME); length++) {
      const run = tokens.slice(0, length);
      if (run.some((token) => token.cjk)) break;
      const key = run.map((token) => token.canon).join(" ");
      const known = firmsByPrefix.get(key) ?? { firms: new Set<number>(), entries: [], initials: run.map((token) => token.canon[0]).join("") };
      known.firms.add(entry.firm);
      known.entries.push(id);
      firmsByPrefix.set(key, known);
    }
  });
  const groupPrefixes = new Map<string, { initials: string; firms: number; entries: readonly number[] }>();
  const byInitials = new Map<string, string[]>();
  for (const [key, { firms, entries: ids, initials }] of firmsByPrefix) {
    if (firms.size < 2) continue;
    groupPrefixes.set(key, { initials, firms: firms.size, entries: ids });
    push(byInitials, initials, key);
  }
  return { groupPrefixes, byInitials };
}

// ---------------------------------------------------------------- comparing two names

interface Pair {
  q: number[];
  l: number[];
  sim: number;
  kind: "exact" | "spelling" | "sound" | "compound" | "acronym" | "chinese_name" | "country_in_name" | "cut_short";
  detail: string;
}

/** Damerau–Levenshtein distance, stopped early above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Number.MAX_SAFE_INTEGER;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

const HAS_DIGIT = /\d/;
/**
 * A listed CJK name this long is met by a row's run that holds it whole; a shorter one could be another firm's start
 * (日本电气, NEC, in 日本电气硝子, Nippon Electric Glass).
 */
const LONGEST_CJK_NAME_PART = 6;

function wordSimilarity(q: NameToken, l: NameToken): { sim: number; kind: Pair["kind"] } | null {
  if (q.cjk !== l.cjk) return null;
  if (q.cjk) {
    if (q.canon === l.canon) return { sim: 1, kind: "exact" };
    // "國家中山科學研究院" holds the notice's 中山科学研究院 whole: a long enough name, written with a word before or after it.
    if (l.canon.length >= LONGEST_CJK_NAME_PART && q.canon.includes(l.canon)) return { sim: 1, kind: "chinese_name" };
    const a = cjkPairs(q.canon);
    const b = new Set(cjkPairs(l.canon));
    const shared = new Set(a.filter((pair) => b.has(pair))).size;
    const dice = (2 * shared) / (new Set(a).size + b.size);
    return dice >= SHORTEST_CJK_SIMILARITY ? { sim: Math.round(dice * 1000) / 1000, kind: "chinese_name" } : null;
  }
  if (q.canon === l.canon || q.raw === l.raw) return { sim: 1, kind: "exact" };
  // A word written in Cyrillic meets the Latin word it sounds like ("Локхид", lokhid, is Lockheed).
  if (q.sound !== null && l.raw.length >= SHORTEST_SOUNDED_WORD && q.sound === soundOf(l.raw)) return { sim: ONE_EDIT_SIMILARITY, kind: "sound" };
  const shorter = Math.min(q.canon.length, l.canon.length);
  if (shorter < 5 || HAS_DIGIT.test(q.canon) || HAS_DIGIT.test(l.canon)) return null;
  // A slip may keep a word from being read as the listed word was ("Technolgies" is no plural of a known word), so the
  // words as written are compared too.
  const distance = Math.min(editDistance(q.canon, l.canon, 2), q.raw === q.canon && l.raw === l.canon ? 3 : editDistance(q.raw, l.raw, 2));
  if (distance === 1) return { sim: ONE_EDIT_SIMILARITY, kind: "spelling" };
  if (distance === 2 && shorter >= 9) return { sim: TWO_EDITS_SIMILARITY, kind: "spelling" };
  return null;
}

function candidatePairs(index: ScreeningIndex, q: readonly NameToken[], l: readonly NameToken[]): Pair[] {
  const pairs: Pair[] = [];
  q.forEach((qt, i) =>
    l.forEach((lt, j) => {
      const similar = wordSimilarity(qt, lt);
      if (similar) pairs.push({ q: [i], l: [j], ...similar, detail: similar.kind === "exact" ? lt.raw : `${qt.raw} ≈ ${lt.raw}` });
    }),
  );
  // Words written together on one side and apart on the other.
  for (let i = 0; i + 1 < q.length; i++) {
    const joined = q[i].raw + q[i + 1].raw;
    l.forEach((lt, j) => {
      if (!lt.cjk && lt.raw === joined) pairs.push({ q: [i, i + 1], l: [j], sim: 1, kind: "compound", detail: `${q[i].raw} ${q[i + 1].raw} = ${lt.raw}` });
    });
  }
  for (let j = 0; j + 1 < l.length; j++) {
    const joined = l[j].raw + l[j + 1].raw;
    q.forEach((qt, i) => {
      if (!qt.cjk && qt.raw === joined) pairs.push({ q: [i], l: [j, j + 1], sim: 1, kind: "compound", detail: `${qt.raw} = ${l[j].raw} ${l[j + 1].raw}` });
    });
  }
  // Initials of a group name, on either side, at the start of the name.
  const acronym = (initialsSide: readonly NameToken[], runSide: readonly NameToken[]): { length: number; key: string } | null => {
    const initials = initialsSide[0];
    if (initials === undefined || initials.cjk) return null;
    for (const key of index.byInitials.get(initials.raw) ?? []) {
      const length = key.split(" ").length;
      if (runSide.length >= length && runSide.slice(0, length).map((token) => token.canon).join(" ") === key) return { length, key };
    }
    return null;
  };
  const forward = acronym(q, l);
  if (forward) {
    const firms = index.groupPrefixes.get(forward.key)!.firms;
    pairs.push({ q: [0], l: range(forward.length), sim: ACRONYM_SIMILARITY, kind: "acronym", detail: `${q[0].raw} = ${forward.key} (begins the names of ${firms} listed firms)` });
  }
  const backward = acronym(l, q);
  if (backward) {
    const firms = index.groupPrefixes.get(backward.key)!.firms;
    pairs.push({ q: range(backward.length), l: [0], sim: ACRONYM_SIMILARITY, kind: "acronym", detail: `${backward.key} = ${l[0].raw} (begins the names of ${firms} listed firms)` });
  }
  return pairs;
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

/** Best pairs first, each word used once. */
function alignPairs(pairs: Pair[]): Pair[] {
  const chosen: Pair[] = [];
  const usedQ = new Set<number>();
  const usedL = new Set<number>();
  pairs
    .sort((a, b) => b.sim - a.sim || b.q.length + b.l.length - (a.q.length + a.l.length))
    .forEach((pair) => {
      if (pair.q.some((i) => usedQ.has(i)) || pair.l.some((j) => usedL.has(j))) return;
      chosen.push(pair);
      pair.q.forEach((i) => usedQ.add(i));
      pair.l.forEach((j) => usedL.add(j));
    });
  return chosen;
}

interface Comparison {
  entry: number;
  score: number;
  clear: boolean;
  similar: boolean;
  features: ScreeningFeature[];
}

/**
 * What comparing the row's name with one listed name found, before the row's country is looked at: the names
 * alone decide this, so it is worked out once per distinct name whatever the rows' countries and dates.
 */
interface NameComparison {
  entry: number;
  /** The reading of the row's name compared: as written (null), or with something set aside (brackets, a site). */
  aside: NameAside | null;
  literal: boolean;
  pairs: readonly Pair[];
  numerator: number;
  denominator: number;
  /** Listed words that do not agree, with the country each names when it is a country's name. */
  missing: readonly { token: NameToken; weight: number; country: string | null }[];
  addedWords: readonly NameToken[];
  /** Wrapper words the row adds that were let pass ("Industries", "Group"), because the rest names one firm. */
  wrappersLetPass: readonly NameToken[];
  /** Countries the row's name adds by name ("Anduril Australia Pty Ltd"): a national arm of the firm, maybe. */
  addedCountries: readonly string[];
  distinctiveAgrees: boolean;
  /** The rest of the structure a clear match needs (initials confirmed, slips backed, long enough, not bare initials). */
  structure: boolean;
  tooShort: boolean;
}

/**
 * What a reading of a name left out: text in brackets, a site or branch after a dash or a legal form's comma, the
 * ledger's own text around the name (a vendor number, an attention line, "dba …", "a division of …"), or the
 * firm's abbreviation written before its name ("GDMS - General Dynamics Mission Systems", "SNC (Sierra Nevada …)").
 */
interface NameAside {
  kind: "brackets" | "site" | "ledger_text" | "abbreviation";
  text: string;
  /**
   * The country the set-aside address names ("… TAICHUNG TAIWAN"), or undefined when it names none; set only on an
   * address of more than one word with no state after it, which is read as one only where a country confirms it.
   */
  addressCountry?: string | null;
}

/**
 * A name that fills its field (NAME_FIELD_WIDTHS) may be cut short: its last word the start of a listed word
 * ("… ORDNANCE AND TACTI" for Tactical Systems) or of a legal form ("… DEVELOPMENT CORPORA"), or a whole word after
 * which the listed name goes on. The listed words after the cut cannot be in the row, so they are not compared; the
 * words before it must agree as usual, the last of them with the listed word just before the cut.
 */
function cutAtFieldWidth(q: readonly NameToken[], l: readonly NameToken[]): { listed: readonly NameToken[]; pair: Pair } | null {
  const at = q.length - 1;
  const last = q[at];
  if (q.length < 2 || last.cjk) return null;
  const cutNote = (rest: readonly NameToken[]) => `the name fills its field; ${rest.map((token) => token.raw).join(" ")} cut off`;
  for (let p = l.length - 2; p >= 0; p--) {
    if (wordSimilarity(q[at - 1], l[p]) === null) continue;
    const next = l[p + 1];
    const rest = l.slice(p + 2);
    if (!next.cjk && next.raw.length > last.raw.length && next.raw.startsWith(last.raw)) {
      return { listed: l.slice(0, p + 2), pair: { q: [at], l: [p + 1], sim: 1, kind: "cut_short", detail: `${last.raw}… = ${next.raw}${rest.length > 0 ? `; ${cutNote(rest)}` : ""}` } };
    }
    if (wordSimilarity(last, next)?.kind === "exact" && rest.length > 0) {
      return { listed: l.slice(0, p + 2), pair: { q: [], l: [], sim: 1, kind: "cut_short", detail: cutNote(rest) } };
    }
    break;
  }
  if (beginsLegalForm(last.raw) && wordSimilarity(q[at - 1], l[l.length - 1]) !== null) {
    return { listed: l, pair: { q: [at], l: [], sim: 1, kind: "cut_short", detail: `${last.raw}… = a legal form cut off` } };
  }
  return null;
}

/**
 * Soft words that, added on the row's side, name another company of the group: its holding or its international
 * arm ("Hanwha Shipping Holdings" is not Hanwha Shipping LLC, "Lockheed Martin Global" not Lockheed Martin
 * Corporation). Written on the list's side, they may still be dropped.
 */
const ANOTHER_ENTITY = new Set(["holding", "global", "international", "worldwide"]);

/**
 * The row's name against one listed name. Weighted similarity = 2 Σ sim·w(listed words in a pair) ÷ (weight of
 * every listed word + weight of the row's words), the row's unmatched words weighing by their class and noise
 * nothing. A clear match also needs: every listed word that is not soft agrees (a spelling slip at most), the row
 * adds no word that is not soft or noise (and none of ANOTHER_ENTITY), a distinctive word agrees (or the listed name is made only of common
 * words, which then all agree), initials are confirmed by another agreeing word, and the name is not too short.
 * `cut`: the row's name fills a vendor master's field and may be cut short (cutAtFieldWidth).
 */
function compareNames(index: ScreeningIndex, query: EntityNameForm, entryId: number, aside: NameAside | null, cut: boolean): NameComparison {
  const entry = index.entries[entryId];
  const q = query.tokens;
  const cutShort = cut ? cutAtFieldWidth(q, entry.form.tokens) : null;
  const l = cutShort?.listed ?? entry.form.tokens;
  const weightOf = (token: NameToken): number => {
    const kind = wordClass(token);
    if (kind === "soft") return SOFT_WORD_WEIGHT;
    if (kind === "common") return COMMON_WORD_WEIGHT;
    return 1 / (1 + Math.log(Math.max(1, index.firmsUsing.get(token.canon) ?? 1)));
  };

  const literal = query.compact === entry.form.compact;
  const candidates = candidatePairs(index, q, l);
  if (cutShort !== null) candidates.push(cutShort.pair);
  const pairs = alignPairs(candidates);
  const simOfListed = new Map<number, number>();
  const matchedQ = new Set<number>();
  let numerator = 0;
  let pairedWeight = 0;
  for (const pair of pairs) {
    const weight = pair.l.reduce((sum, j) => sum + weightOf(l[j]), 0);
    numerator += 2 * pair.sim * weight;
    pairedWeight += weight;
    pair.l.forEach((j) => simOfListed.set(j, pair.sim));
    pair.q.forEach((i) => matchedQ.add(i));
  }
  const listedWeight = l.reduce((sum, token) => sum + weightOf(token), 0);
  const extras = q.filter((_, i) => !matchedQ.has(i));
  const extraWeight = extras.reduce((sum, token) => sum + (isNoise(token) ? 0 : weightOf(token)), 0);

  const agreeing = l.filter((token, j) => wordClass(token) !== "soft" && agrees(token, simOfListed.get(j)));
  // Wrappers such as "Industries" or "Group" may be dropped or added only where the rest still names one firm:
  // two words that matter, or a distinctive word no other listed firm uses ("Anduril" for Anduril Industries,
  // but not "Komatsu" for Komatsu Industries: Komatsu NTC is listed too).
  const softTolerated = agreeing.length >= 2 || agreeing.some((token) => wordClass(token) === "distinctive" && (index.firmsUsing.get(token.canon) ?? 0) <= 1);
  const missing = l
    .filter((token, j) => (wordClass(token) !== "soft" || !softTolerated) && !agrees(token, simOfListed.get(j)))
    .map((token) => ({ token, weight: weightOf(token), country: token.cjk || token.raw.length < 3 ? null : toCountryCode(token.raw) }));
  const addedWords = extras.filter((token) => !isNoise(token) && (wordClass(token) !== "soft" || !softTolerated || ANOTHER_ENTITY.has(token.canon)));
  const wrappersLetPass = extras.filter((token) => !isNoise(token) && !addedWords.includes(token));
  const distinctiveAgrees = pairs.some((pair) => pair.l.some((j) => wordClass(l[j]) === "distinctive") && pair.sim >= (l[pair.l[0]].cjk ? SHORTEST_CJK_SIMILARITY : TWO_EDITS_SIMILARITY));
  // A spelling slip is forgiven next to a distinctive word spelt exactly ("MHI Oceanics"), not alone ("Novatech").
  const slipsBacked = pairs.every((pair) => pair.kind !== "spelling") || pairs.some((pair) => pair.sim === 1 && pair.l.some((j) => wordClass(l[j]) === "distinctive"));
  const onlyCommonWords = l.every((token) => wordClass(token) !== "distinctive");
  const acronyms = pairs.filter((pair) => pair.kind === "acronym");
  const confirmed = acronyms.length === 0 || pairs.some((pair) => pair.kind !== "acronym" && pair.sim >= TWO_EDITS_SIMILARITY && pair.l.some((j) => wordClass(l[j]) !== "soft"));
  // Two Chinese or Japanese characters make a firm's name (日油, NOF Corporation); two Latin letters do not.
  const shortest = entry.form.tokens.length > 0 && entry.form.tokens.every((token) => token.cjk) ? SHORTEST_CLEAR_CJK_NAME : SHORTEST_CLEAR_NAME;
  const tooShort = entry.form.compact.length < shortest;
  return {
    entry: entryId,
    aside,
    literal,
    pairs,
    numerator,
    denominator: listedWeight + pairedWeight + extraWeight,
    missing,
    addedWords,
    wrappersLetPass,
    addedCountries: extras.flatMap((token) => {
      const code = token.cjk || token.raw.length < SHORTEST_COUNTRY_NAME ? null : toCountryCode(token.raw);
      return code === null ? [] : [code];
    }),
    distinctiveAgrees,
    structure: (distinctiveAgrees || onlyCommonWords) && confirmed && slipsBacked && !tooShort && !entry.initialsOfName,
    tooShort,
  };
}

/** A country written out ("Australia", "Japan"), not a code: "DE" or "IN" may be a US state. */
const SHORTEST_COUNTRY_NAME = 4;

/** Territories whose firms a listing gives under their sovereign's code (Red Cat of San Juan, Puerto Rico, is listed as US). */
const SOVEREIGN_OF: Readonly<Record<string, string>> = { PR: "US", GU: "US", VI: "US", AS: "US", MP: "US" };

/** Whether a row's country is one of the listed firm's, a territory counting as its sovereign. */
function inCountries(countries: readonly string[], country: string): boolean {
  return countries.includes(country) || (SOVEREIGN_OF[country] !== undefined && countries.includes(SOVEREIGN_OF[country]));
}

/** A name comparison finished with the row's country: it may supply a listed country word, confirm or weaken. */
function withCountry(index: ScreeningIndex, compared: NameComparison, rowCountry: string | null): Comparison {
  const entry = index.entries[compared.entry];
  const pairs = [...compared.pairs];
  let { numerator, denominator } = compared;
  let missing = compared.missing;
  // A listed word naming the row's own country ("CSBC Corporation, Taiwan" for a Taiwanese row) is implied by it.
  if (rowCountry !== null && missing.some((word) => word.country === rowCountry)) {
    for (const word of missing.filter((w) => w.country === rowCountry)) {
      pairs.push({ q: [], l: [], sim: 1, kind: "country_in_name", detail: `${word.token.raw}: the row's country` });
      numerator += 2 * word.weight;
      denominator += word.weight;
    }
    missing = missing.filter((word) => word.country !== rowCountry);
  }
  let score = compared.literal ? 1 : numerator / (denominator || 1);
  let clear = compared.literal ? !compared.tooShort && !entry.initialsOfName : missing.length === 0 && compared.addedWords.length === 0 && compared.structure;
  // A country word the row's country stands for, and a wrapper word the row adds: two leniencies make another firm
  // as easily as the same one ("Nuclear Fuel Industries" in Japan is not Japan Nuclear Fuel).
  const countryImplied = missing.length < compared.missing.length;
  const tooLenient = clear && !compared.literal && countryImplied && compared.wrappersLetPass.length > 0;
  if (tooLenient) clear = false;
  // The whole listed name inside a longer one ("Lockheed Martin Corp, Bethesda MD") is worth a review even when
  // the added words pull the similarity down; initials alone do not count as containing it.
  const contained = compared.structure && missing.length === 0 && compared.distinctiveAgrees;
  // A name made only of common words is similar only when all of them agree (then it is a clear match).
  const similar = compared.literal || compared.distinctiveAgrees || clear;

  const features: ScreeningFeature[] = [];
  if (compared.aside !== null) features.push({ feature: compared.aside.kind, score: 0, detail: `set aside ${compared.aside.text}` });
  if (compared.literal) features.push({ feature: "literal", score: 1, detail: `"${entry.text}" once legal forms and punctuation are set aside` });
  features.push({
    feature: "words",
    score: roundToThousandth(score),
    detail: [
      `agree: ${pairs.map((pair) => pair.detail).join(", ") || "none"}`,
      missing.length > 0 ? `missing: ${missing.map((word) => word.token.raw).join(", ")}` : "",
      compared.addedWords.length > 0 ? `added: ${compared.addedWords.map((t) => t.raw).join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; "),
  });
  for (const pair of pairs) if (pair.kind !== "exact") features.push({ feature: pair.kind, score: pair.sim, detail: pair.detail });
  if (tooLenient) {
    const added = compared.wrappersLetPass.map((token) => token.raw).join(", ");
    features.push({ feature: "country_in_name", score: 0, detail: `the row's country stands for a word of the listed name and the row adds ${added}: review only` });
  }
  if (!similar && pairs.length > 0) {
    features.push({ feature: "common_words_only", score: 0, detail: `only common words agree (${pairs.map((p) => p.detail).join(", ")}): no match` });
  }
  if (compared.tooShort) features.push({ feature: "short_name", score: 0, detail: `"${entry.text}" is too short to identify a firm alone: review only` });
  else if (entry.initialsOfName) {
    features.push({ feature: "initials", score: 0, detail: `"${entry.text}" is only the initials of "${entry.entity.entity.name}", which many firms share: review only` });
  }

  const countries = entry.entity.entity.countries;
  // A country the row's name adds that is none of the listed firm's names another national company of the group.
  const foreign = countries.length === 0 ? [] : compared.addedCountries.filter((code) => !inCountries(countries, code));
  if (clear && foreign.length > 0) {
    clear = false;
    features.push({ feature: "country_in_name", score: 0, detail: `the name adds ${foreign.join("/")}, the listing is ${countries.join("/")}: a national arm, review only` });
  }
  const address = compared.aside?.addressCountry;
  if (address !== undefined) {
    // An address of several words after the legal form could be a division's name: a country must say it is an address.
    const confirmedBy = rowCountry ?? address;
    if (confirmedBy === null || !inCountries(countries, confirmedBy)) {
      clear = false;
      features.push({ feature: "site", score: 0, detail: `"${compared.aside!.text}" may be an address or a division; no country confirms an address: review only` });
    }
  }
  if (rowCountry !== null && countries.length > 0) {
    if (inCountries(countries, rowCountry)) {
      score = Math.min(1, score + COUNTRY_AGREES_BONUS);
      features.push({ feature: "country", score: COUNTRY_AGREES_BONUS, detail: `${rowCountry} agrees with the listing` });
    } else {
      score *= COUNTRY_DIFFERS_FACTOR;
      clear = false;
      features.push({ feature: "country", score: COUNTRY_DIFFERS_FACTOR, detail: `the row says ${rowCountry}, the listing ${countries.join("/")}: review only` });
    }
  }
  const isClear = clear && score >= LISTED_AT;
  return { entry: compared.entry, score: roundToThousandth(score), clear: isClear, similar: isClear || (similar && (score >= POSSIBLE_AT || contained)), features };
}

/** A listed word agrees when it is paired well enough: a spelling slip is fine, a CJK run must be the same. */
function agrees(token: NameToken, sim: number | undefined): boolean {
  if (sim === undefined) return false;
  return token.cjk ? sim === 1 : sim >= TWO_EDITS_SIMILARITY;
}

function addAll(found: Set<number>, ids: readonly number[] | undefined): void {
  if (ids === undefined) return;
  for (let k = 0; k < ids.length; k++) found.add(ids[k]);
}

const NO_ENTRIES: readonly number[] = [];

/** The entries one Latin word of a row's name leads to by itself: as written (its word, or two listed words run together), and one slip away. */
interface WordEntries {
  direct: readonly number[];
  near: readonly number[];
}

const asList = (found: Set<number>): readonly number[] => (found.size === 0 ? NO_ENTRIES : [...found]);

/**
 * Words recur across suppliers ("precision", "shenzhen"), so what a word leads to is kept per word. A word with a
 * digit is never compared for spelling (wordSimilarity), so its near words are not looked for.
 */
function entriesOfWord(index: ScreeningIndex, token: NameToken): WordEntries {
  const known = index.wordMemo.get(token.raw);
  if (known !== undefined) return known;
  const kind = wordClass(token);
  const direct = new Set<number>();
  if (kind !== "soft") addAll(direct, index.byWord.get(token.canon));
  addAll(direct, index.byJoinedPair.get(token.raw));
  const near = new Set<number>();
  if (token.canon.length >= 5 && kind === "distinctive" && !HAS_DIGIT.test(token.canon)) {
    for (const word of index.byDeletion.get(token.canon) ?? []) addAll(near, index.byWord.get(word));
    // One letter missing ("Aerkom"), changed or swapped, or one too many ("Echoddyne"): the row's word with a letter
    // taken out is a listed word, or shares a listed word's such variant.
    for (const variant of deletions(token.canon)) {
      addAll(near, index.byWord.get(variant));
      for (const word of index.byDeletion.get(variant) ?? []) addAll(near, index.byWord.get(word));
    }
  }
  const entries = { direct: asList(direct), near: asList(near) };
  // Part numbers and codes seldom recur: the memo is for words.
  if (index.wordMemo.size < SCREENING_MEMO_LIMIT && !HAS_DIGIT.test(token.raw)) index.wordMemo.set(ownedText(token.raw), entries);
  return entries;
}

/** Entries sharing a word, a near word, a compound, initials or a pair of CJK characters with the row's name. */
function candidatesFor(index: ScreeningIndex, query: EntityNameForm): Set<number> {
  const found = new Set<number>();
  addAll(found, index.byCompact.get(query.compact));
  const q = query.tokens;
  for (let i = 0; i < q.length; i++) {
    const token = q[i];
    if (token.cjk) {
      addAll(found, index.byWord.get(token.canon));
      for (const pair of cjkPairs(token.raw)) addAll(found, index.byCjkPair.get(pair));
      continue;
    }
    const { direct, near } = entriesOfWord(index, token);
    addAll(found, direct);
    if (token.sound !== null) addAll(found, index.bySound.get(token.sound));
    if (i + 1 < q.length) addAll(found, index.byRawWord.get(token.raw + q[i + 1].raw));
    addAll(found, near);
  }
  const first = q[0];
  if (first !== undefined && !first.cjk) {
    for (const key of index.byInitials.get(first.raw) ?? []) addAll(found, index.groupPrefixes.get(key)!.entries);
  }
  // The row may spell out a group name whose initials a listed name uses ("Mitsubishi Heavy Industries Logitec").
  if (first !== undefined && index.groupFirstWords.has(first.canon)) {
    let run = first.canon;
    for (let length = 2; length <= Math.min(q.length, LONGEST_GROUP_NAME); length++) {
      run += ` ${q[length - 1].canon}`;
      const prefix = index.groupPrefixes.get(run);
      if (prefix !== undefined) addAll(found, index.byRawWord.get(prefix.initials));
    }
  }
  return found;
}

// ---------------------------------------------------------------- screening a name

export interface ScreeningQuery {
  asOf: string;
  reviewedAt: string;
  suspensionsEnded?: boolean;
}

/**
 * Screens one supplier name. `country` is the row's ISO alpha-2 code or null. Only notices issued on or before
 * the date count; a firm whose notices are all later is no candidate.
 */
export function screenName(index: ScreeningIndex, doc: RulesDocument, name: string, country: string | null, query: ScreeningQuery): ScreeningResult {
  const known = index.memo.get(country, query, name);
  if (known !== undefined) return known;
  const result = screenCompared(index, doc, comparedNames(index, name), country, query);
  if (index.memo.size < SCREENING_MEMO_LIMIT) index.memo.set(country, query, ownedText(name), result);
  return result;
}

/** Text in brackets: often a site, a parent or an abbreviation ("Insitu, Inc. (a Boeing Company)"). */
const BRACKETED = /[(（[［][^)）\]］]*[)）\]］]/g;
/** A spaced dash: what follows is a site, a plant or a department in a vendor master ("Raytheon Missiles & Defense - Tucson"). */
const DASHED_TAIL = /^(.*?\S)\s+[-–—]+\s+(.*\S)\s*$/su;
/** What DASHED_TAIL needs, found in one pass. */
const SPACED_DASH = /\s[-–—]/u;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The role a shipping paper, a declaration or a payment message gives the firm, before its name: "SHIPPER:",
 * "CONSIGNEE:", "NOTIFY PARTY:", "EXPORTER:", "/BNF/" (a SWIFT beneficiary). Only before a colon or between slashes.
 */
const DOCUMENT_ROLE =
  /^\s*(\/(?:bnf|ben)\/|(?:shipper|consignor|consignee|notify(?:\s+party)?|exporter|importer|seller|buyer|beneficiary|bnf|payee|sold\s+to|bill\s+to|ship\s+to|ordering\s+customer|cnee|shpr|applicant|(?:issuing|advising|confirming|negotiating)\s+bank)\s*:)\s*(?=\S)/iu;
/** A vendor number before the name, as vendor masters print it ("100417 GENERAL DYNAMICS", "V-0087731 HENSOLDT AG"). */
const VENDOR_NUMBER = /^\s*((?:[A-Za-z]{1,3}[-\s]?)?\d{4,}[\w/-]*)\s+(?=\p{L})/u;
/**
 * Text after the name that is the ledger's, not the firm's: an attention line, care of, a trade or former name, the
 * owner, where to send the payment (remit to, a post-office box, a lockbox), a tax number (VAT, EIN, NIP, USCC…), the
 * buyer's department that keeps the account ("/ Procurement Dept.", "- ACCOUNTS"), a registration number (UEI, CAGE, DUNS, LEI).
 */
const LEDGER_WORDS =
  /(?:attn\b|attention\b|z\.\s?hd\.|c\/o\b|care of\b|dba\b|d\/b\/a\b|fka\b|f\/k\/a\b|formerly\b|remit\b|p\.?\s?o\.?\s?box\b|lockbox\b|postfach\b|(?:ust-?id(?:nr)?|vat(?:\s*(?:no|nr|id|reg))?|ein|nip|uscc|gstin|tax\s*id|tin|kvk|siret|p\.?\s?iva|uei|cage(?:\s*code)?|duns|lei)\.?\s*[:#-]?\s*(?:[a-z]{2})?[-\s]?\d|(?:procurement|purchasing|accounts(?: payable)?|a\/p|einkauf|buchhaltung|achats|compras)(?:\s+(?:dept|department|division|office)\.?)?\s*$|a (?:division|subsidiary|unit) of\b|an? [\p{L}\p{N}&.-]+(?: [\p{L}\p{N}&.-]+)? (?:business|company)\s*$)/u.source;
const LEDGER_TAIL = new RegExp(`^(.*?\\p{L}.*?)[\\s,;]+(${LEDGER_WORDS}.*)$`, "isu");
/** What LEDGER_TAIL needs somewhere, found in one pass: most names have none of it, and the tail's search is slow. */
const LEDGER_HINT = new RegExp(`[\\s,;]${LEDGER_WORDS}`, "iu");
/**
 * A card payment's descriptor: a processor's prefix before an asterisk ("SQ *SKYDIO SAN MATEO CA", "PAYPAL
 * *FIRESTORMLABS"), or the merchant before it and what was bought after it ("ALTANA AI *SUBSCRIPTION").
 */
const CARD_DESCRIPTOR = /^\s*([^*]*?\S)\s*\*\s*([^*]*\p{L}[^*]*)$/u;
/** Prefixes card processors put before the merchant's name (Square, Toast, PayPal, Shopify, Google, Amazon, FastSpring, Paddle). */
const CARD_PROCESSORS = new Set(["sq", "sqr", "tst", "paypal", "pp", "sp", "google", "goog", "amzn", "amazon", "fs", "paddle", "paddle.net", "dnh", "wpy"]);

/** A firm's abbreviation before its name and a spaced dash ("DTC - Domo Tactical Communications"). */
const ABBREVIATION_FIRST = /^\s*([\p{Lu}\p{N}&]{2,6})\s+[-–—]+\s+(.*\p{L}.*)$/u;
/** A name outside brackets short enough to be the abbreviation of what the brackets hold ("SNC (SIERRA NEVADA CORPORATION)"). */
const MOST_ABBREVIATION_WORDS = 2;

/** Readings of the name without what the ledger wrote around it, and of the name an abbreviation stands before. */
function ledgerReadings(brackets: readonly string[] | null, unbracketed: string): { text: string; aside: NameAside }[] {
  const readings: { text: string; aside: NameAside }[] = [];
  const card = unbracketed.includes("*") ? CARD_DESCRIPTOR.exec(unbracketed) : null;
  if (card !== null) {
    const processor = CARD_PROCESSORS.has(card[1].toLowerCase());
    readings.push(processor ? { text: card[2], aside: { kind: "ledger_text", text: `${card[1]} *` } } : { text: card[1], aside: { kind: "ledger_text", text: `*${card[2]}` } });
  }
  const role = DOCUMENT_ROLE.exec(unbracketed);
  let bare = role === null ? unbracketed : unbracketed.slice(role[0].length);
  const number = VENDOR_NUMBER.exec(bare);
  if (number !== null) bare = bare.slice(number[0].length);
  const tail = LEDGER_HINT.test(bare) ? LEDGER_TAIL.exec(bare) : null;
  if (role !== null || number !== null || tail !== null) {
    const set = [role?.[1], number?.[1], tail?.[2]].filter((text): text is string => text !== undefined);
    if (tail !== null) bare = tail[1];
    readings.push({ text: bare, aside: { kind: "ledger_text", text: [...(brackets ?? []), ...set].join(" … ") } });
  }
  const abbreviated = ABBREVIATION_FIRST.exec(bare);
  if (abbreviated !== null) readings.push({ text: abbreviated[2], aside: { kind: "abbreviation", text: abbreviated[1] } });
  const outside = brackets === null ? 0 : readEntityName(bare).tokens.length;
  if (brackets !== null && outside <= MOST_ABBREVIATION_WORDS) {
    for (const bracket of brackets) {
      const inner = bracket.slice(1, -1);
      const words = readEntityName(inner).tokens.length;
      if (words >= 2 && words > outside) readings.push({ text: inner, aside: { kind: "abbreviation", text: bare.trim() } });
    }
  }
  return readings;
}

/** The last word of a text, dots left out and in lower case ("S.A." → "sa", "Co., Ltd." → "ltd"), read backwards. */
function lastWordOf(text: string): string {
  let end = text.length;
  while (end > 0 && !WORD_CHARACTER.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && (WORD_CHARACTER.test(text[start - 1]) || text[start - 1] === ".")) start--;
  return foldName(text.slice(start, end).replace(/\./g, ""));
}

/** The text without the legal forms at its end ("LOCKHEED MARTIN CORP" → "LOCKHEED MARTIN"). */
function withoutLegalFormsAtEnd(text: string): string {
  let rest = text.trim();
  while (rest !== "" && isLegalForm(lastWordOf(rest))) {
    const cut = rest.search(/[\p{L}\p{N}.]+[^\p{L}\p{N}]*$/u);
    if (cut <= 0) break;
    rest = rest.slice(0, cut).replace(/[\s,]+$/u, "");
  }
  return rest;
}

/** The first word of a text, dots left out and in lower case ("UAB Ekspla" → "uab"). */
function firstWordOf(text: string): string {
  return foldName((text.trim().match(/^[\p{L}\p{N}.]+/u)?.[0] ?? "").replace(/\./g, ""));
}

/** The name without a site or branch written after it, and that text; null when it has none. */
function withoutSite(name: string): { bare: string; site: string } | null {
  const dashed = SPACED_DASH.test(name) ? DASHED_TAIL.exec(name) : null;
  if (dashed !== null) return { bare: dashed[1], site: dashed[2] };
  const cjk = HAN.test(name) ? CJK_SITE_AFTER_LEGAL_FORM.exec(name) : null;
  if (cjk !== null) return { bare: cjk[1], site: cjk[2] };
  return cjkAddressAfterName(name) ?? afterLegalFormAndComma(name) ?? cityAfterLegalForm(name) ?? cityAndStateAfterComma(name);
}

/** ", Halifax, NS", ", Alexandria VA": a city of one to three words and a state's or province's code after a comma. */
const COMMA_CITY_STATE = /^(.*\S)\s*,\s*(\p{L}+(?:[\s.]+\p{L}+){0,2})\s*,?\s+(\p{L}{2})\.?\s*$/u;

/**
 * A city and a state after a comma that ends a name with no legal form ("Halifax International Security Forum,
 * Halifax, NS"; "Boeing Defense, Space & Security, Arlington, VA"): the firm's site.
 */
function cityAndStateAfterComma(name: string): { bare: string; site: string } | null {
  const found = name.includes(",") ? COMMA_CITY_STATE.exec(name) : null;
  if (found === null || !STATE_CODES.has(found[3].toLowerCase()) || !found[2].split(/[\s.]+/).every(placeWord)) return null;
  return readEntityName(found[1]).tokens.length > 0 ? { bare: found[1], site: `${found[2]}, ${found[3]}` } : null;
}

/**
 * A Japanese or Chinese works, plant, office or branch written after the legal form, as vendor masters in Japan,
 * Taiwan and China add it ("日本原燃株式会社 再処理事業所", "… 股份有限公司 高雄總廠", "…（股）公司 沙鹿廠": any plant, 廠 or 厂).
 */
const CJK_SITE_AFTER_LEGAL_FORM =
  /^(.*\S(?:株式会社|有限会社|合同会社|股份有限公司|有限公司|公司))\s+(\S*(?:事業所|事業部|工場|本社|支店|支社|営業所|製作所|事務所|办事处|辦事處|厂|廠))\s*$/u;

/** How a Chinese, Japanese or Korean place's name ends: prefecture, province, county, city, ward, town, village. */
const CJK_PLACE_SUFFIX = /^[都道府県縣省市区區郡町村鎮鄉乡]$/u;
const CJK_PLACE_LETTERS = /^[\p{Script=Han}\p{Script=Katakana}ー]+$/u;
const HAN = /\p{Script=Han}/u;
/** Most characters of one place's name with its suffix ("鹿児島県" is four). */
const LONGEST_CJK_PLACE = 6;

/**
 * A Japanese, Chinese or Taiwanese address after the name, written apart from it as prefectures, counties, cities,
 * wards and towns ("三菱造船株式会社 横浜市", "國家中山科學研究院 桃園市龍潭區", "… 群馬県富岡市"): the firm's site.
 * Read place by place in one pass: each place is two to six characters ending on a place's suffix, closed at the
 * first suffix it may end on (a pattern of repeated places backtracked for minutes on a cell of suffixes).
 */
function cjkAddressAfterName(name: string): { bare: string; site: string } | null {
  const text = name.trim();
  let space = text.length - 1;
  while (space >= 0 && !/\s/u.test(text[space])) space--;
  if (space <= 0) return null;
  const bare = text.slice(0, space).trimEnd();
  const site = text.slice(space + 1);
  if (!HAN.test(bare) || !CJK_PLACE_LETTERS.test(site)) return null;
  let placeLength = 0;
  for (const character of site) {
    placeLength += 1;
    if (placeLength > LONGEST_CJK_PLACE) return null;
    if (placeLength >= 2 && CJK_PLACE_SUFFIX.test(character)) placeLength = 0;
  }
  return placeLength === 0 ? { bare, site } : null;
}

/** Taiwan's name before a Taiwanese firm's Chinese name ("台灣國際造船…" for 國際造船): the firm's country, set aside. */
const TAIWAN_FIRST = /^\s*(台灣|台湾|臺灣|中華民國|中华民国)(?=\p{Script=Han})/u;

const legalFormsOnly = (text: string): boolean => (text.toLowerCase().replace(/\./g, "").match(/[\p{L}\p{N}]+/gu) ?? []).every(isLegalForm);

/**
 * After a legal form and a comma comes the firm's seat, branch or street ("HENSOLDT AG, Taufkirchen", "Lafert S.p.A.,
 * Via …, Noventa di Piave", "UAB Ekspla, Vilnius" with the legal form first): the first such comma ends the name.
 * "Boeing Defense, Space & Security" has no legal form before its comma ("Supplier 12, Ltd." neither), and "Acme Co.,
 * Ltd." is one legal form, not a firm and its site.
 */
function afterLegalFormAndComma(name: string): { bare: string; site: string } | null {
  const fields = name.split(",");
  for (let at = 0; at < fields.length - 1; at++) {
    const next = fields[at + 1];
    if (!(isLegalForm(lastWordOf(fields[at])) || isLegalForm(firstWordOf(fields[at]))) || legalFormsOnly(next)) continue;
    const bare = fields.slice(0, at + 1).join(",").trim();
    const site = fields.slice(at + 1).join(",").trim();
    if (site === "" || legalFormsOnly(site)) return null;
    return readEntityName(bare).tokens.length > 0 ? { bare, site } : null;
  }
  return null;
}

/** US states and Canadian provinces as addresses abbreviate them. */
const STATE_CODES = new Set(
  (
    "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd " +
    "tn tx ut vt va wa wv wi wy pr gu vi ab bc mb nb nl ns on pe qc sk"
  ).split(" "),
);
/** A US ZIP code, maybe with its four digits and the country, ending an address line. */
const POSTAL_END = /\s+\d{5}(?:-\d{4})?(?:\s+(?:us|usa|u\.s\.a?\.?))?\s*$/iu;
/** Most words of a city before its state ("NEW YORK NY", "FORT WORTH TX", "BINGEN WA"). */
const LONGEST_CITY = 3;

/**
 * Words of a city with no state after it ("… HOLDINGS INC WARREN"); more words may be a division or a campus
 * ("Lockheed Martin Corp Bethesda Campus"), which is for review.
 */
const LONGEST_CITY_WITHOUT_STATE = 1;
const LETTERS_ONLY = /^\p{L}+$/u;
const plainWord = (word: string): string => word.replace(/[.,]/g, "").toLowerCase();

/** A word that may be part of a city's name: letters only, and nothing firms call themselves ("Systems", "Group"). */
function placeWord(word: string): boolean {
  if (!LETTERS_ONLY.test(word)) return false;
  const token = readEntityName(word).tokens[0];
  return token !== undefined && wordClass(token) === "distinctive";
}

/**
 * A city, and a US state's or Canadian province's code, run into the name after its legal form, as US vendor masters
 * print the address line ("PVH CORP NEW YORK NY", "INSITU INC BINGEN WA", "… HOLDINGS INC WARREN"): the firm's
 * site, not a word of its name.
 */
function cityAfterLegalForm(name: string): { bare: string; site: string } | null {
  // "… SAN DIEGO CA 92123 USA": the ZIP code (and the country) after a state's code end the address.
  const postal = POSTAL_END.exec(name);
  const address = postal === null ? name : name.slice(0, postal.index);
  const words = address.trim().split(/\s+/);
  if (postal !== null && !STATE_CODES.has(plainWord(words[words.length - 1]))) return null;
  const last = plainWord(words[words.length - 1]);
  // "… Equipment Co": Co is Colorado's code and a legal form; a legal form ends a name, not an address. After another
  // legal form it is the state ("MP MATERIALS CORP LAS VEGAS NV": NV is Nevada there, not a Dutch N.V.).
  if (words.length < 3 || (isLegalForm(last) && !STATE_CODES.has(last))) return null;
  const state = STATE_CODES.has(last);
  if (state && words.length < 4) return null;
  const cityEnd = state ? words.length - 1 : words.length;
  for (let at = cityEnd - 1; at >= 1 && cityEnd - 1 - at <= LONGEST_CITY; at--) {
    if (!isLegalForm(plainWord(words[at]))) continue;
    const city = words.slice(at + 1, cityEnd);
    if (city.length === 0) return null;
    if (!state && (city.length > LONGEST_CITY_WITHOUT_STATE || !city.every(placeWord))) return null;
    // A state's code that is also a legal form ("… Defense Equipment Co") follows a city only after words no firm calls itself.
    if (state && isLegalForm(last) && !city.every(placeWord)) return null;
    const bare = words.slice(0, at + 1).join(" ");
    const site = [...words.slice(at + 1), postal?.[0].trim() ?? ""].join(" ").trim();
    return readEntityName(bare).tokens.length > 0 ? { bare, site } : null;
  }
  return null;
}

/** Most words of an address after a legal form with no state's code: a ward and a city, or a city and its country. */
const LONGEST_ADDRESS = 3;
/** A word of an address: letters, maybe a hyphenated ward or district ("CHUO-KU", "MINATO-KU"). */
const ADDRESS_WORD = /^\p{L}+(?:-\p{L}+)?$/u;

/**
 * Two or three place words after the legal form, with no state's code ("TDK CORP CHUO-KU TOKYO", "NEC AEROSPACE
 * SYSTEMS LTD FUCHU TOKYO", "… DEVELOPMENT CORP TAICHUNG TAIWAN"): an address as vendor masters outside the US
 * print it, or a division's name. Set aside only where a country confirms it (`addressCountry`).
 */
function addressAfterLegalForm(name: string): { bare: string; site: string; country: string | null } | null {
  const words = name.trim().split(/\s+/);
  for (let length = 2; length <= LONGEST_ADDRESS && words.length - length >= 2; length++) {
    const at = words.length - 1 - length;
    if (!isLegalForm(plainWord(words[at]))) continue;
    const address = words.slice(at + 1);
    if (!address.every((word) => ADDRESS_WORD.test(word) && !isLegalForm(plainWord(word)) && (word.includes("-") || placeWord(word) || isCountryName(word)))) return null;
    const bare = words.slice(0, at + 1).join(" ");
    if (readEntityName(bare).tokens.length === 0) return null;
    const last = address[address.length - 1];
    return { bare, site: address.join(" "), country: isCountryName(last) ? toCountryCode(last) : null };
  }
  return null;
}

/** A word that separates a name's field from a remark in a ledger ("- PICK-UP BY …", "| DAP", "/ BANK …", "ATTN:"). */
const FIELD_SEPARATOR = /^(?:[-–—|/]+|\p{L}*:)$/u;

/** One letter, maybe with its dot: what is left of a legal form written with spaces ("S. A."). */
const SINGLE_LETTER = /^\p{L}\.?$/u;
/** A person's initials in a street's name: "J.", "J.F.", "J. F.". */
const INITIALS = /^(?:\p{L}\.?|(?:\p{L}\.){2,3})$/u;

/** A street named after a person, with its kind joined by hyphens ("Willy-Messerschmitt-Str.", "Max-Planck-Straße"). */
const STREET_KINDS = new Set(["str", "strasse", "straße", "weg", "platz", "allee", "ring", "damm", "gasse", "ufer"]);
function hyphenatedStreet(word: string): boolean {
  const parts = word.replace(/\.$/u, "").split("-");
  return parts.length >= 2 && STREET_KINDS.has(parts[parts.length - 1].toLowerCase()) && parts.slice(0, -1).every(placeWord);
}

/**
 * The name up to its last legal form, where what follows has a number or a field separator and no legal form of its
 * own ("TDK CORPORATION 1-13-1 NIHONBASHI CHUO-KU", "TATRA TRUCKS A.S. KOPRIVNICE - PICK-UP BY …"): a street
 * address, a postcode or a ledger's remark, which no firm puts in its name after its legal form. Single letters
 * after the legal form are part of it ("SPOL S R O"). Set aside only where the row's country confirms it.
 */
function tailAfterLastLegalForm(name: string): { bare: string; site: string } | null {
  const words = name.trim().split(/\s+/);
  let at = -1;
  for (let k = words.length - 2; k >= 1; k--) {
    if (isLegalForm(plainWord(words[k]))) {
      at = k;
      break;
    }
  }
  if (at < 0) return null;
  while (at + 1 < words.length - 1 && SINGLE_LETTER.test(words[at + 1])) at += 1;
  const tail = words.slice(at + 1);
  const stateAtEnd = (word: string, k: number) => k === tail.length - 1 && STATE_CODES.has(plainWord(word));
  if (tail.some((word, k) => isLegalForm(plainWord(word)) && !stateAtEnd(word, k))) return null;
  const mark = tail.findIndex((word) => DIGIT.test(word) || FIELD_SEPARATOR.test(word));
  // Before the number or the separator only a street's or a place's words ("VIA J. F. KENNEDY 43"), none a firm calls
  // itself ("… CORPORATION SYSTEMS 92123" keeps its "Systems").
  if (mark < 0 || !tail.slice(0, mark).every((word) => INITIALS.test(word) || placeWord(word.replace(/\.$/u, "")) || hyphenatedStreet(word))) return null;
  const bare = words.slice(0, at + 1).join(" ").replace(/[\s,]+$/u, "");
  return readEntityName(bare).tokens.length > 0 ? { bare, site: tail.join(" ") } : null;
}

/**
 * How a US city of more than one word begins or ends ("SAN MATEO", "FORT WORTH", "STERLING HEIGHTS", "SALT LAKE CITY"):
 * with no legal form before it, only such words let a city take more than the word before the state's code, so that
 * "SIERRA NEVADA BREWING CHICO CA" keeps its brewing.
 */
const CITY_FIRST_WORDS = new Set(
  "san santa fort ft new los las st saint salt el la palm port mount mt grand cape baton cedar sioux rancho simi west east north south little big long".split(" "),
);
const CITY_LAST_WORDS = new Set("city beach heights springs park falls lake valley hills grove island harbor point creek rapids bay mesa junction village worth york angeles diego francisco louis paul".split(" "));

/**
 * A city and a US state's or Canadian province's code after a name with no legal form ("SKYDIO SAN MATEO CA",
 * "ELBIT SYSTEMS OF AMERICA FORT WORTH TX"): with no legal form to end the name, each city of one to three words is a
 * reading, and the comparison keeps the best.
 */
function citiesAndState(name: string): { bare: string; site: string }[] {
  const postal = POSTAL_END.exec(name);
  const address = postal === null ? name : name.slice(0, postal.index);
  const words = address.trim().split(/\s+/);
  const last = plainWord(words[words.length - 1]);
  if (words.length < 3 || !STATE_CODES.has(last) || isLegalForm(last)) return [];
  const readings: { bare: string; site: string }[] = [];
  for (let length = 1; length <= LONGEST_CITY && words.length - 1 - length >= 1; length++) {
    const city = words.slice(words.length - 1 - length, words.length - 1);
    // A legal form before the city ends the name: cityAfterLegalForm reads that.
    if (!city.every(placeWord) || isLegalForm(plainWord(words[words.length - 2 - length]))) break;
    if (length > 1 && !CITY_FIRST_WORDS.has(plainWord(city[0])) && !CITY_LAST_WORDS.has(plainWord(city[city.length - 1]))) continue;
    const bare = words.slice(0, words.length - 1 - length).join(" ");
    if (readEntityName(bare).tokens.length > 0) readings.push({ bare, site: [...city, words[words.length - 1], postal?.[0].trim() ?? ""].join(" ").trim() });
  }
  return readings;
}

/**
 * A vendor master's label and number before the name, as a whole record pasted into one cell writes them ("LIFNR
 * 0000104711 |", "Fournisseur 40017 -", "Proveedor 700131 |", "取引先 200312", "거래처 K-3101", "廠商 T-5501").
 */
const RECORD_LABEL =
  /^\s*(?:lifnr|kreditor(?:en)?(?:nr)?|lieferant(?:en)?(?:nr)?|vend(?:or)?(?:\s*(?:no|nr|id|code))?|supplier(?:\s*(?:no|nr|id|code))?|fournisseur|proveedor|fornitore|fornecedor|leverancier|dostawca|dodavatel|sz[aá]ll[ií]t[oó]|取引先|仕入先|거래처|供应商|供應商|廠商|厂商)\.?\s*[:#]?\s*([\p{L}]{0,3}[-\s]?\d[\p{L}\p{N}-]*)\s*[|:\-–—]?\s*/iu;
/** SAP's name fields, written with their labels ("NAME1 Antraco Chemie-Handels- | NAME2 gesellschaft mbH"). */
const NAME_FIELD = /^\s*name\s*[1-4]\s*[:=]?\s*/iu;
/** A Japanese address, from its postal mark on. */
const JAPANESE_ADDRESS = /\s*〒.*$/su;
const RECORD_MARK = /[\d|/〒\n]/u;
/** A payment's account line before the beneficiary's name in a field of lines ("/DE27300500000004471902"). */
const ACCOUNT_LINE = /^\/?[a-z]{0,2}\d[\da-z -]{5,}$/iu;
/** A payment's beneficiary between its tags ("… /BNF/ UAB URBO BANKAS VILNIUS /IBAN/ LT71…"). */
const BENEFICIARY = /\/(?:bnf|ben)\/\s*(.*?)\s*(?=\/[a-z]{2,5}\/|$)/isu;

/**
 * The name in a whole record pasted into the name's cell, and what was set aside around it: a payment's beneficiary
 * field; or a vendor master's label and number, then its name fields (NAME1 and NAME2 joined) or its first field,
 * without a Japanese address. Null when the text is no such record.
 */
function recordText(name: string): { text: string; setAside: string; payment: boolean } | null {
  // Every kind of record has a number, a bar, a slash or a postal mark: most names have none and are no record.
  if (!RECORD_MARK.test(name)) return null;
  const beneficiary = BENEFICIARY.exec(name);
  if (beneficiary !== null && (beneficiary.index > 0 || beneficiary[0].length < name.length) && /\p{L}/u.test(beneficiary[1])) {
    const setAside = `${name.slice(0, beneficiary.index).trim()} /BNF/ … ${name.slice(beneficiary.index + beneficiary[0].length).trim()}`.trim();
    return { text: beneficiary[1], setAside, payment: true };
  }
  // A payment's beneficiary as a field of lines (SWIFT field 59): the account, the name, then the address.
  if (name.includes("\n")) {
    const lines = name.split("\n").map((line) => line.trim()).filter((line) => line !== "");
    const account = lines.length > 1 && ACCOUNT_LINE.test(lines[0]) ? lines.shift()! : null;
    if (lines.length > 0 && (lines.length > 1 || account !== null) && /\p{L}/u.test(lines[0])) {
      // The name has its own line: its words are not cut off an address run into it, as in a one-line beneficiary.
      return { text: lines[0], setAside: [account, ...lines.slice(1)].filter((line) => line !== null).join(" … "), payment: false };
    }
  }
  const label = RECORD_LABEL.exec(name);
  let text = label === null ? name : name.slice(label[0].length);
  if (text.includes("|")) {
    const fields = text.split("|").map((field) => field.trim()).filter((field) => field !== "");
    const named = fields.filter((field) => NAME_FIELD.test(field)).map((field) => field.replace(NAME_FIELD, ""));
    // NAME1 and NAME2 are one name cut in two: a word broken with a hyphen at the cut is joined again.
    text = named.length > 0 ? named.join(" ").replace(/(\p{L})-\s+(\p{Ll})/gu, "$1$2") : (fields[0] ?? "");
  }
  text = text.replace(JAPANESE_ADDRESS, "").trim();
  if (text === name.trim() || !/\p{L}/u.test(text)) return null;
  return { text, setAside: label === null ? "the record's other fields" : label[0].replace(/[|:\-–—\s]+$/u, "").trim(), payment: false };
}

/** Most words of a street and town a payment's beneficiary field runs into the name ("EKSPLA UAB LIEPKALNIO G 50 VILNIUS"). */
const LONGEST_BENEFICIARY_ADDRESS = 4;

/**
 * A beneficiary field holds the name and then the address, with nothing between them: the name is read without its
 * last one to four words too, each such address set aside only where the row's country confirms it.
 */
function beneficiaryReadings(text: string, setAside: string): NameReading[] {
  const words = text.trim().split(/\s+/);
  const readings: NameReading[] = [];
  for (let dropped = 1; dropped <= LONGEST_BENEFICIARY_ADDRESS && words.length - dropped >= 1; dropped++) {
    const bare = words.slice(0, words.length - dropped).join(" ");
    const form = readEntityName(bare);
    if (form.tokens.length === 0) break;
    readings.push({ form, aside: { kind: "site", text: `${setAside} … ${words.slice(words.length - dropped).join(" ")}`, addressCountry: null }, text: bare });
  }
  return readings;
}

/** A reading of a supplier's name: the name as compared, and what was set aside to get it. */
interface NameReading {
  form: EntityNameForm;
  aside: NameAside | null;
  text: string;
}

const UNSPACED_SEMICOLON = /;(?=\S)/gu;
/** A name, a spaced slash, then more name ("… CORP / MISSILES AND FIRE CONTROL"). */
const SLASHED_DIVISION = /^\s*([^/]*\p{L}[^/]*?)\s+\/\s+([^/]*\p{L}[^/]*?)\s*$/u;

/** The readings of a name beside the whole name: without its brackets, the ledger's text, a site or an address after it. */
function partialReadings(written: string): NameReading[] {
  // Fields joined with a bare semicolon ("GENERAL DYNAMICS;LAND SYSTEMS INC.;STERLING HEIGHTS MI") are words apart.
  const name = written.replace(UNSPACED_SEMICOLON, "; ");
  const readings: NameReading[] = [];
  const brackets = name.match(BRACKETED);
  const unbracketed = brackets === null ? name : name.replace(BRACKETED, " ");
  if (brackets !== null) readings.push({ form: readEntityName(unbracketed), aside: { kind: "brackets", text: brackets.join(" ") }, text: unbracketed });
  // The ledger's own words ("…, Lockbox 7731") before a site, so an explanation names them for what they are.
  const taiwan = TAIWAN_FIRST.exec(unbracketed);
  if (taiwan !== null) {
    const text = unbracketed.slice(taiwan[0].length);
    readings.push({ form: readEntityName(text), aside: { kind: "site", text: taiwan[1] }, text });
  }
  const ledger = ledgerReadings(brackets, unbracketed);
  for (const reading of ledger) readings.push({ form: readEntityName(reading.text), aside: reading.aside, text: reading.text });
  // A site after the name, once the ledger's own text is set aside ("SHIPPER: … INC SAN MATEO CA 94402").
  const ledgerText = ledger.find((reading) => reading.aside.kind === "ledger_text");
  const named = ledgerText?.text ?? unbracketed;
  // A vendor master's NAME1 (the group, with its legal form) and NAME2 (the unit) on either side of a slash: the unit's
  // own name joins them ("LOCKHEED MARTIN CORP / MISSILES AND FIRE CONTROL" is Lockheed Martin Missiles and Fire Control).
  const division = named.includes("/") ? SLASHED_DIVISION.exec(named) : null;
  if (division !== null && isLegalForm(lastWordOf(division[1]))) {
    const text = `${withoutLegalFormsAtEnd(division[1])} ${division[2]}`;
    // Nothing of the name is set aside (legal forms never count), so this reading wins a tie with the group's.
    readings.push({ form: readEntityName(text), aside: null, text });
  }
  const site = withoutSite(named);
  for (const found of site === null ? citiesAndState(named) : [site]) {
    const setAside = ledgerText === undefined ? [...(brackets ?? []), found.site] : [ledgerText.aside.text, found.site];
    readings.push({ form: readEntityName(found.bare), aside: { kind: "site", text: setAside.join(" … ") }, text: found.bare });
  }
  const address = site === null ? addressAfterLegalForm(named) : null;
  if (address !== null) {
    const setAside = ledgerText === undefined ? [...(brackets ?? []), address.site] : [ledgerText.aside.text, address.site];
    readings.push({ form: readEntityName(address.bare), aside: { kind: "site", text: setAside.join(" … "), addressCountry: address.country }, text: address.bare });
  }
  const tail = DIGIT.test(named) || SEPARATOR_MARK.test(named) ? tailAfterLastLegalForm(named) : null;
  if (tail !== null && tail.bare !== address?.bare && tail.bare !== site?.bare) {
    const setAside = ledgerText === undefined ? [...(brackets ?? []), tail.site] : [ledgerText.aside.text, tail.site];
    readings.push({ form: readEntityName(tail.bare), aside: { kind: "site", text: setAside.join(" … "), addressCountry: null }, text: tail.bare });
  }
  for (const reading of addressReadings(named)) {
    readings.push(ledgerText === undefined ? reading : { ...reading, aside: { ...reading.aside!, text: `${ledgerText.aside.text} … ${reading.aside!.text}` } });
  }
  return readings;
}

/** A street address's start: a house number, a street's name and its kind ("2041 E GLADWICK ST", "1625 K St NW"). */
const STREET_ADDRESS =
  /[\s,]+\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:\p{L}[\p{L}'.-]*|\d{1,4}(?:st|nd|rd|th))\s+){0,4}?(?:st|street|ave|avenue|rd|road|dr|drive|blvd|boulevard|way|ln|lane|ct|court|pkwy|parkway|hwy|highway|pl|place|sq|square|ter|terrace|cir|circle)\b\.?(?:\s|,|$).*$/isu;
/** A European address after a comma: a street with its number, then a postcode ("…, ul. Grunwaldzka 30, 50-357 Wroclaw"). */
const EUROPEAN_ADDRESS = /\s*,\s*[^,]*\p{L}[^,]*\d[^,]*,\s*(?:[A-Z]{1,2}-)?\d{2}[-\s]?\d{3}\b.*$/su;
/** A Japanese address in Latin letters after a comma: the block numbers, then the district ("…, 2-12-1 Ookayama, Meguro-ku"). */
const JAPANESE_BLOCK_ADDRESS = /\s*,\s*\d{1,4}-\d{1,4}(?:-\d{1,4})?,?\s+\p{L}.*$/su;
/**
 * A street and its house number after a comma, the town maybe after another ("…, ul. Janiszewskiego 11, Wroclaw",
 * "…, Via Kennedy 43"): no postcode says it is an address, so only the row's country can (`addressCountry`).
 */
const STREET_AFTER_COMMA = /\s*,\s*(?:\p{L}[\p{L}.'-]*\s+){1,4}\d{1,4}[a-z]?(?:\/\d{1,4})?\s*(?:,[^,\d]*)?$/su;
/** A Chinese, Japanese or Korean organisation's name, by how it ends, before an address written apart. */
const CJK_NAME_BEFORE_ADDRESS = /^(\S*(?:公司|株式会社|有限会社|大学|学院|研究院|研究所|機構|机构|集团|集團|銀行|银行|协会|協会|基金会|中心|センター))\s+(\S.*)$/u;
/** The longest run of Latin words in a line written mostly in another script ("테크인사이츠코리아(주) TechInsights Korea Co., Ltd. 서울…"). */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9&'.-]*(?:[\s,]+[A-Za-z0-9&'.-]+)+\.?/gu;
const OTHER_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}]/u;
const DIGIT = /\d/u;
const SEPARATOR_MARK = /[-–—|/:]/u;

/** Readings of a name with an address after it: a street address, a European street and postcode, a CJK address apart. */
function addressReadings(name: string): NameReading[] {
  const readings: NameReading[] = [];
  // A street address has a number; most names have none.
  for (const pattern of DIGIT.test(name) ? [STREET_ADDRESS, EUROPEAN_ADDRESS, JAPANESE_BLOCK_ADDRESS] : []) {
    const found = pattern.exec(name);
    if (found === null || found.index === 0) continue;
    const bare = name.slice(0, found.index).replace(/[\s,]+$/u, "");
    if (readEntityName(bare).tokens.length > 0) readings.push({ form: readEntityName(bare), aside: { kind: "site", text: found[0].replace(/^[\s,]+/u, "") }, text: bare });
  }
  const street = DIGIT.test(name) ? STREET_AFTER_COMMA.exec(name) : null;
  if (street !== null && street.index > 0) {
    const bare = name.slice(0, street.index).replace(/[\s,]+$/u, "");
    if (readEntityName(bare).tokens.length > 0) readings.push({ form: readEntityName(bare), aside: { kind: "site", text: street[0].replace(/^[\s,]+/u, ""), addressCountry: null }, text: bare });
  }
  if (!OTHER_SCRIPT.test(name)) return readings;
  const cjk = CJK_NAME_BEFORE_ADDRESS.exec(name.trim());
  if (cjk !== null) {
    readings.push({ form: readEntityName(cjk[1]), aside: { kind: "site", text: cjk[2] }, text: cjk[1] });
    // "台灣國際造船股份有限公司 高雄市…": the island's name before the firm's is a place too, as it is without the address.
    const taiwan = TAIWAN_FIRST.exec(cjk[1]);
    if (taiwan !== null) {
      const text = cjk[1].slice(taiwan[0].length);
      readings.push({ form: readEntityName(text), aside: { kind: "site", text: `${taiwan[1]} … ${cjk[2]}` }, text });
    }
  }
  const latin = (name.match(LATIN_RUN) ?? []).sort((a, b) => b.length - a.length)[0]?.trim();
  if (latin !== undefined && latin.length >= 6 && latin !== name.trim()) {
    readings.push({ form: readEntityName(latin), aside: { kind: "ledger_text", text: name.replace(latin, "…").trim() }, text: latin });
  }
  return readings;
}

/** "（股）公司", "(股)公司": Taiwan's short way of writing 股份有限公司 (company limited by shares), not an aside. */
const SHARES_SHORT = /[（(]股[）)]\s*(?=公司)/gu;
/** "M/S", "M/s.", "Messrs": how Indian and other South Asian records address a firm before its name. */
const MESSRS = /^\s*(?:m\/s\.?|messrs\.?)\s+/iu;

/** Every listed name the row's name could match, compared by name alone; once per distinct name. */
function comparedNames(index: ScreeningIndex, written: string): readonly NameComparison[] {
  const known = index.nameMemo.get(written);
  if (known !== undefined) return known;
  const addressed = written.includes("股") ? written.replace(SHARES_SHORT, "股份有限") : written;
  const name = MESSRS.test(addressed) ? addressed.replace(MESSRS, "") : addressed;
  const form = readEntityName(name);
  const compared: NameComparison[] = [];
  if (form.tokens.length > 0) {
    // The name is also read without what it has in brackets, and without a site after it; whichever reading
    // matches better counts.
    const readings: NameReading[] = [{ form, aside: null, text: name }];
    // Only a name that fills its field and does not end on a whole legal form may be cut short, and only readings
    // that end where the name does.
    // The field is the name's, after any vendor number the ledger prints before it ("V200318 LOCKHEED MARTIN MISSILES AND FIRE C").
    const vendorNumber = VENDOR_NUMBER.exec(name);
    const field = vendorNumber === null ? name : name.slice(vendorNumber[0].length);
    const lastWord = NAME_FIELD_WIDTHS.includes(field.trim().length) ? lastWordOf(name) : "";
    const fills = lastWord !== "" && !isLegalForm(lastWord);
    const endsAtCut = (text: string) => fills && lastWordOf(text) === lastWord;
    readings.push(...partialReadings(name));
    // A whole record pasted into the name's cell (a vendor master's line with its number and address, a payment's
    // tagged fields): the name read out of it, then read as any name is.
    const record = recordText(name);
    if (record !== null) {
      readings.push({ form: readEntityName(record.text), aside: { kind: "ledger_text", text: record.setAside }, text: record.text });
      for (const reading of partialReadings(record.text)) {
        readings.push({ ...reading, aside: { ...reading.aside!, text: `${record.setAside} … ${reading.aside!.text}` } });
      }
      if (record.payment) readings.push(...beneficiaryReadings(record.text, record.setAside));
    }
    for (const reading of readings) {
      if (reading.form.tokens.length === 0) continue;
      // A name that may be cut short is compared both ways: whole ("Alliance, Responsible Business" fills 30
      // characters and is complete) and cut.
      const cut = endsAtCut(reading.text);
      for (const entryId of candidatesFor(index, reading.form)) {
        compared.push(compareNames(index, reading.form, entryId, reading.aside, false));
        if (cut) compared.push(compareNames(index, reading.form, entryId, reading.aside, true));
      }
    }
  }
  if (index.nameMemo.size < SCREENING_MEMO_LIMIT) index.nameMemo.set(ownedText(written), compared);
  return compared;
}

function screenCompared(index: ScreeningIndex, doc: RulesDocument, compared: readonly NameComparison[], country: string | null, query: ScreeningQuery): ScreeningResult {
  if (compared.length === 0) return NONE;
  const listingQuery: ListingQuery = query;
  const listingsOfFirm = new Map<number, ListingOnDate[]>();
  const firmListings = (firm: number): ListingOnDate[] => {
    let listings = listingsOfFirm.get(firm);
    if (listings === undefined) {
      const seen = new Set<string>();
      listings = [];
      for (const ref of index.firms[firm]) {
        if (seen.has(ref.listing.action.id)) continue;
        seen.add(ref.listing.action.id);
        const onDate = listingOnDate(ref.listing, ref.entity.name, doc.weights.listings, listingQuery);
        if (onDate !== null) listings.push(onDate);
      }
      listings.sort(leadFirst);
      listingsOfFirm.set(firm, listings);
    }
    return listings;
  };

  const bestByFirm = new Map<number, Comparison>();
  for (const names of compared) {
    const comparison = withCountry(index, names, country);
    if (!comparison.similar) continue;
    const firm = index.entries[names.entry].firm;
    const best = bestByFirm.get(firm);
    if (best === undefined || rank(comparison) > rank(best)) bestByFirm.set(firm, comparison);
  }
  const ranked = [...bestByFirm.entries()]
    .filter(([firm]) => firmListings(firm).length > 0)
    .sort(([, a], [, b]) => rank(b) - rank(a) || index.entries[a.entry].text.localeCompare(index.entries[b.entry].text));
  if (ranked.length === 0) return NONE;

  const [[firm, best], ...others] = ranked;
  const entry = index.entries[best.entry];
  const listings = firmListings(firm);
  const entity = entry.entity.entity;
  return {
    status: best.clear ? "listed" : "possible",
    match: {
      // As the leading notice names the firm (notices of one firm may spell it differently).
      name: listings[0].entityName,
      nameZh: entity.nameZh ?? null,
      matchedText: entry.text,
      matchedAs: entry.kind,
      countries: entity.countries,
      score: best.score,
      features: best.features,
      listings,
    },
    lead: listings[0],
    alternatives: others.slice(0, ALTERNATIVES_SHOWN).map(([otherFirm, comparison]) => ({
      name: index.entries[comparison.entry].entity.entity.name,
      actionId: firmListings(otherFirm)[0].actionId,
      score: comparison.score,
    })),
  };
}

const SET_ASIDE: ReadonlySet<ScreeningFeature["feature"]> = new Set(["brackets", "site", "ledger_text", "abbreviation"]);

/** Clear before possible, then by similarity; between equals, the reading that set nothing aside. */
function rank(comparison: Comparison): number {
  const setAside = comparison.features.some((feature) => SET_ASIDE.has(feature.feature));
  return (comparison.clear ? 2 : 1) + comparison.score - (setAside ? 0.0001 : 0);
}

// ---------------------------------------------------------------- reading the cells

export interface ScreenInput {
  name: CellValue;
  country?: CellValue;
  asOf?: CellValue;
}

export type ScreenOutcome = { ok: true; result: ScreeningResult; asOf: string } | { ok: false; error: EngineError } | null;

/** A supplier name from a cell: null when blank; an error when it holds an Excel error or is too long to be a name. */
export function parseSupplierName(cell: CellValue): { ok: true; value: string | null } | { ok: false; error: EngineError } {
  const excel = excelErrorIn(cell);
  if (excel !== null) return { ok: false, error: engineError("excel_error_input", "supplier_name", excel) };
  if (isBlank(cell)) return { ok: true, value: null };
  const text = String(cell).trim();
  if (text.length > LONGEST_SUPPLIER_NAME) return { ok: false, error: engineError("supplier_name_too_long", "supplier_name", String(text.length)) };
  return { ok: true, value: text };
}

/** One screening row as the formulas, pane and CLI hand it over; null for a blank name. */
export function screenRow(index: ScreeningIndex, doc: RulesDocument, input: ScreenInput, runAsOf: string, suspensionsEnded = false): ScreenOutcome {
  const name = parseSupplierName(input.name);
  if (!name.ok) return name;
  if (name.value === null) return null;
  const country = parseCountry(input.country, "supplier_country");
  if (!country.ok) return country;
  const date = parseDate(input.asOf, "as_of");
  if (!date.ok) return date;
  const asOf = date.value ?? runAsOf;
  return { ok: true, asOf, result: screenName(index, doc, name.value, country.value, { asOf, reviewedAt: doc.reviewedAt, suspensionsEnded }) };
}
