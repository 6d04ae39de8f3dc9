/** The terminal table flags the rows an analyst must check, and counts them over the whole file. */
import type { RowReport } from "../../../src/cli/output/report";
import { tableWriter } from "../../../src/cli/output/table";

function row(number: number, score: number, warnings: string[]): RowReport {
  return {
    row: number,
    supplier: `Supplier ${number}`,
    commodity: "thing",
    item: { id: "thing", name: "Thing" },
    reading: "Read as Thing from \"thing\"",
    suggestions: [],
    score,
    categories: { minerals: score, technology: 0, equipment: 0, personnel: 0 },
    controls: ["C-1"],
    warnings,
    error: null,
    entity: null,
  };
}

async function render(rows: RowReport[]): Promise<string> {
  let out = "";
  const writer = tableWriter({ write: async (text) => void (out += text), settle: async () => undefined });
  await writer.begin({ asOf: "2026-12-01", rules: { version: "test", source: "bundled" } });
  await writer.rows(rows.map((report) => ({ report, cells: [] })));
  await writer.end({ rows: rows.length, scored: rows.length, errors: 0, unmatched: 0, spendWeightedScore: null });
  return out;
}

test("a Check column tags unconfirmed statuses, open grades and reviews; a legend explains the tags", async () => {
  const out = await render([
    row(2, 90, ["status_unconfirmed: C-1 (No. 1/2025): counted as in force from 2026-11-11, unconfirmed: …", "grade_dependent: C-1 covers only some grades (…)"]),
    row(3, 50, ["grade_dependent: C-2 covers only some grades (…)", "grade_dependent: C-3 covers only some grades (…)"]),
    row(4, 40, ["informal_measure: C-4 is reported practice, not a published measure"]),
    row(5, 0, ["status_unconfirmed: C-1 …"]),
  ]);
  const lines = out.split("\n");
  const header = lines.find((line) => line.startsWith("Row"))!;
  const checkAt = header.indexOf("Check");
  expect(checkAt).toBeGreaterThan(header.indexOf("Staff"));
  expect(checkAt).toBeLessThan(header.indexOf("Controls"));
  const checkOf = (n: number) => lines.find((line) => line.trimStart().startsWith(`${n}  Supplier`))!.slice(checkAt).split("  ")[0].trim();
  expect(checkOf(2)).toBe("unconfirmed, grade");
  expect(checkOf(3)).toBe("grade");
  expect(checkOf(4)).toBe("");
  expect(out).toContain("Check: unconfirmed = a control counts on a status nobody has confirmed; grade = the text does not say which grade; review = the rules need review.");
  // Counted over every scored row, not only the rows shown (row 5 has no exposure and is not in the table).
  expect(out).toContain("Rows to check: unconfirmed status 2   grade not stated 2   rules review 0");
});

test("without any of those warnings the table and summary stay as they were", async () => {
  const out = await render([row(2, 90, ["informal_measure: C-4 is reported practice, not a published measure"])]);
  expect(out).not.toMatch(/Check|Rows to check/);
});
