/**
 * `chokepoint item COMMODITY`: the profile of one item, run in-process the way a shell runs it. Figures
 * expected from the bundled rules are typed from shared/research/producers.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileRules } from "../../src/engine";
import { alternativesFor } from "../../src/engine/alternatives";
import { AS_OF, ROOT, runCli } from "./helpers";
import { checkedRules } from "../rules/checked";

const BUNDLED_PATH = join(ROOT, "src", "rules", "default-rules.json");

async function profile(commodity: string, extra: string[] = []) {
  const result = await runCli(["item", commodity, "--as-of", AS_OF, "--format", "json", ...extra]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("chokepoint item, JSON", () => {
  it("has the profile's keys in order: how it was read, China's shares, controls, alternatives", async () => {
    const json = await profile("lithium carbonate");
    expect(Object.keys(json)).toEqual(["asOf", "rules", "input", "read", "chinaShare", "controls", "alternatives", "warnings"]);
    expect(json.read).toMatchObject({ item: { id: "lithium-carbonate", name: "Lithium carbonate" }, method: "alias", why: 'read as Lithium carbonate from "lithium" + "carbonate"', confidence: 1 });
    expect(json.controls.map((c: { id: string }) => c.id)).toContain("CN-2025-TECH-LITHIUM");
  });

  it("shows why the stage matters: lithium mining about one-fifth Chinese, chemicals about 70%", async () => {
    const { alternatives } = await profile("lithium carbonate");
    const byStage = Object.fromEntries(alternatives.stages.map((s: { stage: string; china: { share: number } }) => [s.stage, s.china.share]));
    // §19: USGS 2025e mining 21.4%; IEA 2024 chemical refining 70.2%.
    expect(byStage).toEqual({ mining: 0.214, refining: 0.702 });
    expect(alternatives.binding.supply.stage).toBe("refining");
    expect(alternatives.binding.supply.producers.map((p: { country: string; share: number }) => [p.country, p.share])).toEqual([
      ["CL", 0.204],
      ["AR", 0.055],
      ["AU", 0.018],
    ]);
  });

  it("adds the controls aimed at the receiving plant's country with --site", async () => {
    const without = await profile("gallium");
    const withSite = await profile("gallium", ["--site", "US"]);
    expect(without.controls.map((c: { id: string }) => c.id)).not.toContain("CN-2024-US-DUALUSE-1");
    expect(withSite.controls.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(["CN-2024-US-DUALUSE-1", "CN-2024-US-DUALUSE-2"]));
  });
});

describe("chokepoint item, table", () => {
  it("prints how it was read, China's shares by stage, the controls and the producers outside China", async () => {
    const result = await runCli(["item", "NdFeB magnet", "--as-of", AS_OF, "--format", "table"]);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/^NdFeB permanent magnet \(ndfeb-magnet\)\n {2}read from "NdFeB magnet": alias match\n {2}read as NdFeB permanent magnet from "ndfeb" \+ "magnet"\n/);
    expect(text).toContain(`Controls on ${AS_OF}`);
    expect(text).toContain("CN-2025-REE-7");
    // §13: magnet rare-earth refining (IEA 2024) China 91.3%, Malaysia 4.5%; §14: no official magnet table.
    expect(text).toContain("binding stage: refining of Neodymium, China 91.3% (2024)");
    expect(text).toMatch(/Malaysia +4\.5%/);
    expect(text).toContain("no country breakdown: No official country table was found");
    expect(text).toContain("named without shares: Japan, Vietnam, Germany, Estonia, United States of America");
  });

  it("works for every bundled item, and says 'no country breakdown' where there is none", async () => {
    const checked = checkedRules(readFileSync(BUNDLED_PATH, "utf8"));
    const compiled = compileRules(checked);
    const withoutBreakdown: string[] = [];
    for (const item of checked.items) {
      const result = await runCli(["item", item.id, "--as-of", AS_OF, "--format", "table"]);
      expect([item.id, result.code]).toEqual([item.id, 0]);
      expect(result.stdout.startsWith(`${item.name} (${item.id})`)).toBe(true);
      const answer = alternativesFor(compiled, item.id)!.answer;
      if (answer === null || !answer.supply.hasBreakdown) {
        expect([item.id, result.stdout.includes("no country breakdown")]).toEqual([item.id, true]);
        withoutBreakdown.push(item.id);
      } else {
        const top = answer.supply.producers[0];
        expect([item.id, result.stdout.includes(top.countryName)]).toEqual([item.id, true]);
      }
    }
    // Items the research file has no country split for (§4, §7, §18, §24) and items with no producer figure at all.
    expect(withoutBreakdown).toEqual(expect.arrayContaining(["tungsten", "scandium", "cubic-boron-nitride", "steel", "battery-production-equipment"]));
  }, 60_000);

  it("never prints control sequences from a rules file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-item-"));
    try {
      const doc = JSON.parse(readFileSync(BUNDLED_PATH, "utf8"));
      const gallium = doc.items.find((item: { id: string }) => item.id === "gallium");
      gallium.name = "Gallium\u001b[2J\u001b]0;pwned\u0007\rX";
      doc.producers[0].material = "Primary gallium\u001b[31m red\u009b";
      const path = join(dir, "rules.json");
      writeFileSync(path, JSON.stringify(doc));
      const result = await runCli(["item", "gallium", "--as-of", AS_OF, "--format", "table", "--rules", path]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Gallium[2J]0;pwned X");
      // eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("chokepoint item, unusable input (exit 2, nothing on stdout)", () => {
  it.each([
    [["item", "widget X", "--format", "json"], /"widget X" is not an item the rules know/],
    [["item", "gallium", "--as-of", "2026-02-30"], /--as-of must be a calendar date/],
    [["item", "gallium", "--format", "csv"], /--format must be one of table, json/],
    [["item", "gallium", "--site", "Narnia"], /--site is not a country name or ISO code: Narnia/],
    [["item", "gallium", "--rules", "/nonexistent/rules.json"], /rules/i],
  ])("%j", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});
