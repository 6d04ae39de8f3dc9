/**
 * A supplier table's header row → the engine's row fields, and one table record → a RowInput plus the
 * supplier name and spend. Pure: the CLI readers and the task pane hand in header texts and cell values.
 */
import type { CellValue, RowInput } from "./types";
import { isBlank } from "./inputs";

export const COLUMN_FIELDS = [
  "supplier",
  "commodity",
  "supplier_country",
  "site_country",
  "china_input_share",
  "china_technology",
  "china_equipment",
  "china_personnel",
  "spend",
] as const;

export type ColumnField = (typeof COLUMN_FIELDS)[number];

/**
 * Header spellings per field, written as people write them; they are compared after `headerKey`, so case,
 * spaces, underscores, hyphens and punctuation do not matter. A parenthesised unit is ignored too:
 * "Spend (USD)" and "China input share (%)" are found without listing them.
 */
export const HEADER_SYNONYMS: Readonly<Record<ColumnField, readonly string[]>> = {
  supplier: [
    "supplier", "supplier name", "vendor", "vendor name", "seller", "company", "company name", "manufacturer",
    // German, French, Spanish, Italian, Japanese
    "lieferant", "lieferantenname", "name des lieferanten", "kreditor", "kreditorname", "hersteller", "firma",
    "fournisseur", "nom du fournisseur", "nom fournisseur", "fabricant", "société", "entreprise",
    "proveedor", "nombre del proveedor", "nombre proveedor", "fabricante", "empresa",
    "fornitore", "nome fornitore", "nome del fornitore", "ragione sociale", "produttore", "azienda",
    "仕入先", "仕入先名", "サプライヤー", "サプライヤー名", "取引先", "取引先名", "購買先", "供給元", "メーカー", "会社名",
  ],
  commodity: [
    "commodity", "commodity name", "material", "material description", "item", "item description", "product",
    "product description", "part", "part description", "part name", "goods",
    "materialbezeichnung", "materialkurztext", "warengruppe", "artikel", "artikelbezeichnung", "produkt",
    "produktbezeichnung", "teil", "teilebezeichnung", "ware", "rohstoff",
    "matière", "matériau", "désignation", "désignation article", "article", "produit", "marchandise", "pièce",
    "matière première",
    "descripción del material", "artículo", "descripción del artículo", "producto", "mercancía", "pieza",
    "materia prima",
    "materiale", "descrizione materiale", "articolo", "descrizione articolo", "prodotto", "merce", "parte",
    "品目", "品目名", "品名", "商品", "商品名", "製品", "製品名", "部品", "部品名", "材料", "原材料", "資材",
  ],
  supplier_country: [
    "supplier country", "country", "origin", "country of origin", "origin country", "vendor country", "source country",
    "ship-from country", "ship from",
    "land", "lieferland", "herkunftsland", "ursprungsland", "land des lieferanten",
    "pays", "pays d'origine", "pays du fournisseur", "pays fournisseur", "origine",
    "país", "país de origen", "país del proveedor", "origen",
    "paese", "paese di origine", "paese fornitore", "paese del fornitore", "nazione",
    "国", "国名", "原産国", "仕入先国", "生産国", "供給国",
  ],
  site_country: [
    "site country", "site", "plant country", "plant", "destination", "destination country", "ship-to country", "ship to",
    "receiving country", "delivery country",
    "werk", "werksland", "standort", "standortland", "empfangsland", "bestimmungsland",
    "pays du site", "usine", "pays de l'usine", "pays de destination", "pays de livraison",
    "planta", "país de la planta", "sede", "país de destino", "destino", "país de entrega",
    "stabilimento", "paese dello stabilimento", "paese di destinazione", "destinazione", "paese di consegna",
    "拠点", "拠点国", "工場", "工場所在国", "納入先国", "仕向国", "仕向地",
  ],
  china_input_share: [
    "china input share", "china share", "china input", "china content", "china sourcing share",
    "china-anteil", "anteil china", "china-inputanteil", "anteil aus china",
    "part chine", "part de la chine", "part chinoise", "contenu chinois",
    "participación china", "cuota china", "porcentaje china", "contenido chino", "proporción china",
    "quota cina", "quota cinese", "percentuale cina", "contenuto cinese",
    "中国比率", "中国依存度", "中国調達比率", "中国シェア", "中国割合",
  ],
  china_technology: [
    "china technology", "china tech", "chinese technology", "china process technology",
    "china-technologie", "chinesische technologie", "chinesische technik",
    "technologie chinoise", "technologie chine",
    "tecnología china",
    "tecnologia cinese", "tecnologia cina",
    "中国技術", "中国の技術", "中国製技術",
  ],
  china_equipment: [
    "china equipment", "chinese equipment", "china machinery", "chinese machinery",
    "china-ausrüstung", "chinesische ausrüstung", "chinesische maschinen", "china-maschinen", "chinesische anlagen",
    "équipement chinois", "équipements chinois", "machines chinoises",
    "equipo chino", "equipos chinos", "maquinaria china",
    "attrezzature cinesi", "macchinari cinesi", "impianti cinesi",
    "中国製設備", "中国設備", "中国製装置", "中国の設備",
  ],
  china_personnel: [
    "china personnel", "chinese personnel", "china staff", "chinese staff", "china engineers", "chinese engineers",
    "chinesisches personal", "china-personal", "chinesische mitarbeiter", "chinesische fachkräfte",
    "personnel chinois", "employés chinois", "ingénieurs chinois",
    "personal chino", "empleados chinos", "ingenieros chinos",
    "personale cinese", "dipendenti cinesi", "ingegneri cinesi",
    "中国人スタッフ", "中国人従業員", "中国人技術者", "中国人要員",
  ],
  spend: [
    "spend", "annual spend", "total spend", "amount", "annual amount", "purchase value", "spend amount",
    "ausgaben", "einkaufsvolumen", "jahresvolumen", "betrag", "umsatz", "bestellwert", "einkaufswert",
    "dépense", "dépenses", "montant", "montant annuel", "volume d'achat", "volume d'achats",
    "gasto", "gasto anual", "importe", "monto", "volumen de compra", "valor de compra",
    "spesa", "spesa annua", "importo", "valore acquisti", "volume acquisti",
    "購買額", "購入額", "金額", "取引額", "年間購買額", "年間取引額", "支出額",
  ],
};

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const PARENTHESISED = /\([^)]*\)|\[[^\]]*\]/g;

/** "Supplier_Country", "supplier country" and "SUPPLIER-COUNTRY" all become "suppliercountry". */
export function headerKey(header: string): string {
  return header.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

const FIELD_BY_KEY: ReadonlyMap<string, ColumnField> = new Map(
  COLUMN_FIELDS.flatMap((field) => [field, ...HEADER_SYNONYMS[field]].map((spelling) => [headerKey(spelling), field] as const)),
);

/** The field a header names, trying it whole first and then without a parenthesised unit. */
export function fieldForHeader(header: string): ColumnField | null {
  const whole = FIELD_BY_KEY.get(headerKey(header));
  if (whole) return whole;
  // NFKC first, so full-width brackets ("金額（円）") count as brackets.
  const withoutUnit = headerKey(header.normalize("NFKC").replace(PARENTHESISED, ""));
  return withoutUnit === "" ? null : (FIELD_BY_KEY.get(withoutUnit) ?? null);
}

export type ColumnIssue =
  /** A second column for a field already found; the first one is used. */
  | { code: "duplicate_column"; field: ColumnField; column: number; header: string; usedColumn: number; usedHeader: string }
  /** A column the scorer does not read; it is still carried through to CSV output. */
  | { code: "unknown_column"; column: number; header: string };

export interface ColumnMap {
  /** Field → 0-based column index. */
  columns: Partial<Record<ColumnField, number>>;
  headers: string[];
  issues: ColumnIssue[];
}

export interface MissingCommodityColumn {
  code: "commodity_column_missing";
  field: "commodity";
  /** The non-blank headers that were found, in order. */
  found: string[];
}

export type ColumnMapResult = { ok: true; map: ColumnMap } | { ok: false; error: MissingCommodityColumn };

/** Map a header row. Blank headers are skipped; only the commodity column is required. */
export function mapColumns(headerRow: readonly CellValue[]): ColumnMapResult {
  const headers = headerRow.map((cell) => (isBlank(cell) ? "" : String(cell).trim()));
  const columns: Partial<Record<ColumnField, number>> = {};
  const issues: ColumnIssue[] = [];
  headers.forEach((header, column) => {
    if (header === "") return;
    const field = fieldForHeader(header);
    if (field === null) {
      issues.push({ code: "unknown_column", column, header });
      return;
    }
    const used = columns[field];
    if (used === undefined) columns[field] = column;
    else issues.push({ code: "duplicate_column", field, column, header, usedColumn: used, usedHeader: headers[used] });
  });
  if (columns.commodity === undefined) {
    return { ok: false, error: { code: "commodity_column_missing", field: "commodity", found: headers.filter((h) => h !== "") } };
  }
  return { ok: true, map: { columns, headers, issues } };
}

export interface RecordWarning {
  code: "spend_invalid" | "spend_ambiguous";
  field: "spend";
  received: string;
  message: string;
}

/** A problem that keeps a row from being scored at all, found while reading it (not by the engine). */
export interface RecordError {
  code: "spend_too_large";
  field: "spend";
  received: string;
  message: string;
}

export interface SupplierRecord {
  input: RowInput;
  /** The supplier's name as given, trimmed; null when blank or there is no supplier column. */
  supplier: string | null;
  /** The commodity cell as text, trimmed; null when blank. */
  commodity: string | null;
  /** Spend as a non-negative number; null when blank, missing, unreadable or not (yet) decidable. */
  spend: number | null;
  /** How the spend cell reads on its own, before the column's decimal mark is applied. */
  spendReading: SpendReading;
  warnings: RecordWarning[];
  /** Set when the row must not be scored (its spend would break the weighted sum). */
  error: RecordError | null;
}

function textOrNull(cell: CellValue): string | null {
  return isBlank(cell) ? null : String(cell).trim();
}

/**
 * A spend above this (10^18, beyond any real purchase in any currency) is refused for its row: it would
 * swamp every other row's weight, and enough of them would overflow the weighted sum to Infinity/NaN.
 */
export const MAX_SPEND = 1e18;

export type DecimalMark = "point" | "comma";

/** A spend cell read on its own. `mark` is the decimal mark its writing proves, or null when it proves none. */
export type SpendReading =
  | { kind: "blank" }
  | { kind: "invalid"; text: string }
  | { kind: "too_large"; text: string }
  | { kind: "amount"; value: number; mark: DecimalMark | null }
  /** `1.234` or `1,234`: a thousands group or three decimals, depending on the column's decimal mark. */
  | { kind: "ambiguous"; text: string; ifPoint: number; ifComma: number };

const CURRENCY_AROUND = /^(?:[$€£¥]|usd|eur|gbp|jpy|cny|rmb|chf)|(?:[$€£¥]|usd|eur|gbp|jpy|cny|rmb|chf)$/gi;
const GROUPING_SPACES = /[\s\u00a0\u202f']/g;
const MAGNITUDE_SUFFIX = /(k|m|mn|bn)$/i;
const MAGNITUDES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
const DIGITS = /^\d+$/;
/** One separator followed by exactly three digits: the only shape whose meaning depends on the column. */
const ONE_GROUP_OR_DECIMALS = /^(\d{1,3})([.,])(\d{3})$/;
const POINT_DECIMAL = /^(?:\d+\.\d*|\.\d+)$/;
const COMMA_DECIMAL = /^(?:\d+,\d*|,\d+)$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const POINT_GROUPS = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;

function amount(digits: string, multiplier: number, mark: DecimalMark | null, text: string): SpendReading {
  const value = Number(digits) * multiplier;
  if (!Number.isFinite(value)) return { kind: /^[\d.]+$/.test(digits) ? "too_large" : "invalid", text };
  return value > MAX_SPEND ? { kind: "too_large", text } : { kind: "amount", value, mark };
}

/**
 * Spend as people type it: `1234.5`, `1,234.50`, `$1,200`, `EUR 1.234,50`, `1 200`, `1.2k`, `3m`, `2bn`.
 * Most writings show their decimal mark (`1,234.50`, `1.234,50`, `12.5`, `12,5`, `1,234,567`); a single
 * separator followed by exactly three digits (`1.234`, `1,234`) does not, and is read by its column's mark
 * (see decideDecimalMark). Negative amounts (credit notes) are not a spend and are refused.
 */
export function readSpend(cell: CellValue): SpendReading {
  if (isBlank(cell)) return { kind: "blank" };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0) return { kind: "invalid", text: String(cell) };
    return cell > MAX_SPEND ? { kind: "too_large", text: String(cell) } : { kind: "amount", value: cell, mark: null };
  }
  const original = String(cell).trim();
  if (typeof cell !== "string") return { kind: "invalid", text: original };
  let text = original.replace(GROUPING_SPACES, "").replace(CURRENCY_AROUND, "");
  let multiplier = 1;
  const suffix = MAGNITUDE_SUFFIX.exec(text);
  if (suffix) {
    multiplier = MAGNITUDES[suffix[1].toLowerCase()];
    text = text.slice(0, -suffix[1].length);
  }
  if (DIGITS.test(text)) return amount(text, multiplier, null, original);
  const oneGroup = ONE_GROUP_OR_DECIMALS.exec(text);
  if (oneGroup) {
    const grouped = amount(oneGroup[1] + oneGroup[3], multiplier, null, original);
    const decimal = amount(`${oneGroup[1]}.${oneGroup[3]}`, multiplier, null, original);
    if (grouped.kind !== "amount" || decimal.kind !== "amount") return grouped;
    const [ifPoint, ifComma] = oneGroup[2] === "." ? [decimal.value, grouped.value] : [grouped.value, decimal.value];
    return { kind: "ambiguous", text: original, ifPoint, ifComma };
  }
  if (POINT_DECIMAL.test(text)) return amount(text, multiplier, "point", original);
  if (COMMA_DECIMAL.test(text)) return amount(text.replace(",", "."), multiplier, "comma", original);
  if (COMMA_GROUPS.test(text)) return amount(text.replace(/,/g, ""), multiplier, "point", original);
  if (POINT_GROUPS.test(text)) return amount(text.replace(/\./g, "").replace(",", "."), multiplier, "comma", original);
  return { kind: "invalid", text: original };
}

/** The amount a reading stands for once its column's decimal mark is known (null: none, or not decidable). */
export function resolveSpend(reading: SpendReading, mark: DecimalMark | null): number | null {
  if (reading.kind === "amount") return reading.value;
  if (reading.kind === "ambiguous" && mark !== null) return mark === "point" ? reading.ifPoint : reading.ifComma;
  return null;
}

/** What a spend column's values say about its decimal mark. */
export interface DecimalMarkDecision {
  /** The mark every self-evident value agrees on; null when none shows one, or they contradict each other. */
  mark: DecimalMark | null;
  /** Values that show a mark of each kind. */
  point: number;
  comma: number;
  /** Values whose meaning depends on the mark (`1.234`). */
  ambiguous: number;
  /** Both marks were seen: the column mixes conventions, so its ambiguous values are not guessed. */
  conflicting: boolean;
}

/**
 * Tallies a spend column's readings, one at a time, so a streaming reader can decide at the end from all
 * of them what a pane deciding over the whole column decides.
 */
export class DecimalMarkTally {
  private point = 0;
  private comma = 0;
  private ambiguous = 0;

  add(reading: SpendReading): void {
    if (reading.kind === "ambiguous") this.ambiguous += 1;
    else if (reading.kind === "amount" && reading.mark === "point") this.point += 1;
    else if (reading.kind === "amount" && reading.mark === "comma") this.comma += 1;
  }

  decision(): DecimalMarkDecision {
    const conflicting = this.point > 0 && this.comma > 0;
    const mark = conflicting ? null : this.point > 0 ? "point" : this.comma > 0 ? "comma" : null;
    return { mark, point: this.point, comma: this.comma, ambiguous: this.ambiguous, conflicting };
  }
}

export function decideDecimalMark(cells: Iterable<CellValue>): DecimalMarkDecision {
  const tally = new DecimalMarkTally();
  for (const cell of cells) tally.add(readSpend(cell));
  return tally.decision();
}

const SHOWN_CHARACTERS = 60;

function shownText(text: string): string {
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
}

function spendWarning(reading: SpendReading): RecordWarning | null {
  if (reading.kind === "invalid") {
    const received = shownText(reading.text);
    return {
      code: "spend_invalid",
      field: "spend",
      received,
      message: `spend is not an amount (a non-negative number such as 1200, 1,200.50 or 1.2k); got ${received}; the row is scored but left out of the spend-weighted score`,
    };
  }
  if (reading.kind === "ambiguous") {
    const received = shownText(reading.text);
    return {
      code: "spend_ambiguous",
      field: "spend",
      received,
      message: `spend ${received} could be ${reading.ifPoint} or ${reading.ifComma}, and no other value in the column shows whether it uses a decimal point or a decimal comma; the row is scored but left out of the spend-weighted score`,
    };
  }
  return null;
}

export function spendTooLargeError(text: string): RecordError {
  const received = shownText(text);
  return {
    code: "spend_too_large",
    field: "spend",
    received,
    message: `spend ${received} is larger than 10^18, beyond any real purchase; correct it (the row is not scored)`,
  };
}

export interface RecordOptions {
  /**
   * The spend column's decimal mark when it is known: decided (a mark, or null when the column cannot tell,
   * which gives ambiguous rows a warning), or left out while a streaming reader is still tallying.
   */
  decimalMark?: DecimalMark | null;
}

/**
 * One data record (cells in header order) → what the engine scores, plus the name and spend. The cells
 * go to the engine as they are: it reads every one with `readCell` (./cells.ts), as it does a formula's.
 */
export function recordToRow(cells: readonly CellValue[], map: ColumnMap, options: RecordOptions = {}): SupplierRecord {
  const cell = (field: ColumnField): CellValue => {
    const column = map.columns[field];
    return column === undefined ? undefined : cells[column];
  };
  const spendReading = readSpend(cell("spend"));
  const decided = options.decimalMark !== undefined;
  const warning = spendReading.kind === "ambiguous" && (!decided || options.decimalMark !== null) ? null : spendWarning(spendReading);
  return {
    input: {
      commodity: cell("commodity"),
      supplierCountry: cell("supplier_country"),
      siteCountry: cell("site_country"),
      chinaInputShare: cell("china_input_share"),
      chinaTechnology: cell("china_technology"),
      chinaEquipment: cell("china_equipment"),
      chinaPersonnel: cell("china_personnel"),
      supplierName: cell("supplier"),
    },
    supplier: textOrNull(cell("supplier")),
    commodity: textOrNull(cell("commodity")),
    spend: resolveSpend(spendReading, options.decimalMark ?? null),
    spendReading,
    warnings: warning ? [warning] : [],
    error: spendReading.kind === "too_large" ? spendTooLargeError(spendReading.text) : null,
  };
}

/**
 * A whole table's records, with the spend column's decimal mark decided from all its values first: what
 * the task pane, which holds every row, uses. The CLI streams and reaches the same numbers through
 * DecimalMarkTally (see docs/cli.md).
 */
export function readRecords(rows: readonly (readonly CellValue[])[], map: ColumnMap): { records: SupplierRecord[]; decimalMark: DecimalMarkDecision } {
  const spendColumn = map.columns.spend;
  const decimalMark = decideDecimalMark(spendColumn === undefined ? [] : rows.map((cells) => cells[spendColumn]));
  return { records: rows.map((cells) => recordToRow(cells, map, { decimalMark: decimalMark.mark })), decimalMark };
}

/** How many rows from the top of a table are searched for its header row. */
export const HEADER_SEARCH_ROWS = 20;

export type HeaderSearch =
  | { ok: true; index: number; map: ColumnMap }
  | {
      ok: false;
      /** How many rows were looked at. */
      rowsLooked: number;
      /** The row that came closest (most columns named), when any named one: its index and the fields it named. */
      closest: { index: number; fields: ColumnField[] } | null;
      /** The mapping error of the first non-blank row, for a one-row message. */
      firstError: MissingCommodityColumn | null;
    };

function fieldsNamed(cells: readonly CellValue[]): Set<ColumnField> {
  const fields = new Set<ColumnField>();
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    const field = fieldForHeader(String(cell).trim());
    if (field !== null) fields.add(field);
  }
  return fields;
}

/**
 * The header row among the first rows of a table (at most HEADER_SEARCH_ROWS): of the rows that name a
 * commodity column, the one naming the most distinct fields; the first such row on a tie. Title rows,
 * notes and blank rows above the header are passed over this way.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[]): HeaderSearch {
  const looked = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let best: { index: number; count: number } | null = null;
  let closest: { index: number; fields: ColumnField[] } | null = null;
  let firstError: MissingCommodityColumn | null = null;
  for (let index = 0; index < looked; index += 1) {
    const fields = fieldsNamed(rows[index]);
    if (fields.size > 0 && (closest === null || fields.size > closest.fields.length)) closest = { index, fields: [...fields] };
    if (fields.has("commodity")) {
      if (best === null || fields.size > best.count) best = { index, count: fields.size };
    } else if (firstError === null && rows[index].some((cell) => !isBlank(cell))) {
      const mapped = mapColumns(rows[index]);
      if (!mapped.ok) firstError = mapped.error;
    }
  }
  if (best === null) return { ok: false, rowsLooked: looked, closest, firstError };
  const mapped = mapColumns(rows[best.index]);
  if (!mapped.ok) return { ok: false, rowsLooked: looked, closest, firstError: mapped.error };
  return { ok: true, index: best.index, map: mapped.map };
}

/** The sentence for a column issue, for stderr or a pane banner. */
export function describeColumnIssue(issue: ColumnIssue | MissingCommodityColumn): string {
  switch (issue.code) {
    case "duplicate_column":
      return `column "${issue.header}" is a second ${issue.field} column; using "${issue.usedHeader}" (column ${issue.usedColumn + 1}) and ignoring this one`;
    case "unknown_column":
      return `column "${issue.header}" is not one the scorer reads; it is carried through unchanged`;
    case "commodity_column_missing":
      return `no commodity column found (looked for a header such as commodity, material, item, product or part); columns found: ${
        issue.found.length > 0 ? issue.found.map((h) => `"${h}"`).join(", ") : "none"
      }`;
  }
}
