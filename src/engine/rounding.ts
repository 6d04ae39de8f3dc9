/** Scores are shown, summed and compared at one decimal; every figure is rounded here, the same way. */
export function roundToTenth(x: number): number {
  return Math.round(x * 10) / 10;
}
