/**
 * The fixed vocabulary of the rules document (categories, statuses, kinds, list kinds, effects…) and the
 * readers of entries that may be written two ways. Kept apart from the zod schemas (schema.ts), so code
 * that works with an already-checked document (the engine, the pane, the formulas) does not load the
 * validator: the add-in fetches that only when a document from outside has to be checked.
 */
import type { Coverage, HsCode } from "./schema";

export const CATEGORIES = ["minerals", "technology", "equipment", "personnel"] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What a control is doing on a given day.
 * - announced: published, not yet effective; proposed: a draft out for comment;
 * - in_force: applies now; suspended: on the books but paused;
 * - informal: reported practice, never published; framework: a legal basis, not an item control;
 * - lifted: withdrawn; dropped: a draft that was never adopted. Neither contributes anything.
 */
export const STATUSES = ["proposed", "announced", "in_force", "suspended", "informal", "framework", "lifted", "dropped"] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that end a control's effect: their weight must be exactly 0. */
export const ENDED_STATUSES: readonly Status[] = ["lifted", "dropped"];

/** C: official text or two independent reports; R: one secondary source; U: unconfirmed or conflicting. */
export const CONFIDENCES = ["C", "R", "U"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What an item is, which decides how a line of text is read ("a cable with copper" is a cable, not copper). */
export const ITEM_KINDS = ["material", "component", "product", "equipment", "technology", "service"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Languages item names may be given in (ISO 639-1). English names go in `aliases`. */
export const NAME_LANGUAGES = ["de", "fr", "es", "it", "pt", "nl", "pl", "sv", "ja", "zh", "ko"] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/**
 * Tariff systems of an HS code. HS: the international six-digit nomenclature (or its four-digit heading);
 * CN: China's 8- and 10-digit tariff lines, as the export-control announcements cite them; US: the US HTS;
 * EU: the EU Combined Nomenclature (8 digits) and TARIC (10).
 */
export const TARIFF_SYSTEMS = ["HS", "CN", "US", "EU"] as const;
export type TariffSystem = (typeof TARIFF_SYSTEMS)[number];

/**
 * Measurable properties a control's coverage may be bounded by, each in one canonical unit. The engine
 * reads these from the row's text (e.g. "≤ 45 µm", "99.995%", "5N", "320 Wh/kg") and converts them.
 */
export const QUANTITIES = {
  purity: "%",
  particle_size: "µm",
  energy_density: "Wh/kg",
  density: "g/cm3",
  specific_capacity: "mAh/g",
  flexural_strength: "MPa",
  pressure: "GPa",
  bore_diameter: "mm",
  volume: "m3",
} as const;
export type Quantity = keyof typeof QUANTITIES;

/** How many levels of `contains` an item may have (an EV motor → NdFeB magnet → dysprosium is two). */
export const MAX_CONTAINS_DEPTH = 12;

/**
 * Stages of a supply chain a producer figure can describe. Mining: ore and concentrate; refining: separated
 * or refined metal, oxide and chemicals; processing: intermediates made from refined material (APT,
 * battery-grade graphite, polysilicon); manufacturing: finished materials and parts (magnets, cathodes, cells).
 */
export const PRODUCER_STAGES = ["mining", "refining", "processing", "manufacturing"] as const;
export type ProducerStage = (typeof PRODUCER_STAGES)[number];

/** What a share is a share of: output in the year, or installed capacity. Capacity is not production. */
export const PRODUCTION_BASES = ["production", "capacity"] as const;
export type ProductionBasis = (typeof PRODUCTION_BASES)[number];

/** How the source states a figure when it is not exact: "≈90%" is about, ">97%" is more_than. */
export const FIGURE_QUALIFIERS = ["about", "more_than"] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

/**
 * The producer stages an item's `chinaShare` stage stands for: its mining figure is a mining share, and its
 * processing figure covers everything after the mine (refining, processing, manufacturing).
 */
export const PRODUCER_STAGES_OF_CHINA_SHARE: Readonly<Record<"mining" | "processing", readonly ProducerStage[]>> = {
  mining: ["mining"],
  processing: ["refining", "processing", "manufacturing"],
};

/**
 * Which list a notice adds to.
 * - control_list: MOFCOM Export Control Control List (出口管制管控名单): no dual-use items to the entity;
 * - watch_list: MOFCOM Export Control Watch List (关注名单): single licences only, with pledges and open review;
 * - unreliable_entity_list: the UEL (不可靠实体清单), measures chosen per notice (trade ban, investment ban…);
 * - mofcom_countermeasure / mfa_countermeasure: Anti-Foreign Sanctions Law countermeasure lists;
 * - procurement_exclusion: public purchasers may not buy the firms' products (an import-side measure).
 */
export const LIST_KINDS = [
  "control_list",
  "watch_list",
  "unreliable_entity_list",
  "mofcom_countermeasure",
  "mfa_countermeasure",
  "procurement_exclusion",
] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/**
 * Where a listing stands on a day.
 * - listed: its measures apply; suspended: measures paused, the entity not delisted;
 * - lifted: measures stopped, with no formal delisting seen; cancelled: the listing itself withdrawn.
 * Lifted and cancelled listings still identify the firm when screened, but weigh nothing in a score.
 */
export const LISTING_STATUSES = ["listed", "suspended", "lifted", "cancelled"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Listing statuses that end its effect: their weight must be exactly 0. */
export const ENDED_LISTING_STATUSES: readonly ListingStatus[] = ["lifted", "cancelled"];

/**
 * What a notice does to trade with the entity, as the notice words it (several per notice).
 * - dual_use_ban: Chinese exporters may not supply it dual-use items;
 * - retransfer_ban: foreign parties may not pass PRC-origin dual-use items on to it;
 * - licence_review: dual-use exports need single licences with a risk report and end-use pledge;
 * - trade_ban: China-related import and export prohibited; transaction_ban: parties in China may not
 *   transact or cooperate with it; investment_ban, entry_ban (senior managers), asset_freeze, fine;
 * - procurement_ban: public purchasers may not buy its products.
 */
export const LISTING_EFFECTS = [
  "dual_use_ban",
  "retransfer_ban",
  "licence_review",
  "trade_ban",
  "transaction_ban",
  "investment_ban",
  "entry_ban",
  "asset_freeze",
  "fine",
  "procurement_ban",
] as const;
export type ListingEffect = (typeof LISTING_EFFECTS)[number];

/**
 * The effects that reach a listed supplier's Chinese inputs, and so its score (docs/scoring.md): the first
 * two raise the dual-use controls that reach the row's item, the last two cut every Chinese input. The
 * other effects are shown with the match but weigh nothing: they do not stop China supplying the firm.
 */
export const SUPPLY_EFFECTS = ["dual_use_ban", "licence_review", "trade_ban", "transaction_ban"] as const;
export type SupplyEffect = (typeof SUPPLY_EFFECTS)[number];

/** A coverage or contains entry as an object, whichever way it was written. */
export function coverageOf(entry: Coverage): Exclude<Coverage, string> {
  return typeof entry === "string" ? { item: entry } : entry;
}

/** True when a coverage entry reaches only part of its item. */
export function isConditional(entry: Coverage): boolean {
  if (typeof entry === "string") return false;
  return (entry.grades?.length ?? 0) + (entry.excludes?.length ?? 0) + (entry.thresholds?.length ?? 0) > 0;
}

/** An HS code as an object, whichever way it was written; a bare code belongs to the international HS. */
export function hsCodeOf(code: HsCode): { code: string; system: TariffSystem; note?: string } {
  return typeof code === "string" ? { code, system: "HS" } : code;
}
