/**
 * Issue 14: ai-ci perf on files written by the real tools, as a new user would try it. The fixtures in
 * test/fixtures/perf/real/ were produced on this repository's build machine by generate.sh there (Google
 * Benchmark 1.7.1, pytest-benchmark 3.2.2, hyperfine 1.15.0 from Debian), with changes of known size injected
 * through the workloads' AICI_SCALE knobs; every file is the tool's own output, gzip-compressed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type ParsedResults,
  parseResultsFile,
  parseResultsText,
} from '../../../src/analysis/perf/parse/index.js';
import type { AnalysisReport } from '../../../src/analysis/perf/report/types.js';
import { analyseAgainst, scaled } from './helpers.js';

const DIR = join(import.meta.dirname, '../../fixtures/perf/real');
const file = (tool: string, name: string) => join(DIR, tool, `${name}.json.gz`);
const parse = (tool: string, name: string) => parseResultsFile(file(tool, name));

const analyse = (candidate: ParsedResults, opts: { baseline?: ParsedResults; history?: ParsedResults[] }) =>
  analyseAgainst(candidate, { ...opts, fileTimes: true });

const byName = (r: AnalysisReport, name: string) => r.benchmarks.find((b) => b.name === name)!;
const history = (tool: string, prefix: string) =>
  Promise.all(
    readdirSync(join(DIR, tool))
      .filter((f) => f.startsWith(prefix))
      .sort()
      .map((f) => parseResultsFile(join(DIR, tool, f))),
  );

describe('Google Benchmark default output (one value per benchmark, no repetitions)', () => {
  it('flags a 100× slowdown against a baseline file, judged against the stated prior', async () => {
    const r = await analyse(await parse('gbench', 'single-100x'), {
      baseline: await parse('gbench', 'single-base'),
    });
    for (const b of r.benchmarks) {
      expect(b.verdict).toBe('regression');
      expect(b.failing).toBe(true);
      expect(b.change!.estimate).toBeGreaterThan(30);
      expect(b.noise?.source).toBe('prior');
      expect(b.reason).toMatch(/prior run-to-run noise of 3\.0%/);
    }
  });

  it('flags it against the run-to-run noise of the history, and names that noise', async () => {
    const r = await analyse(await parse('gbench', 'single-100x'), {
      history: await history('gbench', 'single-history'),
    });
    for (const b of r.benchmarks) {
      expect(b.verdict).toBe('regression');
      expect(b.noise?.source).toBe('history');
      expect(b.reason).toMatch(/run-to-run noise\b.*\b12 earlier runs/);
    }
  });

  it('reports a uniform 2× slowdown as about +100% and fails on it', async () => {
    const r = await analyse(await parse('gbench', 'single-uniform-2x'), {
      history: await history('gbench', 'single-history'),
    });
    for (const b of r.benchmarks) {
      expect(b.verdict).toBe('regression');
      expect(b.change!.estimate).toBeGreaterThan(0.7);
      expect(b.change!.estimate).toBeLessThan(1.4);
    }
  });

  it('does not invent a change in unchanged benchmarks when one of three slows 2×', async () => {
    const r = await analyse(await parse('gbench', 'single-scan-2x'), {
      history: await history('gbench', 'single-history'),
    });
    expect(byName(r, 'BM_Scan').verdict).toBe('regression');
    for (const name of ['BM_Sum', 'BM_Fill']) {
      const b = byName(r, name);
      expect(b.failing).toBe(false);
      expect(b.verdict).not.toBe('improvement');
      expect(Math.abs(b.change!.estimate)).toBeLessThan(0.2);
    }
  });

  it('does not fail runs the machine descheduled: their wall time grew, their CPU time did not', async () => {
    // single-history-08's BM_Sum spent 34% of its CPU time waiting off the CPU, single-history-10's BM_Scan 32%
    // and single-base's BM_Fill 28% (0.0% in every other run): recorded unchanged, they failed on wall time.
    const runs = await history('gbench', 'single-history');
    for (const [run, name] of [
      [8, 'BM_Sum'],
      [10, 'BM_Scan'],
    ] as const) {
      for (const r of [
        await analyse(runs[run]!, { history: runs.slice(0, run) }),
        await analyse(runs[run]!, { baseline: runs[run - 1]! }),
      ]) {
        const b = byName(r, name);
        expect(b.failing).toBe(false);
        expect(b.offCpu?.rawVerdict).toBe('regression');
        expect(b.offCpu?.rawChange.estimate).toBeGreaterThan(0.25);
        expect(b.offCpu?.corrected).toContain('candidate');
        expect(Math.abs(b.change!.estimate)).toBeLessThan(0.05);
        expect(b.reason).toMatch(/exceeded the CPU time more than usual/);
      }
    }
    const base = byName(await analyse(await parse('gbench', 'single-base'), { history: runs }), 'BM_Fill');
    expect(base.failing).toBe(false);
  });

  it("does not fail a run the machine slowed after Google Benchmark's own probe: inconclusive, with why", async () => {
    // single-history-06's BM_Fill: +17% in CPU and wall time alike (a VM's stolen time counts as CPU time), but
    // its 15,958 iterations are the usual count for the usual speed: iterations × CPU time is 21% above the
    // file's other benchmarks, where every other run's lies within 8% (gbench-probe.ts).
    const runs = await history('gbench', 'single-history');
    for (const r of [
      await analyse(runs[6]!, { history: runs.slice(0, 6) }),
      await analyse(runs[6]!, { baseline: runs[5]! }),
    ]) {
      const b = byName(r, 'BM_Fill');
      expect(b.failing).toBe(false);
      expect(b.verdict).toBe('inconclusive');
      expect(b.change!.estimate).toBeGreaterThan(0.14);
      expect(b.reason).toMatch(/probe in this run predicted a 21\.\d% shorter run: its 15,958 iterations/);
    }
    // The same slowdown made by the code moves the probe too, and the iteration count with it: still flagged.
    const slowed = scaled(runs[5]!, 1.17, (i) => i === 2);
    for (const r of [
      await analyse(slowed, { history: runs.slice(0, 5) }),
      await analyse(slowed, { baseline: runs[4]! }),
    ]) {
      expect(byName(r, 'BM_Fill').verdict).toBe('regression');
    }
  });

  it('judges a change against a descheduled baseline run by the time on the CPU', async () => {
    // single-base's BM_Fill was descheduled (+28% wall time): a real 10% speed-up measured against it reads as
    // −30% in wall time, and a real 20% slowdown as about none.
    const runs = await history('gbench', 'single-history');
    const base = await parse('gbench', 'single-base');
    const faster = byName(await analyse(scaled(runs.at(-1)!, 0.9), { baseline: base }), 'BM_Fill');
    expect(faster.offCpu?.corrected).toEqual(['baseline']);
    expect(faster.offCpu?.rawChange.estimate).toBeLessThan(-0.25);
    expect(faster.verdict).toBe('improvement');
    expect(faster.change!.estimate).toBeCloseTo(-0.1, 1);
    const slower = byName(await analyse(runs.at(-1)!, { baseline: scaled(base, 1 / 1.2) }), 'BM_Fill');
    expect(slower.offCpu?.corrected).toEqual(['baseline']);
    expect(slower.verdict).toBe('regression');
  });

  it('keeps a wall-time regression that the CPU time does not confirm visible as inconclusive, never a pass', async () => {
    // A change that makes the benchmark wait (a sleep, a lock, I/O): wall time +30%, CPU time as before.
    const runs = await history('gbench', 'single-history');
    const last = runs.at(-1)!;
    const waits: ParsedResults = {
      ...last,
      results: last.results.map((b) =>
        b.name === 'BM_Scan'
          ? {
              ...b,
              samples: b.samples.map((v) => v * 1.3),
              summary: { ...b.summary, mean: b.summary.mean * 1.3, median: b.summary.median * 1.3 },
            }
          : b,
      ),
    };
    for (const r of [
      await analyse(waits, { history: runs.slice(0, -1) }),
      await analyse(waits, { baseline: last }),
    ]) {
      const b = byName(r, 'BM_Scan');
      expect(b.verdict).toBe('inconclusive');
      expect(b.failing).toBe(false);
      expect(b.offCpu?.rawChange.estimate).toBeCloseTo(0.3, 1);
      expect(b.reason).toMatch(/the code now waits/);
      expect(r.verdict).toBe('inconclusive');
    }
  });

  it('flags the one slowed benchmark of a file with repetitions against a baseline file', async () => {
    const r = await analyse(await parse('gbench', 'reps-scan-2x'), {
      baseline: await parse('gbench', 'reps-base'),
    });
    expect(byName(r, 'BM_Scan').verdict).toBe('regression');
    expect(byName(r, 'BM_Scan').change!.estimate).toBeGreaterThan(0.7);
    for (const name of ['BM_Sum', 'BM_Fill']) expect(byName(r, name).failing).toBe(false);
  });
});

describe('pytest-benchmark --benchmark-json (its stats.data holds every round, --benchmark-save-data or not)', () => {
  it('fails none of 30 unchanged runs on a benchmark of its own, each against the runs before it', async () => {
    const runs = await history('pytest', 'nodata-');
    const unchanged = runs.filter((r) => !/x\.json/.test(r.file));
    expect(unchanged).toHaveLength(30);
    const wholeRunShifts = new Set<number>();
    for (let i = 3; i < unchanged.length; i++) {
      const r = await analyse(unchanged[i]!, { history: unchanged.slice(0, i) });
      for (const b of r.benchmarks) {
        // Both sides are medians: no mean/median skew of +15–35% on every benchmark (the bug).
        if (b.failing) {
          // What fails is a run whose benchmarks all moved together beyond the history's run-wide shifts (this
          // shared build machine slowed whole runs by up to 70%), reported raw with that explanation: one
          // file cannot tell it from a change every benchmark shares, so it is judged, not erased.
          expect(b.reason, `${unchanged[i]!.file} ${b.name}`).toMatch(/beyond the history's run-wide shifts/);
          wholeRunShifts.add(i);
        }
      }
    }
    // Runs 9 and 12 (every benchmark 5-8% and 47-78% slower) no longer fail: in each, one benchmark's median moved
    // while its fastest round stayed put, so the whole run is judged disturbed (judgeDisturbedRun). Run 18 is the
    // first run after the recording machine's lasting +5% step (its runs 18-29 stay there): its test_sort is
    // +5.4% against the local level with 1.2% run-to-run noise, which no noise model learned from the 18 runs
    // before it can tell from a change all benchmarks share. Still open (npm run eval:perf-real lists it).
    expect([...wholeRunShifts]).toEqual([18]);
  }, 120_000);

  it('does not fail run 19, whose medians rose 47-78% while its fastest rounds stayed put: inconclusive, with why', async () => {
    const runs = (await history('pytest', 'nodata-')).filter((r) => !/x\.json/.test(r.file));
    for (const r of [
      await analyse(runs[19]!, { history: runs.slice(0, 19) }),
      await analyse(runs[19]!, { baseline: runs[18]! }),
    ]) {
      expect(r.benchmarks.filter((b) => b.failing)).toEqual([]);
      for (const b of r.benchmarks) {
        expect(b.verdict, b.name).toBe('inconclusive');
        expect(b.change!.estimate, b.name).toBeGreaterThan(0.4);
        expect(b.reason, b.name).toMatch(/but the fastest round changed -?\d+\.\d%.*rerun it/);
      }
    }
  });

  it('does not fail run 12 either: its test_join shows the machine slowed the whole run, so the others are inconclusive', async () => {
    const runs = (await history('pytest', 'nodata-')).filter((r) => !/x\.json/.test(r.file));
    for (const r of [
      await analyse(runs[12]!, { history: runs.slice(0, 12) }),
      await analyse(runs[12]!, { baseline: runs[11]! }),
    ]) {
      expect(r.benchmarks.filter((b) => b.failing)).toEqual([]);
      for (const name of ['test_workload.py::test_sort', 'test_workload.py::test_sum']) {
        const b = byName(r, name);
        expect(b.verdict, name).toBe('inconclusive');
        expect(b.change!.estimate, name).toBeGreaterThan(0.5);
        expect(b.reason, name).toMatch(/the machine slowed this run: its test_workload\.py::test_join moved/);
      }
    }
  });

  it('flags a 10% improvement of the last run against a history with a +5% machine step in it', async () => {
    // Runs 18-29 sit ~5% above runs 0-17; the regime's median and spread (3.7-3.9% "noise") hid it, the local
    // level and the successive runs' spread do not.
    const runs = (await history('pytest', 'nodata-')).filter((r) => !/x\.json/.test(r.file));
    const r = await analyse(scaled(runs[29]!, 0.9), { history: runs.slice(0, 29) });
    for (const b of r.benchmarks) {
      expect(b.verdict, b.name).toBe('improvement');
      expect(b.change!.estimate, b.name).toBeLessThan(-0.07);
      expect(b.noise!.relative, b.name).toBeLessThan(0.025);
    }
  });

  it('flags the slowed benchmark and the uniform slowdown against that history', async () => {
    const runs = (await history('pytest', 'nodata-')).filter((r) => !/x\.json/.test(r.file));
    const one = await analyse(await parse('pytest', 'nodata-sort-2x'), { history: runs });
    expect(byName(one, 'test_workload.py::test_sort').verdict).toBe('regression');
    const all = await analyse(await parse('pytest', 'nodata-uniform-2x'), { history: runs });
    for (const b of all.benchmarks) {
      expect(b.verdict).toBe('regression');
      expect(b.change!.estimate).toBeGreaterThan(0.6);
    }
  });

  it('compares a summary-only file with a baseline file on the same statistic, with a widened uncertainty', async () => {
    const r = await analyse(await parse('pytest', 'nodata-sort-2x'), {
      baseline: await parse('pytest', 'nodata-00'),
    });
    const sort = byName(r, 'test_workload.py::test_sort');
    expect(sort.verdict).toBe('regression');
    expect(sort.noise!.description).toMatch(/standard error of the two medians/);
  });
});

describe('pairwise mode with thousands of rounds', () => {
  it('calls a 30% improvement from the uncertainty of the medians, not the spread of single rounds', async () => {
    const r = await analyse(await parse('pytest', 'rounds-sort-0.7x'), {
      baseline: await parse('pytest', 'rounds-base'),
    });
    const b = r.benchmarks[0]!;
    expect(b.candidate.samples).toBe(3000);
    expect(b.verdict).toBe('improvement');
    expect(b.change!.estimate).toBeLessThan(-0.2);
  });
});

describe('hyperfine', () => {
  it('reports a uniform 2× slowdown of every command as about +100%', async () => {
    const r = await analyse(await parse('hyperfine', 'uniform-2x'), {
      baseline: await parse('hyperfine', 'base'),
    });
    for (const b of r.benchmarks) {
      expect(b.verdict).toBe('regression');
      expect(b.change!.estimate).toBeGreaterThan(0.7);
      expect(b.change!.estimate).toBeLessThan(1.4);
    }
  });
});

describe('pytest-benchmark summaries only: the same runs with stats.data taken out, as a saved run without --benchmark-save-data', () => {
  /** The file with every benchmark's rounds removed and the statistics of those `scale` names multiplied. */
  const summaryOnly = (name: string, scale: Record<string, number> = {}) => {
    const doc = JSON.parse(gunzipSync(readFileSync(file('pytest', name))).toString('utf8')) as {
      benchmarks: { name: string; stats: Record<string, unknown> }[];
    };
    for (const b of doc.benchmarks) {
      delete b.stats.data;
      const f = scale[b.name] ?? 1;
      for (const key of ['min', 'max', 'mean', 'stddev', 'median', 'iqr', 'q1', 'q3']) {
        b.stats[key] = (b.stats[key] as number) * f;
      }
    }
    return parseResultsText(JSON.stringify(doc), `${name}.json`);
  };
  const runs = Array.from({ length: 30 }, (_, i) => `nodata-${String(i).padStart(2, '0')}`);

  it('flags a 20% slowdown of one benchmark against the history and against the run before it', async () => {
    const history = runs.slice(0, 29).map((r) => summaryOnly(r));
    const slowed = summaryOnly('nodata-29', { test_sort: 1.2 });
    expect(slowed.results.every((r) => r.samplesKind === 'summary')).toBe(true);
    for (const opts of [{ history }, { baseline: history[28]! }]) {
      const r = await analyse(slowed, opts);
      expect(byName(r, 'test_workload.py::test_sort').verdict).toBe('regression');
      for (const other of ['test_workload.py::test_sum', 'test_workload.py::test_join']) {
        expect(byName(r, other).failing).toBe(false);
      }
    }
  });

  it('judges the median by the reported interquartile range, not the outlier-inflated stddev', async () => {
    const r = await analyse(summaryOnly('nodata-29'), { baseline: summaryOnly('nodata-28') });
    const join = byName(r, 'test_workload.py::test_join');
    // test_join's stddev is 0.6-0.9× its median (a few slow rounds): from it the two medians' standard error
    // would be 24%; from the IQR (0.1-0.3 µs of 15.5 µs) it is 0.2%.
    const error = Number(
      /and (\d+\.\d)% standard error of the two medians/.exec(join.noise!.description)![1],
    );
    expect(error).toBeLessThan(1);
    expect(error).toBeGreaterThan(0);
  });
});
