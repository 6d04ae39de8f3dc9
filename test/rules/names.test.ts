import { aliasKey, normalizeCommodity } from "../../src/rules/names";

describe("the naming key", () => {
  test.each([
    ["LiFePO₄", "lifepo4"],
    ["Bismút", "bismut"],
    ["Molybdän", "molybdan"],
    ["ＧａＡｓ", "gaas"],
  ])("%s → %s (compatibility forms folded, Latin accents dropped)", (text, key) => expect(normalizeCommodity(text)).toBe(key));

  test.each([
    ["ガリウム", "カリウム"], // gallium is not potassium: the voicing mark is part of the letter
    ["ゲルマニウム", "ケルマニウム"],
    ["ジスプロシウム", "シスプロシウム"],
    ["ネオジム", "ネオシム"],
  ])("Japanese %s keeps its voicing marks (never read as %s)", (text, unvoiced) => {
    expect(normalizeCommodity(text)).toBe(text);
    expect(aliasKey(normalizeCommodity(text))).not.toBe(aliasKey(normalizeCommodity(unvoiced)));
  });

  test("half-width katakana compose to the full-width letters a name is written in", () => {
    expect(normalizeCommodity("ｶﾞﾘｳﾑ")).toBe("ガリウム");
  });

  test.each([["갈륨"], ["네오디뮴 자석"], ["钕铁硼磁体"], ["碳酸锂"]])("%s reads as itself", (text) => expect(normalizeCommodity(text)).toBe(text));
});
