/**
 * =CHOKEPOINT.ALTERNATIVES called the way Excel calls it (2-D arrays, null for skipped arguments), over the
 * fixture rules with the producer figures in producers-fixture.ts. Expected rows are typed from those figures.
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./producers-fixture").runtimeModule());

import { alternatives } from "../../src/functions/functions";
import { errorOf } from "./fixture";
import { producersRuntime, SOURCE } from "./producers-fixture";

const SKIPPED = null as never;

test("the rules load with the producers section", async () => {
  expect(producersRuntime().active.compiled.doc.producers).toHaveLength(3);
});

test("spills country, share, year and source, largest producer first", async () => {
  // The figure lists Japan 0.4% before Russia 0.7%; the spill orders by share.
  expect(await alternatives([["gallium"]], [["refining"]], SKIPPED)).toEqual([
    ["Russian Federation", 0.007, 2024, SOURCE],
    ["Japan", 0.004, 2024, SOURCE],
  ]);
});

test("count keeps the top producers; a stage may be typed in any case", async () => {
  expect(await alternatives([["Ga"]], [["Refining"]], [[1]])).toEqual([["Russian Federation", 0.007, 2024, SOURCE]]);
  expect(await alternatives([["Ga"]], SKIPPED, [["1"]])).toEqual([["Russian Federation", 0.007, 2024, SOURCE]]);
});

test("a count of 0 is what older Excel builds pass for a blank cell, so it lists every producer", async () => {
  expect(await alternatives([["gallium"]], SKIPPED, [[0]])).toEqual(await alternatives([["gallium"]], SKIPPED, SKIPPED));
  expect(await alternatives([["gallium"]], SKIPPED, [[0]])).toHaveLength(2);
});

test("without a stage, a magnet answers with its binding stage: neodymium refining (91.3%) binds before magnet making (≈90%)", async () => {
  expect(await alternatives([["neo magnet"]], SKIPPED, SKIPPED)).toEqual([
    ["Malaysia", 0.045, 2024, SOURCE],
    ["United States of America", 0.012, 2024, SOURCE],
    ["Australia", 0, 2024, SOURCE],
  ]);
});

test("a figure without a country breakdown is #N/A that says so, naming the producers known without shares", async () => {
  const [[cell]] = await alternatives([["NdFeB magnet"]], [["manufacturing"]], SKIPPED);
  expect(errorOf(cell)).toEqual({
    code: "#N/A",
    message: "no country breakdown for NdFeB magnet, manufacturing 2024: no official country table was found; named without shares: Japan, Vietnam",
  });
});

test("no producer figure at all, or none for the stage, is #N/A", async () => {
  expect(errorOf((await alternatives([["germanium"]], SKIPPED, SKIPPED))[0][0])).toEqual({ code: "#N/A", message: "no country breakdown for Germanium: the rules give no producer figures" });
  expect(errorOf((await alternatives([["gallium"]], [["mining"]], SKIPPED))[0][0])).toEqual({ code: "#N/A", message: "no country breakdown for Gallium: the rules give no producer figures for mining" });
});

test("an unknown commodity is #N/A; a bad stage or count is #VALUE!; a range is refused", async () => {
  expect(errorOf((await alternatives([["unobtainium"]], SKIPPED, SKIPPED))[0][0])?.code).toBe("#N/A");
  expect(errorOf((await alternatives([["gallium"]], [["smelting"]], SKIPPED))[0][0])).toEqual({
    code: "#VALUE!",
    message: 'stage must be "mining", "refining", "processing", "manufacturing" (or left empty); got smelting',
  });
  for (const count of [-2, 1.5, "two", "0"]) {
    expect(errorOf((await alternatives([["gallium"]], SKIPPED, [[count]]))[0][0])?.message).toMatch(/^count must be a whole number from 1/);
  }
  expect(errorOf((await alternatives([["gallium"], ["germanium"]], SKIPPED, SKIPPED))[0][0])?.message).toMatch(/^commodity must be one cell/);
  expect(errorOf((await alternatives([[""]], SKIPPED, SKIPPED))[0][0])).toEqual({ code: "#VALUE!", message: "commodity is empty: give a product name, alias or HS code" });
});
