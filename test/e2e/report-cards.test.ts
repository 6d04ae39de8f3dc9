/**
 * The report sheet's item column in the built pane, on the two kinds of host the fake models: one with
 * Excel data types (ExcelApi 1.16: each matched row gets its PROFILE card) and an older one (ExcelApi
 * 1.15: plain names, and valuesAsJson never called). Expected items and scores come from the engine in
 * Node on the same rows and the bundled rules.
 */
import type { Page } from "playwright-core";
import { useBrowserAndServer, openPaneOn, type OpenPane, realErrors, distRules } from "./harness";
import { scoreRows } from "../../src/engine";

const AS_OF = "2025-06-01";
const SHEET = "Suppliers";
const HEADER = ["Supplier", "Commodity", "Supplier country", "Site country"];
const BODY = [
  ["Alpha", "gallium", "Japan", "US"],
  ["Beta", "NdFeB magnet", "China", "Germany"],
  ["Gamma", "widget X", "Germany", "US"],
  ["Delta", "antimony", "Atlantis", "US"],
];

type StoredCell = string | number | boolean | null | { type: string; text?: string; properties?: Record<string, { basicValue?: unknown }> };
interface FakeWindow {
  __fakeExcel: { book: { sheets: { name: string; cells: StoredCell[][] }[] }; log: { writes: { sheet: string; property: string }[] } };
  __associated: Record<string, (...args: unknown[]) => unknown[][]>;
}

const e2e = useBrowserAndServer();

function expectedRows() {
  return scoreRows(
    BODY.map(([, commodity, supplierCountry, siteCountry]) => ({ commodity, supplierCountry, siteCountry })),
    distRules(),
    { asOf: AS_OF },
  );
}

async function openPane(excelApi?: string): Promise<OpenPane> {
  const spec = {
    sheets: [{ name: SHEET, cells: [HEADER, ...BODY], tables: [{ name: "Suppliers", row: 0, column: 0, rows: BODY.length + 1, columns: HEADER.length }] }],
    selection: { sheet: SHEET, row: 1, column: 1 },
    ...(excelApi ? { excelApi } : {}),
  };
  return openPaneOn(e2e, spec, { asOf: AS_OF, recordAssociations: true });
}

async function writeReportAndRead(page: Page): Promise<{ items: StoredCell[]; writes: string[] }> {
  await page.click("#write-report");
  await page.waitForFunction(() => /Report written|report could not be written/.test(document.getElementById("status")?.textContent ?? ""));
  expect(await page.locator("#status").innerText()).toContain("Report written");
  return page.evaluate(() => {
    const fake = (window as unknown as FakeWindow).__fakeExcel;
    const cells = fake.book.sheets.find((s) => s.name === "Chokepoint report")!.cells;
    const header = cells.findIndex((row) => row && row[0] === "Row" && row[1] === "Supplier");
    const item = cells[header].indexOf("Matched item");
    return {
      items: cells.slice(header + 1).map((row) => row[item]),
      writes: fake.log.writes.filter((w) => w.sheet === "Chokepoint report").map((w) => w.property),
    };
  });
}

test("on a host with Excel data types the report's matched items are PROFILE cards with the engine's scores", async () => {
  const { context, page, errors } = await openPane("1.16");
  const { items, writes } = await writeReportAndRead(page);
  const expected = expectedRows();
  expect(items).toHaveLength(BODY.length);
  expected.forEach((row, i) => {
    const item = items[i];
    if (row.ok && row.match.itemId !== null) {
      expect(item).toMatchObject({ type: "Entity", text: row.match.itemName });
      expect((item as { properties: Record<string, { basicValue?: unknown }> }).properties.Overall.basicValue).toBe(row.score);
    } else {
      expect(typeof item).toBe("string");
    }
  });
  expect(items.filter((item) => typeof item === "object")).toHaveLength(2);
  expect(writes).toContain("valuesAsJson");
  expect(realErrors(errors)).toEqual([]);
  await context.close();
});

test("on an older host (ExcelApi 1.15) the report keeps plain names and PROFILE gives names too", async () => {
  const { context, page, errors } = await openPane("1.15");
  const { items, writes } = await writeReportAndRead(page);
  const expected = expectedRows();
  expect(items).toEqual(expected.map((row) => (row.ok ? (row.match.itemName ?? "(not recognised)") : "")));
  expect(writes).not.toContain("valuesAsJson");

  const profiled = await page.evaluate((asOf) => (window as unknown as FakeWindow).__associated.PROFILE([["gallium"]], null, null, [[asOf]]), AS_OF);
  expect(profiled).toEqual([["Gallium"]]);
  expect(realErrors(errors)).toEqual([]);
  await context.close();
});
