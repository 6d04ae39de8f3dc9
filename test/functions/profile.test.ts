/**
 * CHOKEPOINT.PROFILE called the way Excel calls it (2-D arrays, null for skipped arguments): one card per
 * row, the same rows, blanks and errors as SCORE, and plain item names on a host without data types.
 * The card's content is tested in profile-card.test.ts; here, what the formula does with rows.
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());

import { profile, score } from "../../src/functions/functions";
import { profileCells } from "../../src/functions/profile";
import { errorOf, fixtureRuntime } from "./fixture";

const ON = "2025-06-01";
const SKIPPED = null as never;
const column = (...values: unknown[]) => values.map((value) => [value]);
const rules = () => fixtureRuntime().active.compiled;

type Card = Excel.EntityCellValue;
const isCard = (cell: unknown): cell is Card => typeof cell === "object" && cell !== null && (cell as Card).type === "Entity";
const overall = (cell: unknown) => {
  if (!isCard(cell)) throw new Error(`not a card: ${JSON.stringify(cell)}`);
  return (cell.properties!.Overall as Excel.FormattedNumberCellValue).basicValue;
};

describe("PROFILE", () => {
  test("a column of commodities gives a column of cards named by item, each with SCORE's number for its row", async () => {
    const commodities = ["gallium", "neo magnet", "GaAs wafer"];
    const cards = await profile(column(...commodities), [["Japan"]], [["US"]], [[ON]]);
    const scores = score(column(...commodities), [["Japan"]], [["US"]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]]);
    expect(cards).toHaveLength(3);
    expect(cards.map(([cell]) => (cell as Card).text)).toEqual(["Gallium", "NdFeB magnet", "Gallium arsenide"]);
    expect(cards.map(([cell]) => overall(cell))).toEqual(scores.map(([cell]) => cell));
    expect(cards.every(([cell]) => isCard(cell))).toBe(true);
  });

  test("only the commodity is required: skipped arguments score like empty cells", async () => {
    const [[cell]] = await profile([["gallium"]], SKIPPED, SKIPPED, [[ON]]);
    expect(overall(cell)).toBe(score([["gallium"]], [[null]], SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, [[ON]])[0][0]);
  });

  test("an unrecognised commodity is #N/A naming it; an unusable input is #VALUE!; padding rows stay blank", async () => {
    const result = await profile(column("gallium", "unobtainium", null, "gallium", null), column("Japan", "Japan", null, "Atlantis", null), SKIPPED, [[ON]]);
    expect(result).toHaveLength(4);
    expect(isCard(result[0][0])).toBe(true);
    expect(errorOf(result[1][0])).toEqual({ code: "#N/A", message: expect.stringContaining('"unobtainium"') });
    expect(result[2][0]).toBe("");
    expect(errorOf(result[3][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^supplierCountry .*Atlantis/) });
  });

  test("ranges of different lengths spoil the whole formula with #VALUE!, as in SCORE", async () => {
    const result = await profile(column("gallium", "germanium"), column("Japan", "Japan", "Japan"), SKIPPED, SKIPPED);
    expect(result).toHaveLength(1);
    expect(errorOf(result[0][0])).toEqual({ code: "#VALUE!", message: expect.stringContaining("ranges differ in length") });
  });

  test("a row of inputs spills a row of cards", async () => {
    const result = await profile([["gallium", "antimony"]], [["Japan"]], SKIPPED, [[ON]]);
    expect(result).toHaveLength(1);
    expect(result[0].map((cell) => (cell as Card).text)).toEqual(["Gallium", "Antimony"]);
  });

  test("a PROFILE card given back as the commodity profiles the same item", async () => {
    const [[first]] = await profile([["neo magnet"]], [["China"]], SKIPPED, [[ON]]);
    const [[again]] = await profile([[first]], [["China"]], SKIPPED, [[ON]]);
    expect((again as Card).text).toBe("NdFeB magnet");
    expect(overall(again)).toBe(overall(first));
  });

  test("a host without Excel data types gets the item's name instead of a card", async () => {
    expect(profileCells([column("gallium", "unobtainium")], rules(), null, new Date(`${ON}T12:00:00Z`), false).map(([cell]) => errorOf(cell)?.code ?? cell)).toEqual([
      "Gallium",
      "#N/A",
    ]);
  });

  test("the host is asked for ExcelApi 1.16 at run time", async () => {
    const asked: string[] = [];
    const office = { context: { requirements: { isSetSupported: (set: string, version?: string) => (asked.push(`${set} ${version}`), false) } } };
    (globalThis as { Office?: unknown }).Office = office;
    try {
      expect(await profile([["gallium"]], SKIPPED, SKIPPED, [[ON]])).toEqual([["Gallium"]]);
      expect(asked).toEqual(["ExcelApi 1.16"]);
      office.context.requirements.isSetSupported = () => true;
      expect(isCard((await profile([["gallium"]], SKIPPED, SKIPPED, [[ON]]))[0][0])).toBe(true);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

describe("an unrecognised commodity", () => {
  test("is #N/A with the matcher's reading and its suggestions first, as SCORE says it", async () => {
    // A gallium thermometer only mentions gallium: it is not read as gallium, and gallium is offered.
    const [[cell]] = await profile([["gallium thermometer"]], SKIPPED, SKIPPED, [[ON]]);
    expect(errorOf(cell)).toEqual({ code: "#N/A", message: expect.stringMatching(/^commodity not recognised: "gallium thermometer"; did you mean Gallium\?/) });
  });
});
