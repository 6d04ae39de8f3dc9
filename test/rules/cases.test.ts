/**
 * Golden cases: each folder under cases/ holds an invalid rules document (input.json) and the issues it
 * must produce (expected.json: code and path). A failing case writes actual.json beside it for review.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseRules, RULES_ISSUE_CODES } from "../../src/rules/parse";

interface ExpectedIssue {
  code: string;
  path: string;
}

const CASES_DIR = join(__dirname, "cases");
const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const byPathThenCode = (a: ExpectedIssue, b: ExpectedIssue) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code);

describe("invalid rules documents (golden cases)", () => {
  it("has at least 15 cases", () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(15);
  });

  it.each(caseNames)("%s", (name) => {
    const folder = join(CASES_DIR, name);
    const expected = (JSON.parse(readFileSync(join(folder, "expected.json"), "utf8")) as ExpectedIssue[]).sort(byPathThenCode);
    const result = parseRules(readFileSync(join(folder, "input.json"), "utf8"));
    const actual = result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path })).sort(byPathThenCode);

    const actualFile = join(folder, "actual.json");
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      writeFileSync(actualFile, `${JSON.stringify(result.ok ? [] : result.issues, null, 2)}\n`);
    } else if (existsSync(actualFile)) {
      rmSync(actualFile);
    }
    expect(result.ok).toBe(false);
    expect(actual).toEqual(expected);
  });

  it("exercises every cross-check and reading code at least once", () => {
    const covered = new Set(
      caseNames.flatMap((name) => (JSON.parse(readFileSync(join(CASES_DIR, name, "expected.json"), "utf8")) as ExpectedIssue[]).map((e) => e.code)),
    );
    const mustBeCovered = RULES_ISSUE_CODES.filter((code) => !["invalid_format", "too_long"].includes(code));
    expect(mustBeCovered.filter((code) => !covered.has(code))).toEqual([]);
  });
});
