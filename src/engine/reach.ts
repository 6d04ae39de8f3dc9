/**
 * Which controls reach an item, and on what conditions: named directly, or through what the item contains
 * (an EV motor contains NdFeB magnets, which contain dysprosium). Worked out per item on first use and
 * kept: a sheet needs the items it names, not the whole taxonomy, and a hostile rules file with a long
 * `contains` chain costs only what the rows ask for. Each step remembers its parent instead of copying
 * the path, so the work is linear in what an item reaches.
 */
import { type Coverage, type Item } from "../rules/schema";
import { coverageOf, isConditional } from "../rules/vocabulary";
import type { CompiledControl } from "./compile";

/** A grade condition met on the way from the row's item to a controlled item. */
export interface LinkCondition {
  /** The item whose grade the condition is about. */
  itemId: string;
  /** True when that item is the row's own item, so the row's text can settle the condition. */
  onRowItem: boolean;
  coverage: Exclude<Coverage, string>;
}

/** How a control reaches an item: named directly, or through a chain of `contains`. */
export type ControlReach =
  | { kind: "item"; itemId: string }
  | { kind: "contains"; itemId: string; path: string[] };

export interface ControlLink {
  compiled: CompiledControl;
  via: ControlReach;
  /** Grade conditions along the way (contains entries and the control's own coverage entry); empty: unconditional. */
  conditions: readonly LinkCondition[];
}

/** One component an item reaches: the path to it and the grade conditions met along that path. */
export interface Component {
  itemId: string;
  path: string[];
  conditions: LinkCondition[];
}

/** Memoised per-key computation with the `get` of a read-only map, so callers need not know it is lazy. */
export class PerItem<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly compute: (itemId: string) => T) {}

  get(itemId: string): T {
    let value = this.known.get(itemId);
    if (value === undefined && !this.known.has(itemId)) {
      value = this.compute(itemId);
      this.known.set(itemId, value);
    }
    return value as T;
  }
}

/**
 * Every component an item contains, transitively, nearest first (breadth-first). The first path found to
 * a component is kept. The cross-checks refuse loops and chains deeper than MAX_CONTAINS_DEPTH, so paths
 * are short.
 */
export function componentsOf(itemId: string, itemsById: ReadonlyMap<string, Item>): Component[] {
  const found: Component[] = [];
  const parents = new Map<string, { parent: string | null; entry: Coverage | null }>([[itemId, { parent: null, entry: null }]]);
  let frontier = [itemId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const parent of frontier) {
      for (const entry of itemsById.get(parent)?.contains ?? []) {
        const child = coverageOf(entry).item;
        if (parents.has(child) || !itemsById.has(child)) continue;
        parents.set(child, { parent, entry });
        next.push(child);
        found.push(stepsTo(child, itemId, parents));
      }
    }
    frontier = next;
  }
  return found;
}

function stepsTo(
  target: string,
  rowItemId: string,
  parents: ReadonlyMap<string, { parent: string | null; entry: Coverage | null }>,
): Component {
  const path: string[] = [];
  const conditions: LinkCondition[] = [];
  for (let at: string | null = target; at !== null; ) {
    path.push(at);
    const step: { parent: string | null; entry: Coverage | null } = parents.get(at)!;
    if (step.parent !== null && step.entry !== null && isConditional(step.entry)) {
      conditions.push({ itemId: step.parent, onRowItem: step.parent === rowItemId, coverage: coverageOf(step.entry) });
    }
    at = step.parent;
  }
  return { itemId: target, path: path.reverse(), conditions: conditions.reverse() };
}

/** Item id → the controls naming it, with the coverage entry each one uses. */
export type ControlsNamingItem = ReadonlyMap<string, readonly { compiled: CompiledControl; entry: Coverage }[]>;

export function controlsNamingItems(controls: readonly CompiledControl[]): ControlsNamingItem {
  const naming = new Map<string, { compiled: CompiledControl; entry: Coverage }[]>();
  for (const compiled of controls) {
    if (compiled.control.anyItem) continue;
    for (const entry of compiled.control.items) {
      const itemId = coverageOf(entry).item;
      const list = naming.get(itemId) ?? [];
      if (!list.some((known) => known.compiled === compiled)) list.push({ compiled, entry });
      naming.set(itemId, list);
    }
  }
  return naming;
}

function ownCondition(entry: Coverage, itemId: string, rowItemId: string): LinkCondition[] {
  return isConditional(entry) ? [{ itemId, onRowItem: itemId === rowItemId, coverage: coverageOf(entry) }] : [];
}

/** Every item-based control reaching an item, one link per control, direct links first. */
export function linksFor(itemId: string, components: readonly Component[], naming: ControlsNamingItem): ControlLink[] {
  const links: ControlLink[] = [];
  const linked = new Set<CompiledControl>();
  for (const { compiled, entry } of naming.get(itemId) ?? []) {
    linked.add(compiled);
    links.push({ compiled, via: { kind: "item", itemId }, conditions: ownCondition(entry, itemId, itemId) });
  }
  for (const component of components) {
    for (const { compiled, entry } of naming.get(component.itemId) ?? []) {
      if (linked.has(compiled)) continue;
      linked.add(compiled);
      links.push({
        compiled,
        via: { kind: "contains", itemId: component.itemId, path: component.path },
        conditions: [...component.conditions, ...ownCondition(entry, component.itemId, itemId)],
      });
    }
  }
  return links;
}
