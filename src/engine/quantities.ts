/**
 * Numbers a commodity line states about the goods, in the canonical units of the rules' thresholds:
 * "Mo powder 3–5 µm", "≤ 45 µm", "-325 mesh", "Sb2O3 99.8%", "Ge 5N", "cell 320 Wh/kg", "2.6 g/cc".
 * Each reading is the interval of values the text says the property takes, so a threshold can tell
 * "inside", "outside" or "cannot say" (a range that straddles the bound).
 */
import type { Threshold } from "../rules/schema";
import type { Quantity } from "../rules/vocabulary";

export interface QuantityReading {
  quantity: Quantity;
  /** Smallest and largest value the text allows, in the quantity's canonical unit. */
  low: number;
  high: number;
  /** The words it was read from, for the explanation. */
  text: string;
}

/** Unit spelling (after lower-casing) → quantity and factor to the canonical unit. */
const UNITS: Readonly<Record<string, { quantity: Quantity; factor: number }>> = {
  "µm": { quantity: "particle_size", factor: 1 },
  "μm": { quantity: "particle_size", factor: 1 },
  um: { quantity: "particle_size", factor: 1 },
  micron: { quantity: "particle_size", factor: 1 },
  microns: { quantity: "particle_size", factor: 1 },
  nm: { quantity: "particle_size", factor: 0.001 },
  "wh/kg": { quantity: "energy_density", factor: 1 },
  "g/cm3": { quantity: "density", factor: 1 },
  "g/cm³": { quantity: "density", factor: 1 },
  "g/cc": { quantity: "density", factor: 1 },
  "mah/g": { quantity: "specific_capacity", factor: 1 },
  mpa: { quantity: "flexural_strength", factor: 1 },
  gpa: { quantity: "pressure", factor: 1 },
  "m3": { quantity: "volume", factor: 1 },
  "m³": { quantity: "volume", factor: 1 },
};

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(µm|μm|um|microns?|nm|wh\/kg|g\/cm3|g\/cm³|g\/cc|mah\/g|mpa|gpa|m3|m³)(?![a-z])`;
/** "≤ 45 µm", "<45um", "max. 45 µm", "3-5 µm", "3 to 5 µm", "45 µm". Bounded repetitions only: no catastrophic backtracking. */
const MEASURE = new RegExp(
  String.raw`(≤|<=|<|≥|>=|>|max\.?|min\.?|up to|below|under|over|above)?\s{0,3}${NUMBER}(?:\s{0,3}(?:-|–|to)\s{0,3}${NUMBER})?\s{0,3}${UNIT}`,
  "giu",
);
/** "-325 mesh", "325 mesh": the sieve opening in µm is about 14,900 / mesh (ISO 565 / ASTM E11 table). */
const MESH = /([+-])?\s{0,2}(\d{2,4})\s{0,2}mesh\b/giu;
/** "99.995%", "99,99 %": a purity when 90% or more (smaller percentages are contents, not purities). */
const PERCENT = /(≥|>=|>|min\.?)?\s{0,3}(\d{2,3}(?:[.,]\d+)?)\s{0,2}%/giu;
/** "4N", "5N5", "6N": as many nines (and a trailing digit): 5N5 = 99.9995%. */
const NINES = /(?<![a-z0-9-])([2-9])n([1-9])?(?![a-z0-9-])/giu;

const LONGEST_TEXT = 500;
const ANY_DIGIT = /[0-9]/;

function toNumber(text: string): number {
  return Number(text.replace(",", "."));
}

function interval(comparator: string | undefined, first: number, second: number | undefined): { low: number; high: number } {
  if (second !== undefined) return { low: Math.min(first, second), high: Math.max(first, second) };
  const c = (comparator ?? "").toLowerCase().replace(".", "");
  if (["≤", "<=", "<", "max", "up to", "below", "under"].includes(c)) return { low: 0, high: first };
  if (["≥", ">=", ">", "min", "over", "above"].includes(c)) return { low: first, high: Number.POSITIVE_INFINITY };
  return { low: first, high: first };
}

function purityFromNines(nines: number, extra: number | undefined): number {
  const base = 100 - 100 * 10 ** -nines;
  return extra === undefined ? base : base + extra * 100 * 10 ** -(nines + 1);
}

/** What the line says about measurable properties; empty when it states none. */
export function readQuantities(text: string): QuantityReading[] {
  const line = text.length > LONGEST_TEXT ? text.slice(0, LONGEST_TEXT) : text;
  const readings: QuantityReading[] = [];
  // Every reading below starts from a digit: a line without one states nothing (most lines, read at once).
  if (!ANY_DIGIT.test(line)) return readings;
  for (const m of line.matchAll(MEASURE)) {
    const unit = UNITS[m[4].toLowerCase()];
    if (!unit) continue;
    const { low, high } = interval(m[1], toNumber(m[2]), m[3] === undefined ? undefined : toNumber(m[3]));
    readings.push({ quantity: unit.quantity, low: low * unit.factor, high: high * unit.factor, text: m[0].trim() });
  }
  for (const m of line.matchAll(MESH)) {
    const opening = Math.round(14_900 / Number(m[2]));
    // "-325 mesh" passes the sieve: everything finer than the opening; "+325" is retained: coarser.
    const reading = m[1] === "-" ? { low: 0, high: opening } : m[1] === "+" ? { low: opening, high: Number.POSITIVE_INFINITY } : { low: opening, high: opening };
    readings.push({ quantity: "particle_size", ...reading, text: m[0].trim() });
  }
  for (const m of line.matchAll(PERCENT)) {
    const value = toNumber(m[2]);
    if (value < 90 || value > 100) continue;
    const { low, high } = interval(m[1], value, undefined);
    readings.push({ quantity: "purity", low, high: Math.min(high, 100), text: m[0].trim() });
  }
  for (const m of line.matchAll(NINES)) {
    const value = purityFromNines(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]));
    readings.push({ quantity: "purity", low: value, high: value, text: m[0].trim() });
  }
  return readings;
}

export type ThresholdOutcome = "inside" | "outside" | "unknown";

function satisfies(value: number, threshold: Threshold): boolean {
  const aboveMin = threshold.min === undefined || (threshold.inclusive ? value >= threshold.min : value > threshold.min);
  const belowMax = threshold.max === undefined || (threshold.inclusive ? value <= threshold.max : value < threshold.max);
  return aboveMin && belowMax;
}

/**
 * Whether what the row states about one quantity puts it inside a threshold: every value the text allows
 * satisfies it (inside), none does (outside), or some do (unknown); unknown too when the text is silent.
 */
export function judgeThreshold(threshold: Threshold, readings: readonly QuantityReading[]): { outcome: ThresholdOutcome; reading: QuantityReading | null } {
  const reading = readings.find((r) => r.quantity === threshold.quantity) ?? null;
  if (reading === null) return { outcome: "unknown", reading: null };
  const lowOk = satisfies(reading.low, threshold);
  const highOk = Number.isFinite(reading.high) ? satisfies(reading.high, threshold) : threshold.max === undefined;
  if (lowOk && highOk) return { outcome: "inside", reading };
  // An interval entirely beyond one bound is outside; one that straddles a bound cannot be judged.
  const entirelyBelow = threshold.min !== undefined && reading.high < threshold.min;
  const entirelyAbove = threshold.max !== undefined && reading.low > threshold.max;
  if (entirelyBelow || entirelyAbove || (!lowOk && !highOk && reading.low === reading.high)) return { outcome: "outside", reading };
  return { outcome: "unknown", reading };
}
