/**
 * The words that head items' names, looked up from the word: the same items, each once and in the rules' order,
 * as a scan of every item's head words finds.
 */
import { itemsHeadedBy } from "../../src/engine/reading-index";
import { bundledRules } from "./support-bundled";

const index = bundledRules().readingIndex();

/** Every item whose names end in one of the words, by looking at each item in turn. */
const scanned = (keys: readonly string[]) => [...index.headNouns].filter(([, heads]) => keys.some((key) => heads.has(key))).map(([itemId]) => itemId);

test("one word: the items it heads, in the rules' order", () => {
  const words = [...new Set([...index.headNouns.values()].flatMap((heads) => [...heads]))];
  expect(words.length).toBeGreaterThan(10);
  for (const word of words) expect(itemsHeadedBy(index, [word])).toEqual(scanned([word]));
  expect(itemsHeadedBy(index, ["cardboard"])).toEqual([]);
});

test("several words (a word read more than one way): every item any of them heads, once, in the rules' order", () => {
  const cases = [["magnet", "cell"], ["cell", "magnet"], ["wafer", "magnet", "wafer"], ["cardboard", "magnet"], ["cardboard", "box"]];
  for (const keys of cases) expect(itemsHeadedBy(index, keys)).toEqual(scanned(keys));
  expect(itemsHeadedBy(index, ["magnet", "cell"]).length).toBeGreaterThan(itemsHeadedBy(index, ["magnet"]).length);
});
