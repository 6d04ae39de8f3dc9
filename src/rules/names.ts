/**
 * Names as the rules document compares them. Two aliases are "the same name" when their keys agree, so
 * the document's cross-checks (duplicate_alias) and the engine's alias lookup must use this one key.
 * Commodity text as people type it → one canonical form, so that "LiFePO₄", "lifepo4" and
 * "LiFePO4 (LFP)" meet the same alias.
 */
const NON_WORD_RUNS = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * NFKC turns subscripts, superscripts, ligatures and full-width forms into plain characters
 * (LiFePO₄ → LiFePO4); accents are dropped so "Bismút" and "bismut" agree; every run of
 * punctuation or whitespace becomes one space.
 */
export function normalizeCommodity(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(NON_WORD_RUNS, " ")
    .trim();
}

/**
 * A lookup key that ignores regular English plurals, word by word ("NdFeB magnets" → "ndfeb magnet"),
 * so aliases need not list both forms. Applied identically to aliases and to row text.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || !word.endsWith("s") || word.endsWith("ss")) return word;
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (ES_PLURAL.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

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
}

interface CachedForms {
  id: string;
  name: string;
  aliases: readonly string[];
  forms: readonly NameForm[];
}

const formsByItem = new WeakMap<object, CachedForms>();

function nameForm(text: string): NameForm {
  const normalized = normalizeCommodity(text);
  const words = commodityWords(normalized);
  return { normalized, key: words.join(" "), words: words.length };
}

function sameTexts(cached: CachedForms, item: NamedItem): boolean {
  if (cached.id !== item.id || cached.name !== item.name || cached.aliases.length !== item.aliases.length) return false;
  return cached.aliases.every((alias, k) => alias === item.aliases[k]);
}

/**
 * An item's id, name and aliases, in that order, in the matcher's terms. Checking the rules and
 * compiling them both need these for the same item objects, so they are worked out once per item
 * (and again if its texts have changed since).
 */
export function itemNameForms(item: NamedItem): readonly NameForm[] {
  const cached = formsByItem.get(item);
  if (cached !== undefined && sameTexts(cached, item)) return cached.forms;
  const forms = [item.id, item.name, ...item.aliases].map(nameForm);
  formsByItem.set(item, { id: item.id, name: item.name, aliases: [...item.aliases], forms });
  return forms;
}
