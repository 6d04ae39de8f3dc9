/**
 * Contract test on the metadata Excel reads (functions.json), generated from src/functions/functions.ts
 * with the same generator the webpack plugin uses. A declaration the generator silently skips, an
 * optional flag lost or a volatile function would all show up here before they reach a workbook.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";

const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");
const ROW_PARAMETERS = ["commodity", "supplierCountry", "siteCountry", "chinaInputShare", "chinaTechnology", "chinaEquipment", "chinaPersonnel", "asOf", "supplierName"];
const ROW_REQUIRED = ["commodity", "supplierCountry"];

const EXPECTED: Record<string, { parameters: string[]; required: string[] }> = {
  SCORE: { parameters: ROW_PARAMETERS, required: ROW_REQUIRED },
  BREAKDOWN: { parameters: ROW_PARAMETERS, required: ROW_REQUIRED },
  EXPLAIN: { parameters: ROW_PARAMETERS, required: ROW_REQUIRED },
  MATCH: { parameters: ["commodity", "detail"], required: ["commodity"] },
  CONTROLS: { parameters: ["commodity", "siteCountry", "asOf"], required: ["commodity"] },
  CHINASHARE: { parameters: ["commodity", "stage"], required: ["commodity"] },
  ALTERNATIVES: { parameters: ["commodity", "stage", "count"], required: ["commodity"] },
  CHANGES: { parameters: ["days"], required: [] },
  SCREEN: { parameters: ["supplierName", "supplierCountry", "asOf"], required: ["supplierName"] },
  RULESVERSION: { parameters: [], required: [] },
  PROFILE: { parameters: ["commodity", "supplierCountry", "siteCountry", "asOf", "supplierName"], required: ["commodity"] },
};

let metadata: ICustomFunctionsMetadata;
let errors: string[];
const byId = (id: string): IFunction => metadata.functions.find((f) => f.id === id)!;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  errors = generated.errors;
  metadata = JSON.parse(generated.metadataJson || '{"functions":[]}');
}, 30_000);

test("the generator reports no errors", () => {
  expect(errors).toEqual([]);
});

test("exactly the CHOKEPOINT functions listed here are declared", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const f of metadata.functions) expect(f.name).toBe(f.id);
});

test.each(Object.entries(EXPECTED))("%s has its parameters in order, optional flags and matrix dimensionality", (id, expected) => {
  const f = byId(id);
  expect(f.parameters.map((p) => p.name)).toEqual(expected.parameters);
  for (const parameter of f.parameters) {
    expect(Boolean(parameter.optional)).toBe(!expected.required.includes(parameter.name));
    expect(parameter.dimensionality).toBe("matrix");
    expect(parameter.type).toBe("any");
    expect(parameter.description?.length).toBeGreaterThan(10);
  }
  if (id !== "RULESVERSION") expect(f.result?.dimensionality).toBe("matrix");
});

test("every function has a description and a help URL into the rendered docs/functions.md", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderMarkdownPage } = require("../../scripts/render-docs.js");
  const page: string = renderMarkdownPage(fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8"));
  for (const f of metadata.functions) {
    expect(f.description?.length).toBeGreaterThan(20);
    expect(f.helpUrl).toBe(`https://localhost:3000/docs/functions.html#${f.id.toLowerCase()}`);
    expect(page).toContain(`id="${f.id.toLowerCase()}"`);
  }
});

test("each help URL lands on a section of docs/functions.md with a worked example", () => {
  const docs = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
  for (const f of metadata.functions) {
    const section = docs.split(/^## /m).find((part) => part.startsWith(`${f.id}\n`));
    expect(section).toBeDefined();
    expect(section).toContain(`CHOKEPOINT.${f.id}(`);
    expect(section).toMatch(/Example/);
  }
});

test("only RULESVERSION streams, and nothing is volatile", () => {
  for (const f of metadata.functions) {
    expect(Boolean(f.options?.stream)).toBe(f.id === "RULESVERSION");
    expect(Boolean(f.options?.volatile)).toBe(false);
  }
});
