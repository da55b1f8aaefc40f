import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AbError, type AbExec, abSchedule, runAb } from '../../../../src/analysis/perf/ab/index.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';

const fixtures = join(import.meta.dirname, '../parse/fixtures');

/** A fake machine: each side's command takes `seconds[side]` × (1 ± 2% noise) × a drift that grows per call. */
function fakeExec(
  seconds: { base: number; head: number },
  seed: number,
  drift = 0,
): { exec: AbExec; calls: string[] } {
  const random = seededRandom(seed);
  const calls: string[] = [];
  let call = 0;
  const exec: AbExec = async (side, command) => {
    calls.push(`${side}:${command}`);
    const t = seconds[side] * (1 + 0.02 * (random() - 0.5) * 2) * (1 + drift * call++);
    return { wallSeconds: t };
  };
  return { exec, calls };
}

describe('same-job A/B', () => {
  it('ABBA alternates which side leads each pair; every side runs warm-up + rounds times', () => {
    expect(abSchedule(2, 1)).toEqual(['base', 'head', 'head', 'base', 'base', 'head']);
    const random = abSchedule(20, 2, 'random', 7);
    expect(random.filter((s) => s === 'base')).toHaveLength(22);
    for (let i = 0; i < random.length; i += 2) expect(random[i]).not.toBe(random[i + 1]);
  });

  it('flags a 10% slowdown of the wall time, in the right direction, and discards the warm-up', async () => {
    const { exec, calls } = fakeExec({ base: 1, head: 1.1 }, 3);
    const r = await runAb('./base', './head', exec, { format: 'wall', rounds: 10, warmup: 2 });
    expect(calls).toHaveLength(24);
    expect(calls.slice(0, 2)).toEqual(['base:./base', 'head:./head']);
    const [b] = r.benchmarks;
    expect(b!.name).toBe('wall time');
    expect(b!.base).toHaveLength(10);
    expect(b!.detection.verdict).toBe('regression');
    expect(b!.detection.change.estimate).toBeGreaterThan(0.05);
    expect(b!.detection.change.estimate).toBeLessThan(0.15);
    const faster = await runAb('./base', './head', fakeExec({ base: 1.1, head: 1 }, 4).exec, {
      format: 'wall',
    });
    expect(faster.benchmarks[0]!.detection.verdict).toBe('improvement');
  });

  it('raises no alarm when base and head are the same build, even on a drifting machine (ABBA)', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { exec } = fakeExec({ base: 1, head: 1 }, seed, 0.002);
      const r = await runAb('./same', './same', exec, { format: 'wall', rounds: 10 });
      expect(r.benchmarks[0]!.detection.verdict).not.toBe('regression');
    }
  });

  it('reads each round’s hyperfine results and takes each round’s median per benchmark', async () => {
    const template = JSON.parse(readFileSync(join(fixtures, 'hyperfine.json'), 'utf8')) as {
      results: { times: number[]; mean: number; median: number }[];
    };
    const random = seededRandom(5);
    const exec: AbExec = async (side) => {
      const doc = structuredClone(template);
      const scale = side === 'head' ? 1.2 : 1;
      for (const r of doc.results) {
        r.times = r.times.map((t) => t * scale * (1 + 0.01 * (random() - 0.5)));
        r.mean *= scale;
        r.median *= scale;
      }
      return { wallSeconds: 0, text: JSON.stringify(doc) };
    };
    const r = await runAb('b', 'h', exec, { format: 'hyperfine', rounds: 6 });
    expect(r.benchmarks.length).toBe(template.results.length);
    for (const b of r.benchmarks) {
      expect(b.detection.verdict).toBe('regression');
      expect(b.detection.change.estimate).toBeCloseTo(0.2, 1);
    }
  });

  it('--time cpu reads Google Benchmark cpu_time: a CPU-time change hidden by wall-clock noise is found', async () => {
    // A busy shared runner: real_time of every round jitters by ±30%, cpu_time by ±1%; the head costs 10% more CPU.
    const random = seededRandom(11);
    const exec: AbExec = async (side) => {
      const cpu = (side === 'head' ? 110 : 100) * (1 + 0.01 * (random() - 0.5) * 2);
      const real = 100 * (1 + 0.3 * (random() - 0.5) * 2);
      const run = {
        name: 'BM_Work',
        run_type: 'iteration',
        iterations: 1000,
        real_time: real,
        cpu_time: cpu,
        time_unit: 'ns',
      };
      return { wallSeconds: 0, text: JSON.stringify({ context: { date: '2026-12-02' }, benchmarks: [run] }) };
    };
    const cpu = await runAb('b', 'h', exec, { format: 'gbench', time: 'cpu', rounds: 10, maxRounds: 10 });
    expect(cpu.benchmarks[0]!.detection.verdict).toBe('regression');
    expect(cpu.benchmarks[0]!.detection.change.estimate).toBeCloseTo(0.1, 1);
    const real = await runAb('b', 'h', exec, { format: 'gbench', rounds: 10, maxRounds: 10 });
    expect(real.benchmarks[0]!.detection.verdict).not.toBe('regression');
    // Results without a CPU time, or a format that has none, are refused with the reason.
    const hyperfine = readFileSync(join(fixtures, 'hyperfine.json'), 'utf8');
    await expect(
      runAb('b', 'h', async () => ({ wallSeconds: 0, text: hyperfine }), { time: 'cpu' }),
    ).rejects.toThrow(/has no cpu_time/);
    await expect(runAb('b', 'h', exec, { format: 'wall', time: 'cpu' })).rejects.toThrow(
      /format must be gbench/,
    );
  });

  it('names the round that wrote no results or an unreadable file', async () => {
    const empty: AbExec = async () => ({ wallSeconds: 1 });
    await expect(runAb('b', 'h', empty, { format: 'auto' })).rejects.toThrow(
      /head round 2: the command wrote no results \(use --format wall/,
    );
    const broken: AbExec = async (side, _c, round) => ({
      wallSeconds: 1,
      text: side === 'head' && round === 3 ? '{' : '[]',
    });
    await expect(runAb('b', 'h', broken, { format: 'auto', warmup: 0 })).rejects.toBeInstanceOf(AbError);
  });

  it('validates rounds and warm-up', async () => {
    const { exec } = fakeExec({ base: 1, head: 1 }, 1);
    await expect(runAb('b', 'h', exec, { rounds: 1 })).rejects.toThrow(/rounds/);
    await expect(runAb('b', 'h', exec, { warmup: -1 })).rejects.toThrow(/warmup/);
  });
});
