/**
 * Two editions of the rules → what changed, in words an analyst reads ("suspended from 2025-11-09 until
 * 2026-11-27", "covers ndfeb-magnet: grades dy-tb-bearing; not plain-n"), beside the rule owner's own list
 * of changes, with every disagreement between the two flagged. Pure: two validated documents in, data out;
 * the CLI and the pane only lay it out.
 *
 * Top-level sections this file has no words for (other issues add `listings`, `producers`, …) are still
 * compared: an array of objects with an `id` is matched entry by entry on the id, anything else leaf by
 * leaf, so a new section shows up in every diff the day it is added. To give a section words of its own,
 * add a differ for its name to SECTION_DIFFERS.
 */
import { type Change, type Control, type Coverage, type Grade, type HsCode, type Item, type RulesDocument, type Scope, type ShareFigure, type Threshold, type TimelineEntry } from "../rules/schema";
import { QUANTITIES, coverageOf, hsCodeOf, type Category, type Confidence } from "../rules/vocabulary";
import { STATUS_WORDS } from "./explain";
import { sortTimeline } from "./status";

/** One difference, in words: `before` null means added, `after` null means removed. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface EditionFacts {
  version: string;
  publishedAt: string;
  reviewedAt: string;
}

/** A control that is only in one of the two editions. */
export interface ControlSummary {
  id: string;
  title: string;
  category: Category;
  citation: string | null;
  /** Its status timeline in words. */
  timeline: string;
}

export interface ItemSummary {
  id: string;
  name: string;
}

/** A control, item or section entry present in both editions, and what differs. */
export interface EntryChange {
  id: string;
  /** The entry's title or name in the new edition. */
  name: string;
  fields: FieldChange[];
}

export interface SectionEntry {
  id: string;
  label: string;
}

/** A top-level section compared without words of its own (see SECTION_DIFFERS). */
export interface SectionDiff {
  name: string;
  added: SectionEntry[];
  removed: SectionEntry[];
  changed: EntryChange[];
}

export interface IdLists {
  controls: string[];
  items: string[];
}

/** An entry of the rule owner's `changes` list, with the ids it names that did not change. */
export interface OwnerChange extends Change {
  unchanged: IdLists;
}

export interface OwnerChanges {
  /** Entries of the new edition's `changes` list that the old edition does not carry, as written. */
  entries: OwnerChange[];
  /** Controls and items that changed (added, removed or edited) but no entry names. */
  notListed: IdLists;
  /** Controls and items an entry names that did not change (or exist in neither edition). */
  listedUnchanged: IdLists;
  /** True when the list and the documents tell the same story. */
  agree: boolean;
}

export interface RulesDiff {
  rules: { old: EditionFacts; new: EditionFacts };
  /** Version, dates, publisher and weights. */
  edition: FieldChange[];
  controls: { added: ControlSummary[]; removed: ControlSummary[]; changed: EntryChange[] };
  items: { added: ItemSummary[]; removed: ItemSummary[]; changed: EntryChange[] };
  /** Top-level sections other than the ones above, compared generically. */
  sections: SectionDiff[];
  ownerChanges: OwnerChanges;
}

// ---------------------------------------------------------------- words

const CONFIDENCE_WORDS: Record<Confidence, string> = {
  C: "C (official text or two independent reports)",
  R: "R (one secondary source)",
  U: "U (unconfirmed or conflicting reports)",
};

const QUANTITY_WORDS: Record<keyof typeof QUANTITIES, string> = {
  purity: "purity",
  particle_size: "particle size",
  energy_density: "energy density",
  density: "density",
  specific_capacity: "specific capacity",
  flexural_strength: "flexural strength",
  pressure: "pressure",
  bore_diameter: "bore diameter",
  volume: "volume",
};

function amount(value: number, unit: string): string {
  return unit === "%" ? `${value}%` : `${value} ${unit}`;
}

function describeThreshold(threshold: Threshold): string {
  const unit = QUANTITIES[threshold.quantity];
  const bounds: string[] = [];
  if (threshold.min !== undefined) bounds.push(`${threshold.inclusive ? "≥" : ">"} ${amount(threshold.min, unit)}`);
  if (threshold.max !== undefined) bounds.push(`${threshold.inclusive ? "≤" : "<"} ${amount(threshold.max, unit)}`);
  return `${QUANTITY_WORDS[threshold.quantity]} ${bounds.join(" and ")}`;
}

/** A coverage or contains entry: "whole item", or the grades, exclusions and thresholds, then the condition in words. */
export function describeCoverage(entry: Coverage): string {
  const coverage = coverageOf(entry);
  const parts: string[] = [];
  if (coverage.grades?.length) parts.push(`grades ${coverage.grades.join(", ")}`);
  if (coverage.excludes?.length) parts.push(`not ${coverage.excludes.join(", ")}`);
  for (const threshold of coverage.thresholds ?? []) parts.push(describeThreshold(threshold));
  const reach = parts.length > 0 ? parts.join("; ") : "whole item";
  return coverage.condition ? `${reach} (${coverage.condition})` : reach;
}

function describeEntry(entry: Omit<TimelineEntry, "unconfirmed"> & { unconfirmed?: boolean }): string {
  const until = entry.until ? ` until ${entry.until}` : "";
  return `${STATUS_WORDS[entry.status]} from ${entry.from}${until}${entry.unconfirmed ? " (unconfirmed)" : ""}`;
}

/** A status timeline in date order, e.g. "in force from 2024-12-03; suspended from 2025-11-09 until 2026-11-27". */
export function describeTimeline(timeline: readonly TimelineEntry[]): string {
  return sortTimeline(timeline).map(describeEntry).join("; ");
}

/** Where a control reaches: "worldwide", or the destinations with any weight below 1. */
export function describeScope(scope: Scope): string {
  const reach =
    scope.kind === "worldwide"
      ? "worldwide"
      : `only to ${scope.destinations.map((d) => (d.weight === 1 ? d.country : `${d.country} (weight ${d.weight})`)).join(", ")}`;
  return scope.extraterritorial ? `${reach}; re-exports by third parties caught` : reach;
}

function describeHsCode(written: HsCode): string {
  const { code, system, note } = hsCodeOf(written);
  return `${code} (${system}${note ? `: ${note}` : ""})`;
}

function describeGrade(grade: Grade): string {
  const parts = [grade.name];
  if (grade.aliases.length > 0) parts.push(`aliases ${grade.aliases.join(", ")}`);
  for (const [language, names] of Object.entries(grade.names ?? {})) if (names?.length) parts.push(`${language} ${names.join(", ")}`);
  if (grade.note) parts.push(grade.note);
  return parts.join("; ");
}

function describeShare(figure: ShareFigure | undefined): string | null {
  if (figure === undefined) return null;
  const basis = figure.basis ? `, ${figure.basis}` : "";
  return `${Number((figure.share * 100).toFixed(1))}% (${figure.year}${basis}; ${figure.source})`;
}

function describeSource(source: Control["sources"][number]): string {
  return source.title ?? "(no title)";
}

const STATUS_WEIGHT_NAMES: Record<string, string> = STATUS_WORDS;

/** The words for a path inside `weights`. */
function weightField(path: string): string {
  const [group, key] = path.split(".");
  if (group === "status" && key !== undefined && key in STATUS_WEIGHT_NAMES) return `status weight, ${STATUS_WEIGHT_NAMES[key]}`;
  if (group === "categories" && key !== undefined) return `category weight, ${key}`;
  if (path === "grades.unspecified") return "weight when the grade is not stated";
  return `weights ${path}`;
}

/** Fields named "<head><item id>" whose entries fold together when they read the same. */
const FOLDING_HEADS = ["covers ", "contains "];

/**
 * Changes folded for reading: consecutive additions (or removals) under one field become one ("alias:
 * added Ga metal, gallium ingot"), and consecutive items added or removed with the same words become one
 * ("covers samarium, terbium: removed whole item"). The diff itself keeps one change per entry.
 */
export function foldFieldChanges(fields: readonly FieldChange[]): FieldChange[] {
  const folded: { change: FieldChange; head: string | null; keys: string[] }[] = [];
  for (const change of fields) {
    const last = folded.at(-1);
    const head = FOLDING_HEADS.find((prefix) => change.field.startsWith(prefix)) ?? null;
    const oneSided = change.before === null || change.after === null;
    if (last !== undefined && head !== null && last.head === head && oneSided && last.change.before === change.before && last.change.after === change.after) {
      last.keys.push(change.field.slice(head.length));
      last.change.field = `${head}${last.keys.join(", ")}`;
      continue;
    }
    if (last !== undefined && head === null && last.change.field === change.field) {
      if (last.change.before === null && change.before === null && last.change.after !== null && change.after !== null) {
        last.change.after = `${last.change.after}, ${change.after}`;
        continue;
      }
      if (last.change.after === null && change.after === null && last.change.before !== null && change.before !== null) {
        last.change.before = `${last.change.before}, ${change.before}`;
        continue;
      }
    }
    folded.push({ change: { ...change }, head: oneSided ? head : null, keys: head === null ? [] : [change.field.slice(head.length)] });
  }
  return folded.map((entry) => entry.change);
}

// ---------------------------------------------------------------- comparing

type Scalar = string | number | boolean | null | undefined;

function scalarText(value: Scalar): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function scalar(field: string, before: Scalar, after: Scalar): FieldChange[] {
  const a = scalarText(before);
  const b = scalarText(after);
  return a === b ? [] : [{ field, before: a, after: b }];
}

/**
 * Entries of a list matched on a key: one change per entry added, removed or described differently.
 * Changed and added entries come in the new edition's order, then the removed ones in the old edition's.
 */
function keyed<T>(
  fieldOf: (key: string) => string,
  before: readonly T[],
  after: readonly T[],
  keyOf: (entry: T) => string,
  describe: (entry: T) => string,
): FieldChange[] {
  const old = new Map(before.map((entry) => [keyOf(entry), describe(entry)] as const));
  const now = new Map(after.map((entry) => [keyOf(entry), describe(entry)] as const));
  const changes: FieldChange[] = [];
  for (const [key, text] of now) {
    const previous = old.get(key);
    if (previous === undefined) changes.push({ field: fieldOf(key), before: null, after: text });
    else if (previous !== text) changes.push({ field: fieldOf(key), before: previous, after: text });
  }
  for (const [key, text] of old) if (!now.has(key)) changes.push({ field: fieldOf(key), before: text, after: null });
  return changes;
}

const same = (text: string) => text;

function timelineChanges(before: readonly TimelineEntry[], after: readonly TimelineEntry[]): FieldChange[] {
  const noted = (timeline: readonly TimelineEntry[]) => timeline.filter((entry) => entry.note !== undefined);
  return [
    ...scalar("status timeline", describeTimeline(before), describeTimeline(after)),
    ...keyed(
      (key) => `note on ${key}`,
      noted(before),
      noted(after),
      (entry) => `${STATUS_WORDS[entry.status]} from ${entry.from}`,
      (entry) => entry.note!,
    ),
  ];
}

function controlFields(a: Control, b: Control): FieldChange[] {
  return [
    ...scalar("title", a.title, b.title),
    ...scalar("category", a.category, b.category),
    ...timelineChanges(a.timeline, b.timeline),
    ...scalar("scope", describeScope(a.scope), describeScope(b.scope)),
    ...scalar("severity", a.severity, b.severity),
    ...scalar("confidence", CONFIDENCE_WORDS[a.confidence], CONFIDENCE_WORDS[b.confidence]),
    ...scalar("applies to any item", a.anyItem, b.anyItem),
    ...keyed((item) => `covers ${item}`, a.items, b.items, (entry) => coverageOf(entry).item, describeCoverage),
    ...scalar("instrument", a.instrument, b.instrument),
    ...scalar("clause", a.clause, b.clause),
    ...scalar("citation", a.citation, b.citation),
    ...keyed((url) => `source ${url}`, a.sources, b.sources, (source) => source.url, describeSource),
    ...scalar("description", a.description, b.description),
    ...scalar("notes", a.notes, b.notes),
  ];
}

function itemFields(a: Item, b: Item): FieldChange[] {
  const languages = [...new Set([...Object.keys(a.names ?? {}), ...Object.keys(b.names ?? {})])] as (keyof NonNullable<Item["names"]>)[];
  return [
    ...scalar("name", a.name, b.name),
    ...scalar("kind", a.kind, b.kind),
    ...keyed(() => "alias", a.aliases, b.aliases, same, same),
    ...languages.flatMap((language) => keyed(() => `name (${language})`, a.names?.[language] ?? [], b.names?.[language] ?? [], same, same)),
    ...keyed(() => "HS code", a.hsCodes, b.hsCodes, (code) => `${hsCodeOf(code).system} ${hsCodeOf(code).code}`, describeHsCode),
    ...keyed(() => "exclusion", a.exclusions, b.exclusions, same, same),
    ...keyed((id) => `grade ${id}`, a.grades, b.grades, (grade) => grade.id, describeGrade),
    ...scalar("China share, mining", describeShare(a.chinaShare?.mining), describeShare(b.chinaShare?.mining)),
    ...scalar("China share, processing", describeShare(a.chinaShare?.processing), describeShare(b.chinaShare?.processing)),
    ...keyed((item) => `contains ${item}`, a.contains, b.contains, (entry) => coverageOf(entry).item, describeCoverage),
    ...scalar("description", a.description, b.description),
  ];
}

function editionFields(a: RulesDocument, b: RulesDocument): FieldChange[] {
  return [
    ...scalar("version", a.version, b.version),
    ...scalar("published", a.publishedAt, b.publishedAt),
    ...scalar("reviewed", a.reviewedAt, b.reviewedAt),
    ...scalar("publisher", a.publisher.name, b.publisher.name),
    ...scalar("publisher URL", a.publisher.url, b.publisher.url),
    ...scalar("publisher contact", a.publisher.contact, b.publisher.contact),
    ...genericChanges(a.weights, b.weights, "").map((change) => ({ ...change, field: weightField(change.field) })),
  ];
}

function diffById<T extends { id: string }, Summary>(
  before: readonly T[],
  after: readonly T[],
  fields: (a: T, b: T) => FieldChange[],
  summarize: (entry: T) => Summary,
  nameOf: (entry: T) => string,
): { added: Summary[]; removed: Summary[]; changed: EntryChange[] } {
  const old = new Map(before.map((entry) => [entry.id, entry]));
  const now = new Set(after.map((entry) => entry.id));
  const changed: EntryChange[] = [];
  const added: Summary[] = [];
  for (const entry of after) {
    const previous = old.get(entry.id);
    if (previous === undefined) {
      added.push(summarize(entry));
      continue;
    }
    const differences = fields(previous, entry);
    if (differences.length > 0) changed.push({ id: entry.id, name: nameOf(entry), fields: differences });
  }
  const removed = before.filter((entry) => !now.has(entry.id)).map(summarize);
  return { added, removed, changed };
}

function summarizeControl(control: Control): ControlSummary {
  return {
    id: control.id,
    title: control.title,
    category: control.category,
    citation: control.citation ?? null,
    timeline: describeTimeline(control.timeline),
  };
}

// ---------------------------------------------------------------- sections without words of their own

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two equal values give the same text whatever their key order. */
function canonical(value: Json): string {
  return JSON.stringify(value, (_key, v: Json) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  ) ?? "undefined";
}

const LONGEST_LEAF_TEXT = 300;

function leafText(value: Json): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return scalarText(value);
  const text = canonical(value);
  return text.length > LONGEST_LEAF_TEXT ? `${text.slice(0, LONGEST_LEAF_TEXT - 1)}…` : text;
}

function hasIds(value: Json): value is (Record<string, Json> & { id: string })[] {
  return Array.isArray(value) && value.every((entry) => isRecord(entry) && typeof entry.id === "string");
}

const isScalar = (value: Json) => value === null || typeof value !== "object";

function labelOf(entry: Record<string, Json> & { id: string }): string {
  if (typeof entry.title === "string") return entry.title;
  if (typeof entry.name === "string") return entry.name;
  return entry.id;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/**
 * Any two JSON values → their differences, one per leaf: objects key by key, lists of plain values as sets,
 * lists of objects with an `id` entry by entry, other lists position by position. Field names are paths
 * such as `entities[acme-corp].name`.
 */
function genericChanges(before: Json, after: Json, path: string): FieldChange[] {
  if (canonical(before) === canonical(after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => genericChanges(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.every(isScalar) && after.every(isScalar)) {
      return keyed(() => path, before, after, canonical, (value) => leafText(value) ?? "");
    }
    if (hasIds(before) && hasIds(after)) {
      const old = new Map(before.map((entry) => [entry.id, entry]));
      const now = new Map(after.map((entry) => [entry.id, entry]));
      return [
        ...after.flatMap((entry) => genericChanges(old.get(entry.id), entry, `${path}[${entry.id}]`)),
        ...before.filter((entry) => !now.has(entry.id)).flatMap((entry) => genericChanges(entry, undefined, `${path}[${entry.id}]`)),
      ];
    }
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => genericChanges(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return [{ field: path === "" ? "value" : path, before: leafText(before), after: leafText(after) }];
}

/** Compares one top-level section of the two documents; null when it is the same in both. */
export type SectionDiffer = (name: string, before: Json, after: Json) => SectionDiff | null;

function genericSection(name: string, before: Json, after: Json): SectionDiff | null {
  if (canonical(before) === canonical(after)) return null;
  const a = before ?? [];
  const b = after ?? [];
  if (hasIds(a) && hasIds(b)) {
    const old = new Map(a.map((entry) => [entry.id, entry]));
    const now = new Set(b.map((entry) => entry.id));
    const changed: EntryChange[] = [];
    const added: SectionEntry[] = [];
    for (const entry of b) {
      const previous = old.get(entry.id);
      if (previous === undefined) added.push({ id: entry.id, label: labelOf(entry) });
      else {
        const fields = genericChanges(previous, entry, "");
        if (fields.length > 0) changed.push({ id: entry.id, name: labelOf(entry), fields });
      }
    }
    const removed = a.filter((entry) => !now.has(entry.id)).map((entry) => ({ id: entry.id, label: labelOf(entry) }));
    return { name, added, removed, changed };
  }
  return { name, added: [], removed: [], changed: [{ id: name, name, fields: genericChanges(before, after, "") }] };
}

/** Differs with words of their own for top-level sections; any section not listed here is compared generically. */
export const SECTION_DIFFERS: Readonly<Record<string, SectionDiffer>> = {};

/** The top-level keys this file compares itself (everything else goes through SECTION_DIFFERS or the generic differ). */
const SECTIONS_WITH_WORDS = new Set(["$schema", "schemaVersion", "version", "publishedAt", "reviewedAt", "publisher", "weights", "items", "controls", "changes"]);

function otherSections(a: RulesDocument, b: RulesDocument): SectionDiff[] {
  const before = a as unknown as Record<string, Json>;
  const after = b as unknown as Record<string, Json>;
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => !SECTIONS_WITH_WORDS.has(name));
  return names
    .map((name) => (SECTION_DIFFERS[name] ?? genericSection)(name, before[name], after[name]))
    .filter((section): section is SectionDiff => section !== null);
}

// ---------------------------------------------------------------- the rule owner's list

function compareOwnerChanges(a: RulesDocument, b: RulesDocument, computed: IdLists): OwnerChanges {
  const carried = new Set(a.changes.map(canonical));
  const entries = b.changes.filter((entry) => !carried.has(canonical(entry)));
  const changedControls = new Set(computed.controls);
  const changedItems = new Set(computed.items);
  const listedControls = [...new Set(entries.flatMap((entry) => entry.controls))];
  const listedItems = [...new Set(entries.flatMap((entry) => entry.items))];
  const notListed = {
    controls: computed.controls.filter((id) => !listedControls.includes(id)),
    items: computed.items.filter((id) => !listedItems.includes(id)),
  };
  const listedUnchanged = {
    controls: listedControls.filter((id) => !changedControls.has(id)),
    items: listedItems.filter((id) => !changedItems.has(id)),
  };
  return {
    entries: entries.map((entry) => ({
      ...entry,
      unchanged: {
        controls: entry.controls.filter((id) => !changedControls.has(id)),
        items: entry.items.filter((id) => !changedItems.has(id)),
      },
    })),
    notListed,
    listedUnchanged,
    agree: [notListed.controls, notListed.items, listedUnchanged.controls, listedUnchanged.items].every((list) => list.length === 0),
  };
}

const idsOf = (diff: { added: { id: string }[]; removed: { id: string }[]; changed: { id: string }[] }) => [
  ...diff.added.map((entry) => entry.id),
  ...diff.changed.map((entry) => entry.id),
  ...diff.removed.map((entry) => entry.id),
];

const factsOf = (doc: RulesDocument): EditionFacts => ({ version: doc.version, publishedAt: doc.publishedAt, reviewedAt: doc.reviewedAt });

/** What changed from one edition of the rules to another. */
export function diffRules(oldRules: RulesDocument, newRules: RulesDocument): RulesDiff {
  const controls = diffById(oldRules.controls, newRules.controls, controlFields, summarizeControl, (control) => control.title);
  const items = diffById(oldRules.items, newRules.items, itemFields, (item): ItemSummary => ({ id: item.id, name: item.name }), (item) => item.name);
  return {
    rules: { old: factsOf(oldRules), new: factsOf(newRules) },
    edition: editionFields(oldRules, newRules),
    controls,
    items,
    sections: otherSections(oldRules, newRules),
    ownerChanges: compareOwnerChanges(oldRules, newRules, { controls: idsOf(controls), items: idsOf(items) }),
  };
}
