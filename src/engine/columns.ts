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
const HEADER_SYNONYMS: Readonly<Record<ColumnField, readonly string[]>> = {
  supplier: ["supplier", "supplier name", "vendor", "vendor name", "seller", "company", "company name", "manufacturer"],
  commodity: [
    "commodity",
    "commodity name",
    "material",
    "material description",
    "item",
    "item description",
    "product",
    "product description",
    "part",
    "part description",
    "part name",
    "goods",
  ],
  supplier_country: [
    "supplier country",
    "country",
    "origin",
    "country of origin",
    "origin country",
    "vendor country",
    "source country",
    "ship-from country",
    "ship from",
  ],
  site_country: [
    "site country",
    "site",
    "plant country",
    "plant",
    "destination",
    "destination country",
    "ship-to country",
    "ship to",
    "receiving country",
    "delivery country",
  ],
  china_input_share: ["china input share", "china share", "china input", "china content", "china sourcing share"],
  china_technology: ["china technology", "china tech", "chinese technology", "china process technology"],
  china_equipment: ["china equipment", "chinese equipment", "china machinery", "chinese machinery"],
  china_personnel: ["china personnel", "chinese personnel", "china staff", "chinese staff", "china engineers", "chinese engineers"],
  spend: ["spend", "annual spend", "total spend", "amount", "annual amount", "purchase value", "spend amount"],
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
  const withoutUnit = headerKey(header.replace(PARENTHESISED, ""));
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
  code: "spend_invalid";
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
  /** Spend as a non-negative number; null when blank, missing or unreadable (then with a warning). */
  spend: number | null;
  warnings: RecordWarning[];
}

const DECIMAL_COMMA_SHARE = /^\s*([+-]?\d*),(\d+)\s*(%?)\s*$/;

/** "0,5" and "12,5 %" as written in many European locales; the engine reads the dot form. */
function shareCell(cell: CellValue): CellValue {
  if (typeof cell !== "string") return cell;
  const m = DECIMAL_COMMA_SHARE.exec(cell);
  return m ? `${m[1]}.${m[2]}${m[3]}` : cell;
}

function textOrNull(cell: CellValue): string | null {
  return isBlank(cell) ? null : String(cell).trim();
}

const CURRENCY_AROUND = /^(?:[$€£¥]|usd|eur|gbp|jpy|cny|rmb|chf)|(?:[$€£¥]|usd|eur|gbp|jpy|cny|rmb|chf)$/gi;
const GROUPING_SPACES = /[\s\u00a0\u202f']/g;
const MAGNITUDE_SUFFIX = /(k|m|mn|bn)$/i;
const MAGNITUDES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_GROUPS_WITH_DECIMAL_COMMA = /^\d{1,3}(?:\.\d{3})+,\d+$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3}){2,}$/;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;

/**
 * Spend as people type it: `1234.5`, `1,234.50`, `$1,200`, `EUR 1.234,50`, `1 200`, `1.2k`, `3m`, `2bn`.
 * A comma followed by exactly three digits groups thousands; a lone dot is always a decimal point
 * (`1.234` is 1.234). Negative amounts (credit notes) are not a spend and are refused.
 */
export function parseSpend(cell: CellValue): number | null | undefined {
  if (isBlank(cell)) return undefined;
  if (typeof cell === "number") return Number.isFinite(cell) && cell >= 0 ? cell : null;
  if (typeof cell !== "string") return null;
  let text = cell.replace(GROUPING_SPACES, "").replace(CURRENCY_AROUND, "");
  let multiplier = 1;
  const suffix = MAGNITUDE_SUFFIX.exec(text);
  if (suffix) {
    multiplier = MAGNITUDES[suffix[1].toLowerCase()];
    text = text.slice(0, -suffix[1].length);
  }
  let digits: string | null = null;
  if (PLAIN.test(text)) digits = text;
  else if (COMMA_GROUPS.test(text)) digits = text.replace(/,/g, "");
  else if (DOT_GROUPS_WITH_DECIMAL_COMMA.test(text)) digits = text.replace(/\./g, "").replace(",", ".");
  else if (DOT_GROUPS.test(text)) digits = text.replace(/\./g, "");
  else if (DECIMAL_COMMA.test(text)) digits = text.replace(",", ".");
  if (digits === null) return null;
  const value = Number(digits) * multiplier;
  return Number.isFinite(value) ? value : null;
}

const SHOWN_CHARACTERS = 60;

function spendWarning(cell: CellValue): RecordWarning {
  const text = String(cell).trim();
  const received = text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
  return {
    code: "spend_invalid",
    field: "spend",
    received,
    message: `spend is not an amount (a non-negative number such as 1200, 1,200.50 or 1.2k); got ${received}; the row is scored but left out of the spend-weighted score`,
  };
}

/** One data record (cells in header order) → what the engine scores, plus the name and spend. */
export function recordToRow(cells: readonly CellValue[], map: ColumnMap): SupplierRecord {
  const cell = (field: ColumnField): CellValue => {
    const column = map.columns[field];
    return column === undefined ? undefined : cells[column];
  };
  const warnings: RecordWarning[] = [];
  const spendCell = cell("spend");
  const spend = parseSpend(spendCell);
  if (spend === null) warnings.push(spendWarning(spendCell));
  return {
    input: {
      commodity: cell("commodity"),
      supplierCountry: cell("supplier_country"),
      siteCountry: cell("site_country"),
      chinaInputShare: shareCell(cell("china_input_share")),
      chinaTechnology: shareCell(cell("china_technology")),
      chinaEquipment: shareCell(cell("china_equipment")),
      chinaPersonnel: shareCell(cell("china_personnel")),
      supplierName: cell("supplier"),
    },
    supplier: textOrNull(cell("supplier")),
    commodity: textOrNull(cell("commodity")),
    spend: spend ?? null,
    warnings,
  };
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
