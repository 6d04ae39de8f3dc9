/** Problems found in a rules document, as data: a stable code, the JSON path, and a default sentence. */

export const RULES_ISSUE_CODES = [
  // reading the document
  "invalid_json",
  "duplicate_key",
  "schema_version_missing",
  "schema_version_invalid",
  "schema_version_unsupported",
  // shapes (from the zod schema)
  "missing",
  "invalid_type",
  "unknown_key",
  "invalid_value",
  "invalid_date",
  "invalid_url",
  "invalid_id",
  "invalid_hs_code",
  "unknown_country",
  "invalid_format",
  "share_out_of_range",
  "out_of_range",
  "empty_list",
  "empty_text",
  "too_long",
  // cross-checks on a well-shaped document
  "duplicate_id",
  "unknown_item",
  "duplicate_alias",
  "duplicate_hs_code",
  "contains_cycle",
  "contains_too_deep",
  "timeline_out_of_order",
  "until_before_from",
  "insecure_url",
  "empty_coverage",
  "duplicate_destination",
  "reviewed_after_published",
  "unknown_grade",
  "duplicate_grade",
  "hs_code_needs_system",
  "hs_code_length",
  "alias_is_hs_code",
  "status_weights_out_of_order",
  "ended_status_weight",
  "unconfirmed_without_note",
  "threshold_empty_range",
  "too_deep",
  // cross-checks on the producers section
  "china_share_mismatch",
  "china_share_exception_unused",
  "missing_breakdown_note",
  "breakdown_note_with_shares",
  "china_listed_as_producer",
  "duplicate_producer_country",
  "shares_exceed_whole",
  "range_reversed",
  "unknown_figure",
  "figure_unsourced",
  // China's entity lists (listings)
  "listing_without_entities",
  "duplicate_listed_entity",
  "listing_weights_out_of_order",
  // reading commodity text (matching): about, exclusions, matching.nonGoods
  "about_on_goods",
  "phrase_reads_empty",
  "non_goods_names_item",
] as const;

export type RulesIssueCode = (typeof RULES_ISSUE_CODES)[number];

export type PathSegment = string | number;

export interface RulesIssue {
  code: RulesIssueCode;
  /** Where in the document, e.g. `controls[12].timeline[1].until`; "" for the document itself. */
  path: string;
  /** The same place as segments: `["controls", 12, "timeline", 1, "until"]`. */
  segments: PathSegment[];
  /** A default English sentence; adapters may render their own from `code`. */
  message: string;
}


export interface RulesIssue {
  code: RulesIssueCode;
  /** Where in the document, e.g. `controls[12].timeline[1].until`; "" for the document itself. */
  path: string;
  /** The same place as segments: `["controls", 12, "timeline", 1, "until"]`. */
  segments: PathSegment[];
  /** A default English sentence; adapters may render their own from `code`. */
  message: string;
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("");
}

export function issue(code: RulesIssueCode, segments: PathSegment[], message: string): RulesIssue {
  return { code, path: formatPath(segments), segments, message };
}

/** One line for a terminal or a log: `controls[3].items[0]: no item has the id "galium" [unknown_item]`. */
export function formatIssue(rulesIssue: Pick<RulesIssue, "path" | "message"> & { code: string }): string {
  return `${rulesIssue.path || "(document)"}: ${rulesIssue.message} [${rulesIssue.code}]`;
}

