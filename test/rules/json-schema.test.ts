import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { rulesJsonSchema, rulesJsonSchemaText } from "../../src/rules/json-schema";

const SCHEMA_FILE = join(__dirname, "../../docs/rules.schema.json");
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

function compileSchema() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  // The schema's own named formats carry a pattern too; the format names are labels for readers.
  for (const name of ["identifier", "hs-code", "country-code"]) ajv.addFormat(name, true);
  return ajv.compile(rulesJsonSchema());
}

describe("the rules JSON Schema", () => {
  it("matches docs/rules.schema.json (regenerate: npm run build:cli && node bin/chokepoint.js schema > docs/rules.schema.json)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(rulesJsonSchemaText());
  });

  it("accepts the bundled default ruleset and the minimal example", () => {
    const validate = compileSchema();
    for (const path of [join(__dirname, "../../src/rules/default-rules.json"), join(__dirname, "fixtures/minimal-valid.json"), join(__dirname, "fixtures/minimal-valid-listings.json")]) {
      const valid = validate(readJson(path));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it.each([
    ["unknown-key-typo", "/controls/0"],
    ["unknown-category", "/controls/0/category"],
    ["share-out-of-range", "/items/0/chinaShare/processing/share"],
    ["hs-code-with-dots", "/items/1/hsCodes/0"],
    ["impossible-date", "/controls/0/timeline/1/from"],
    ["schema-version-too-new", "/schemaVersion"],
  ])("rejects the %s case where zod does, at %s", (caseName, instancePath) => {
    const validate = compileSchema();
    expect(validate(readJson(join(__dirname, "cases", caseName, "input.json")))).toBe(false);
    expect(validate.errors!.map((error) => error.instancePath)).toContain(instancePath);
  });
});
