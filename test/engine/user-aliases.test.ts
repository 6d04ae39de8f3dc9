import { matchCommodity } from "../../src/engine/match";
import { scoreRow } from "../../src/engine/score";
import {
  assignUserAlias,
  checkUserAliases,
  removeUserAlias,
  withUserAliases,
  type UserAliases,
} from "../../src/engine/user-aliases";
import { parseUserAliases, userAliasesFromTable } from "../../src/engine/user-aliases-check";
import { fixtureRules, scored } from "./support";

const ALIASES: UserAliases = {
  format: 1,
  aliases: [
    { commodity: "Neo-Disc 10x3", item: "ndfeb-magnet" },
    { commodity: "NdFeB magnet, reject lot", item: null },
  ],
};

describe("the workbook's own aliases", () => {
  const base = fixtureRules();
  const rules = withUserAliases(base, ALIASES);

  test("an assigned text reads as its item first, whatever its case and punctuation", () => {
    expect(matchCommodity(rules, "NEO DISC 10X3")).toMatchObject({ itemId: "ndfeb-magnet", method: "user_alias", confidence: 1 });
    expect(matchCommodity(base, "NEO DISC 10X3").itemId).toBeNull();
  });

  test("a text marked not controlled is recognised, read as no item, and scored without an unmatched warning", () => {
    expect(matchCommodity(base, "NdFeB magnet, reject lot").itemId).toBe("ndfeb-magnet");
    const match = matchCommodity(rules, "ndfeb magnet reject lot");
    expect(match).toMatchObject({ itemId: null, method: "user_alias" });
    const row = scored(scoreRow({ commodity: "ndfeb magnet reject lot", supplierCountry: "CN" }, rules, { asOf: "2025-06-01" }));
    expect(row.warnings.map((w) => w.code)).not.toContain("unmatched");
    expect(row.explanation).toMatch(/^Marked not controlled/);
  });

  test("the base rules and their memo are untouched", () => {
    expect(base.userAliases.size).toBe(0);
    expect(rules.matchMemo).not.toBe(base.matchMemo);
    expect(rules.itemsById).toBe(base.itemsById);
  });

  test("the format is checked strictly; unknown items and repeats are reported, not fatal", () => {
    expect(parseUserAliases({ format: 2, aliases: [] }).ok).toBe(false);
    expect(parseUserAliases({ format: 1, aliases: [{ commodity: "", item: "x" }] }).ok).toBe(false);
    expect(parseUserAliases({ format: 1, aliases: [{ commodity: "a", item: "x", extra: 1 }] }).ok).toBe(false);
    const issues = checkUserAliases({ format: 1, aliases: [{ commodity: "a b", item: "nope" }, { commodity: "A-B", item: null }] }, base);
    expect(issues.map((issue) => issue.code).sort()).toEqual(["alias_item_unknown", "alias_repeated"]);
    // An alias for an unknown item is left out of the reading.
    expect(matchCommodity(withUserAliases(base, { format: 1, aliases: [{ commodity: "gallium", item: "nope" }] }), "gallium").itemId).toBe("gallium");
  });

  test("assigning replaces an earlier assignment of the same text; removing drops it", () => {
    const once = assignUserAlias(ALIASES, "neo disc 10X3", "smco-magnet");
    expect(once.aliases).toEqual([ALIASES.aliases[1], { commodity: "neo disc 10X3", item: "smco-magnet" }]);
    expect(removeUserAlias(once, "NEO-DISC 10x3").aliases).toEqual([ALIASES.aliases[1]]);
  });

  test("a commodity,item table becomes the overlay; an empty item or 'none' means not controlled", () => {
    const table = userAliasesFromTable([
      ["item", "commodity", "note"],
      ["ndfeb-magnet", "Neo-Disc 10x3", "from purchasing"],
      ["", "office chairs", ""],
      ["None", "desk lamp", ""],
      ["", "", ""],
    ]);
    expect(table).toEqual({
      ok: true,
      aliases: {
        format: 1,
        aliases: [
          { commodity: "Neo-Disc 10x3", item: "ndfeb-magnet" },
          { commodity: "office chairs", item: null },
          { commodity: "desk lamp", item: null },
        ],
      },
    });
    expect(userAliasesFromTable([["text", "target"]]).ok).toBe(false);
  });
});
