/**
 * Where else an item is produced: for each supply-chain stage, the figure the rules give (world output,
 * China's share, the producers outside China), the share of world supply outside China, and how concentrated
 * the stage is (HHI). For an item made of components, the binding stage is the most China-concentrated stage
 * of the item and everything it contains: the stage where an alternative supplier is hardest to find.
 * Pure reads of the compiled ruleset; every adapter (ALTERNATIVES, the pane, `chokepoint item`) shows this.
 */
import { type ProducerFigure } from "../rules/schema";
import { CONFIDENCES, PRODUCER_STAGES, type Confidence, type FigureQualifier, type ProducerStage, type ProductionBasis } from "../rules/vocabulary";
import type { CompiledRules } from "./compile";
import { countryName } from "./countries";
import { roundToThousandth } from "./rounding";
import { componentsOf } from "./reach";

export { PRODUCER_STAGES, type ProducerStage };

export interface ProducerShare {
  /** ISO 3166-1 alpha-2. */
  country: string;
  countryName: string;
  /** Share of world output at the stage, 0–1; null when the source names the producer without a share. */
  share: number | null;
  qualifier: FigureQualifier | null;
  note: string | null;
}

export interface StageSupply {
  figureId: string;
  /** The item the figure describes: the item asked about, or the component it was found through. */
  itemId: string;
  itemName: string;
  stage: ProducerStage;
  material: string;
  basis: ProductionBasis;
  /** Null only when the source found no figure at all. */
  year: number | null;
  /** First year of a multi-year average. */
  fromYear: number | null;
  estimated: boolean;
  worldTotal: { value: number; upTo: number | null; qualifier: FigureQualifier | null; unit: string; note: string | null } | null;
  china: { share: number | null; qualifier: FigureQualifier | null; note: string | null };
  /** Share of world output made outside China (1 − China's share); null when China's share is not known. */
  outsideChina: { share: number; qualifier: "about" | "less_than" | null } | null;
  /** Producers outside China, largest share first; those named without a share follow, in the source's order. */
  producers: ProducerShare[];
  /** Regions and remainders the source does not split by country ("rest of world"). */
  groups: { label: string; share: number | null; note: string | null }[];
  /**
   * Herfindahl–Hirschman index of the stage, 0–10,000: the sum of squared percentage shares of China and the
   * countries with a share. Regions are not single producers and are left out, so it is a lower bound when
   * `hhiCoverage` is below 1. Null when China's share is not known.
   */
  hhi: number | null;
  /** The share of world output the HHI counts. */
  hhiCoverage: number | null;
  /** True when at least one producer outside China has a share. */
  hasBreakdown: boolean;
  /** Why there is no country breakdown (the source's words); null when there is one. */
  noCountryBreakdown: string | null;
  sources: { url: string; title: string | null }[];
  confidence: Confidence | null;
  notes: string | null;
}

/** A stage that answers a question about an item, with the way to it and why it was chosen. */
export interface SupplyAnswer {
  /** The stage's figure: the one whose producers are listed. */
  supply: StageSupply;
  /**
   * The figure that rates how concentrated in China the stage is: the best figure of the stage that gives
   * China's share (by basis, confidence and year). Usually `supply` itself; another figure when `supply`,
   * chosen for its country breakdown, gives no share or is older. Null when no figure of the stage gives one.
   */
  concentration: StageSupply | null;
  /** From the item asked about to the item the figure describes: `["ndfeb-magnet", "neodymium"]`, or just the item. */
  path: string[];
  reason: string;
}

export interface ItemAlternatives {
  itemId: string;
  itemName: string;
  /** The stage asked about, or null for the binding stage. */
  stage: ProducerStage | null;
  /** The item's own figure for each stage that has one, mining first. */
  stages: StageSupply[];
  /** The item's own figures not chosen for their stage (other years, sources, capacity), newest first. */
  otherFigures: StageSupply[];
  /** The most China-concentrated stage of the item and what it contains; null when no figure gives China's share. */
  binding: SupplyAnswer | null;
  /**
   * The figure the question is answered with: the stage asked about (the item's own, else the most
   * China-concentrated of its components at that stage), or without a stage the binding stage (or, when no
   * figure gives China's share, the item's first stage). Null when the rules have no such figure.
   */
  answer: SupplyAnswer | null;
}

const CONFIDENCE_RANK = new Map<Confidence | undefined, number>([...CONFIDENCES.map((c, i) => [c, i] as const), [undefined, CONFIDENCES.length]]);
const STAGE_RANK = new Map(PRODUCER_STAGES.map((stage, i) => [stage, i]));

/** A stage as a user types it ("Refining", " mining "); null for anything else. */
export function producerStageOf(text: string): ProducerStage | null {
  const wanted = text.trim().toLowerCase();
  return (PRODUCER_STAGES as readonly string[]).includes(wanted) ? (wanted as ProducerStage) : null;
}

const hasCountryShares = (figure: ProducerFigure) => figure.countries.some((entry) => entry.share !== null);

/**
 * The order in which figures for one stage are preferred: not superseded; production before capacity; with a
 * country breakdown; higher confidence; later year; then the order of the document (the sort is stable).
 */
function preferred(a: ProducerFigure, b: ProducerFigure): number {
  const superseded = Number(a.supersededBy !== undefined) - Number(b.supersededBy !== undefined);
  const capacity = Number(a.basis === "capacity") - Number(b.basis === "capacity");
  const breakdown = Number(hasCountryShares(b)) - Number(hasCountryShares(a));
  const confidence = CONFIDENCE_RANK.get(a.confidence)! - CONFIDENCE_RANK.get(b.confidence)!;
  const year = (b.year ?? 0) - (a.year ?? 0);
  return superseded || capacity || breakdown || confidence || year;
}

/** The order in which figures rate how concentrated a stage is: as above, without regard to a breakdown. */
function preferredForShare(a: ProducerFigure, b: ProducerFigure): number {
  const superseded = Number(a.supersededBy !== undefined) - Number(b.supersededBy !== undefined);
  const capacity = Number(a.basis === "capacity") - Number(b.basis === "capacity");
  const confidence = CONFIDENCE_RANK.get(a.confidence)! - CONFIDENCE_RANK.get(b.confidence)!;
  const year = (b.year ?? 0) - (a.year ?? 0);
  return superseded || capacity || confidence || year;
}


function supplyOf(figure: ProducerFigure, itemId: string, rules: CompiledRules): StageSupply {
  const china = figure.china.share;
  const producers: ProducerShare[] = figure.countries
    .map((entry) => ({
      country: entry.country,
      countryName: countryName(entry.country),
      share: entry.share,
      qualifier: entry.qualifier ?? null,
      note: entry.note ?? null,
    }))
    .sort((a, b) => (a.share === null ? (b.share === null ? 0 : 1) : b.share === null ? -1 : b.share - a.share));
  const counted = [china, ...producers.map((p) => p.share)].filter((share): share is number => share !== null);
  const total = figure.worldTotal;
  return {
    figureId: figure.id,
    itemId,
    itemName: rules.itemsById.get(itemId)?.name ?? itemId,
    stage: figure.stage,
    material: figure.material,
    basis: figure.basis,
    year: figure.year ?? null,
    fromYear: figure.fromYear ?? null,
    estimated: figure.estimated,
    worldTotal: total ? { value: total.value, upTo: total.upTo ?? null, qualifier: total.qualifier ?? null, unit: total.unit, note: total.note ?? null } : null,
    china: { share: china, qualifier: figure.china.qualifier ?? null, note: figure.china.note ?? null },
    outsideChina:
      china === null
        ? null
        : { share: roundToThousandth(1 - china), qualifier: figure.china.qualifier === "more_than" ? "less_than" : (figure.china.qualifier ?? null) },
    producers,
    groups: figure.groups.map((group) => ({ label: group.label, share: group.share, note: group.note ?? null })),
    hhi: china === null ? null : Math.round(counted.reduce((sum, share) => sum + (share * 100) ** 2, 0)),
    hhiCoverage: china === null ? null : roundToThousandth(counted.reduce((sum, share) => sum + share, 0)),
    hasBreakdown: hasCountryShares(figure),
    noCountryBreakdown: figure.noCountryBreakdown ?? null,
    sources: figure.sources.map((source) => ({ url: source.url, title: source.title ?? null })),
    confidence: figure.confidence ?? null,
    notes: figure.notes ?? null,
  };
}

/** One stage of one item: its figure, and the figure that gives China's share of the stage. */
interface ItemStage {
  supply: StageSupply;
  concentration: StageSupply | null;
}

/** An item's own figures: the preferred one per stage (stage order) with the stage's China share, and the rest. */
function ownFigures(rules: CompiledRules, itemId: string): { chosen: ItemStage[]; others: StageSupply[] } {
  const all = rules.producersByItem.get(itemId) ?? [];
  const figures = [...all].sort(preferred);
  const byShare = all.filter((f) => f.china.share !== null && f.supersededBy === undefined).sort(preferredForShare);
  const chosen = new Map<ProducerStage, { figure: ProducerFigure; rating: ProducerFigure | null }>();
  const others: ProducerFigure[] = [];
  for (const figure of figures) {
    if (chosen.has(figure.stage)) others.push(figure);
    else chosen.set(figure.stage, { figure, rating: byShare.find((f) => f.stage === figure.stage) ?? null });
  }
  const inStageOrder = [...chosen.values()].sort((a, b) => STAGE_RANK.get(a.figure.stage)! - STAGE_RANK.get(b.figure.stage)!);
  const newestFirst = others.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || STAGE_RANK.get(a.stage)! - STAGE_RANK.get(b.stage)!);
  return {
    chosen: inStageOrder.map(({ figure, rating }) => {
      const supply = supplyOf(figure, itemId, rules);
      return { supply, concentration: rating === null ? null : rating === figure ? supply : supplyOf(rating, itemId, rules) };
    }),
    others: newestFirst.map((f) => supplyOf(f, itemId, rules)),
  };
}

/** A share as people read it: "91.3%", "≈90%", ">97%", "<3%". */
export function formatShare(share: number, qualifier: FigureQualifier | "less_than" | null = null): string {
  const sign = qualifier === "about" ? "≈" : qualifier === "more_than" ? ">" : qualifier === "less_than" ? "<" : "";
  return `${sign}${Number((share * 100).toFixed(1))}%`;
}

/** The year as the sources write it: "2024", "2025e", "2016–2020"; "undated" when none. */
export function formatFigureYear(supply: Pick<StageSupply, "year" | "fromYear" | "estimated">): string {
  if (supply.year === null) return "undated";
  if (supply.fromYear !== null && supply.fromYear !== supply.year) return `${supply.fromYear}–${supply.year}`;
  return `${supply.year}${supply.estimated ? "e" : ""}`;
}

function describeStage(supply: StageSupply): string {
  const china = supply.china.share === null ? "China's share not given" : `China ${formatShare(supply.china.share, supply.china.qualifier)}`;
  const capacity = supply.basis === "capacity" ? " capacity" : "";
  return `${supply.stage}${capacity} of ${supply.itemName}, ${china} (${formatFigureYear(supply)})`;
}

interface Candidate extends ItemStage {
  path: string[];
}

/**
 * The candidate whose stage is most concentrated in China; among equals, the first (own stages come before
 * components'). Production figures decide; capacity only when no production figure gives China's share,
 * because capacity says what could be made, not where supply comes from.
 */
function mostConcentrated(candidates: readonly Candidate[]): Candidate | null {
  const rated = candidates.filter((candidate) => candidate.concentration !== null);
  const production = rated.filter((candidate) => candidate.concentration!.basis === "production");
  let best: Candidate | null = null;
  for (const candidate of production.length > 0 ? production : rated) {
    if (best === null || candidate.concentration!.china.share! > best.concentration!.china.share!) best = candidate;
  }
  return best;
}

function componentCandidates(rules: CompiledRules, itemId: string, stage: ProducerStage | null): Candidate[] {
  return componentsOf(itemId, rules.itemsById).flatMap((component) =>
    ownFigures(rules, component.itemId)
      .chosen.filter((own) => stage === null || own.supply.stage === stage)
      .map((own) => ({ ...own, path: component.path })),
  );
}

function answerOf(candidate: Candidate, why: string): SupplyAnswer {
  const { supply, concentration, path } = candidate;
  const rated = concentration ?? supply;
  const listed = concentration !== null && concentration !== supply ? `; producers from the ${formatFigureYear(supply)} figure` : "";
  return { supply, concentration, path, reason: `${describeStage(rated)}: ${why}${listed}` };
}

function bindingStage(candidates: readonly Candidate[]): SupplyAnswer | null {
  const best = mostConcentrated(candidates);
  if (best === null) return null;
  const rated = candidates.filter((c) => c.concentration !== null).length;
  const stages = `${rated} ${rated === 1 ? "stage" : "stages"} with China's share`;
  const why =
    best.path.length > 1
      ? `the most China-concentrated stage of what it contains (${best.path.join(" → ")}), of ${stages}`
      : rated === 1
        ? "the only stage with China's share"
        : `its most China-concentrated stage, of ${stages}`;
  return answerOf(best, why);
}

function stageAnswer(own: readonly Candidate[], rules: CompiledRules, itemId: string, stage: ProducerStage): SupplyAnswer | null {
  const mine = own.find((candidate) => candidate.supply.stage === stage);
  if (mine) return answerOf(mine, `the item's own figure for ${stage}`);
  const components = componentCandidates(rules, itemId, stage);
  const best = mostConcentrated(components) ?? components[0] ?? null;
  if (best === null) return null;
  return answerOf(best, `no figure of its own for ${stage}; the most China-concentrated of what it contains (${best.path.join(" → ")})`);
}

/**
 * Producers by stage for an item, the binding stage and the answer to "who else makes it, at this stage (or
 * where it binds)?". Null for an id the rules do not have.
 */
export function alternativesFor(rules: CompiledRules, itemId: string, stage: ProducerStage | null = null): ItemAlternatives | null {
  const item = rules.itemsById.get(itemId);
  if (item === undefined) return null;
  const { chosen, others } = ownFigures(rules, itemId);
  const own = chosen.map((entry) => ({ ...entry, path: [itemId] }));
  const candidates = [...own, ...componentCandidates(rules, itemId, null)];
  const binding = bindingStage(candidates);
  let answer: SupplyAnswer | null;
  if (stage !== null) answer = stageAnswer(own, rules, itemId, stage);
  else answer = binding ?? (candidates.length > 0 ? answerOf(candidates[0], "no figure gives China's share") : null);
  return { itemId, itemName: item.name, stage, stages: chosen.map((entry) => entry.supply), otherFigures: others, binding, answer };
}
