/**
 * Rules document → indexes the engine reads row after row. Everything that depends only on the
 * rules is built here, once per ruleset: no row ever builds an index or compiles a pattern.
 */
import Fuse from "fuse.js";
import type { Category, Control, Item, ProducerFigure, RulesDocument, TimelineEntry } from "../rules/schema";
import { indexProducers } from "./alternatives";
import { CATEGORIES, hsCodeOf } from "../rules/schema";
import { itemNames } from "./commodity";
import { compileGrades, type CompiledGrade } from "./grades";
import { componentsOf, controlsNamingItems, linksFor, PerItem, type Component, type ControlLink } from "./reach";
import { sortTimeline } from "./status";
import type { MatchResult } from "./types";
import { LONGEST_FUZZY_TEXT, MIN_FUZZY_CONFIDENCE, aliasLengthBand } from "./match-tuning";
import { buildScreeningIndex, type ScreeningIndex } from "./screening";

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

/** One searchable name or alias of an item, for the tolerant text match. */
export interface AliasEntry {
  itemId: string;
  text: string;
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
  /** Alias key (normalised, plural-insensitive) → item id; names, aliases and ids all count. */
  aliasIndex: ReadonlyMap<string, string>;
  /** The longest alias in words, which bounds the phrase search inside longer text. */
  longestAliasWords: number;
  /** HS digits → item id; `hsPrefixLengths` longest first, for longest-prefix lookup. */
  hsIndex: ReadonlyMap<string, string>;
  hsPrefixLengths: readonly number[];
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
  /**
   * Text length → fuse.js index over the aliases whose length could still give an acceptable confidence
   * (undefined when none could); built on first use and kept with the ruleset.
   */
  fuzzyIndexFor: (length: number) => Fuse<AliasEntry> | undefined;
  matchMemo: MatchMemo;
  /** Item id → the producer figures describing it (rules `producers`), in document order. */
  producersByItem: ReadonlyMap<string, readonly ProducerFigure[]>;
  /** The listed entities' names, indexed for screening supplier names; built on first use and kept with the ruleset. */
  screeningIndex: () => ScreeningIndex;
}

/** fuse.js's own cut-off: a worse score cannot reach the engine's minimum confidence. */
const FUZZY_SEARCH_THRESHOLD = 1 - MIN_FUZZY_CONFIDENCE;

/**
 * One fuse.js index per text length, each holding only aliases within that length's band. Each is built
 * on the first tolerant lookup of a text that long (most sheets need few lengths, many need none), then kept.
 */
function lazyFuzzyIndexes(entries: readonly AliasEntry[]): (length: number) => Fuse<AliasEntry> | undefined {
  const built: (Fuse<AliasEntry> | null | undefined)[] = [];
  return (length) => {
    if (!Number.isInteger(length) || length < 1 || length > LONGEST_FUZZY_TEXT) return undefined;
    let index = built[length];
    if (index === undefined) {
      const { shortest, longest } = aliasLengthBand(length);
      const inBand = entries.filter((e) => e.text.length >= shortest && e.text.length <= longest);
      index =
        inBand.length === 0
          ? null
          : new Fuse(inBand, {
              keys: ["text"],
              includeScore: true,
              ignoreLocation: true,
              ignoreFieldNorm: true,
              threshold: FUZZY_SEARCH_THRESHOLD,
            });
      built[length] = index;
    }
    return index ?? undefined;
  };
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

function buildAliasIndex(items: readonly Item[]): { aliasIndex: Map<string, string>; longestAliasWords: number; entries: AliasEntry[] } {
  const aliasIndex = new Map<string, string>();
  const entries: AliasEntry[] = [];
  let longestAliasWords = 1;
  for (const item of items) {
    const seen = new Set<string>();
    // itemNames gives id, name, aliases, other languages; the name is indexed first.
    const [id, name, ...aliases] = itemNames(item);
    for (const { normalized, key, words } of [name, id, ...aliases]) {
      if (normalized === "" || seen.has(normalized)) continue;
      seen.add(normalized);
      if (!aliasIndex.has(key)) aliasIndex.set(key, item.id);
      longestAliasWords = Math.max(longestAliasWords, words);
      entries.push({ itemId: item.id, text: normalized });
    }
  }
  return { aliasIndex, longestAliasWords, entries };
}

function buildHsIndex(items: readonly Item[]): { hsIndex: Map<string, string>; hsPrefixLengths: number[] } {
  const hsIndex = new Map<string, string>();
  for (const item of items) {
    for (const written of item.hsCodes) {
      const { code } = hsCodeOf(written);
      if (!hsIndex.has(code)) hsIndex.set(code, item.id);
    }
  }
  const hsPrefixLengths = [...new Set([...hsIndex.keys()].map((code) => code.length))].sort((a, b) => b - a);
  return { hsIndex, hsPrefixLengths };
}

export function compileRules(doc: RulesDocument): CompiledRules {
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

  const { aliasIndex, longestAliasWords, entries } = buildAliasIndex(doc.items);
  const { hsIndex, hsPrefixLengths } = buildHsIndex(doc.items);

  return {
    doc,
    itemsById,
    aliasIndex,
    longestAliasWords,
    hsIndex,
    hsPrefixLengths,
    controlsByItem,
    gradesByItem: new Map(doc.items.map((item) => [item.id, compileGrades(item)])),
    anyItemControls: compiledControls.filter((c) => c.control.anyItem),
    controlsByCategory,
    controlsById,
    mineralShareByItem,
    fuzzyIndexFor: lazyFuzzyIndexes(entries),
    matchMemo: { results: new Map(), computed: 0, byText: new Map() },
    producersByItem: indexProducers(doc.producers),
    screeningIndex: lazily(() => buildScreeningIndex(doc)),
  };
}

function lazily<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
