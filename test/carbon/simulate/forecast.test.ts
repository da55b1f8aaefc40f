import { describe, expect, it } from 'vitest';
import {
  historyForecastModel,
  maeAtLead,
  noisyForecast,
  perfectForecast,
  providerForecast,
} from '../../../src/carbon/simulate/forecast.js';
import { createRandom } from '../../../src/carbon/simulate/rng.js';
import { H, hourly, series, T0 } from './helpers.js';

const days = 60;
const values = Array.from(
  { length: days * 24 },
  (_, h) => 250 + 120 * Math.sin((2 * Math.PI * h) / 24) + (h % 7),
);
const actual = series(hourly(values));

describe('maeAtLead', () => {
  it('grows with √lead and averages the given MAE over 48 h', () => {
    expect(maeAtLead(24, 0)).toBeCloseTo(8, 9);
    expect(maeAtLead(24, 48 * H)).toBeCloseTo(32, 9);
    let sum = 0;
    const n = 4800;
    for (let i = 0; i < n; i++) sum += maeAtLead(24, ((i + 0.5) / n) * 48 * H);
    expect(sum / n).toBeCloseTo(24, 1);
  });
});

describe('noisyForecast', () => {
  it('has the modelled error size per lead time, no bias, and covers [issue, issue + horizon)', () => {
    const model = noisyForecast(actual, { meanAbsoluteError: 24, horizonMs: 48 * H }, createRandom(11));
    const absByLead = Array.from({ length: 48 }, () => ({ sum: 0, n: 0 }));
    let bias = 0;
    let n = 0;
    for (let step = 0; step < (days - 2) * 24; step++) {
      const t = T0 + step * H;
      const f = model.issue(t);
      expect(f).toHaveLength(48);
      expect(f[0]!.start).toBe(t);
      f.forEach((p, k) => {
        const err = p.value - values[step + k]!;
        absByLead[k]!.sum += Math.abs(err);
        absByLead[k]!.n++;
        bias += err;
        n++;
      });
    }
    const mae = (k: number) => absByLead[k]!.sum / absByLead[k]!.n;
    // Correlated errors make the sample noisier than its size suggests: 20% bands.
    expect(mae(0)).toBeGreaterThan(8 * 0.8);
    expect(mae(0)).toBeLessThan(8 * 1.2);
    expect(mae(47)).toBeGreaterThan(maeAtLead(24, 47 * H) * 0.8);
    expect(mae(47)).toBeLessThan(maeAtLead(24, 47 * H) * 1.2);
    const overall = absByLead.reduce((a, b) => a + b.sum, 0) / n;
    expect(overall).toBeGreaterThan(24 * 0.85);
    expect(overall).toBeLessThan(24 * 1.15);
    expect(Math.abs(bias / n)).toBeLessThan(3);
  });

  it('revises the previous forecast rather than redrawing it: consecutive issues agree closely', () => {
    const model = noisyForecast(actual, { meanAbsoluteError: 24, horizonMs: 24 * H }, createRandom(5));
    let sameTarget = 0;
    let n = 0;
    let prev = model.issue(T0);
    for (let step = 1; step < 500; step++) {
      const next = model.issue(T0 + step * H);
      // Target T0 + (step + 10) h: lead 11 h in `prev`, 10 h in `next`.
      const a = prev[11]!.value - values[step + 10]!;
      const b = next[10]!.value - values[step + 10]!;
      sameTarget += a * b;
      n++;
      prev = next;
    }
    const sigma = maeAtLead(24, 10.5 * H) * Math.sqrt(Math.PI / 2);
    expect(sameTarget / n / sigma ** 2).toBeGreaterThan(0.6);
  });

  it('is reproducible from its seed', () => {
    const a = noisyForecast(actual, { meanAbsoluteError: 24, horizonMs: 24 * H }, createRandom(1));
    const b = noisyForecast(actual, { meanAbsoluteError: 24, horizonMs: 24 * H }, createRandom(1));
    for (let s = 0; s < 30; s++) expect(b.issue(T0 + s * H)).toEqual(a.issue(T0 + s * H));
  });

  it('never forecasts below zero', () => {
    const low = series(hourly(Array(200).fill(2)));
    const model = noisyForecast(low, { meanAbsoluteError: 100, horizonMs: 24 * H }, createRandom(2));
    for (let s = 0; s < 100; s++)
      for (const p of model.issue(T0 + s * H)) expect(p.value).toBeGreaterThanOrEqual(0);
  });
});

describe('other forecast kinds', () => {
  it('perfect: the actual values over the horizon', () => {
    const f = perfectForecast(actual, 3 * H).issue(T0 + 5 * H);
    expect(f.map((p) => p.value)).toEqual(values.slice(5, 8));
  });

  it('provider: the published values, whatever the lead time', () => {
    const published = series(hourly(values.map((v) => v + 10)));
    const f = providerForecast(published, 2 * H).issue(T0 + H);
    expect(f.map((p) => p.value)).toEqual([values[1]! + 10, values[2]! + 10]);
  });

  it('history: sees only what had happened by the issue time', () => {
    const model = historyForecastModel(actual, 24 * H);
    const t = T0 + 20 * 24 * H;
    const f = model.issue(t);
    expect(f[0]!.start).toBe(t);
    expect(f.at(-1)!.end).toBe(t + 24 * H);
    // Changing the future does not change the forecast.
    const changed = series(hourly(values.map((v, i) => (i >= 20 * 24 ? v * 3 : v))));
    expect(historyForecastModel(changed, 24 * H).issue(t)).toEqual(f);
  });
});
