import { describe, expect, it } from 'vitest';
import { describeJobEnergy, jobEnergy } from '../../../src/analysis/energy/job.js';
import { DEFAULT_POWER_MODEL } from '../../../src/analysis/energy/resources.js';

const GPU_POOL = { limits: { 'nvidia.com/gpu': 1, memory: '16Gi' }, requests: { cpu: '4', memory: '16Gi' } };

describe('jobEnergy', () => {
  it('estimates from the pool resources × run time when nothing was measured: 1 GPU, 4 cores, 16 GiB for 30 min', () => {
    // 300 W + 4 × 4 W + 16 × 0.392 W = 322.272 W; × 1800 s = 580,089.6 J = 161.136 Wh.
    const e = jobEnergy({
      runSeconds: 1800,
      resources: GPU_POOL,
      intensity: { gPerKWh: 200, source: 'CarbonPolicy green' },
    });
    expect(e.method).toBe('estimate');
    expect(e.joules).toBeCloseTo(580_089.6, 3);
    expect(e.wattHours).toBeCloseTo(161.136, 6);
    expect(e.grams).toBeCloseTo(32.2272, 6);
    expect(e.basis).toBe("estimated from the pool's resources (1 GPU, 4 cores, 16 GiB at 322.3 W)");
  });

  it('uses Kepler’s joules when measured, and charges them at the intensity', () => {
    const e = jobEnergy({
      runSeconds: 1800,
      resources: GPU_POOL,
      measuredJoules: 360_000,
      intensity: { gPerKWh: 100, source: 'x' },
    });
    expect([e.method, e.wattHours, e.grams]).toEqual(['kepler', 100, 10]);
  });

  it('falls back to the estimate and says why when Kepler had nothing, and gives no grams without an intensity', () => {
    const e = jobEnergy({ runSeconds: 60, measurementMissing: 'Kepler has no samples for this Pod (yet)' });
    // A pool that requests nothing: 2 cores and 7 GiB (a GitHub-hosted standard runner), 10.744 W.
    expect(e.method).toBe('estimate');
    expect(e.joules).toBeCloseTo(60 * (2 * 4 + 7 * 0.392), 6);
    expect(e.grams).toBeUndefined();
    expect(e.basis).toMatch(/; Kepler: Kepler has no samples/);
    expect(describeJobEnergy(e)).toMatch(/Wh, estimated .*; no gCO2e: the pool has no CarbonPolicy/);
  });

  it('includes the PUE in the estimate', () => {
    const e = jobEnergy({
      runSeconds: 3600,
      resources: GPU_POOL,
      power: { ...DEFAULT_POWER_MODEL, pue: 1.5 },
    });
    expect(e.wattHours).toBeCloseTo(322.272 * 1.5, 6);
    expect(e.basis).toContain('PUE 1.5');
  });

  it('describes the figure in Wh and grams CO2e with the intensity and its source', () => {
    const intensity = { gPerKWh: 212.4, source: 'CarbonPolicy ci/green at 2026-12-02T12:00:00Z' };
    const e = jobEnergy({ runSeconds: 1800, resources: GPU_POOL, intensity });
    expect(describeJobEnergy(e, intensity)).toBe(
      "161.14 Wh, estimated from the pool's resources (1 GPU, 4 cores, 16 GiB at 322.3 W); 34.23 gCO2e at 212 gCO2eq/kWh (CarbonPolicy ci/green at 2026-12-02T12:00:00Z)",
    );
  });
});
