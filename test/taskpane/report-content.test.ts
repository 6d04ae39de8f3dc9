/**
 * The report sheet's content (taskpane/report-content.ts): the "Alternatives" table lists each controlled item
 * with its binding stage and the producers outside China (figures typed from shared/research/producers.md);
 * the item column's cards are the PROFILE cards of the same results, made with the rules those results were
 * scored with; rows without a match keep text.
 */
import * as fs from "fs";
import * as path from "path";
import { compileRules } from "../../src/engine";
import { mapColumns } from "../../src/engine/columns";
import * as supply from "../../src/engine/alternatives";
import { profileCard } from "../../src/functions/profile-card";
import { analyseRows } from "../../taskpane/analysis";
import { buildReportContent } from "../../taskpane/report-content";
import { checkedRules } from "../rules/checked";

const IEA = "https://www.iea.org/data-and-statistics/data-product/critical-minerals-dataset";

async function report(commodities: string[]) {
  const checked = checkedRules(fs.readFileSync(path.join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8"));
  const mapped = mapColumns(["Supplier", "Commodity", "Supplier country"]);
  if (!mapped.ok) throw new Error("mapping");
  const rows = commodities.map((commodity, i) => ({ sheetRow: i + 1, cells: [`S${i}`, commodity, "China"] }));
  const analysis = await analyseRows(rows, mapped.map, compileRules(checked), { asOf: "2026-06-01" }, { pause: async () => undefined, supply });
  return buildReportContent(analysis!, { tableLabel: "Suppliers!A1:C4", rulesVersion: "test", rulesSource: "bundled" });
}

test("the Alternatives table has one row per controlled item, with shares the sheet formats as percentages", async () => {
  const content = await report(["lithium carbonate", "diamond micropowder", "steel coil"]);
  const table = content.alternatives!;
  expect(table.header).toEqual([
    "Item", "Binding stage", "Figure for", "Year", "Basis", "China share", "Outside China", "HHI", "Producers outside China", "Source", "Confidence",
  ]);
  expect(table.percentColumns.map((column) => table.header[column])).toEqual(["China share", "Outside China"]);
  // Steel is recognised but not controlled, so it is not listed (as in the pane). Rows follow the pane's
  // "By controlled item" order (exposure), which the rules decide; the set is what matters here.
  expect(table.rows.map((row) => row[0]).sort()).toEqual(["Lithium carbonate", "Synthetic diamond"]);
  const rowFor = (name: string) => table.rows.find((row) => row[0] === name)!;
  // §19, IEA 2024: China 70.2%; Chile 20.4%, Argentina 5.5%, Australia 1.8%. HHI = 70.2² + 20.4² + 5.5² + 1.8² = 5,377.69.
  expect(rowFor("Lithium carbonate")).toEqual([
    "Lithium carbonate", "refining", "Lithium carbonate", "2024", "production", 0.702, 0.298, 5378, "Chile 20.4%; Argentina 5.5%; Australia 1.8%", IEA, "C",
  ]);
  // §23: the only China share is ">90%" (2018, industry report): bounded shares stay text, HHI counts 90² = 8,100.
  // The producers come from the USGS 2025e figure, which has no China share: United States ≈1%, Russia without one.
  expect(rowFor("Synthetic diamond").slice(1, 10)).toEqual([
    "manufacturing", "Synthetic diamond", "2018", "production", ">90%", "<10%", 8100,
    "United States of America ≈1%; Russian Federation (2025e figure)", "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-diamond.pdf",
  ]);
});

const rules = (() => {
  return compileRules(checkedRules(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"))));
})();

test("the Matched item column carries each matched row's PROFILE card; unmatched and failed rows none", async () => {
  const header = ["Supplier", "Commodity", "Supplier country"];
  const rows = [
    { sheetRow: 1, cells: ["Alpha", "gallium", "Japan"] },
    { sheetRow: 2, cells: ["Beta", "office chairs", "Japan"] },
    { sheetRow: 3, cells: ["Gamma", "neo magnet", "Atlantis"] },
    { sheetRow: 4, cells: ["Delta", "neo magnet", "China"] },
  ];
  const mapped = mapColumns(header);
  if (!mapped.ok) throw new Error("mapping");
  const analysis = (await analyseRows(rows, mapped.map, rules, { asOf: "2025-06-01" }, { pause: async () => undefined, supply }))!;
  const content = buildReportContent(analysis, { tableLabel: "Sheet1!A1:C5", rulesVersion: "fixture-1", rulesSource: "bundled" });

  const cards = content.cards!;
  expect(content.header[cards.column]).toBe("Matched item");
  expect(analysis.rules).toBe(rules);
  const [gallium, chairs, badCountry, magnet] = [0, 1, 2, 3].map((row) => cards.cardFor(row));
  const first = analysis.results[0];
  if (!first.ok) throw new Error("row 1 should score");
  expect(gallium).toEqual(profileCard({ commodity: "gallium", row: first, rules, supply }));
  expect(gallium?.text).toBe(content.rows[0][cards.column]);
  expect(chairs).toBeNull();
  expect(content.rows[1][cards.column]).toBe("(not recognised)");
  expect(badCountry).toBeNull();
  expect(magnet?.text).toBe("NdFeB magnet");
});

test("the China's lists column says whom a supplier matched, on which list and notice, and its standing on the date", async () => {
  const checked = checkedRules(fs.readFileSync(path.join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8"));
  const mapped = mapColumns(["Supplier", "Commodity", "Supplier country", "Site country"]);
  if (!mapped.ok) throw new Error("mapping");
  const rows = [
    // MP Materials was put on China's export control list by notice ECL-2026-23 of 22 June 2026 (research/entity-lists.md).
    { sheetRow: 1, cells: ["MP Materials Corp.", "NdFeB magnet", "US", "US"] },
    { sheetRow: 2, cells: ["Kessler Magnettechnik GmbH", "NdFeB magnet", "Germany", "Germany"] },
  ];
  const analysis = (await analyseRows(rows, mapped.map, compileRules(checked), { asOf: "2026-07-01" }, { pause: async () => undefined }))!;
  const content = buildReportContent(analysis, { tableLabel: "Sheet1!A1:D3", rulesVersion: "test", rulesSource: "bundled" });
  const column = content.header.indexOf("China's lists");
  expect(column).toBeGreaterThan(content.header.indexOf("Personnel"));
  expect(content.rows[0][column]).toMatch(/^Supplier listed: MP Materials Corp\. on the .+ \(ECL-2026-23, listed since 2026-06-22; similarity 1\.00\)\.$/);
  expect(content.rows[1][column]).toBe("");
});

test("when the code that reads the producer figures could not be fetched, the Alternatives table says so rather than that the rules have none", async () => {
  const checked = checkedRules(fs.readFileSync(path.join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8"));
  const mapped = mapColumns(["Supplier", "Commodity", "Supplier country"]);
  if (!mapped.ok) throw new Error("mapping");
  const rows = [{ sheetRow: 1, cells: ["S1", "lithium carbonate", "China"] }];
  const analysis = await analyseRows(rows, mapped.map, compileRules(checked), { asOf: "2026-06-01" }, { pause: async () => undefined, supply: null });
  const content = buildReportContent(analysis!, { tableLabel: "Suppliers!A1:C2", rulesVersion: "test", rulesSource: "bundled" });
  expect(content.alternatives!.rows).toEqual([["Lithium carbonate", "", "", "", "", "", "", "", "producer figures not loaded", "", ""]]);
});
