/** The tunables of commodity matching, in one place; docs/scoring.md explains each. */

/** Below this the tolerant text match is refused and the row is reported unmatched. */
export const MIN_FUZZY_CONFIDENCE = 0.65;
/** Below this an accepted match carries a `low_confidence_match` warning. */
export const LOW_CONFIDENCE_BELOW = 0.8;
/** Confidence given to an alias found as a phrase inside longer text. */
export const PHRASE_IN_TEXT_CONFIDENCE = 0.9;
/** A whole-text misspelling this close wins over an alias found inside the text. */
export const FUZZY_BEATS_PHRASE = 0.85;
/** Aliases shorter than this are matched only as the whole cell, never inside longer text ("in", "ga"). */
export const SHORTEST_ALIAS_IN_TEXT = 3;
/** Longer text cannot be a misspelt alias; only the phrase search applies to it. */
export const LONGEST_FUZZY_TEXT = 64;
/** How many of fuse.js's best candidates are re-scored. */
export const FUZZY_CANDIDATES = 5;
/** The memo stops growing here so a sheet of unique junk cannot exhaust memory; later texts are still matched. */
export const MEMO_LIMIT = 200_000;

/**
 * Confidence = (1 − fuse score) × length ratio, so an alias can only be accepted when its length is
 * within this ratio of the text's; candidates outside that band need not be searched at all.
 */
export function aliasLengthBand(textLength: number): { shortest: number; longest: number } {
  return {
    shortest: Math.ceil(textLength * MIN_FUZZY_CONFIDENCE),
    longest: Math.floor(textLength / MIN_FUZZY_CONFIDENCE),
  };
}
