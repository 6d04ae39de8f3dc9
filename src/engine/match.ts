/**
 * Commodity text → taxonomy item, read the way an analyst reads a purchasing line (docs/scoring.md,
 * "Matching a commodity"):
 * 1. the workbook's own assignments of a text (user aliases) decide first;
 * 2. HS codes in any national form are read to the longest prefix an item claims;
 * 3. the words are read into chunks (reading.ts); the names of items found in them are occurrences;
 * 4. what the line IS is its head: the last word of the first phrase ("molybdenum grease" is a grease,
 *    "lingot de gallium" an ingot). A name that covers the head, or the material a head such as "ingot" or
 *    "powder" is a form of, is the reading; a name only in a phrase for/with something else, or before a head
 *    of another kind, is not;
 * 5. the rules veto: an item's exclusions, the shared non-goods (services, utilities, recycling…);
 * 6. a line that is a technology or a service reads as the technology or service item about the goods it names;
 * 7. text and code together: the text decides a code several items share; a code alone decides when the text
 *    names nothing.
 * Every result says which words decided, and an unread line gets up to three suggestions.
 * Results are memoised per compiled ruleset by the text's reading key.
 */
import { ownedText } from "./owned-text";
import type { CompiledRules } from "./compile";
import type { HsCodeReading, MatchMethod, MatchResult, MatchSuggestion } from "./types";
import { commodityWords, foldCharacters, normalizeCommodity } from "./commodity";
import { gradeNamed } from "./grades";
import { readQuantities, type QuantityReading } from "./quantities";
import { describeHsCode, findHsCodes, resolveHsCode, type HsReading } from "./hs";
import {
  ABOUT_CONFIDENCE,
  HS_CODE_CONFIDENCE,
  LONGEST_READ,
  MEMO_LIMIT,
  MISSPELT_CONFIDENCE,
  MOST_SUGGESTIONS,
  NAME_CONFIDENCE,
  REORDERED_CONFIDENCE,
  REPAIRED_CONFIDENCE,
  WHOLE_NAME_CONFIDENCE,
} from "./match-tuning";
import {
  ASIDE_PREPOSITIONS,
  COMPONENT_SHAPES,
  DEAL_WORDS,
  DESCRIPTORS,
  MATERIAL_FORMS,
  CONTAINERS,
  FREIGHT_WORDS,
  PACKS,
  PACK_MATERIALS,
  PRODUCT_FORMS,
  ELEMENTS,
  LICENCE_WORDS,
  OTHER_ELEMENTS,
  TRADE_PERMIT_WORDS,
  PRODUCT_NOUNS,
  PURPOSE_PREPOSITIONS,
  SERVICE_FORMS,
  SERVICE_MARKERS,
  SERVICE_PHRASES,
  STOPWORDS,
  TECHNOLOGY_MARKERS,
  TECHNOLOGY_PHRASES,
  DOPED_WORD,
  LABEL_WORDS,
  isCjk,
} from "./lexicon";
import { expandShorthand, readLine, writtenInCapitals, type Chunk, type Line, type Word } from "./reading";
import { itemsHeadedBy, type Phrase, type ReadingIndex } from "./reading-index";
import type { ItemKind } from "../rules/vocabulary";

export { LOW_CONFIDENCE_BELOW } from "./match-tuning";

const NO_QUANTITIES: readonly QuantityReading[] = Object.freeze([]);
const NO_SUGGESTIONS: readonly MatchSuggestion[] = Object.freeze([]);

/** A name of an item found in the line. */
interface Occurrence {
  phrase: Phrase;
  itemId: string;
  /** The words it covers, in line order. */
  words: Word[];
  /** Written as the name is, word after word. */
  exact: boolean;
}

/**
 * Elements written out, without those that are words of compounds' and alloys' names (carbon, silicon, sulfur, chrome,
 * cobalt, the rare earths an alloy is named by…): a word that names the goods as one material, which an HS subheading
 * claimed for another does not overrule.
 */
const COMPOUND_WORDS = new Set(["carbon", "silicon", "boron", "sulfur", "sulphur", "phosphorus", "nitrogen", "oxygen", "hydrogen", "chrome", "cobalt", "cerium", "lanthanum", "praseodymium"]);
const ELEMENT_NAMES = new Set([...ELEMENTS, ...OTHER_ELEMENTS].filter((word) => word.length >= 5 && !COMPOUND_WORDS.has(word)));

/** Why an occurrence is not the reading. */
interface Veto {
  itemId: string;
  why: string;
  /** Offer the item as a suggestion (not for an explicit exclusion). */
  suggest: boolean;
}

interface Reading {
  itemId: string;
  confidence: number;
  method: MatchMethod;
  why: string;
}

const isShortLatin = (key: string) => key.length <= 2 && !isCjk(key);
/** An English participle describes: "coated", "sintered", "stabilized", "based". */
const isParticiple = (key: string) => key.length >= 5 && key.endsWith("ed") && !key.endsWith("eed") && !isCjk(key);

/**
 * A CJK word of two characters or more before a suffix of purpose or type: Korean "카메라용" (for cameras), "고흡수형"
 * (high-absorption type), Japanese and Chinese "電気炉用", "高温型". It says what the goods are for or which kind they
 * are, not what they are. (A suffix the dictionary splits off a known word opens an aside instead: reading.ts. Words
 * such as 비용, cost, or 専用, dedicated, have one character before it.)
 */
const PURPOSE_OR_TYPE_SUFFIX = /^(?:\p{Script=Hangul}{2,}[용형급]|[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{2,}(?:用|型|级|級|向け))$/u;

/**
 * A Russian word with an adjective's ending (литейный, foundry; вольфрамовые, of tungsten): Russian writes the goods as a
 * noun, and price lists write its adjectives after it ("Графит литейный", "Грузила вольфрамовые"). An adjective is never
 * the goods, though it may name what they are made of; the noun is ("Магнит неодимовый" is a magnet of neodymium).
 */
const RUSSIAN_ADJECTIVE = /^\p{Script=Cyrillic}{3,}(?:ыи|ои|ии|ая|яя|ое|ее|ые|ие|ого|его|ых|их)$/u;
/** A purity in nines: "4N", "5N", "6N5". */
const NINES = /^\d+n\d*$/;
/** Nouns of action end as adjectives do ("оборудование", equipment; "покрытие", coating). */
const RUSSIAN_VERBAL_NOUN = /(?:ни|ти)е$/u;

/** Cyrillic and every script after it in Unicode (Hangul, Han, kana): the two patterns above need a word to start there. */
const FIRST_CYRILLIC = 0x0400;

function isDescriptive(word: Word): boolean {
  if (word.qualifier === true || word.code === true || word.place === true) return true;
  const key = word.keys[0];
  if (DESCRIPTORS.has(key) || STOPWORDS.has(key) || PACKS.has(key) || DEAL_WORDS.has(key) || isParticiple(key)) return true;
  return (
    (key.charCodeAt(0) >= FIRST_CYRILLIC && PURPOSE_OR_TYPE_SUFFIX.test(key)) ||
    (word.text.charCodeAt(0) >= FIRST_CYRILLIC && RUSSIAN_ADJECTIVE.test(word.text) && !RUSSIAN_VERBAL_NOUN.test(word.text))
  );
}

/** A container's word, written or the lexicon's ("FIBC", "palety"); never a spelling repair. */
function isContainer(word: Word): boolean {
  return (word.via === "written" || word.via === "lexicon") && word.keys.some((k) => CONTAINERS.has(k));
}

function isContent(word: Word): boolean {
  return word.role === "word" && !isDescriptive(word);
}

const LETTERS_ONLY = /^\p{L}+$/u;
const ACRONYMS = /(?<![\p{L}\p{N}])[A-Z]{2,5}(?![\p{L}\p{N}])/gu;
const SMALL_LETTER = /\p{Ll}/u;
const NO_ACRONYMS: ReadonlySet<string> = new Set();

/** The words of two to five capitals in a text that also has small letters, lower-cased; none in a text in capitals. */
function acronymsIn(text: string): ReadonlySet<string> {
  if (!SMALL_LETTER.test(text)) return NO_ACRONYMS;
  const found = text.match(ACRONYMS);
  return found === null ? NO_ACRONYMS : new Set(found.map((word) => word.toLowerCase()));
}

/** Words sorted by their place in the line (most come in order already: then nothing is moved or made). */
function inLineOrder(words: Word[]): Word[] {
  for (let i = 1; i < words.length; i++) if (words[i - 1].position > words[i].position) return words.sort((a, b) => a.position - b.position);
  return words;
}

function hasKey(word: Word, key: string): boolean {
  return word.keys.includes(key);
}

function formsOf(kind: ItemKind): readonly ReadonlySet<string>[] {
  switch (kind) {
    case "material":
      return [MATERIAL_FORMS];
    case "component":
      return [MATERIAL_FORMS, COMPONENT_SHAPES, PRODUCT_FORMS];
    case "product":
      return [COMPONENT_SHAPES, PRODUCT_FORMS];
    case "equipment":
      return [PRODUCT_FORMS, MATERIAL_FORMS];
    case "service":
      return [SERVICE_FORMS];
    default:
      return [];
  }
}

/** Words that negate what follows them ("nicht wiederaufladbar", "not rechargeable"). */
const NEGATIONS = new Set(["not", "nicht", "kein", "keine", "pas"]);

/** A name made only of describing words and forms ("monocrystalline wafer"): it says what kind of thing, not whose. */
function isGenericName(occurrence: Occurrence): boolean {
  return occurrence.words.every((w) => isAnyForm(w) || isDescriptive(w));
}

/**
 * Products that serve another thing and are named with it in either order ("battery charger", "Ladegerät Li-Ion",
 * "sạc pin lithium"): never what that thing is for, so they are the line wherever they stand.
 */
const SERVING_PRODUCTS = new Set(["charger", "tester"]);

/**
 * Stock that is made for a product and named after it: "gasket sheet", "spray powder", "saw grit", "Lackdraht" (enamelled
 * wire). Only products made of stock: solder wire is solder, and a grease or a paint is what it is.
 */
const STOCK_FOR_PRODUCTS = new Set(["powder", "sheet", "foil", "wire", "rod", "tube", "plate", "grit"]);
const PRODUCTS_MADE_FROM_STOCK = new Set(["gasket", "spray", "saw", "spring", "seal", "lack", "brush", "filter"]);
const isStockForProduct = (product: Word, next: Word | undefined): boolean =>
  next !== undefined && product.keys.some((k) => PRODUCTS_MADE_FROM_STOCK.has(k)) && next.keys.some((k) => STOCK_FOR_PRODUCTS.has(k));

/** A word that is a form of any kind of goods ("ingot", "ring", "assembly"): a head that still needs a name. */
function isAnyForm(word: Word): boolean {
  return word.keys.some((key) => MATERIAL_FORMS.has(key) || COMPONENT_SHAPES.has(key) || PRODUCT_FORMS.has(key) || SERVICE_FORMS.has(key));
}

class LineReader {
  readonly occurrences: Occurrence[] = [];
  readonly vetoes: Veto[] = [];
  private readonly vetoed = new Set<Occurrence>();
  /** The shared non-goods the line's first phrase is (a service, a publication…), with the kinds each spares. */
  readonly nonGoodsFound: { exceptKinds: readonly ItemKind[] }[] = [];
  readonly head: { chunk: Chunk; part: Word[]; word: Word | null; endedAtOf: Word | null } | null;

  constructor(
    private readonly rules: CompiledRules,
    private readonly index: ReadingIndex,
    readonly line: Line,
    private readonly purity: boolean,
    /** The text's words as the grade names are matched against (digits kept: "n45sh"). */
    private readonly rawKeys: readonly string[] | null = null,
    /** Words written in capitals in a line written in both cases, folded (`acronymsIn`). */
    private readonly acronyms: ReadonlySet<string> = NO_ACRONYMS,
  ) {
    this.findOccurrences();
    this.applyExclusions();
    this.head = this.findHead();
    this.applyNonGoods();
  }

  kindOf(itemId: string): ItemKind {
    return this.index.kinds.get(itemId) ?? "material";
  }

  nameOf(itemId: string): string {
    return this.rules.itemsById.get(itemId)?.name ?? itemId;
  }

  /** By chunk index: each chunk's words without stopwords, made on first need (the reading asks for them often). */
  private readonly sequences: Word[][] = [];
  /** The words of the chunks that are no aside, without stopwords (for `markers`). */
  private outsideAsides: Word[] | undefined = undefined;

  private sequence(chunk: Chunk): Word[] {
    return (this.sequences[chunk.index] ??= chunk.words.filter((word) => !STOPWORDS.has(word.keys[0])));
  }

  /** Every chunk's words without stopwords, in line order. */
  private all: Word[] | undefined = undefined;

  private allWords(): Word[] {
    return (this.all ??= this.line.chunks.flatMap((chunk) => this.sequence(chunk)));
  }

  private exactIn(seq: readonly Word[], exact: boolean, mustSpan?: (words: Word[]) => boolean): void {
    for (let i = 0; i < seq.length; i++) {
      for (const key of seq[i].keys) {
        for (const phrase of this.index.phrasesByFirst.get(key) ?? []) {
          const length = phrase.keys.length;
          if (length > seq.length - i) continue;
          let matches = true;
          for (let j = 1; j < length && matches; j++) matches = hasKey(seq[i + j], phrase.keys[j]);
          if (!matches) continue;
          const words = inLineOrder(seq.slice(i, i + length));
          if (mustSpan && !mustSpan(words)) continue;
          this.add({ phrase, itemId: phrase.itemId, words, exact });
        }
      }
    }
  }

  private add(occurrence: Occurrence): void {
    if (occurrence.phrase.weak && this.joinsWords(occurrence)) return;
    const same = this.occurrences.find(
      (o) => o.phrase === occurrence.phrase && o.words.length === occurrence.words.length && o.words.every((w, k) => w === occurrence.words[k]),
    );
    if (same === undefined) this.occurrences.push(occurrence);
    else if (occurrence.exact) same.exact = true;
  }

  /** Names written in order; "X de Y" also read as "Y X"; names whose words are all in a zone, in any order. */
  private findOccurrences(): void {
    for (const chunk of this.line.chunks) {
      const seq = this.sequence(chunk);
      this.exactIn(seq, true);
      seq.forEach((word, p) => {
        if (word.role !== "of" || p === 0 || p === seq.length - 1) return;
        let start = p - 1;
        while (start > 0 && seq[start - 1].role !== "of") start--;
        let end = p + 1;
        while (end < seq.length && seq[end].role !== "of") end++;
        const before = seq.slice(start, p);
        const after = seq.slice(p + 1, end);
        this.exactIn([...after, ...before], false, (words) => words.some((w) => before.includes(w)) && words.some((w) => after.includes(w)));
      });
      this.bagIn(seq);
    }
    const zone = this.headZone();
    if (zone.length > 1) this.bagIn(zone.flatMap((chunk) => this.sequence(chunk)));
    this.namesAcrossPurpose();
  }

  /**
   * "Motor brushless 2814 p/ dron", "Motor für Drohne": a name that puts what the goods are for before them ("drone
   * motor") is also written as the goods, then "for", then what they are for. Read when the purpose directly follows
   * the chunk that holds the goods, and the name takes one word of each.
   */
  private namesAcrossPurpose(): void {
    const chunks = this.line.chunks;
    for (let k = 1; k < chunks.length; k++) {
      const purpose = chunks[k];
      if (purpose.opener !== "aside" || purpose.preposition === null || !PURPOSE_PREPOSITIONS.has(purpose.preposition)) continue;
      if (chunks[k - 1].opener === "aside") continue;
      const forWhat = this.sequence(purpose).filter(isContent);
      if (forWhat.length === 0) continue;
      for (const goods of this.sequence(chunks[k - 1]).filter(isContent)) {
        this.exactIn([...forWhat, goods], false, (words) => words.length === 2 && words.includes(goods));
      }
    }
  }

  /** The first chunk with words and the chunks after it up to the first phrase about something else. */
  private headZone(): Chunk[] {
    const first = this.line.chunks.findIndex((chunk) => chunk.words.some(isContent));
    if (first < 0) return [];
    const zone = [this.line.chunks[first]];
    for (let k = first + 1; k < this.line.chunks.length && this.line.chunks[k].opener !== "aside"; k++) zone.push(this.line.chunks[k]);
    return zone;
  }

  private bagIn(words: readonly Word[]): void {
    // Each key present, numbered in the order first written. A phrase is listed under each of its words and is
    // taken up once, under the first of them the words hold, when they hold them all.
    // (An array, not a map: a line holds a few dozen keys at most, and this runs for every chunk of every line.)
    const present: string[] = [];
    // A qualifier ("battery" in "battery grade", "metals" in "trace metals basis") describes; it names nothing here.
    for (const word of words) if (word.qualifier !== true) for (const key of word.keys) if (!present.includes(key)) present.push(key);
    for (let here = 0; here < present.length; here++) {
      const phrases = this.index.phrasesByWord.get(present[here]);
      if (phrases === undefined) continue;
      for (const phrase of phrases) {
        let first = here;
        let all = true;
        for (const k of phrase.content) {
          const order = present.indexOf(k);
          if (order < 0) {
            all = false;
            break;
          }
          if (order < first) first = order;
        }
        if (!all || first !== here) continue;
        const used: Word[] = [];
        for (const needed of phrase.content) {
          const found = words.find((w) => w.qualifier !== true && !used.includes(w) && hasKey(w, needed));
          if (found === undefined) break;
          used.push(found);
        }
        if (used.length !== phrase.content.length) continue;
        this.add({ phrase, itemId: phrase.itemId, words: inLineOrder(used), exact: false });
      }
    }
  }

  /** The words of a phrase written one after the other; a number or a code between two of them breaks it ("diamond 40/45 mesh"). */
  private containsPhrase(words: readonly Word[], keys: readonly string[]): Word[] | null {
    for (let i = 0; i + keys.length <= words.length; i++) {
      let matches = true;
      for (let j = 0; j < keys.length && matches; j++) {
        matches = hasKey(words[i + j], keys[j]) && (j === 0 || words[i + j].afterSpec === words[i + j - 1].afterSpec || words[i + j].chunk !== words[i + j - 1].chunk);
      }
      if (matches) return words.slice(i, i + keys.length);
    }
    return null;
  }

  private veto(occurrence: Occurrence, why: string, suggest: boolean): void {
    if (this.vetoed.has(occurrence)) return;
    this.vetoed.add(occurrence);
    this.vetoes.push({ itemId: occurrence.itemId, why, suggest });
  }

  isVetoed(occurrence: Occurrence): boolean {
    return this.vetoed.has(occurrence);
  }

  private applyExclusions(): void {
    const all = this.allWords();
    for (const occurrence of this.occurrences) {
      // The reason quoted is the exclusion the line writes first ("non-rechargeable" before the "primary" of a CR123A).
      let first: { text: string; position: number } | null = null;
      for (const keys of this.index.exclusions.get(occurrence.itemId) ?? []) {
        const found = this.containsPhrase(all, keys);
        // A formula with digits ("LiSOCl2", "LiMnO2") is no word of the reader's: it is looked for in the text's words.
        const formula = found === null && keys.length === 1 && ANY_DIGIT.test(keys[0]) && this.rawKeys?.includes(keys[0]) === true;
        const position = found === null ? Number.POSITIVE_INFINITY : found[0].position;
        if ((found !== null || formula) && (first === null || position < first.position)) first = { text: found === null ? keys[0] : asWritten(found), position };
      }
      if (first !== null) this.veto(occurrence, `not ${this.nameOf(occurrence.itemId)}: the rules exclude "${first.text}"`, false);
    }
  }

  /**
   * A non-goods phrase in the head's chunk, or in a chunk before it that holds nothing of the goods, makes the line a
   * service, utility, fee…: no goods item applies. So does one that opens with a preposition of purpose, in a purpose
   * ("Gallium standard for ICP").
   */
  private applyNonGoods(): void {
    if (this.head === null) return;
    // The head's chunk, and before it any chunk with nothing of the goods in it ("Spare kit | for centrifugal extractor").
    const headAt = this.line.chunks.indexOf(this.head.chunk);
    const leading = this.line.chunks.slice(0, Math.max(0, headAt)).filter((chunk) => !chunk.words.some(isContent));
    const seq = [...leading.flatMap((chunk) => this.sequence(chunk)), ...this.sequence(this.head.chunk)];
    const found = seq.flatMap((word) => word.keys.flatMap((key) => this.index.nonGoods.get(key) ?? [])).map((nonGood) => ({ nonGood, words: this.containsPhrase(seq, nonGood.keys), opening: "" }));
    for (const chunk of this.line.chunks) {
      if (chunk.opener !== "aside" || chunk.preposition === null || !PURPOSE_PREPOSITIONS.has(chunk.preposition)) continue;
      const purpose = this.sequence(chunk);
      for (const nonGood of this.index.nonGoods.get(chunk.preposition) ?? []) {
        if (nonGood.keys.length > 1) found.push({ nonGood, words: this.containsPhrase(purpose, nonGood.keys.slice(1)), opening: `${chunk.preposition} ` });
      }
    }
    for (const { nonGood, words, opening } of found) {
      if (words === null) continue;
      this.nonGoodsFound.push(nonGood);
      for (const occurrence of this.occurrences) {
        if (nonGood.exceptKinds.includes(this.kindOf(occurrence.itemId))) continue;
        if (words.every((w) => occurrence.words.includes(w))) continue;
        this.veto(occurrence, `not ${this.nameOf(occurrence.itemId)}: the line is ${nonGood.id.replace(/[-_]/g, " ")} ("${opening}${asWritten(words)}")`, false);
      }
    }
  }

  private covered(word: Word, occurrence: Occurrence): boolean {
    return occurrence.words.includes(word);
  }

  private coveredBySameItem(word: Word, itemId: string): boolean {
    return this.occurrences.some((o) => o.itemId === itemId && !this.vetoed.has(o) && o.words.includes(word));
  }

  /** A word that may stand beside an item's name without changing what the line is. */
  fits(word: Word, itemId: string): boolean {
    if (word.role === "of" || isDescriptive(word)) return true;
    if (word.keys.some(isShortLatin)) return true;
    if (this.coveredBySameItem(word, itemId)) return true;
    const heads = this.index.headNouns.get(itemId);
    if (word.keys.some((key) => heads?.has(key))) return true;
    // "Terfenol-D magnetostrictive rod": a word of another of the item's own names describes it.
    const own = this.index.itemWords.get(itemId);
    if (own !== undefined && word.keys.some((key) => own.has(key))) return true;
    return formsOf(this.kindOf(itemId)).some((forms) => word.keys.some((key) => forms.has(key)));
  }

  /**
   * "DRUM, STEEL, 55 GAL", "BAG, PLASTIC, RECLOSABLE": item names written noun first, as US federal catalogues and
   * many ERP masters write them. A line that opens with a container alone, the next field saying what it is made of
   * or that it is for shipping, is the container, whatever material that field names.
   */
  private containerFirst(): Chunk | undefined {
    const [first, second] = this.line.chunks;
    if (first === undefined || second === undefined || second.opener !== "separator" || first.words.length !== 1) return undefined;
    const [container] = first.words;
    if (container.role !== "word" || !isContainer(container)) return undefined;
    const said = second.words.filter((w) => w.role === "word");
    return said.length > 0 && said.every((w) => w.keys.some((k) => PACK_MATERIALS.has(k) || FREIGHT_WORDS.has(k))) ? first : undefined;
  }

  private findHead(): LineReader["head"] {
    const inOccurrence = (w: Word) => this.occurrences.some((o) => o.words.includes(w));
    const named = (w: Word) => isContent(w) || inOccurrence(w);
    // A field holding only a short word nothing names ("…;48;ST;Magnetsegment NdFeB") is a unit or a code.
    const telling = (w: Word) => inOccurrence(w) || (isContent(w) && !w.keys.every(isShortLatin));
    // A purpose written with 用 or 용 before the goods ("ESS용 …", "LED用 …") is no head: the head is looked for after it.
    const goodsFirst = (c: Chunk) => !(c.opener === "aside" && c.preposition !== null && isCjk(c.preposition)) && c.words.some(telling);
    const chunk =
      this.containerFirst() ??
      this.line.chunks.find(goodsFirst) ??
      this.line.chunks.find((c) => c.words.some(telling)) ??
      this.line.chunks.find((c) => c.words.some(named)) ??
      this.line.chunks.find((c) => c.words.length > 0);
    if (chunk === undefined) return null;
    let part: Word[] = [];
    let endedAtOf: Word | null = null;
    for (const word of this.sequence(chunk)) {
      if (word.role === "of" && !this.occurrences.some((o) => o.words.includes(word))) {
        // "3 rolls of lithium foil", "1 box of inserts": a pack or a quantity before "of" is not what the line is.
        if (!part.some(isContent)) {
          part = [];
          continue;
        }
        endedAtOf = word;
        break;
      }
      // The first spec ends the name: "Molybdenum wire Ø0.18 mm EDM" is a wire, and so does a whole name before it
      // ("Europalette 1200x800 gebraucht").
      if (word.afterSpec && part.some((w) => isContent(w) || this.occurrences.some((o) => o.words.includes(w) && o.words.every((x) => part.includes(x))))) break;
      part.push(word);
    }
    // "… 25 kg paper bag", "… in steel drums": the packaging at the end is not what the line is.
    const last = part[part.length - 1];
    if (last !== undefined && PACKS.has(last.keys[0]) && part.length >= 3) {
      const modifier = part[part.length - 2];
      if (modifier.keys.some((k) => PACK_MATERIALS.has(k)) && part.slice(0, -2).some(isContent)) part = part.slice(0, -2);
    }
    // The head word: the last word of content that is no short Latin word, else the last of content, else the last word
    // a name covers, else the last word.
    let lastLong: Word | null = null;
    let lastContent: Word | null = null;
    let lastCovered: Word | null = null;
    let lastWord: Word | null = null;
    for (const w of part) {
      if (isContent(w) && !this.isAcronymOfSomethingElse(w)) {
        lastContent = w;
        if (!w.keys.every(isShortLatin)) lastLong = w;
      }
      if (w.role === "word") {
        lastWord = w;
        if (inOccurrence(w)) lastCovered = w;
      }
    }
    const word = lastLong ?? lastContent ?? lastCovered ?? lastWord;
    return { chunk, part, word, endedAtOf };
  }

  /**
   * "Indium antimonide ingot": a name and a form found apart ("indium … ingot", an alias of indium) that reach across a
   * word of a name written word after word ("indium antimonide") which holds the name's words. That name is what the
   * form is of. (Words of their own beside the form keep the reading: "anode material … synthetic graphite" is anode
   * material of synthetic graphite.)
   */
  private reachesAcrossName(o: Occurrence, live: readonly Occurrence[]): boolean {
    if (o.exact || o.words.length < 2) return false;
    const first = o.words[0].position;
    const last = o.words[o.words.length - 1].position;
    return live.some(
      (other) =>
        other.exact &&
        other.itemId !== o.itemId &&
        other.words.some((w) => o.words.includes(w)) &&
        o.words.every((w) => other.words.includes(w) || isAnyForm(w)) &&
        other.words.some((w) => w.position > first && w.position < last && !o.words.includes(w)),
    );
  }

  /**
   * "EV traction motor PMSM 120 kW": a word in capitals, in a line written in both cases, that the rules do not know is an
   * acronym or a model's letters describing the goods (PMSM: permanent-magnet synchronous motor), not what the goods are.
   */
  private isAcronymOfSomethingElse(word: Word): boolean {
    return word.via === "written" && this.acronyms.has(word.text) && !this.rules.wordRepair().isKnown(word.keys[0]);
  }

  /** "Antimony-doped tin oxide powder": a name written just before "doped" is what the goods are doped with, not the goods. */
  private isDopant(o: Occurrence): boolean {
    const next = this.line.words[o.words[o.words.length - 1].position + 1];
    return next !== undefined && next.keys[0] === DOPED_WORD && !o.words.includes(next);
  }

  private rank(o: Occurrence): number {
    const repaired = o.words.some((w) => w.via === "spelling") ? 2 : o.words.some((w) => w.via === "compound" || w.via === "truncation") ? 1 : 0;
    // Stopwords do not make a name longer: "carbonate de lithium" is no better a reading than "lithium carbonate".
    return o.phrase.content.length * 100 + (o.exact ? 10 : 0) - repaired * 3 + (o.phrase.weak ? 0 : 1);
  }

  /**
   * The material named right before a name of describing words and a form, when the form fits it and nothing else
   * stands between them; null when the generic name stands alone or the words before it name no material.
   */
  private materialBeforeGenericName(generic: Occurrence, H: Word, live: readonly Occurrence[]): Occurrence | null {
    const head = this.head!;
    const start = generic.words[0].position;
    const candidates = live.filter(
      (o) =>
        o !== generic &&
        this.kindOf(o.itemId) === "material" &&
        o.words.every((w) => head.part.includes(w) && w.position < start && !isAnyForm(w) && !isDescriptive(w)) &&
        !this.isDopant(o) &&
        this.fits(H, o.itemId) &&
        head.part.every((w) => w.position <= o.words[o.words.length - 1].position || w.position >= start || !isContent(w)),
    );
    return this.best(candidates);
  }

  private best(candidates: readonly Occurrence[]): Occurrence | null {
    let best: Occurrence | null = null;
    for (const o of candidates) if (best === null || this.rank(o) > this.rank(best)) best = o;
    return best;
  }

  hasEvidence(occurrence: Occurrence, form: Word | null): boolean {
    if (!occurrence.phrase.weak) return true;
    if (form !== null && isAnyForm(form)) return true;
    if (this.purity) return true;
    if (this.occurrences.some((o) => o.itemId === occurrence.itemId && !o.phrase.weak && !this.vetoed.has(o))) return true;
    const content = this.line.words.filter(isContent);
    return content.every((w) => occurrence.words.includes(w) || isAnyForm(w));
  }

  /**
   * A symbol that is also a preposition, used as one: between two words of letters that are not forms ("acero al carbono",
   * steel of carbon), "al" is no aluminium; beside a form or a number ("PLATE AL 7050", "AL BLECH") it may be.
   */
  private joinsWords(occurrence: Occurrence): boolean {
    if (occurrence.words.length !== 1 || occurrence.words[0].role !== "of") return false;
    const at = occurrence.words[0].position;
    const before = this.line.words.find((w) => w.position === at - 1);
    const after = this.line.words.find((w) => w.position === at + 1);
    const linked = (word: Word | undefined): boolean => word !== undefined && isContent(word) && !isAnyForm(word) && LETTERS_ONLY.test(word.text);
    return linked(before) && linked(after);
  }

  /** What the line is, as a goods item; null when its head is nothing the rules name. */
  goods(): { occurrence: Occurrence; form: Word | null; how: "head" | "form" | "of" | "listed" } | null {
    const head = this.head;
    if (head === null || head.word === null) return null;
    const live = this.occurrences.filter((o) => !this.vetoed.has(o));
    const packaging = this.asPackaging(head, live);
    if (packaging !== null) return packaging;
    const H = head.word;

    const covering = live.filter((o) => this.covered(H, o) && !this.reachesAcrossName(o, live));
    let found: { occurrence: Occurrence; form: Word | null; how: "head" | "form" | "of" | "listed" } | null = null;
    const bestCover = this.best(covering);
    if (bestCover !== null) found = { occurrence: bestCover, form: null, how: "head" };
    // "GaAs monocrystalline wafer": a name made only of describing words and forms ("monocrystalline wafer") says what
    // kind of thing the line is; a material named just before it says whose.
    if (bestCover !== null && isGenericName(bestCover)) {
      const named = this.best(covering.filter((o) => !isGenericName(o)));
      const materialBefore = named === null ? this.materialBeforeGenericName(bestCover, H, live) : null;
      if (named !== null) found = { occurrence: named, form: null, how: "head" };
      else if (materialBefore !== null) found = { occurrence: materialBefore, form: H, how: "form" };
    }

    if (found === null && (isAnyForm(H) || this.isHeadNoun(H))) {
      // "gallium 4N ingot": the nearest name before the form, with nothing but descriptions between.
      const before = live
        .filter((o) => o.words.every((w) => head.part.includes(w)) && o.words[o.words.length - 1].position < H.position && !this.isDopant(o))
        .sort((a, b) => b.words[b.words.length - 1].position - a.words[a.words.length - 1].position || this.rank(b) - this.rank(a));
      for (const o of before) {
        const last = o.words[o.words.length - 1].position;
        const between = head.part.filter((w) => w.position > last && w.position < H.position && isContent(w));
        // "magnet rotor segments": a component's shape may follow words saying what it is for; a material's
        // form may not ("yttria stabilized zirconia beads" are zirconia).
        const component = this.kindOf(o.itemId) !== "material";
        // Stock named after the product it is for may say so ("graphite gasket sheet").
        const forProduct = (w: Word) => between.length === 1 && isStockForProduct(w, H);
        const betweenFits = (w: Word) => this.fits(w, o.itemId) || (component && !w.keys.some((k) => PRODUCT_NOUNS.has(k))) || forProduct(w);
        if (this.fits(H, o.itemId) && between.every(betweenFits)) {
          found = { occurrence: o, form: H, how: "form" };
          break;
        }
      }
      // "lingot de gallium", "powder of tungsten": the form, then what it is of.
      if (found === null && head.endedAtOf !== null) {
        const seq = this.sequence(head.chunk);
        const after = seq.slice(seq.indexOf(head.endedAtOf) + 1);
        const partFits = (itemId: string) => head.part.filter(isContent).every((w) => this.fits(w, itemId));
        const candidates = live
          .filter((o) => o.words.every((w) => after.includes(w)) && this.fits(H, o.itemId) && partFits(o.itemId))
          .sort((a, b) => a.words[0].position - b.words[0].position || this.rank(b) - this.rank(a));
        if (candidates.length > 0) found = { occurrence: candidates[0], form: H, how: "of" };
      }
      // "INGOT, GALLIUM, 4N", "MAGNET,PERMANENT,SMCO": ERP lines give the form or the kind of thing first and the
      // material in the next field.
      if (found === null && head.part.filter(isContent).every((w) => isAnyForm(w) || this.isHeadNoun(w))) {
        const zone = this.headZone().slice(1);
        for (const chunk of zone) {
          // The field must name the material and nothing else ("GALLIUM", "GALLIUM METAL"), not mention it among other words;
          // what follows its first specification describes it ("BISMUTH 99.99% MALLEABLE IRON ADD"). A word that opens a
          // phrase of things that are no goods ("TBM SPARES") says the line is that thing.
          const namesOnly = (o: Occurrence) =>
            chunk.words.every((w) => w.afterSpec || (!w.keys.some((k) => this.index.nonGoods.has(k)) && (!isContent(w) || o.words.includes(w) || this.fits(w, o.itemId))));
          const inChunk = live.filter((o) => o.words.every((w) => w.chunk === chunk.index && !w.afterSpec) && this.fits(H, o.itemId) && namesOnly(o));
          const o = this.best(inChunk);
          if (o !== null) {
            found = { occurrence: o, form: H, how: "listed" };
            break;
          }
        }
      }
    }
    if (found === null && isAnyForm(H)) found = this.invertedName(live, H);
    if (found === null) found = this.headFirstName(live);
    if (found === null) found = this.formFirst(live);
    if (found === null) {
      // "Arc segment magnet N45SH": the head says what kind of thing, the grade says whose.
      const graded = this.byGrade(H);
      if (graded !== null) return graded;
      // "DS FURNACE TURBINE BLADE": a machine, then what it makes.
      const machine = this.best(live.filter((o) => this.kindOf(o.itemId) === "equipment" && o.words.every((w) => head.part.includes(w)) && o.words[o.words.length - 1].position < H.position));
      return machine === null ? this.machineForGoods(H, live) : { occurrence: machine, form: null, how: "head" };
    }

    // "Solder preform indium": a thing that is never a traded form of a material is what the line is.
    // Before the head such a word says what a component is for ("power tool battery"); for a material it is
    // the product made of it, wherever it stands.
    const material = this.kindOf(found.occurrence.itemId) === "material";
    // For a material, the product may also come after the name's specification: "Chromoly 4130 bicycle frame".
    const named = material ? [...head.part, ...this.sequence(head.chunk).filter((w) => w.afterSpec && !head.part.includes(w))] : head.part;
    // A product named just before a stock form is what the stock is for ("graphite gasket sheet", "thermal spray powder").
    const beforeForm = (w: Word) => isStockForProduct(w, named[named.indexOf(w) + 1]);
    const product = named.find(
      (w) =>
        isContent(w) &&
        !found!.occurrence.words.includes(w) &&
        (material || w.position > H.position || w.keys.some((k) => SERVING_PRODUCTS.has(k))) &&
        w.keys.some((k) => PRODUCT_NOUNS.has(k)) &&
        !beforeForm(w) &&
        !this.fits(w, found!.occurrence.itemId),
    );
    if (product !== undefined) {
      this.veto(found.occurrence, `not ${this.nameOf(found.occurrence.itemId)}: the line is a "${product.text}"`, true);
      return null;
    }

    // "Aluminium foil containers": packaging right after a form containers are made of is what the line is (a powder
    // or a material before "bag" is what the bag holds: "LiFePO4 cathode material bag").
    if (found.form !== null && found.form.keys.some((key) => CONTAINER_STOCK.has(key))) {
      const after = head.part[head.part.indexOf(found.form) + 1];
      if (after !== undefined && PACKS.has(after.keys[0]) && this.kindOf(found.occurrence.itemId) !== "product") {
        this.veto(found.occurrence, `not ${this.nameOf(found.occurrence.itemId)}: the line is "${found.form.text} ${after.text}" (packaging)`, true);
        return null;
      }
    }

    if (this.kindOf(found.occurrence.itemId) === "equipment" && !this.purposeFits(found.occurrence.itemId)) {
      this.veto(found.occurrence, `not ${this.nameOf(found.occurrence.itemId)}: a machine for something the rules do not name`, true);
      return null;
    }

    // "Cobalt chrome molybdenum powder": another element written against a bare element name makes an alloy.
    const bare = found.occurrence.phrase.keys.length === 1 && material && !found.occurrence.phrase.weak;
    if (bare) {
      const seq = this.sequence(head.chunk);
      const at = seq.indexOf(found.occurrence.words[0]);
      const neighbours = [seq[at - 1], seq[at + 1]].filter((w): w is Word => w !== undefined && w.role === "word");
      // A coating ("LiFePO4 carbon-coated") is no alloy.
      const alloyed = neighbours.find((w) => !w.qualifier && w.keys.some((k) => OTHER_ELEMENTS.has(k)) && !this.coveredBySameItem(w, found!.occurrence.itemId));
      if (alloyed !== undefined) {
        this.veto(found.occurrence, `not ${this.nameOf(found.occurrence.itemId)}: an alloy or compound with "${alloyed.text}"`, true);
        return null;
      }
    }

    // A machine named before the material it handles is the machine: "JET MILL NDFEB POWDER".
    if (this.kindOf(found.occurrence.itemId) !== "equipment") {
      const start = found.occurrence.words[0].position;
      const machine = this.best(
        live.filter((o) => this.kindOf(o.itemId) === "equipment" && o.words.every((w) => head.part.includes(w)) && o.words[o.words.length - 1].position < start),
      );
      if (machine !== null) return { occurrence: machine, form: null, how: "head" };
    }
    return found;
  }

  /**
   * "Corrugated shipping carton", "Steel drum 200 L", "Wooden pallets": the name ends in a container, and before it
   * nothing names goods but what packaging is made of. (Packs before "of", or after the goods' name and a spec, are
   * not what a line is: "3 drums of lithium hydroxide", "Gallium 1 kg bottle".)
   */
  private asPackaging(head: NonNullable<LineReader["head"]>, live: readonly Occurrence[]): { occurrence: Occurrence; form: null; how: "head" } | null {
    const itemId = this.index.packagingItem;
    if (itemId === null || this.vetoed.size > 0) return null;
    const part = head.part.filter((w) => w.role === "word");
    // The name's part ends at a spec, but a packaging material's container belongs with it ("UN 1A2 steel drum",
    // "corrugated fibreboard boxes", the compound's "board" being a product's form elsewhere).
    const seq = this.sequence(head.chunk);
    for (let next = seq[seq.indexOf(part[part.length - 1]) + 1]; next !== undefined && next.role === "word" && part[part.length - 1].keys.some((k) => PACK_MATERIALS.has(k)); next = seq[seq.indexOf(next) + 1]) {
      part.push(next);
    }
    let at = part.length - 1;
    while (at >= 0 && !part[at].keys.some((k) => CONTAINERS.has(k))) {
      if (isContent(part[at])) return null;
      at--;
    }
    if (at < 0 || !isContainer(part[at])) return null;
    const container = part[at];
    const before = part.slice(0, at);
    const packMaterial = (w: Word) => w.keys.some((k) => PACK_MATERIALS.has(k));
    // Before the container only what packaging is made of, the packaging's own words and descriptions ("corrugated
    // shipping", "UN 1A2"): a word of anything else ("ball mill jar", "coin cell cases") is other goods.
    const packagingWord = (w: Word) => live.some((o) => o.itemId === itemId && o.words.includes(w)) || w.keys.some((k) => FREIGHT_WORDS.has(k));
    if (before.some((w) => isContent(w) && !packMaterial(w) && !packagingWord(w))) return null;
    const namesGoods = live.some((o) => o.itemId !== itemId && o.words.some((w) => w === container || (before.includes(w) && !packMaterial(w))));
    if (namesGoods || this.nonGoodsFound.length > 0) return null;
    const phrase: Phrase = { itemId, keys: container.keys, content: container.keys, text: container.text, weak: false };
    return { occurrence: { phrase, itemId, words: [...before.filter(packMaterial), container], exact: false }, form: null, how: "head" };
  }

  /**
   * "Vacuum sintering furnace for NdFeB magnets", "LFP calcination kiln": a machine no name of the rules calls by its
   * name, said (before it, or in a purpose after it) to be for goods that the controls of exactly one controlled
   * machine with that head noun name with it (`machineGoods`). Not when the purpose names a product of another
   * industry ("for carbon brushes") or the machine's exclusions are in the line.
   */
  private machineForGoods(H: Word, live: readonly Occurrence[]): { occurrence: Occurrence; form: null; how: "head" } | null {
    const machines = [...this.index.machineGoods.keys()].filter((id) => H.keys.some((key) => this.index.headNouns.get(id)?.has(key)));
    if (machines.length === 0) return null;
    const purposes = this.line.chunks.filter((c) => c.opener === "aside" && c.preposition !== null && PURPOSE_PREPOSITIONS.has(c.preposition));
    const before = this.sequence(this.line.chunks[H.chunk]).filter((w) => w.position < H.position);
    const said = [...before, ...purposes.flatMap((c) => this.sequence(c))];
    if (said.some((w) => w.keys.some((key) => PRODUCT_NOUNS.has(key)))) return null;
    const goods = live.filter((o) => this.kindOf(o.itemId) !== "equipment" && o.words.every((w) => said.includes(w)));
    const fitting = machines.filter((id) => goods.some((o) => this.index.machineGoods.get(id)!.has(o.itemId)));
    if (fitting.length !== 1) return null;
    const itemId = fitting[0];
    const all = this.allWords();
    if ((this.index.exclusions.get(itemId) ?? []).some((keys) => this.containsPhrase(all, keys) !== null)) return null;
    const forGoods = this.best(goods.filter((o) => this.index.machineGoods.get(itemId)!.has(o.itemId)))!;
    const phrase: Phrase = { itemId, keys: H.keys, content: H.keys, text: `${H.text} for ${this.nameOf(forGoods.itemId)}`, weak: false };
    return { occurrence: { phrase, itemId, words: inLineOrder([H, ...forGoods.words]), exact: false }, form: null, how: "head" };
  }

  /**
   * "AIMANT SMCO BLOC CAPTEUR", "HUBLOT GERMANIUM D25 BOULE": French, Italian and Spanish ERP texts put the head
   * noun first. A name that opens the line (after a form word at most: "BOBINE FIBRE DOPEE ERBIUM") and begins with its
   * item's head noun is what the line is; the words after it describe it or say what it is for, unless one of them is a
   * product ("MAGNET SMCO HOUSING" is a housing) or a negation ("Batterie Lithium nicht wiederaufladbar"). English
   * names end with their head noun, so "NdFeB magnet holder" is not read this way.
   */
  private headFirstName(live: readonly Occurrence[]): { occurrence: Occurrence; form: null; how: "head" } | null {
    const content = this.head!.part.filter(isContent);
    const opening = content.length > 0 && isAnyForm(content[0]) ? content.slice(0, 2) : content.slice(0, 1);
    if (opening.length === 0) return null;
    const candidates = live.filter((o) => {
      const first = o.words[0];
      // A material's name opening a line is what the line is made of ("Copper earthing strap"), not the line.
      if (this.kindOf(o.itemId) === "material" || o.words.length < 2) return false;
      // The name must open with a noun several items are called by, or a form ("AIMANT", "HUBLOT", "NOYAU"), not with
      // a word that names the item alone ("NdFeB magnet import").
      const generic = (key: string) => (this.index.itemsByHeadNoun.get(key)?.length ?? 0) >= 2 || MATERIAL_FORMS.has(key) || COMPONENT_SHAPES.has(key);
      if (!opening.includes(first) || !first.keys.some((key) => this.index.headNouns.get(o.itemId)?.has(key) && generic(key))) return false;
      const last = o.words[o.words.length - 1].position;
      // The name's words stand together, and nothing after them in its field is a product of its own or a negation.
      const inside = content.filter((w) => w.position > first.position && w.position < last);
      const after = this.sequence(this.head!.chunk).filter((w) => w.position > last);
      return (
        inside.every((w) => o.words.includes(w)) &&
        after.every((w) => !w.keys.some((key) => PRODUCT_NOUNS.has(key) || NEGATIONS.has(key)))
      );
    });
    const o = this.best(candidates);
    return o === null ? null : { occurrence: o, form: null, how: "head" };
  }

  /**
   * "LASER SOURCE, FIBER, YTTERBIUM": military and NSN item names write the noun and its form first and the
   * modifiers after it, field by field. A name read across those fields is the line when it holds every other word
   * of the first field (the noun), the form fits it, and the fields it reads modifiers from hold nothing else.
   */
  private invertedName(live: readonly Occurrence[], form: Word): { occurrence: Occurrence; form: Word; how: "form" } | null {
    const head = this.head!;
    const following = new Set(this.headZone().slice(1).map((chunk) => chunk.index));
    const noun = head.part.filter((w) => isContent(w) && w !== form);
    if (noun.length === 0) return null;
    // Each field the name takes a modifier from must hold nothing else ("FIBER", "YTTERBIUM-DOPED"), not mention it
    // among other words ("natural or synthetic not stated").
    const onlyModifiers = (o: Occurrence) =>
      o.words.every((w) => !following.has(w.chunk) || this.line.chunks[w.chunk].words.every((v) => !isContent(v) || o.words.includes(v) || this.fits(v, o.itemId)));
    const inverted = live.filter(
      (o) =>
        o.words.every((w) => head.part.includes(w) || following.has(w.chunk)) &&
        noun.every((w) => o.words.includes(w)) &&
        o.words.some((w) => following.has(w.chunk)) &&
        this.fits(form, o.itemId) &&
        onlyModifiers(o),
    );
    const o = this.best(inverted);
    return o === null ? null : { occurrence: o, form, how: "form" };
  }

  /**
   * "TGT DY 3N5", "LENS GE ASPH": ERP short texts write the form first and the material after it, in one field. The
   * line's name must hold nothing else: every content word is the material's name or fits it.
   */
  private formFirst(live: readonly Occurrence[]): { occurrence: Occurrence; form: Word; how: "form" } | null {
    const head = this.head!;
    const content = head.part.filter(isContent);
    // The first form, after words that describe it ("SPUTTERING TARGET GD 99.9%"): they must fit the material too.
    const form = content.find(isAnyForm);
    if (form === undefined) return null;
    const candidates = live
      .filter((o) => o.words.every((w) => head.part.includes(w)) && o.words[0].position > form.position && this.fits(form, o.itemId) && !this.isDopant(o))
      .filter((o) => content.every((w) => o.words.includes(w) || this.fits(w, o.itemId)))
      .sort((a, b) => a.words[0].position - b.words[0].position || this.rank(b) - this.rank(a));
    return candidates.length === 0 ? null : { occurrence: candidates[0], form, how: "form" };
  }

  /**
   * A machine "for" something must be for something of its own domain: a winding machine for prismatic cells is
   * battery equipment, one for transformers is not. A line that states no purpose is taken at its word.
   */
  private purposeFits(equipmentId: string): boolean {
    const purposes = this.line.chunks.filter((c) => c.opener === "aside" && c.preposition !== null && PURPOSE_PREPOSITIONS.has(c.preposition) && c.words.some(isContent));
    if (purposes.length === 0) return true;
    const domain = this.index.domainWords.get(equipmentId);
    // A machine no control names with any goods (a tunnel-boring machine) has no domain to check a purpose against.
    if (domain === undefined) return true;
    // What the machine's own names say it makes counts too ("turbine blade casting furnace" … "for SX blades").
    const ownName = (key: string) => this.index.phrasesByWord.get(key)?.some((phrase) => phrase.itemId === equipmentId) === true;
    return purposes.some((chunk) => chunk.words.some((w) => w.keys.some((k) => domain.has(k) || ownName(k))));
  }

  private isHeadNoun(word: Word): boolean {
    return word.keys.some((k) => this.index.itemsByHeadNoun.has(k));
  }

  /** An item whose name ends in the head word and whose grade the line names (N45SH is an NdFeB grade). */
  private byGrade(H: Word): { occurrence: Occurrence; form: Word | null; how: "head" | "form" | "of" | "listed" } | null {
    if (!this.isHeadNoun(H)) return null;
    // Only a grade written as a code, beyond the head itself, says whose the line is: "N45SH" says NdFeB, but
    // "sheet", "ingot" or "solder" is a grade of molybdenum or indium and of a hundred other things too.
    // A purity written as nines ("4N", "5N5") is a grade of every material: it says nothing about whose.
    const beyondHead = (this.rawKeys ?? this.line.words.flatMap((w) => w.keys)).filter((k) => !H.keys.includes(k) && !NINES.test(k));
    const named: string[] = [];
    const all = this.allWords();
    for (const itemId of itemsHeadedBy(this.index, H.keys)) {
      // A grade the item's exclusions name is no reading of it either ("ITO target": ITO is excluded from indium).
      if ((this.index.exclusions.get(itemId) ?? []).some((keys) => this.containsPhrase(all, keys) !== null)) continue;
      const grades = this.rules.gradesByItem.get(itemId);
      if (grades !== undefined && grades.length > 0 && gradeNamed(grades, beyondHead, true) !== null) named.push(itemId);
    }
    if (named.length !== 1) return null;
    const phrase: Phrase = { itemId: named[0], keys: H.keys, content: H.keys, text: `${H.text} (grade)`, weak: false };
    return { occurrence: { phrase, itemId: named[0], words: [H], exact: false }, form: null, how: "head" };
  }

  /**
   * Why the words beside a code say the line is not the code's item ("Ferrite magnets HS 8505.11",
   * "Repair of magnets, HS 8505.11"), or null when they do not: an exclusion of the item, a non-good, or a
   * head that is a thing no form of the item can be.
   */
  contradicts(itemId: string): string | null {
    const all = this.allWords();
    for (const keys of this.index.exclusions.get(itemId) ?? []) {
      const found = this.containsPhrase(all, keys);
      if (found !== null) return `the rules exclude "${asWritten(found)}"`;
    }
    if (this.head !== null) {
      const seq = this.sequence(this.head.chunk);
      for (const nonGood of seq.flatMap((word) => word.keys.flatMap((key) => this.index.nonGoods.get(key) ?? []))) {
        if (nonGood.exceptKinds.includes(this.kindOf(itemId))) continue;
        const found = this.containsPhrase(seq, nonGood.keys);
        if (found !== null) return `the line is ${nonGood.id.replace(/[-_]/g, " ")} ("${asWritten(found)}")`;
      }
      const H = this.head.word;
      if (H !== null && H.keys.some((k) => PRODUCT_NOUNS.has(k)) && !this.fits(H, itemId)) return `the line is a "${H.text}"`;
      // "CN 2827 39 85 lithium chloride", "HS 2830.90 molybdenum disulphide": the goods' words name another material
      // than the one the code is claimed for (a subheading holds many chemicals), and none of that material's.
      const other = this.occurrences.find((o) => !o.phrase.weak && o.words.every((w) => seq.includes(w)) && !this.sameMaterial(itemId, o));
      if (other !== undefined && !this.occurrences.some((o) => o.itemId === itemId)) return `the goods are named "${asWritten(other.words)}"`;
      const element = seq.find((w) => w.keys.some((k) => ELEMENT_NAMES.has(k) && this.index.itemWords.get(itemId)?.has(k) !== true));
      if (element !== undefined && !this.occurrences.some((o) => o.itemId === itemId)) return `the goods are named "${element.text}"`;
    }
    return null;
  }

  /** Whether an occurrence names the item, a material it contains or is contained in, or words of the item's own names. */
  private sameMaterial(itemId: string, occurrence: Occurrence): boolean {
    if (occurrence.itemId === itemId) return true;
    const contains = (outer: string, inner: string) => this.rules.itemsById.get(outer)?.contains?.some((part) => (typeof part === "string" ? part : part.item) === inner) === true;
    if (contains(itemId, occurrence.itemId) || contains(occurrence.itemId, itemId)) return true;
    const words = this.index.itemWords.get(itemId);
    return words !== undefined && occurrence.phrase.content.every((key) => words.has(key));
  }

  /** Words outside phrases about something else that make the line a technology or a service. */
  markers(markers: ReadonlySet<string>, phrases: readonly (readonly string[])[]): Word[] {
    const words = (this.outsideAsides ??= this.line.chunks.filter((c) => c.opener !== "aside").flatMap((c) => this.sequence(c)));
    const found = words.filter((w) => w.keys.some((k) => markers.has(k) && !(LICENCE_WORDS.has(k) && this.tradePermit(w))));
    for (const phrase of phrases) found.push(...(this.containsPhrase(words, phrase) ?? []));
    return found;
  }

  /** A licence word with "export" or "import" just before it or one or two words after ("export licence", "licence to export"). */
  private tradePermit(word: Word): boolean {
    const words = this.line.words;
    const permit = (at: number) => words[at]?.keys.some((key) => TRADE_PERMIT_WORDS.has(key)) === true;
    return permit(word.position - 1) || permit(word.position + 1) || permit(word.position + 2);
  }

  /** A technology or service item: named itself, or about goods the line names. */
  aboutReading(kind: "technology" | "service", markerWords: readonly Word[]): { itemId: string; occurrence: Occurrence; about: boolean } | null {
    if (markerWords.length === 0) return null;
    const live = this.occurrences.filter((o) => !this.vetoed.has(o) || this.kindOf(o.itemId) !== kind);
    const own = this.best(live.filter((o) => this.kindOf(o.itemId) === kind && !this.vetoed.has(o)));
    if (own !== null) return { itemId: own.itemId, occurrence: own, about: false };
    const byPosition = [...live].sort((a, b) => this.rank(b) - this.rank(a) || a.words[0].position - b.words[0].position);
    for (const o of byPosition) {
      if (this.index.exclusions.get(o.itemId) && this.vetoes.some((v) => v.itemId === o.itemId && !v.suggest && v.why.includes("exclude"))) continue;
      const about = (this.index.aboutGoods.get(o.itemId) ?? []).filter((id) => this.kindOf(id) === kind);
      if (about.length > 0) return { itemId: about[0], occurrence: o, about: true };
    }
    // "Commissioning of the roller hearth kiln for LFP calcination": a service about a machine named by what it is for.
    if (kind === "service") {
      for (const word of this.line.words) {
        const machine = this.machineForGoods(word, live);
        const about = machine === null ? [] : (this.index.aboutGoods.get(machine.occurrence.itemId) ?? []).filter((id) => this.kindOf(id) === kind);
        if (about.length > 0) return { itemId: about[0], occurrence: machine!.occurrence, about: true };
      }
    }
    return null;
  }
}

/** The words as the line writes them, a word read as two ("trimethylgallium": trimethyl + gallium) once. */
function asWritten(words: readonly Word[]): string {
  return words.filter((word, i) => i === 0 || words[i - 1].text !== word.text).map((word) => word.text).join(" ");
}

function quote(words: readonly Word[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const word of words) {
    if (seen.has(word.text)) continue;
    seen.add(word.text);
    const repaired =
      word.via === "compound"
        ? ` (${words.filter((w) => w.text === word.text).map((w) => w.keys[0]).join(" + ")})`
        : word.via === "truncation" || word.via === "spelling"
          ? ` (read as ${word.keys[0]})`
          : "";
    parts.push(`"${word.text}"${repaired}`);
  }
  return parts.join(" + ");
}

function confidenceOf(reader: LineReader, occurrence: Occurrence, how: string): { confidence: number; method: MatchMethod } {
  const words = occurrence.words;
  if (words.some((w) => w.via === "spelling")) return { confidence: MISSPELT_CONFIDENCE, method: "fuzzy" };
  const repaired = words.some((w) => w.via === "compound" || w.via === "truncation");
  const allContent = reader.line.words.filter(isContent);
  const whole = occurrence.exact && how === "head" && allContent.every((w) => words.includes(w));
  const base = whole ? WHOLE_NAME_CONFIDENCE : occurrence.exact && how !== "listed" ? NAME_CONFIDENCE : REORDERED_CONFIDENCE;
  return { confidence: repaired ? Math.min(base, REPAIRED_CONFIDENCE) : base, method: "alias" };
}

/**
 * The reader of the last line read, kept. A line reader and its words live only while a line is read, and V8
 * forgets the hidden classes of objects that have all died at a full collection, throwing away the optimised code
 * of every function that read them. After a refresh, or any quiet time with a full collection, every line was
 * then read by unoptimised code again until V8 had optimised it anew. Keeping one reader keeps its classes (a
 * reader and its words have one shape each, every field set when they are made); it also keeps the ruleset it read
 * with until the next line is read. Measured on the bench's refresh (100k rows, 2,923 lines, a full collection
 * first): 530 ms with neither, 380 with the reader kept, 340 with one shape too.
 */
const lastRead: { reader: LineReader | null } = { reader: null };

function readText(
  rules: CompiledRules,
  text: string,
  capitals: boolean,
  purity: boolean,
  gradeWords: readonly string[],
): { reading: Reading | null; reader: LineReader | null; weakOnly: Occurrence[] } {
  const index = rules.readingIndex();
  const line = readLine(text, index.segmenter, rules.wordRepair(), capitals);
  const reader = new LineReader(rules, index, line, purity, gradeWords, acronymsIn(text));
  lastRead.reader = reader;
  if (line.words.length === 0) return { reading: null, reader, weakOnly: [] };

  const technology = reader.markers(TECHNOLOGY_MARKERS, TECHNOLOGY_PHRASES);
  const service = reader.markers(SERVICE_MARKERS, SERVICE_PHRASES);
  for (const [kind, markers] of [
    ["technology", technology],
    ["service", service],
  ] as const) {
    // A book, a course or recycling about batteries is no battery technology: only non-goods that spare the kind let it through.
    if (reader.nonGoodsFound.some((nonGood) => !nonGood.exceptKinds.includes(kind))) continue;
    const found = reader.aboutReading(kind, markers);
    if (found === null) continue;
    const name = reader.nameOf(found.itemId);
    const why = found.about
      ? `read as ${name}: a ${kind} (${quote(markers)}) about ${reader.nameOf(found.occurrence.itemId)} (${quote(found.occurrence.words)})`
      : `read as ${name} from ${quote(found.occurrence.words)}`;
    return { reading: { itemId: found.itemId, confidence: found.about ? ABOUT_CONFIDENCE : NAME_CONFIDENCE, method: "alias", why }, reader, weakOnly: [] };
  }

  const goods = reader.goods();
  if (goods === null) return { reading: null, reader, weakOnly: [] };
  const { occurrence, form, how } = goods;
  const evidence = reader.hasEvidence(occurrence, form);
  if (!evidence) return { reading: null, reader, weakOnly: [occurrence] };
  const { confidence, method } = confidenceOf(reader, occurrence, how);
  const name = reader.nameOf(occurrence.itemId);
  const decided = form !== null && !occurrence.words.includes(form) ? [...occurrence.words, form] : occurrence.words;
  const why = `read as ${name} from ${quote(decided)}${how === "listed" ? " (listed after the form)" : ""}`;
  return { reading: { itemId: occurrence.itemId, confidence, method, why }, reader, weakOnly: [] };
}

function unreadWhy(reader: LineReader | null): string {
  if (reader === null || reader.head === null || reader.head.word === null) return "not recognised: no name of an item in the text";
  const headWord = reader.head.word;
  // A veto of the rules first; else a product that vetoed the name the line is headed by ("Indium 99.99% solder").
  const first = reader.vetoes.find((v) => !v.suggest) ?? reader.vetoes.find((v) => reader.occurrences.some((o) => o.itemId === v.itemId && o.words.includes(headWord)));
  if (first !== undefined) return first.why;
  const mentioned = reader.occurrences.filter((o) => !o.words.includes(headWord));
  if (mentioned.length === 0) return `not recognised: "${headWord.text}" is no item of the rules`;
  const names = [...new Set(mentioned.map((o) => reader.nameOf(o.itemId)))].slice(0, 2).join(", ");
  return `not recognised: the line is "${headWord.text}"; it only mentions ${names}`;
}

function suggestionsFor(rules: CompiledRules, reader: LineReader | null, weakOnly: readonly Occurrence[], hs: HsReading | null): MatchSuggestion[] {
  // Items the rules exclude from this line are never offered.
  const excluded = new Set((reader?.vetoes ?? []).filter((v) => !v.suggest).map((v) => v.itemId));
  const out: MatchSuggestion[] = [];
  // Whether an item can still be offered; its reason is written only then (most lines offer few of their candidates).
  const open = (itemId: string) => out.length < MOST_SUGGESTIONS && !excluded.has(itemId) && !out.some((s) => s.itemId === itemId) && rules.itemsById.has(itemId);
  const offer = (itemId: string, why: string) => out.push({ itemId, itemName: rules.itemsById.get(itemId)!.name, why });
  for (const o of weakOnly) if (open(o.itemId)) offer(o.itemId, `"${o.words.map((w) => w.text).join(" ")}" may be ${o.phrase.text}, but nothing beside it says so`);
  if (hs !== null) for (const id of hs.itemIds) if (open(id)) offer(id, `HS ${hs.code}${hs.outcome === "ambiguous" ? " is shared by several items" : " sits under a subheading where this item has lines"}`);
  if (reader !== null) {
    const headWord = reader.head?.word ?? null;
    for (const o of reader.occurrences) {
      if (headWord !== null && o.words.includes(headWord) && open(o.itemId)) offer(o.itemId, `names ${o.phrase.text}`);
    }
    for (const o of reader.occurrences) if (open(o.itemId)) offer(o.itemId, `mentions ${o.phrase.text}`);
    if (out.length < MOST_SUGGESTIONS && headWord !== null) {
      for (const itemId of itemsHeadedBy(rules.readingIndex(), headWord.keys)) {
        if (reader.kindOf(itemId) !== "technology" && open(itemId)) offer(itemId, `is a kind of "${headWord.text}"`);
      }
    }
  }
  return out;
}

function hsCodeReading(rules: CompiledRules, hs: HsReading | null): HsCodeReading | null {
  if (hs === null) return null;
  return {
    code: hs.code,
    system: hs.system,
    outcome: hs.outcome,
    itemIds: hs.itemIds,
    description: describeHsCode(rules.hsNomenclature, hs.digits),
    subheadingOnly: hs.outcome === "ambiguous" && hs.claimedCode === null,
  };
}

function hsWhy(rules: CompiledRules, hs: HsCodeReading): string {
  const what = hs.description === null ? "" : ` (${hs.description.length > 80 ? `${hs.description.slice(0, 79)}…` : hs.description})`;
  const names = hs.itemIds.map((id) => rules.itemsById.get(id)?.name ?? id).join(", ");
  if (hs.outcome === "item") return `HS ${hs.code}${what}`;
  if (hs.outcome === "ambiguous" && hs.subheadingOnly) return `HS ${hs.code}${what}: the rules claim only finer lines under it (${names}); the text does not say which item this is`;
  if (hs.outcome === "ambiguous") return `HS ${hs.code}${what} is shared by ${names}; the text does not say which`;
  const others = hs.itemIds.length > 0 ? `; ${names} ${hs.itemIds.length === 1 ? "has" : "have"} other lines under its subheading` : "";
  return `HS ${hs.code}${what}: no item of the rules claims this code, so no control names it${others}`;
}

function result(rules: CompiledRules, normalized: string, fields: Omit<MatchResult, "itemName" | "normalized" | "grade" | "quantities">): MatchResult {
  const grades = fields.itemId === null ? undefined : rules.gradesByItem.get(fields.itemId);
  const itemName = fields.itemId === null ? null : (rules.itemsById.get(fields.itemId)?.name ?? null);
  const grade = grades === undefined || grades.length === 0 ? null : gradeNamed(grades, commodityWords(normalized));
  return matchResult(fields, itemName, normalized, grade, NO_QUANTITIES);
}

/** Every reading is made here, with its keys in one order: code reading many rows' readings then sees one shape. */
function matchResult(
  fields: Omit<MatchResult, "itemName" | "normalized" | "grade" | "quantities">,
  itemName: string | null,
  normalized: string,
  grade: MatchResult["grade"],
  quantities: MatchResult["quantities"],
): MatchResult {
  const { itemId, method, confidence, why, suggestions, hsCode } = fields;
  return { itemId, method, confidence, why, suggestions, hsCode, itemName, normalized, grade, quantities };
}

/** A cell holding exactly a hyphenated item id ("ev-powertrain") names that item: nobody writes a slug by accident. */
function itemNamedById(rules: CompiledRules, text: string) {
  const id = text.trim().toLowerCase();
  if (!id.includes("-")) return null;
  return rules.itemsById.get(id) ?? null;
}

/** Fields of a record joined by spaced bars, as exports and card statements write them. */
const FIELD_BAR = /\s\|\s/;
const FEWEST_RECORD_FIELDS = 3;
/**
 * An EDIFACT item description segment pasted with its neighbours ("LIN+4++6Q0955119A:IN'IMD+F++:::FERRITE ARC
 * MAGNET'QTY+12:3600'"): the free-text description is the fourth component of its third element (and the fifth, its
 * continuation).
 */
const EDIFACT_DESCRIPTION = /(?:^|')\s*IMD\+[^+']*\+[^+']*\+[^:+']*:[^:+']*:[^:+']*:(?=[^:+']*\p{L})([^:+']*)(?::([^:+']*))?/u;
const LETTER_WORDS = /\p{L}{2,}/gu;

/**
 * The field of a record that describes the goods: of the fields that are no aside ("for …"), the one with the most
 * words ("05/06/26 | ALFA AESAR | MCC 5169 | Holmium(III) oxide, 99.9% REO, 25 g | $148.50", "CX-27-102 | RE
 * separation | Bank of 24 centrifugal extractors … | 1 lot"); null for a text of fewer fields, or where no field has
 * two words.
 */
function describingField(text: string): string | null {
  const edifact = text.includes("IMD+") ? EDIFACT_DESCRIPTION.exec(text) : null;
  if (edifact !== null) return `${edifact[1]} ${edifact[2] ?? ""}`.trim();
  if (!FIELD_BAR.test(text)) return null;
  const fields = text.split(FIELD_BAR);
  if (fields.length < FEWEST_RECORD_FIELDS) return null;
  let best: string | null = null;
  let most = 1;
  for (const field of fields) {
    if (opensAside(field)) continue;
    const words = field.match(LETTER_WORDS)?.length ?? 0;
    if (words > most) {
      best = field;
      most = words;
    }
  }
  return best?.trim() ?? null;
}

const ANY_DIGIT = /\d/;
/** Forms that containers are made of: a container after one of them is made of the material ("foil containers"). */
const CONTAINER_STOCK = new Set(["foil", "sheet", "film", "plate", "wire", "mesh", "strip", "board", "tube"]);
/** A mass in a volume ("1000 mg/L", "10 µg/mL"): how solutions, not solids, are specified. */
const CONCENTRATION = /(?<![\d.,])\d+(?:[.,]\d+)?\s{0,2}(?:mg|µg|μg|ug|g)\s{0,1}\/\s{0,1}(?:l|ml)(?![\p{L}\p{N}])/iu;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
/** One to three short words of letters, and nothing else, before a line's first code. */
const SHORT_LABEL_BEFORE_CODE = /^\s*(?:\p{L}{2,5}\.?\s+){1,3}$/u;

/** A field that starts with "for", "with", "für"…: what the goods are for or come with, not the goods. */
function opensAside(field: string): boolean {
  const first = FIRST_WORD.exec(normalizeCommodity(field))?.[0];
  return first !== undefined && ASIDE_PREPOSITIONS.has(first);
}

/** The last colon (before a space or the end), " / ", " > ", " | " or a spaced dash ("Facture 118 — …"): what follows is the goods. */
const ANY_LABEL_SEPARATOR = /[:：](?:\s|$|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|\s[/>|–—]\s/u;
/** A colon before a space or the end, or before Chinese, Japanese or Korean text, which writes no space ("报价单：钨粉"). */
const LAST_LABEL_SEPARATOR = /^(.*\S)\s*(?:[:：](?=\s|$|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|\s[/>|–—]\s)(.*\p{L}.*)$/su;
/** A position number ("/ 015:") or a circuit reference ("U7:", "R12:") just before the separator. */
const PLACE_IN_LIST = /^(?:\d+|[a-z]{1,2}\d{1,4})$/;
const LABEL_FIELDS = /:(?=\s)|\s[/>|–—]\s|[,;]/;

/** A label, or a place in a bill of materials, and the goods after it; null when the text has no such label. */
function partAfterLabel(text: string): { label: string; part: string; pure: boolean } | null {
  // Most lines have no such separator: a plain test first, before the pattern that finds the last one.
  if (!ANY_LABEL_SEPARATOR.test(text)) return null;
  const found = LAST_LABEL_SEPARATOR.exec(text);
  if (found === null) return null;
  const label = found[1].trim();
  const words = commodityWords(normalizeCommodity(label));
  // A place stands alone between separators ("… / 015:"), unlike the number of a model ("PS-12:").
  const lastField = commodityWords(normalizeCommodity(label.split(LABEL_FIELDS).pop() ?? ""));
  const isLabel = words.some((word) => LABEL_WORDS.has(word)) || (lastField.length === 1 && PLACE_IN_LIST.test(lastField[0]));
  // Only labels, numbers, codes and small words ("Invoice:", "Entry line 003:", "Req 5512:"): nothing of the goods.
  const pure = words.every((word) => LABEL_WORDS.has(word) || STOPWORDS.has(word) || word.length === 1 || /\d/.test(word));
  return isLabel ? { label, part: found[2].trim(), pure } : null;
}

const BRACKETED = /[(（]([^()（）]*)[)）]/gu;
const LATIN_WORDS = /\p{Script=Latin}{2,}/gu;

/**
 * "전해액 주액기 (Electrolyte Filling M/C)", "黒鉛電極 (Graphite electrode, UHP)": Chinese, Japanese and Korean lines
 * often gloss the goods in English in brackets. The first bracket written in Latin words only (two of them at least),
 * in a line whose other words are in those scripts; null when there is none.
 */
function glossInBrackets(text: string): string | null {
  if (!isCjk(text)) return null;
  for (const found of text.matchAll(BRACKETED)) {
    const inside = found[1].trim();
    const outside = text.slice(0, found.index) + text.slice(found.index + found[0].length);
    if (!isCjk(inside) && (inside.match(LATIN_WORDS)?.length ?? 0) >= 2 && isCjk(outside)) return inside;
  }
  return null;
}

/** A reading of the goods after a label, saying which label it read past. */
function afterLabel(rules: CompiledRules, normalized: string, labelled: { label: string; part: string }, capitals: boolean): MatchResult | null {
  const inner = readCommodity(rules, labelled.part, capitals);
  if (inner.itemId === null) return null;
  const why = `${inner.why} (after "${labelled.label}")`;
  return result(rules, normalized, { itemId: inner.itemId, method: inner.method, confidence: inner.confidence, why, suggestions: NO_SUGGESTIONS, hsCode: inner.hsCode });
}

/** Reads one text (no memo); `capitals` is the flag of the whole cell when a part of it is read. */
export function readCommodity(rules: CompiledRules, text: string, capitals = writtenInCapitals(cutToLongestRead(text)), asRecord = true): MatchResult {
  const cut = cutToLongestRead(text);
  const normalized = normalizeCommodity(cut);
  const userItem = rules.userAliases.get(normalized);
  if (userItem !== undefined) {
    const why = userItem === null ? "marked not controlled in this workbook's own aliases" : `read as ${rules.itemsById.get(userItem)?.name ?? userItem}: assigned in this workbook's own aliases`;
    return result(rules, normalized, { itemId: userItem, method: "user_alias", confidence: 1, why, suggestions: NO_SUGGESTIONS, hsCode: null });
  }

  const byId = itemNamedById(rules, cut);
  if (byId !== null) {
    return result(rules, normalized, { itemId: byId.id, method: "alias", confidence: 1, why: `read as ${byId.name} from its id "${byId.id}"`, suggestions: NO_SUGGESTIONS, hsCode: null });
  }

  // A record of fields: its describing field says what the goods are, not the dates, merchants, project areas and
  // codes around it ("04/07/26 | UNITED AIRLINES | MCC 3000 | economy, supplier audit trip | $1,842.10"). Only a
  // tariff code in another field lets the whole record be read.
  const described = asRecord ? describingField(cut) : null;
  let describedNothing: MatchResult | null = null;
  if (described !== null) {
    const inner = readCommodity(rules, described, capitals, false);
    const field = ` (in the field "${described}")`;
    if (inner.itemId !== null) {
      return result(rules, normalized, { itemId: inner.itemId, method: inner.method, confidence: inner.confidence, why: inner.why + field, suggestions: NO_SUGGESTIONS, hsCode: inner.hsCode });
    }
    describedNothing = { ...inner, why: inner.why + field };
  }

  // A label that holds nothing of the goods is set aside first: "Entry line 003: permanent magnets …" is not a "line".
  const labelled = partAfterLabel(cut);
  if (labelled?.pure) {
    const goods = afterLabel(rules, normalized, labelled, capitals);
    if (goods !== null) return goods;
  }

  const codes = findHsCodes(cut);
  const hs = codes.length > 0 ? resolveHsCode(rules.hsIndex, codes[0]) : null;
  const hsCode = hsCodeReading(rules, hs);
  let words = cut;
  for (const code of [...codes].reverse()) {
    // "EWB 38011000 Graphite anode material": letters alone before the code label it and start no field of their own.
    const labelOnly = code === codes[0] && SHORT_LABEL_BEFORE_CODE.test(words.slice(0, code.start));
    words = `${words.slice(0, code.start)}${labelOnly ? " " : " , "}${words.slice(code.end)}`;
  }
  const purity = readQuantities(cut).some((q) => q.quantity === "purity");
  const { reading, reader, weakOnly } = readText(rules, words, capitals, purity, commodityWords(normalized));

  // Nothing read and nothing vetoed: a label or a bill of materials' place may come before the goods.
  if (reading === null && hsCode?.outcome !== "item" && (reader === null || reader.vetoes.length === 0) && labelled !== null && !labelled.pure) {
    const goods = afterLabel(rules, normalized, labelled, capitals);
    if (goods !== null) return goods;
    // "Graphite anode active material / Matériau actif d'anode en graphite": a line written in two languages, where
    // the goods are read in the first (the label side) and not in the translation after it.
    const first = readCommodity(rules, labelled.label, capitals, false);
    if (first.itemId !== null) {
      const why = `${first.why} (before "${labelled.part}")`;
      return result(rules, normalized, { itemId: first.itemId, method: first.method, confidence: first.confidence, why, suggestions: NO_SUGGESTIONS, hsCode: first.hsCode });
    }
  }

  // Nothing read from Chinese, Japanese or Korean words, and nothing vetoed: an English gloss in brackets may name the goods.
  if (reading === null && hsCode?.outcome !== "item" && (reader === null || reader.vetoes.every((veto) => veto.suggest))) {
    const gloss = glossInBrackets(cut);
    if (gloss !== null) {
      const inner = readCommodity(rules, gloss, writtenInCapitals(gloss), false);
      if (inner.itemId !== null) {
        const why = `${inner.why} (from the English in brackets "${gloss}")`;
        return result(rules, normalized, { itemId: inner.itemId, method: inner.method, confidence: inner.confidence, why, suggestions: NO_SUGGESTIONS, hsCode: inner.hsCode });
      }
    }
  }

  if (describedNothing !== null && (reading !== null || hsCode?.outcome !== "item")) {
    return result(rules, normalized, { itemId: null, method: "none", confidence: 0, why: describedNothing.why, suggestions: describedNothing.suggestions, hsCode });
  }
  // "Gallium standard 1000 mg/L in 5% HNO3": a mass per volume makes the line a solution of the material (a
  // reference standard or a reagent), never the material itself.
  const concentration = reading === null ? null : CONCENTRATION.exec(cut);
  if (reading !== null && concentration !== null && rules.readingIndex().kinds.get(reading.itemId) === "material") {
    const why = `not ${rules.itemsById.get(reading.itemId)?.name}: "${concentration[0].trim()}" is a concentration, so the line is a solution of it (a reference standard or a reagent)`;
    return result(rules, normalized, { itemId: null, method: "none", confidence: 0, why, suggestions: NO_SUGGESTIONS, hsCode });
  }
  if (reading !== null) {
    let why = reading.why;
    if (hsCode !== null) {
      if (hsCode.outcome === "item" && hsCode.itemIds[0] === reading.itemId) why += ` and ${hsWhy(rules, hsCode)}`;
      else if (hsCode.outcome === "item") why += `; note: ${hsWhy(rules, hsCode)} reads as ${rules.itemsById.get(hsCode.itemIds[0])?.name}, the text decides`;
      else if (hsCode.itemIds.includes(reading.itemId)) why += `; ${hsWhy(rules, hsCode).replace("; the text does not say which", "")}: the text decides`;
    }
    const confidence = hsCode?.outcome === "item" && hsCode.itemIds[0] === reading.itemId ? HS_CODE_CONFIDENCE : reading.confidence;
    return result(rules, normalized, { itemId: reading.itemId, method: reading.method, confidence, why, suggestions: NO_SUGGESTIONS, hsCode });
  }
  if (hsCode !== null && hsCode.outcome === "item") {
    const against = reader === null ? null : reader.contradicts(hsCode.itemIds[0]);
    if (against === null) {
      return result(rules, normalized, { itemId: hsCode.itemIds[0], method: "hs_code", confidence: HS_CODE_CONFIDENCE, why: `read as ${rules.itemsById.get(hsCode.itemIds[0])?.name} from ${hsWhy(rules, hsCode)}`, suggestions: NO_SUGGESTIONS, hsCode });
    }
    const why = `${hsWhy(rules, hsCode)} reads as ${rules.itemsById.get(hsCode.itemIds[0])?.name}, but ${against}`;
    return result(rules, normalized, { itemId: null, method: "none", confidence: 0, why, suggestions: suggestionsFor(rules, reader, weakOnly, hs), hsCode });
  }
  const why = hsCode !== null && (reader === null || reader.occurrences.length === 0) ? hsWhy(rules, hsCode) : unreadWhy(reader);
  return result(rules, normalized, { itemId: null, method: "none", confidence: 0, why, suggestions: suggestionsFor(rules, reader, weakOnly, hs), hsCode });
}

/** Where a label or a bill of materials' place may end (`partAfterLabel`): kept apart in the key. */
const LABEL_SEPARATOR_RUNS = /\s*(?::(?=\s|$|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|\s[/>|–—]+\s)\s*/gu;
const SEPARATOR_RUNS = /[,;:()[\]{}|•\n\r\t"]+|\s[-–—]+\s|[–—]+/gu;
/** A lone letter joined to a word ("e-drive"), which the reader keeps as part of it: kept apart in the key. */
const LETTER_JOIN = /(?<![\p{L}\p{N}])(\p{L})-(?=\p{L})/gu;
/** A word joined to a number ("DS-VF2", "MAG-52"), which the reader may take as part of a code: kept apart too. */
const NUMBER_JOIN = /(?<=[\p{L}\p{N}])-(?=\d)/gu;
/** A record's bars (`describingField` splits on the same matches): kept apart from other separators in the key. */
const FIELD_BARS = new RegExp(FIELD_BAR.source, "gu");
const FIELD_MARK = "\uE002";
/** The marks the key uses for the ones above and for a line in capitals: taken out of the text first, so no text can write them. */
const KEY_MARKS = /[¦\uE000\uE001\uE002\uE003]/gu;
const CAPITALS_MARK = "\uE001";
const CASE_MARK = "\uE003";
const AN_ACRONYM = new RegExp(ACRONYMS.source, "u");
const LETTER_RUNS = /\p{L}+/gu;

/**
 * Words in capitals the rules do not know are acronyms in a line written in both cases (`acronymsIn`), so such a line
 * keeps each word's case in its key ("U" in capitals, "l" with a small letter): "EV traction motor PMSM" and "EV
 * traction motor pmsm" read differently, and neither may be handed the other's reading.
 */
function caseShape(cut: string): string {
  if (!SMALL_LETTER.test(cut) || !AN_ACRONYM.test(cut)) return "";
  return CASE_MARK + (cut.match(LETTER_RUNS) ?? []).map((word) => (SMALL_LETTER.test(word) ? "l" : "U")).join("");
}
const CAPITAL_LETTER = /\p{Lu}/u;
const OTHER_MARKS = /[^\p{L}\p{N}|¦\uE000\uE002.]+|(?<!\d)\.|\.(?!\d)/gu;

/** Texts with the same key read alike: case, accents, spacing and stray marks do not change a reading. */
export function readingKey(text: string): string {
  const cut = cutToLongestRead(text);
  // Capitals change how short words are read (writtenInCapitals), so "LITH CARB" and "lith carb" are two keys.
  const mark = CAPITAL_LETTER.test(cut) && writtenInCapitals(cut) ? CAPITALS_MARK : "";
  return mark + expandShorthand(foldCharacters(cut))
    .replace(KEY_MARKS, " ")
    .replace(LETTER_JOIN, "$1\uE000")
    .replace(NUMBER_JOIN, "\uE000")
    .replace(FIELD_BARS, FIELD_MARK)
    .replace(LABEL_SEPARATOR_RUNS, "¦")
    .replace(SEPARATOR_RUNS, "|")
    .replace(OTHER_MARKS, " ")
    .replace(/\s*([|¦\uE002])\s*/g, "$1")
    .replace(/\|+/g, "|")
    .replace(/\s+/g, " ")
    .replace(/^[\s|¦\uE002]+|[\s|¦\uE002]+$/g, "") + caseShape(cut);
}

const cutToLongestRead = (text: string): string => (text.length > LONGEST_READ ? text.slice(0, LONGEST_READ) : text);

/**
 * Match one commodity text; the same reading key is read once per compiled ruleset. The text as given is
 * memoised too, so a repeated cell skips even the key; it only ever points at a result the key memo holds.
 */
export function matchCommodity(rules: CompiledRules, text: string): MatchResult {
  const memo = rules.matchMemo;
  const byText = (memo.byText ??= new Map());
  const seen = byText.get(text);
  if (seen !== undefined) return seen;
  // The reading keeps words of the text: they must not keep the file it was read from (owned-text.ts).
  text = ownedText(text);
  const key = readingKey(text);
  let match = memo.results.get(key);
  if (match === undefined) {
    memo.computed += 1;
    match = readCommodity(rules, text);
    if (memo.results.size < MEMO_LIMIT) memo.results.set(key, match);
  }
  // Numbers are read from the text as given: normalising drops the "%", "µm" and "/" they depend on.
  const quantities = match.itemId === null ? NO_QUANTITIES : readQuantities(text);
  const answer = quantities.length === 0 ? match : matchResult(match, match.itemName, match.normalized, match.grade, quantities);
  if (byText.size < MEMO_LIMIT) byText.set(text, answer);
  return answer;
}

/** For callers that need the item kind of a reading (explanations). */
export type { ItemKind };
