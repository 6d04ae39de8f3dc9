import { repairMojibake } from "../../src/engine/mojibake";

describe("UTF-8 read as Windows-1252 and saved again", () => {
  test.each([
    ["Politechnika WrocÅ‚awska", "Politechnika Wrocławska"],
    ["VeritÃ© Group Inc", "Verité Group Inc"],
    ["MÃ¼nchen GmbH", "München GmbH"],
    ["SociÃ©tÃ© GÃ©nÃ©rale", "Société Générale"],
    ["â‚¬ 1.200", "€ 1.200"],
  ])("%s is %s", (broken, repaired) => {
    expect(repairMojibake(broken)).toBe(repaired);
  });

  test.each([["Verité Group"], ["Ã la carte"], ["Wrocławska"], ["ÂRTE Ã"], ["TECH Ã 2"], ["株式会社"], ["plain text"]])(
    "%s is left as it was (no mojibake, or bytes that are no UTF-8)",
    (text) => {
      expect(repairMojibake(text)).toBe(text);
    },
  );
});
