import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AS_OF, EXAMPLE_CSV, ROOT, runCli } from "./helpers";

const BIN = join(ROOT, "bin", "chokepoint.js");

beforeAll(() => {
  // `npm run build:cli`: a compile error fails here, with tsc's output, instead of testing a stale build.
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
  expect(existsSync(join(ROOT, "build", "node", "cli", "main.js"))).toBe(true);
}, 120_000);

describe("bin/chokepoint.js score (compiled, as a child process)", () => {
  it("prints the same JSON as the in-process run and exits 0", async () => {
    const child = spawnSync(process.execPath, [BIN, "score", "examples/suppliers.csv", "--as-of", AS_OF, "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(child.status).toBe(0);
    const inProcess = await runCli(["score", EXAMPLE_CSV, "--as-of", AS_OF, "--format", "json"]);
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });

  it("defaults to JSON on a pipe and exits 2 for a missing file", () => {
    const child = spawnSync(process.execPath, [BIN, "score", "examples/missing.csv"], { cwd: ROOT, encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toMatch(/cannot read examples\/missing\.csv: no such file/);
  });
});

describe("bin/chokepoint.js --version", () => {
  it("prints the version in package.json", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const child = spawnSync(process.execPath, [BIN, "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe(manifest.version);
  });
});
