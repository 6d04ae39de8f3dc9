/**
 * HS codes in commodity text, in every way lines write them: `8505.11`, `850511`, `HS 8505.11`,
 * `HTS 8505.11.0000`, `CN 8505 11 00`, `TARIC 8505 11 00 00`, China's 10-digit lines `8112929010` or
 * `8112.92.90.10`. A code is read to the longest prefix the rules' items claim; several items claiming the
 * same prefix make the code ambiguous (never silently one of them); a code no item claims is still read to
 * its HS heading and subheading, described from the WCO nomenclature when that has been loaded.
 */
import type { TariffSystem } from "../rules/vocabulary";
import { isHsHeading } from "./hs-headings";

export interface HsCodeInText {
  digits: string;
  /** The tariff system the line names (HTS → US, TARIC or an EU "CN" line → EU); null when it names none. */
  system: TariffSystem | null;
  /** Where the code (with its label) sits in the text, so the rest can be read as words. */
  start: number;
  end: number;
}

/** A code an item of the rules claims, as the matcher indexes it. */
export interface ClaimedCode {
  itemId: string;
  code: string;
  system: TariffSystem;
}

export interface HsIndex {
  /** Code digits → the items claiming exactly that code. */
  byCode: ReadonlyMap<string, readonly ClaimedCode[]>;
  /** Lengths of claimed codes, longest first. */
  lengths: readonly number[];
  /** Six-digit subheading → items with a code under it (for candidates when the line's own code is unclaimed). */
  bySubheading: ReadonlyMap<string, readonly string[]>;
}

/** How the code of a line reads. */
export interface HsReading {
  /** The digits as written in the usual dotted form: 8505.11, 8112.92.90.10. */
  code: string;
  digits: string;
  system: TariffSystem | null;
  /** item: one item claims it; ambiguous: several do; unclaimed: none does. */
  outcome: "item" | "ambiguous" | "unclaimed";
  /** The item (outcome item), or the candidates (ambiguous, or items with lines under the same subheading). */
  itemIds: readonly string[];
  /** The claimed code that decided, e.g. "850511". */
  claimedCode: string | null;
}

/** Descriptions of headings and subheadings; `describe("732690")` → "Iron or steel; articles n.e.c. …". */
export interface HsNomenclature {
  describe(digits: string): string | null;
  /** False while descriptions loaded on demand have not arrived (readings made then lack their words). */
  readonly loaded?: boolean;
}

const LABEL = String.raw`(?:(?:kod|c[oó]digo|codice)\s+)?(?:hts(?:us)?|us\s*hts|hsk|itc[\s-]?hs(?:\s*code)?|cth|ritc|gt[iİı]p|hs(?:\s*code)?|hs-code|taric|cn(?:\s*code)?|eu\s*cn|tariff(?:\s*(?:no|nr|number|code|line))?|tarif\s*nr|customs\s*(?:code|tariff)|commodity\s*code|zolltarif(?:nummer)?|warennummer|warennr|code\s*sh|nc|ncm|hsn(?:\s*code)?|tigie|partida(?:\s*arancelaria)?|fracc(?:i[oó]n)?(?:\s*arancelaria)?|posici[oó]n(?:\s*arancelaria)?|voce(?:\s*doganale)?|тн\s*вэд(?:\s*еаэс)?|商品编码|商品編碼|海关编码|海關編碼|c\.?c\.?c\.?(?:\s*code)?)`;
const DIGITS = String.raw`(\d{2}(?:[ .]?\d{2}){1,4})`;
/** A labelled code: "HS 8505.11", "HTS: 8505.11.0000", "Tariff no. 8505 11 00". */
const LABELLED = new RegExp(String.raw`(?<![\p{L}\d])(${LABEL})\.?\s{0,3}[:#：]?\s{0,3}${DIGITS}(?![\d\p{L}])`, "giu");
/** An unlabelled code written the way tariffs write them: 8505.11, 8112.92.90.10, 8505.11.0000. */
const DOTTED = /(?<![\d.,])(\d{4}\.\d{2}(?:\.\d{2,4}){0,2}(?:\.\d{2})?)(?![\d,]|\.\d)/gu;
/** An unlabelled run of exactly 8 or 10 digits: a national tariff line (checked against the HS headings). */
const LONG_RUN = /(?<![\d.,\p{L}-])(\d{8}|\d{10})(?![\d.,\p{L}-])/gu;
/** A whole cell that is only a code, 4 to 10 digits with dots or spaces. */
const WHOLE = /^\s*(\d[\d .]{2,14}\d)\s*$/u;
/** What every code but a whole-cell one holds: two digits, then two more after at most a space or a dot. */
const FOUR_DIGITS = /\d\d[ .]?\d\d/;

function systemOf(label: string, written: string): TariffSystem | null {
  const l = label.toLowerCase().replace(/\s+/g, "");
  if (l.startsWith("hts") || l.startsWith("ushts")) return "US";
  if (l === "taric" || l === "eucn" || l === "nc") return "EU";
  // "CN 8505 11 00": in EU usage CN is the Combined Nomenclature, written in spaced pairs.
  if (l.startsWith("cn")) return /\d{4} \d{2}/.test(written) ? "EU" : null;
  if (l.startsWith("hs")) return "HS";
  return null;
}

const digitsOf = (written: string): string => written.replace(/[ .]/g, "");

function plausible(digits: string): boolean {
  return digits.length >= 4 && digits.length <= 10 && digits.length % 2 === 0 && isHsHeading(digits.slice(0, 4));
}

/** The HS codes a line states, first one first; a code must start with an existing HS heading. */
export function findHsCodes(text: string): HsCodeInText[] {
  const found: HsCodeInText[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  const whole = WHOLE.exec(text);
  if (whole) {
    let digits = digitsOf(whole[1]);
    // An odd count lost its leading zero in a number-formatted cell (50400 for 050400).
    if (digits.length % 2 === 1) digits = `0${digits}`;
    if (plausible(digits)) return [{ digits, system: null, start: 0, end: text.length }];
  }
  // Most lines hold no code at all: one plain search spares them the three patterns below.
  if (!FOUR_DIGITS.test(text)) return found;
  for (const m of text.matchAll(LABELLED)) {
    const digits = digitsOf(m[2]);
    if (!plausible(digits)) continue;
    found.push({ digits, system: systemOf(m[1], m[2]), start: m.index, end: m.index + m[0].length });
  }
  for (const pattern of [DOTTED, LONG_RUN]) {
    for (const m of text.matchAll(pattern)) {
      const digits = digitsOf(m[1]);
      if (!plausible(digits) || taken(m.index, m.index + m[0].length)) continue;
      found.push({ digits, system: null, start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The code as its tariff writes it: 850511 → 8505.11; a US HTS line 8505.11.0000; an EU CN line 8505 11 00;
 * other lines (China's) in dotted pairs, 8112.92.90.10.
 */
export function formatHsCode(digits: string, system: TariffSystem | null = null): string {
  if (digits.length <= 6 || system === "HS") return pairs(digits).join(".");
  if (system === "US") return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  if (system === "EU") return pairs(digits).join(" ");
  return pairs(digits).join(".");
}

function pairs(digits: string): string[] {
  const parts = [digits.slice(0, 4)];
  for (let i = 4; i < digits.length; i += 2) parts.push(digits.slice(i, i + 2));
  return parts;
}

export function buildHsIndex(claims: readonly ClaimedCode[]): HsIndex {
  const byCode = new Map<string, ClaimedCode[]>();
  const bySubheading = new Map<string, string[]>();
  for (const claim of claims) {
    const list = byCode.get(claim.code) ?? [];
    if (!list.some((c) => c.itemId === claim.itemId)) list.push(claim);
    byCode.set(claim.code, list);
    if (claim.code.length >= 6) {
      const items = bySubheading.get(claim.code.slice(0, 6)) ?? [];
      if (!items.includes(claim.itemId)) items.push(claim.itemId);
      bySubheading.set(claim.code.slice(0, 6), items);
    }
  }
  const lengths = [...new Set(claims.map((c) => c.code.length))].sort((a, b) => b - a);
  return { byCode, lengths, bySubheading };
}

/**
 * A national line says more than six digits only within its own tariff: beyond the subheading, a claimed CN
 * line and a US line with the same digits mean different goods. A line that names no system is compared
 * as written.
 */
function comparable(claim: ClaimedCode, system: TariffSystem | null): boolean {
  return claim.code.length <= 6 || system === null || system === "HS" || claim.system === system;
}

/** The longest claimed prefix of the line's code decides; several items on that prefix make it ambiguous. */
export function resolveHsCode(index: HsIndex, code: HsCodeInText): HsReading {
  const base = { code: formatHsCode(code.digits, code.system), digits: code.digits, system: code.system };
  for (const length of index.lengths) {
    if (length > code.digits.length) continue;
    const prefix = code.digits.slice(0, length);
    const claims = (index.byCode.get(prefix) ?? []).filter((claim) => comparable(claim, code.system));
    const itemIds = [...new Set(claims.map((c) => c.itemId))];
    if (itemIds.length === 1) return { ...base, outcome: "item", itemIds, claimedCode: prefix };
    if (itemIds.length > 1) return { ...base, outcome: "ambiguous", itemIds, claimedCode: prefix };
  }
  // Items with national lines under a code written no finer than a subheading share it: which one the line
  // is, only its text can say. A finer line no item claims is unclaimed; items with other lines under its
  // subheading are offered, never chosen.
  if (code.digits.length <= 6) {
    const under = underPrefix(index, code.digits);
    if (under.length > 0) return { ...base, outcome: "ambiguous", itemIds: under, claimedCode: null };
    return { ...base, outcome: "unclaimed", itemIds: [], claimedCode: null };
  }
  return { ...base, outcome: "unclaimed", itemIds: index.bySubheading.get(code.digits.slice(0, 6)) ?? [], claimedCode: null };
}

function underPrefix(index: HsIndex, digits: string): string[] {
  const items = new Set<string>();
  for (const [code, claims] of index.byCode) if (code.startsWith(digits)) for (const c of claims) items.add(c.itemId);
  return [...items];
}

/** What the nomenclature says a code is, at the most precise level it has (subheading, else heading). */
export function describeHsCode(nomenclature: HsNomenclature | null, digits: string): string | null {
  if (nomenclature === null) return null;
  return (digits.length >= 6 ? nomenclature.describe(digits.slice(0, 6)) : null) ?? nomenclature.describe(digits.slice(0, 4));
}

/** A nomenclature over a table already in memory (the CLI, tests): code digits → description. */
export function staticNomenclature(descriptions: Readonly<Record<string, string>>): HsNomenclature {
  return { describe: (digits) => (Object.prototype.hasOwnProperty.call(descriptions, digits) ? descriptions[digits] : null) };
}
