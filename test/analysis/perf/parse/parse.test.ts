import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectFormat,
  parseResultsFile,
  parseResultsText,
  ResultsFileError,
} from '../../../../src/analysis/perf/parse/index.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

async function expectFileError(path: string, pattern: RegExp) {
  const err = await parseResultsFile(path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResultsFileError);
  expect((err as Error).message).toContain(path);
  expect((err as Error).message).toMatch(pattern);
}

function textError(text: string, file = 'results.json', format?: Parameters<typeof parseResultsText>[2]) {
  try {
    parseResultsText(text, file, format);
  } catch (err) {
    expect(err).toBeInstanceOf(ResultsFileError);
    return err as ResultsFileError;
  }
  throw new Error('expected a ResultsFileError');
}

describe('pytest-benchmark', () => {
  it('uses the raw per-round samples that --benchmark-json writes', async () => {
    const parsed = await parseResultsFile(fixture('pytest_benchmark_data.json'));
    expect(parsed.format).toBe('pytest-benchmark');
    expect(parsed.results.map((r) => r.name)).toEqual([
      'test_small.py::test_fib_10',
      'test_small.py::test_sort_small',
    ]);
    const fib = parsed.results[0]!;
    expect(fib.samplesKind).toBe('raw');
    expect(fib.samples).toHaveLength(39);
    expect(fib.summary.n).toBe(39);
    expect(fib.unit).toBe('s');
    expect(fib.direction).toBe('smaller-is-better');
    // The tool's own mean must be the mean of the samples it saved.
    const mean = fib.samples.reduce((a, b) => a + b, 0) / fib.samples.length;
    expect(mean).toBeCloseTo(fib.summary.mean, 15);
    expect(fib.summary.mean).toBe(4.941076922885912e-6);
    expect(parsed.results[1]!.extra.iterations).toBe(20);
  });

  it('falls back to the summary in a file saved by --benchmark-autosave without --benchmark-save-data', async () => {
    const parsed = await parseResultsFile(fixture('pytest_benchmark_nodata.json'));
    const fib = parsed.results[0]!;
    expect(fib.samplesKind).toBe('summary');
    // The median stands for the run, the statistic a run with its rounds is compared on (summary.ts locationOf).
    expect(fib.samples).toEqual([fib.summary.median]);
    expect(fib.summary.n).toBeGreaterThan(1);
    expect(fib.summary.stddev).toBeGreaterThan(0);
    // Outside a git checkout pytest-benchmark writes placeholders that must not pass for a commit.
    expect(parsed.context.commit).toBeUndefined();
    expect(parsed.context.branch).toBeUndefined();
    expect(parsed.context.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('names the field when stats are missing or of the wrong type', () => {
    const doc = { machine_info: {}, benchmarks: [{ name: 'test_a', stats: { mean: 1 } }] };
    expect(textError(JSON.stringify(doc), 'bench/out.json').message).toBe(
      'bench/out.json: field benchmarks[0].stats.min: is missing',
    );
    const wrongType = {
      machine_info: {},
      benchmarks: [
        {
          name: 'test_a',
          stats: { min: 1, max: 1, mean: 1, stddev: 0, median: 1, rounds: 2, data: [1, 'x'] },
        },
      ],
    };
    expect(textError(JSON.stringify(wrongType)).message).toBe(
      'results.json: field benchmarks[0].stats.data[1]: expected number, found the string "x"',
    );
  });

  it('names stats.data that is not an array (the rounds are checked here, not by the schema walk)', () => {
    const doc = {
      machine_info: {},
      benchmarks: [
        { name: 't', stats: { min: 1, max: 1, mean: 1, stddev: 0, median: 1, rounds: 2, data: 'x' } },
      ],
    };
    expect(textError(JSON.stringify(doc)).message).toBe(
      'results.json: field benchmarks[0].stats.data: expected an array of times',
    );
  });

  it('rejects a file with no benchmarks and samples that disagree with rounds', () => {
    expect(textError('{"machine_info": {}, "benchmarks": []}').message).toMatch(/field benchmarks: is empty/);
    const doc = {
      machine_info: {},
      benchmarks: [
        { name: 't', stats: { min: 1, max: 1, mean: 1, stddev: 0, median: 1, rounds: 3, data: [1, 1] } },
      ],
    };
    expect(textError(JSON.stringify(doc)).message).toMatch(/benchmarks\[0\]\.stats\.data: has 2 values but/);
  });
});

describe('Google Benchmark', () => {
  it('takes each repetition as a sample of real_time and ignores the aggregates', async () => {
    const parsed = await parseResultsFile(fixture('gbench_repetitions.json'));
    expect(parsed.format).toBe('google-benchmark');
    expect(parsed.results.map((r) => r.name)).toEqual([
      'BM_SortVector/64',
      'BM_SortVector/512',
      'BM_StringAppend',
    ]);
    const sort64 = parsed.results[0]!;
    expect(sort64.samplesKind).toBe('raw');
    expect(sort64.samples).toHaveLength(5);
    expect(sort64.samples[0]).toBeCloseTo(707.36695746961357, 9);
    expect(sort64.unit).toBe('ns');
    // The file's own mean aggregate equals the mean of the repetitions.
    expect(sort64.summary.mean).toBeCloseTo(352.9814943324314, 6);
    expect(sort64.extra.cpuTime).toHaveLength(5);
    expect(parsed.context.machine).toBe('vm');
    expect(parsed.context.time).toBe('2026-11-25T07:42:24+00:00');
  });

  it('uses the aggregates when only they were reported', async () => {
    const parsed = await parseResultsFile(fixture('gbench_aggregates_only.json'));
    const sort64 = parsed.results[0]!;
    expect(sort64.samplesKind).toBe('summary');
    expect(sort64.samples).toHaveLength(1);
    expect(sort64.summary.n).toBe(5);
    expect(sort64.summary.stddev).toBeGreaterThan(0);
    expect(sort64.summary.median).not.toBe(sort64.summary.mean);
  });

  it('reads a single run without repetitions', async () => {
    const parsed = await parseResultsFile(fixture('gbench_single.json'));
    expect(parsed.results).toHaveLength(3);
    expect(parsed.results.every((r) => r.samples.length === 1 && r.samplesKind === 'raw')).toBe(true);
  });

  it('recognises the aggregates of releases without run_type, and leaves failed runs out with a warning', () => {
    const doc = {
      context: { date: '2019-01-01 10:00:00', host_name: 'old' },
      benchmarks: [
        { name: 'BM_a', iterations: 10, real_time: 10, cpu_time: 9, time_unit: 'us' },
        { name: 'BM_a', iterations: 10, real_time: 12, cpu_time: 9, time_unit: 'us' },
        { name: 'BM_a_mean', iterations: 10, real_time: 11, cpu_time: 9, time_unit: 'us' },
        { name: 'BM_b', run_type: 'iteration', error_occurred: true, error_message: 'out of memory' },
      ],
    };
    const parsed = parseResultsText(JSON.stringify(doc), 'old.json');
    expect(parsed.results.map((r) => [r.name, r.samples])).toEqual([['BM_a', [10, 12]]]);
    expect(parsed.warnings.join('\n')).toMatch(/BM_b: a run failed \(out of memory\)/);
  });

  it('names the entry without real_time', () => {
    const doc = { context: {}, benchmarks: [{ name: 'BM_a', run_type: 'iteration', time_unit: 'ns' }] };
    expect(textError(JSON.stringify(doc), 'gb.json').message).toBe(
      'gb.json: field benchmarks[0].real_time: is missing',
    );
  });
});

describe('hyperfine', () => {
  it('uses every run time as a sample', async () => {
    const parsed = await parseResultsFile(fixture('hyperfine.json'));
    expect(parsed.format).toBe('hyperfine');
    expect(parsed.results.map((r) => r.name)).toEqual(['sleep 0.01', 'true']);
    const sleep = parsed.results[0]!;
    expect(sleep.samples).toHaveLength(8);
    expect(sleep.unit).toBe('s');
    expect(sleep.summary.median).toBeGreaterThan(0.009);
  });

  it('keeps parameter values', async () => {
    const parsed = await parseResultsFile(fixture('hyperfine_param.json'));
    expect(parsed.results[1]!.extra.parameters).toEqual({ n: '2' });
  });

  it('names a missing command', () => {
    const doc = { results: [{ mean: 1, stddev: null, median: 1, min: 1, max: 1, times: [1] }] };
    expect(textError(JSON.stringify(doc), 'h.json').message).toBe(
      'h.json: field results[0].command: is missing',
    );
  });
});

describe('github-action-benchmark custom format', () => {
  it('takes the direction from --format', () => {
    const text = JSON.stringify([{ name: 'latency', unit: 'ms', value: 3 }]);
    expect(parseResultsText(text, 'c.json', 'customBiggerIsBetter').results[0]!.direction).toBe(
      'bigger-is-better',
    );
    expect(parseResultsText(text, 'c.json', 'customSmallerIsBetter').results[0]!.direction).toBe(
      'smaller-is-better',
    );
  });

  it('guesses the direction from the unit when auto-detected, and says so', async () => {
    const smaller = await parseResultsFile(fixture('custom_smaller_is_better.json'));
    expect(smaller.format).toBe('github-action-benchmark');
    expect(smaller.results.map((r) => r.direction)).toEqual([
      'smaller-is-better',
      'smaller-is-better',
      'smaller-is-better',
    ]);
    expect(smaller.results[1]!.summary.stddev).toBe(12.5);
    expect(smaller.results[1]!.extra.extra).toBe('threads: 128\nblock size: 1M');
    const bigger = await parseResultsFile(fixture('custom_bigger_is_better.json'));
    expect(bigger.results.map((r) => [r.name, r.direction, r.samples.length])).toEqual([
      ['resnet50 inference throughput', 'bigger-is-better', 3],
      ['tokenizer', 'bigger-is-better', 1],
    ]);
    expect(bigger.results[0]!.samplesKind).toBe('raw');
    expect(bigger.warnings[0]).toMatch(/guessed from the unit/);
  });

  it('reads a percentage range relative to the value', () => {
    const text = JSON.stringify([{ name: 'x', unit: 'ms', value: 200, range: '+/- 1.5%' }]);
    expect(parseResultsText(text, 'c.json', 'customSmallerIsBetter').results[0]!.summary.stddev).toBeCloseTo(
      3,
      12,
    );
  });

  it('reads a range given as a number, as github-action-benchmark itself accepts', () => {
    const text = JSON.stringify([{ name: 'x', unit: 'ms', value: 200, range: 3 }]);
    const r = parseResultsText(text, 'c.json', 'customSmallerIsBetter').results[0]!;
    expect(r.summary.stddev).toBe(3);
    expect(r.extra.range).toBe(3);
  });

  it('names the entry with a missing or wrong value', () => {
    expect(textError('[{"name": "a", "unit": "ms"}]', 'c.json').message).toBe(
      'c.json: field [0].value: is missing',
    );
    expect(textError('[{"name": "a", "unit": "ms", "value": "12"}]', 'c.json').message).toBe(
      'c.json: field [0].value: expected number, found the string "12"',
    );
    expect(textError('[]', 'c.json').message).toMatch(/c\.json: field \(top level\): is an empty array/);
  });
});

describe('any file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ai-ci-parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names an empty file', async () => {
    const path = join(dir, 'empty.json');
    writeFileSync(path, '\n');
    await expectFileError(path, /: is empty$/);
  });

  it('names a file that is not JSON, with the position', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"benchmarks": [\n  {"name": }\n]}');
    await expectFileError(path, /: is not valid JSON: value expected at line 2, column 12$/);
  });

  it('names a missing file', async () => {
    await expectFileError(join(dir, 'nope.json'), /does not exist/);
  });

  it('reads a file with a UTF-8 byte order mark, and a gzip-compressed one', async () => {
    const text = readFileSync(fixture('hyperfine.json'), 'utf8');
    const plain = await parseResultsFile(fixture('hyperfine.json'));
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${text}`);
    expect((await parseResultsFile(bom)).results).toEqual(plain.results);
    const gz = join(dir, 'results.json.gz');
    writeFileSync(gz, gzipSync(`\uFEFF${text}`));
    expect((await parseResultsFile(gz)).results).toEqual(plain.results);
  });

  it('names a broken gzip file', async () => {
    const gz = join(dir, 'broken.json.gz');
    writeFileSync(gz, gzipSync('{"results": []}').subarray(0, 12));
    await expectFileError(gz, /: is not a valid gzip file \(/);
  });

  it('names a JSON file of an unknown shape and says how to choose the format', async () => {
    const path = join(dir, 'other.json');
    writeFileSync(path, '{"foo": 1}');
    await expectFileError(path, /is not a benchmark results file.*--format/);
  });

  it('lets --format override detection, and then checks the chosen format', () => {
    const hyperfineText = JSON.stringify({ results: [] });
    expect(detectFormat(JSON.parse(hyperfineText))).toBe('hyperfine');
    expect(textError(hyperfineText, 'x.json', 'pytest-benchmark').message).toBe(
      'x.json: field benchmarks: is missing',
    );
  });
});
