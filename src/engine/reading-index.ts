/**
 * Everything the reading of a line needs from the rules, built once per ruleset: every name of every item
 * as a sequence of canonical words, the vocabulary those words make, the dictionary that segments text
 * written without spaces (Chinese, Japanese, Korean), what each item is called when it is the head of a
 * phrase ("magnet", "wafer", "cell"), the rules' vetoes (item exclusions, shared non-goods) and which
 * technology and service items are about which goods.
 */
import type { Item, RulesDocument } from "../rules/schema";
import type { ItemKind } from "../rules/vocabulary";
import { itemNames } from "../rules/names";
import {
  ASIDE_PREPOSITIONS,
  COMPONENT_SHAPES,
  CONTAINERS,
  DESCRIPTORS,
  FORM_PREPOSITIONS,
  MATERIAL_FORMS,
  OF_PREPOSITIONS,
  ON_PREPOSITIONS,
  PACKS,
  PRODUCT_FORMS,
  PRODUCT_NOUNS,
  SERVICE_FORMS,
  STOPWORDS,
  UNITS,
  lexiconVariants,
  canonicalWords,
  isCjk,
} from "./lexicon";
import { namePhrasesOf, wordsOf, type Segmenter } from "./reading";

/** One name of an item, as the words a line must contain to name it. */
export interface Phrase {
  itemId: string;
  /** Canonical words, in the order written. */
  keys: readonly string[];
  /** The words that must all be in a line for the name to be there in any order (prepositions left out). */
  content: readonly string[];
  /** The name as the rules write it, for explanations. */
  text: string;
  /**
   * A short symbol or acronym ("Ga", "WC", "APT", 은) that other things share: it names the item only with
   * evidence beside it (a form such as "ingot", a purity such as "4N", or another name of the item).
   */
  weak: boolean;
}

export interface ReadingIndex {
  /** First canonical word → the phrases starting with it, longest first. */
  phrasesByFirst: ReadonlyMap<string, readonly Phrase[]>;
  /** A word of a phrase with two or more words → those phrases, for words written in another order. */
  phrasesByWord: ReadonlyMap<string, readonly Phrase[]>;
  /** Every canonical word some name uses, and the lexicon's words. */
  vocabulary: ReadonlySet<string>;
  /** Words of the items' names and English aliases (not names in other languages): what a typo may be corrected to. */
  englishWords: ReadonlySet<string>;
  /** Words the items' names use (not the lexicon's). */
  nameWords: ReadonlySet<string>;
  /** Text without spaces → the canonical word(s) of each piece it is made of. */
  segmenter: Segmenter;
  kinds: ReadonlyMap<string, ItemKind>;
  /** Item → the words it is called by at the end of its names ("magnet", "cell", "wafer"). */
  headNouns: ReadonlyMap<string, ReadonlySet<string>>;
  /** The same the other way round: a word → the items it heads, in the order of `headNouns`. */
  itemsByHeadNoun: ReadonlyMap<string, readonly string[]>;
  /** Item → phrases that veto it. */
  exclusions: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The shared non-goods phrases, by first word. */
  nonGoods: ReadonlyMap<string, readonly { id: string; keys: readonly string[]; exceptKinds: readonly ItemKind[] }[]>;
  /** Item → the words of its names that say what it is (no general word such as a form or a product). */
  itemWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Goods item → the technology and service items about it. */
  aboutGoods: ReadonlyMap<string, readonly string[]>;
  /**
   * Equipment item → the words of its own names and of the items the same controls name (directly or through a
   * technology or service about it): what a purpose must mention for a generic machine ("winding machine for
   * prismatic cells") to be this equipment rather than one from another industry ("… for transformers").
   */
  domainWords: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Equipment item → the goods its own controls name with it, through controls that reach the whole world (a ban on
   * one country's users names whatever that country might want, which says nothing of what a machine makes): what a
   * generic machine ("sintering furnace", "kiln") must be for to be this equipment (`machineForGoods`).
   */
  machineGoods: ReadonlyMap<string, ReadonlySet<string>>;
  /** The item of packaging: the one most of whose names end in a container ("cardboard box", "pallet"); null if none. */
  packagingItem: string | null;
}

/** The items any of these words heads (`itemsByHeadNoun`), each once, in the order of `headNouns`. */
export function itemsHeadedBy(index: ReadingIndex, keys: readonly string[]): readonly string[] {
  if (keys.length === 1) return index.itemsByHeadNoun.get(keys[0]) ?? NO_ITEMS;
  const found = new Set(keys.flatMap((key) => index.itemsByHeadNoun.get(key) ?? NO_ITEMS));
  return found.size === 0 ? NO_ITEMS : [...index.headNouns.keys()].filter((itemId) => found.has(itemId));
}

const NO_ITEMS: readonly string[] = Object.freeze([]);
const WEAK_LATIN_LENGTH = 3;
const HANGUL = /^\p{Script=Hangul}+$/u;

/** Words a name may carry that are not its own: prepositions stay (they are part of "carbonate de lithium"). */
function isFiller(key: string): boolean {
  return STOPWORDS.has(key);
}

function isWeak(keys: readonly string[]): boolean {
  if (keys.length !== 1) return false;
  const key = keys[0];
  if (isCjk(key)) return HANGUL.test(key) && key.length <= 1;
  return key.length <= WEAK_LATIN_LENGTH && !/\d/.test(key);
}

/** The canonical words of one name, as a line written the same way would be read. */
function phraseKeys(text: string, segmenter: Segmenter): string[] {
  return wordsOf(text, segmenter).filter((key) => !isFiller(key));
}

/** Pieces of CJK names that the lexicon does not know become words of their own ("砷化镓", "ガリウム"). */
function cjkPieces(items: readonly Item[], lexiconOnly: Segmenter): Map<string, readonly string[]> {
  const pieces = new Map<string, readonly string[]>();
  for (const item of items) {
    for (const name of itemNames(item)) {
      if (!isCjk(name.normalized)) continue;
      for (const run of name.normalized.split(" ")) {
        if (!isCjk(run)) continue;
        for (const piece of lexiconOnly.segment(run)) if (!piece.known) pieces.set(piece.text, [piece.text]);
      }
    }
  }
  return pieces;
}

/**
 * What the index takes from the lexicon alone (code, not rules): the same for every ruleset, so worked out once.
 * CJK words → their canonical words; a segmenter over them; every canonical word the lexicon and its word lists use.
 */
interface LexiconPart {
  cjk: ReadonlyMap<string, readonly string[]>;
  segmenter: Segmenter;
  vocabulary: readonly string[];
}

let lexiconPart: LexiconPart | null = null;

function fromLexicon(): LexiconPart {
  if (lexiconPart !== null) return lexiconPart;
  const cjk = new Map<string, readonly string[]>();
  for (const variant of lexiconVariants()) if (isCjk(variant)) cjk.set(variant, canonicalWords(variant));
  const vocabulary = new Set<string>();
  for (const words of GENERAL_WORDS) for (const word of words) vocabulary.add(word);
  for (const variant of lexiconVariants()) for (const word of canonicalWords(variant)) vocabulary.add(word);
  lexiconPart = { cjk, segmenter: dictionarySegmenter(cjk), vocabulary: [...vocabulary] };
  return lexiconPart;
}

/** Longest-match segmentation over a dictionary of CJK words; unknown characters are grouped into one piece. */
export function dictionarySegmenter(dictionary: ReadonlyMap<string, readonly string[]>): Segmenter {
  const longest = Math.max(1, ...[...dictionary.keys()].map((word) => word.length));
  return {
    segment(run: string) {
      const pieces: { text: string; keys: readonly string[]; known: boolean }[] = [];
      let unknown = "";
      let i = 0;
      while (i < run.length) {
        let matched: string | null = null;
        for (let length = Math.min(longest, run.length - i); length >= 1; length--) {
          const candidate = run.slice(i, i + length);
          if (dictionary.has(candidate)) {
            matched = candidate;
            break;
          }
        }
        if (matched === null) {
          unknown += run[i];
          i += 1;
          continue;
        }
        if (unknown !== "") pieces.push({ text: unknown, keys: [unknown], known: false });
        unknown = "";
        pieces.push({ text: matched, keys: dictionary.get(matched)!, known: true });
        i += matched.length;
      }
      if (unknown !== "") pieces.push({ text: unknown, keys: [unknown], known: false });
      return pieces;
    },
  };
}

const GENERAL_WORDS = [MATERIAL_FORMS, COMPONENT_SHAPES, PRODUCT_FORMS, SERVICE_FORMS, PACKS, DESCRIPTORS, STOPWORDS, OF_PREPOSITIONS, FORM_PREPOSITIONS, ON_PREPOSITIONS, ASIDE_PREPOSITIONS, UNITS, PRODUCT_NOUNS];
/** Words that describe goods in general; alone they name no item (packaging words do name the packaging item). */
const DESCRIBING_WORDS = [MATERIAL_FORMS, COMPONENT_SHAPES, PRODUCT_FORMS, SERVICE_FORMS, DESCRIPTORS, PRODUCT_NOUNS];
/** What many items are called at the end of their names; alone, none of them in particular. */
const GENERIC_HEADS = new Set(["cell", "battery", "magnet", "lens", "window", "wheel", "machine", "furnace", "line", "cathode", "anode", "material", "permanent"]);

/**
 * Heads many items share that still say which industry a machine serves: a furnace "for anode material" or a
 * winder "for prismatic cells" is battery equipment (a machine's domain, `domainWords`), whichever cell or anode.
 */
const DOMAIN_NOUNS = new Set(["anode", "cathode", "cell", "battery"]);

/** A word of the lexicon that describes goods: a form, a description, a product… never an item's name on its own. */
function isGeneralWord(key: string): boolean {
  return GENERIC_HEADS.has(key) || DESCRIBING_WORDS.some((words) => words.has(key));
}

/**
 * What a machine is kept in or stands on ("formation cabinet", "wafer rack"): such a word ends a machine's name but
 * alone names no machine, since a "battery cabinet" or a "server rack" is storage.
 */
const ENCLOSURES = new Set(["cabinet", "rack", "enclosure", "housing", "cart", "trolley", "case", "box"]);

/** Fewest names ending in a container that make an item the packaging item (the item with most such names). */
const FEWEST_CONTAINER_NAMES = 2;

export function buildReadingIndex(doc: RulesDocument): ReadingIndex {
  const lexicon = fromLexicon();
  const dictionary = new Map([...lexicon.cjk, ...cjkPieces(doc.items, lexicon.segmenter)]);
  const segmenter = dictionarySegmenter(dictionary);

  const phrasesByFirst = new Map<string, Phrase[]>();
  const phrasesByWord = new Map<string, Phrase[]>();
  const vocabulary = new Set<string>();
  const englishWords = new Set<string>();
  const nameWords = new Set<string>();
  const wordsByItem = new Map<string, Set<string>>();
  const kinds = new Map<string, ItemKind>();
  const headNouns = new Map<string, Set<string>>();
  const exclusions = new Map<string, string[][]>();
  const aboutGoods = new Map<string, string[]>();
  let packaging: { id: string; count: number } | null = null;

  for (const item of doc.items) {
    kinds.set(item.id, item.kind);
    const heads = new Set<string>();
    const seen = new Set<string>();
    const phrases = itemNames(item)
      .filter((name) => name.where[0] !== "id")
      .flatMap((name) => namePhrasesOf(name.text, segmenter).map((keys) => ({ name, keys: keys.filter((key) => !isFiller(key)) })));
    const containerNames = new Set(phrases.filter(({ keys }) => keys.length > 0 && CONTAINERS.has(keys[keys.length - 1])).map(({ name }) => name.text));
    if (containerNames.size >= FEWEST_CONTAINER_NAMES && (packaging === null || containerNames.size > packaging.count)) packaging = { id: item.id, count: containerNames.size };
    for (const { name, keys } of phrases) {
      // A lone general word is no name: "18650 cell" without its number is just "cell".
      if (keys.length === 0 || (keys.length === 1 && isGeneralWord(keys[0]))) continue;
      const signature = keys.join(" ");
      if (seen.has(signature)) continue;
      seen.add(signature);
      if (name.language === null) for (const key of keys) englishWords.add(key);
      const content = keys.filter((key) => !OF_PREPOSITIONS.has(key));
      const phrase: Phrase = { itemId: item.id, keys, content, text: name.text, weak: isWeak(keys) };
      const first = phrasesByFirst.get(keys[0]) ?? [];
      first.push(phrase);
      phrasesByFirst.set(keys[0], first);
      if (content.length >= 2) {
        for (const key of new Set(content)) {
          const list = phrasesByWord.get(key) ?? [];
          list.push(phrase);
          phrasesByWord.set(key, list);
        }
      }
      for (const key of keys) {
        vocabulary.add(key);
        nameWords.add(key);
      }
      // Names written head-last ("NdFeB magnet", "GaAs wafer", "Neodym-Magnet") tell what the item is called;
      // French, Spanish, Italian and Portuguese put the head first, so their names are left out here.
      const headLast = name.language === null || name.language === "de" || name.language === "nl" || name.language === "sv";
      const last = content[content.length - 1];
      if (headLast && content.length >= 2 && !isCjk(last) && !(item.kind === "equipment" && ENCLOSURES.has(last))) heads.add(last);
    }
    headNouns.set(item.id, heads);
    wordsByItem.set(item.id, new Set(phrases.flatMap(({ keys }) => keys).filter((key) => DOMAIN_NOUNS.has(key) || (!isGeneralWord(key) && !GENERAL_WORDS.some((words) => words.has(key))))));
    // An exclusion "Dy-free" is met by the reader itself, which drops the word before "-free" (reading.ts); kept, it would exclude every "free".
    const excluded = item.exclusions.map((text) => phraseKeys(text, segmenter)).filter((keys) => keys.length > 0 && !(keys.length === 1 && keys[0] === "free"));
    exclusions.set(item.id, excluded);
    for (const goods of item.about ?? []) {
      const list = aboutGoods.get(goods) ?? [];
      list.push(item.id);
      aboutGoods.set(goods, list);
    }
  }
  for (const list of phrasesByFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  for (const word of lexicon.vocabulary) vocabulary.add(word);

  const nonGoods = new Map<string, { id: string; keys: readonly string[]; exceptKinds: readonly ItemKind[] }[]>();
  for (const entry of doc.matching?.nonGoods ?? []) {
    for (const text of entry.phrases) {
      const keys = phraseKeys(text, segmenter);
      if (keys.length === 0) continue;
      const list = nonGoods.get(keys[0]) ?? [];
      list.push({ id: entry.id, keys, exceptKinds: entry.exceptKinds });
      nonGoods.set(keys[0], list);
    }
  }

  const itemsByHeadNoun = new Map<string, string[]>();
  for (const [itemId, heads] of headNouns) {
    for (const head of heads) {
      const items = itemsByHeadNoun.get(head) ?? [];
      items.push(itemId);
      itemsByHeadNoun.set(head, items);
    }
  }
  return {
    phrasesByFirst,
    phrasesByWord,
    vocabulary,
    englishWords,
    nameWords,
    segmenter,
    kinds,
    headNouns,
    itemsByHeadNoun,
    exclusions,
    nonGoods,
    aboutGoods,
    itemWords: wordsByItem,
    domainWords: equipmentDomains(doc, wordsByItem),
    machineGoods: equipmentRelatedItems(doc, true),
    packagingItem: packaging?.id ?? null,
  };
}

const BROADEST_DOMAIN_CONTROL = 20;

/**
 * Equipment item → itself and the items the same controls name (directly or through a technology or service
 * about it), in the order found; `worldwideOnly`: through controls that reach every destination. All the reader
 * takes from the controls: a refresh that keeps these keeps readings.
 */
export function equipmentRelatedItems(doc: RulesDocument, worldwideOnly = false): Map<string, ReadonlySet<string>> {
  const relatedByEquipment = new Map<string, ReadonlySet<string>>();
  const covered = (entry: string | { item: string }) => (typeof entry === "string" ? entry : entry.item);
  for (const equipment of doc.items.filter((item) => item.kind === "equipment")) {
    const via = new Set([equipment.id, ...doc.items.filter((item) => item.about?.includes(equipment.id)).map((item) => item.id)]);
    const related = new Set<string>([equipment.id]);
    for (const control of doc.controls) {
      const ids = control.items.map(covered);
      // A control naming most of the taxonomy (e.g. deemed exports by staff) says nothing about a domain.
      if (ids.length > BROADEST_DOMAIN_CONTROL || (worldwideOnly && control.scope.kind !== "worldwide")) continue;
      if (ids.some((id) => via.has(id))) for (const id of ids) related.add(id);
    }
    relatedByEquipment.set(equipment.id, related);
  }
  return relatedByEquipment;
}

function equipmentDomains(doc: RulesDocument, wordsByItem: ReadonlyMap<string, ReadonlySet<string>>): Map<string, ReadonlySet<string>> {
  const domains = new Map<string, ReadonlySet<string>>();
  for (const [equipment, related] of equipmentRelatedItems(doc)) {
    if (related.size === 1) continue;
    domains.set(equipment, new Set([...related].flatMap((id) => [...(wordsByItem.get(id) ?? [])])));
  }
  return domains;
}
