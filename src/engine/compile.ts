/**
 * Rules document → indexes the engine reads row after row. Everything that depends only on the
 * rules is built here, once per ruleset: no row ever builds an index or compiles a pattern.
 */
import type { Control, Item, ProducerFigure, RulesDocument, TimelineEntry } from "../rules/schema";
import { indexProducers } from "../rules/producer-index";
import type { Category } from "../rules/vocabulary";
import { CATEGORIES, hsCodeOf } from "../rules/vocabulary";
import { compileGrades, type CompiledGrade } from "./grades";
import { buildHsIndex, type HsIndex, type HsNomenclature } from "./hs";
import { componentsOf, controlsNamingItems, linksFor, PerItem, type Component, type ControlLink } from "./reach";
import { buildReadingIndex, equipmentRelatedItems, type ReadingIndex } from "./reading-index";
import type { WordRepair } from "./reading";
import { sortTimeline } from "./status";
import type { MatchResult } from "./types";
import { buildScreeningIndex, type ScreeningIndex } from "./screening";
import { wordRepair } from "./word-repair";
import type { RowScorer } from "./score";

/** The scorers a ruleset keeps, by scoring options, and the one used last (a formula's next call nearly always wants it). */
export interface ScorerShelf {
  readonly byOptions: Map<string, RowScorer>;
  last: RowScorer | null;
}

export const emptyScorerShelf = (): ScorerShelf => ({ byOptions: new Map(), last: null });

export interface CompiledControl {
  control: Control;
  timeline: TimelineEntry[];
  /** Destination country → weight; null for a worldwide control. */
  destinations: ReadonlyMap<string, number> | null;
  sourceUrl: string;
}

export type { ControlLink, ControlReach, LinkCondition } from "./reach";

export interface MineralShare {
  share: number;
  stage: "processing" | "mining";
  year: number;
  /** The item the figure belongs to (the row's item or one of its components). */
  itemId: string;
  source: string;
}

export interface MatchMemo {
  readonly results: Map<string, MatchResult>;
  /** How many distinct texts were actually matched (not served from the memo). */
  computed: number;
  /**
   * The text exactly as given → its entry in `results`, so a repeated cell skips normalising. Bounded
   * like `results`; created on first use when a memo is built without it.
   */
  byText?: Map<string, MatchResult>;
}

export interface CompiledRules {
  doc: RulesDocument;
  itemsById: ReadonlyMap<string, Item>;
  /**
   * The items' names as canonical words, the vocabulary, head nouns, vetoes and `about` links the reading
   * of a line uses (reading-index.ts). Built on the first match, then kept with the ruleset.
   */
  readonly readingIndex: () => ReadingIndex;
  /** Unknown words → compounds, truncations and misspellings of the vocabulary (word-repair.ts); lazy. */
  readonly wordRepair: () => WordRepair;
  /** HS code digits → the items claiming them; several items may share a code. */
  hsIndex: HsIndex;
  /** Descriptions of HS headings and subheadings; null until the nomenclature is loaded (or when not given). */
  hsNomenclature: HsNomenclature | null;
  /** Whether those descriptions were all there when this ruleset was compiled (descriptions loaded on demand may not be). */
  hsDescriptionsLoaded: boolean;
  /** The workbook's own assignments: normalised commodity text → item id, or null for "not controlled". */
  userAliases: ReadonlyMap<string, string | null>;
  /**
   * Item id → every item-based control reaching it (directly or through `contains`), one link per control,
   * with the grade conditions met on the way. Worked out on first use per item (see reach.ts).
   */
  controlsByItem: PerItem<readonly ControlLink[]>;
  /** Item id → its grades, ready for matching a line's words against them. */
  gradesByItem: ReadonlyMap<string, readonly CompiledGrade[]>;
  /** Controls that bite whatever the item is. */
  anyItemControls: readonly CompiledControl[];
  controlsByCategory: Readonly<Record<Category, readonly CompiledControl[]>>;
  controlsById: ReadonlyMap<string, CompiledControl>;
  /** China's share of world supply used as default mineral dependence; null when no figure is known. */
  mineralShareByItem: PerItem<MineralShare | null>;
  matchMemo: MatchMemo;
  /**
   * Scorers by scoring options (date and what-if), each keeping the plans it has worked out (plan.ts). Like the
   * commodity memo, a memo of this ruleset, kept and dropped with it (a few option sets, see score.ts).
   */
  readonly scorers: ScorerShelf;
  /** Item id → the producer figures describing it (rules `producers`), in document order. */
  producersByItem: ReadonlyMap<string, readonly ProducerFigure[]>;
  /** The listed entities' names, indexed for screening supplier names; built on first use and kept with the ruleset. */
  screeningIndex: () => ScreeningIndex;
}

/** What compiling may be given besides the document. */
export interface CompileOptions {
  /** Descriptions of HS codes, so a code no item claims can say what it is. */
  hsNomenclature?: HsNomenclature | null;
  /**
   * The ruleset this one replaces (at a refresh). When the new document reads commodity text exactly as the old
   * one did, its readings are kept: most refreshes change statuses, dates and weights, and reading every line of
   * a large workbook again is what made a refresh stall. Plans are never kept: they hold the controls.
   */
  readingsFrom?: CompiledRules | null;
}

/**
 * What reading a commodity line depends on in a document: its items (names, aliases, HS codes, grades, what they
 * contain), its matching section, and which items the controls name together with a machine (the reader's
 * equipment domains). Every field of an item counts except those no reading uses: an edition that only updates
 * China's share of an item or its description (scores take shares through plans, which are never kept) keeps the
 * readings, and so does one that adds or changes controls on materials alone. A field added to items later counts
 * until it is known not to.
 */
const readingSignatures = new WeakMap<RulesDocument, string>();

function readItemFields(item: Item): Partial<Item> {
  const { chinaShare: _share, description: _description, ...read } = item;
  return read;
}

function readingSignature(doc: RulesDocument): string {
  let signature = readingSignatures.get(doc);
  if (signature === undefined) {
    const related = (worldwideOnly: boolean) => [...equipmentRelatedItems(doc, worldwideOnly)].map(([equipment, items]) => [equipment, [...items].sort()]);
    signature = JSON.stringify([doc.items.map(readItemFields), doc.matching, related(false), related(true)]);
    readingSignatures.set(doc, signature);
  }
  return signature;
}

const descriptionsLoaded = (nomenclature: HsNomenclature | null): boolean => nomenclature?.loaded !== false;

/**
 * The readings a new ruleset may keep from the one it replaces: the same memo, or a new one. Not when HS
 * descriptions loaded on demand arrived in between: readings made before lack their words.
 */
function readingsMemo(doc: RulesDocument, options: CompileOptions): MatchMemo {
  const previous = options.readingsFrom ?? null;
  const hsNomenclature = options.hsNomenclature ?? null;
  const sameDescriptions = previous !== null && previous.hsNomenclature === hsNomenclature && previous.hsDescriptionsLoaded === descriptionsLoaded(hsNomenclature);
  if (previous !== null && sameDescriptions && previous.userAliases.size === 0 && readingSignature(previous.doc) === readingSignature(doc)) {
    return previous.matchMemo;
  }
  return { results: new Map(), computed: 0, byText: new Map() };
}

function compileControl(control: Control): CompiledControl {
  return {
    control,
    timeline: sortTimeline(control.timeline),
    destinations:
      control.scope.kind === "worldwide"
        ? null
        : new Map(control.scope.destinations.map((d) => [d.country, d.weight])),
    sourceUrl: control.sources[0].url,
  };
}

function ownShare(item: Item): MineralShare | null {
  const figure = item.chinaShare?.processing ?? item.chinaShare?.mining;
  if (!figure) return null;
  const stage = item.chinaShare?.processing ? "processing" : "mining";
  return { share: figure.share, stage, year: figure.year, itemId: item.id, source: figure.source };
}

function hsClaims(items: readonly Item[]) {
  return items.flatMap((item) => item.hsCodes.map((written) => ({ itemId: item.id, ...hsCodeOf(written) })));
}

/** A value built on first read and then kept (indexes most rulesets need only once rows arrive). */
function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export function compileRules(doc: RulesDocument, options: CompileOptions = {}): CompiledRules {
  const itemsById = new Map(doc.items.map((item) => [item.id, item]));
  const compiledControls = doc.controls.map(compileControl);
  const controlsById = new Map(compiledControls.map((c) => [c.control.id, c]));

  const naming = controlsNamingItems(compiledControls);
  const components = new PerItem<Component[]>((itemId) => componentsOf(itemId, itemsById));
  const controlsByItem = new PerItem<readonly ControlLink[]>((itemId) => (itemsById.has(itemId) ? linksFor(itemId, components.get(itemId), naming) : []));
  const mineralShareByItem = new PerItem<MineralShare | null>((itemId) => {
    const item = itemsById.get(itemId);
    if (item === undefined) return null;
    const own = ownShare(item);
    if (own !== null) return own;
    let highest: MineralShare | null = null;
    for (const component of components.get(itemId)) {
      const share = ownShare(itemsById.get(component.itemId)!);
      if (share !== null && (highest === null || share.share > highest.share)) highest = share;
    }
    return highest;
  });

  const controlsByCategory = Object.fromEntries(
    CATEGORIES.map((category) => [category, compiledControls.filter((c) => c.control.category === category)]),
  ) as Record<Category, CompiledControl[]>;

  const readingIndex = lazily(() => buildReadingIndex(doc));
  const repair = lazily(() => wordRepair(readingIndex().vocabulary, readingIndex().englishWords, readingIndex().nameWords));

  return {
    doc,
    itemsById,
    readingIndex,
    wordRepair: repair,
    hsIndex: buildHsIndex(hsClaims(doc.items)),
    hsNomenclature: options.hsNomenclature ?? null,
    hsDescriptionsLoaded: descriptionsLoaded(options.hsNomenclature ?? null),
    userAliases: new Map(),
    controlsByItem,
    gradesByItem: new Map(doc.items.map((item) => [item.id, compileGrades(item)])),
    anyItemControls: compiledControls.filter((c) => c.control.anyItem),
    controlsByCategory,
    controlsById,
    mineralShareByItem,
    matchMemo: readingsMemo(doc, options),
    scorers: emptyScorerShelf(),
    producersByItem: indexProducers(doc.producers),
    screeningIndex: lazily(() => buildScreeningIndex(doc)),
  };
}
