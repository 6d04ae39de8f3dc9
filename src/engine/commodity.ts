/**
 * Commodity text → what the matcher reads: the canonical form (from the rules' naming rules, so aliases
 * and row text meet) and the digits of an HS code.
 */
export { aliasKey, commodityWords, foldCharacters, itemNames, normalizeCommodity, stemWord, type ItemName, type NameForm } from "../rules/names";

const HS_PREFIX = /^hs(?: code)? /;
const HS_DIGITS = /^[\d ]+$/;
const SPACES = / /g;

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

