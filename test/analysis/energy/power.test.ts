import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cpuPowerModel,
  cpuWatts,
  gramsCo2e,
  idleShare,
  interpolate,
  MEMORY_WATTS_PER_GIB,
  POWER_TABLE,
  systemCurve,
} from '../../../src/analysis/energy/index.js';

const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/energy/reference-cases.json', import.meta.url), 'utf8'),
) as {
  cpu: {
    cpuModel: string;
    threads: number;
    utilisation: number;
    seconds: number;
    share: number;
    method: string;
    joules: number;
  }[];
  memory: { gib: number; seconds: number; joules: number }[];
  grams: { joules: number; intensity: number; grams: number }[];
};

describe('the power model against the shared reference cases (also asserted by the pytest plugin)', () => {
  it.each(reference.cpu)('$cpuModel, $threads threads at $utilisation → $joules J ($method)', (c) => {
    const model = cpuPowerModel(c.cpuModel);
    expect(model.method).toBe(c.method);
    expect(cpuWatts(model, c.threads, c.utilisation) * c.seconds * c.share).toBeCloseTo(c.joules, 6);
  });
  it.each(reference.memory)('$gib GiB for $seconds s → $joules J', (m) => {
    expect(MEMORY_WATTS_PER_GIB * m.gib * m.seconds).toBeCloseTo(m.joules, 9);
  });
  it.each(reference.grams)('$joules J at $intensity gCO2e/kWh → $grams g', (g) => {
    expect(gramsCo2e(g.joules, g.intensity)).toBeCloseTo(g.grams, 9);
  });
});

describe('cpuPowerModel', () => {
  it('every system row is cited, has 11 increasing points and a thread count', () => {
    for (const s of POWER_TABLE.systems) {
      expect(s.source).toMatch(/spec\.org|SPECpower_ssj2008/);
      const curve = systemCurve(s);
      expect(curve).toHaveLength(11);
      for (let i = 1; i < 11; i++) expect(curve[i]!).toBeGreaterThan(curve[i - 1]!);
      expect(s.threads).toBeGreaterThan(0);
    }
    for (const c of POWER_TABLE.cpus) expect(c.source).toMatch(/^https:\/\/(ark\.intel|www\.amd)\.com\//);
  });
  it('says which method and source it used', () => {
    const spec = cpuPowerModel('Intel(R) Xeon(R) CPU X5670 @ 2.93GHz');
    expect(spec).toMatchObject({ method: 'specpower', includesPlatform: true });
    expect(spec.source).toContain('power_ssj2008-20100315-00239');
    const tdp = cpuPowerModel('AMD EPYC 7763 64-Core Processor');
    expect(tdp).toMatchObject({ method: 'tdp', includesPlatform: false });
    expect(tdp.basis).toContain('TDP 280 W');
    expect(cpuPowerModel('Apple M9').method).toBe('table-median');
  });
  it('a SPECpower row with only idle and full is a line between them', () => {
    const m = cpuPowerModel('AMD EPYC 9845 160-Core Processor');
    expect(m.basis).toContain('idle–full line');
    expect(cpuWatts(m, 640, 0.5)).toBeCloseTo((135 + 711) / 2, 9);
  });
  it('leave-one-out drops the row from the lookup and the medians', () => {
    expect(cpuPowerModel('Xeon(R) CPU X5675', { systemId: 'ibm-x3550m3-xeon-x5675' }).method).toBe('tdp');
    expect(idleShare()).toBeCloseTo(41.6 / 113, 12);
  });
  it('interpolates linearly and clamps utilisation to 0…1', () => {
    const c = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(interpolate(c, 0.37)).toBeCloseTo(37, 9);
    expect(interpolate(c, -1)).toBe(0);
    expect(interpolate(c, 2)).toBe(100);
  });
});
