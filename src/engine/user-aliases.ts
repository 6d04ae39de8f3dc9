/**
 * The workbook's own aliases: commodity texts a user has assigned to an item ("Neo-Disc 10x3" → NdFeB
 * permanent magnet) or marked as not controlled. One format for every adapter — stored in the workbook by
 * the pane, given to the CLI as `--aliases FILE.csv` — and one code path: `withUserAliases` gives compiled
 * rules whose matcher reads an assigned text as its item before anything else. A text is compared by its
 * normalised form, so case, accents and punctuation do not matter.
 */
import * as z from "../rules/zod";
import { emptyScorerShelf, type CompiledRules } from "./compile";
import { normalizeCommodity } from "./commodity";

/** The overlay format this code writes and reads. */
export const USER_ALIASES_FORMAT = 1;
/** More than this is no longer a list of exceptions; a rules edit is the better tool. */
export const MOST_USER_ALIASES = 5_000;
const LONGEST_ALIAS_TEXT = 400;

const aliasSchema = z.strictObject({
  commodity: z.string().check(z.trim(), z.minLength(1), z.maxLength(LONGEST_ALIAS_TEXT)),
  /** The item's id, or null: "not controlled" (read as no item, without suggestions). */
  item: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
});

export const userAliasesSchema = z.strictObject({
  format: z.literal(USER_ALIASES_FORMAT),
  aliases: z.array(aliasSchema).check(z.maxLength(MOST_USER_ALIASES)),
});

export type UserAliases = z.output<typeof userAliasesSchema>;
export type UserAlias = UserAliases["aliases"][number];

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

export type UserAliasesResult = { ok: true; aliases: UserAliases } | { ok: false; issues: UserAliasIssue[] };

/** Checks a stored or uploaded overlay's shape; nothing partial is accepted. */
export function parseUserAliases(value: unknown): UserAliasesResult {
  const parsed = userAliasesSchema.safeParse(value);
  if (parsed.success) return { ok: true, aliases: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 5).map((issue) => ({ code: "aliases_invalid", index: typeof issue.path[1] === "number" ? issue.path[1] : null, detail: `${issue.path.join(".") || "(overlay)"}: ${issue.message}` })),
  };
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
  const descriptors = Object.getOwnPropertyDescriptors(rules);
  return Object.defineProperties({} as CompiledRules, {
    ...descriptors,
    userAliases: { value: map, enumerable: true, writable: false },
    matchMemo: { value: { results: new Map(), computed: 0, byText: new Map() }, enumerable: true, writable: true },
    scorers: { value: emptyScorerShelf(), enumerable: true, writable: false },
  });
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

/** Words that mean "not controlled" in the item column of an aliases table. */
const NOT_CONTROLLED = new Set(["", "none", "not controlled", "not-controlled", "-"]);

/**
 * A table with the columns `commodity,item` (header required, any order, other columns ignored) → the overlay.
 * An empty item, "none" or "not controlled" marks the text as not controlled.
 */
export function userAliasesFromTable(rows: readonly (readonly unknown[])[]): UserAliasesResult {
  const [header, ...body] = rows;
  const names = (header ?? []).map((cell) => String(cell ?? "").trim().toLowerCase());
  const commodityAt = names.indexOf("commodity");
  const itemAt = names.indexOf("item");
  if (commodityAt < 0 || itemAt < 0) return { ok: false, issues: [{ code: "aliases_invalid", index: null, detail: 'the first row must name the columns "commodity" and "item"' }] };
  const aliases = body
    .filter((row) => row.some((cell) => String(cell ?? "").trim() !== ""))
    .map((row) => {
      const item = String(row[itemAt] ?? "").trim();
      return { commodity: String(row[commodityAt] ?? ""), item: NOT_CONTROLLED.has(item.toLowerCase()) ? null : item };
    });
  return parseUserAliases({ format: USER_ALIASES_FORMAT, aliases });
}
