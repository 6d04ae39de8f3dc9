/**
 * Names as the rules document compares them. Two aliases are "the same name" when their keys agree, so
 * the document's cross-checks (duplicate_alias) and the engine's alias lookup must use this one key.
 * Commodity text as people type it → one canonical form, so that "LiFePO₄", "lifepo4" and
 * "LiFePO4 (LFP)" meet the same alias.
 */
import { toSimplified } from "./cjk-variants";

const NON_WORD_RUNS = /[^\p{L}\p{N}]+/gu;
/** Combining marks except the kana voicing marks (゙ ゚), which are part of the letter: ガ is not カ. */
const COMBINING_MARKS = /[^\P{M}\u3099\u309A]+/gu;

/**
 * NFKC turns subscripts, superscripts, ligatures and full-width forms into plain characters
 * (LiFePO₄ → LiFePO4); accents are dropped so "Bismút" and "bismut" agree; every run of
 * punctuation or whitespace becomes one space. Letters are composed again afterwards, so Hangul
 * syllables and voiced kana read as written (ガリウム is gallium, never カリウム, potassium).
 */
export function normalizeCommodity(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_NON_WORD_RUNS, " ").trim();
  return foldCharacters(text).replace(NON_WORD_RUNS, " ").trim();
}

/** normalizeCommodity before punctuation is dropped: the letters as the matcher compares them. */
export function foldCharacters(text: string): string {
  // Most purchasing text is plain ASCII, which the Unicode normalisations leave as it is.
  if (ASCII.test(text)) return text.toLowerCase();
  return toSimplified(text.normalize("NFKC").toLowerCase().normalize("NFKD").replace(COMBINING_MARKS, "").normalize("NFC"));
}

const ASCII = /^[\t-~]*$/;
const ASCII_NON_WORD_RUNS = /[^a-z0-9]+/g;

/**
 * A lookup key that ignores regular English plurals, word by word ("NdFeB magnets" → "ndfeb magnet"),
 * so aliases need not list both forms. Applied identically to aliases and to row text.
 */
export function stemWord(word: string): string {
  // "-ss", "-us" and "-is" are not plurals: "glass", "anhydrous", "analysis".
  if (word.length <= 3 || !word.endsWith("s") || SINGULAR_ENDINGS.test(word)) return word;
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (ES_PLURAL.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

const SINGULAR_ENDINGS = /(?:ss|us|is)$/;

/** "boxes", "batches", "brushes", "glasses": the plural adds "es". */
const ES_PLURAL = /(?:x|ch|sh|ss|z)es$/;

export function commodityWords(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ").map(stemWord);
}

export function aliasKey(normalized: string): string {
  return commodityWords(normalized).join(" ");
}

/** One of an item's names in the matcher's terms. */
export interface NameForm {
  /** `normalizeCommodity` of the text. */
  normalized: string;
  /** `aliasKey` of that: the key two names share when the matcher cannot tell them apart. */
  key: string;
  /** How many words the name has. */
  words: number;
}

interface NamedItem {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly names?: Readonly<Partial<Record<string, readonly string[]>>>;
}

/** One name of an item, where it is written, and its form in the matcher's terms. */
export interface ItemName extends NameForm {
  text: string;
  /** Path inside the item: `["name"]`, `["aliases", 3]`, `["names", "de", 0]`. */
  where: (string | number)[];
  /** The language of a name from `names`; null for the id, the name and `aliases` (any script). */
  language: string | null;
}

interface CachedNames {
  signature: string;
  names: readonly ItemName[];
}

const namesByItem = new WeakMap<object, CachedNames>();

function nameForm(text: string): NameForm {
  const normalized = normalizeCommodity(text);
  const words = commodityWords(normalized);
  return { normalized, key: words.join(" "), words: words.length };
}

function signatureOf(item: NamedItem): string {
  return JSON.stringify([item.id, item.name, item.aliases, item.names ?? null]);
}

/**
 * An item's id, name, aliases and names in other languages, in that order, in the matcher's terms.
 * Checking the rules and compiling them both need these for the same item objects, so they are worked
 * out once per item (and again if its texts have changed since).
 */
export function itemNames(item: NamedItem): readonly ItemName[] {
  const signature = signatureOf(item);
  const cached = namesByItem.get(item);
  if (cached !== undefined && cached.signature === signature) return cached.names;
  const names: ItemName[] = [
    { text: item.id, where: ["id"], language: null, ...nameForm(item.id) },
    { text: item.name, where: ["name"], language: null, ...nameForm(item.name) },
    ...item.aliases.map((text, k) => ({ text, where: ["aliases", k], language: null, ...nameForm(text) })),
  ];
  for (const [language, texts] of Object.entries(item.names ?? {})) {
    (texts ?? []).forEach((text, k) => names.push({ text, where: ["names", language, k], language, ...nameForm(text) }));
  }
  namesByItem.set(item, { signature, names });
  return names;
}

/** The matcher's form of any one text (a grade alias, an exclusion phrase). */
export function nameFormOf(text: string): NameForm {
  return nameForm(text);
}
