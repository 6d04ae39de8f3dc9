import { chinaShareFor, firstInForceDate } from "../../src/engine";
import { bundledRules } from "./support-bundled";

const rules = bundledRules();

test("the first in-force day comes from the control's timeline, and is null for a measure never in force", () => {
  expect(firstInForceDate(rules, "CN-2025-REE-7")).toBe("2025-04-04");
  expect(firstInForceDate(rules, "CN-2025-TECH-CATHODE")).toBe("2025-07-15");
  expect(firstInForceDate(rules, "CN-2025-REE-5")).toBeNull();
  expect(firstInForceDate(rules, "NOT-A-CONTROL")).toBeNull();
});

test("China's share with no stage is the figure scoring uses: the item's own, else its most China-dominated component's", () => {
  expect(chinaShareFor(rules, "gallium", null)).toMatchObject({ share: 0.99, year: 2025, itemId: "gallium" });
  expect(chinaShareFor(rules, "tungsten", null)).toMatchObject({ share: 0.83, year: 2024, itemId: "tungsten" });
  // Gallium arsenide has no figure of its own in the bundled rules and contains gallium (0.99, 2025).
  const galliumFigure = rules.itemsById.get("gallium")!.chinaShare!.processing!;
  expect(chinaShareFor(rules, "gallium-arsenide", null)).toEqual({
    share: 0.99,
    year: 2025,
    itemId: "gallium",
    itemName: "Gallium",
    source: galliumFigure.source,
  });
});

test("every figure carries the source the rules give for it", () => {
  const tungsten = rules.itemsById.get("tungsten")!.chinaShare!.mining!;
  expect(tungsten.source).toMatch(/^https:\/\//);
  expect(chinaShareFor(rules, "tungsten", "mining")?.source).toBe(tungsten.source);
  expect(chinaShareFor(rules, "tungsten", null)?.source).toBe(tungsten.source);
});

test("a stage asks for the item's own figure for that stage, and null when the rules have none", () => {
  expect(chinaShareFor(rules, "tungsten", "mining")).toMatchObject({ share: 0.83, itemName: rules.itemsById.get("tungsten")!.name });
  expect(chinaShareFor(rules, "tungsten", "processing")).toBeNull();
  expect(chinaShareFor(rules, "gallium", "mining")).toBeNull();
});
