/** Scores are shown, summed and compared at one decimal; every figure is rounded here, the same way. */
export function roundToTenth(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Similarities, shares and effects (products of weights) are shown at three decimals: all a reader can use. */
export function roundToThousandth(x: number): number {
  return Math.round(x * 1000) / 1000;
}
