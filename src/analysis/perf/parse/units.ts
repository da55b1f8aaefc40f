/** Power of ten of a second for each time unit the benchmark tools write (exact factors: 10 ** difference). */
const SECONDS: Record<string, number> = {
  ns: -9,
  us: -6,
  µs: -6,
  ms: -3,
  s: 0,
  nanoseconds: -9,
  microseconds: -6,
  milliseconds: -3,
  seconds: 0,
};

export function isTimeUnit(unit: string): boolean {
  return unit in SECONDS;
}

/**
 * Factor that turns values in `from` into values in `to`: 1 for equal units, a power of ten between time units
 * (a Google Benchmark may change its time_unit between runs), undefined when the units cannot be compared.
 */
export function convertUnit(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = SECONDS[from];
  const b = SECONDS[to];
  return a !== undefined && b !== undefined ? 10 ** (a - b) : undefined;
}
