/**
 * Text from a supplier file or a rules file must not drive the analyst's terminal: no escape sequence,
 * BEL, carriage return or other control character reaches stdout or stderr as a control.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bundledRules from "../../src/rules/default-rules.json";
import { main } from "../../src/cli/main";
import { AS_OF, runCli } from "./helpers";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const TITLE = "\u001b]0;pwned\u0007";
const CLEAR = "\u001b[2J\u001b[H";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-tty-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the CLI with stdout and stderr that say they are terminals. */
async function runOnTerminal(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { isTTY: true, write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
  } as never);
  return { code, stdout, stderr };
}

const hostileCsv = () =>
  write(
    "hostile.csv",
    [
      "supplier,commodity,china_input_share",
      `"${TITLE}Evil Co${CLEAR}",NdFeB magnet\u0007,0.9`,
      `Bad Co,gallium,"lots\n  row 99: everything is fine\r\u001b[1A"`,
      "",
    ].join("\n"),
  );

describe("the table report", () => {
  it("prints supplier, commodity and error text without control characters or fake lines", async () => {
    const result = await runOnTerminal(["score", hostileCsv(), "--as-of", AS_OF]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Evil Co");
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stdout).not.toMatch(/^\s*row 99: everything is fine/m);
  });

  it("prints the rules version from a rules file without control characters", async () => {
    const rules = write("rules.json", JSON.stringify({ ...bundledRules, version: `2026.1${CLEAR}${TITLE}` }));
    const result = await runOnTerminal(["score", hostileCsv(), "--as-of", AS_OF, "--rules", rules]);
    expect(result.stdout).toContain("2026.1");
    expect(result.stdout).not.toMatch(CONTROL);
  });

  it("stays clean when written to a file with --out x.txt", async () => {
    const out = join(dir, "report.txt");
    await runCli(["score", hostileCsv(), "--as-of", AS_OF, "--out", out]);
    expect(readFileSync(out, "utf8")).not.toMatch(CONTROL);
  });
});

describe("other terminal output", () => {
  it("CSV printed to a terminal carries no control characters", async () => {
    const result = await runOnTerminal(["score", hostileCsv(), "--as-of", AS_OF, "--format", "csv"]);
    expect(result.stdout).toContain("Evil Co");
    expect(result.stdout).not.toMatch(CONTROL);
  });

  it("the columns-found note does not echo garbage header bytes", async () => {
    const path = write("headers.csv", `supplier,"${TITLE}Notes${CLEAR}",commodity\nAcme,x,gallium\n`);
    const result = await runCli(["score", path, "--as-of", AS_OF]);
    expect(result.stderr).toContain("Notes");
    expect(result.stderr).not.toMatch(CONTROL);
  });

  it("the missing-commodity message does not echo garbage header bytes", async () => {
    const path = write("no-commodity.csv", `supplier,"${CLEAR}Country"\nAcme,Japan\n`);
    const result = await runCli(["score", path, "--as-of", AS_OF]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(CONTROL);
  });

  it("validate prints a hostile version and unknown keys without control characters", async () => {
    const valid = write("valid.json", JSON.stringify({ ...bundledRules, version: `9${TITLE}${CLEAR}` }));
    const ok = await runOnTerminal(["validate", valid]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toMatch(CONTROL);

    const invalid = write("invalid.json", JSON.stringify({ ...bundledRules, [`x${CLEAR}${TITLE}`]: 1 }));
    const bad = await runOnTerminal(["validate", invalid]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain("x");
    expect(bad.stdout).not.toMatch(CONTROL);
    expect(bad.stderr).not.toMatch(CONTROL);
  });
});

describe("CSV output", () => {
  // A carriage return is a control character: it is dropped first, and what it led is escaped if it is a formula.
  it.each([
    ["=", `'=HYPERLINK("http://evil.example","click")\nsecond line`],
    ["+", `'+HYPERLINK("http://evil.example","click")\nsecond line`],
    ["-", `'-HYPERLINK("http://evil.example","click")\nsecond line`],
    ["@", `'@HYPERLINK("http://evil.example","click")\nsecond line`],
    ["\t", `'\tHYPERLINK("http://evil.example","click")\nsecond line`],
    ["\r", `HYPERLINK("http://evil.example","click")\nsecond line`],
    ["\r=", `'=HYPERLINK("http://evil.example","click")\nsecond line`],
  ])("a cell led by %j, holding a line break, is written so that it cannot run", async (lead, expected) => {
    const supplier = `${lead}HYPERLINK("http://evil.example","click")\nsecond line`;
    const path = write("formula.csv", `supplier,commodity\n"${supplier.replace(/"/g, '""')}",gallium\n`);
    const result = await runCli(["score", path, "--as-of", AS_OF, "--format", "csv"]);
    expect(result.code).toBe(0);
    const Papa = (await import("papaparse")).default;
    const written = Papa.parse<string[]>(result.stdout, { skipEmptyLines: true }).data;
    expect(written[1][0]).toBe(expected);
  });

  it("escapes formula-like text that comes from the rules file (item names)", async () => {
    const rules = structuredClone(bundledRules) as typeof bundledRules;
    rules.items[0].name = "=1+1\nx";
    const rulesPath = write("formula-rules.json", JSON.stringify(rules));
    const path = write("item.csv", `supplier,commodity\nAcme,${bundledRules.items[0].name}\n`);
    const result = await runCli(["score", path, "--as-of", AS_OF, "--format", "csv", "--rules", rulesPath]);
    expect(result.stdout).toContain(`"'=1+1\nx"`);
  });
});
