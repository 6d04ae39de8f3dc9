/**
 * A commodity line → the words it is made of, grouped into chunks. A chunk ends at punctuation (`,` `;` `:`
 * brackets, a spaced dash) and at a preposition that starts a phrase about something else ("for", "with",
 * "für", "pour", "用"): what the line IS is said in the first chunk with words; the others describe it.
 * Each word is reduced to a canonical word (plural stripped, foreign or abbreviated forms given as English);
 * an unknown word may be a compound ("NdFeBmagnet", "Wolframpulver"), a truncation ("LITH", "GRAPH") or a
 * misspelling ("neodynium") of words the rules use, and is then read as those, with the reason kept.
 * Numbers, the units after them, part and grade codes ("YXG-26H", "MFI 12") are specs, not names: they are
 * dropped, and the first one marks where the line's name ends and its specification begins.
 */
import { foldCharacters, stemWord } from "../rules/names";
import { isCountryName } from "./countries";
import { ASIDE_PREPOSITIONS, DESCRIPTORS, DOPED_WORDS, ELEMENTS, FORM_PREPOSITIONS, FREIGHT_WORDS, NUMBER_LABELS, OF_PREPOSITIONS, ON_PREPOSITIONS, TRADE_TERMS, UNITS, canonicalWords, isCjk, readVietnamese, russianStem } from "./lexicon";

export interface Segmenter {
  segment(run: string): readonly { text: string; keys: readonly string[]; known: boolean }[];
}

/** How a word was understood: as written, translated or expanded by the lexicon, or repaired. */
export type WordVia = "written" | "lexicon" | "compound" | "truncation" | "spelling";

export interface Word {
  /** The word as the line writes it (folded), for explanations. */
  text: string;
  /** What it may stand for, best first; usually one canonical word. */
  keys: readonly string[];
  via: WordVia;
  /** "of": links a thing to what it is made of ("lingot de gallium"), so it is kept in place. */
  role: "word" | "of";
  /** Order in the line, across chunks. */
  position: number;
  chunk: number;
  /** A spec (number, code) came before it in its chunk: it belongs to the specification, not the name. */
  afterSpec: boolean;
  /**
   * The word qualifies the next one: a grade ("battery" in "battery grade") or the material of a coating ("nickel"
   * in "nickel plated"). It describes; it is not the goods.
   */
  qualifier: boolean;
  /**
   * The word is the letters of a code or a document number written before its digits ("CCGW 09T304", "MAT 300112",
   * "RM-PCAM-811"): an abbreviation the rules do not know, or a word that labels a number. It names nothing.
   */
  code: boolean;
  /** The word names a country or, after a trade term, a port ("China origin", "FOB Shanghai"): it says where, not what. */
  place: boolean;
}

/** How a chunk began: the line's start, punctuation, a preposition of purpose/parts, or of form ("en lingots"). */
export type ChunkOpener = "start" | "separator" | "aside" | "form";

export interface Chunk {
  index: number;
  opener: ChunkOpener;
  /** The preposition that opened an aside ("for", "with", "用"…). */
  preposition: string | null;
  words: Word[];
}

export interface Line {
  chunks: Chunk[];
  words: Word[];
}

/** What the reading of unknown words can use: the rules' vocabulary and a spelling index. */
export interface WordRepair {
  /** Per-ruleset memo of how each written word reads (words repeat far more than they vary). */
  readonly words: Map<string, readonly RawWord[]>;
  isKnown(key: string): boolean;
  /** A word some item's name uses (not just the lexicon). */
  isName(key: string): boolean;
  /**
   * Known words this unknown word is a compound, truncation or near spelling of. Truncations are looked for
   * only in lines written in capitals, as ERP extracts are ("LITH CARB"): in ordinary text a short word is
   * a word ("wind" is not "winder").
   */
  repair(key: string, options: { truncated: boolean }): { keys: readonly string[]; via: WordVia } | null;
}

/** A colon separates only before a space or the end: "Licence: know-how", but "Ho:YAG" is one thing. */
const SEPARATORS = /[,;()[\]{}|•\n\r\t"]+|:(?=\s|$)|\s[-–—]+\s|[–—]+/u;
const WORDS = /[\p{L}\p{N}]+/gu;
/** The same for text that is plain ASCII (after folding, most lines), without Unicode classes. */
const ASCII_WORDS = /[a-z0-9]+/g;
const ASCII_PIECE = /^[\t-~]*$/;
const SCRIPT_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;
const DIGIT = /\d/;
/** Any Chinese, Japanese or Korean character (a fast test before splitting a word by script). */
const ANY_CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff]/u;
const ONLY_DIGITS = /^\d+$/;
const LETTER_RUNS = /\p{L}+/gu;
/**
 * "P/N 2217", "p / n: DS-VF2", "S/N 4471": the label of a part or serial number, one word ("pn", a descriptor), not the words "p" and "n";
 * the code after it (a token with a digit) goes with it.
 */
const PART_NUMBER_LABEL = /(?<![\p{L}\p{N}])[ps]\s?\/\s?n(?![\p{L}\p{N}])(?:\.?\s?[:#]?\s?(?=[\p{L}\p{N}./-]*\d)[\p{L}\p{N}][\p{L}\p{N}./-]*)?/gu;

/** "W/ NdFeB magnet pack", "w/o coating": with and without as purchasing lines abbreviate them ("W/Cu" is tungsten-copper). */
const WITH_ABBREVIATED = /(?<![\p{L}\p{N}])w\/(o)?(?=\s|$)/gu;
/** "UPS 10 KVA C/W BATTERY CABINET": complete with, as English engineering lines abbreviate it. */
const COMPLETE_WITH = /(?<![\p{L}\p{N}])c\/w(?![\p{L}\p{N}])/gu;

/**
 * "NUCLEO CERAMICO P/ PALHETA", "MOTOR C/ IMA", "BARRA S/ USINAGEM": para, com (con) and sem (sin) as Portuguese and
 * Spanish lines abbreviate them; "P/CELDAS" and "C/CAMARA" are written joined too (a joined "s/" is a rate: "0.25 s/sheet").
 */
const ROMANCE_ABBREVIATED = /(?<![\p{L}\p{N}])(?:([pcs])\/(?=\s)|([pc])\/(?=\p{L}{3}))/gu;
const ROMANCE_WRITTEN_OUT: Readonly<Record<string, string>> = { p: " para ", c: " com ", s: " sem " };

/**
 * "ANTIMONY-FREE", "Dy-free", "lead-free": what the goods are without. The word is dropped, so the line no longer
 * names it; "free" stays, a word of no item.
 */
const WITHOUT_WORD = /(?<![\p{L}\p{N}])\p{L}[\p{L}\p{N}]*-free(?![\p{L}\p{N}])/gu;

/**
 * "SUS304", "SS316L", "AISI 304": a stainless steel by its three-digit grade, read as "ss" (stainless steel) and the
 * grade; the precipitation-hardening grades by name ("17-4PH", "15-5PH", "13-8PH"). JIS "SS400" is a structural carbon
 * steel, so "SS" only before a 200 or 300 series grade.
 */
const STAINLESS_GRADE = /(?<![\p{L}\p{N}])(?:(?:sus|aisi)[\s-]?([2-4]\d\d[a-z]{0,2})|ss[\s-]?([23]\d\d[a-z]{0,2})|(17-4|15-5|13-8)\s?ph)(?![\p{L}\p{N}])/gu;
const STAINLESS_HINT = /(?:sus|ss|aisi)[\s-]?[2-4]\d\d|\d-\d\s?ph/;

/**
 * "CR2032", "CR123A", "BR2032", "ER14505": a lithium primary (non-rechargeable) cell by its IEC designation, which says
 * "primary" as plainly as the word does.
 */
const PRIMARY_LITHIUM_CELL = /(?<![\p{L}\p{N}])(?:cr\d{3,4}a?|br\d{4}|er\d{5})(?![\p{L}\p{N}])/gu;
const PRIMARY_LITHIUM_HINT = /(?:cr|br|er)\d{3}/;

/** "ex-works Antwerp", "EX WORKS", "ab Werk": the Incoterm EXW written out. */
const EX_WORKS = /(?<![\p{L}\p{N}])(?:ex[-\s]?works?|ab\s+werk)(?![\p{L}\p{N}])/gu;

/** "WINDING M/C", "FILLING M/C": a machine. */
const MACHINE_ABBREVIATED = /(?<![\p{L}\p{N}])m\/c(?![\p{L}\p{N}])/gu;

/**
 * "non-rechargeable", "NON RECHARGEABLE", "non-magnetic": the negation joined to its word, which then says the
 * opposite of the word alone.
 */
const NEGATED_WORD = /(?<![\p{L}\p{N}])non[- ](?=\p{L}{3})/gu;

/**
 * "fibre doped with erbium", "FIBRA DOPADA CON ERBIO", "Faser dotiert mit Erbium": written as names write it, the dopant
 * first ("erbium doped fibre"), so the dopant is neither an aside (what a thing comes with) nor the head of the line
 * ("silicon doped with gallium" is silicon). One word each side.
 */
const DOPED_WITH = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{L}[\\p{L}\\p{N}]*)\\s+(${DOPED_WORDS.filter((word) => /^[a-z]+$/.test(word)).join("|")})\\s+(?:with|mit|avec|con|com|met|z)\\s+(\\p{L}[\\p{L}\\p{N}]*)`,
  "gu",
);
const DOPED_HINT = /dop|drog|dotier|domieszk|gedoteerd|legovan/;

/**
 * "InGaAs/InP epi wafer": in an epitaxial wafer's name the layer comes before the slash and the substrate it is grown
 * on after it, so it reads as "InGaAs on InP", the goods being the layer.
 */
const LAYER_ON_SUBSTRATE = /\b([a-z][a-z0-9.]{1,11})\/(inp|gaas|si|sic|ge|sapphire)\b/g;
const EPITAXY_HINT = /epi|磊晶|外延|エピ|에피/u;

/**
 * An aluminium alloy by its four-digit number: with a temper after it ("6082-T6", "5754 H111", JIS "A5052 H32") or
 * the Aluminum Association's or EN's prefix before it ("AA6061", "EN AW-6060"). Written "aa" and the number, one word.
 */
const ALLOY_NUMBER_WITH_TEMPER = /(?<![\p{L}\p{N}.,/-])(?:(?:en[\s-]?)?aw[\s-]?|aa[\s-]?|a)?([1-8](?!000)\d{3})[\s-]?(t\d{1,4}|h\d{2,3})(?![\p{L}\p{N}])/gu;
const ALLOY_NUMBER_WITH_PREFIX = /(?<![\p{L}\p{N}])(?:(?:en[\s-]?)?aw[\s-]?|aa[\s-]?)([1-8](?!000)\d{3})(?![\p{L}\p{N}])/gu;
const ALLOY_NUMBER_HINT = /\d{4}[\s-]?[th]\d|aw[\s-]?\d|aa[\s-]?\d/;
/** Scandium in the line: the numbered Al-Mg-Sc alloys (AA5024, AA5028) are the Al-Sc item's, which its names decide, so the number stays a number. */
const SCANDIUM_HINT = /(?<![\p{L}\p{N}])sc(?![\p{L}\p{N}])|scand|скандий/u;

/**
 * Folded text with purchasing shorthand made plain: aluminium alloy numbers marked, a lithium primary cell's
 * designation followed by "primary", stainless grades written apart, part-number labels joined, "w/", "w/o", "p/",
 * "c/", "s/" and "m/c" written out, "non-" joined to its word, the word before "-free" dropped, "ex works" as EXW, an
 * epitaxial layer written before "on" its substrate and "X doped with Y" written dopant first (the reading key does the
 * same, so keys follow readings).
 */
export function expandShorthand(folded: string): string {
  const alloys = !ALLOY_NUMBER_HINT.test(folded)
    ? folded
    : SCANDIUM_HINT.test(folded)
      ? folded.replace(ALLOY_NUMBER_WITH_PREFIX, "$1")
      : folded.replace(ALLOY_NUMBER_WITH_TEMPER, "aa$1 $2").replace(ALLOY_NUMBER_WITH_PREFIX, "aa$1");
  const cells = PRIMARY_LITHIUM_HINT.test(alloys) ? alloys.replace(PRIMARY_LITHIUM_CELL, "$& primary") : alloys;
  const graded = STAINLESS_HINT.test(cells) ? cells.replace(STAINLESS_GRADE, (_match, grade: string | undefined, ssGrade: string | undefined, phGrade: string | undefined) => `ss ${grade ?? ssGrade ?? `${phGrade}ph`}`) : cells;
  const negated = (graded.includes("non") ? graded.replace(NEGATED_WORD, "non") : graded).replace(WITHOUT_WORD, "free").replace(EX_WORKS, "exw");
  const written = !negated.includes("/")
    ? negated
    : negated
        .replace(PART_NUMBER_LABEL, "pn")
        .replace(COMPLETE_WITH, " with ")
        .replace(WITH_ABBREVIATED, (_match, without: string | undefined) => (without === undefined ? " with " : " without "))
        .replace(ROMANCE_ABBREVIATED, (_match, apart: string | undefined, joined: string | undefined) => ROMANCE_WRITTEN_OUT[apart ?? joined!])
        .replace(MACHINE_ABBREVIATED, " machine ");
  const epitaxy = written.includes("/") && EPITAXY_HINT.test(written) ? written.replace(LAYER_ON_SUBSTRATE, "$1 on $2") : written;
  return DOPED_HINT.test(epitaxy) ? epitaxy.replace(DOPED_WITH, "$3 $2 $1") : epitaxy;
}

/** The mass number of an isotope after its element's hyphen ("177" in "Lu-177", "99m" in "Tc-99m"), alone. */
const MASS_NUMBER = /^\d{1,3}m?(?![\p{L}\p{N}.,])/u;
/** A ratio such as "2:17" is one spec, not a break between phrases. */
const RATIO = /(\d)\s*:\s*(\d)/g;
const CJK_PURPOSE_SUFFIXES = ["用", "向け", "用の", "용"].map(foldCharacters);
const CJK_TYPE_SUFFIXES = ["型", "형", "级", "級", "급"];
/** "电池用", "카메라용": at least two characters name the purpose; "专用" (dedicated) and "비용" (cost) are words. */
const SHORTEST_CJK_PURPOSE = 2;
/** "battery grade", "reagent quality": the word beside these names a grade. */
const GRADE_WORDS = new Set(["grade", "quality"]);
/** "99.999% trace metals basis": the word after "trace" says what the purity counts, not what the goods are. */
const TRACE = "trace";
/** "nickel plated", "epoxy coated": the word before these is what the surface is made of, not what the line is. */
const COATING_WORDS = new Set(["plated", "coated", "clad", "plating", "coating"]);
/** "Y2O3 coated", "gold plated": an element or a formula just before a surface already applied is the coating. */
const SURFACE_DONE = new Set(["plated", "coated"]);
const FORMULA_WITH_NUMBERS = /^(?=[a-z]*\d)[a-z0-9]{3,8}$/;
const isSurfaceMaterial = (key: string): boolean => ELEMENTS.has(key) || FORMULA_WITH_NUMBERS.test(key);
const COATING_MATERIALS = new Set([
  ...["nickel", "ni", "zinc", "zn", "chrome", "chromium", "cr", "copper", "cu", "gold", "au", "silver", "ag", "tin", "sn"],
  ...["epoxy", "parylene", "ptfe", "teflon", "니켈", "아연", "크롬", "ニッケル", "亜鉛", "クロム", "镍", "锌", "铬"],
  ...["carbon", "kohlenstoff", "carbone", "carbono", "carbonio", "węgiel", "碳", "カーボン", "탄소"],
].map(foldCharacters));
const LOWER_CASE = /\p{Ll}/u;

/**
 * A text with no small letter, as ERP short texts are written ("LITH CARB"): there a short word may be a word cut
 * short. A line is read with the flag of the whole text it came in, also when only a part of it is read.
 */
export function writtenInCapitals(text: string): boolean {
  return !LOWER_CASE.test(text);
}
const LETTER = /\p{L}/u;
/** Letters inside an alphanumeric code kept as a word when they name something: "NCM811" → ncm. */
const SHORTEST_LETTERS_IN_CODE = 3;

export interface RawWord {
  text: string;
  keys: readonly string[];
  via: WordVia;
  number: boolean;
}

const number = (text: string): RawWord => ({ text, keys: [text], via: "written", number: true });

/**
 * An aluminium alloy's designation: by its elements ("AlSi10Mg", "AlMg3", "AlSi9Cu3", as EN 1706 and DIN write casting
 * and wrought alloys; scandium's are the Al-Sc item's own names), or by its number ("AA6061", which
 * `expandShorthand` makes of "6082-T6", "EN AW-6060", "A5052 H32").
 */
const ALUMINIUM_ALLOY = /^(?:al(?:(?:si|mg|cu|zn|mn|fe|ni|cr|ti|zr|li|ag|pb|bi|sn)\d*)+|aa[1-8](?!000)\d{3})$/;
const ALUMINIUM = "aluminium";
/**
 * A structural steel by its EN 10025 / EN 10149 name ("S235JR", "S355J2", "S355MC", "S690QL"): the grade is written in
 * place of the word steel on plate, sheet and beams.
 */
const STRUCTURAL_STEEL = /^s(?:235|275|355|420|460|500|550|600|650|690|700|890|960)(?:jr|j0|j2|j2\+?n|k2|n|nl|m|ml|mc|q|ql|ql1|g\d+)?(?:h|c|w)?$/;
const STEEL = "steel";

function alphanumeric(written: string, known: WordRepair | null): RawWord[] {
  const key = stemWord(written);
  if (ONLY_DIGITS.test(written)) return [number(written)];
  if (written.startsWith("a") && ALUMINIUM_ALLOY.test(written)) return [{ text: written, keys: [ALUMINIUM], via: "lexicon", number: false }];
  if (written.startsWith("s") && STRUCTURAL_STEEL.test(written)) return [{ text: written, keys: [STEEL], via: "lexicon", number: false }];
  if (known === null || known.isKnown(key)) return [{ text: written, keys: [key], via: "written", number: false }];
  const letters = (written.match(LETTER_RUNS) ?? []).filter((run) => run.length >= SHORTEST_LETTERS_IN_CODE && known.isName(run));
  return letters.length === 0 ? [number(written)] : [...letters.map((run) => ({ text: written, keys: [run], via: "written" as const, number: false })), number(written)];
}

function latinWord(written: string, known: WordRepair | null, capitals: boolean): RawWord[] {
  if (DIGIT.test(written)) return alphanumeric(written, known);
  const stem = stemWord(written);
  let canonical = canonicalWords(stem);
  if (canonical.length === 1 && canonical[0] === stem) canonical = canonicalWords(written);
  if (canonical.length === 1 && canonical[0] === written) {
    const russian = russianStem(written);
    if (russian !== null) canonical = canonicalWords(russian);
    if (canonical.length === 1 && canonical[0] === russian) canonical = [written];
  }
  const mapped = canonical.length !== 1 || (canonical[0] !== stem && canonical[0] !== written);
  if (mapped) return canonical.map((key) => ({ text: written, keys: [key], via: "lexicon" as const, number: false }));
  if (known === null || known.isKnown(stem) || stem.length <= 2) return [{ text: written, keys: [stem], via: "written", number: false }];
  // A country's name is a place, never a compound or a misspelling of something the rules name ("Singapore" is no gap + ore).
  if (written.length >= SHORTEST_COUNTRY_WORD && isCountryName(written)) return [{ text: written, keys: [stem], via: "written", number: false }];
  const repaired = known.repair(stem, { truncated: capitals });
  if (repaired === null) return [{ text: written, keys: [stem], via: "written", number: false }];
  if (repaired.via === "compound") return repaired.keys.map((key) => ({ text: written, keys: [key], via: "compound" as const, number: false }));
  return [{ text: written, keys: repaired.keys, via: repaired.via, number: false }];
}

const WORD_MEMO_LIMIT = 50_000;

function cachedLatinWord(written: string, known: WordRepair | null, capitals: boolean): readonly RawWord[] {
  if (known === null) return latinWord(written, null, capitals);
  const key = capitals ? `${written}\u0000` : written;
  let words = known.words.get(key);
  if (words === undefined) {
    words = latinWord(written, known, capitals);
    if (known.words.size < WORD_MEMO_LIMIT) known.words.set(key, words);
  }
  return words;
}

function cjkWords(run: string, segmenter: Segmenter): RawWord[] {
  return segmenter.segment(run).flatMap((piece) => piece.keys.map((key) => ({ text: piece.text, keys: [key], via: "written" as const, number: false })));
}

/** Every match of a global pattern of words (which never matches empty text) in a piece, as `matchAll` lists them. */
function wordMatches(piece: string, pattern: RegExp): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(piece); match !== null; match = pattern.exec(piece)) matches.push(match);
  return matches;
}

/**
 * Reads a line into chunks of words. `known` repairs unknown words against the rules' vocabulary; without it
 * (reading the rules' own names) words are taken as written.
 */
const PO = "po";
/** The longest abbreviation taken for a code's letters when the rules do not know it. */
const LONGEST_CODE_LETTERS = 5;
/** The letters of a code: Latin, or Cyrillic as Russian price lists write grades ("ПВТ 5", "АСМ 7/5"). */
const CODE_LETTERS = /^(?:[a-z]+|\p{Script=Cyrillic}+)$/u;

/** "Nr.", "No." between a label and its number ("Art.-Nr. 4711", "Mat. No. 300112"). */
const NUMBER_WORDS = new Set(["nr", "no", "nummer", "num", "numero"]);
/** "Line 10 NdFeB magnet": a purchase order's line number when the text starts with it; "line 3" later may be a production line. */
const LINE_NUMBER_LABELS = new Set(["line", "ln", "zeile", "ligne", "linea"]);

/** The word just before a number, when it is the letters of a code or a word labelling the number. */
function markCode(word: Word | undefined, known: WordRepair, before?: Word): Word | null {
  if (word === undefined || word.role !== "word" || word.code === true) return null;
  const key = word.keys[0];
  // "PO 88120": the label is read as written, whatever else the lexicon makes of it (po is also powder).
  const label = NUMBER_LABELS.has(word.text) || (word.via === "written" && NUMBER_LABELS.has(key)) || (word.position === 0 && LINE_NUMBER_LABELS.has(key));
  const abbreviation = isUnknownAbbreviation(word, known);
  if (NUMBER_WORDS.has(key) && before !== undefined && before.chunk === word.chunk) {
    if (markCode(before, known) === null) return null;
    word.code = true;
    return word;
  }
  if (!label && !abbreviation) return null;
  word.code = true;
  // "IMDS MDS 10233871", "PPAP PSW 4471": two unknown abbreviations that open the line both label its first number.
  if (before !== undefined && before.position === 0 && before.chunk === word.chunk && before.role === "word" && isUnknownAbbreviation(before, known)) before.code = true;
  return word;
}

function isUnknownAbbreviation(word: Word, known: WordRepair): boolean {
  const key = word.keys[0];
  return word.via === "written" && key.length >= 2 && key.length <= LONGEST_CODE_LETTERS && CODE_LETTERS.test(key) && !known.isKnown(key);
}

function unmarkCode(word: Word): null {
  word.code = false;
  return null;
}

export function readLine(text: string, segmenter: Segmenter, known: WordRepair | null, capitals = writtenInCapitals(text)): Line {
  const folded = expandShorthand(readVietnamese(text, foldCharacters(text))).replace(RATIO, "$1/$2");
  const chunks: Chunk[] = [];
  const words: Word[] = [];
  let position = 0;
  const open = (opener: ChunkOpener, preposition: string | null = null): Chunk => {
    const chunk = { index: chunks.length, opener, preposition, words: [] as Word[] };
    chunks.push(chunk);
    return chunk;
  };
  for (const piece of folded.split(SEPARATORS)) {
    let chunk = open(chunks.length === 0 ? "start" : "separator");
    /** The chunk's words from `from` on name a purpose (before 用, 용…): they become an aside, and a fresh chunk follows. */
    const asPurpose = (from: number, suffix: string): void => {
      const aside = open("aside", suffix);
      for (const word of chunk.words.splice(from)) {
        word.chunk = aside.index;
        aside.words.push(word);
      }
      chunk = open("separator");
    };
    let previousWasNumber = false;
    let codeLetters: Word | null = null;
    let quantityAfterCode = false;
    let specSeen = false;
    const matches = wordMatches(piece, ASCII_PIECE.test(piece) ? ASCII_WORDS : WORDS);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m];
      const previous = matches[m - 1];
      const before = match.index > 0 ? piece[match.index - 1] : " ";
      const end = match.index + match[0].length;
      const hyphenCode = piece[end] === "-" && end + 1 < piece.length && piece[end + 1] >= "0" && piece[end + 1] <= "9";
      const runs = ANY_CJK.test(match[0]) ? (match[0].match(SCRIPT_RUNS) ?? []) : [match[0]];
      let runStart = chunk.words.length;
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r];
        const cjk = runs.length > 1 || ANY_CJK.test(run) ? isCjk(run) : false;
        // "ESS용", "LED用": the Latin word joined to the suffix names what the goods are for; what follows starts afresh.
        // Written apart ("ESS 용", "LED 用"), the suffix names the word before it as the purpose.
        const joinedTo = r > 0 ? (isCjk(runs[r - 1]) ? -1 : runStart) : previous !== undefined && !ANY_CJK.test(previous[0]) ? chunk.words.length - 1 : -1;
        if (cjk && joinedTo >= 0 && joinedTo < chunk.words.length && CJK_PURPOSE_SUFFIXES.includes(run)) {
          asPurpose(joinedTo, run);
          runStart = 0;
          continue;
        }
        runStart = chunk.words.length;
        let raw = cjk ? cjkWords(run, segmenter) : cachedLatinWord(run, known, capitals);
        // "DS-VF2", "PS-12": a word the rules do not know, joined to a number, is part of the code ("NdFeB-42" stays
        // NdFeB). An element joined to a mass number ("Lu-177") is an isotope, no more the element than a code is.
        if (!cjk && known !== null && hyphenCode && raw.length === 1 && !raw[0].number && run === match[0]) {
          const key = raw[0].keys[0];
          if (!known.isKnown(key) || (ELEMENTS.has(match[0]) && MASS_NUMBER.test(piece.slice(end + 1)))) raw = [number(run)];
        }
        // "e-axle", "e-drive": the "e" of electric joined to a word is part of it, not the stopword "e".
        if (!cjk && run === "e" && match[0] === "e" && piece[end] === "-" && LETTER.test(piece[end + 1] ?? "")) {
          raw = [{ text: run, keys: [`${run}-`], via: "written", number: false }];
        }
        // "PO" is a purchase order ("raise PO for …", "PO 7719"); "pó de tungstênio" is powder in Portuguese.
        const purchaseOrder = !cjk && run === PO && !OF_PREPOSITIONS.has(matches[m + 1]?.[0] ?? "");
        if (purchaseOrder) raw = [{ text: run, keys: [run], via: "written", number: false }];
        const suffix = raw[raw.length - 1]?.text ?? "";
        // "动力型" (power type), "储能型": the dictionary splits a known word off the type suffix; the run says which kind.
        if (cjk && raw.length > 1 && CJK_TYPE_SUFFIXES.includes(suffix) && run.length - suffix.length >= SHORTEST_CJK_PURPOSE) {
          raw = [{ text: run, keys: [run], via: "written", number: false }];
        }
        const purpose = cjk && raw.length > 1 && CJK_PURPOSE_SUFFIXES.includes(suffix) && run.length - suffix.length >= SHORTEST_CJK_PURPOSE;
        if (purpose) {
          // "线切割用" (for wire cutting): the run names a purpose, and what follows starts afresh.
          chunk = open("aside", raw[raw.length - 1].text);
          raw = raw.slice(0, -1);
        }
        for (const word of raw) {
          const key = word.keys[0];
          const first = words.length === 0;
          if (word.number || (previousWasNumber && UNITS.has(key))) {
            if (word.number && !previousWasNumber && known !== null) {
              codeLetters = markCode(chunk.words[chunk.words.length - 1], known, chunk.words[chunk.words.length - 2]);
              quantityAfterCode = ONLY_DIGITS.test(word.text);
            }
            // "E-bike 250 W": letters before a quantity are no code ("INV48-A" stays one).
            else if (!word.number && codeLetters !== null && quantityAfterCode) codeLetters = unmarkCode(codeLetters);
            previousWasNumber = word.number || previousWasNumber;
            // "Grade 28 Samarium Cobalt Disc Magnet": a number after words that only describe ("grade", "type") opens no spec.
            if (chunk.words.some((written) => !DESCRIPTORS.has(written.keys[0]))) specSeen = true;
            continue;
          }
          // "Grade 28 Samarium Cobalt": the number was the grade, so the word after it is no grade (see below).
          const afterNumber = previousWasNumber;
          previousWasNumber = false;
          codeLetters = null;
          // "モーター用ネオジム磁石": inside a run the suffix follows its purpose, so the run's words before it are the aside.
          if (cjk && !first && CJK_PURPOSE_SUFFIXES.includes(key) && chunk.words.length > runStart) {
            let length = 0;
            for (let k = runStart; k < chunk.words.length; k++) length += chunk.words[k].text.length;
            if (length >= SHORTEST_CJK_PURPOSE) {
              asPurpose(runStart, key);
              runStart = 0;
              specSeen = false;
              continue;
            }
          }
          // "wafer on InP" starts an aside; "GaN-on-Si" and "GaN on Si" name one thing.
          const onPreposition = ON_PREPOSITIONS.has(key) && /\s/.test(before) && previous !== undefined && previous[0].length > 4;
          if (!first && word.via !== "compound" && (ASIDE_PREPOSITIONS.has(key) || onPreposition)) {
            chunk = open("aside", key);
            specSeen = false;
            continue;
          }
          if (!first && !cjk && FORM_PREPOSITIONS.has(key)) {
            chunk = open("form");
            specSeen = false;
            continue;
          }
          const role = OF_PREPOSITIONS.has(key) && !first ? "of" : "word";
          const previousWord = chunk.words[chunk.words.length - 1];
          if (previousWord !== undefined && GRADE_WORDS.has(key)) previousWord.qualifier = true;
          if (previousWord !== undefined && COATING_WORDS.has(key) && (COATING_MATERIALS.has(previousWord.keys[0]) || (SURFACE_DONE.has(key) && isSurfaceMaterial(previousWord.keys[0])))) {
            previousWord.qualifier = true;
          }
          // Every field is set here, none added later: words of one shape keep the reading code optimised (see lastRead in match.ts).
          const entry: Word = {
            text: word.text,
            keys: word.keys,
            via: word.via,
            role,
            position: position++,
            chunk: chunk.index,
            afterSpec: specSeen,
            qualifier: false,
            code: purchaseOrder,
            place: false,
          };
          // "grado batería", "qualité batterie": in Romance order the grade comes first.
          if (previousWord !== undefined && !afterNumber && (GRADE_WORDS.has(previousWord.keys[0]) || previousWord.keys[0] === TRACE)) entry.qualifier = true;
          chunk.words.push(entry);
          words.push(entry);
        }
        if (purpose) chunk = open("separator");
      }
    }
  }
  if (known !== null) {
    markPlacesInFreight(chunks, words, known);
    markPlaces(words, known);
  }
  return { chunks, words };
}

/** A country's name is four letters at least ("Peru", "Chile", "Japan"): shorter words are codes or other words. */
const SHORTEST_COUNTRY_WORD = 4;

/**
 * Words that say where: a country's name, one or two words ("Vietnam", "South Korea"), that no item's name uses,
 * and the words the rules do not know after a trade term ("FOB Shanghai", "CIF Rotterdam").
 */
function markPlaces(words: readonly Word[], known: WordRepair): void {
  let afterTerm = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const previous = words[i - 1];
    const portWord = afterTerm && previous !== undefined && previous.chunk === word.chunk;
    afterTerm = TRADE_TERMS.has(word.keys[0]);
    if (word.role !== "word" || word.via !== "written" || known.isName(word.keys[0])) continue;
    if (portWord && !known.isKnown(word.keys[0])) {
      word.place = true;
      afterTerm = true;
      continue;
    }
    if (word.text.length < SHORTEST_COUNTRY_WORD || !isCountryName(word.text)) continue;
    word.place = true;
    if (previous !== undefined && previous.chunk === word.chunk && previous.via === "written" && isCountryName(`${previous.text} ${word.text}`)) previous.place = true;
  }
}

/**
 * In a freight line the words the rules do not know are places, ports, carriers and container codes
 * ("Ocean freight Ningbo–Gdańsk", "SEA FRT NGB-HAM 1X40HC", "FRACHT SPEDITION DSV"): they name nothing.
 */
function markPlacesInFreight(chunks: readonly Chunk[], words: readonly Word[], known: WordRepair): void {
  // "Cargo insurance for NdFeB magnet shipment" is insurance: a freight word in an aside does not make the line freight.
  const freight = (word: Word) => chunks[word.chunk].opener !== "aside" && word.keys.some((key) => FREIGHT_WORDS.has(key));
  if (!words.some(freight)) return;
  for (const word of words) {
    // A port code in capitals ("DEHAM") may have been taken for a word cut short or misspelt: that guess is dropped too.
    const guessed = word.via === "truncation" || word.via === "spelling";
    if (word.role === "word" && (guessed || (word.via === "written" && !known.isKnown(word.keys[0])))) word.code = true;
  }
}

/** The canonical words of a text read as written (for the rules' own names and phrases). */
export function wordsOf(text: string, segmenter: Segmenter): string[] {
  return readLine(text, segmenter, null).words.map((word) => word.keys[0]);
}

/**
 * The phrases a name is made of: "Gallium arsenide (GaAs)" → [gallium arsenide], [gaas]; a phrase about
 * something else is not the name ("diamond wire for wafer slicing" → [diamond wire]); "fenêtre en germanium"
 * stays one phrase.
 */
export function namePhrasesOf(text: string, segmenter: Segmenter): string[][] {
  const phrases: string[][] = [];
  for (const chunk of readLine(text, segmenter, null).chunks) {
    const keys = chunk.words.map((word) => word.keys[0]);
    if (chunk.opener === "aside") continue;
    if (chunk.opener === "form" && phrases.length > 0) phrases[phrases.length - 1].push(...keys);
    else phrases.push(keys);
  }
  return phrases.filter((keys) => keys.length > 0);
}
