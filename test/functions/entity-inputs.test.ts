/**
 * Every CHOKEPOINT function takes cells holding Excel data types, the JSON values Excel passes when
 * functions.json allows them: a Geography entity for a country, a PROFILE card for a commodity, a
 * formatted number for a share or a date. Each answers exactly as it does for the text or number the
 * cell shows, which the other tests of this folder pin down.
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());

import { breakdown, chinaShare, controls, explain, match, profile, score } from "../../src/functions/functions";
import { errorOf } from "./fixture";

const ON = "2025-06-01";
const SERIAL_2025_06_01 = 45809;
const SKIPPED = null as never;
const column = (...values: unknown[]) => values.map((value) => [value]);

/** What Excel hands over for a cell holding its Geography data type (a linked entity). */
function geography(name: string): Excel.LinkedEntityCellValue {
  return {
    type: "LinkedEntity",
    text: name,
    basicType: "Error",
    basicValue: "#VALUE!",
    id: { entityId: `geo-${name}`, serviceId: 268, culture: "en-US", domainId: "Geography" },
    properties: { Capital: { type: "String", basicValue: "somewhere" } },
  };
}

const percent = (share: number): Excel.FormattedNumberCellValue => ({ type: "FormattedNumber", basicValue: share, numberFormat: "0%" });
const date = (serial: number): Excel.FormattedNumberCellValue => ({ type: "FormattedNumber", basicValue: serial, numberFormat: "yyyy-mm-dd" });

/** PROFILE cards, as the function itself returns them (it is asynchronous: made before the tests). */
const cards = new Map<string, Excel.EntityCellValue>();
beforeAll(async () => {
  for (const commodity of ["neo magnet", "gallium", "GaAs wafer"]) {
    const [[cell]] = await profile([[commodity]], SKIPPED, SKIPPED, [[ON]]);
    if ((cell as Excel.EntityCellValue).type !== "Entity") throw new Error(`no card for ${commodity}`);
    cards.set(commodity, cell as Excel.EntityCellValue);
  }
});
const card = (commodity: string): Excel.EntityCellValue => cards.get(commodity)!;

test("a card of a matched item has that item's name as its text (what the functions read)", () => {
  expect(card("neo magnet").text).toBe("NdFeB magnet");
});

describe("SCORE, BREAKDOWN and EXPLAIN", () => {
  type RowArguments = Parameters<typeof score>;
  const plain: RowArguments = [column("NdFeB magnet", "gallium"), column("China", "Japan"), [["United States"]], column(null, 0.45), SKIPPED, SKIPPED, SKIPPED, [[ON]]];
  const typed = (): RowArguments => [
    column(card("neo magnet"), card("gallium")),
    column(geography("China"), geography("Japan")),
    [[geography("United States")]],
    column(null, percent(0.45)),
    SKIPPED,
    SKIPPED,
    SKIPPED,
    [[date(SERIAL_2025_06_01)]],
  ];

  test.each([
    ["SCORE", score],
    ["BREAKDOWN", breakdown],
    ["EXPLAIN", explain],
  ] as const)("%s: cards, Geography countries, a formatted share and date answer as their text and numbers do", (_name, fn) => {
    const expected = fn(...plain);
    const result = fn(...typed());
    expect(result).toEqual(expected);
    expect(result.flat().some((cell) => errorOf(cell) !== null)).toBe(false);
  });

  test("the share and country read from data types change the score as the plain values do", () => {
    const withShare = score([["gallium"]], [[geography("Japan")]], SKIPPED, [[percent(0.45)]], SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    const withoutShare = score([["gallium"]], [[geography("Japan")]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(withShare[0][0]).not.toBe(withoutShare[0][0]);
    expect(withShare).toEqual(score([["gallium"]], [["Japan"]], SKIPPED, [["45%"]], SKIPPED, SKIPPED, SKIPPED, [[ON]]));
  });

  test("a Geography value of a place that is not a country is #VALUE! naming its text", () => {
    const [[cell]] = score([["gallium"]], [[geography("Atlantis")]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(errorOf(cell)).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^supplierCountry .*Atlantis/) });
  });
});

test("MATCH reads a card's item name", () => {
  expect(match(column(card("neo magnet"), card("GaAs wafer")))).toEqual(match(column("NdFeB magnet", "Gallium arsenide")));
});

test("CONTROLS takes a card for the commodity, a Geography value for the site and a formatted date", () => {
  const expected = controls([["Gallium"]], [["United States"]], [[ON]]);
  expect(controls([[card("gallium")]], [[geography("United States")]], [[date(SERIAL_2025_06_01)]])).toEqual(expected);
  expect(expected.length).toBeGreaterThan(1);
});

test("CHINASHARE takes a card for the commodity", () => {
  expect(chinaShare(column(card("gallium"), card("neo magnet")), SKIPPED)).toEqual(chinaShare(column("Gallium", "NdFeB magnet"), SKIPPED));
});

test("PROFILE takes a card, Geography countries and a formatted date", async () => {
  const expected = await profile([["NdFeB magnet"]], [["China"]], [["Germany"]], [[ON]]);
  expect(await profile([[card("neo magnet")]], [[geography("China")]], [[geography("Germany")]], [[date(SERIAL_2025_06_01)]])).toEqual(expected);
});
