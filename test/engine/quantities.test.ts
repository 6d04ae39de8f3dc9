import { judgeThreshold, readQuantities } from "../../src/engine/quantities";

const read = (text: string) => readQuantities(text).map(({ quantity, low, high }) => ({ quantity, low, high }));

describe("numbers a commodity line states", () => {
  test.each([
    ["Mo powder 3-5 µm", { quantity: "particle_size", low: 3, high: 5 }],
    ["Mo powder 3 to 5 um", { quantity: "particle_size", low: 3, high: 5 }],
    ["diamond micropowder ≤45µm", { quantity: "particle_size", low: 0, high: 45 }],
    ["W powder max. 2 microns", { quantity: "particle_size", low: 0, high: 2 }],
    ["nano Mo 80 nm", { quantity: "particle_size", low: 0.08, high: 0.08 }],
    ["cell 320 Wh/kg", { quantity: "energy_density", low: 320, high: 320 }],
    ["LFP 2,6 g/cc", { quantity: "density", low: 2.6, high: 2.6 }],
    ["LFP 158 mAh/g", { quantity: "specific_capacity", low: 158, high: 158 }],
    ["Sb2O3 99.8%", { quantity: "purity", low: 99.8, high: 99.8 }],
    ["Sb2O3 >= 99.99 %", { quantity: "purity", low: 99.99, high: 100 }],
  ])("%s", (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test("sieve sizes: -325 mesh passes about 46 µm, +100 mesh is retained on 149 µm", () => {
    expect(read("Mo powder -325 mesh")).toEqual([{ quantity: "particle_size", low: 0, high: 46 }]);
    expect(read("grit +100 mesh")).toEqual([{ quantity: "particle_size", low: 149, high: Number.POSITIVE_INFINITY }]);
  });

  test("nines: 4N is 99.99 %, 5N5 is 99.9995 %", () => {
    const [four] = read("Ge ingot 4N");
    expect(four.quantity).toBe("purity");
    expect(four.low).toBeCloseTo(99.99, 10);
    const [fiveFive] = read("Ga 5N5");
    expect(fiveFive.low).toBeCloseTo(99.9995, 10);
  });

  test("small percentages are contents, not purities; part numbers are not sizes", () => {
    expect(read("NdFeB with 3% Dy")).toEqual([]);
    expect(read("cable AWG 24, part 4N-220")).toEqual([]);
  });
});

describe("a stated interval against a threshold", () => {
  const max50 = { quantity: "particle_size" as const, max: 50, inclusive: true };
  const readings = (text: string) => readQuantities(text);
  test.each([
    ["3-5 µm", "inside"],
    ["≤ 50 µm", "inside"],
    ["50 µm", "inside"],
    ["45-150 µm", "unknown"],
    ["≤ 100 µm", "unknown"],
    ["150 µm", "outside"],
    ["60-80 µm", "outside"],
    ["powder", "unknown"],
  ])("%s → %s", (text, outcome) => {
    expect(judgeThreshold(max50, readings(text)).outcome).toBe(outcome);
  });

  test("an exclusive bound leaves the bound itself outside", () => {
    expect(judgeThreshold({ quantity: "energy_density", min: 300, inclusive: false }, readings("300 Wh/kg")).outcome).toBe("outside");
  });
});
