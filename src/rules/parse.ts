/**
 * The one way into the product for a rules document, whatever its source (bundled, hosted, cached, CLI):
 * JSON text or a value → format version check → zod shapes → cross-checks → a document or a list of issues.
 * Nothing is ever half-loaded: any issue means no rules.
 */
import type { core } from "zod";
import { aliasKey, itemNameForms, normalizeCommodity } from "./names";
import { rulesDocumentSchema, SUPPORTED_SCHEMA_VERSION, type RulesDocument } from "./schema";

export const RULES_ISSUE_CODES = [
  // reading the document
  "invalid_json",
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
  "timeline_out_of_order",
  "until_before_from",
  "insecure_url",
  "empty_coverage",
  "duplicate_destination",
  "reviewed_after_published",
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

export type ParseRulesResult = { ok: true; rules: RulesDocument } | { ok: false; issues: RulesIssue[] };

export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("");
}

function issue(code: RulesIssueCode, segments: PathSegment[], message: string): RulesIssue {
  return { code, path: formatPath(segments), segments, message };
}

/** One line for a terminal or a log: `controls[3].items[0]: no item has the id "galium" [unknown_item]`. */
export function formatIssue(rulesIssue: Pick<RulesIssue, "path" | "message"> & { code: string }): string {
  return `${rulesIssue.path || "(document)"}: ${rulesIssue.message} [${rulesIssue.code}]`;
}

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
  }

  const versionIssue = checkSchemaVersion(document);
  if (versionIssue) return { ok: false, issues: [versionIssue] };

  const shaped = rulesDocumentSchema.safeParse(document);
  if (!shaped.success) return { ok: false, issues: shaped.error.issues.flatMap((zodIssue) => fromZodIssue(zodIssue, document)) };

  const crossIssues = crossCheck(shaped.data);
  if (crossIssues.length > 0) return { ok: false, issues: crossIssues };
  return { ok: true, rules: shaped.data };
}

// ---------------------------------------------------------------- format version

function checkSchemaVersion(document: unknown): RulesIssue | null {
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
  return null;
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
  return segments.includes("chinaShare") && segments[segments.length - 1] === "share";
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

// ---------------------------------------------------------------- cross-checks

function crossCheck(rules: RulesDocument): RulesIssue[] {
  return [
    ...checkDates(rules),
    ...checkUniqueIds(rules),
    ...checkItemReferences(rules),
    ...checkContainsCycles(rules),
    ...checkAliases(rules),
    ...checkHsCodes(rules),
    ...checkTimelines(rules),
    ...checkCoverage(rules),
    ...checkDestinations(rules),
    ...checkUrls(rules),
  ];
}

function checkDates(rules: RulesDocument): RulesIssue[] {
  if (rules.reviewedAt <= rules.publishedAt) return [];
  return [
    issue(
      "reviewed_after_published",
      ["reviewedAt"],
      `reviewedAt (${rules.reviewedAt}) is later than publishedAt (${rules.publishedAt}); a review after publication needs a new publication`,
    ),
  ];
}

function checkUniqueIds(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  for (const listName of ["items", "controls"] as const) {
    const firstIndex = new Map<string, number>();
    rules[listName].forEach((entry, index) => {
      const earlier = firstIndex.get(entry.id);
      if (earlier === undefined) firstIndex.set(entry.id, index);
      else issues.push(issue("duplicate_id", [listName, index, "id"], `the id "${entry.id}" is already used by ${listName}[${earlier}]`));
    });
  }
  return issues;
}

function checkItemReferences(rules: RulesDocument): RulesIssue[] {
  const known = new Set(rules.items.map((item) => item.id));
  const issues: RulesIssue[] = [];
  const unknown = (segments: PathSegment[], id: string) => issue("unknown_item", segments, `no item has the id "${id}"`);
  rules.controls.forEach((control, c) =>
    control.items.forEach((id, k) => {
      if (!known.has(id)) issues.push(unknown(["controls", c, "items", k], id));
    }),
  );
  rules.items.forEach((item, i) =>
    item.contains.forEach((id, k) => {
      if (!known.has(id)) issues.push(unknown(["items", i, "contains", k], id));
    }),
  );
  return issues;
}

/** Depth-first search over `contains`; each edge that closes a loop is reported once. */
function checkContainsCycles(rules: RulesDocument): RulesIssue[] {
  const indexById = new Map(rules.items.map((item, index) => [item.id, index]));
  const state = new Map<string, "visiting" | "done">();
  const issues: RulesIssue[] = [];

  const visit = (itemId: string, trail: string[]) => {
    state.set(itemId, "visiting");
    const index = indexById.get(itemId)!;
    rules.items[index].contains.forEach((childId, k) => {
      if (!indexById.has(childId)) return;
      const childState = state.get(childId);
      if (childState === "visiting") {
        const loop = [...trail.slice(trail.indexOf(childId)), itemId, childId];
        issues.push(issue("contains_cycle", ["items", index, "contains", k], `items contain each other in a loop: ${loop.join(" → ")}`));
      } else if (childState === undefined) {
        visit(childId, [...trail, itemId]);
      }
    });
    state.set(itemId, "done");
  };
  for (const item of rules.items) if (!state.has(item.id)) visit(item.id, []);
  return issues;
}

/** A name the matcher could read two ways is refused: each alias (and each item's name and id) belongs to one item. */
function checkAliases(rules: RulesDocument): RulesIssue[] {
  const owner = new Map<string, { itemId: string; segments: PathSegment[] }>();
  const issues: RulesIssue[] = [];
  rules.items.forEach((item, i) => {
    const names: { text: string; segments: PathSegment[] }[] = [
      { text: item.id, segments: ["items", i, "id"] },
      { text: item.name, segments: ["items", i, "name"] },
      ...item.aliases.map((text, k) => ({ text, segments: ["items", i, "aliases", k] })),
    ];
    // The same forms compileRules indexes (id, name, then aliases): see `itemNameForms`.
    const forms = itemNameForms(item);
    names.forEach(({ text, segments }, n) => {
      const key = forms[n].key;
      if (key === "") return;
      const claimed = owner.get(key);
      if (claimed === undefined) owner.set(key, { itemId: item.id, segments });
      else if (claimed.itemId !== item.id) {
        issues.push(issue("duplicate_alias", segments, `"${text}" already names the item "${claimed.itemId}" (${formatPath(claimed.segments)})`));
      }
    });
  });
  return issues;
}

/** An HS code names one item, so the code lookup has one answer; longer codes under a shorter one are fine. */
function checkHsCodes(rules: RulesDocument): RulesIssue[] {
  const owner = new Map<string, { itemId: string; segments: PathSegment[] }>();
  const issues: RulesIssue[] = [];
  rules.items.forEach((item, i) =>
    item.hsCodes.forEach((code, k) => {
      const segments: PathSegment[] = ["items", i, "hsCodes", k];
      const claimed = owner.get(code);
      if (claimed === undefined) owner.set(code, { itemId: item.id, segments });
      else issues.push(issue("duplicate_hs_code", segments, `HS code ${code} is already listed at ${formatPath(claimed.segments)} (item "${claimed.itemId}")`));
    }),
  );
  return issues;
}

function checkTimelines(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.controls.forEach((control, c) =>
    control.timeline.forEach((entry, t) => {
      const previous = control.timeline[t - 1];
      if (previous && entry.from < previous.from) {
        issues.push(
          issue("timeline_out_of_order", ["controls", c, "timeline", t, "from"], `${entry.from} is earlier than the previous entry's ${previous.from}; list entries by date`),
        );
      }
      if (entry.until !== undefined && entry.until < entry.from) {
        issues.push(issue("until_before_from", ["controls", c, "timeline", t, "until"], `the status ends (${entry.until}) before it starts (${entry.from})`));
      }
    }),
  );
  return issues;
}

function checkCoverage(rules: RulesDocument): RulesIssue[] {
  return rules.controls.flatMap((control, c) =>
    control.items.length === 0 && !control.anyItem
      ? [issue("empty_coverage", ["controls", c, "items"], "the control covers nothing: list its items, or set anyItem to true")]
      : [],
  );
}

function checkDestinations(rules: RulesDocument): RulesIssue[] {
  const issues: RulesIssue[] = [];
  rules.controls.forEach((control, c) => {
    if (control.scope.kind !== "destinations") return;
    const seen = new Set<string>();
    control.scope.destinations.forEach((destination, d) => {
      if (seen.has(destination.country)) {
        issues.push(issue("duplicate_destination", ["controls", c, "scope", "destinations", d, "country"], `${destination.country} is listed twice`));
      }
      seen.add(destination.country);
    });
  });
  return issues;
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

function checkUrls(rules: RulesDocument): RulesIssue[] {
  const links: { url: string; segments: PathSegment[] }[] = [];
  if (rules.publisher.url !== undefined) links.push({ url: rules.publisher.url, segments: ["publisher", "url"] });
  rules.items.forEach((item, i) => {
    for (const stage of ["mining", "processing"] as const) {
      const figure = item.chinaShare?.[stage];
      if (figure) links.push({ url: figure.source, segments: ["items", i, "chinaShare", stage, "source"] });
    }
  });
  rules.controls.forEach((control, c) =>
    control.sources.forEach((source, s) => links.push({ url: source.url, segments: ["controls", c, "sources", s, "url"] })),
  );
  return links
    .filter((link) => !isHttps(link.url))
    .map((link) => issue("insecure_url", link.segments, `${describeValue(link.url)} is not an https address; sources must be https`));
}
