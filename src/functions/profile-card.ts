/**
 * The PROFILE card: one scored row as an Excel entity value (Excel.EntityCellValue). The cell shows the
 * item's name; the card shows how the commodity was read, the scores, China's supply shares, the controls
 * and warnings behind the score and the rules version; `=A2.[Overall]` pulls a field into the grid.
 *
 * Everything on the card is read from the engine's ScoredRow and the compiled rules it was scored with:
 * nothing here decides a number. The report sheet writes the same cards (taskpane/report-content.ts).
 *
 * A card is a list of sections. A section is one function from the facts to its properties (in display
 * order) and a title; adding a section is adding such a function to PROFILE_SECTIONS. Field names are
 * part of the formulas users write, so they never change once released; docs/functions.md lists them.
 */
import {
  chinaShareFor,
  countryName,
  type ChinaShareFigure,
  type CompiledRules,
  type ScoredRow,
  type SupplyStage,
} from "../engine";
import { CATEGORIES, type Category } from "../rules/vocabulary";
import type { SupplyPart } from "../runtime/supply";

/** The field names of a PROFILE card, as written in `=A2.[Field]`. */
export const PROFILE_FIELDS = {
  item: "Item",
  itemId: "Item id",
  commodity: "Commodity",
  matchMethod: "Match method",
  matchConfidence: "Match confidence",
  grade: "Grade",
  statedFigures: "Stated figures",
  supplierCountry: "Supplier country",
  siteCountry: "Site country",
  asOf: "As of",
  overall: "Overall",
  minerals: "Minerals",
  technology: "Technology",
  equipment: "Equipment",
  personnel: "Personnel",
  chinaShare: "China share",
  chinaShareYear: "China share year",
  chinaShareSource: "China share source",
  chinaShareItem: "China share item",
  chinaMiningShare: "China mining share",
  chinaMiningShareYear: "China mining share year",
  chinaMiningShareSource: "China mining share source",
  chinaProcessingShare: "China processing share",
  chinaProcessingShareYear: "China processing share year",
  chinaProcessingShareSource: "China processing share source",
  controls: "Controls",
  listMatch: "China's lists",
  listedName: "Listed name",
  list: "List",
  notice: "Notice",
  noticeDate: "Notice date",
  listingStanding: "Listing standing",
  listingSource: "Listing source",
  bindingStage: "Binding stage",
  outsideChinaShare: "Outside China share",
  alternatives: "Alternatives",
  warnings: "Warnings",
  rulesVersion: "Rules version",
  rulesReviewed: "Rules reviewed",
  explanation: "Explanation",
} as const;

export type ProfileField = (typeof PROFILE_FIELDS)[keyof typeof PROFILE_FIELDS];

/** The columns of the Controls array, in order; its first row repeats them as a header. */
export const CONTROL_COLUMNS = ["Id", "Title", "Category", "Status", "Since", "Until", "Severity", "Citation", "Source", "Unconfirmed"] as const;

/** The columns of the Alternatives array (producers outside China at the binding stage), in order. */
export const ALTERNATIVE_COLUMNS = ["Country", "Share", "Year", "Source"] as const;

/** The columns of the Warnings array, in order; its first row repeats them as a header. */
export const WARNING_COLUMNS = ["Code", "Control", "Message"] as const;

/** What a card is built from: a row the engine scored and matched, the text it was given, and the rules used. */
export interface ProfileFacts {
  /** The commodity text as the user gave it. */
  commodity: string;
  row: ScoredRow;
  rules: CompiledRules;
  /** The code that reads the producer figures, fetched with them on first use; null when it could not be. */
  supply: SupplyPart | null;
}

/** One section of the card: its properties in display order (all of them become fields) and how it shows. */
export interface CardSection {
  title?: string;
  collapsed?: boolean;
  properties: Partial<Record<ProfileField, Excel.CellValue>>;
}

export type SectionBuilder = (facts: ProfileFacts) => CardSection;

const SCORE_FORMAT = "0.0";
const SHARE_FORMAT = "0%";

const text = (value: string): Excel.StringCellValue => ({ type: "String", basicValue: value });
const flag = (value: boolean): Excel.BooleanCellValue => ({ type: "Boolean", basicValue: value });
const plainNumber = (value: number): Excel.DoubleCellValue => ({ type: "Double", basicValue: value });

/**
 * A number that keeps its format wherever the field is pulled. FormattedNumber is the ExcelApi 1.16 form;
 * 1.19 prefers a Double with numberFormat, which older hosts would show unformatted.
 */
function formattedNumber(value: number, numberFormat: string): Excel.FormattedNumberCellValue {
  return { type: "FormattedNumber", basicValue: value, numberFormat };
}

/** A table inside a field: a header row, then one row per record. */
function table(header: readonly string[], rows: readonly Excel.CellValue[][]): Excel.ArrayCellValue {
  return { type: "Array", elements: [header.map(text), ...rows] };
}

function countryText(code: string | null): Excel.StringCellValue {
  return text(code === null ? "" : countryName(code));
}

const CATEGORY_FIELDS: Record<Category, ProfileField> = {
  minerals: PROFILE_FIELDS.minerals,
  technology: PROFILE_FIELDS.technology,
  equipment: PROFILE_FIELDS.equipment,
  personnel: PROFILE_FIELDS.personnel,
};

function itemSection({ commodity, row }: ProfileFacts): CardSection {
  const { match } = row;
  return {
    properties: {
      [PROFILE_FIELDS.item]: text(match.itemName ?? ""),
      [PROFILE_FIELDS.itemId]: text(match.itemId ?? ""),
      [PROFILE_FIELDS.commodity]: text(commodity),
      [PROFILE_FIELDS.matchMethod]: text(match.method),
      [PROFILE_FIELDS.matchConfidence]: formattedNumber(match.confidence, SHARE_FORMAT),
      [PROFILE_FIELDS.grade]: text(match.grade?.name ?? ""),
      [PROFILE_FIELDS.statedFigures]: text(match.quantities.map((quantity) => quantity.text).join("; ")),
      [PROFILE_FIELDS.supplierCountry]: countryText(row.supplierCountry),
      [PROFILE_FIELDS.siteCountry]: countryText(row.siteCountry),
      [PROFILE_FIELDS.asOf]: text(row.asOf),
    },
  };
}

function scoresSection({ row }: ProfileFacts): CardSection {
  const properties: CardSection["properties"] = { [PROFILE_FIELDS.overall]: formattedNumber(row.score, SCORE_FORMAT) };
  for (const category of CATEGORIES) properties[CATEGORY_FIELDS[category]] = formattedNumber(row.categories[category], SCORE_FORMAT);
  return { title: "Exposure (0–100)", properties };
}

const SHARE_FIELDS: Record<"score" | SupplyStage, { share: ProfileField; year: ProfileField; source: ProfileField }> = {
  score: { share: PROFILE_FIELDS.chinaShare, year: PROFILE_FIELDS.chinaShareYear, source: PROFILE_FIELDS.chinaShareSource },
  mining: { share: PROFILE_FIELDS.chinaMiningShare, year: PROFILE_FIELDS.chinaMiningShareYear, source: PROFILE_FIELDS.chinaMiningShareSource },
  processing: {
    share: PROFILE_FIELDS.chinaProcessingShare,
    year: PROFILE_FIELDS.chinaProcessingShareYear,
    source: PROFILE_FIELDS.chinaProcessingShareSource,
  },
};

/**
 * The figure the score uses by default (CHINASHARE with no stage: the item's own, else a component's, named
 * in "China share item") and the item's own mining and processing figures. A figure the rules do not have is
 * left off the card (and a section with no field is not shown), so `.[China mining share]` is Excel's
 * #FIELD! rather than a made-up 0.
 */
function chinaShareSection({ row, rules }: ProfileFacts): CardSection {
  const itemId = row.match.itemId;
  const properties: CardSection["properties"] = {};
  const add = (fields: (typeof SHARE_FIELDS)[keyof typeof SHARE_FIELDS], figure: ChinaShareFigure | null) => {
    if (figure === null) return;
    properties[fields.share] = formattedNumber(figure.share, SHARE_FORMAT);
    properties[fields.year] = plainNumber(figure.year);
    properties[fields.source] = text(figure.source);
  };
  if (itemId !== null) {
    const used = chinaShareFor(rules, itemId, null);
    add(SHARE_FIELDS.score, used);
    if (used !== null) properties[PROFILE_FIELDS.chinaShareItem] = text(used.itemName);
    add(SHARE_FIELDS.mining, chinaShareFor(rules, itemId, "mining"));
    add(SHARE_FIELDS.processing, chinaShareFor(rules, itemId, "processing"));
  }
  return { title: "China's share of world supply", properties };
}

function controlsSection({ row, rules }: ProfileFacts): CardSection {
  const rows = row.hits.map((hit): Excel.CellValue[] => [
    text(hit.controlId),
    text(hit.title),
    text(hit.category),
    text(hit.status),
    text(hit.statusSince),
    text(hit.statusUntil ?? ""),
    plainNumber(rules.controlsById.get(hit.controlId)?.control.severity ?? 0),
    text(hit.citation ?? ""),
    text(hit.sourceUrl),
    flag(hit.unconfirmed),
  ]);
  const title = rows.length === 0 ? `Controls on ${row.asOf}: none` : `Controls on ${row.asOf}`;
  return { title, properties: { [PROFILE_FIELDS.controls]: table(CONTROL_COLUMNS, rows) } };
}

/**
 * The supplier's name screened against China's entity lists, when the row gave one: the match (listed or
 * possible — a possible match is for the user to check and never counts), the notice that leads, and its
 * standing on the date. No name given: no section.
 */
function listingSection({ row }: ProfileFacts): CardSection {
  const screening = row.entity;
  if (screening === null) return { title: "China's lists", properties: {} };
  const properties: CardSection["properties"] = { [PROFILE_FIELDS.listMatch]: text(screening.status) };
  const lead = screening.lead;
  if (screening.match !== null && lead !== null) {
    properties[PROFILE_FIELDS.listedName] = text(screening.match.name);
    properties[PROFILE_FIELDS.list] = text(lead.listLabel);
    properties[PROFILE_FIELDS.notice] = text(lead.citation === null ? lead.actionId : `${lead.actionId} (${lead.citation})`);
    properties[PROFILE_FIELDS.noticeDate] = text(lead.date);
    const until = lead.until === null ? "" : ` until ${lead.until}`;
    properties[PROFILE_FIELDS.listingStanding] = text(`${lead.status} since ${lead.since}${until}${lead.unconfirmed ? " (unconfirmed)" : ""}`);
    properties[PROFILE_FIELDS.listingSource] = text(lead.sourceUrl);
  }
  return { title: screening.status === "possible" ? "China's lists: possible match, check it" : "China's lists", properties };
}

/**
 * Where else the item is produced (ALTERNATIVES with no stage): the binding stage — the most
 * China-concentrated stage of the item and what it contains —, the share made outside China there, and the
 * producers outside China with their shares. An item with no producer figure has no section.
 */
function alternativesSection({ row, rules, supply: part }: ProfileFacts): CardSection {
  const itemId = row.match.itemId;
  const none: CardSection = { title: "Where else it is produced", properties: {} };
  if (itemId === null || part === null) return none;
  const answer = part.alternativesFor(rules, itemId)?.answer ?? null;
  if (answer === null) return none;
  const { supply } = answer;
  const rated = answer.concentration ?? supply;
  const of = answer.path.length > 1 ? ` of ${supply.itemName}` : "";
  const properties: CardSection["properties"] = {
    [PROFILE_FIELDS.bindingStage]: text(`${rated.stage}${of} (${part.formatFigureYear(rated)})`),
  };
  if (rated.outsideChina !== null) properties[PROFILE_FIELDS.outsideChinaShare] = formattedNumber(rated.outsideChina.share, SHARE_FORMAT);
  const producers = supply.producers.map((producer): Excel.CellValue[] => [
    text(producer.countryName),
    producer.share === null ? text("") : formattedNumber(producer.share, SHARE_FORMAT),
    text(part.formatFigureYear(supply)),
    text(supply.sources[0]?.url ?? ""),
  ]);
  properties[PROFILE_FIELDS.alternatives] =
    producers.length > 0 ? table(ALTERNATIVE_COLUMNS, producers) : text(`no country breakdown (${supply.noCountryBreakdown ?? "the source gives no country shares"})`);
  return { title: "Where else it is produced", collapsed: true, properties };
}

function warningsSection({ row }: ProfileFacts): CardSection {
  const rows = row.warnings.map((warning): Excel.CellValue[] => [text(warning.code), text(warning.controlId ?? ""), text(warning.message)]);
  return {
    title: rows.length === 0 ? "Warnings: none" : "Warnings",
    collapsed: rows.length === 0,
    properties: { [PROFILE_FIELDS.warnings]: table(WARNING_COLUMNS, rows) },
  };
}

function rulesSection({ row, rules }: ProfileFacts): CardSection {
  return {
    title: "Rules and explanation",
    collapsed: true,
    properties: {
      [PROFILE_FIELDS.rulesVersion]: text(rules.doc.version),
      [PROFILE_FIELDS.rulesReviewed]: text(rules.doc.reviewedAt),
      [PROFILE_FIELDS.explanation]: text(row.explanation),
    },
  };
}

/** The sections of every PROFILE card, top to bottom. */
export const PROFILE_SECTIONS: readonly SectionBuilder[] = [
  itemSection,
  scoresSection,
  chinaShareSection,
  controlsSection,
  listingSection,
  alternativesSection,
  warningsSection,
  rulesSection,
];

/**
 * The entity value for one matched row. The first section has no title: its first field is the card's
 * title and "Commodity" (the text as given) its subtitle.
 */
export function profileCard(facts: ProfileFacts, sections: readonly SectionBuilder[] = PROFILE_SECTIONS): Excel.EntityCellValue {
  const properties: Record<string, Excel.CellValue> = {};
  const cardSections: Excel.CardLayoutSection[] = [];
  for (const build of sections) {
    const section = build(facts);
    const names = Object.keys(section.properties) as ProfileField[];
    for (const name of names) properties[name] = section.properties[name]!;
    if (names.length === 0) continue;
    cardSections.push({
      layout: "List",
      properties: names,
      ...(section.title === undefined ? {} : { title: section.title, collapsible: true, collapsed: section.collapsed ?? false }),
    });
  }
  return {
    type: "Entity",
    text: facts.row.match.itemName ?? facts.commodity,
    properties,
    layouts: {
      compact: { icon: "Box" },
      card: {
        title: { property: PROFILE_FIELDS.item },
        subTitle: { property: PROFILE_FIELDS.commodity },
        sections: cardSections,
      },
    },
    provider: { description: `Chokepoint export-control rules ${facts.rules.doc.version}` },
  };
}
