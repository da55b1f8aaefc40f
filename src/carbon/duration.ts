/**
 * Durations as the CarbonPolicy schema writes them (`DURATION_PATTERN` in src/api/v1alpha1/common.ts): Go
 * `time.ParseDuration` syntax restricted to ms, s, m and h, e.g. `30s`, `1.5h`, `4h30m`.
 * Hand-written rather than `ms`/`parse-duration` because those accept other grammars (`1 hour`, `2d`, bare
 * numbers) that the apiserver would reject: the CLI and the controller must accept exactly what the CRD accepts.
 */

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const WHOLE = /^(\d+(\.\d+)?(ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** Parses `4h30m` into milliseconds; throws an Error naming `what` and the bad value. */
export function parseDuration(text: string, what = 'duration'): number {
  const s = text.trim();
  if (!WHOLE.test(s)) {
    throw new Error(
      `${what}: "${text}" is not a duration; use e.g. 30s, 5m, 1.5h or 4h30m (units ms, s, m, h)`,
    );
  }
  let total = 0;
  for (const m of s.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return Math.round(total);
}

/** Formats milliseconds in the same grammar, largest units first: 16_200_000 → `4h30m`, 0 → `0s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`cannot format duration ${ms}`);
  let rest = Math.round(ms);
  let out = '';
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out === '' ? '0s' : out;
}
