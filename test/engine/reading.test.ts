import { dictionarySegmenter } from "../../src/engine/reading-index";
import { readLine, type Line } from "../../src/engine/reading";
import { wordRepair } from "../../src/engine/word-repair";
import { lexiconVariants, canonicalWords, TRANSLATIONS } from "../../src/engine/lexicon";
import { foldCharacters } from "../../src/rules/names";

const segmenter = dictionarySegmenter(new Map<string, readonly string[]>([
  ["镓", ["镓"]],
  ["砷化镓", ["砷化镓"]],
  ["晶片", ["wafer"]],
  ["ガリウム", ["ガリウム"]],
  ["用", ["用"]],
]));
const repair = wordRepair(new Set(["gallium", "neodymium", "magnet", "lithium", "carbonate", "ndfeb", "wolfram", "powder", "ingot"]), new Set(["gallium", "neodymium", "lithium", "carbonate", "ndfeb"]), new Set(["gallium", "neodymium", "lithium", "carbonate", "ndfeb", "wolfram"]));
const read = (text: string) => readLine(text, segmenter, repair);
const keys = (line: Line) => line.chunks.map((chunk) => chunk.words.map((word) => word.keys[0]).join(" "));

describe("reading a line into chunks of words", () => {
  test("punctuation and prepositions about something else start chunks", () => {
    const line = read("NdFeB magnets, N42 (coated) for EV motors with Dy");
    expect(keys(line)).toEqual(["ndfeb magnet", "", "coated", "", "ev motor", "dy"]);
    expect(line.chunks.map((c) => c.opener)).toEqual(["start", "separator", "separator", "separator", "aside", "aside"]);
    expect(line.chunks.map((c) => c.preposition)).toEqual([null, null, null, null, "for", "with"]);
  });

  test("'on' starts an aside after a head word, but is part of a name in 'GaN on Si'", () => {
    expect(keys(read("InGaAs epitaxial wafer on InP"))).toEqual(["ingaa epitaxial wafer", "inp"]);
    expect(keys(read("GaN on Si wafer"))).toEqual(["gan on si wafer"]);
  });

  test("numbers, units and codes are specs: dropped, and what follows the first one is marked", () => {
    const line = read("Molybdenum wire Ø0.18 mm EDM, YXG-26H grade, ratio 2:17");
    expect(keys(line)).toEqual(["molybdenum wire edm", "grade", "ratio"]);
    expect(line.words.find((w) => w.text === "edm")?.afterSpec).toBe(true);
    expect(line.words.find((w) => w.text === "wire")?.afterSpec).toBe(false);
  });

  test("foreign and abbreviated words read as their English word", () => {
    expect(keys(read("Antimon Barren"))).toEqual(["antimony ingot"]);
    expect(keys(read("poudre de tungstène"))).toEqual(["powder de tungsten"]);
    expect(read("poudre de tungstène").words[1].role).toBe("of");
    expect(keys(read("GA MTL WFR"))).toEqual(["ga metal wafer"]);
  });

  test("Chinese and Japanese text is cut into the dictionary's words; 用 marks a purpose", () => {
    expect(keys(read("砷化镓晶片4英寸"))).toEqual(["砷化镓 wafer"]);
    const line = read("镓 线切割用 锭");
    expect(line.chunks.map((c) => c.opener)).toEqual(["start", "aside", "separator"]);
    expect(keys(read("ガリウム99.99%"))).toEqual(["ガリウム"]);
  });

  test("unknown words are read as compounds, truncations (in capitals only) or one-edit misspellings of names", () => {
    expect(read("NDFEBMAGNET").words.map((w) => [w.keys[0], w.via])).toEqual([["ndfeb", "compound"], ["magnet", "compound"]]);
    expect(read("Wolframpulver").words.map((w) => w.keys[0])).toEqual(["tungsten", "powder"]);
    expect(read("LITH CARB").words.map((w) => w.keys)).toEqual([["lithium"], ["carbonate"]]);
    expect(read("lith carb").words.map((w) => w.keys)).toEqual([["lith"], ["carb"]]);
    expect(read("neodynium").words[0]).toMatchObject({ keys: ["neodymium"], via: "spelling" });
    expect(read("tester").words[0]).toMatchObject({ keys: ["tester"], via: "written" });
  });

  test("every foreign or abbreviated word of the lexicon stands for at least one English word", () => {
    for (const variant of lexiconVariants()) expect(canonicalWords(variant).length).toBeGreaterThan(0);
  });
});

test("each word the lexicon knows means one thing: a word listed under two canonical words would only ever mean the first", () => {
  const meanings = new Map<string, string[]>();
  for (const [canonical, written] of Object.entries(TRANSLATIONS)) {
    for (const word of written.map(foldCharacters)) meanings.set(word, [...(meanings.get(word) ?? []), canonical]);
  }
  expect([...meanings].filter(([, canonicals]) => canonicals.length > 1)).toEqual([]);
});
