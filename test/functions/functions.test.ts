/**
 * The seven formulas called the way Excel calls them: every range parameter as a 2-D array (a single
 * cell is [[value]]), null for a skipped optional argument, numbers for dates and percent-formatted cells.
 * Expected numbers are worked out by hand from the fixture rules (BY_HAND below); the tests check the
 * adapter's part: shapes, broadcasting, blanks, per-cell errors and their codes. One test, on a 10,000-row
 * column, checks instead that the formula agrees with the engine row by row (one row, one number everywhere).
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());

import { breakdown, chinaShare, controls, explain, match, score } from "../../src/functions/functions";
import { scoreRow, type RowInput } from "../../src/engine";
import { scoreCells } from "../../src/functions/adapters";
import { errorOf, fixtureRuntime } from "./fixture";

const rules = () => fixtureRuntime().active.compiled;
const ON = "2025-06-01";
const SERIAL_2025_06_01 = 45809;

const column = (...values: unknown[]) => values.map((value) => [value]);

/**
 * SCORE worked out by hand on 2025-06-01 from the fixture rules (test/fixtures/rules/small-rules.json; the
 * arithmetic of docs/scoring.md). Gallium and germanium are reached by CN-2023-GA-GE (minerals, severity 0.6, in
 * force, worldwide) and, at a US plant only, by CN-2024-US-DUALUSE (0.9, in force until its suspension of
 * 2025-11-09, destination US at weight 1). A supplier outside China depends on China by China's processing share
 * of the item unless a share is given: gallium 0.98, germanium 0.70. Every category weight is 1.
 */
const BY_HAND = {
  /** 100 × 0.6 × 0.98 */
  galliumFromJapan: 58.8,
  /** 100 × (1 − (1 − 0.6)(1 − 0.9)) × 0.98 = 94.08 */
  galliumFromJapanToUsPlant: 94.1,
  /** China input share given as 50%: 100 × 0.6 × 0.5 */
  galliumFromJapanHalfChineseInput: 30,
  /** 100 × 0.6 × 0.70 */
  germaniumFromJapan: 42,
};
/** What Excel passes for a skipped optional argument (the declarations say `?`, so TypeScript wants a cast). */
const SKIPPED = null as never;

describe("SCORE", () => {
  test("a single cell gives one number, the row's score", () => {
    const result = score([["gallium"]], [["Japan"]], [["US"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result).toEqual([[BY_HAND.galliumFromJapanToUsPlant]]);
  });

  test("a row is padding when every range is empty on it (blank, spaces or the 0 Excel passes for an empty cell)", () => {
    const commodity = column("gallium", null, "", "   ", 0, null, null, "gallium");
    const share = column(0.5, null, 0, "", 0, "0", false, null);
    const result = score(commodity, [["Japan"]], SKIPPED, share, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result.map(([cell]) => (typeof cell === "object" ? errorOf(cell)?.code : cell))).toEqual([
      BY_HAND.galliumFromJapanHalfChineseInput,
      "",
      "",
      "",
      "",
      "#VALUE!",
      "#VALUE!",
      BY_HAND.galliumFromJapan,
    ]);
  });

  test("a formula filled down (every argument one cell) answers as the same row inside a range would", () => {
    const error = new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode);
    const rows: unknown[][] = [
      ["gallium", "Japan", "US", 0.4, null, null, null, ON],
      ["neo magnet", "China", null, "45%", "0.2", null, null, SERIAL_2025_06_01],
      ["", "", null, null, null, null, null, ON],
      ["unobtainium", "Japan", null, null, null, null, null, ON],
      ["gallium", "Atlantis", null, null, null, null, null, ON],
      ["gallium", error, null, null, null, null, null, ON],
      ["germanium", "Japan", null, "abc", null, null, null, "not a date"],
      [true, 12, null, -1, null, null, null, null],
    ];
    for (const cells of rows) {
      const oneCell = score(...(cells.map((cell) => [[cell]]) as Parameters<typeof score>));
      const inRange = score(...(cells.map((cell) => [[cell], [cell]]) as Parameters<typeof score>));
      expect(oneCell).toEqual([inRange[0]]);
    }
  });

  test("a column gives one result per row, and a single cell broadcasts to every row", () => {
    const result = score(column("gallium", "germanium", "steel"), [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result).toEqual([[BY_HAND.galliumFromJapan], [BY_HAND.germaniumFromJapan], [0]]);
  });

  test("one bad row does not spoil the column: each cell carries its own error", () => {
    const result = score(
      column("gallium", "unobtainium", "gallium", "gallium"),
      column("Japan", "Japan", "Atlantis", "Japan"),
      SKIPPED,
      column(null, null, null, 50),
      SKIPPED,
      SKIPPED,
      SKIPPED,
      [[ON]],
    );
    expect(result[0][0]).toBe(BY_HAND.galliumFromJapan);
    expect(errorOf(result[1][0])).toEqual({ code: "#N/A", message: expect.stringContaining('"unobtainium"') });
    expect(errorOf(result[2][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^supplierCountry .*Atlantis/) });
    expect(errorOf(result[3][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^chinaInputShare .*50/) });
  });

  test("an unrecognised commodity looks different from zero exposure", () => {
    const [[steel], [unknown]] = score(column("steel", "unobtainium"), [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(steel).toBe(0);
    expect(errorOf(unknown)?.code).toBe("#N/A");
  });

  test("skipped optional arguments (null) score like empty cells", () => {
    const skipped = score([["gallium"]], [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    const empty = score([["gallium"]], [["Japan"]], [[""]], [[null]], [[""]], [[null]], [[""]], [[ON]]);
    expect(skipped).toEqual(empty);
  });

  test("asOf accepts an Excel date serial and ISO text alike, and moves the score", () => {
    const bySerial = score([["gallium"]], [["Japan"]], [["US"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[SERIAL_2025_06_01]]);
    const byText = score([["gallium"]], [["Japan"]], [["US"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    const beforeControls = score([["gallium"]], [["Japan"]], [["US"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [["2023-01-01"]]);
    expect(bySerial).toEqual(byText);
    expect(beforeControls[0][0]).toBe(0);
    expect(byText).toEqual([[BY_HAND.galliumFromJapanToUsPlant]]);
    expect(errorOf(score([["gallium"]], [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [["next Tuesday"]])[0][0])).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^asOf /),
    });
  });

  test("a year typed as asOf is #VALUE! saying so, not a score on the Excel day 2025 (1905)", () => {
    for (const year of [2025, "2025"]) {
      expect(errorOf(score([["gallium"]], [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[year]])[0][0])).toEqual({
        code: "#VALUE!",
        message: expect.stringMatching(/^asOf must be a date from 1990 to 2100; got 2025\b/),
      });
    }
  });

  test("without asOf the row is scored on today's date where the workbook is open", () => {
    const june1st = new Date(2025, 5, 1, 18, 30);
    const withoutDate = scoreCells([[["gallium"]], [["Japan"]], [["US"]]], rules(), june1st);
    expect(withoutDate).toEqual(score([["gallium"]], [["Japan"]], [["US"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]));
    expect(scoreCells([[["gallium"]], [["Japan"]], [["US"]]], rules(), new Date(2023, 0, 1))).toEqual([[0]]);
  });

  test("shares accept 0–1 numbers (percent-formatted cells) and percentage text", () => {
    const asNumber = score([["gallium"]], [["Japan"]], SKIPPED, [[0.5]], SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    const asText = score([["gallium"]], [["Japan"]], SKIPPED, [["50%"]], SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(asNumber).toEqual(asText);
    expect(asNumber).toEqual([[BY_HAND.galliumFromJapanHalfChineseInput]]);
  });

  test("a blank cell that older Excel passes as 0 counts as blank for countries and dates", () => {
    const asZero = score([["gallium"]], [[0]], [[0]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    const asBlank = score([["gallium"]], [[null]], [[null]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(asZero).toEqual(asBlank);
  });

  test("ranges of different lengths give #VALUE! naming the arguments and their sizes", () => {
    const result = score(column("gallium", "germanium", "antimony"), column("Japan", "Korea"), SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result).toHaveLength(1);
    expect(errorOf(result[0][0])).toEqual({ code: "#VALUE!", message: expect.stringContaining("commodity 3, supplierCountry 2") });
  });

  test("a block of several rows and columns in one argument gives #VALUE!", () => {
    const result = score([["gallium", "Japan"], ["germanium", "Korea"]], [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(errorOf(result[0][0])).toEqual({ code: "#VALUE!", message: expect.stringContaining("commodity is a 2×2 block") });
  });

  test("a row of inputs spills along a row", () => {
    const result = score([["gallium", "germanium"]], [["Japan"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result).toEqual([[BY_HAND.galliumFromJapan, BY_HAND.germaniumFromJapan]]);
  });

  test("blank rows inside a range stay blank; trailing blank rows (whole-column references) are dropped", () => {
    const result = score(column("gallium", null, "germanium", null, null, null), column("Japan", null, "Japan", null, null, null), SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result).toEqual([[BY_HAND.galliumFromJapan], [""], [BY_HAND.germaniumFromJapan]]);
  });

  test("an empty commodity next to a filled supplier country is an error, not a blank", () => {
    const result = score(column("gallium", null), column("Japan", "Japan"), SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(errorOf(result[1][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^commodity is empty/) });
  });

  test("an Excel error value reaching the function is reported on its row", () => {
    const inputError = new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode);
    const result = score(column("gallium", "gallium"), column("Japan", inputError), SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(typeof result[0][0]).toBe("number");
    expect(errorOf(result[1][0])).toEqual({ code: "#VALUE!", message: "supplierCountry holds the error #N/A" });
  });

  test("a 10,000-row column is scored row by row as the engine scores each row alone, the same again on recalculation", () => {
    const commodities = ["gallium", "germanium", "neo magnet", "LFP cathode", "steel", "unobtainium", "8505.11", ""];
    const countries = ["Japan", "China", "Korea", "Germany", "Atlantis"];
    const rowCount = 10_000;
    const commodity = Array.from({ length: rowCount }, (_, i) => [commodities[i % commodities.length]]);
    const supplier = Array.from({ length: rowCount }, (_, i) => [countries[i % countries.length]]);
    const share = Array.from({ length: rowCount }, (_, i) => [i % 7 === 0 ? null : (i % 101) / 100]);
    const result = score(commodity, supplier, [["US"]], share, SKIPPED, SKIPPED, SKIPPED, [[ON]]);

    expect(result).toHaveLength(rowCount);
    result.forEach(([cell], i) => {
      const row: RowInput = { commodity: commodity[i][0], supplierCountry: supplier[i][0], siteCountry: "US", chinaInputShare: share[i][0] };
      const expected = scoreRow(row, rules(), { asOf: ON });
      if (!expected.ok) expect(errorOf(cell)).toEqual({ code: "#VALUE!", message: expect.any(String) });
      else if (expected.match.itemId === null) expect(errorOf(cell)?.code).toBe("#N/A");
      else expect(cell).toBe(expected.score);
    });

    const again = score(commodity, supplier, [["US"]], share, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(again).toEqual(result);
  });
});

describe("BREAKDOWN", () => {
  test("four category scores per row, in the order minerals, technology, equipment, personnel", () => {
    const result = breakdown(column("gallium", "neo magnet"), column("China", "Japan"), SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[SERIAL_2025_06_01]]);
    // By hand (fixture rules, 2025-06-01). Gallium from China: CN-2023-GA-GE 0.6 at full dependence, minerals 60.
    // A neo magnet from Japan: CN-2025-REE-7 (0.7, in force) reaches it through the dysprosium and terbium it
    // contains; the magnet has no share figure of its own, so it takes its components' highest, 0.99:
    // minerals 100 × 0.7 × 0.99 = 69.3. CN-2023-TECH-RE (technology 0.8) names it, but a supplier outside China
    // has no technology dependence unless one is given: technology 0.
    expect(result).toEqual([
      [60, 0, 0, 0],
      [69.3, 0, 0, 0],
    ]);
  });

  test("a bad or unmatched row fills its four cells with the error", () => {
    const result = breakdown(column("unobtainium", "gallium"), column("Japan", "Mars"), SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(result[0].map((cell) => errorOf(cell)?.code)).toEqual(["#N/A", "#N/A", "#N/A", "#N/A"]);
    expect(result[1].map((cell) => errorOf(cell)?.code)).toEqual(["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!"]);
  });
});

describe("EXPLAIN", () => {
  test("one line per row, the engine's explanation, including for an unrecognised commodity", () => {
    const result = explain(column("gallium", "xyz widget"), [["Japan"]], [["IN"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    // At a plant in India only CN-2023-GA-GE reaches gallium (the US ban names the US): 100 × 0.6 × 0.98 = 58.8.
    expect(result[0][0]).toBe(`Read as Gallium from "gallium" (alias): ${BY_HAND.galliumFromJapan} — minerals ${BY_HAND.galliumFromJapan} (CN-2023-GA-GE in force since 2023-08-01, 0.6; dependence 0.98).`);
    // The fixture's two India-only controls (equipment held back, personnel recalled) apply to any item at a plant
    // in India, but without Chinese equipment or staff given the row depends on China for neither.
    expect(result[1][0]).toBe(
      'Not recognised: "widget" is no item of the rules: 0.0 — no exposure on 2025-06-01: 2 control(s) apply, but the row depends on China for none of them. Warnings: unmatched.',
    );
  });
});

describe("MATCH", () => {
  test("names the taxonomy item for names, trade names and HS codes; #N/A with a message otherwise", () => {
    const result = match(column("neo magnets", "8505.11", "HS 8112.92.90.10", "foo bar"));
    expect(result.slice(0, 3)).toEqual([["NdFeB magnet"], ["NdFeB magnet"], ["Gallium"]]);
    expect(errorOf(result[3][0])).toEqual({ code: "#N/A", message: expect.stringContaining('"foo bar"') });
  });

  test("an empty commodity cell on its own is #VALUE!", () => {
    expect(errorOf(match([[""]])[0][0])?.code).toBe("#VALUE!");
  });

  test("with detail TRUE it says which words decided, and offers items for a commodity it cannot read", () => {
    const result = match(column("neo magnets", "gallium thermometer"), [[true]]);
    expect(result[0][0]).toBe('Read as NdFeB magnet from "neo" + "magnets"');
    expect(result[1][0]).toBe('Not recognised: the line is "thermometer"; it only mentions Gallium; perhaps: Gallium');
  });

  test("the #N/A of an unread commodity carries the reason and the suggestions", () => {
    const [[cell]] = match([["gallium thermometer"]]);
    expect(errorOf(cell)?.message).toContain('the line is "thermometer"');
    expect(errorOf(cell)?.message).toContain("did you mean Gallium?");
  });

  test("FALSE written as text (or \"no\", or 0) answers as FALSE does: the item's name, not the reading", () => {
    for (const detail of ["false", "FALSE", " No ", 0, false]) expect(match([["neo magnets"]], [[detail]])).toEqual([["NdFeB magnet"]]);
  });

  test("a detail that is neither TRUE nor FALSE is #VALUE!", () => {
    expect(errorOf(match([["gallium"]], [["maybe"]])[0][0])).toEqual({ code: "#VALUE!", message: expect.stringContaining("detail must be TRUE") });
  });
});

describe("CONTROLS", () => {
  test("lists the controls that apply on the date, strongest first, with six columns", () => {
    const result = controls([["gallium"]], [["US"]], [[ON]]);
    // At a US plant: the US ban (severity 0.9, in force until 2025-11-09) before the worldwide licensing (0.6).
    expect(result.map((row) => row[0])).toEqual(["CN-2024-US-DUALUSE", "CN-2023-GA-GE"]);
    expect(result[result.length - 1]).toEqual([
      "CN-2023-GA-GE",
      "Gallium and germanium export licensing",
      "minerals",
      "in_force",
      "2023-08-01",
      "https://example.org/source/cn-2023-ga-ge",
    ]);
  });

  test("destination-specific controls need the site country; dates before a control leave it out", () => {
    const withoutSite = controls([["gallium"]], SKIPPED, [[ON]]).map((row) => row[0]);
    expect(withoutSite).toEqual(["CN-2023-GA-GE"]);
    expect(controls([["gallium"]], SKIPPED, [["2023-01-01"]])).toEqual([["none: no export control applies to Gallium on 2023-01-01"]]);
  });

  test("takes one commodity: a column is #VALUE!, an unknown commodity #N/A", () => {
    expect(errorOf(controls(column("gallium", "germanium"), SKIPPED, SKIPPED)[0][0])).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining("commodity must be one cell"),
    });
    expect(errorOf(controls([["unobtainium"]], SKIPPED, SKIPPED)[0][0])?.code).toBe("#N/A");
  });
});

describe("CHINASHARE", () => {
  test("share, year and whose figure it is; with no stage, the figure the score uses", () => {
    // From test/fixtures/rules/small-rules.json: gallium processing 0.98 (2023); antimony has only a mining
    // figure, 0.48 (2023); a SmCo magnet has none of its own and takes its one component's, samarium
    // processing 0.92 (2024).
    expect(chinaShare(column("gallium", "SmCo magnet", "antimony"), SKIPPED)).toEqual([
      [0.98, 2023, "Gallium"],
      [0.92, 2024, "Samarium"],
      [0.48, 2023, "Antimony"],
    ]);
  });

  test("a stage picks that figure; a missing figure is #N/A and an unknown stage #VALUE!", () => {
    expect(chinaShare([["antimony"]], [["Mining"]])).toEqual([[0.48, 2023, "Antimony"]]);
    expect(errorOf(chinaShare([["gallium"]], [["mining"]])[0][0])).toEqual({ code: "#N/A", message: expect.stringContaining("mining for Gallium") });
    expect(errorOf(chinaShare([["gallium"]], [["refining"]])[0][0])?.code).toBe("#VALUE!");
    expect(errorOf(chinaShare([["steel"]], SKIPPED)[0][0])?.code).toBe("#N/A");
    expect(errorOf(chinaShare([["unobtainium"]], SKIPPED)[0][1])?.code).toBe("#N/A");
  });
});
