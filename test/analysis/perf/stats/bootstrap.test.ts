import { describe, expect, it } from 'vitest';
import { bootstrapRelativeChange } from '../../../../src/analysis/perf/stats/bootstrap.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';
import { medianInPlace } from '../../../../src/analysis/perf/stats/robust.js';

/** The textbook percentile bootstrap: resample the values, take their medians (what bootstrap.ts computed before). */
function reference(baseline: number[], candidate: number[], resamples: number, seed: number) {
  const random = seededRandom(seed);
  const stats = new Float64Array(resamples);
  const a = new Float64Array(baseline.length);
  const b = new Float64Array(candidate.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < a.length; i++) a[i] = baseline[Math.floor(random() * a.length)]!;
    for (let i = 0; i < b.length; i++) b[i] = candidate[Math.floor(random() * b.length)]!;
    stats[r] = medianInPlace(b) / medianInPlace(a) - 1;
  }
  stats.sort();
  return { low: stats[Math.floor(0.025 * resamples)]!, high: stats[Math.ceil(0.975 * resamples) - 1]! };
}

function timings(n: number, seed: number, resolution: number): number[] {
  const random = seededRandom(seed);
  return Array.from(
    { length: n },
    () => Math.round((100 + 8 * -Math.log(1 - random())) / resolution) * resolution,
  );
}

describe('bootstrap interval of the relative change of the median', () => {
  it.each([
    { n1: 1, n2: 1, resolution: 1e-9 },
    { n1: 2, n2: 3, resolution: 1e-9 },
    { n1: 10, n2: 10, resolution: 1 },
    { n1: 31, n2: 48, resolution: 1e-6 },
    { n1: 500, n2: 499, resolution: 0.25 },
  ])(
    'equals the resample-and-select reference draw for draw ($n1 / $n2 rounds)',
    ({ n1, n2, resolution }) => {
      const baseline = timings(n1, n1, resolution);
      const candidate = timings(n2, 7 * n2, resolution).map((v) => v * 1.05);
      const got = bootstrapRelativeChange(baseline, candidate, { resamples: 400, seed: 3 });
      const want = reference(baseline, candidate, 400, 3);
      expect(got.low).toBe(want.low);
      expect(got.high).toBe(want.high);
      expect(got.low).toBeLessThanOrEqual(got.estimate);
      expect(got.high).toBeGreaterThanOrEqual(got.estimate);
    },
  );
});
