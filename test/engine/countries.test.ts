/**
 * The engine reads i18n-iso-countries' data files rather than its functions (src/engine/countries.ts). The
 * library itself, run here, says what those files mean: every code and every English name it knows must read
 * as the country the library gives, and every name must be the library's official English name.
 */
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";
import { countryName, toCountryCode } from "../../src/engine/countries";

countries.registerLocale(english);

const alpha2Codes = Object.keys(countries.getAlpha2Codes());

test("the library knows the ISO 3166-1 set (249 codes, and Kosovo), so the comparison below covers it", () => {
  expect(alpha2Codes.length).toBeGreaterThanOrEqual(249);
  expect(alpha2Codes).toEqual(expect.arrayContaining(["CN", "HK", "MO", "TW", "DE", "US"]));
});

test("every alpha-2 and alpha-3 code reads as its country", () => {
  for (const alpha2 of alpha2Codes) {
    expect(toCountryCode(alpha2)).toBe(alpha2);
    expect(toCountryCode(countries.alpha2ToAlpha3(alpha2)!)).toBe(alpha2);
    expect(toCountryCode(alpha2.toLowerCase())).toBe(alpha2);
  }
});

test("every English name the library has for one country only reads as that country", () => {
  const byName = new Map<string, Set<string>>();
  for (const [alpha2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const name of names) byName.set(name.toLowerCase(), (byName.get(name.toLowerCase()) ?? new Set()).add(alpha2));
  }
  let checked = 0;
  for (const [alpha2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const name of names) {
      if (byName.get(name.toLowerCase())!.size > 1) continue;
      expect([name, toCountryCode(name)]).toEqual([name, alpha2]);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(250);
});

test("a name two countries share reads as the first the data lists (Congo: the Republic, CG)", () => {
  expect(toCountryCode("Congo")).toBe("CG");
  expect(toCountryCode("Democratic Republic of the Congo")).toBe("CD");
});

test("a country's name is the library's official English name", () => {
  for (const alpha2 of alpha2Codes) expect([alpha2, countryName(alpha2)]).toEqual([alpha2, countries.getName(alpha2, "en")]);
  expect(countryName("CN")).toBe("People's Republic of China");
  expect(countryName("XX")).toBe("XX");
});
