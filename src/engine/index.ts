export * from "./types";
export { compileRules } from "./compile";
export type { CompiledRules } from "./compile";
export { movedControlIds, scoreRow, scoreRows, LONGEST_COMMODITY } from "./score";
export { matchCommodity } from "./match";
export { LOW_CONFIDENCE_BELOW } from "./match-tuning";
export { normalizeCommodity } from "./commodity";
export { findHsCodes, formatHsCode } from "./hs";
export { withUserAliases, checkUserAliases, assignUserAlias, removeUserAlias, describeUserAliasIssue, NO_USER_ALIASES } from "./user-aliases";
export type { UserAliases, UserAlias, UserAliasIssue } from "./user-aliases";
export { toCountryCode, countryName } from "./countries";
export { parseShare, parseDate, parseCountry } from "./inputs";
export { readCell, readRow, isEmptyCell, ROW_FIELD_KINDS, LONGEST_SHARE_TEXT } from "./cells";
export type { CellKind } from "./cells";
export { addDays, excelSerialToIso, isoDateOrNull, isScoringDate, nextDay, todayIso, FIRST_SCORING_DATE, LAST_SCORING_DATE } from "./dates";
export { roundToTenth } from "./rounding";
export { statusOn } from "./status";
export type { StatusOnDate } from "./status";
export { describeScreening, explainRow } from "./explain";
export { describeEngineError } from "./messages";
export { summarizePortfolio } from "./portfolio";
export { chinaShareFor, firstInForceDate } from "./lookups";
export type { ChinaShareFigure, SupplyStage } from "./lookups";
// Where else an item is produced needs the producer figures, which the first load fetches on first use: the pane,
// the functions and the CLI import alternatives.ts themselves, with those figures, so only its types are here.
export type { ItemAlternatives, ProducerShare, ProducerStage, StageSupply, SupplyAnswer } from "./alternatives";
export type { FigureQualifier } from "../rules/vocabulary";
export type { ControlSummary, EditionFacts, EntryChange, FieldChange, IdLists, ItemSummary, OwnerChange, OwnerChanges, RulesDiff, SectionDiff, SectionDiffer, SectionEntry } from "./diff";
// What a change of rules or a coming day does to a list is worked out by the pane's parts fetched on demand and by
// the CLI, which import impact.ts and date-impact.ts themselves: only their types are here, so the first load does not
// carry them.
export type { ChangeImpact, ControlShift, ImpactSummary, RowMove, RowOutcome } from "./impact";
export { DEFAULT_HORIZON_DAYS, LONGEST_HORIZON_DAYS, describeTransition, parseHorizonDays, transitionsBetween, upcomingChanges } from "./horizon";
export type { Horizon, Transition, TransitionKind } from "./horizon";
export type { DateImpact, DateMove, DateStep } from "./date-impact";
export { STATUS_WORDS } from "./explain";
