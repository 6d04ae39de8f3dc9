/**
 * The workbook's own aliases: commodity texts a user has assigned to an item ("Neo-Disc 10x3" → NdFeB
 * permanent magnet) or marked as not controlled. One format for every adapter — stored in the workbook by
 * the pane, given to the CLI as `--aliases FILE.csv` — and one code path: `withUserAliases` gives compiled
 * rules whose matcher reads an assigned text as its item before anything else. A text is compared by its
 * normalised form, so case, accents and punctuation do not matter.
 */
import { emptyScorerShelf, type CompiledRules } from "./compile";
import { normalizeCommodity } from "./commodity";

/** The overlay format this code writes and reads. */
export const USER_ALIASES_FORMAT = 1;
/** More than this is no longer a list of exceptions; a rules edit is the better tool. */
export const MOST_USER_ALIASES = 5_000;
export const LONGEST_ALIAS_TEXT = 400;

/** The overlay: which texts are read as which item (null: not controlled). Checked by user-aliases-check.ts. */
export interface UserAliases {
  format: typeof USER_ALIASES_FORMAT;
  aliases: UserAlias[];
}
export interface UserAlias {
  commodity: string;
  item: string | null;
}

export const NO_USER_ALIASES: UserAliases = Object.freeze({ format: USER_ALIASES_FORMAT, aliases: Object.freeze([]) as unknown as UserAlias[] });

export type UserAliasIssueCode = "aliases_invalid" | "alias_item_unknown" | "alias_repeated" | "alias_text_empty";

/** A problem with the overlay, as data; the adapters render it. `index` is the alias's place in the list (0-based). */
export interface UserAliasIssue {
  code: UserAliasIssueCode;
  index: number | null;
  commodity?: string;
  item?: string;
  /** For aliases_invalid: where in the value and what zod said. */
  detail?: string;
}

/** Aliases that name an item these rules do not have, or a text given twice (the later one counts). */
export function checkUserAliases(aliases: UserAliases, rules: Pick<CompiledRules, "itemsById">): UserAliasIssue[] {
  const issues: UserAliasIssue[] = [];
  const seen = new Map<string, number>();
  aliases.aliases.forEach((alias, index) => {
    const key = normalizeCommodity(alias.commodity);
    if (key === "") issues.push({ code: "alias_text_empty", index, commodity: alias.commodity });
    else if (seen.has(key)) issues.push({ code: "alias_repeated", index: seen.get(key)!, commodity: alias.commodity });
    seen.set(key, index);
    if (alias.item !== null && !rules.itemsById.has(alias.item)) issues.push({ code: "alias_item_unknown", index, commodity: alias.commodity, item: alias.item });
  });
  return issues;
}

/** One sentence per issue, for a terminal or the pane. */
export function describeUserAliasIssue(issue: UserAliasIssue): string {
  const where = issue.index === null ? "" : `alias ${issue.index + 1}: `;
  switch (issue.code) {
    case "aliases_invalid":
      return `the aliases are not in the expected form (${issue.detail})`;
    case "alias_item_unknown":
      return `${where}"${issue.commodity}" is assigned to "${issue.item}", which is not an item of the active rules; it is ignored`;
    case "alias_repeated":
      return `${where}"${issue.commodity}" is given more than once; the later assignment counts`;
    case "alias_text_empty":
      return `${where}"${issue.commodity}" has no letters or digits to match`;
  }
}

/**
 * Compiled rules that read the overlay's texts as their items first. Everything else is shared with `rules`
 * (indexes, lazily built parts); the commodity memo and the scorers' plans are new, since readings change.
 */
export function withUserAliases(rules: CompiledRules, aliases: UserAliases): CompiledRules {
  const map = new Map<string, string | null>();
  for (const alias of aliases.aliases) {
    const key = normalizeCommodity(alias.commodity);
    if (key === "" || (alias.item !== null && !rules.itemsById.has(alias.item))) continue;
    map.set(key, alias.item);
  }
  return { ...rules, userAliases: map, matchMemo: { results: new Map(), computed: 0, byText: new Map() }, scorers: emptyScorerShelf() };
}

/** The overlay with `commodity` assigned to `item` (null: not controlled), replacing any earlier assignment of the same text. */
export function assignUserAlias(aliases: UserAliases, commodity: string, item: string | null): UserAliases {
  const key = normalizeCommodity(commodity);
  const rest = aliases.aliases.filter((alias) => normalizeCommodity(alias.commodity) !== key);
  return { format: USER_ALIASES_FORMAT, aliases: [...rest, { commodity: commodity.trim(), item }] };
}

/** The overlay without the assignment of `commodity`. */
export function removeUserAlias(aliases: UserAliases, commodity: string): UserAliases {
  const key = normalizeCommodity(commodity);
  return { format: USER_ALIASES_FORMAT, aliases: aliases.aliases.filter((alias) => normalizeCommodity(alias.commodity) !== key) };
}
