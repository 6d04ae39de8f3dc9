/**
 * The built add-in in a real browser: the registered CHOKEPOINT callbacks, called the way Excel calls
 * them (2-D arrays, null for skipped arguments), spill the same results the engine gives for the bundled
 * rules — and outside Excel, where Office.js has no CustomFunctions.Error, errors still come back as
 * error values with their code and message.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { DIST, useBrowserAndServer, distRules, openFunctionsHost } from "./harness";
import { scoreRows, todayIso, upcomingChanges } from "../../src/engine";

const ON = "2025-06-01";

const e2e = useBrowserAndServer();

const bundledRules = distRules;

const openAddIn = () => openFunctionsHost(e2e, (ids) => ids.length >= 8);

/** Calls a registered function in the page, waits for it, and returns its result with error values as { code, message }. */
function callRegistered(page: Page, id: string, args: unknown[]): Promise<unknown[][]> {
  return page.evaluate(
    async ({ id, args }) => {
      const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown[][] | Promise<unknown[][]>> }).__associated[id];
      // ALTERNATIVES and PROFILE are asynchronous: the first call fetches the producer figures' chunk.
      const result = await fn(...args);
      return result.map((row) =>
        row.map((cell) =>
          cell !== null && typeof cell === "object"
            ? { code: (cell as { code?: unknown }).code, message: (cell as { message?: unknown }).message }
            : cell,
        ),
      );
    },
    { id, args },
  );
}

test("every CHOKEPOINT function in functions.json is registered in the built page", async () => {
  const { page, close } = await openAddIn();
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
  const registered = await page.evaluate(() => Object.keys((window as unknown as { __associated: object }).__associated).sort());
  expect(metadata.functions.map((f) => f.id).sort()).toEqual([
    "ALTERNATIVES", "BREAKDOWN", "CHANGES", "CHINASHARE", "CONTROLS", "EXPLAIN", "MATCH", "PROFILE", "RULESVERSION", "SCORE", "SCREEN",
  ]);
  expect(registered).toEqual(metadata.functions.map((f) => f.id).sort());
  await close();
});

test("SCORE called with columns through its registered callback spills the engine's scores, with per-row errors", async () => {
  const { page, errors, close } = await openAddIn();
  const commodities = ["gallium", "NdFeB magnet", "lithium-ion cell", "unobtainium", "gallium"];
  const suppliers = ["Japan", "China", "Korea", "Germany", "Atlantis"];
  const result = await callRegistered(page, "SCORE", [
    commodities.map((c) => [c]),
    suppliers.map((s) => [s]),
    [["US"]],
    null,
    null,
    null,
    null,
    [[ON]],
  ]);

  const expected = scoreRows(
    commodities.map((commodity, i) => ({ commodity, supplierCountry: suppliers[i], siteCountry: "US" })),
    bundledRules(),
    { asOf: ON },
  );
  expect(result).toHaveLength(commodities.length);
  expected.forEach((row, i) => {
    const cell = result[i][0];
    if (!row.ok) expect(cell).toEqual({ code: "#VALUE!", message: expect.stringContaining("supplierCountry") });
    else if (row.match.itemId === null) expect(cell).toEqual({ code: "#N/A", message: expect.stringContaining("unobtainium") });
    else expect(cell).toBe(row.score);
  });
  expect(result.slice(0, 3).every(([cell]) => typeof cell === "number")).toBe(true);

  expect(errors.filter((e) => !/Office\.js is loaded outside of Office client|Expected to be loaded inside of an Excel add-in/i.test(e))).toEqual([]);
  await close();
});

test("ALTERNATIVES spills the bundled producers outside China, top first, and #N/A where there is no breakdown", async () => {
  const { page, close } = await openAddIn();
  // Lithium carbonate binds at chemical refining: IEA 2024, Chile 20.4%, Argentina 5.5%, Australia 1.8% (shared/research/producers.md §19).
  const iea = "https://www.iea.org/data-and-statistics/data-product/critical-minerals-dataset";
  expect(await callRegistered(page, "ALTERNATIVES", [[["lithium carbonate"]], null, null])).toEqual([
    ["Chile", 0.204, 2024, iea],
    ["Argentina", 0.055, 2024, iea],
    ["Australia", 0.018, 2024, iea],
  ]);
  // Mining, top two: USGS 2025e, Australia 31.7%, Chile 19.3%.
  const usgs = "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-lithium.pdf";
  expect(await callRegistered(page, "ALTERNATIVES", [[["lithium carbonate"]], [["mining"]], [[2]]])).toEqual([
    ["Australia", 0.317, 2025, usgs],
    ["Chile", 0.193, 2025, usgs],
  ]);
  const [[cell]] = await callRegistered(page, "ALTERNATIVES", [[["NdFeB magnet"]], [["manufacturing"]], null]);
  expect(cell).toEqual({ code: "#N/A", message: expect.stringContaining("no country breakdown for NdFeB permanent magnet") });
  await close();
});

test("BREAKDOWN spills four columns per row through its registered callback", async () => {
  const { page, close } = await openAddIn();
  const result = await callRegistered(page, "BREAKDOWN", [[["gallium"], ["NdFeB magnet"]], [["China"]], null, null, null, null, null, [[ON]]]);
  const expected = scoreRows(
    [
      { commodity: "gallium", supplierCountry: "China" },
      { commodity: "NdFeB magnet", supplierCountry: "China" },
    ],
    bundledRules(),
    { asOf: ON },
  );
  expect(result).toEqual(
    expected.map((row) => {
      if (!row.ok) throw new Error(row.error.code);
      return [row.categories.minerals, row.categories.technology, row.categories.equipment, row.categories.personnel];
    }),
  );
  await close();
});

test("CHANGES spills the engine's horizon through its registered callback, and refuses a bad number of days", async () => {
  const { page, close } = await openAddIn();
  const result = await callRegistered(page, "CHANGES", [[[3650]]]);
  const expected = upcomingChanges(bundledRules(), todayIso(), 3650).transitions;
  if (expected.length === 0) expect(result).toEqual([[expect.stringMatching(/^none: /)]]);
  else expect(result.map((row) => [row[0], row[1], row[3], row[4]])).toEqual(expected.map((t) => [t.date, t.controlId, t.fromStatus ?? "none", t.toStatus]));
  expect(result.every((row) => row.length === (expected.length === 0 ? 1 : 7))).toBe(true);
  const refused = await callRegistered(page, "CHANGES", [[["soon"]]]);
  expect(refused).toEqual([[{ code: "#VALUE!", message: expect.stringContaining("days must be a whole number") }]]);
  await close();
});

test("SCREEN called with a column of supplier names spills seven cells per row from the bundled listings", async () => {
  const { page, errors, close } = await openAddIn();
  const names = ["MP Materials Corp.", "Mitsubishi Heavy Industries", "Arnold Magnetic Technologies"];
  const result = await callRegistered(page, "SCREEN", [names.map((n) => [n]), [["US"], ["JP"], ["US"]], [["2026-07-01"]]]);
  // The expected notice is the June 2026 control-list action of the research file (ECL-2026-23), read from the shipped rules.
  const shipped = JSON.parse(fs.readFileSync(path.join(DIST, "rules", "default-rules.json"), "utf8")) as { listings: { id: string; sources: { url: string }[] }[] };
  const june = shipped.listings.find((action) => action.id === "ECL-2026-23")!;
  expect(result[0]).toEqual(["listed", "MP Materials Corp.", "Export Control Control List", "ECL-2026-23", "2026-06-22", "listed", june.sources[0].url]);
  expect(result[1][0]).toBe("possible");
  expect(result[2]).toEqual(["none", "", "", "", "", "", ""]);
  expect(errors.filter((e) => !/Office\.js is loaded outside of Office client|Expected to be loaded inside of an Excel add-in/i.test(e))).toEqual([]);
  await close();
});

test("SCORE takes the supplier's name last: MP Materials scores above an unlisted US magnet maker", async () => {
  const { page, close } = await openAddIn();
  const names = [["MP Materials Corp."], ["Arnold Magnetic Technologies"]];
  const result = await callRegistered(page, "SCORE", [[["NdFeB magnet"], ["NdFeB magnet"]], [["US"]], [["US"]], null, null, null, null, [["2026-07-01"]], names]);
  const expected = scoreRows(
    names.map(([supplierName]) => ({ commodity: "NdFeB magnet", supplierCountry: "US", siteCountry: "US", supplierName })),
    bundledRules(),
    { asOf: "2026-07-01" },
  );
  expect(result).toEqual(expected.map((row) => [row.ok ? row.score : null]));
  expect(result[0][0] as number).toBeGreaterThan(result[1][0] as number);
  await close();
});

test("MATCH with detail reads an HS code no item claims to its subheading once the HS descriptions chunk has loaded", async () => {
  const { page, errors, close } = await openAddIn();
  // The first reading asks for the chunk; readings made before it arrives are read again afterwards.
  await callRegistered(page, "MATCH", [[["7326.90"]], [[true]]]);
  await page.waitForFunction(
    () => {
      const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown[][]> }).__associated.MATCH;
      return String(fn([["HS 7326.90"]], [[true]])[0][0]).includes("Iron or steel");
    },
    null,
    { timeout: 15_000 },
  );
  const [[cell]] = await callRegistered(page, "MATCH", [[["HS 7326.90"]], [[true]]]);
  expect(cell).toBe("HS 7326.90 (Iron or steel; articles n.e.c. in heading 7326): no item of the rules claims this code, so no control names it");
  expect(errors.filter((e) => !/Office\.js is loaded outside of Office client|Expected to be loaded inside of an Excel add-in/i.test(e))).toEqual([]);
  await close();
});
