/**
 * Golden diffs: each folder under diff-cases/ holds two editions of a small rules document (old.json,
 * new.json) and the diff a person worked out by reading them (expected.json). A failing case writes
 * actual.json beside it for review.
 *
 * Top-level sections the current schema does not have (as a later issue's `listings` would be) are taken
 * off before parsing and put back on the parsed document, the way a document from a newer schema reaches
 * the diff once its section is in the schema: the diff must still report them.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diffRules, foldFieldChanges } from "../../src/engine/diff";
import { parseRules } from "../../src/rules/parse";
import { rulesDocumentSchema, type RulesDocument } from "../../src/rules/schema";

const CASES_DIR = join(__dirname, "diff-cases");
const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const KNOWN_SECTIONS = new Set(Object.keys(rulesDocumentSchema.shape));

function readEdition(folder: string, name: string): RulesDocument {
  const raw = JSON.parse(readFileSync(join(folder, name), "utf8")) as Record<string, unknown>;
  const extra = Object.fromEntries(Object.entries(raw).filter(([key]) => !KNOWN_SECTIONS.has(key)));
  for (const key of Object.keys(extra)) delete raw[key];
  const parsed = parseRules(raw);
  if (!parsed.ok) throw new Error(`${folder}/${name} is not a valid rules document: ${JSON.stringify(parsed.issues)}`);
  return { ...parsed.rules, ...extra } as RulesDocument;
}

describe("rules diffs (golden cases)", () => {
  it("has a case for each kind of change", () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(8);
  });

  it.each(caseNames)("%s", (name) => {
    const folder = join(CASES_DIR, name);
    const expected = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8"));
    const actual = diffRules(readEdition(folder, "old.json"), readEdition(folder, "new.json"));
    const actualFile = join(folder, "actual.json");
    const asJson = JSON.parse(JSON.stringify(actual));
    try {
      expect(asJson).toEqual(expected);
      if (existsSync(actualFile)) rmSync(actualFile);
    } catch (error) {
      writeFileSync(actualFile, `${JSON.stringify(actual, null, 2)}\n`);
      throw error;
    }
  });
});

describe("diffRules", () => {
  const folder = join(CASES_DIR, "suspension-end-unconfirmed");

  it("is the same diff read backwards: what one direction adds, the other removes", () => {
    const oldRules = readEdition(folder, "old.json");
    const newRules = readEdition(folder, "new.json");
    const forward = diffRules(oldRules, newRules).controls.changed[0].fields;
    const backward = diffRules(newRules, oldRules).controls.changed[0].fields;
    expect(backward).toEqual(forward.map((change) => ({ field: change.field, before: change.after, after: change.before })));
  });

  it("does not count an entry of the owner's list that the old edition already carried", () => {
    const base = readEdition(join(CASES_DIR, "identical"), "old.json");
    const entry = { date: "2026-05-01", controls: ["CN-GA"], items: [], summary: "Carried from the last edition." };
    const diff = diffRules({ ...base, changes: [entry] }, { ...base, changes: [entry] });
    expect(diff.ownerChanges).toEqual({
      entries: [],
      notListed: { controls: [], items: [] },
      listedUnchanged: { controls: [], items: [] },
      agree: true,
    });
  });
});

describe("foldFieldChanges", () => {
  it("folds consecutive additions or removals under one field, and items added or removed with the same words", () => {
    expect(
      foldFieldChanges([
        { field: "alias", before: null, after: "Ga metal" },
        { field: "alias", before: null, after: "gallium ingot" },
        { field: "alias", before: "gallium", after: null },
        { field: "covers samarium", before: "whole item", after: null },
        { field: "covers terbium", before: "whole item", after: null },
        { field: "covers indium", before: "whole item", after: "grades listed-compound" },
        { field: "covers yttrium", before: "whole item", after: "grades listed-compound" },
        { field: "contains gallium", before: null, after: "whole item" },
        { field: "severity", before: "0.7", after: "0.8" },
      ]),
    ).toEqual([
      { field: "alias", before: null, after: "Ga metal, gallium ingot" },
      { field: "alias", before: "gallium", after: null },
      { field: "covers samarium, terbium", before: "whole item", after: null },
      { field: "covers indium", before: "whole item", after: "grades listed-compound" },
      { field: "covers yttrium", before: "whole item", after: "grades listed-compound" },
      { field: "contains gallium", before: null, after: "whole item" },
      { field: "severity", before: "0.7", after: "0.8" },
    ]);
  });
});
