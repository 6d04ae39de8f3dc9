import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { rulesJsonSchema } from "../../src/rules/json-schema";

const DEFAULT_RULES = join(__dirname, "../../src/rules/default-rules.json");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "chokepoint-cli-")), name);
  writeFileSync(path, text);
  return path;
}

describe("chokepoint validate", () => {
  it("exits 0 for the bundled rules and says what it checked", async () => {
    const { code, stdout } = await run(["validate", DEFAULT_RULES]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid\. Rules 2026\.11\.28-3 .*: \d+ items, 43 controls/);
  });

  it("exits 1 for a copy whose control names an unknown item, printing the path", async () => {
    const copy = JSON.parse(readFileSync(DEFAULT_RULES, "utf8"));
    copy.controls[12].items[0] = "not-an-item";
    const { code, stdout, stderr } = await run(["validate", writeTemp("rules.json", JSON.stringify(copy))]);
    expect(code).toBe(1);
    expect(stdout).toBe('controls[12].items[0]: no item has the id "not-an-item" [unknown_item]\n');
    expect(stderr).toMatch(/1 issue/);
  });

  it("prints every issue, one per line", async () => {
    const input = join(__dirname, "../rules/cases/several-cross-check-issues/input.json");
    const { code, stdout } = await run(["validate", input]);
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toHaveLength(3);
  });

  it("exits 1 for a too-new format version and for broken JSON", async () => {
    expect((await run(["validate", join(__dirname, "../rules/cases/schema-version-too-new/input.json")])).code).toBe(1);
    expect((await run(["validate", writeTemp("broken.json", "{ not json")])).code).toBe(1);
  });

  it("can report as JSON", async () => {
    const { code, stdout } = await run(["validate", "--json", join(__dirname, "../rules/cases/contains-cycle/input.json")]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ valid: false, issues: [{ code: "contains_cycle", path: "items[1].contains[0]" }] });
  });

  it("exits 2 when the file cannot be read", async () => {
    const { code, stdout, stderr } = await run(["validate", join(tmpdir(), "no-such-dir-chokepoint", "rules.json")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/could not be read/);
  });

  it("exits 2 on a usage error", async () => {
    expect((await run(["validate"])).code).toBe(2);
    expect((await run(["no-such-command"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe("chokepoint schema", () => {
  it("prints the JSON Schema generated from the zod schema", async () => {
    const { code, stdout } = await run(["schema"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(rulesJsonSchema());
  });

  it("prints help with exit 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate/);
  });
});
