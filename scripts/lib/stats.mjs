// @ts-check
/**
 * Median and range of repeated measurements, as every figure of `npm run bench` is reported
 * (scripts/bench.mjs, tests/bench/boot.bench.ts).
 */

/**
 * @param {number[]} values one measurement per run, in run order
 * @returns {{ median: number, min: number, max: number, runs: number[] }}
 */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, runs: values };
}
