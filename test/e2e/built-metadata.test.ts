/**
 * The functions.json the production build ships (dist/). Excel's data-types switch is top-level in that
 * format — there is no per-function flag — so "only where intended" means: on at the top, on no function
 * or parameter of its own (Excel would ignore it there, and a `cellValueType` would narrow what a parameter
 * takes), and reaching exactly the functions whose arguments or result are `any`: every CHOKEPOINT
 * function but RULESVERSION, whose arguments must take entities and whose PROFILE result is one.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST } from "./harness";

interface Parameter {
  name: string;
  type?: string;
  cellValueType?: string;
}
interface FunctionMetadata {
  id: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  [key: string]: unknown;
}

const FLAG = "allowCustomDataForDataTypeAny";
const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: FunctionMetadata[]; [key: string]: unknown };

/** A parameter or result with no type, or type any, is one the flag opens to data types. */
const takesAny = (typed: { type?: string }) => typed.type === undefined || typed.type === "any";
const reachedByFlag = (fn: FunctionMetadata) => fn.parameters.some(takesAny) || takesAny(fn.result);

test("the flag is on, at the top level", () => {
  expect(metadata[FLAG]).toBe(true);
});

test("no function or parameter carries a data-types setting of its own", () => {
  for (const fn of metadata.functions) {
    expect(Object.keys(fn)).not.toContain(FLAG);
    expect(fn.options ?? {}).not.toHaveProperty(FLAG);
    for (const parameter of fn.parameters) {
      expect(Object.keys(parameter)).not.toContain(FLAG);
      expect(parameter.cellValueType).toBeUndefined();
    }
  }
});

test("it reaches every CHOKEPOINT function with arguments — all of whose arguments are any — and not RULESVERSION", () => {
  const reached = metadata.functions.filter(reachedByFlag).map((fn) => fn.id).sort();
  const withArguments = metadata.functions.filter((fn) => fn.parameters.length > 0).map((fn) => fn.id).sort();
  expect(reached).toEqual(withArguments);
  expect(reached).toContain("PROFILE");
  expect(reached).not.toContain("RULESVERSION");
  for (const fn of metadata.functions.filter((f) => f.parameters.length > 0)) {
    expect(fn.parameters.every(takesAny)).toBe(true);
  }
  expect(metadata.functions.find((fn) => fn.id === "RULESVERSION")!.result).toEqual({ type: "string" });
});

test("PROFILE returns a matrix of any, the declaration an entity per row needs", () => {
  const profile = metadata.functions.find((fn) => fn.id === "PROFILE")!;
  expect(profile.result).toEqual({ dimensionality: "matrix" });
  expect(profile.parameters.map((p) => p.name)).toEqual(["commodity", "supplierCountry", "siteCountry", "asOf", "supplierName"]);
});
