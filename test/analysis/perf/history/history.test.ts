import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  HistoryConflictError,
  HistoryStore,
  importFolder,
} from '../../../../src/analysis/perf/history/index.js';
import { parseResultsFile, ResultsFileError } from '../../../../src/analysis/perf/parse/index.js';

const parseFixture = (name: string) => join(import.meta.dirname, '..', 'parse', 'fixtures', name);
const MACHINE = 'linux-x64 test-cpu';

const open: HistoryStore[] = [];
function store(path = ':memory:') {
  const s = HistoryStore.open(path);
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const made: string[] = [];
function tmp() {
  const d = mkdtempSync(join(tmpdir(), 'ai-ci-history-'));
  made.push(d);
  return d;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A real pytest-benchmark file re-dated to a given commit, as a series of CI runs would produce. */
function pytestRun(dir: string, name: string, commit: string, branch: string, time: string, scale = 1) {
  const doc = JSON.parse(readFileSync(parseFixture('pytest_benchmark_data.json'), 'utf8'));
  doc.commit_info = { ...doc.commit_info, id: commit, branch, time };
  doc.datetime = time;
  for (const b of doc.benchmarks) {
    b.stats.data = b.stats.data.map((v: number) => v * scale);
    for (const k of ['min', 'max', 'mean', 'median', 'stddev']) b.stats[k] *= scale;
  }
  writeFileSync(join(dir, name), JSON.stringify(doc));
}

describe('HistoryStore', () => {
  it('records parsed results and gives them back as the baseline, newest last', async () => {
    const s = store();
    const parsed = await parseResultsFile(parseFixture('gbench_repetitions.json'));
    const times = ['2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z'];
    times.forEach((time, i) => {
      s.record(parsed.results, { commit: `c${i}`, branch: 'main', time, machine: MACHINE, runner: 'r1' });
    });
    s.record(parsed.results, {
      commit: 'pr',
      branch: 'feature',
      time: '2026-11-04T10:00:00Z',
      machine: MACHINE,
    });
    s.record(parsed.results, {
      commit: 'c9',
      branch: 'main',
      time: '2026-11-05T10:00:00Z',
      machine: 'other',
    });
    expect(s.count()).toBe(15);
    expect(s.benchmarks()).toEqual(['BM_SortVector/512', 'BM_SortVector/64', 'BM_StringAppend']);

    const base = s.selectBaseline({
      benchmark: 'BM_SortVector/64',
      branch: 'main',
      machine: MACHINE,
      limit: 2,
    });
    expect(base.map((r) => r.commit)).toEqual(['c1', 'c2']);
    expect(base[1]!.samples).toEqual(parsed.results[0]!.samples);
    expect(base[1]!.summary).toEqual(parsed.results[0]!.summary);
    expect(base[1]!.time).toBe('2026-11-03T10:00:00.000Z');
    expect(base[1]!.runner).toBe('r1');
    expect(base[1]!.extra.cpuTime).toEqual(parsed.results[0]!.extra.cpuTime);

    expect(
      s.selectBaseline({ benchmark: 'BM_SortVector/64', machine: MACHINE }).map((r) => r.commit),
    ).toEqual(['c0', 'c1', 'c2', 'pr']);
    expect(
      s
        .selectBaseline({ benchmark: 'BM_SortVector/64', before: '2026-11-02T10:00:00Z' })
        .map((r) => r.commit),
    ).toEqual(['c0']);
    expect(
      s
        .selectBaseline({ benchmark: 'BM_SortVector/64', branch: 'main', excludeCommit: 'c2' })
        .map((r) => r.commit),
    ).toEqual(['c0', 'c1', 'c9']);
  });

  it('does not store the same run twice', async () => {
    const s = store();
    const parsed = await parseResultsFile(parseFixture('hyperfine.json'));
    const meta = { commit: 'abc', branch: 'main', time: '2026-11-01T10:00:00Z', machine: MACHINE };
    expect(s.record(parsed.results, meta)).toBe(2);
    expect(s.record(parsed.results, meta)).toBe(0);
    // No commit at all must still de-duplicate.
    expect(s.record(parsed.results, { time: meta.time, machine: MACHINE })).toBe(2);
    expect(s.record(parsed.results, { time: meta.time, machine: MACHINE })).toBe(0);
  });

  it('refuses, loudly and whole, a differing result with the same timestamp and commit, and loses nothing', async () => {
    const s = store();
    const parsed = await parseResultsFile(parseFixture('hyperfine.json'));
    const meta = { commit: 'abc', time: '2026-11-01T10:00:00Z', machine: MACHINE, sourceFile: 'second.json' };
    expect(s.record(parsed.results, meta)).toBe(2);
    const other = parsed.results.map((r) => ({ ...r, samples: r.samples.map((v) => v * 2) }));
    // One result of the two differs: the run is refused with the name of the file, the benchmark and the way out.
    const mixed = [parsed.results[0]!, other[1]!];
    expect(() => s.record(mixed, meta)).toThrow(HistoryConflictError);
    expect(() => s.record(mixed, meta)).toThrow(
      /^second\.json: 1 result differs from the stored one .* \(true at 2026-11-01T10:00:00\.000Z \(commit abc\)\); nothing was recorded.*--time or --runner$/,
    );
    // Nothing stored was replaced and nothing was added.
    expect(s.count()).toBe(2);
    expect(s.selectBaseline({ benchmark: 'true' })[0]!.samples).toEqual(parsed.results[1]!.samples);
    // With its own time the differing run is kept beside the first.
    expect(s.record(other, { ...meta, time: '2026-11-01T10:00:01Z' })).toBe(2);
    expect(s.count()).toBe(4);
  });

  it('keeps what it stored across reopening the file', async () => {
    const path = join(tmp(), 'history.db');
    const parsed = await parseResultsFile(parseFixture('hyperfine.json'));
    const first = HistoryStore.open(path);
    first.record(parsed.results, { commit: 'abc', time: '2026-11-01T10:00:00Z', machine: MACHINE });
    first.close();
    expect(store(path).selectBaseline({ benchmark: 'true' })[0]!.samples).toEqual(parsed.results[1]!.samples);
  });

  it('names the field of a time that is not a time', async () => {
    const parsed = await parseResultsFile(parseFixture('hyperfine.json'));
    expect(() =>
      store().record(parsed.results, { time: 'yesterday', machine: MACHINE, sourceFile: 'h.json' }),
    ).toThrow('h.json: field time: "yesterday" is not a date and time');
  });

  it('refuses a file that is not an SQLite database', () => {
    const path = join(tmp(), 'not.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header');
    expect(() => HistoryStore.open(path)).toThrow(ResultsFileError);
  });
});

describe('importing a folder of past results, exporting and importing the export', () => {
  it('round-trips', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'nightly'));
    pytestRun(dir, 'run1.json', 'a'.repeat(40), 'main', '2026-11-01T02:00:00Z');
    pytestRun(join(dir, 'nightly'), 'run2.json', 'b'.repeat(40), 'main', '2026-11-02T02:00:00Z', 1.2);
    // A Google Benchmark file names no commit: it comes from the file name, the time from context.date.
    copyFileSync(
      parseFixture('gbench_repetitions.json'),
      join(dir, 'gbench-0123456789abcdef0123456789abcdef01234567.json'),
    );
    // hyperfine records no time at all: the file's modification time is used.
    const hf = join(dir, 'hyperfine-deadbee.json');
    copyFileSync(parseFixture('hyperfine.json'), hf);
    utimesSync(hf, new Date('2026-10-30T12:00:00Z'), new Date('2026-10-30T12:00:00Z'));
    // github-action-benchmark's gh-pages history.
    writeFileSync(
      join(dir, 'data.js'),
      `window.BENCHMARK_DATA = ${JSON.stringify({
        lastUpdate: 1764000000000,
        repoUrl: 'https://github.com/example/project',
        entries: {
          'Python Benchmark with pytest-benchmark': [
            {
              commit: { id: 'c'.repeat(40), timestamp: '2026-10-01T10:00:00Z' },
              date: Date.parse('2026-10-01T10:05:00Z'),
              tool: 'pytest',
              benches: [
                {
                  name: 'test_small.py::test_fib_10',
                  value: 200000,
                  unit: 'iter/sec',
                  range: 'stddev: 1e-7',
                  extra: 'mean: 5 usec\nrounds: 100',
                },
              ],
            },
          ],
        },
      })}`,
    );
    writeFileSync(join(dir, 'broken.json'), '{"benchmarks": [');
    writeFileSync(join(dir, 'notes.txt'), 'not a results file');

    const s = store(join(dir, '..', `${Date.now()}-a.db`));
    const progress: number[] = [];
    const summary = await importFolder(s, dir, { machine: MACHINE, onFile: (done) => progress.push(done) });
    expect(summary.files).toBe(6);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]!.file).toBe('broken.json');
    expect(summary.skipped[0]!.reason).toMatch(/broken\.json: is not valid JSON/);
    expect(summary.runsInserted).toBe(2 + 2 + 3 + 2 + 1);

    const fib = s.selectBaseline({ benchmark: 'test_small.py::test_fib_10', machine: MACHINE });
    expect(fib.map((r) => [r.commit, r.time, r.unit])).toEqual([
      ['c'.repeat(40), '2026-10-01T10:05:00.000Z', 's'],
      ['a'.repeat(40), '2026-11-01T02:00:00.000Z', 's'],
      ['b'.repeat(40), '2026-11-02T02:00:00.000Z', 's'],
    ]);
    // github-action-benchmark stored operations per second; history holds seconds.
    expect(fib[0]!.samples[0]).toBeCloseTo(5e-6, 15);
    expect(fib[0]!.direction).toBe('smaller-is-better');
    expect(fib[2]!.summary.mean).toBeCloseTo(fib[1]!.summary.mean * 1.2, 12);
    expect(fib[2]!.samples[3]).toBeCloseTo(fib[1]!.samples[3]! * 1.2, 12);
    expect(fib[1]!.branch).toBe('main');
    const sort = s.selectBaseline({ benchmark: 'BM_SortVector/64' });
    expect(sort[0]!.commit).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(sort[0]!.time).toBe('2026-11-25T07:42:24.000Z');
    const sleep = s.selectBaseline({ benchmark: 'sleep 0.01' });
    expect([sleep[0]!.commit, sleep[0]!.time]).toEqual(['deadbee', '2026-10-30T12:00:00.000Z']);

    // Importing the same folder again adds nothing.
    const again = await importFolder(s, dir, { machine: MACHINE });
    expect(again.runsInserted).toBe(0);
    expect(again.runsAlreadyThere).toBe(10);

    // Export to a JSON file, import that into an empty store: the same runs come back.
    const exported = s.exportJson('2026-11-25T00:00:00Z');
    const exportPath = join(tmp(), 'history-export.json');
    writeFileSync(exportPath, JSON.stringify(exported));
    const copy = store();
    const imported = await importFolder(copy, join(exportPath, '..'), { machine: 'ignored' });
    expect(imported.runsInserted).toBe(10);
    expect(copy.allRuns()).toEqual(s.allRuns());
    expect(copy.allRuns().every((r) => r.machine === MACHINE)).toBe(true);
  });

  it('names the field of a broken export', () => {
    const doc = { kind: 'ai-ci-perf-history', version: 1, runs: [{ benchmark: 'x' }] };
    expect(() => store().importJson(doc, 'cache/history.json')).toThrow(
      'cache/history.json: field runs[0].commit: is missing',
    );
  });

  it('names a folder that does not exist', async () => {
    await expect(importFolder(store(), '/nonexistent/benchmarks', { machine: MACHINE })).rejects.toThrow(
      '/nonexistent/benchmarks: cannot be listed (ENOENT)',
    );
  });
});
