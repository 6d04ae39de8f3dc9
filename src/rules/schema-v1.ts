/**
 * Version 1 of the rules document, frozen as it was published. A version-1 file is validated against this
 * shape (so its issues point at its own fields), then upgraded to the current version (upgrade.ts).
 * Do not change it: files written for it exist.
 */
import * as z from "./zod";
import { isValid as isKnownCountryCode } from "i18n-iso-countries";

const SCHEMA_VERSION_1 = 1;

const CATEGORIES = ["minerals", "technology", "equipment", "personnel"] as const;

/**
 * What a control is doing on a given day.
 * - announced: published, not yet effective; proposed: a draft out for comment;
 * - in_force: applies now; suspended: on the books but paused;
 * - informal: reported practice, never published; framework: a legal basis, not an item control;
 * - lifted: withdrawn, contributes nothing.
 */
const STATUSES = ["proposed", "announced", "in_force", "suspended", "informal", "framework", "lifted"] as const;

const CONFIDENCES = ["C", "R", "U"] as const;

/** A calendar date, YYYY-MM-DD; the pattern itself rejects days that do not exist (2025-02-30). */
const isoDate = z.iso.date();

/** Named string formats: the format name travels in zod's issue, so the parser can give it a stable code. */
const identifier = z
  .stringFormat("identifier", /^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: "ids use letters, digits, '.', '_' and '-' only",
  })
  .check(z.maxLength(80));

const fraction = z.number().check(z.gte(0), z.lte(1));

/** ISO 3166-1 alpha-2, upper case, e.g. "US", "IN". */
const countryCode = z
  .stringFormat("country-code", (code) => /^[A-Z]{2}$/.test(code) && isKnownCountryCode(code), {
    error: "expected an ISO 3166-1 alpha-2 country code such as US or IN",
  })
  .register(z.globalRegistry, { pattern: "^[A-Z]{2}$" });

/** Source links must be https; the cross-checks report anything else with its own code. */
const sourceUrl = z.string().check(z.url());

/** Free text that must say something: a name, a description, a note. */
const nonEmptyText = z.string().check(z.minLength(1));

/** HS codes are written as digits only in the document, 4 to 10 of them (prefixes are allowed). */
const hsCode = z.stringFormat("hs-code", /^\d{4,10}$/, { error: "HS codes are 4 to 10 digits with no dots or spaces" });

const shareFigure = z.strictObject({
  share: fraction,
  year: z.number().check(z.int(), z.gte(1990), z.lte(2100)),
  basis: z.optional(nonEmptyText),
  source: sourceUrl,
});

const itemSchema = z.strictObject({
  id: identifier,
  name: nonEmptyText,
  description: z.optional(nonEmptyText),
  aliases: z._default(z.array(nonEmptyText), []),
  hsCodes: z._default(z.array(hsCode), []),
  chinaShare: z.optional(
    z.strictObject({
      mining: z.optional(shareFigure),
      processing: z.optional(shareFigure),
    }),
  ),
  /** Ids of the items this one is made of: a control on any of them reaches this item too. */
  contains: z._default(z.array(identifier), []),
});

const timelineEntrySchema = z.strictObject({
  status: z.enum(STATUSES),
  from: isoDate,
  /**
   * Last day of a dated status such as a suspension. Afterwards, unless a later entry has begun, the control
   * counts as in force again; if the document's reviewedAt is earlier than this day, results carry a
   * review_needed warning because nobody has confirmed what happened next.
   */
  until: z.optional(isoDate),
  note: z.optional(nonEmptyText),
});

const destinationSchema = z.strictObject({
  country: countryCode,
  /** How strongly the measure bites for this destination, 0–1 (informal measures reach some places less surely). */
  weight: z._default(fraction, 1),
});

const scopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("worldwide"), extraterritorial: z._default(z.boolean(), false) }),
  z.strictObject({
    kind: z.literal("destinations"),
    destinations: z.array(destinationSchema).check(z.minLength(1)),
    extraterritorial: z._default(z.boolean(), false),
  }),
]);

const sourceSchema = z.strictObject({
  url: sourceUrl,
  title: z.optional(nonEmptyText),
});

const controlSchema = z.strictObject({
  id: identifier,
  title: nonEmptyText,
  description: nonEmptyText,
  category: z.enum(CATEGORIES),
  /** Item ids the control names. Empty only when `anyItem` is true. */
  items: z._default(z.array(identifier), []),
  /** The control bites whatever the row's item is (e.g. machines and engineers held back from one country). */
  anyItem: z._default(z.boolean(), false),
  instrument: nonEmptyText,
  timeline: z.array(timelineEntrySchema).check(z.minLength(1)),
  scope: scopeSchema,
  severity: fraction,
  confidence: z.enum(CONFIDENCES),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  notes: z.optional(nonEmptyText),
});

const statusWeights = z.strictObject({
  proposed: fraction,
  announced: fraction,
  in_force: fraction,
  suspended: fraction,
  informal: fraction,
  framework: fraction,
  lifted: fraction,
});

const categoryWeights = z.strictObject({
  minerals: fraction,
  technology: fraction,
  equipment: fraction,
  personnel: fraction,
});

export const rulesDocumentV1Schema = z.strictObject({
  $schema: z.optional(z.string()),
  schemaVersion: z.literal(SCHEMA_VERSION_1),
  version: nonEmptyText,
  publishedAt: isoDate,
  /** The day a person last checked every control against its sources. */
  reviewedAt: isoDate,
  publisher: z.strictObject({
    name: nonEmptyText,
    url: z.optional(sourceUrl),
    contact: z.optional(nonEmptyText),
  }),
  weights: z.strictObject({
    status: statusWeights,
    categories: categoryWeights,
  }),
  items: z.array(itemSchema).check(z.minLength(1)),
  controls: z.array(controlSchema).check(z.minLength(1)),
}).register(z.globalRegistry, {
  title: "Chokepoint rules document, version 1",
  description: "Export controls, the commodity taxonomy they cover and the weights used to score them. See docs/rules-format.md.",
});

/** A version-1 document with its defaults applied: what upgrade.ts starts from. */
export type RulesDocumentV1 = z.output<typeof rulesDocumentV1Schema>;
