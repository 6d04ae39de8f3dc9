import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

describe("bin/chokepoint.js score starts Node again with a larger young generation", () => {
  /** Runs the command with a module preloaded in every Node it starts, which writes down the flags that Node got. */
  function nodesStarted(env: Record<string, string>, nodeOptions = ""): string[][] {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-young-"));
    const probe = join(dir, "probe.js");
    const record = join(dir, "flags.txt");
    writeFileSync(probe, `require("fs").appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.execArgv) + "\\n");`);
    const child = spawnSync(process.execPath, [BIN, "score", "examples/suppliers.csv", "--as-of", AS_OF, "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: `--require ${probe} ${nodeOptions}`.trim(), ...env },
    });
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).summary.rows).toBeGreaterThan(0);
    const started = readFileSync(record, "utf8").trim().split("\n").map((line) => JSON.parse(line) as string[]);
    rmSync(dir, { recursive: true, force: true });
    return started;
  }

  it("runs the command in a second Node that has the setting, the first one only waiting for it", () => {
    const started = nodesStarted({});
    expect(started).toHaveLength(2);
    expect(started[0]).not.toContain("--max-semi-space-size=32");
    expect(started[1]).toContain("--max-semi-space-size=32");
  });

  it("runs in the same Node when asked to, or when the setting is given already", () => {
    expect(nodesStarted({ CHOKEPOINT_SAME_PROCESS: "1" })).toHaveLength(1);
    expect(nodesStarted({}, "--max-semi-space-size=16")).toHaveLength(1);
  });

  it("runs in the same Node when that Node is being debugged, so one inspector is opened, not two", () => {
    expect(nodesStarted({}, "--inspect=127.0.0.1:0")).toHaveLength(1);
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

describe("bin/chokepoint.js when its reader stops early (| head)", () => {
  it("ends quietly, without a stack trace, when stdout is closed part-way", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-pipe-"));
    try {
      const input = join(dir, "big.csv");
      writeFileSync(input, `supplier,commodity\n${Array.from({ length: 100_000 }, (_, i) => `S${i},gallium`).join("\n")}\n`);
      const child = spawn(process.execPath, [BIN, "score", input, "--as-of", AS_OF, "--format", "json"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      // Read the first chunk, then close the pipe as `head` does.
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on("close", (exitCode) => resolve(exitCode)));
      expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the CLI commands the README and docs/cli.md give", () => {
  const docs = ["README.md", join("docs", "cli.md")].map((file) => ({ file, text: readFileSync(join(ROOT, file), "utf8") }));

  it("never start with `npx chokepoint`, which breaks the npx cache when run before npm install", () => {
    for (const { file, text } of docs) expect([file, text.match(/npx chokepoint [a-z].*/g) ?? []]).toEqual([file, []]);
  });

  it("run as written and exit 0", () => {
    // Split as a shell would for these lines: on spaces, keeping "double-quoted words" together.
    const shellWords = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
    const commands = docs.flatMap(({ text }) => [...text.matchAll(/^\$ \.\/bin\/chokepoint\.js (.+)$/gm)].map((m) => shellWords(m[1])));
    expect(commands.length).toBeGreaterThan(1);
    for (const args of commands) {
      const child = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
      expect([args.join(" "), child.status]).toEqual([args.join(" "), 0]);
    }
  });

  it("have an npm script for shells that cannot run ./bin/chokepoint.js", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts.chokepoint).toBe("node bin/chokepoint.js");
  });

  it("explain, and exit 2, when run in a clone before npm install", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-fresh-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(BIN, join(dir, "bin", "chokepoint.js"));
      const child = spawnSync(process.execPath, [join(dir, "bin", "chokepoint.js"), "score", "x.csv"], { cwd: dir, encoding: "utf8" });
      expect(child.status).toBe(2);
      expect(child.stderr).toMatch(/not built yet.*npm install/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
