/**
 * The one way into the product for a rules document, whatever its source (bundled, hosted, cached, CLI):
 * JSON text or a value → format version check → zod shapes → cross-checks → a document or a list of issues.
 * Nothing is ever half-loaded: any issue means no rules.
 */
import type { core, ZodMiniType } from "zod/mini";
import { crossCheck } from "./cross-checks";
import { issue, type PathSegment, type RulesIssue, type RulesIssueCode } from "./issues";
import { findDuplicateKeys } from "./json-keys";
import { aliasKey, normalizeCommodity } from "./names";
import { rulesDocumentSchema, SUPPORTED_SCHEMA_VERSION, type RulesDocument } from "./schema";
import { rulesDocumentV1Schema } from "./schema-v1";
import { upgradeV1 } from "./upgrade";

export { formatIssue, formatPath, RULES_ISSUE_CODES, type PathSegment, type RulesIssue, type RulesIssueCode } from "./issues";

/** `upgradedFrom` is set when the document was written in an older format and upgraded on read. */
export type ParseRulesResult = { ok: true; rules: RulesDocument; upgradedFrom?: number } | { ok: false; issues: RulesIssue[] };

/** The key under which two aliases count as the same name: the engine's own matching key. */
export function aliasIdentity(text: string): string {
  return aliasKey(normalizeCommodity(text));
}

export function parseRules(input: unknown): ParseRulesResult {
  let document: unknown = input;
  if (typeof input === "string") {
    try {
      document = JSON.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, issues: [issue("invalid_json", [], `the text is not valid JSON (${reason})`)] };
    }
    // JSON.parse keeps the last of two equal keys ("severity":0.7,"severity":0): refuse instead of guessing.
    const duplicates = findDuplicateKeys(input);
    if (duplicates.tooDeep) return { ok: false, issues: [issue("too_deep", [], `the JSON nests deeper than ${duplicates.tooDeep} levels`)] };
    if (duplicates.keys.length > 0) {
      return {
        ok: false,
        issues: duplicates.keys.map(({ segments, key }) => issue("duplicate_key", [...segments, key], `"${key}" appears twice in the same object; only one value is allowed`)),
      };
    }
  }

  const version = checkSchemaVersion(document);
  if (typeof version !== "number") return { ok: false, issues: [version] };

  if (version === 1) {
    const v1 = rulesDocumentV1Schema.safeParse(document);
    if (!v1.success) return { ok: false, issues: zodIssues(v1.error.issues, document) };
    const upgraded = validateShapes(rulesDocumentSchema, upgradeV1(v1.data));
    if (!upgraded.ok) return upgraded;
    return finish(upgraded.value, 1);
  }
  const shaped = validateShapes(rulesDocumentSchema, document);
  return shaped.ok ? finish(shaped.value) : shaped;
}

function validateShapes<T>(schema: ZodMiniType<T>, document: unknown): { ok: true; value: T } | { ok: false; issues: RulesIssue[] } {
  const shaped = schema.safeParse(document);
  return shaped.success ? { ok: true, value: shaped.data } : { ok: false, issues: zodIssues(shaped.error.issues, document) };
}

function finish(rules: RulesDocument, upgradedFrom?: number): ParseRulesResult {
  const crossIssues = crossCheck(rules);
  if (crossIssues.length > 0) return { ok: false, issues: crossIssues };
  return upgradedFrom === undefined ? { ok: true, rules } : { ok: true, rules, upgradedFrom };
}

function zodIssues(issues: readonly core.$ZodIssue[], document: unknown): RulesIssue[] {
  return issues.flatMap((zodIssue) => fromZodIssue(zodIssue, document));
}

// ---------------------------------------------------------------- format version

/** The document's format version (1 or the supported one), or the issue that stops reading it. */
function checkSchemaVersion(document: unknown): number | RulesIssue {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return issue("invalid_type", [], `a rules document is a JSON object, not ${describeValue(document)}`);
  }
  const version = (document as Record<string, unknown>).schemaVersion;
  if (version === undefined) {
    return issue("schema_version_missing", ["schemaVersion"], `schemaVersion is required (this version of Chokepoint reads ${SUPPORTED_SCHEMA_VERSION})`);
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return issue("schema_version_invalid", ["schemaVersion"], `schemaVersion must be a whole number from 1, not ${describeValue(version)}`);
  }
  if (version > SUPPORTED_SCHEMA_VERSION) {
    return issue(
      "schema_version_unsupported",
      ["schemaVersion"],
      `the document uses format version ${version}, newer than the ${SUPPORTED_SCHEMA_VERSION} this version of Chokepoint reads; update Chokepoint`,
    );
  }
  return version;
}

// ---------------------------------------------------------------- zod issues → coded issues

/** Named string formats of the schema (see `z.stringFormat` in schema.ts) and zod's own, to issue codes. */
const FORMAT_CODES: Record<string, RulesIssueCode> = {
  date: "invalid_date",
  url: "invalid_url",
  identifier: "invalid_id",
  "hs-code": "invalid_hs_code",
  "country-code": "unknown_country",
};

function valueAt(document: unknown, segments: readonly PropertyKey[]): unknown {
  let value: unknown = document;
  for (const segment of segments) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value === "object" ? "an object" : typeof value;
}

function isShareFigure(segments: readonly PathSegment[]): boolean {
  return (segments.includes("chinaShare") || segments[0] === "producers") && segments[segments.length - 1] === "share";
}

function listOfOptions(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v));
  return values.length > 8 ? `${shown.join(", ")}, …` : shown.join(", ");
}

function fromZodIssue(zodIssue: core.$ZodIssue, document: unknown): RulesIssue[] {
  const segments = zodIssue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
  const found = valueAt(document, zodIssue.path);
  switch (zodIssue.code) {
    case "unrecognized_keys":
      return zodIssue.keys.map((key) =>
        issue("unknown_key", [...segments, key], `"${key}" is not a field here (check the spelling; unknown fields are refused)`),
      );
    case "invalid_type":
      if (found === undefined) return [issue("missing", segments, `required field is missing (expected ${zodIssue.expected})`)];
      return [issue("invalid_type", segments, `expected ${zodIssue.expected}, found ${describeValue(found)}`)];
    case "invalid_value":
      return [issue("invalid_value", segments, `${describeValue(found)} is not allowed; expected one of ${listOfOptions(zodIssue.values)}`)];
    case "invalid_union": {
      const options = "options" in zodIssue && Array.isArray(zodIssue.options) ? ` one of ${listOfOptions(zodIssue.options)}` : " a known variant";
      return [issue("invalid_value", segments, `${describeValue(found)} is not allowed; expected${options}`)];
    }
    case "invalid_format": {
      const code = FORMAT_CODES[zodIssue.format] ?? "invalid_format";
      const expectation: Record<string, string> = {
        invalid_date: "a real calendar date written YYYY-MM-DD",
        invalid_url: "a web address",
        invalid_id: "an id of letters, digits, '.', '_' or '-' (starting with a letter or digit)",
        invalid_hs_code: "an HS code of 4 to 10 digits with no dots or spaces",
        unknown_country: "an ISO 3166-1 alpha-2 country code such as US or IN",
      };
      return [issue(code, segments, `${describeValue(found)} is not ${expectation[code] ?? `a valid ${zodIssue.format}`}`)];
    }
    case "too_small":
    case "too_big":
      return [fromSizeIssue(zodIssue, segments, found)];
    default:
      return [issue("invalid_value", segments, `${describeValue(found)} is not allowed (${zodIssue.message})`)];
  }
}

function fromSizeIssue(
  zodIssue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig,
  segments: PathSegment[],
  found: unknown,
): RulesIssue {
  const small = zodIssue.code === "too_small";
  if (zodIssue.origin === "number" || zodIssue.origin === "int") {
    const bound = small ? `at least ${(zodIssue as core.$ZodIssueTooSmall).minimum}` : `at most ${(zodIssue as core.$ZodIssueTooBig).maximum}`;
    if (isShareFigure(segments)) return issue("share_out_of_range", segments, `a share of world supply is a fraction from 0 to 1; found ${describeValue(found)}`);
    return issue("out_of_range", segments, `${describeValue(found)} is out of range; expected ${bound}`);
  }
  if (zodIssue.origin === "array") return issue("empty_list", segments, "the list needs at least one entry");
  if (small) return issue("empty_text", segments, "the text must not be empty");
  return issue("too_long", segments, `the text is longer than ${(zodIssue as core.$ZodIssueTooBig).maximum} characters`);
}
