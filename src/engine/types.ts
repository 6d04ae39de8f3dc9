/**
 * The engine's public contract. Every adapter (custom functions, task pane, CLI) speaks these types;
 * nothing here depends on Office.js, the DOM, fetch or Node I/O.
 */
import type { Category, Status, TariffSystem } from "../rules/vocabulary";
import type { QuantityReading } from "./quantities";
import type { ScreeningResult } from "./screening";

export type { Category, Status };

/** A raw cell as Excel, a CSV reader or an XLSX reader hands it over. */
export type CellValue = string | number | boolean | null | undefined;

/** One supplier row as given by the user, before any normalisation. */
export interface RowInput {
  commodity: CellValue;
  supplierCountry?: CellValue;
  siteCountry?: CellValue;
  chinaInputShare?: CellValue;
  chinaTechnology?: CellValue;
  chinaEquipment?: CellValue;
  chinaPersonnel?: CellValue;
  /** Per-row scoring date (Excel serial or ISO text); falls back to ScoreOptions.asOf. */
  asOf?: CellValue;
  /** The supplier's name, screened against China's entity lists (blank: not screened). */
  supplierName?: CellValue;
}

export interface ScoreOptions {
  /** Scoring date, ISO YYYY-MM-DD. Rows may override it with RowInput.asOf. */
  asOf: string;
  /** "What if the suspensions end": treat every suspension as over on the scoring date. */
  suspensionsEnded?: boolean;
}

/** Stable error codes; human messages are rendered from them at the edges. */
export type EngineErrorCode =
  | "commodity_missing"
  | "commodity_too_long"
  | "share_invalid"
  | "share_out_of_range"
  | "country_unknown"
  | "date_invalid"
  | "date_out_of_range"
  | "excel_error_input"
  | "supplier_name_too_long";

export interface EngineError {
  code: EngineErrorCode;
  /** The input the error is about, e.g. "china_input_share". */
  field: string;
  /** The offending input as text (cut to 60 characters), when there was one. */
  received?: string;
}

/**
 * How a line was read: a name of the item (alias), its HS code, a name repaired from a misspelling (fuzzy), the
 * workbook's own assignment of this text (user_alias), or not at all.
 */
export type MatchMethod = "alias" | "hs_code" | "fuzzy" | "user_alias" | "none";

/** An item an unread line may be, and why it is offered. */
export interface MatchSuggestion {
  itemId: string;
  itemName: string;
  why: string;
}

/** The HS code a line states and how it reads against the items' codes. */
export interface HsCodeReading {
  /** Dotted: 8505.11, 8112.92.90.10. */
  code: string;
  /** The tariff the line names (HTS → US, TARIC or an EU CN line → EU, HS); null when it names none. */
  system: TariffSystem | null;
  /** item: one item claims it; ambiguous: several share it; unclaimed: none does. */
  outcome: "item" | "ambiguous" | "unclaimed";
  /** The claiming item, the sharing items, or (unclaimed) items with lines under the same subheading. */
  itemIds: readonly string[];
  /** What the HS nomenclature calls the subheading (or heading), when loaded. */
  description: string | null;
  /** Ambiguous because the items claim only finer national lines under this code, not the code itself. */
  subheadingOnly: boolean;
}

/**
 * A line is recognised when it was read as an item, or when the workbook's own aliases mark it "not
 * controlled" (method user_alias, no item): either way it is known, not an unread line to review.
 */
export function isRecognised(match: Pick<MatchResult, "itemId" | "method">): boolean {
  return match.itemId !== null || match.method === "user_alias";
}

export interface MatchResult {
  itemId: string | null;
  itemName: string | null;
  method: MatchMethod;
  /** 0–1; 1 for exact alias and HS matches. */
  confidence: number;
  /** The commodity text after normalisation (what was actually matched). */
  normalized: string;
  /** The grade or form of the item the text names ("N42SH" → Dy/Tb-bearing grade); null when none is named. */
  grade: { id: string; name: string } | null;
  /** Measurable properties the text states (particle size, purity, energy density…), canonical units. */
  quantities: readonly QuantityReading[];
  /** Which words decided, as one sentence: `read as NdFeB permanent magnet from "neo" + "magnet"`. */
  why: string;
  /** For a line not read as an item: up to three items it may be, best first. */
  suggestions: readonly MatchSuggestion[];
  /** The HS code the line states, if any. */
  hsCode: HsCodeReading | null;
}

export type WarningCode =
  | "review_needed"
  | "status_unconfirmed"
  | "grade_dependent"
  | "informal_measure"
  | "low_confidence_match"
  | "unmatched"
  | "entity_listed"
  | "entity_possible_match";

export interface Warning {
  code: WarningCode;
  message: string;
  controlId?: string;
}

/** One control that contributed to a row's score: the explanation as data. */
export interface ControlHit {
  controlId: string;
  title: string;
  /** The rules' short citation, e.g. "No. 46/2024 cl. 2"; null when the rules give none. */
  citation: string | null;
  category: Category;
  /** Status on the scoring date, and the date that status began. */
  status: Status;
  statusSince: string;
  /** Date the status ends, if dated (e.g. a suspension's last day). */
  statusUntil: string | null;
  /** severity × status weight × destination weight × grade weight, 0–1. */
  contribution: number;
  /**
   * How the control's grade conditions stood for this row: all met (or none set: "whole item"), or not
   * settled by the row's text, so the control counts at the reduced grade weight; `condition` says what to check.
   */
  grade: { outcome: "whole_item" | "met" | "unspecified"; condition: string | null; detail: string | null };
  /** The dependence (0–1) this category used for the row. */
  dependence: number;
  /** The control changed this row's score: contribution × dependence > 0. */
  moved: boolean;
  /** How the control reached the item: directly, through a component, or whatever the item. */
  via:
    | { kind: "item"; itemId: string }
    /** `path` runs from the row's item to the component the control names, e.g. li-ion-cell → graphite-anode → natural-graphite. */
    | { kind: "contains"; itemId: string; path?: string[] }
    | { kind: "any_item" }
    /** Not a control: the supplier's own listing (a trade or transaction ban), which cuts every Chinese input. */
    | { kind: "listing"; actionId: string };
  sourceUrl: string;
  confidence: "C" | "R" | "U";
  informal: boolean;
  reviewNeeded: boolean;
  /** The rules mark this status unconfirmed; `statusNote` says what is not known. */
  unconfirmed: boolean;
  statusNote: string | null;
  /**
   * The supplier's listing that raised this control to `weight` (its status weight, in place of the control's
   * own), or for a listing's own entry (`via.kind` "listing") the listing itself; null otherwise.
   */
  listing: { actionId: string; weight: number } | null;
}

export type CategoryScores = Record<Category, number>;

/**
 * Where a category's dependence came from: the row's own input; the supplier being in mainland China;
 * China's world share of the item (minerals); no share known for a matched item (full dependence assumed);
 * nothing given (0); or raised because the supplier is on one of China's lists (`entity_listed`).
 */
export type DependenceBasis = "input" | "supplier_in_china" | "china_world_share" | "no_share_known" | "not_given" | "entity_listed";

export interface ScoredRow {
  ok: true;
  /** Overall exposure 0–100, rounded to one decimal in the engine so every adapter shows the same number. */
  score: number;
  categories: CategoryScores;
  /** Dependence actually used per category, after defaults. */
  dependence: CategoryScores;
  dependenceBasis: Record<Category, DependenceBasis>;
  match: MatchResult;
  supplierCountry: string | null;
  siteCountry: string | null;
  asOf: string;
  /** Controls that fired, strongest first. */
  hits: ControlHit[];
  warnings: Warning[];
  /** One line for a cell: the controls that fired, their status and date, and why. */
  explanation: string;
  /** The supplier's name screened against China's entity lists; null when no name was given. */
  entity: ScreeningResult | null;
}

export interface FailedRow {
  ok: false;
  error: EngineError;
}

export type RowResult = ScoredRow | FailedRow;

/** One row of a portfolio as the adapters hand it over: the engine inputs plus what only the portfolio needs. */
export interface PortfolioRowInput {
  input: RowInput;
  supplier?: string;
  /** Annual spend in any single currency; blank, negative or non-numeric spend counts as unknown. */
  spend?: number | null;
}

export interface PortfolioTopRow {
  /** Position in the rows given (0-based); adapters add their own row numbering. */
  index: number;
  supplier: string | null;
  commodity: string;
  itemId: string | null;
  itemName: string | null;
  score: number;
  leadingControl: { controlId: string; title: string; category: Category } | null;
}

/** A supplier whose name matches one of China's entity lists, as the pane lists it. */
export interface PortfolioEntityRow {
  /** Position in the rows given (0-based). */
  index: number;
  supplier: string | null;
  status: "listed" | "possible";
  /** The entity as the leading notice names it, the list in words, the notice and its standing on the date. */
  name: string;
  listLabel: string;
  actionId: string;
  listStatus: "listed" | "suspended" | "lifted" | "cancelled";
  since: string;
  unconfirmed: boolean;
  /** Name similarity 0–1. */
  similarity: number;
  /** The row's overall score. */
  score: number;
}

export interface ItemExposure {
  itemId: string;
  itemName: string;
  rows: number;
  /** Sum of the rows' weights (spend, or 1 per row under equal weighting). */
  weight: number;
  /** Weighted mean overall score of these rows. */
  meanScore: number;
  maxScore: number;
}

export interface ControlExposure {
  controlId: string;
  title: string;
  category: Category;
  /** Rows where the control moved the score (`ControlHit.moved`). */
  rows: number;
  weight: number;
}

export interface Portfolio {
  counts: {
    rows: number;
    scored: number;
    errors: number;
    unmatched: number;
    reviewNeeded: number;
    /** Rows where a control that moved the score counts on a status the rules mark unconfirmed. */
    unconfirmed: number;
    /** Rows where a control that moved the score covers only some grades and the text does not say which. */
    gradeDependent: number;
    lowConfidence: number;
  };
  /**
   * "spend" when at least one scored row has a spend figure: rows without one are left out of the
   * weighted scores (counted in rowsWithoutSpend). "equal" when no row has spend: plain means.
   */
  weighting: "spend" | "equal";
  /** Weighted overall score of the matched rows, 0–100; null when no matched row could be weighted. */
  spendWeightedScore: number | null;
  categories: CategoryScores | null;
  totalSpend: number;
  rowsWithoutSpend: number;
  topRows: PortfolioTopRow[];
  byItem: ItemExposure[];
  byControl: ControlExposure[];
  /** Commodities not read as any item, most rows first, with why and what they may be. */
  unmatchedCommodities: { text: string; rows: number; why: string; suggestions: readonly MatchSuggestion[] }[];
  errorsByCode: Partial<Record<EngineErrorCode, number>>;
  /**
   * Suppliers on China's entity lists: how many rows match clearly and possibly, and the first of them
   * (clear matches first, then by row score), for the pane's "Suppliers on China's lists".
   */
  entities: { listed: number; possible: number; rows: PortfolioEntityRow[] };
}
