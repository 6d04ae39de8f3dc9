/**
 * The build step that turns Excel data types on in functions.json (scripts/data-types-metadata.js). The
 * built file itself is checked after the production build, in test/e2e/built-metadata.test.ts.
 */
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { allowDataTypes, FLAG } = require(path.join(__dirname, "..", "..", "scripts", "data-types-metadata.js"));

const FUNCTION = { id: "SCORE", name: "SCORE", parameters: [{ name: "commodity", type: "any", dimensionality: "matrix" }], result: { dimensionality: "matrix" } };

test("metadata without the flag gets it, at the top level and first; the functions are left as they were", () => {
  const out = JSON.parse(allowDataTypes(JSON.stringify({ functions: [FUNCTION] })));
  expect(Object.keys(out)).toEqual([FLAG, "functions"]);
  expect(out[FLAG]).toBe(true);
  expect(out.functions).toEqual([FUNCTION]);
});

test("a flag the generator wrote as false is turned on; other top-level sections are kept", () => {
  const enums = [{ id: "STAGE", type: "string", values: [{ name: "mining", stringValue: "mining" }] }];
  const out = JSON.parse(allowDataTypes(Buffer.from(JSON.stringify({ [FLAG]: false, functions: [FUNCTION], enums }))));
  expect(out).toEqual({ [FLAG]: true, functions: [FUNCTION], enums });
});

test("the file keeps the generator's 4-space layout", () => {
  expect(allowDataTypes(JSON.stringify({ functions: [] }))).toBe(`{\n    "${FLAG}": true,\n    "functions": []\n}`);
});

test("something that is not custom-functions metadata fails the build instead of shipping", () => {
  expect(() => allowDataTypes("[]")).toThrow(/functions array/);
  expect(() => allowDataTypes('{"functions": {}}')).toThrow(/functions array/);
  expect(() => allowDataTypes("not json")).toThrow();
});
