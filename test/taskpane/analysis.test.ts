import * as fs from "fs";
import * as path from "path";
import { compileRules, scoreRows, summarizePortfolio } from "../../src/engine";
import * as supply from "../../src/engine/alternatives";
import { alternativesFor } from "../../src/engine/alternatives";
import { mapColumns, readRecords } from "../../src/engine/columns";
import { parseRules } from "../../src/rules/parse";
import { analyseRows } from "../../taskpane/analysis";
import { checkedRules } from "../rules/checked";

const rules = (() => {
  return compileRules(checkedRules(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8"))));
})();

test("the pane's analysis is the engine's scoreRows + summarizePortfolio, row for row, scored in slices", async () => {
  const header = ["Supplier", "Commodity", "Supplier country", "Spend"];
  const commodities = ["gallium", "germanium", "office chairs", "", "gallium metal"];
  const rows = Array.from({ length: 12_001 }, (_, i) => ({
    sheetRow: i + 1,
    cells: [`S${i}`, commodities[i % commodities.length], i % 3 ? "China" : "Japan", 100 + (i % 7)],
  }));
  const mapped = mapColumns(header);
  if (!mapped.ok) throw new Error("mapping");
  const progress: number[] = [];
  const options = { asOf: "2026-06-01", suspensionsEnded: false };
  const analysis = await analyseRows(rows, mapped.map, rules, options, { pause: async () => undefined, onProgress: (done) => progress.push(done) });

  const { records } = readRecords(rows.map((row) => row.cells), mapped.map);
  const results = scoreRows(records.map((r) => r.input), rules, options);
  const portfolio = summarizePortfolio(records.map((r) => ({ input: r.input, supplier: r.supplier ?? undefined, spend: r.spend })), results);
  expect(progress).toEqual([5_000, 10_000, 12_001]);
  expect(analysis!.results).toEqual(results);
  expect(analysis!.portfolio).toEqual(portfolio);
  expect(analysis!.sheetRows[12_000]).toBe(12_001);
  expect(portfolio.counts.errors).toBeGreaterThan(0);
  expect(portfolio.counts.unmatched).toBeGreaterThan(0);
});

/** The bundled rules compiled, and a supplier table of two columns (supplier, commodity) mapped. */
function bundledWithTwoColumns() {
  const bundled = parseRules(fs.readFileSync(path.join(__dirname, "..", "..", "src", "rules", "default-rules.json"), "utf8"));
  if (!bundled.ok) throw new Error("bundled rules invalid");
  const mapped = mapColumns(["Supplier", "Commodity"]);
  if (!mapped.ok) throw new Error("mapping");
  return { compiled: compileRules(bundled.rules), mapped };
}

test("the analysis carries where else each matched item is produced: the engine's alternativesFor, per item", async () => {
  const { compiled, mapped } = bundledWithTwoColumns();
  const rows = ["lithium carbonate", "NdFeB magnet", "steel coil", "widget X"].map((commodity, i) => ({ sheetRow: i + 1, cells: [`S${i}`, commodity] }));
  const analysis = await analyseRows(rows, mapped.map, compiled, { asOf: "2026-06-01" }, { pause: async () => undefined, supply });

  expect([...analysis!.alternatives.keys()].sort()).toEqual(["lithium-carbonate", "ndfeb-magnet", "steel"]);
  for (const [itemId, found] of analysis!.alternatives) expect(found).toEqual(alternativesFor(compiled, itemId));
  // shared/research/producers.md §19: lithium chemicals (IEA 2024) are 70.2% Chinese, Chile the largest other refiner.
  const lithium = analysis!.alternatives.get("lithium-carbonate")!.answer!.supply;
  expect([lithium.stage, lithium.china.share, lithium.producers[0].country]).toEqual(["refining", 0.702, "CL"]);
});

test("without the code that reads the producer figures (its part could not be fetched) the analysis still comes, saying nothing of where else items are produced", async () => {
  const { compiled, mapped } = bundledWithTwoColumns();
  const rows = [{ sheetRow: 1, cells: ["S1", "lithium carbonate"] }];
  const analysis = await analyseRows(rows, mapped.map, compiled, { asOf: "2026-06-01" }, { pause: async () => undefined, supply: null });
  expect(analysis!.alternatives.size).toBe(0);
  expect(analysis!.supply).toBeNull();
  expect(analysis!.portfolio.byItem.map((entry) => entry.itemId)).toEqual(["lithium-carbonate"]);
});
