import { ownedText } from "../../src/engine/owned-text";

/**
 * What ownedText is for — a memo key that no longer keeps the file chunk it was cut from alive — is a property
 * of V8's heap, not of the value, and was measured with heap snapshots of a million-row run (docs/benchmarks.md:
 * 918 → 280 MB with the other fixes). These tests only pin that the copy is the same text and keys the same.
 */
describe("ownedText", () => {
  it("gives back the same text, short or long, for memo keys", () => {
    const chunk = `Supplier 1,gallium ingot 6N,CN\nSupplier 2,${"x".repeat(40)},DE\n`;
    const cell = chunk.slice(11, 27);
    expect(cell).toBe("gallium ingot 6N");
    expect(ownedText(cell)).toBe("gallium ingot 6N");
    expect(ownedText("Ga")).toBe("Ga");
    expect(ownedText("")).toBe("");
    const long = chunk.slice(42, 82);
    expect(ownedText(long)).toBe("x".repeat(40));
    expect(ownedText("镓锭 99.9999%，来自中国")).toBe("镓锭 99.9999%，来自中国");
  });

  it("keys a memo the same way as the cell it was copied from", () => {
    const memo = new Map<string, number>();
    const cell = "rare earth permanent magnet, sintered".slice(0, 28);
    memo.set(ownedText(cell), 1);
    expect(memo.get(cell)).toBe(1);
  });
});
