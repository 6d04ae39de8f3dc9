import type { ProducerFigure } from "./schema";

/** Item id → the producer figures that describe it, in document order. The engine builds it once per compiled ruleset; the cross-checks read figures through it too. */
export function indexProducers(figures: readonly ProducerFigure[]): ReadonlyMap<string, readonly ProducerFigure[]> {
  const byItem = new Map<string, ProducerFigure[]>();
  for (const figure of figures) {
    for (const itemId of new Set(figure.items)) {
      const list = byItem.get(itemId);
      if (list) list.push(figure);
      else byItem.set(itemId, [figure]);
    }
  }
  return byItem;
}
