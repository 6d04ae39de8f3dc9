/**
 * The rules document, version 2: the commodity taxonomy (items, their grades and names in several
 * languages, HS codes by tariff system), the controls (clauses of an instrument, which grades of an item
 * they reach, a dated status timeline that may be marked unconfirmed), and the edition's list of changes.
 * A version-1 document is still read: it is checked against schema-v1.ts and upgraded (upgrade.ts).
 * docs/rules-format.md explains every field; `chokepoint schema` prints the JSON Schema made from this.
 */
import * as z from "./zod";
import { isValid as isKnownCountryCode } from "i18n-iso-countries";
import {
  CATEGORIES,
  CONFIDENCES,
  FIGURE_QUALIFIERS,
  ITEM_KINDS,
  LISTING_EFFECTS,
  LISTING_STATUSES,
  LIST_KINDS,
  NAME_LANGUAGES,
  PRODUCER_STAGES,
  PRODUCTION_BASES,
  QUANTITIES,
  STATUSES,
  TARIFF_SYSTEMS,
  type Quantity,
} from "./vocabulary";

/** The rules-document format this code writes and reads. A newer document is refused, never half-loaded. */
export const SUPPORTED_SCHEMA_VERSION = 2;










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

/** Free text that must say something: a description, a note, a title. */
const nonEmptyText = z.string().check(z.minLength(1));

/** A name, alias or phrase: one line of readable text. */
const phrase = z.string().check(z.minLength(1), z.maxLength(200));

/** HS codes are written as digits only in the document, 4 to 10 of them (prefixes are allowed). */
const hsDigits = z.stringFormat("hs-code", /^\d{4,10}$/, { error: "HS codes are 4 to 10 digits with no dots or spaces" });

/**
 * An HS code: a bare string is an international heading or subheading (4 or 6 digits); a longer national
 * line says whose it is, because the digits after the sixth mean different things in China, the US and the EU.
 */
export const hsCodeSchema = z.union([
  hsDigits,
  z.strictObject({
    code: hsDigits,
    system: z.enum(TARIFF_SYSTEMS),
    note: z.optional(phrase),
  }),
]);

const shareFigure = z.strictObject({
  share: fraction,
  year: z.number().check(z.int(), z.gte(1990), z.lte(2100)),
  basis: z.optional(nonEmptyText),
  source: sourceUrl,
});

/** Names of an item (or grade) in other languages, e.g. `{ "de": ["Gallium"], "ja": ["ガリウム"] }`. */
const namesByLanguage = z.partialRecord(z.enum(NAME_LANGUAGES), z.array(phrase));

/**
 * A grade or form of an item that a control may treat differently: "fine powder", "Dy/Tb-bearing NdFeB",
 * "InP wafer". In a grade's aliases `#` stands for a run of digits, so "N#SH" reads N35SH and N52SH.
 */
export const gradeSchema = z.strictObject({
  id: identifier,
  name: phrase,
  aliases: z._default(z.array(phrase), []),
  names: z.optional(namesByLanguage),
  note: z.optional(nonEmptyText),
});

/** A bound on a measurable property, in the quantity's canonical unit (QUANTITIES). */
export const thresholdSchema = z
  .strictObject({
    quantity: z.enum(Object.keys(QUANTITIES) as [Quantity, ...Quantity[]]),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    /** Whether a value exactly at the bound is covered (default true: "≥ 300 Wh/kg", "≤ 50 µm"). */
    inclusive: z._default(z.boolean(), true),
  })
  .check(z.refine((t) => t.min !== undefined || t.max !== undefined, { message: "a threshold needs min, max or both" }));

/**
 * Which part of an item a reference reaches. With none of `grades`, `excludes` or `thresholds` the whole item
 * is reached. Otherwise: a number the row states for a bounded quantity decides; else a grade the row names
 * (in `grades`: reached; in `excludes`: not reached); else the row does not say, and the reference applies at
 * the reduced weight `weights.grades.unspecified` with a warning quoting `condition`.
 */
const gradeConditions = {
  grades: z.optional(z.array(identifier)),
  excludes: z.optional(z.array(identifier)),
  thresholds: z.optional(z.array(thresholdSchema)),
  /** The condition in words, quoted to the analyst when the row does not say ("only Mo powder ≤ 50 µm"). */
  condition: z.optional(nonEmptyText),
};

// ---------------------------------------------------------------------------------------------------------
// Reading commodity text (docs/scoring.md "Matching a commodity"). Optional, so version-1 documents and
// documents written before these fields still validate unchanged.
// ---------------------------------------------------------------------------------------------------------

/** Fields an item may carry for the matcher, spread into itemSchema. */
const readingFields = {
  /**
   * For a technology or service item: the items it is about. A line that is a technology (licence, know-how,
   * process package) or a service (commissioning, maintenance) and names one of these reads as this item.
   */
  about: z.optional(z.array(identifier)),
};

/**
 * Phrases that make a line a non-good (a service, a utility, recycling, a licence…): a line whose head is one
 * of them is not read as any item, except items of the kinds listed (a licence can be a technology item).
 */
export const nonGoodsSchema = z.strictObject({
  id: identifier,
  phrases: z.array(phrase).check(z.minLength(1)),
  exceptKinds: z._default(z.array(z.enum(ITEM_KINDS)), []),
  note: z.optional(nonEmptyText),
});

/** Top-level sections for the matcher, spread into the document schema. */
const readingSections = {
  matching: z.optional(
    z.strictObject({
      nonGoods: z._default(z.array(nonGoodsSchema), []),
    }),
  ),
};

export const coverageSchema = z.union([identifier, z.strictObject({ item: identifier, ...gradeConditions })]);
export type CoverageInput = z.input<typeof coverageSchema>;

export const itemSchema = z.strictObject({
  id: identifier,
  name: phrase,
  description: z.optional(nonEmptyText),
  kind: z._default(z.enum(ITEM_KINDS), "material"),
  /** Other names in any script: trade names, formulas, abbreviations, English spellings. */
  aliases: z._default(z.array(phrase), []),
  names: z.optional(namesByLanguage),
  hsCodes: z._default(z.array(hsCodeSchema), []),
  /** Phrases that mean a line is NOT this item even when one of its names appears ("Ga-free", "LFP-free"). */
  exclusions: z._default(z.array(phrase), []),
  grades: z._default(z.array(gradeSchema), []),
  chinaShare: z.optional(
    z.strictObject({
      mining: z.optional(shareFigure),
      processing: z.optional(shareFigure),
    }),
  ),
  /**
   * The items this one is made of: a control on any of them reaches this item too. An entry may hold only for
   * some grades of THIS item (NdFeB contains dysprosium only in its Dy/Tb-bearing grades).
   */
  contains: z._default(z.array(coverageSchema), []),
  ...readingFields,
});

export const timelineEntrySchema = z.strictObject({
  status: z.enum(STATUSES),
  from: isoDate,
  /**
   * Last day of a dated status such as a suspension. Afterwards, unless a later entry has begun, the control
   * counts as in force again; if the document's reviewedAt is earlier than this day, results carry a
   * review_needed warning because nobody has confirmed what happened next.
   */
  until: z.optional(isoDate),
  /**
   * No source confirms this entry (e.g. "the suspension ended; no public source on an extension"). It scores
   * as its status, and results carry a status_unconfirmed warning quoting `note`, which is then required.
   */
  unconfirmed: z._default(z.boolean(), false),
  note: z.optional(nonEmptyText),
});

export const destinationSchema = z.strictObject({
  country: countryCode,
  /** How strongly the measure bites for this destination, 0–1 (informal measures reach some places less surely). */
  weight: z._default(fraction, 1),
});

export const scopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("worldwide"), extraterritorial: z._default(z.boolean(), false) }),
  z.strictObject({
    kind: z.literal("destinations"),
    destinations: z.array(destinationSchema).check(z.minLength(1)),
    extraterritorial: z._default(z.boolean(), false),
  }),
]);

export const sourceSchema = z.strictObject({
  url: sourceUrl,
  title: z.optional(nonEmptyText),
});

export const controlSchema = z.strictObject({
  id: identifier,
  title: nonEmptyText,
  description: nonEmptyText,
  category: z.enum(CATEGORIES),
  /** Items the control names, each whole or only some of its grades. Empty only when `anyItem` is true. */
  items: z._default(z.array(coverageSchema), []),
  /** The control bites whatever the row's item is (e.g. machines and engineers held back from one country). */
  anyItem: z._default(z.boolean(), false),
  /** The legal instrument in full, e.g. "MOFCOM Announcement No. 46 of 2024". */
  instrument: nonEmptyText,
  /** The clause of the instrument when it holds several controls, e.g. "cl. 2". */
  clause: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** How explanations cite it, short: "No. 46/2024 cl. 2". */
  citation: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
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
  dropped: fraction,
});

const categoryWeights = z.strictObject({
  minerals: fraction,
  technology: fraction,
  equipment: fraction,
  personnel: fraction,
});

/** How grade conditions weigh when the row does not say which grade it is. */
const gradeWeights = z.strictObject({
  unspecified: fraction,
});

/** One entry of the edition's change list, written by the rule owner (shown beside the computed diff). */
export const changeSchema = z.strictObject({
  date: isoDate,
  controls: z._default(z.array(identifier), []),
  items: z._default(z.array(identifier), []),
  summary: z.string().check(z.minLength(1), z.maxLength(500)),
});

// ---------------------------------------------------------------- producers (where else an item is produced)





/** Free text in a producer figure: one readable paragraph at most. */
const producerNote = z.string().check(z.minLength(1), z.maxLength(600));

/** A country's share of world output at the stage; `share` null when the source names it without one. */
const producerCountrySchema = z.strictObject({
  country: countryCode,
  share: z.nullable(fraction),
  qualifier: z.optional(z.enum(FIGURE_QUALIFIERS)),
  /** Output in the unit of the figure's world total, when the source gives it. */
  amount: z.optional(z.number().check(z.nonnegative())),
  note: z.optional(producerNote),
});

/** A region or remainder the source does not split by country ("rest of world", "Other countries", "Europe"). */
const producerGroupSchema = z.strictObject({
  label: phrase,
  share: z.nullable(fraction),
  qualifier: z.optional(z.enum(FIGURE_QUALIFIERS)),
  amount: z.optional(z.number().check(z.nonnegative())),
  note: z.optional(producerNote),
});

const worldTotalSchema = z.strictObject({
  value: z.number().check(z.positive()),
  /** Upper end when the source gives a range ("10,000–15,000 t"). */
  upTo: z.optional(z.number().check(z.positive())),
  qualifier: z.optional(z.enum(FIGURE_QUALIFIERS)),
  /** As the source states it: "t", "t Sb content", "kt Li", "t REO", "billion carats". */
  unit: z.string().check(z.minLength(1), z.maxLength(40)),
  /** e.g. "excludes the United States (withheld)". */
  note: z.optional(producerNote),
});

/**
 * One row of a producer table: the world's output of a material at one stage in one year, China's share of
 * it, and the other producing countries. Countries are where production happens, not who owns the producer.
 */
export const producerFigureSchema = z.strictObject({
  /** Stable id, e.g. "lithium-refining-2024-iea". */
  id: identifier,
  /** Items the figure describes (an ore's mining figure describes every element won from it); may be empty for context. */
  items: z._default(z.array(identifier), []),
  /** What was measured, in the source's words: "Chemical refining (carbonate, hydroxide, etc.)". */
  material: phrase,
  stage: z.enum(PRODUCER_STAGES),
  basis: z._default(z.enum(PRODUCTION_BASES), "production"),
  /** The data year; absent when the source found no figure at all. For a multi-year average, its last year. */
  year: z.optional(z.number().check(z.int(), z.gte(1990), z.lte(2100))),
  /** First year of a multi-year average (the EU CRM 2023 study averages 2016–2020). */
  fromYear: z.optional(z.number().check(z.int(), z.gte(1990), z.lte(2100))),
  /** The source's own estimate for a year not yet closed (USGS "2025e"). */
  estimated: z._default(z.boolean(), false),
  worldTotal: z.optional(worldTotalSchema),
  china: z.strictObject({
    /** China's share of world output at the stage; null when the source gives none ("leading producer"). */
    share: z.nullable(fraction),
    qualifier: z.optional(z.enum(FIGURE_QUALIFIERS)),
    amount: z.optional(z.number().check(z.nonnegative())),
    note: z.optional(producerNote),
  }),
  /** Producers outside China, as the source lists them. */
  countries: z._default(z.array(producerCountrySchema), []),
  groups: z._default(z.array(producerGroupSchema), []),
  /** Required when no country outside China has a share: why there is no country breakdown. */
  noCountryBreakdown: z.optional(producerNote),
  sources: z._default(z.array(sourceSchema), []),
  /** C: official table seen; R: secondary or third-party copy; U: estimate, proxy or unclear basis. Absent when nothing was found. */
  confidence: z.optional(z.enum(CONFIDENCES)),
  /** A later figure for the same year and stage that replaces this one (a revised edition). */
  supersededBy: z.optional(identifier),
  /**
   * Items whose `chinaShare` for this stage and year knowingly differs from this figure, each with the reason;
   * without an entry here such a difference is a china_share_mismatch.
   */
  chinaShareDiffers: z._default(z.array(z.strictObject({ item: identifier, reason: producerNote })), []),
  notes: z.optional(producerNote),
});

// ================================================================ China's entity lists (listings)
// MOFCOM, the UEL working mechanism, the MFA and the Ministry of Finance name firms as well as goods. Each
// listing action is one notice: the list it adds to, what it does to trade, a dated status timeline, and
// the entities it names. docs/rules-format.md ("Listings") explains every field; the engine screens
// supplier names against the entities (src/engine/screening.ts) and weighs a match (docs/scoring.md).






export const listingTimelineEntrySchema = z.strictObject({
  status: z.enum(LISTING_STATUSES),
  from: isoDate,
  /** Last day of a dated status (a suspension). Afterwards, unless a later entry has begun, the entity counts as listed again. */
  until: z.optional(isoDate),
  /** No source confirms this entry; it counts as its status and results quote `note`, which is then required. */
  unconfirmed: z._default(z.boolean(), false),
  note: z.optional(nonEmptyText),
});

/** One entity a notice names, written as the notice (or its compiler) writes it. Nothing is inferred into a name. */
export const listedEntitySchema = z.strictObject({
  /** The name as listed, e.g. "MP Materials Corp.". */
  name: phrase,
  /** The Chinese name used in the notice, e.g. "芒廷帕斯材料公司". */
  nameZh: z.optional(phrase),
  /** Countries the listing gives (ISO 3166-1 alpha-2), seat first; empty when the listing gives none. */
  countries: z._default(z.array(countryCode), []),
  /** The country is inferred from the legal form, not stated in the listing. */
  countryInferred: z._default(z.boolean(), false),
  /** Other names of the same entity: a listing alias, a former name, an abbreviation the notice uses. */
  aliases: z._default(z.array(phrase), []),
  /** Units, branches or subsidiaries the listing itself names as part of this entity. */
  units: z._default(z.array(phrase), []),
  notes: z.optional(nonEmptyText),
});

export const listingActionSchema = z.strictObject({
  /** A key for the notice, e.g. "ECL-2026-23". Unique among listings and controls. */
  id: identifier,
  list: z.enum(LIST_KINDS),
  /** The notice in full, e.g. "MOFCOM Announcement No. 23 of 2026". */
  instrument: nonEmptyText,
  /** How results cite it, short: "No. 23/2026". */
  citation: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  /** The day the notice was issued. */
  date: isoDate,
  /** The day its measures took effect, when different. */
  effective: z.optional(isoDate),
  /** The measures in words, as the notice states them. */
  measures: nonEmptyText,
  /** What the measures do to trade (see LISTING_EFFECTS); empty when the notice set no measure that was seen. */
  effects: z._default(z.array(z.enum(LISTING_EFFECTS)), []),
  timeline: z.array(listingTimelineEntrySchema).check(z.minLength(1)),
  confidence: z.enum(CONFIDENCES),
  /** Where the confidence differs by part, e.g. "C (action) / R (names)". */
  confidenceNote: z.optional(nonEmptyText),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  entities: z._default(z.array(listedEntitySchema), []),
  /** How many entities the notice names whose names were not found; never filled with guesses. */
  unnamedEntities: z.optional(z.number().check(z.int(), z.gte(1))),
  notes: z.optional(nonEmptyText),
});

/**
 * How much a listing weighs in a supplier's score: a weight per supply effect (SUPPLY_EFFECTS) times a
 * weight for the listing's status on the date. docs/scoring.md explains the defaults.
 */
export const listingWeightsSchema = z.strictObject({
  effects: z.strictObject({
    dual_use_ban: fraction,
    licence_review: fraction,
    trade_ban: fraction,
    transaction_ban: fraction,
  }),
  status: z.strictObject({
    listed: fraction,
    suspended: fraction,
    lifted: fraction,
    cancelled: fraction,
  }),
});

export const DEFAULT_LISTING_WEIGHTS: z.output<typeof listingWeightsSchema> = {
  effects: { dual_use_ban: 1, licence_review: 0.5, trade_ban: 1, transaction_ban: 1 },
  status: { listed: 1, suspended: 0.25, lifted: 0, cancelled: 0 },
};
// ================================================================ end of listings

export const rulesDocumentSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    schemaVersion: z.literal(SUPPORTED_SCHEMA_VERSION),
    version: z.string().check(z.minLength(1), z.maxLength(100)),
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
      grades: z._default(gradeWeights, { unspecified: 0.5 }),
      /** What a supplier's listing weighs (see listingWeightsSchema). */
      listings: z._default(listingWeightsSchema, DEFAULT_LISTING_WEIGHTS),
    }),
    items: z.array(itemSchema).check(z.minLength(1)),
    controls: z.array(controlSchema).check(z.minLength(1)),
    /** What changed since the previous edition, newest first. */
    changes: z._default(z.array(changeSchema), []),
    /** Where else each item is produced: world output by stage, China's share and the other producers. */
    producers: z._default(z.array(producerFigureSchema), []),
    /** China's entity lists: listing actions and the entities they name (optional). */
    listings: z._default(z.array(listingActionSchema), []),
    ...readingSections,
  })
  .register(z.globalRegistry, {
    title: "Chokepoint rules document",
    description: "Export controls, the commodity taxonomy they cover and the weights used to score them. See docs/rules-format.md.",
  });

/** A rules document as authored (defaults not yet applied). */
export type RulesDocumentInput = z.input<typeof rulesDocumentSchema>;
/** A validated rules document with defaults applied. */
export type RulesDocument = z.output<typeof rulesDocumentSchema>;
export type Item = RulesDocument["items"][number];
export type Grade = Item["grades"][number];
export type HsCode = Item["hsCodes"][number];
export type Coverage = Item["contains"][number];
export type Threshold = z.output<typeof thresholdSchema>;
export type Control = RulesDocument["controls"][number];
export type TimelineEntry = Control["timeline"][number];
export type Scope = Control["scope"];
export type ShareFigure = z.output<typeof shareFigure>;
export type Change = RulesDocument["changes"][number];
export type ListingAction = RulesDocument["listings"][number];
export type ListedEntity = ListingAction["entities"][number];
export type ListingTimelineEntry = ListingAction["timeline"][number];
export type ListingWeights = RulesDocument["weights"]["listings"];
export type NonGoods = z.output<typeof nonGoodsSchema>;




export type ProducerFigure = RulesDocument["producers"][number];
export type ProducerCountry = ProducerFigure["countries"][number];
