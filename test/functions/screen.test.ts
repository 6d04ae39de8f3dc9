/**
 * SCREEN and the supplierName argument, called the way Excel calls them (2-D arrays, null for a skipped argument),
 * over the fixture listings (test/fixtures/rules/listings.json). Expected cells come from the listings' own text
 * (names, dates, sources) or from the engine for the same row.
 */
import "./setup";
import { scoreRow } from "../../src/engine";
import { breakdownCells, explainCells, scoreCells, screenCells, SCREEN_COLUMNS } from "../../src/functions/adapters";
import { listingsFixtureRules } from "../engine/support";
import { errorOf } from "./fixture";

const rules = listingsFixtureRules();
const ON = "2026-07-01";
const column = (...values: unknown[]) => values.map((value) => [value]);

describe("SCREEN", () => {
  test("spills seven cells per row: status, listed name, list, notice, date, standing, source", () => {
    expect(SCREEN_COLUMNS).toHaveLength(7);
    expect(screenCells([["MP Materials Corp"]], [["US"]], [[ON]], rules)).toEqual([
      ["listed", "MP Materials Corp.", "Export Control Control List", "T-ECL-1", "2026-06-22", "listed", "https://example.org/t-ecl-1"],
    ]);
  });

  test("a column of names gives one row each: listed, possible for review, none; a blank row stays blank", () => {
    const result = screenCells(column("芒廷帕斯材料公司", "Mitsubishi Heavy Industries", null, "Acme Widgets Ltd"), null, [[ON]], rules);
    expect(result.map((row) => row.slice(0, 4))).toEqual([
      ["listed", "MP Materials Corp.", "Export Control Control List", "T-ECL-1"],
      ["possible", expect.stringMatching(/^Mitsubishi Heavy Industries /), "Export Control Control List", "T-ECL-1"],
      ["", "", "", ""],
      ["none", "", "", ""],
    ]);
  });

  test("the standing follows the date: a listing suspended, then back (unconfirmed)", () => {
    const dates = column("2025-03-01", "2025-04-10", "2025-06-01", "2026-11-20");
    const result = screenCells([["Firestorm Labs"]], [["US"]], dates, rules);
    expect(result.map((row) => [row[0], row[5]])).toEqual([
      ["none", ""],
      ["listed", "listed"],
      ["listed", "suspended until 2025-08-11"],
      ["listed", "listed (unconfirmed)"],
    ]);
  });

  test("a country that differs from the listing's leaves the match for review", () => {
    expect(screenCells([["TDK Corporation"]], [["United States"]], [[ON]], rules)[0][0]).toBe("possible");
  });

  test("bad input is #VALUE! on its row, naming the argument", () => {
    const result = screenCells(column("TDK", "TDK", "x".repeat(400)), column("Japan", "Atlantis", "Japan"), [[ON]], rules);
    expect(result[0][0]).toBe("listed");
    expect(errorOf(result[1][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^supplierCountry .*Atlantis/) });
    expect(errorOf(result[2][6])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^supplierName is too long to be a supplier's name/) });
  });
});

describe("supplierName, the last argument of SCORE, BREAKDOWN and EXPLAIN", () => {
  const row = [[["NdFeB magnet"]], [["US"]], [["US"]], null, null, null, null, [[ON]]];
  const engine = (supplierName?: string) => {
    const result = scoreRow({ commodity: "NdFeB magnet", supplierCountry: "US", siteCountry: "US", asOf: ON, supplierName }, rules, { asOf: ON });
    if (!result.ok) throw new Error(result.error.code);
    return result;
  };

  test("left out, formulas score as before; given, a listed supplier scores as the engine says", () => {
    expect(scoreCells(row, rules)).toEqual([[engine().score]]);
    expect(scoreCells([...row, [["MP Materials Corp."]]], rules)).toEqual([[engine("MP Materials Corp.").score]]);
    expect(engine("MP Materials Corp.").score).toBeGreaterThan(engine().score);
  });

  test("BREAKDOWN and EXPLAIN take it too", () => {
    const listed = engine("MP Materials Corp.");
    expect(breakdownCells([...row, [["MP Materials Corp."]]], rules)).toEqual([[listed.categories.minerals, listed.categories.technology, listed.categories.equipment, listed.categories.personnel]]);
    expect(explainCells([...row, [["MP Materials Corp."]]], rules)[0][0]).toContain("Supplier listed: MP Materials Corp.");
  });

  test("a column of supplier names lines up with the other columns", () => {
    const names = column("MP Materials Corp.", "Arnold Magnetic Technologies");
    expect(scoreCells([column("NdFeB magnet", "NdFeB magnet"), [["US"]], [["US"]], null, null, null, null, [[ON]], names], rules)).toEqual([
      [engine("MP Materials Corp.").score],
      [engine("Arnold Magnetic Technologies").score],
    ]);
  });
});

test("an unrecognised commodity from a listed supplier says the listing is in the score it reports", () => {
  const [[cell]] = scoreCells([[["widget X"]], [["US"]], null, null, null, null, null, [[ON]], [["Lockheed Martin Corp"]]], rules);
  expect(errorOf(cell)).toEqual({ code: "#N/A", message: expect.stringContaining("the supplier's listing (T-UEL-1) give 100.0") });
});
