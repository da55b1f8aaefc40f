import { describe, expect, it } from 'vitest';
import type { IntensityPoint } from '../../src/carbon/types.js';
import {
  bestWindow,
  coveredUntil,
  earliestWindow,
  indexIntensity,
  meanIntensity,
  valueAt,
} from '../../src/carbon/window.js';

const T0 = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const M = 60_000;

/** Hourly points from T0 (NaN entries stay in: they must act as gaps). */
function hourly(values: number[], start = T0, step = H): IntensityPoint[] {
  return values.map((value, i) => ({ start: start + i * step, end: start + (i + 1) * step, value }));
}

describe('meanIntensity', () => {
  const pts = hourly([100, 200, 300]);
  it.each([
    ['one whole point', T0, T0 + H, 100],
    ['two whole points', T0, T0 + 2 * H, 150],
    ['all three', T0, T0 + 3 * H, 200],
    ['half of two points, time-weighted', T0 + H / 2, T0 + (3 * H) / 2, 150],
    ['a quarter into the first, to the end of the second', T0 + H / 4, T0 + 2 * H, (100 * 0.75 + 200) / 1.75],
    ['zero-length window: the value there', T0 + H + 1, T0 + H + 1, 200],
  ])('%s', (_name, from, to, expected) => {
    expect(meanIntensity(pts, from, to)).toBeCloseTo(expected, 9);
  });

  it.each([
    ['before the series', T0 - H, T0 + H],
    ['past the end', T0 + 2 * H, T0 + 4 * H],
    ['reversed window', T0 + H, T0],
    ['NaN bounds', Number.NaN, T0 + H],
  ])('undefined when not fully covered: %s', (_name, from, to) => {
    expect(meanIntensity(pts, from, to)).toBeUndefined();
  });

  it('weights uneven intervals by their length', () => {
    const uneven: IntensityPoint[] = [
      { start: T0, end: T0 + 30 * M, value: 100 },
      { start: T0 + 30 * M, end: T0 + 2 * H, value: 400 },
    ];
    expect(meanIntensity(uneven, T0, T0 + 2 * H)).toBeCloseTo((100 * 0.5 + 400 * 1.5) / 2, 9);
  });

  it('treats a gap between points and a NaN value as not covered', () => {
    const gap: IntensityPoint[] = [
      { start: T0, end: T0 + H, value: 100 },
      { start: T0 + 2 * H, end: T0 + 3 * H, value: 100 },
    ];
    expect(meanIntensity(gap, T0, T0 + 3 * H)).toBeUndefined();
    expect(meanIntensity(gap, T0 + 2 * H, T0 + 3 * H)).toBe(100);
    const nan = hourly([100, Number.NaN, 100]);
    expect(meanIntensity(nan, T0, T0 + 3 * H)).toBeUndefined();
    expect(meanIntensity(nan, T0, T0 + H)).toBe(100);
    expect(valueAt(nan, T0 + H + 5)).toBeUndefined();
  });

  it('accepts unsorted points and clips overlaps (the earlier point wins)', () => {
    const messy: IntensityPoint[] = [
      { start: T0 + H, end: T0 + 2 * H, value: 300 },
      { start: T0, end: T0 + H + H / 2, value: 100 },
    ];
    expect(valueAt(messy, T0 + H + 1)).toBe(100);
    expect(valueAt(messy, T0 + H + H / 2)).toBe(300);
    expect(meanIntensity(messy, T0, T0 + 2 * H)).toBeCloseTo((100 * 1.5 + 300 * 0.5) / 2, 9);
  });

  it('accepts a series object and caches its index by identity', () => {
    const series = {
      points: pts,
      unit: 'gCO2eq/kWh' as const,
      kind: 'average' as const,
      origin: 'actual' as const,
      source: 'test',
    };
    expect(meanIntensity(series, T0, T0 + H)).toBe(100);
    expect(indexIntensity(series)).toBe(indexIntensity(pts));
  });
});

describe('coveredUntil', () => {
  it('follows contiguous points and stops at a gap', () => {
    const pts: IntensityPoint[] = [...hourly([1, 2]), { start: T0 + 3 * H, end: T0 + 4 * H, value: 3 }];
    expect(coveredUntil(pts, T0 + 10)).toBe(T0 + 2 * H);
    expect(coveredUntil(pts, T0 + 2 * H + 1)).toBe(T0 + 2 * H + 1);
    expect(coveredUntil(pts, T0 + 3 * H)).toBe(T0 + 4 * H);
  });
});

describe('bestWindow', () => {
  // from, to (end of the allowed period), duration → expected start, mean (undefined: no window)
  const cases: Array<{
    name: string;
    values: number[];
    from: number;
    to: number;
    duration: number;
    start?: number;
    mean?: number;
  }> = [
    {
      name: 'the single cleanest hour',
      values: [300, 100, 200],
      from: T0,
      to: T0 + 3 * H,
      duration: H,
      start: T0 + H,
      mean: 100,
    },
    {
      name: 'a two-hour run: the cleanest pair',
      values: [300, 100, 50, 400],
      from: T0,
      to: T0 + 4 * H,
      duration: 2 * H,
      start: T0 + H,
      mean: 75,
    },
    {
      name: 'an unaligned duration: the run can start mid-hour to cover a clean hour and a half',
      values: [400, 400, 100, 10, 400],
      from: T0,
      to: T0 + 5 * H,
      duration: 1.5 * H,
      start: T0 + 2.5 * H,
      mean: (100 * 0.5 + 10) / 1.5,
    },
    {
      name: 'ties go to the earliest',
      values: [200, 100, 300, 100],
      from: T0,
      to: T0 + 4 * H,
      duration: H,
      start: T0 + H,
      mean: 100,
    },
    {
      name: 'a flat series: the first start',
      values: [150, 150, 150],
      from: T0 + 10 * M,
      to: T0 + 3 * H,
      duration: H,
      start: T0 + 10 * M,
      mean: 150,
    },
    {
      name: 'the allowed period ends before the clean hour',
      values: [300, 200, 10],
      from: T0,
      to: T0 + 2 * H,
      duration: H,
      start: T0 + H,
      mean: 200,
    },
    {
      name: 'from mid-hour: the partial hour counts',
      values: [100, 300, 300],
      from: T0 + 30 * M,
      to: T0 + 3 * H,
      duration: H,
      start: T0 + 30 * M,
      mean: 200,
    },
    {
      name: 'duration longer than the allowed period',
      values: [100, 100, 100],
      from: T0,
      to: T0 + H,
      duration: 2 * H,
    },
    { name: 'empty forecast', values: [], from: T0, to: T0 + 3 * H, duration: H },
    {
      name: 'runs beyond the forecast are never planned',
      values: [300, 300],
      from: T0,
      to: T0 + 10 * H,
      duration: H,
      start: T0,
      mean: 300,
    },
    { name: 'forecast shorter than one run', values: [100], from: T0, to: T0 + 5 * H, duration: 2 * H },
    {
      name: 'forecast starting in the future',
      values: [100, 50],
      from: T0 - 2 * H,
      to: T0 + 2 * H,
      duration: H,
      start: T0 + H,
      mean: 50,
    },
    {
      name: 'NaN hours are skipped, not read as zero',
      values: [300, Number.NaN, 200],
      from: T0,
      to: T0 + 3 * H,
      duration: H,
      start: T0 + 2 * H,
      mean: 200,
    },
    {
      name: 'a run spanning a NaN hour is not a candidate',
      values: [300, Number.NaN, 10, 500],
      from: T0,
      to: T0 + 4 * H,
      duration: 2 * H,
      start: T0 + 2 * H,
      mean: 255,
    },
    {
      name: 'zero duration: the cleanest instant',
      values: [300, 100, 200],
      from: T0,
      to: T0 + 3 * H,
      duration: 0,
      start: T0 + H,
      mean: 100,
    },
  ];
  it.each(cases)('$name', ({ values, from, to, duration, start, mean }) => {
    const w = bestWindow(hourly(values), from, to, duration);
    if (start === undefined) {
      expect(w).toBeUndefined();
      return;
    }
    expect(w?.start).toBe(start);
    expect(w?.end).toBe(start + duration);
    expect(w?.meanIntensity).toBeCloseTo(mean!, 9);
  });

  it('matches a brute-force search on minute starts over random uneven series', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 40; trial++) {
      const pts: IntensityPoint[] = [];
      let t = T0;
      for (let i = 0; i < 12; i++) {
        const len = (5 + Math.floor(rand() * 90)) * M;
        pts.push({ start: t, end: t + len, value: Math.round(rand() * 500) });
        t += len;
      }
      const duration = (10 + Math.floor(rand() * 120)) * M;
      const from = T0 + Math.floor(rand() * 60) * M;
      const to = t - Math.floor(rand() * 60) * M;
      const w = bestWindow(pts, from, to, duration);
      let bruteMean = Number.POSITIVE_INFINITY;
      for (let s = from; s + duration <= to; s += M) {
        bruteMean = Math.min(bruteMean, meanIntensity(pts, s, s + duration) ?? Number.POSITIVE_INFINITY);
      }
      // The exact search can only do better than minute sampling, and the best minute lies on a breakpoint here
      // (all boundaries are whole minutes), so the two agree.
      expect(w?.meanIntensity).toBeCloseTo(bruteMean, 6);
    }
  });

  it('a wait penalty makes later windows pay for their lead time', () => {
    const pts = hourly([200, 190, 180, 100]);
    expect(bestWindow(pts, T0, T0 + 4 * H, H)?.start).toBe(T0 + 3 * H);
    // Scores with 40 g/kWh per hour: 200, 230, 260, 220 → now wins; with 20: 200, 210, 220, 160 → the last hour.
    expect(bestWindow(pts, T0, T0 + 4 * H, H, { waitPenaltyPerHour: 40 })?.start).toBe(T0);
    expect(bestWindow(pts, T0, T0 + 4 * H, H, { waitPenaltyPerHour: 20 })?.start).toBe(T0 + 3 * H);
  });
});

describe('earliestWindow', () => {
  it('is the first fully forecast run', () => {
    const pts = hourly([100, 50], T0 + 2 * H);
    expect(earliestWindow(pts, T0, T0 + 4 * H, H)).toEqual({
      start: T0 + 2 * H,
      end: T0 + 3 * H,
      meanIntensity: 100,
    });
    expect(earliestWindow(pts, T0, T0 + 2.5 * H, H)).toBeUndefined();
  });
});
