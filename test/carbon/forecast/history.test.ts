import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { historyForecast, persistenceForecast } from '../../../src/carbon/forecast/history.js';
import { parseTrace } from '../../../src/carbon/traces.js';
import type { IntensitySeries } from '../../../src/carbon/types.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

function hourly(values: number[], start = T0): IntensitySeries {
  return {
    points: values.map((value, i) => ({ start: start + i * H, end: start + (i + 1) * H, value })),
    unit: 'gCO2eq/kWh',
    kind: 'average',
    origin: 'actual',
    source: 'test',
  };
}

/** A clean daily cycle: 100 + 50·sin(2π·hour/24). */
const cycle = (i: number) => 100 + 50 * Math.sin((2 * Math.PI * (i % 24)) / 24);

describe('historyForecast', () => {
  it('returns undefined without any observation at or before now', () => {
    expect(historyForecast(hourly([1, 2]), T0 - 1, 6 * H)).toBeUndefined();
  });

  it('covers [now, now + horizon) on the history grid, starting with the observed interval', () => {
    const h = hourly(Array.from({ length: 48 }, (_, i) => cycle(i)));
    const now = T0 + 47 * H + 10 * 60_000;
    const f = historyForecast(h, now, 6 * H)!;
    expect(f.origin).toBe('history-forecast');
    expect(f.kind).toBe('average');
    expect(f.points[0]).toMatchObject({ start: T0 + 47 * H, value: cycle(47) });
    expect(f.points.at(-1)!.end).toBeGreaterThanOrEqual(now + 6 * H);
    for (let i = 1; i < f.points.length; i++) expect(f.points[i]!.start).toBe(f.points[i - 1]!.end);
  });

  it('reproduces a perfectly periodic week exactly (without shrinkage)', () => {
    const h = hourly(Array.from({ length: 8 * 24 }, (_, i) => cycle(i)));
    const now = T0 + (8 * 24 - 1) * H;
    const f = historyForecast(h, now, 24 * H, { shrinkDays: 0 })!;
    f.points.forEach((p, k) => {
      expect(p.value).toBeCloseTo(cycle(8 * 24 - 1 + k), 6);
    });
  });

  it('carries a level shift forward and lets it fade', () => {
    // Same daily cycle every day, but today everything is 40 higher (a calm, dirty day).
    const values = Array.from({ length: 8 * 24 }, (_, i) => cycle(i) + (i >= 7 * 24 ? 40 : 0));
    const f = historyForecast(hourly(values), T0 + (8 * 24 - 1) * H, 24 * H)!;
    const shift = (k: number) => f.points[k]!.value - cycle(8 * 24 - 1 + k);
    expect(shift(1)).toBeGreaterThan(30);
    expect(shift(23)).toBeLessThan(shift(1) - 10);
    expect(shift(23)).toBeGreaterThan(0);
  });

  it('trusts the shape less with fewer days of history', () => {
    const week = Array.from({ length: 8 * 24 }, (_, i) => cycle(i));
    const now = T0 + (8 * 24 - 1) * H;
    const swing = (f: IntensitySeries) =>
      Math.max(...f.points.map((p) => p.value)) - Math.min(...f.points.map((p) => p.value));
    const full = historyForecast(hourly(week), now, 24 * H)!;
    const oneDay = historyForecast(hourly(week.slice(-25), now - 24 * H), now, 24 * H)!;
    expect(swing(full)).toBeGreaterThan(90);
    expect(swing(oneDay)).toBeLessThan(swing(full));
    expect(swing(oneDay)).toBeGreaterThan(50);
  });

  it('falls back to persistence when no lag exists (less than a day of history)', () => {
    const f = historyForecast(hourly([10, 20, 30]), T0 + 2 * H, 5 * H)!;
    expect(f.points.map((p) => p.value)).toEqual([30, 30, 30, 30, 30]);
  });

  it('forecasts beyond 24 h from its own forecast and never goes negative', () => {
    const values = Array.from({ length: 2 * 24 }, (_, i) => (i % 24 < 12 ? 5 : 300) - (i >= 24 ? 4 : 0));
    const f = historyForecast(hourly(values), T0 + 47 * H, 48 * H)!;
    expect(f.points.length).toBeGreaterThanOrEqual(48);
    for (const p of f.points) expect(p.value).toBeGreaterThanOrEqual(0);
  });

  it('works on a 5-minute grid (WattTime) with the history step', () => {
    const step = 5 * 60_000;
    const n = 2 * 24 * 12;
    const h: IntensitySeries = {
      ...hourly([]),
      points: Array.from({ length: n }, (_, i) => ({
        start: T0 + i * step,
        end: T0 + (i + 1) * step,
        value: i,
      })),
    };
    const f = historyForecast(h, T0 + (n - 1) * step, H)!;
    expect(f.points[1]!.end - f.points[1]!.start).toBe(step);
    expect(f.points).toHaveLength(12);
  });
});

describe('persistenceForecast', () => {
  it('holds the last value flat', () => {
    const f = persistenceForecast(hourly([5, 7]), T0 + H + 1, 3 * H)!;
    expect(f.points.map((p) => [p.start, p.value])).toEqual([
      [T0 + H, 7],
      [T0 + 2 * H, 7],
      [T0 + 3 * H, 7],
      [T0 + 4 * H, 7],
    ]);
  });
});

describe('on real data (Electricity Maps GB and DE, 2024)', () => {
  // The real traces the repository ships (ODbL; data/carbon/README.md), gzipped.
  const data = join(import.meta.dirname, '../../../data/carbon/electricitymaps');

  it.each([
    ['GB', 'GB/GB_2024_hourly.csv.gz'],
    ['DE', 'DE-LU/DE-LU_2024_hourly.csv.gz'],
  ])('%s: beats persistence 24 h ahead over March–April', async (_zone, file) => {
    const series = parseTrace(gunzipSync(readFileSync(join(data, file))).toString('utf8')).actual;
    const pts = series.points;
    const from = pts.findIndex((p) => p.start === Date.UTC(2024, 2, 1));
    let model = 0;
    let persist = 0;
    for (let i = from; i < from + 61 * 24; i += 5) {
      const history = { ...series, points: pts.slice(i - 8 * 24, i + 1) };
      const now = pts[i]!.start;
      const f = historyForecast(history, now, 24 * H + 1)!;
      const p = persistenceForecast(history, now, 24 * H + 1)!;
      for (let k = 1; k <= 24; k++) {
        model += Math.abs(f.points[k]!.value - pts[i + k]!.value);
        persist += Math.abs(p.points[k]!.value - pts[i + k]!.value);
      }
    }
    expect(model).toBeLessThan(persist * 0.9);
  });
});
