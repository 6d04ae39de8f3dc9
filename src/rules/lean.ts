/**
 * The bundled rules as the add-in's first load carries them: the document without the texts that only people
 * and the comparison of two editions read (an item's description and what its China shares are shares of, a control's description, a listing's measures in words, the notes of controls,
 * listings, listed entities and producer figures, the sources of a control, a listing or a producer figure after the
 * first, the edition's history of changes). Scores, explanations, screening, profiles and the formulas read none of
 * them: an explanation cites the first source and a control's title, a producer figure its first source. The pane's "What changed" part, fetched when the rules are replaced, carries
 * those texts apart (`leftOutTexts`) and puts the whole document back together before it compares
 * (taskpane/what-changed.ts).
 *
 * The lean document is still a valid document: every field left out is optional, `changes` is empty, and a control's
 * description, which the format requires, is its title until the whole document is put back together, and a listing's
 * measures, required too, are its instrument's name.
 */
import type { RulesDocument } from "./schema";

type Source = RulesDocument["controls"][number]["sources"][number];
type Item = RulesDocument["items"][number];
type ShareStage = keyof NonNullable<Item["chinaShare"]>;

function withoutShareBases(chinaShare: Item["chinaShare"]): Item["chinaShare"] {
  if (chinaShare === undefined) return undefined;
  return Object.fromEntries(Object.entries(chinaShare).map(([stage, { basis: _basis, ...figure }]) => [stage, figure]));
}

function withShareBases(chinaShare: Item["chinaShare"], bases: Partial<Record<ShareStage, string>> | undefined): Item["chinaShare"] {
  if (chinaShare === undefined || bases === undefined) return chinaShare;
  return Object.fromEntries(Object.entries(chinaShare).map(([stage, figure]) => [stage, bases[stage as ShareStage] === undefined ? figure : { ...figure, basis: bases[stage as ShareStage] }]));
}

/** What `leanDocument` leaves out, by id (listed entities by their place in their listing). */
export interface LeftOutTexts {
  changes: RulesDocument["changes"];
  itemDescriptions: Record<string, string>;
  /** What an item's China share of each stage is a share of ("tungsten mine output (USGS MCS 2026)"). */
  shareBases: Record<string, Partial<Record<ShareStage, string>>>;
  controlDescriptions: Record<string, string>;
  listingMeasures: Record<string, string>;
  controlNotes: Record<string, string>;
  listingNotes: Record<string, string>;
  entityNotes: Record<string, (string | null)[]>;
  producerNotes: Record<string, string>;
  /** The sources after the first, of the controls, listings and producer figures that have more than one. */
  controlSources: Record<string, Source[]>;
  listingSources: Record<string, Source[]>;
  producerSources: Record<string, Source[]>;
}

export function leanDocument(doc: RulesDocument): RulesDocument {
  return {
    ...doc,
    items: doc.items.map(({ description: _description, ...item }) => (item.chinaShare === undefined ? item : { ...item, chinaShare: withoutShareBases(item.chinaShare) })),
    controls: doc.controls.map(({ notes: _notes, ...control }) => ({ ...control, description: control.title, sources: control.sources.slice(0, 1) })),
    listings: doc.listings.map(({ notes: _notes, ...listing }) => ({
      ...listing,
      measures: listing.instrument,
      sources: listing.sources.slice(0, 1),
      entities: listing.entities.map(({ notes: _entityNotes, ...entity }) => entity),
    })),
    producers: doc.producers.map(({ notes: _notes, ...figure }) => ({ ...figure, sources: figure.sources.slice(0, 1) })),
    changes: [],
  };
}

export function leftOutTexts(doc: RulesDocument): LeftOutTexts {
  const byId = <T extends { id: string }>(entries: readonly T[], text: (entry: T) => string | undefined): Record<string, string> =>
    Object.fromEntries(entries.flatMap((entry) => (text(entry) === undefined ? [] : [[entry.id, text(entry)!]])));
  return {
    changes: doc.changes,
    itemDescriptions: byId(doc.items, (item) => item.description),
    shareBases: Object.fromEntries(
      doc.items.flatMap((item) => {
        const bases = Object.entries(item.chinaShare ?? {}).flatMap(([stage, figure]) => (figure.basis === undefined ? [] : [[stage, figure.basis]]));
        return bases.length === 0 ? [] : [[item.id, Object.fromEntries(bases)]];
      }),
    ),
    controlDescriptions: byId(doc.controls, (control) => control.description),
    listingMeasures: byId(doc.listings, (listing) => listing.measures),
    controlNotes: byId(doc.controls, (control) => control.notes),
    listingNotes: byId(doc.listings, (listing) => listing.notes),
    controlSources: Object.fromEntries(doc.controls.filter((control) => control.sources.length > 1).map((control) => [control.id, control.sources.slice(1)])),
    listingSources: Object.fromEntries(doc.listings.filter((listing) => listing.sources.length > 1).map((listing) => [listing.id, listing.sources.slice(1)])),
    producerNotes: byId(doc.producers, (figure) => figure.notes),
    producerSources: Object.fromEntries(doc.producers.filter((figure) => figure.sources.length > 1).map((figure) => [figure.id, figure.sources.slice(1)])),
    entityNotes: Object.fromEntries(
      doc.listings.filter((listing) => listing.entities.some((entity) => entity.notes !== undefined)).map((listing) => [listing.id, listing.entities.map((entity) => entity.notes ?? null)]),
    ),
  };
}

/**
 * What the add-in's first load carries: the lean document without its producer figures, which only ALTERNATIVES,
 * PROFILE and the pane's supply section read. They fetch the lean figures apart (`default-rules.json?checked&producers`,
 * `RulesRuntime.supplyRules`), so a workbook that never asks where else an item is produced never loads them.
 */
export function firstLoadDocument(lean: RulesDocument): RulesDocument {
  return { ...lean, producers: [] };
}

/** The whole document again, from the lean one and what was left out of it. */
export function withTexts(lean: RulesDocument, texts: LeftOutTexts): RulesDocument {
  const withText = <T extends object, K extends string>(entry: T, key: K, text: string | null | undefined): T => (text === undefined || text === null ? entry : { ...entry, [key]: text });
  return {
    ...lean,
    items: lean.items.map((item) => {
      const described = withText(item, "description", texts.itemDescriptions[item.id]);
      return item.chinaShare === undefined ? described : { ...described, chinaShare: withShareBases(item.chinaShare, texts.shareBases[item.id]) };
    }),
    controls: lean.controls.map((control) => ({
      ...withText(withText(control, "description", texts.controlDescriptions[control.id]), "notes", texts.controlNotes[control.id]),
      sources: [...control.sources, ...(texts.controlSources[control.id] ?? [])],
    })),
    listings: lean.listings.map((listing) => ({
      ...withText(withText(listing, "notes", texts.listingNotes[listing.id]), "measures", texts.listingMeasures[listing.id]),
      sources: [...listing.sources, ...(texts.listingSources[listing.id] ?? [])],
      entities: listing.entities.map((entity, index) => withText(entity, "notes", texts.entityNotes[listing.id]?.[index])),
    })),
    producers: lean.producers.map((figure) => ({
      ...withText(figure, "notes", texts.producerNotes[figure.id]),
      sources: [...figure.sources, ...(texts.producerSources[figure.id] ?? [])],
    })),
    changes: texts.changes,
  };
}
