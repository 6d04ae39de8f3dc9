/**
 * The JSON writer builds a scored row's text from pieces that rows sharing a plan share. Whatever the row, the
 * text must be what serialising its report gives (`rowJson(rowReport(…))`, the plain way, which the CLI's
 * contract tests pin down).
 */
import { BENCH_SEED, seededRandom, syntheticRows } from "../../../bench/synthetic";
import { syntheticSupplierNames, type Corpus } from "../../../bench/screening";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mapColumns, recordToRow } from "../../../src/engine/columns";
import { scoreRows } from "../../../src/engine";
import { rowJson, scoredRowJson } from "../../../src/cli/output/json";
import { rowReport } from "../../../src/cli/output/report";
import { bundledRules } from "../../engine/support-bundled";

const HEADER = ["supplier", "commodity", "supplier_country", "site_country", "china_input_share", "china_technology", "china_equipment", "china_personnel", "spend"];
const corpus = JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "screening", "corpus.json"), "utf8")) as Corpus;

test("a scored row's JSON is the JSON of its report, for every kind of row", () => {
  const rules = bundledRules();
  const mapped = mapColumns(HEADER);
  if (!mapped.ok) throw new Error("header refused");
  const names = syntheticSupplierNames(20_000, corpus, seededRandom(BENCH_SEED + 3), 1_000);
  const spends = ["", "1.234", "1,5", "12 000", "-5", "abc", "1e400"];
  const records = Array.from(syntheticRows(rules.doc, 20_000), (row, index) => {
    const { input } = row;
    const cells = [names[index], input.commodity, input.supplierCountry, input.siteCountry, input.chinaInputShare, input.chinaTechnology, input.chinaEquipment, input.chinaPersonnel, index % 7 === 0 ? spends[(index / 7) % spends.length] : row.spend];
    return recordToRow(cells.map((cell) => cell ?? null), mapped.map);
  });
  const results = scoreRows(
    records.map((record) => record.input),
    rules,
    { asOf: "2027-03-01" },
  );
  const kinds = new Set<string>();
  results.forEach((result, index) => {
    const readWarnings = index % 11 === 0 ? ["quote_misplaced: a note from reading the row"] : [];
    const parts = { row: index + 2, record: records[index], result, readWarnings };
    const expected = rowJson(rowReport(parts.row, parts.record, result, readWarnings));
    expect(scoredRowJson(parts)).toBe(expected);
    kinds.add(!result.ok ? "error" : result.entity?.status !== undefined && result.entity.status !== "none" ? "entity" : result.warnings.length > 0 ? "warned" : "plain");
    if (records[index].warnings.length > 0) kinds.add("record warning");
  });
  expect([...kinds].sort()).toEqual(["entity", "error", "plain", "record warning", "warned"]);
});
