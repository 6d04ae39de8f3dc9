/**
 * Commodity text as people type it → one canonical form, so that "LiFePO₄", "lifepo4" and
 * "LiFePO4 (LFP)" meet the same alias, and "HS 8505.11" meets the HS index.
 */

const NON_WORD_RUNS = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const HS_PREFIX = /^hs(?: code)? /;
const HS_DIGITS = /^[\d ]+$/;
const SPACES = / /g;

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
 * The digits of an HS code written as `850511`, `8505.11`, `HS 8505.11` or `HS: 8505 11`, taken from
 * normalised text; null when the text is not an HS code. A code of odd length lost its leading zero
 * in a number-formatted cell (`50400` for `050400`), so the zero is put back.
 */
export function hsCodeDigits(normalized: string): string | null {
  const body = normalized.replace(HS_PREFIX, "");
  if (!HS_DIGITS.test(body)) return null;
  const digits = body.replace(SPACES, "");
  if (digits.length < 4) return null;
  const restored = digits.length % 2 === 1 ? `0${digits}` : digits;
  return restored.length <= 10 ? restored : null;
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
