/**
 * scripts/country-codes-loader.js: the add-in's build keeps only the alpha-2 and alpha-3 codes of
 * i18n-iso-countries' codes.json. What it keeps must be the library's own pairs, every one of them; a file of
 * another shape must fail the build.
 */
import * as fs from "fs";
import countries from "i18n-iso-countries";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const countryCodesLoader: (source: string) => string = require("../../scripts/country-codes-loader.js");

const CODES_TEXT = fs.readFileSync(require.resolve("i18n-iso-countries/codes.json"), "utf8");

test("every country keeps its alpha-2 and alpha-3 codes, as the library pairs them, and nothing else", () => {
  const pairs = JSON.parse(countryCodesLoader(CODES_TEXT)) as string[][];
  const alpha2 = Object.keys(countries.getAlpha2Codes());
  expect(pairs.map(([code]) => code).sort()).toEqual([...alpha2].sort());
  for (const pair of pairs) {
    expect(pair).toHaveLength(2);
    expect(pair[1]).toBe(countries.alpha2ToAlpha3(pair[0]));
  }
  expect(countryCodesLoader(CODES_TEXT).length).toBeLessThan(CODES_TEXT.length / 2);
});

test("a file of another shape fails the build instead of shipping codes the engine would misread", () => {
  expect(() => countryCodesLoader("{}")).toThrow(/a list of about 250 countries/);
  const rows = JSON.parse(CODES_TEXT) as string[][];
  rows[3] = ["004", "AF", "AFG"];
  expect(() => countryCodesLoader(JSON.stringify(rows))).toThrow(/row 3 is not \[alpha-2, alpha-3/);
});
