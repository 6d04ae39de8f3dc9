/**
 * CHANGES called the way Excel calls it, over the hand-made horizon rules (test/fixtures/rules/horizon-rules.json),
 * whose timelines give the transitions stated below. "Today" is fixed by passing the clock.
 */
import "./setup";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileRules } from "../../src/engine";
import { changesCells } from "../../src/functions/changes";
import { checkedRules } from "../rules/checked";

const checked = checkedRules(readFileSync(join(__dirname, "..", "fixtures", "rules", "horizon-rules.json"), "utf8"));
const rules = compileRules(checked);
/** Noon local time on 1 Oct 2026: "today" for the formulas is the local calendar day. */
const OCT_1 = new Date(2026, 9, 1, 12);

const errorOf = (cell: unknown) => cell as { code: string; message: string };

test("with no argument it spills the next 90 days' transitions, seven columns each, soonest first", () => {
  expect(changesCells(null, rules, OCT_1)).toEqual([
    ["2026-10-09", "C-ANNOUNCED", "Announced in the window, in force later in it", "none", "announced", "https://example.com/c", ""],
    ["2026-10-20", "D-DRAFT-DROPPED", "Draft that is dropped", "proposed", "dropped", "https://example.com/d", ""],
    ["2026-11-02", "G-ADOPTED", "Draft adopted", "proposed", "announced", "https://example.com/g", ""],
    ["2026-11-11", "B-SUSPENSION-UNCONFIRMED", "Suspension followed by an unconfirmed return", "suspended", "in_force", "https://example.com/b", "unconfirmed: No source on an extension."],
    [
      "2026-11-28",
      "A-SUSPENSION-RUNS-OUT",
      "Suspension that runs out with nothing said after it",
      "suspended",
      "in_force",
      "https://example.com/a",
      "assumed: the rules say nothing after the end date, so it counts as in force again until the rule owner confirms (review needed)",
    ],
    ["2026-12-01", "C-ANNOUNCED", "Announced in the window, in force later in it", "announced", "in_force", "https://example.com/c", ""],
    ["2026-12-15", "F-ANY-ITEM", "Engineers held back from plants in India", "none", "informal", "https://example.com/f", ""],
  ]);
});

test("days may be a number, digits as text, or a one-cell range; an empty cell (or the 0 old builds pass) means 90", () => {
  const dates = (cells: unknown[][]) => cells.map((row) => row[0]);
  expect(dates(changesCells([[30]], rules, OCT_1))).toEqual(["2026-10-09", "2026-10-20"]);
  expect(dates(changesCells([[" 15 "]], rules, OCT_1))).toEqual(["2026-10-09"]);
  expect(changesCells([[0]], rules, OCT_1)).toHaveLength(7);
  expect(changesCells([[""]], rules, OCT_1)).toHaveLength(7);
});

test("a window without transitions says so in one cell", () => {
  expect(changesCells([[5]], rules, OCT_1)).toEqual([["none: no control changes status from 2026-10-01 to 2026-10-06 (the next 5 days)"]]);
});

test.each([[-5], [1.5], [4000], ["next month"], [true]])("days %p is #VALUE! with a sentence", (days) => {
  const [[cell]] = changesCells([[days]], rules, OCT_1);
  expect(errorOf(cell).code).toBe("#VALUE!");
  expect(errorOf(cell).message).toMatch(/^days must be a whole number of days from 1 to 3650 \(or left empty for 90\); got /);
});

test("a range of several cells is refused for the whole formula", () => {
  const [[cell]] = changesCells([[30], [60]], rules, OCT_1);
  expect(errorOf(cell).code).toBe("#VALUE!");
  expect(errorOf(cell).message).toContain("days must be one cell");
});
