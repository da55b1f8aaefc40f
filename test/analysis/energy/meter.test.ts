import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EnergyMeter,
  type MeterOptions,
  sampleCgroup,
  sampleTree,
} from '../../../src/analysis/energy/index.js';

/** A fake procfs: /proc/stat, and pids 100 → 101 with stat, status and task/<tid>/children. */
let dir: string;
let proc: string;
let now: number;

function machine(busyTicks: number): void {
  // user nice system idle iowait irq softirq steal: busy = user + nice + system + irq + softirq + steal.
  const user = busyTicks - 30;
  writeFileSync(
    join(proc, 'stat'),
    `cpu  ${user} 0 20 99999 50 5 5 0 0 0\ncpu0 1 0 0 0 0 0 0 0 0 0\ncpu1 1 0 0 0 0 0 0 0 0 0\nintr 0\n`,
  );
}
function processStat(
  pid: number,
  ticks: [number, number, number, number],
  children: number[],
  rssKb: number,
) {
  const d = join(proc, String(pid));
  mkdirSync(join(d, 'task', String(pid)), { recursive: true });
  // The command name may hold spaces and parentheses: fields are counted after the last ')'.
  writeFileSync(
    join(d, 'stat'),
    `${pid} (a (weird) name) S 1 ${pid} ${pid} 0 -1 4194304 0 0 0 0 ${ticks.join(' ')} 20 0 1 0 0 0 0\n`,
  );
  writeFileSync(join(d, 'task', String(pid), 'children'), children.length ? `${children.join(' ')} ` : '');
  writeFileSync(join(d, 'status'), `Name:\tx\nVmRSS:\t  ${rssKb} kB\nThreads:\t1\n`);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-meter-'));
  proc = join(dir, 'proc');
  mkdirSync(proc);
  writeFileSync(
    join(proc, 'cpuinfo'),
    'processor\t: 0\nmodel name\t: Intel(R) Xeon(R) CPU           X5675  @ 3.07GHz\n',
  );
  now = 1_000_000;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const GiB_KB = 2 ** 20;

describe('sampleTree', () => {
  it('sums utime+stime+cutime+cstime and VmRSS over the live tree', () => {
    processStat(100, [100, 50, 30, 20], [101], 1024);
    processStat(101, [40, 10, 0, 0], [], 2048);
    expect(sampleTree(100, { proc })).toEqual({ cpuSeconds: 2.5, rssBytes: 3072 * 1024, processes: 2 });
  });
});

describe('sampleCgroup', () => {
  it('reads cpu.stat usage_usec and memory.current of a cgroup v2 directory', () => {
    const cg = join(dir, 'cg');
    mkdirSync(cg);
    writeFileSync(join(cg, 'cpu.stat'), 'usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n');
    writeFileSync(join(cg, 'memory.current'), '1073741824\n');
    expect(sampleCgroup(cg)).toEqual({ cpuSeconds: 2.5, memoryBytes: 2 ** 30 });
    expect(sampleCgroup(join(dir, 'none'))).toBeUndefined();
  });
});

describe('EnergyMeter', () => {
  const start = () => {
    machine(1000);
    processStat(100, [0, 0, 0, 0], [101], GiB_KB / 2);
    processStat(101, [0, 0, 0, 0], [], GiB_KB / 2);
  };
  const tenSecondsLater = () => {
    now += 10_000;
    // 16 of the 20 CPU-seconds busy (u = 0.8); the command's tree used 8 of them (share 0.5).
    machine(2600);
    processStat(100, [300, 100, 0, 0], [101], GiB_KB / 2);
    processStat(101, [300, 100, 0, 0], [], GiB_KB / 2);
  };

  /** A meter on the fake procfs, no RAPL, no GPU, started on pid 100. */
  const started = (options: MeterOptions = {}) => {
    start();
    const meter = new EnergyMeter({
      proc: { proc },
      powercapRoot: join(dir, 'none'),
      nvidiaSmi: false,
      clock: () => now,
      ...options,
    });
    meter.start(100);
    return meter;
  };

  it('power model: P(u) of this machine × the command’s share of busy CPU time; memory per GiB', async () => {
    const meter = started();
    tenSecondsLater();
    const live = meter.sample();
    const m = await meter.stop();
    // X5675 SPECpower system at 80 %: 189 W / 24 threads × 2 CPUs × 10 s × 0.5 = 78.75 J; 1 GiB × 0.392 W × 10 s.
    expect(m.method).toBe('specpower');
    expect(m.devices.find((d) => d.device === 'cpu')!.joules).toBeCloseTo(78.75, 9);
    expect(m.devices.find((d) => d.device === 'memory')!.joules).toBeCloseTo(3.92, 9);
    expect(live).toBeCloseTo(82.67, 9);
    expect(m.attribution).toMatchObject({ cpuSeconds: 8, machineBusySeconds: 16, cpus: 2, share: 0.5 });
    expect(m.attribution.meanUtilisation).toBeCloseTo(0.8, 12);
    expect(m.band[0]).toBeCloseTo(78.75 * 0.85 + 3.92 * 0.5, 9);
    expect(m.band[1]).toBeCloseTo(78.75 * 1.15 + 3.92 * 1.5, 9);
  });

  it('RAPL when readable (recorded powercap tree): package joules × the share; PUE multiplies', async () => {
    const powercap = join(dir, 'powercap');
    cpSync(new URL('../../fixtures/energy/powercap-kepler', import.meta.url).pathname, powercap, {
      recursive: true,
    });
    const meter = started({ powercapRoot: powercap, pue: 1.2 });
    tenSecondsLater();
    writeFileSync(join(powercap, 'intel-rapl:0', 'energy_uj'), String(240422366267 + 50_000_000));
    const m = await meter.stop();
    expect(m.method).toBe('rapl');
    expect(m.basis).toBe('RAPL intel-rapl:0');
    expect(m.devices.find((d) => d.device === 'cpu')!.joules).toBeCloseTo(25, 9);
    expect(m.joules).toBeCloseTo((25 + 3.92) * 1.2, 9);
  });

  it('a process that exits between samples does not take its CPU time back', async () => {
    const meter = started();
    tenSecondsLater();
    meter.sample();
    rmSync(join(proc, '101'), { recursive: true });
    now += 1000;
    const m = await meter.stop();
    expect(m.attribution.cpuSeconds).toBe(8);
  });

  it('rejects a PUE below 1', () => {
    expect(() => new EnergyMeter({ pue: 0.9, nvidiaSmi: false })).toThrow(/PUE/);
  });
});
