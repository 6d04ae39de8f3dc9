import * as fs from "fs";
import * as path from "path";
import { compileRules, scoreRows, summarizePortfolio } from "../../src/engine";
import { mapColumns, readRecords } from "../../src/engine/columns";
import { parseRules } from "../../src/rules/parse";
import { analyseRows } from "../../taskpane/analysis";

const rules = (() => {
  const parsed = parseRules(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8")));
  if (!parsed.ok) throw new Error("fixture rules invalid");
  return compileRules(parsed.rules);
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
