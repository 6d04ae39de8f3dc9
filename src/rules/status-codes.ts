/**
 * Why loading or refreshing a rules document failed, as data. Every loader (hosted URL, cache, CLI file)
 * reports one of these codes, and so does the rules runtime for what follows a swap (the formulas'
 * recalculation); `describeRulesError` turns it into a sentence at the edge (task pane banner, CLI
 * stderr, RULESVERSION tooltip).
 */
import type { RulesIssue } from "./parse";

export type { RulesIssue };

export const RULES_ERROR_CODES = [
  "insecure_url",
  "invalid_url",
  "url_not_set",
  "timeout",
  "network",
  "truncated",
  "http_status",
  "too_many_redirects",
  "too_large",
  "invalid_json",
  "schema_invalid",
  "schema_version_unsupported",
  "older_than_active",
  "signature_missing",
  "signature_invalid",
  "public_key_invalid",
  "private_key_invalid",
  "refresh_interval_invalid",
  "file_unreadable",
  "cache_write_failed",
  "storage_unreadable",
  "recalc_failed",
  "part_not_loaded",
  "internal_error",
] as const;

export type RulesErrorCode = (typeof RULES_ERROR_CODES)[number];


export interface RulesLoadError {
  code: RulesErrorCode;
  /** The URL or file the error is about (for a signature problem: the `.sig` location). */
  location?: string;
  /** The settings field the error is about, when it came from a settings change. */
  field?: "rulesUrl" | "publicKey" | "refreshIntervalHours";
  /** HTTP status for `http_status`. */
  httpStatus?: number;
  /** The limit that was hit, for `too_large` (bytes) and `timeout` (milliseconds). */
  limit?: number;
  /** Parser issues, for `invalid_json`, `schema_invalid` and `schema_version_unsupported`. */
  issues?: RulesIssue[];
  /** Low-level cause as reported by the platform (e.g. "ECONNREFUSED"), for diagnostics only. */
  cause?: string;
  /** For `older_than_active`: the release the server offered and the one in use. */
  offered?: { version: string; publishedAt: string };
  active?: { version: string; publishedAt: string };
}

const MAX_ISSUES_IN_MESSAGE = 3;

function where(error: RulesLoadError): string {
  return error.location ? ` (${error.location})` : "";
}

function issueSummary(issues: RulesIssue[] | undefined): string {
  if (!issues || issues.length === 0) return "";
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path || "(document)"}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? `; and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : "";
  return ` ${shown.join("; ")}${more}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The English sentence shown to a person for a load error. The previous rules stay active in every case. */
export function describeRulesError(error: RulesLoadError): string {
  switch (error.code) {
    case "insecure_url":
      return `The rules address must use https (plain http is allowed only for localhost)${where(error)}.`;
    case "invalid_url":
      return `The rules address is not a valid web address${where(error)}.`;
    case "url_not_set":
      return "No rules address is set, so there is nothing to refresh from.";
    case "timeout":
      return `The rules server did not answer in time${error.limit ? ` (${error.limit / 1000} s)` : ""}${where(error)}.`;
    case "network":
      return `The rules server could not be reached${where(error)}${error.cause ? `: ${error.cause}` : ""}.`;
    case "truncated":
      return `The download of the rules file was cut off before it finished${where(error)}.`;
    case "http_status":
      return `The rules server answered with HTTP ${error.httpStatus ?? "error"}${where(error)}.`;
    case "too_many_redirects":
      return `The rules address redirects more than ${error.limit ?? "the allowed number of"} times${where(error)}.`;
    case "too_large":
      return `The rules file is larger than the ${formatBytes(error.limit ?? 0)} the add-in will download${where(error)}.`;
    case "invalid_json":
      return `The rules file is not valid JSON${where(error)}.${issueSummary(error.issues)}`;
    case "schema_invalid":
      return `The rules file does not follow the rules format${where(error)}.${issueSummary(error.issues)}`;
    case "schema_version_unsupported":
      return `The rules file uses a newer format than this version of Chokepoint understands; update the add-in${where(error)}.`;
    case "older_than_active":
      return `The rules server offered an older file (version ${error.offered?.version ?? "?"}, published ${error.offered?.publishedAt ?? "?"}) than the one in use (version ${error.active?.version ?? "?"}, published ${error.active?.publishedAt ?? "?"}), so it was refused${where(error)}. To go back to older rules on purpose, use "Reset to bundled rules" and set the address again.`;
    case "signature_missing":
      return `A public key is pinned but the rules file has no signature file next to it${where(error)}.`;
    case "signature_invalid":
      return `The rules file's signature does not match the pinned public key; the file may have been altered${where(error)}.`;
    case "public_key_invalid":
      return "The pinned public key is not a valid ECDSA P-256 public key in PEM format.";
    case "private_key_invalid":
      return `The signing key is not a valid ECDSA P-256 private key in PEM (PKCS#8) format${where(error)}.`;
    case "refresh_interval_invalid":
      return "The refresh interval must be a whole number of hours between 1 and 720.";
    case "file_unreadable":
      return `The rules file could not be read${where(error)}${error.cause ? `: ${error.cause}` : ""}.`;
    case "cache_write_failed":
      return "The new rules are active but could not be saved for next time (storage full or unavailable).";
    case "storage_unreadable":
      return `The saved rules settings and downloaded rules could not be read from storage${error.cause ? ` (${error.cause})` : ""}; the bundled rules and default settings are in use until they can be read.`;
    case "recalc_failed":
      return `The rules changed, but the CHOKEPOINT formulas could not be recalculated${error.cause ? ` (${error.cause})` : ""}, so cells may still show scores from the previous rules. Choose "Recalculate now" to try again.`;
    case "part_not_loaded":
      return `The part of the add-in that checks rules files could not be loaded from the add-in's server${error.cause ? ` (${error.cause})` : ""}. The rules in use stay active; the next refresh tries again.`;
    case "internal_error":
      return `Loading the rules failed unexpectedly${where(error)}${error.cause ? `: ${error.cause}` : ""}. The previous rules are still in use.`;
  }
}
