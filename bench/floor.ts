/**
 * The floor: the least any scorer of these rows must do. Everything that depends on the commodity text
 * alone (what it is, which controls reach it, how hard they bite on the scoring date) is looked up in
 * one Map built before the clock starts; per row remain reading the four dependence cells and the
 * noisy-OR arithmetic. No input checks, no destination scope, no explanation, no warnings.
 */
import { CATEGORIES, type Category } from "../src/rules/schema";
import { scoreRow, type CompiledRules, type RowInput } from "../src/engine";

interface FloorEntry {
  /** Per category, 1 − Π(1 − contribution) of the worldwide controls on the date. */
  exposure: readonly number[];
  /** China's world share of the item, the default mineral dependence. */
  mineralDefault: number;
}

export type FloorTable = ReadonlyMap<string, FloorEntry>;

const FULL_DEPENDENCE: Omit<RowInput, "commodity"> = {
  chinaInputShare: 1,
  chinaTechnology: 1,
  chinaEquipment: 1,
  chinaPersonnel: 1,
};

/** One entry per distinct commodity text, computed with the engine (untimed). */
export function buildFloorTable(rows: readonly RowInput[], rules: CompiledRules, asOf: string): FloorTable {
  const table = new Map<string, FloorEntry>();
  for (const row of rows) {
    if (typeof row.commodity !== "string" || table.has(row.commodity)) continue;
    const full = scoreRow({ commodity: row.commodity, ...FULL_DEPENDENCE }, rules, { asOf });
    const worldShare = scoreRow({ commodity: row.commodity }, rules, { asOf });
    if (!full.ok || !worldShare.ok || full.match.itemId === null) continue;
    table.set(row.commodity, {
      exposure: CATEGORIES.map((category: Category) => full.categories[category] / 100),
      mineralDefault: worldShare.dependence.minerals,
    });
  }
  return table;
}

/** The cheapest reading of a dependence cell: a number as is, text through parseFloat, "%" divided by 100. */
function share(cell: RowInput["chinaInputShare"], fallback: number): number {
  if (typeof cell === "number") return cell;
  if (typeof cell !== "string" || cell === "") return fallback;
  const value = Number.parseFloat(cell);
  return cell.endsWith("%") ? value / 100 : value;
}

/** Overall score per row, NaN for a commodity the table does not hold. */
export function floorScores(rows: readonly RowInput[], table: FloorTable, categoryWeights: readonly number[]): Float64Array {
  const scores = new Float64Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const entry = table.get(row.commodity as string);
    if (entry === undefined) {
      scores[index] = Number.NaN;
      continue;
    }
    const e = entry.exposure;
    const untouched =
      (1 - categoryWeights[0] * e[0] * share(row.chinaInputShare, entry.mineralDefault)) *
      (1 - categoryWeights[1] * e[1] * share(row.chinaTechnology, 0)) *
      (1 - categoryWeights[2] * e[2] * share(row.chinaEquipment, 0)) *
      (1 - categoryWeights[3] * e[3] * share(row.chinaPersonnel, 0));
    scores[index] = 100 * (1 - untouched);
  }
  return scores;
}
