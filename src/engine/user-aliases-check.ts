/**
 * Reading an overlay of the workbook's own aliases that comes from outside (the workbook's settings, an
 * aliases file): its shape is checked with zod, and nothing partial is accepted. Kept apart from
 * user-aliases.ts, which applies an overlay, so the add-in loads the validator only when it has one to read.
 */
import * as z from "../rules/zod";
import { LONGEST_ALIAS_TEXT, MOST_USER_ALIASES, USER_ALIASES_FORMAT, type UserAliasIssue, type UserAliases } from "./user-aliases";

const aliasSchema = z.strictObject({
  commodity: z.string().check(z.trim(), z.minLength(1), z.maxLength(LONGEST_ALIAS_TEXT)),
  /** The item's id, or null: "not controlled" (read as no item, without suggestions). */
  item: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
});

const userAliasesSchema = z.strictObject({
  format: z.literal(USER_ALIASES_FORMAT),
  aliases: z.array(aliasSchema).check(z.maxLength(MOST_USER_ALIASES)),
});

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
