import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRules } from "../../src/rules/parse";
import { hsCodeOf } from "../../src/rules/vocabulary";

const v1Text = readFileSync(join(__dirname, "fixtures", "minimal-valid-v1.json"), "utf8");
const v1 = JSON.parse(v1Text) as { schemaVersion: number; items: { id: string; hsCodes?: string[] }[]; weights: { status: Record<string, number> } };

describe("a version-1 rules document", () => {
  test("is the version-1 format (the fixture has not been rewritten)", () => {
    expect(v1.schemaVersion).toBe(1);
    expect(v1.weights.status).not.toHaveProperty("dropped");
  });

  test("loads through the one parse path, upgraded to version 2 on read", () => {
    const parsed = parseRules(v1Text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.upgradedFrom).toBe(1);
    expect(parsed.rules.schemaVersion).toBe(2);
    expect(parsed.rules.weights.status.dropped).toBe(0);
    expect(parsed.rules.weights.grades.unspecified).toBe(0.5);
  });

  test("keeps every item, control and code; a long code becomes a China tariff line", () => {
    const parsed = parseRules(v1Text);
    if (!parsed.ok) throw new Error("invalid");
    expect(parsed.rules.items.map((item) => item.id)).toEqual(v1.items.map((item) => item.id));
    const gallium = parsed.rules.items.find((item) => item.id === "gallium")!;
    expect(gallium.hsCodes.map(hsCodeOf)).toEqual([{ code: "8112929010", system: "CN" }]);
    const steel = parsed.rules.items.find((item) => item.id === "steel")!;
    expect(steel.hsCodes.map(hsCodeOf)).toEqual([{ code: "7208", system: "HS" }]);
  });

  test("a version-1 document with a version-1 mistake is refused with version-1 paths", () => {
    const broken = JSON.parse(v1Text);
    broken.controls[0].items.push("galium");
    const parsed = parseRules(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([["unknown_item", "controls[0].items[1]"]]);
  });

  test("a version-1 document may not use version-2 fields", () => {
    const mixed = JSON.parse(v1Text);
    mixed.items[0].grades = [];
    const parsed = parseRules(mixed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.code)).toEqual(["unknown_key"]);
  });
});
