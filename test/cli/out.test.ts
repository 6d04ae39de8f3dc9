/**
 * `--out`: never destroy the input or the previous report, and a write that fails is a clear exit 2.
 */
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AS_OF, runCli } from "./helpers";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-out-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function supplierCsv(rows: number): string {
  const lines = ["supplier,commodity,spend"];
  for (let i = 0; i < rows; i++) lines.push(`Supplier ${i},gallium,${100 + i}`);
  return `${lines.join("\n")}\n`;
}

describe("--out naming the input", () => {
  it.each([
    ["the same path", (input: string) => input],
    ["the same file through another spelling", () => `${dir}/./input.csv`],
    ["a symbolic link to it", (input: string) => (symlinkSync(input, join(dir, "link.csv")), join(dir, "link.csv"))],
    ["a hard link to it (same inode)", (input: string) => (linkSync(input, join(dir, "hard.csv")), join(dir, "hard.csv"))],
  ])("is refused with exit 2 when it is %s, and the input is untouched", async (_case, outFor) => {
    const input = join(dir, "input.csv");
    const content = supplierCsv(5_000);
    writeFileSync(input, content);
    const result = await runCli(["score", input, "--as-of", AS_OF, "--out", outFor(input), "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/output_is_input/);
    expect(readFileSync(input, "utf8")).toBe(content);
  });
});

describe("--out is written atomically", () => {
  it("keeps the previous report when the run fails part-way, and leaves no temporary file", async () => {
    const input = join(dir, "input.csv");
    // The unclosed quote is only found at the end of the file, after rows have been written.
    writeFileSync(input, `${supplierCsv(3_000)}"Broken Co,gallium,5\n${supplierCsv(10).split("\n").slice(1).join("\n")}`);
    const out = join(dir, "report.json");
    writeFileSync(out, "the previous report\n");
    const result = await runCli(["score", input, "--as-of", AS_OF, "--out", out]);
    expect(result.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("the previous report\n");
    expect(readdirSync(dir).sort()).toEqual(["input.csv", "report.json"]);
  });

  it("replaces the previous report only once the new one is complete", async () => {
    const input = join(dir, "input.csv");
    writeFileSync(input, supplierCsv(10));
    const out = join(dir, "report.json");
    writeFileSync(out, "the previous report\n");
    const result = await runCli(["score", input, "--as-of", AS_OF, "--out", out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).summary.rows).toBe(10);
    expect(readdirSync(dir).sort()).toEqual(["input.csv", "report.json"]);
  });
});

describe("write errors", () => {
  const onLinux = existsSync("/dev/full") ? it : it.skip;

  onLinux("a full disk (ENOSPC) is exit 2 with the reason, not a stack trace", async () => {
    const input = join(dir, "input.csv");
    writeFileSync(input, supplierCsv(20_000));
    const result = await runCli(["score", input, "--as-of", AS_OF, "--out", "/dev/full", "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write \/dev\/full: ENOSPC/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a stdout that fails to write (EIO) is exit 2 with the reason", async () => {
    const input = join(dir, "input.csv");
    writeFileSync(input, supplierCsv(10));
    const { main } = await import("../../src/cli/main");
    let stderr = "";
    const failing = {
      write(_text: string, callback?: (error?: Error | null) => void) {
        const error = Object.assign(new Error("i/o error"), { code: "EIO" });
        queueMicrotask(() => callback?.(error));
        return true;
      },
    };
    const code = await main(["score", input, "--as-of", AS_OF, "--format", "json"], { stdout: failing, stderr: { write: (t: string) => ((stderr += t), true) } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot write the report to stdout: EIO/);
  });

  it("a reader that closes the pipe early (EPIPE) ends the run quietly", async () => {
    const input = join(dir, "input.csv");
    writeFileSync(input, supplierCsv(10_000));
    const { main } = await import("../../src/cli/main");
    let stderr = "";
    let writes = 0;
    const closedAfterOne = {
      write(_text: string, callback?: (error?: Error | null) => void) {
        writes += 1;
        const error = writes > 1 ? Object.assign(new Error("write EPIPE"), { code: "EPIPE" }) : null;
        queueMicrotask(() => callback?.(error));
        return true;
      },
    };
    const code = await main(["score", input, "--as-of", AS_OF, "--format", "json"], { stdout: closedAfterOne, stderr: { write: (t: string) => ((stderr += t), true) } });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|error|\n\s+at /i);
    expect(writes).toBeLessThan(5);
  });
});
