import { ownedText } from "./owned-text";
import isoCodes from "i18n-iso-countries/codes.json";
import english from "i18n-iso-countries/langs/en.json";

/**
 * The ISO 3166-1 codes ([alpha-2, alpha-3, numeric, …]) and English names (a name, or the official name first
 * and then others) of i18n-iso-countries, read from its data files. Its functions are not needed here, and its
 * module brings a name-folding library of its own into the add-in's first load.
 */
const ENGLISH_NAMES: Readonly<Record<string, string | readonly string[]>> = english.countries;

/**
 * Spellings the library does not know but supplier lists use: everyday and former names, ERP abbreviations, and
 * the names of the World Bank's and IMF's tables that analysts paste from ("Korea, Rep.", "Egypt, Arab Rep.").
 * Punctuation and case do not matter (`countryKey`). Hong Kong, Macau and Taiwan are deliberately absent from
 * the "China" entries: they are separate customs territories. "Republic of China" and "ROC" are left out: they
 * are Taiwan's own name, and a cell that says them may as well be a misread "PRC".
 */
const VARIANTS_MISSING_FROM_LIBRARY: Readonly<Record<string, readonly string[]>> = {
  CN: ["PRC", "P.R.C.", "Mainland China", "China Mainland", "China PRC", "P.R. China", "PR China", "China, P.R.", "China, People's Rep. of", "People's Rep. of China"],
  HK: ["Hong Kong SAR", "Hong Kong SAR, China", "Hong Kong, China"],
  MO: ["Macau", "Macau SAR", "Macao SAR, China", "Macau SAR, China"],
  TW: ["Taiwan, China", "Chinese Taipei", "Taiwan ROC", "Taiwan R.O.C."],
  KR: ["Korea", "Korea, Rep.", "Rep. of Korea", "Korea Rep.", "S. Korea", "Korea (South)", "Korea South", "ROK"],
  KP: ["Korea, Dem. People's Rep.", "Korea, DPR", "DPRK", "N. Korea", "Korea (North)"],
  VN: ["Viet Nam"],
  GB: ["England", "U.K.", "Scotland", "Wales", "Northern Ireland", "Great Britain and Northern Ireland"],
  RU: ["Russian Fed."],
  CZ: ["Czech Rep."],
  SK: ["Slovak Republic", "Slovak Rep."],
  EG: ["Egypt, Arab Rep."],
  IR: ["Iran, Islamic Rep."],
  LA: ["Lao PDR", "Laos"],
  KG: ["Kyrgyz Republic"],
  CD: ["Congo, Dem. Rep.", "DR Congo", "DRC"],
  CG: ["Congo, Rep."],
  VE: ["Venezuela, RB"],
  YE: ["Yemen, Rep."],
  GM: ["Gambia, The"],
  BS: ["Bahamas, The", "The Bahamas"],
  AE: ["U.A.E."],
  SA: ["KSA"],
  NL: ["Holland"],
  MM: ["Burma"],
  SZ: ["Swaziland"],
  MK: ["Macedonia"],
  TL: ["East Timor"],
  LC: ["St. Lucia"],
  KN: ["St. Kitts and Nevis"],
  VC: ["St. Vincent and the Grenadines"],
  FM: ["Micronesia, Fed. Sts."],
  CV: ["Cabo Verde"],
  BN: ["Brunei"],
  VA: ["Vatican"],
};

const NON_WORD_RUNS = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

function countryKey(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(NON_WORD_RUNS, " ").trim();
}

function buildCountryIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (text: string, alpha2: string) => {
    const key = countryKey(text);
    if (key !== "" && !index.has(key)) index.set(key, alpha2);
  };
  for (const [alpha2, alpha3] of isoCodes) {
    add(alpha2, alpha2);
    add(alpha3, alpha2);
  }
  for (const [alpha2, names] of Object.entries(ENGLISH_NAMES)) {
    for (const name of typeof names === "string" ? [names] : names) add(name, alpha2);
  }
  for (const [alpha2, variants] of Object.entries(VARIANTS_MISSING_FROM_LIBRARY)) for (const variant of variants) add(variant, alpha2);
  return index;
}

const COUNTRY_INDEX = buildCountryIndex();

/** Country cells repeat row after row; each distinct text is looked up once (up to a bound, then as before). */
const CODE_BY_TEXT = new Map<string, string | null>();
const CODE_BY_TEXT_LIMIT = 10_000;

/** No country's name is longer ("South Georgia and the South Sandwich Islands" is 44): longer text is not looked up or kept. */
const LONGEST_COUNTRY_TEXT = 100;

/** ISO 3166-1 alpha-2 code for a name, alpha-2, alpha-3 or common variant; null when unknown. */
export function toCountryCode(text: string): string | null {
  if (text.length > LONGEST_COUNTRY_TEXT) return null;
  const known = CODE_BY_TEXT.get(text);
  if (known !== undefined) return known;
  const code = COUNTRY_INDEX.get(countryKey(text)) ?? null;
  if (CODE_BY_TEXT.size < CODE_BY_TEXT_LIMIT) CODE_BY_TEXT.set(ownedText(text), code);
  return code;
}

/** Words of commodity text asked about (markPlaces): kept apart from the country cells' memo, which they would fill. */
const COUNTRY_WORDS = new Map<string, boolean>();
const COUNTRY_WORDS_LIMIT = 50_000;

/** Whether a word or two of free text name a country ("vietnam", "south korea"); codes are not asked about here. */
export function isCountryName(text: string): boolean {
  const known = COUNTRY_WORDS.get(text);
  if (known !== undefined) return known;
  const found = text.length <= LONGEST_COUNTRY_TEXT && COUNTRY_INDEX.has(countryKey(text));
  if (COUNTRY_WORDS.size < COUNTRY_WORDS_LIMIT) COUNTRY_WORDS.set(ownedText(text), found);
  return found;
}

/** The English name of a country (the official one where the data has several); the code itself when unknown. */
export function countryName(alpha2: string): string {
  const names = ENGLISH_NAMES[alpha2.toUpperCase()];
  if (names === undefined) return alpha2;
  return typeof names === "string" ? names : (names[0] ?? alpha2);
}

/** Mainland China only: Hong Kong (HK), Macau (MO) and Taiwan (TW) are not "in China" for these controls. */
export const MAINLAND_CHINA = "CN";
