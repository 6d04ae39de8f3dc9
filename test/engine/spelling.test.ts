/**
 * src/engine/spelling.ts: the one-edit test the word reader and screening share, and the deletions their indexes are
 * keyed by. Expectations counted by hand.
 */
import { deletions, withinOneEdit } from "../../src/engine/spelling";

test.each([
  ["gallium", "gallium", true, "the same word"],
  ["galium", "gallium", true, "one letter missing"],
  ["echoddyne", "echodyne", true, "one letter too many"],
  ["aerovironmnet", "aerovironment", true, "two neighbours swapped"],
  ["tungstan", "tungsten", true, "one letter changed"],
  ["tungstn", "tungsten", true, "one letter missing at the end's side"],
  ["tugnstne", "tungsten", false, "two swaps"],
  ["galum", "gallium", false, "two letters missing"],
  ["magnet", "magnetic", false, "two letters more"],
  ["", "a", true, "one letter against none"],
])("%s against %s: %s (%s)", (a, b, expected) => {
  expect(withinOneEdit(a, b)).toBe(expected);
  expect(withinOneEdit(b, a)).toBe(expected);
});

test("a word's deletions: one letter taken out at each place, in order", () => {
  expect(deletions("abc")).toEqual(["bc", "ac", "ab"]);
  expect(deletions("aab")).toEqual(["ab", "ab", "aa"]);
  expect(deletions("")).toEqual([]);
});
