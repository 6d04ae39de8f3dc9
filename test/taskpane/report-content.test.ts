/**
 * The report's content (taskpane/report-content.ts): the item column's cards are the PROFILE cards of the
 * same results, made with the rules those results were scored with; rows without a match keep text.
 */
import * as fs from "fs";
import * as path from "path";
import { compileRules } from "../../src/engine";
import { mapColumns } from "../../src/engine/columns";
import { parseRules } from "../../src/rules/parse";
import { profileCard } from "../../src/functions/profile-card";
import { analyseRows } from "../../taskpane/analysis";
import { buildReportContent } from "../../taskpane/report-content";

const rules = (() => {
  const parsed = parseRules(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "rules", "small-rules.json"), "utf8")));
  if (!parsed.ok) throw new Error("fixture rules invalid");
  return compileRules(parsed.rules);
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
  const analysis = (await analyseRows(rows, mapped.map, rules, { asOf: "2025-06-01" }, { pause: async () => undefined }))!;
  const content = buildReportContent(analysis, { tableLabel: "Sheet1!A1:C5", rulesVersion: "fixture-1", rulesSource: "bundled" });

  const cards = content.cards!;
  expect(content.header[cards.column]).toBe("Matched item");
  expect(analysis.rules).toBe(rules);
  const [gallium, chairs, badCountry, magnet] = [0, 1, 2, 3].map((row) => cards.cardFor(row));
  const first = analysis.results[0];
  if (!first.ok) throw new Error("row 1 should score");
  expect(gallium).toEqual(profileCard({ commodity: "gallium", row: first, rules }));
  expect(gallium?.text).toBe(content.rows[0][cards.column]);
  expect(chairs).toBeNull();
  expect(content.rows[1][cards.column]).toBe("(not recognised)");
  expect(badCountry).toBeNull();
  expect(magnet?.text).toBe("NdFeB magnet");
});
