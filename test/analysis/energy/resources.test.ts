import { describe, expect, it } from 'vitest';
import {
  avoidedGrams,
  DEFAULT_POWER_MODEL,
  quantity,
  runnerShape,
  runnerWatts,
} from '../../../src/analysis/energy/index.js';

describe('quantity', () => {
  it.each([
    ['2', 2],
    ['500m', 0.5],
    ['1.5', 1.5],
    ['16Gi', 16 * 2 ** 30],
    ['512Mi', 2 ** 29],
    ['1.5G', 1.5e9],
    ['1k', 1000],
    ['1e3', 1000],
    ['2E', 2e18],
    [' 4 ', 4],
    [3, 3],
    ['', undefined],
    ['lots', undefined],
    ['4GB', undefined],
    [Number.NaN, undefined],
    [undefined, undefined],
  ] as [string | number | undefined, number | undefined][])('%j → %s', (input, expected) => {
    expect(quantity(input)).toBe(expected);
  });
});

describe('runner power', () => {
  it('counts GPUs from any device plugin, limits before requests', () => {
    expect(
      runnerShape({
        requests: { cpu: '2', memory: '8Gi' },
        limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': 2, 'amd.com/gpu': '1' },
      }),
    ).toEqual({ gpus: 3, cpuCores: 4, memoryGiB: 16 });
  });

  it('falls back to a standard hosted runner when nothing is set', () => {
    expect(runnerShape(undefined)).toEqual({ gpus: 0, cpuCores: 2, memoryGiB: 7 });
    expect(runnerWatts(undefined)).toBeCloseTo(2 * 4 + 7 * 0.392, 6);
  });

  it('applies the coefficients and the PUE', () => {
    const resources = { limits: { 'nvidia.com/gpu': 1, cpu: '8', memory: '32Gi' } };
    expect(runnerWatts(resources)).toBeCloseTo(300 + 32 + 32 * 0.392, 6);
    expect(runnerWatts(resources, { ...DEFAULT_POWER_MODEL, pue: 1.5, wattsPerGpu: 700 })).toBeCloseTo(
      (700 + 32 + 32 * 0.392) * 1.5,
      6,
    );
  });

  it('avoided grams = kW × h × intensity difference, negative when the window was dirtier', () => {
    // 400 W for 30 min is 0.2 kWh; 300 → 100 g/kWh saves 40 g.
    expect(avoidedGrams(400, 30 * 60_000, 300, 100)).toBeCloseTo(40, 9);
    expect(avoidedGrams(400, 30 * 60_000, 100, 300)).toBeCloseTo(-40, 9);
    expect(avoidedGrams(400, 0, 300, 100)).toBe(0);
  });
});
