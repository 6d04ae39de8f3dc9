/**
 * Where else an item is produced (src/engine/alternatives.ts) reads the producer figures, which the first load leaves
 * out and fetches on first use (`RulesRuntime.supplyRules`): its code is fetched with them, in the same part.
 */
export type SupplyPart = typeof import("../engine/alternatives");

export const loadSupply = (): Promise<SupplyPart> => import(/* webpackChunkName: "producers" */ "../engine/alternatives");
