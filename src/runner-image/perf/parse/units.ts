/** Seconds per unit for the time units the benchmark tools write. */
const SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  nanoseconds: 1e-9,
  microseconds: 1e-6,
  milliseconds: 1e-3,
  seconds: 1,
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
  return a !== undefined && b !== undefined ? a / b : undefined;
}
