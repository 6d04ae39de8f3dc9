/** The tunables of commodity matching, in one place; docs/scoring.md explains each. */

/** Below this an accepted match carries a `low_confidence_match` warning. */
export const LOW_CONFIDENCE_BELOW = 0.8;

/** The line is nothing but one name of the item (and specs). */
export const WHOLE_NAME_CONFIDENCE = 1;
/** A name written as such, and what the line is. */
export const NAME_CONFIDENCE = 0.95;
/** A name whose words are in another order or another chunk ("MAGNET, NDFEB"), or a form "of" it. */
export const REORDERED_CONFIDENCE = 0.9;
/** A technology or service read from what it is about. */
export const ABOUT_CONFIDENCE = 0.85;
/** A name that needed a compound split or a truncation completed ("NDFEBMAGNET", "LITH CARB"). */
export const REPAIRED_CONFIDENCE = 0.85;
/** A name that needed a misspelling corrected: flagged for a check. */
export const MISSPELT_CONFIDENCE = 0.75;
/** The HS code decided alone, or text and code agree. */
export const HS_CODE_CONFIDENCE = 1;

/** At most this many suggestions for an unread line. */
export const MOST_SUGGESTIONS = 3;
/** Longer text is cut before reading: nobody writes a commodity in more. */
export const LONGEST_READ = 400;
/** The memo stops growing here so a sheet of unique junk cannot exhaust memory; later texts are still matched. */
export const MEMO_LIMIT = 200_000;
