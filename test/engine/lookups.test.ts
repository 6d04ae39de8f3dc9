import { chinaShareFor, firstInForceDate } from "../../src/engine";
import { bundledRules } from "./support-bundled";

const rules = bundledRules();

test("the first in-force day comes from the control's timeline, and is null for a measure never in force", () => {
  expect(firstInForceDate(rules, "CN-2025-REE-7")).toBe("2025-04-04");
  expect(firstInForceDate(rules, "CN-2025-TECH-CATHODE")).toBe("2025-07-15");
  // Never in effect: announced, then suspended; the in-force entry after the suspension is unconfirmed, not a date it took effect.
  expect(firstInForceDate(rules, "CN-2025-REE-5")).toBeNull();
  expect(firstInForceDate(rules, "CN-2024-US-DUALUSE-2")).toBe("2024-12-03");
  expect(firstInForceDate(rules, "NOT-A-CONTROL")).toBeNull();
});

test("China's share with no stage is the figure scoring uses: the item's own, else its most China-dominated component's", () => {
  expect(chinaShareFor(rules, "gallium", null)).toMatchObject({ share: 0.989, year: 2024, itemId: "gallium" });
  expect(chinaShareFor(rules, "tungsten", null)).toMatchObject({ share: 0.817, year: 2024, itemId: "tungsten" });
  // Gallium arsenide has no figure of its own in the bundled rules and contains gallium (0.989, 2024, USGS MCS 2026).
  expect(chinaShareFor(rules, "gallium-arsenide", null)).toEqual({
    share: 0.989,
    year: 2024,
    itemId: "gallium",
    itemName: "Gallium",
    source: "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-gallium.pdf",
  });
});

test("every figure carries the source the rules give for it", () => {
  const tungstenSource = "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-tungsten.pdf";
  expect(chinaShareFor(rules, "tungsten", "mining")?.source).toBe(tungstenSource);
  expect(chinaShareFor(rules, "tungsten", null)?.source).toBe(tungstenSource);
});

test("a stage asks for the item's own figure for that stage, and null when the rules have none", () => {
  expect(chinaShareFor(rules, "tungsten", "mining")).toMatchObject({ share: 0.817, itemName: rules.itemsById.get("tungsten")!.name });
  expect(chinaShareFor(rules, "tungsten", "processing")).toBeNull();
  expect(chinaShareFor(rules, "gallium", "mining")).toBeNull();
});
