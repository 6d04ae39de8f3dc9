/**
 * Facts about the rules themselves, for adapters that show them (CONTROLS, CHINASHARE): pure reads of the
 * compiled ruleset, kept here so no adapter interprets timelines or share figures on its own.
 */
import type { CompiledRules } from "./compile";

export type SupplyStage = "mining" | "processing";

export interface ChinaShareFigure {
  share: number;
  year: number;
  /** The item the figure belongs to: the item itself, or the component whose figure it inherits. */
  itemId: string;
  itemName: string;
  /** Where the rules say the figure comes from (an https link). */
  source: string;
}

/**
 * The first day a control was in force, from its timeline; null for a measure never formally in force. An
 * entry marked unconfirmed (a worst-case assumption, e.g. after a suspension ran out) is not an effective date.
 */
export function firstInForceDate(rules: CompiledRules, controlId: string): string | null {
  const timeline = rules.controlsById.get(controlId)?.timeline ?? [];
  return timeline.find((entry) => entry.status === "in_force" && !entry.unconfirmed)?.from ?? null;
}

/**
 * China's share of world supply for an item. With no stage: the figure the score uses as default mineral
 * dependence (processing, else mining, else the most China-dominated component's). With a stage: the item's
 * own figure for that stage. Null when the rules have no such figure.
 */
export function chinaShareFor(rules: CompiledRules, itemId: string, stage: SupplyStage | null): ChinaShareFigure | null {
  const nameOf = (id: string) => rules.itemsById.get(id)?.name ?? id;
  if (stage === null) {
    const figure = rules.mineralShareByItem.get(itemId) ?? null;
    return figure === null
      ? null
      : { share: figure.share, year: figure.year, itemId: figure.itemId, itemName: nameOf(figure.itemId), source: figure.source };
  }
  const figure = rules.itemsById.get(itemId)?.chinaShare?.[stage];
  return figure ? { share: figure.share, year: figure.year, itemId, itemName: nameOf(itemId), source: figure.source } : null;
}
