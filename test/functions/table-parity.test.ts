/**
 * One reading of a cell: the same raw cells give the same result in a formula and on the table path the
 * task pane and the CLI take (header row → `mapColumns` → `recordToRow` → `scoreRows`). The values are
 * drawn from where the two paths used to read a cell differently: decimal commas in shares ("0,5",
 * "12,5 %"), the 0 older Excel builds pass for an empty cell in a text-like field, text padded with
 * spaces, and whitespace-only text.
 */
import "./setup";
jest.mock("../../src/runtime", () => jest.requireActual("./fixture").runtimeModule());

import fc from "fast-check";
import { score } from "../../src/functions/functions";
import { scoreRows } from "../../src/engine";
import { mapColumns, recordToRow } from "../../src/engine/columns";
import { errorOf, fixtureRuntime } from "./fixture";

const ON = "2025-06-01";
const HEADER = ["commodity", "supplier_country", "site_country", "china_input_share", "china_technology", "china_equipment", "china_personnel"];

/** The engine's field names → the formula's parameter names, which start its error messages. */
const PARAMETER: Record<string, string> = {
  commodity: "commodity",
  supplier_country: "supplierCountry",
  site_country: "siteCountry",
  china_input_share: "chinaInputShare",
  china_technology: "chinaTechnology",
  china_equipment: "chinaEquipment",
  china_personnel: "chinaPersonnel",
};

const blankish = fc.constantFrom<string | number | null>(null, "", "   ", 0);
const commodity = fc.oneof(fc.constantFrom<string | number>("gallium", "  neo magnet ", "8505.11", 850511, "Ga", "steel", "unobtainium"), blankish);
const country = fc.oneof(fc.constantFrom<string | number>("China", " CN", "Japan ", "US", "India", "Atlantis", "0"), blankish);
const share = fc.oneof(
  fc.constantFrom<string | number>("0,5", "12,5 %", "12,5%", ",75", "0.25", " 50% ", "1,5", "50", "0,5,5", 0.4, 1, 0),
  fc.integer({ min: 0, max: 1000 }).map((n) => `0,${String(n).padStart(3, "0")}`),
  blankish,
);

const row = fc.tuple(commodity, country, country, share, share, share, share);

test("a formula and the table path read the same cells the same way", () => {
  const mapped = mapColumns(HEADER);
  if (!mapped.ok) throw new Error("the header names no commodity column");
  const rules = fixtureRuntime().active.compiled;
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
      const columns = HEADER.map((_, field) => rows.map((cells) => [cells[field]]));
      const formula = score(...(columns as [unknown[][], unknown[][]]), rows.map(() => [ON]));
      const table = scoreRows(rows.map((cells) => recordToRow(cells, mapped.map).input), rules, { asOf: ON });

      table.forEach((result, i) => {
        // A row blank in every argument is padding in a formula (an empty cell, or dropped at the end).
        const cell = formula[i]?.[0] ?? "";
        if (cell === "") {
          expect({ row: rows[i], table: !result.ok && result.error.code }).toEqual({ row: rows[i], table: "commodity_missing" });
        } else if (!result.ok) {
          const message = errorOf(cell)?.message ?? "";
          expect({ row: rows[i], formula: errorOf(cell)?.code, field: message.slice(0, PARAMETER[result.error.field].length) }).toEqual({
            row: rows[i],
            formula: "#VALUE!",
            field: PARAMETER[result.error.field],
          });
        } else if (result.match.itemId === null) {
          expect({ row: rows[i], formula: errorOf(cell)?.code }).toEqual({ row: rows[i], formula: "#N/A" });
        } else {
          expect({ row: rows[i], formula: cell }).toEqual({ row: rows[i], formula: result.score });
        }
      });
    }),
    { numRuns: 150 },
  );
});

test("the cases that used to differ, one by one", () => {
  const mapped = mapColumns(HEADER);
  if (!mapped.ok) throw new Error("the header names no commodity column");
  const rules = fixtureRuntime().active.compiled;
  const cases: unknown[][] = [
    ["gallium", "Japan", "US", "0,5", null, null, null],
    ["gallium", "Japan", "US", "12,5 %", null, null, null],
    ["gallium", 0, 0, null, null, null, null],
  ];
  for (const cells of cases) {
    const [formula] = score(...(HEADER.map((_, field) => [[cells[field]]]) as [unknown[][], unknown[][]]), [[ON]]);
    const [table] = scoreRows([recordToRow(cells as never[], mapped.map).input], rules, { asOf: ON });
    expect({ cells, formula: formula[0] }).toEqual({ cells, formula: table.ok ? table.score : expect.anything() });
    expect(table.ok).toBe(true);
  }
});
