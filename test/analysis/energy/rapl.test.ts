import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterDelta, RaplMeter, raplZones } from '../../../src/analysis/energy/index.js';

const RECORDED = new URL('../../fixtures/energy/powercap-kepler', import.meta.url).pathname;
const MAX = 262143328850;
let root: string;

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'ai-ci-rapl-')), 'powercap');
  cpSync(RECORDED, root, { recursive: true });
});
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const setCounter = (zone: string, uj: number) => writeFileSync(join(root, zone, 'energy_uj'), `${uj}\n`);

describe('raplZones on a recorded powercap tree (Kepler testdata)', () => {
  it('counts the package once: not its core subzone, not its MMIO copy', () => {
    const zones = raplZones(root);
    expect(zones.map((z) => [z.id, z.name, z.maxRangeUj])).toEqual([['intel-rapl:0', 'package-0', MAX]]);
  });
  it('no powercap directory, or an unreadable counter: no RAPL', () => {
    expect(raplZones(join(root, 'absent'))).toEqual([]);
    rmSync(join(root, 'intel-rapl:0', 'energy_uj'));
    mkdirSync(join(root, 'intel-rapl:0', 'energy_uj'));
    expect(raplZones(root)).toEqual([]);
  });
  it('counts DRAM subzones beside the packages and skips psys', () => {
    for (const [zone, name] of [
      ['intel-rapl:0:1', 'dram'],
      ['intel-rapl:1', 'psys'],
    ]) {
      mkdirSync(join(root, zone!));
      writeFileSync(join(root, zone!, 'name'), `${name}\n`);
      writeFileSync(join(root, zone!, 'energy_uj'), '1000\n');
      writeFileSync(join(root, zone!, 'max_energy_range_uj'), '65712999613\n');
    }
    expect(raplZones(root).map((z) => z.name)).toEqual(['package-0', 'dram']);
  });
});

describe('RaplMeter', () => {
  it('accumulates joules between readings, across a counter wrap at max_energy_range_uj', () => {
    const meter = new RaplMeter(raplZones(root));
    const recorded = 240422366267;
    setCounter('intel-rapl:0', recorded + 12_500_000);
    expect(meter.read()['package-0']).toBeCloseTo(12.5, 9);
    // The counter passes its maximum and restarts: 3 J before the wrap, 4 J after.
    setCounter('intel-rapl:0', MAX - 3_000_000);
    const beforeWrap = meter.read()['package-0']!;
    setCounter('intel-rapl:0', 4_000_000);
    expect(meter.read()['package-0']! - beforeWrap).toBeCloseTo(7, 9);
    expect(beforeWrap).toBeCloseTo((MAX - 3_000_000 - recorded) / 1e6, 6);
  });
  it('counterDelta', () => {
    expect(counterDelta(10, 25, 100)).toBe(15);
    expect(counterDelta(90, 5, 100)).toBe(15);
  });
});
