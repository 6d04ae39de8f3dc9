/**
 * A firm's name → the words screening compares. Both sides (the row's supplier name and every listed name)
 * are read by this one function, so they meet however they were typed:
 * - case, accents, full-width forms and punctuation do not matter ("Gibbs&Cox" = "GIBBS & COX");
 * - damage on the way is undone: UTF-8 shown as Windows-1252 ("WrocÅ‚awska"), a 0 or 1 misread between letters
 *   ("L0CKHEED");
 * - dotted initials are joined ("K.K." → kk, "U.S.A." → usa) and legal forms set aside ("Inc.", "GmbH",
 *   "Co., Ltd.", "s.r.o.", "株式会社", "有限公司");
 * - traditional Chinese and Japanese character forms read as the simplified ones the notices use;
 * - abbreviations, plurals and spelling variants meet their full word ("Intl", "Techs", "Defence").
 * Word order is left to the comparison (screening.ts), which treats names as sets of words.
 */
import { repairMojibake } from "./mojibake";
import { simplifiedCharacter } from "../rules/cjk-variants";
import { stemWord } from "../rules/names";
import { ownedText } from "./owned-text";
import {
  ABBREVIATIONS,
  CJK_LEGAL_FORMS,
  CJK_SOFT_SUFFIXES,
  COMMON_WORDS,
  CYRILLIC_LEGAL_FORMS,
  CYRILLIC_NAME_WORDS,
  LEGAL_FORM_PHRASES,
  JAPANESE_NAME_WORDS,
  KOREAN_NAME_WORDS,
  LEGAL_FORMS,
  SOFT_WORDS,
  STOP_WORDS,
} from "./screening-tuning";
import { withinOneEdit } from "./spelling";

export interface NameToken {
  /** The word as written, folded (lower case, no accents): what compounds and initials are made of. */
  raw: string;
  /** The word as compared: abbreviation expanded, plural dropped, spelling unified ("labs" → laboratory). */
  canon: string;
  /** A run of Chinese, Japanese or Korean characters, compared character pair by character pair. */
  cjk: boolean;
  /** For a word written in Cyrillic, how it sounds (`soundOf`), to meet the Latin spelling it renders; else null. */
  sound: string | null;
}

export interface EntityNameForm {
  tokens: readonly NameToken[];
  /** The words run together, so "AeroVironment" meets "Aero Vironment" and "IronMountain" "Iron Mountain". */
  compact: string;
  /** The legal forms set aside, as found ("inc", "株式会社"), for the explanation. */
  legalForms: readonly string[];
}

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’`´]/g;
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_RUNS = /[\p{L}\p{N}ー]+/gu;
const SINGLE_LETTER = /^\p{L}$/u;

const LEGAL = new Set(LEGAL_FORMS);
/** Long legal forms, which a slip of one letter still names ("Corporaton", "Incorprated"); short ones would catch words. */
const SHORTEST_SLIPPED_LEGAL_FORM = 8;
const LONG_LEGAL_FORMS = LEGAL_FORMS.filter((form) => form.length >= SHORTEST_SLIPPED_LEGAL_FORM);

/** Long words already asked about: names repeat their words ("Supplier", "Technologies"), and few are legal forms. */
const SLIPPED_LEGAL_FORMS = new Map<string, boolean>();
const MOST_SLIPPED_LEGAL_FORMS = 20_000;

/** A folded word that is a legal form ("inc", "gmbh", "sa"), or a long one with a slip of one letter. */
export function isLegalForm(word: string): boolean {
  if (LEGAL.has(word)) return true;
  if (word.length < SHORTEST_SLIPPED_LEGAL_FORM) return false;
  let slipped = SLIPPED_LEGAL_FORMS.get(word);
  if (slipped === undefined) {
    slipped = LONG_LEGAL_FORMS.some((form) => withinOneEdit(word, form));
    if (SLIPPED_LEGAL_FORMS.size < MOST_SLIPPED_LEGAL_FORMS) SLIPPED_LEGAL_FORMS.set(ownedText(word), slipped);
  }
  return slipped;
}

/** The start of a legal form, as a name cut at its field's width may end ("… DEVELOPMENT CORPORA", "… CO LT"). */
export function beginsLegalForm(word: string): boolean {
  return LEGAL_FORMS.some((form) => form.length > word.length && form.startsWith(word));
}
const STOP = new Set(STOP_WORDS);

/**
 * Latin letters that carry no separable accent ("Wrocławska" is written "Wroclawska" in the notice), and Cyrillic
 * letters as Latin ones (the letters with a breve or diaeresis, й and ё, have lost it by then and are и and е).
 */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ł: "l", ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h",
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p",
  р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "a", ы: "y", ь: "", э: "e",
  ю: "yu", я: "ya", і: "i", ї: "i", є: "ye", ґ: "g", ў: "u", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz", ђ: "dj",
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const CYRILLIC_LEGAL = new Set(CYRILLIC_LEGAL_FORMS);
/** Bulgarian legal forms as Latin letters write them (AD, EAD, OOD, EOOD): a legal form only as a name's last word. */
const LATIN_END_LEGAL = new Set(["ad", "ead", "ood", "eood"]);

/**
 * How a word sounds, roughly, in the letters a Cyrillic spelling of an English or German name comes back as:
 * "Lockheed" and "Локхид" (folded lokkhid) both give "lokid", "Rheinmetall" and "Рейнметалл" both "reinmetal".
 */
export function soundOf(word: string): string {
  return word
    .replace(/dzh/g, "j")
    .replace(/kh/g, "h")
    .replace(/ck/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/[cq]/g, "k")
    .replace(/x/g, "ks")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/y/g, "i")
    .replace(/([^aeiou])h/g, "$1")
    .replace(/ee/g, "i")
    .replace(/ou|oo/g, "u")
    .replace(/(.)\1+/g, "$1");
}

const ASCII_ONLY = /^[\x20-\x7e\t\n\r]*$/;

/** A 0 or a 1 between two letters is an O or an I that a scan or a keyboard misread ("L0CKHEED", "Industr1es"). */
const MISREAD_DIGIT = /(?<=\p{L})[01](?=\p{L})/gu;
const readAsLetter = (digit: string): string => (digit === "0" ? "o" : "i");

/**
 * A name folded as `foldFully` folds it, once UTF-8 shown as Windows-1252 is repaired (mojibake.ts); plain ASCII,
 * most supplier names, takes the short way: it holds no mojibake, Unicode normalisation leaves it as it is and no
 * accent or variant table applies to it.
 */
export function foldName(text: string): string {
  return ASCII_ONLY.test(text) ? text.replace(APOSTROPHES, "").toLowerCase() : foldFully(repairMojibake(text));
}

export function foldFully(text: string): string {
  const plain = text.normalize("NFKC").replace(APOSTROPHES, "").toLowerCase().normalize("NFKD").replace(COMBINING_MARKS, "").normalize("NFC");
  let out = "";
  for (const character of plain) out += LATIN_LETTERS[character] ?? simplifiedCharacter(character);
  return out;
}

/** "ihi宇航" → "ihi", "宇航": a CJK run is compared as a whole, apart from Latin words written against it. */
function splitScripts(run: string): string[] {
  const parts: string[] = [];
  let current = "";
  let currentIsCjk = false;
  for (const character of run) {
    const isCjk: boolean = CJK_CHARACTER.test(character) || (character === "ー" && currentIsCjk);
    if (current !== "" && isCjk !== currentIsCjk) {
      parts.push(current);
      current = "";
    }
    current += character;
    currentIsCjk = isCjk;
  }
  if (current !== "") parts.push(current);
  return parts;
}

/** The Japanese and Korean name words, folded as names are (電機 is read as 电机), longest first for the greedy reading below. */
const TRANSLATED_NAME_WORDS: readonly (readonly [string, readonly string[]])[] = [...Object.entries(JAPANESE_NAME_WORDS), ...Object.entries(KOREAN_NAME_WORDS)]
  .map(([written, english]) => [foldFully(written), english.split(" ")] as const)
  .sort((a, b) => b[0].length - a[0].length);
const LONGEST_TRANSLATED_WORD = Math.max(...TRANSLATED_NAME_WORDS.map(([written]) => written.length));

/** A CJK run read as the English words of a firm's name in Japanese or Korean, when those words make up all of it; else null. */
function englishWordsOfName(run: string): string[] | null {
  const english: string[] = [];
  let at = 0;
  while (at < run.length) {
    const rest = run.slice(at, at + LONGEST_TRANSLATED_WORD);
    const found = TRANSLATED_NAME_WORDS.find(([written]) => rest.startsWith(written));
    if (found === undefined) return null;
    english.push(...found[1]);
    at += found[0].length;
  }
  return english;
}

/** Runs of two or more single letters are one word: "k k" → "kk", "u s a" → "usa", "e s" → "es". */
function joinInitials(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = "";
  const flush = () => {
    if (run !== "") out.push(run);
    run = "";
  };
  for (const word of words) {
    if (SINGLE_LETTER.test(word) && !CJK_CHARACTER.test(word)) {
      run += word;
    } else {
      if (run.length === 1) out.push(run);
      else flush();
      run = "";
      out.push(word);
    }
  }
  if (run.length === 1) out.push(run);
  else flush();
  return out;
}

/** Removes legal forms at either end of a run of CJK characters (a run may be several words written together). */
function stripCjkForms(run: string, removed: string[]): string {
  // A run that is only a legal form ("株式会社SUBARU" splits into 株式会社 and SUBARU) goes whole.
  if (CJK_LEGAL_FORMS.includes(run)) {
    removed.push(run);
    return "";
  }
  let text = run;
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of [...CJK_LEGAL_FORMS, ...CJK_SOFT_SUFFIXES]) {
      if (text.length > form.length && text.endsWith(form)) {
        text = text.slice(0, -form.length);
        removed.push(form);
        changed = true;
      } else if (text.length > form.length && text.startsWith(form) && CJK_LEGAL_FORMS.includes(form)) {
        text = text.slice(form.length);
        removed.push(form);
        changed = true;
      }
    }
  }
  return text;
}

/** The legal-form phrases by their first word, in the order the list gives them. */
const LEGAL_PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of LEGAL_FORM_PHRASES) {
    const list = byFirst.get(phrase[0]);
    if (list === undefined) byFirst.set(phrase[0], [phrase]);
    else list.push(phrase);
  }
  return byFirst;
})();

function removeLegalPhrases(words: string[], removed: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = LEGAL_PHRASES_BY_FIRST_WORD.get(words[i])?.find((p) => p.every((word, k) => words[i + k] === word));
    if (phrase) {
      removed.push(phrase.join(" "));
      i += phrase.length - 1;
    } else out.push(words[i]);
  }
  return out;
}

const GENERIC = new Set([...COMMON_WORDS, ...SOFT_WORDS]);

/**
 * The comparable form of one Latin word: an abbreviation's full word; a generic word without its plural
 * ("Systems" → system, "Industries" → industry). A firm's own name keeps its letters: "Neros" is not "Nero".
 */
export function canonicalWord(raw: string): string {
  let canonical = CANONICAL_WORDS.get(raw);
  if (canonical === undefined) {
    canonical = canonicalWordOf(raw);
    if (CANONICAL_WORDS.size < MOST_CANONICAL_WORDS && !HAS_DIGIT.test(raw)) CANONICAL_WORDS.set(ownedText(raw), canonical);
  }
  return canonical;
}

/** Words recur across names far more than they vary: each is made canonical once (a pure function's memo). Codes and numbers seldom recur, so they are not kept. */
const HAS_DIGIT = /\d/;
const CANONICAL_WORDS = new Map<string, string>();
const MOST_CANONICAL_WORDS = 50_000;

function canonicalWordOf(raw: string): string {
  const direct = ABBREVIATIONS[raw];
  if (direct !== undefined) return direct;
  const stem = stemWord(raw);
  const abbreviated = ABBREVIATIONS[stem];
  if (abbreviated !== undefined) return abbreviated;
  return GENERIC.has(stem) ? stem : raw;
}

/**
 * Reads a firm's name. A name made only of legal forms or stop words ("Co., Ltd.") keeps them, so that
 * something is left to compare; an empty or punctuation-only text has no tokens.
 */
export function readEntityName(text: string): EntityNameForm {
  const plain = foldName(text);
  const folded = plain.includes("0") || plain.includes("1") ? plain.replace(MISREAD_DIGIT, readAsLetter) : plain;
  const runs = folded.match(WORD_RUNS) ?? [];
  // Only a name with non-ASCII characters can hold a CJK run to split off.
  const maybeCjk = !ASCII_ONLY.test(folded);
  const words = joinInitials(maybeCjk ? runs.flatMap(splitScripts) : runs);
  const legalForms: string[] = [];
  const tokens: NameToken[] = [];
  if (!ASCII_ONLY.test(text) && CYRILLIC.test(text)) return readCyrillicName(words, legalForms, tokens);
  const latinWords = removeLegalPhrases(words, legalForms);
  // "Opticoelectron Group AD": Bulgarian legal forms in Latin letters end a name; first, "AD" may be initials.
  if (latinWords.length >= 2 && LATIN_END_LEGAL.has(latinWords[latinWords.length - 1])) legalForms.push(latinWords.pop()!);
  for (const word of latinWords) {
    if (maybeCjk && CJK_CHARACTER.test(word)) {
      const stripped = stripCjkForms(word, legalForms);
      const english = stripped === "" ? null : englishWordsOfName(stripped);
      if (english !== null) {
        // "コーポレーション", "코퍼레이션": a legal form written out in the script is still one.
        for (const latin of english) {
          if (isLegalForm(latin)) legalForms.push(latin);
          else if (!STOP.has(latin)) tokens.push({ raw: latin, canon: canonicalWord(latin), cjk: false, sound: null });
        }
      } else if (stripped !== "") tokens.push({ raw: stripped, canon: stripped, cjk: true, sound: null });
    } else if (isLegalForm(word)) legalForms.push(word);
    else if (!STOP.has(word)) tokens.push({ raw: word, canon: canonicalWord(word), cjk: false, sound: null });
  }
  return finishName(words, legalForms, tokens, maybeCjk);
}

/** A name written in Cyrillic, folded to Latin letters: its words as English spells them where it can, else by how they sound. */
function readCyrillicName(words: readonly string[], legalForms: string[], tokens: NameToken[]): EntityNameForm {
  for (const written of words) {
    const word = CYRILLIC_NAME_WORDS[written] ?? written;
    if (CYRILLIC_LEGAL.has(word) || isLegalForm(word)) legalForms.push(word);
    else if (!STOP.has(word)) tokens.push({ raw: word, canon: canonicalWord(word), cjk: false, sound: word === written ? soundOf(word) : null });
  }
  return finishName(words, legalForms, tokens, false);
}

function finishName(words: readonly string[], legalForms: string[], tokens: NameToken[], maybeCjk: boolean): EntityNameForm {
  if (tokens.length === 0) {
    for (const word of words) if (!maybeCjk || !CJK_CHARACTER.test(word)) tokens.push({ raw: word, canon: canonicalWord(word), cjk: false, sound: null });
    legalForms.length = 0;
  }
  return { tokens, compact: tokens.map((token) => token.raw).join(""), legalForms };
}

/** Character pairs of a CJK run (a one-character run is its own pair). */
export function cjkPairs(run: string): string[] {
  const characters = [...run];
  if (characters.length < 2) return characters;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < characters.length; i++) pairs.push(characters[i] + characters[i + 1]);
  return pairs;
}
