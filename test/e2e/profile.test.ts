/**
 * PROFILE and Excel data types in the built add-in, in a real browser: the registered callbacks are
 * called the way Excel calls them, with data types as the JSON values Excel passes. Expected numbers
 * come from the engine in Node on the bundled rules. The card is then rendered as HTML and pictured for
 * docs/functions.md (written there only with UPDATE_DOCS_IMAGES=1; the test checks the committed one).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { DIST, ROOT, offlineContext, useBrowserAndServer, realErrors, distRules, openFunctionsHost } from "./harness";
import { CARD_WIDTH, cardHtml } from "./card-html";
import { scoreRows } from "../../src/engine";

const ON = "2025-06-01";
const ARTIFACTS = path.join(__dirname, "artifacts");
const DOCS_IMAGE = path.join(ROOT, "docs", "images", "profile-card.png");

const e2e = useBrowserAndServer();

const bundledRules = distRules;

const openAddIn = () => openFunctionsHost(e2e, (ids) => ids.includes("PROFILE"));

/** Calls a registered function in the page, waits for it (PROFILE is asynchronous), and returns its cells as JSON (cards, numbers, text, error objects). */
function callRegistered(page: Page, id: string, args: unknown[]): Promise<unknown[][]> {
  return page.evaluate(
    async ({ id, args }) => {
      const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown[][] | Promise<unknown[][]>> }).__associated[id];
      return JSON.parse(JSON.stringify(await fn(...args)));
    },
    { id, args },
  );
}

const geography = (name: string) => ({
  type: "LinkedEntity",
  text: name,
  basicType: "Error",
  basicValue: "#VALUE!",
  id: { entityId: `geo-${name}`, serviceId: 268, culture: "en-US" },
  properties: {},
});

type Card = Excel.EntityCellValue;
const overallOf = (card: Card) => (card.properties!.Overall as Excel.FormattedNumberCellValue).basicValue;

function pngWidth(file: string): number {
  // A PNG starts with an 8-byte signature and the IHDR chunk, whose data begins with the width (big-endian).
  return fs.readFileSync(file).readUInt32BE(16);
}

test("PROFILE returns a card per row of a column, with the engine's scores; an unknown commodity is #N/A", async () => {
  const { page, errors, close } = await openAddIn();
  const commodities = ["gallium", "NdFeB magnet", "lithium-ion cell", "steel coil", "widget X"];
  const suppliers = ["Japan", "China", "Korea", "Vietnam", "Germany"];
  const result = await callRegistered(page, "PROFILE", [commodities.map((c) => [c]), suppliers.map((s) => [s]), [["US"]], [[ON]]]);

  const expected = scoreRows(
    commodities.map((commodity, i) => ({ commodity, supplierCountry: suppliers[i], siteCountry: "US" })),
    bundledRules(),
    { asOf: ON },
  );
  expect(result).toHaveLength(commodities.length);
  expected.forEach((row, i) => {
    const cell = result[i][0] as Card & { code?: string; message?: string };
    if (!row.ok) throw new Error(row.error.code);
    if (row.match.itemId === null) {
      expect(cell).toMatchObject({ code: "#N/A", message: expect.stringContaining("widget X") });
      return;
    }
    expect(cell.type).toBe("Entity");
    expect(cell.text).toBe(row.match.itemName);
    expect(overallOf(cell)).toBe(row.score);
    expect(cell.layouts?.card?.sections?.length).toBeGreaterThan(3);
  });
  expect(result.filter(([cell]) => (cell as Card).type === "Entity")).toHaveLength(4);
  expect(realErrors(errors)).toEqual([]);
  await close();
});

test("the functions take Geography countries, formatted numbers and PROFILE cards as inputs", async () => {
  const { page, errors, close } = await openAddIn();
  const [[magnetCard], [galliumCard]] = await callRegistered(page, "PROFILE", [[["neo magnet"], ["gallium"]], null, null, [[ON]]]);
  const formattedShare = { type: "FormattedNumber", basicValue: 0.45, numberFormat: "0%" };

  const typed = await callRegistered(page, "SCORE", [
    [[magnetCard], [galliumCard]],
    [[geography("China")], [geography("Japan")]],
    [[geography("United States")]],
    [[null], [formattedShare]],
    null,
    null,
    null,
    [[ON]],
  ]);
  const expected = scoreRows(
    [
      { commodity: "NdFeB permanent magnet", supplierCountry: "China", siteCountry: "United States" },
      { commodity: "Gallium", supplierCountry: "Japan", siteCountry: "United States", chinaInputShare: 0.45 },
    ],
    bundledRules(),
    { asOf: ON },
  ).map((row) => {
    if (!row.ok) throw new Error(row.error.code);
    return [row.score];
  });
  expect(typed).toEqual(expected);

  const controls = await callRegistered(page, "CONTROLS", [[[galliumCard]], [[geography("United States")]], [[ON]]]);
  expect(controls).toEqual(await callRegistered(page, "CONTROLS", [[["gallium"]], [["US"]], [[ON]]]));
  expect(controls.length).toBeGreaterThan(1);

  const profiled = await callRegistered(page, "PROFILE", [[[magnetCard]], [[geography("China")]], null, [[ON]]]);
  expect((profiled[0][0] as Card).text).toBe("NdFeB permanent magnet");
  expect(realErrors(errors)).toEqual([]);
  await close();
});

test("the card renders at a fixed width; docs/functions.md shows that picture", async () => {
  const { page, close } = await openAddIn();
  const [[card]] = await callRegistered(page, "PROFILE", [[["NdFeB magnet"]], [["China"]], [["Germany"]], [[ON]]]);
  await close();
  expect((card as Card).type).toBe("Entity");

  const context = await offlineContext(e2e.browser, { width: CARD_WIDTH + 40, height: 900 });
  const view = await context.newPage();
  await view.setContent(cardHtml(card as Card));
  const rendered = view.locator(".card");
  expect(await rendered.locator("h1").innerText()).toBe("NdFeB permanent magnet");
  expect(await rendered.innerText()).toContain("CN-2025-REE-7");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const picture = path.join(ARTIFACTS, "profile-card.png");
  await rendered.screenshot({ path: picture });
  await context.close();
  expect(pngWidth(picture)).toBe(CARD_WIDTH);

  if (process.env.UPDATE_DOCS_IMAGES === "1") {
    fs.mkdirSync(path.dirname(DOCS_IMAGE), { recursive: true });
    fs.copyFileSync(picture, DOCS_IMAGE);
  }
  expect(fs.existsSync(DOCS_IMAGE)).toBe(true);
  expect(pngWidth(DOCS_IMAGE)).toBe(CARD_WIDTH);
  expect(fs.readFileSync(path.join(ROOT, "docs", "functions.md"), "utf8")).toContain("](images/profile-card.png)");
  // The formula help pages are served from dist/docs, so the picture must travel with them.
  expect(fs.readFileSync(path.join(DIST, "docs", "images", "profile-card.png")).equals(fs.readFileSync(DOCS_IMAGE))).toBe(true);
});
