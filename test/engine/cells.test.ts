/**
 * The one reading of a cell (src/engine/cells.ts), as docs/scoring.md "Reading the inputs" states it.
 * Expectations are written from that page, case by case.
 */
import { isEmptyCell, readCell, readRow, LONGEST_SHARE_TEXT } from "../../src/engine/cells";

describe("readCell", () => {
  test.each([
    [null, "text", null],
    [undefined, "share", null],
    ["", "date", null],
    ["  \t ", "text", null],
    [0, "text", null],
    [0, "date", null],
    [0, "share", 0],
    [0.25, "share", 0.25],
    [45809, "date", 45809],
    ["  Japan ", "text", "Japan"],
    ["0,5", "share", "0.5"],
    [" 12,5 % ", "share", "12.5 %"],
    ["12,5%", "share", "12.5%"],
    [",75", "share", ".75"],
    ["-0,5", "share", "-0.5"],
    ["0,5", "text", "0,5"],
    ["0,5,5", "share", "0,5,5"],
    ["1.234,5", "share", "1.234,5"],
    [true, "share", true],
  ] as const)("%p read as %s → %p", (raw, kind, expected) => {
    expect(readCell(raw, kind)).toBe(expected);
  });

  test("an Excel error value is its error text; a linked data type its basic value", () => {
    expect(readCell({ type: "Error", code: "#REF!" }, "text")).toBe("#REF!");
    expect(readCell({ type: "Double", basicValue: 0.4 }, "share")).toBe(0.4);
    expect(readCell({ type: "String", basicValue: "  China " }, "text")).toBe("China");
  });

  describe("Excel data types (custom functions receive them as JSON values)", () => {
    const geographyChina = {
      type: "LinkedEntity",
      text: "China",
      basicType: "Error",
      basicValue: "#VALUE!",
      id: { entityId: "geo-china", serviceId: 268, culture: "en-US" },
      properties: { Population: { type: "Double", basicValue: 1_411_750_000 } },
    };
    const profileCard = {
      type: "Entity",
      text: "  NdFeB magnet ",
      basicType: "Error",
      basicValue: "#VALUE!",
      properties: { Overall: { type: "FormattedNumber", basicValue: 80, numberFormat: "0.0" } },
    };

    test("an entity or linked entity (Geography, a PROFILE card) stands for its text, trimmed", () => {
      expect(readCell(geographyChina, "text")).toBe("China");
      expect(readCell(profileCard, "text")).toBe("NdFeB magnet");
    });

    test("an entity without text is its basic value: the #VALUE! Excel shows for it in a plain context", () => {
      expect(readCell({ type: "Entity", basicValue: "#VALUE!", properties: {} }, "text")).toBe("#VALUE!");
    });

    test("an entity with blank text is blank", () => {
      expect(readCell({ type: "Entity", text: "   ", basicValue: "#VALUE!" }, "text")).toBeNull();
    });

    test("a formatted number is its number: 45% formatted is 0.45, a formatted date serial is the serial", () => {
      expect(readCell({ type: "FormattedNumber", basicValue: 0.45, numberFormat: "0%" }, "share")).toBe(0.45);
      expect(readCell({ type: "Double", basicValue: 45809, numberFormat: "yyyy-mm-dd" }, "date")).toBe(45809);
      expect(readCell({ type: "FormattedNumber", basicValue: 0, numberFormat: "0%" }, "share")).toBe(0);
    });

    test("an entity's text that is not a string is ignored in favour of its basic value", () => {
      expect(readCell({ type: "Entity", text: 42, basicValue: "#VALUE!" }, "text")).toBe("#VALUE!");
    });

    test("a cell holding an entity is not blank, so a row of cards is never taken for padding", () => {
      expect(isEmptyCell(profileCard)).toBe(false);
      expect(isEmptyCell(geographyChina)).toBe(false);
    });
  });

  test("share text longer than a share can be is left as it is (and refused later), without running the pattern", () => {
    const long = `0,${"5".repeat(LONGEST_SHARE_TEXT)}`;
    expect(readCell(long, "share")).toBe(long);
  });
});

test("isEmptyCell: nothing, blank text or the 0 of an empty cell in older Excel builds", () => {
  expect([null, undefined, "", "   ", 0].map(isEmptyCell)).toEqual([true, true, true, true, true]);
  expect(["0", "x", 0.5, false].map(isEmptyCell)).toEqual([false, false, false, false]);
});

test("readRow reads every field with its own kind", () => {
  expect(readRow({ commodity: " gallium ", supplierCountry: 0, chinaInputShare: 0, chinaTechnology: "0,25", asOf: 0, supplierName: " Acme Corp. " })).toEqual({
    commodity: "gallium",
    supplierCountry: null,
    siteCountry: null,
    chinaInputShare: 0,
    chinaTechnology: "0.25",
    chinaEquipment: null,
    chinaPersonnel: null,
    asOf: null,
    supplierName: "Acme Corp.",
  });
  // A 0 where a supplier's name should be is the blank older Excel builds pass for an empty cell.
  expect(readRow({ commodity: "gallium", supplierName: 0 }).supplierName).toBeNull();
});
