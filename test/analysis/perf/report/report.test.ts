import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annotations,
  escapeData,
  escapeProperty,
  lineOfBenchmark,
  workflowCommand,
} from '../../../../src/analysis/perf/report/annotations.js';
import { upsertPrComment } from '../../../../src/analysis/perf/report/pr-comment.js';
import { COMMENT_MARKER, markdownSummary, textReport } from '../../../../src/analysis/perf/report/summary.js';
import type { AnalysisReport } from '../../../../src/analysis/perf/report/types.js';
import { RestSchemas } from '../../../fakes/github/openapi.js';
import { CommentsFake } from './comments-fake.js';

function report(): AnalysisReport {
  return {
    file: 'results.json',
    format: 'pytest-benchmark',
    threshold: 0.95,
    verdict: 'regression',
    counts: { regression: 1, improvement: 1, 'no-change': 1, inconclusive: 1, 'no-baseline': 1 },
    model: { path: 'models/performance-predictor.onnx', used: true, executionProvider: 'cpu' },
    baselineSource: 'history.db (main, linux-x64)',
    benchmarks: [
      {
        name: 'tests/test_io.py::test_parse[big]',
        unit: 's',
        direction: 'smaller-is-better',
        verdict: 'regression',
        failing: true,
        probabilityRegressed: 0.9987,
        probabilityImproved: 0,
        source: 'statistics+model',
        change: { estimate: 0.2031, low: 0.181, high: 0.2244, confidence: 0.95, reference: 'history' },
        candidate: { median: 0.01481, samples: 20 },
        baseline: { median: 0.01231, samples: 20, runs: 12 },
        reason: '20.3% worse with P = 0.999',
      },
      {
        name: 'BM_Sort/64',
        unit: 'ns',
        direction: 'smaller-is-better',
        verdict: 'inconclusive',
        failing: false,
        probabilityRegressed: 0.71,
        probabilityImproved: 0.1,
        source: 'statistics+model',
        change: { estimate: 0.04, low: -0.06, high: 0.15, confidence: 0.95, reference: 'baseline' },
        candidate: { median: 352.9, samples: 5 },
        baseline: { median: 339.4, samples: 5, runs: 1 },
        roundsNeeded: 40,
        reason:
          'too noisy (12.0% relative noise) to rule out a 5.0% change; about 40 rounds per run would detect it',
      },
      {
        name: 'throughput',
        unit: 'images/s',
        direction: 'bigger-is-better',
        verdict: 'improvement',
        failing: false,
        probabilityRegressed: 0,
        probabilityImproved: 0.99,
        source: 'statistics',
        change: { estimate: 0.1, low: 0.08, high: 0.12, confidence: 0.95, reference: 'history' },
        candidate: { median: 1540, samples: 3 },
        baseline: { median: 1400, samples: 3, runs: 8 },
        reason: '10.0% better with P = 0.990',
      },
      {
        name: 'steady',
        unit: 's',
        direction: 'smaller-is-better',
        verdict: 'no-change',
        failing: false,
        probabilityRegressed: 0.01,
        change: { estimate: 0.001, low: -0.01, high: 0.012, confidence: 0.95, reference: 'history' },
        candidate: { median: 1.5, samples: 10 },
        baseline: { median: 1.5, samples: 10, runs: 20 },
        reason: 'change 0.1%',
      },
      {
        name: 'brand_new',
        unit: 's',
        direction: 'smaller-is-better',
        verdict: 'no-baseline',
        failing: false,
        candidate: { median: 0.5, samples: 10 },
        reason: 'no earlier run of this benchmark on main (linux-x64)',
      },
    ],
    warnings: [],
  };
}

describe('workflow commands', () => {
  it('escapes data and properties as the Actions runner expects', () => {
    expect(escapeData('50% slower\r\nsee: a,b')).toBe('50%25 slower%0D%0Asee: a,b');
    expect(escapeProperty('test_x[a:b,c] 5%')).toBe('test_x[a%3Ab%2Cc] 5%25');
    expect(workflowCommand('error', { file: 'r.json', line: 3, title: 'T: x' }, 'm')).toBe(
      '::error file=r.json,line=3,title=T%3A x::m',
    );
    expect(workflowCommand('warning', {}, 'plain')).toBe('::warning::plain');
  });

  it('finds the line that names the benchmark', () => {
    const text = '{\n  "benchmarks": [\n    {"name": "a"},\n    {"name": "tests/x.py::t"}\n  ]\n}';
    expect(lineOfBenchmark(text, 'tests/x.py::t')).toBe(4);
    expect(lineOfBenchmark(text, 'absent')).toBeUndefined();
  });

  it('annotates failing regressions as errors, inconclusive as warnings, improvements as notices', () => {
    const fileText = '{\n"benchmarks": [\n{"fullname": "tests/test_io.py::test_parse[big]"}]}';
    expect(annotations(report(), fileText)).toEqual([
      '::error file=results.json,line=3,title=Performance regression%3A tests/test_io.py%3A%3Atest_parse[big]::' +
        'tests/test_io.py::test_parse[big] is 20.3%25 slower (95%25 interval +18.1%25 to +22.4%25), ' +
        'P(regression) = 0.999 ≥ 0.95. 20.3%25 worse with P = 0.999',
      '::warning file=results.json,title=Performance inconclusive%3A BM_Sort/64::BM_Sort/64: too noisy (12.0%25 ' +
        'relative noise) to rule out a 5.0%25 change; about 40 rounds per run would detect it. About 40 rounds ' +
        'per run would tell.',
      '::notice file=results.json,title=Performance improvement%3A throughput::throughput is 10.0%25 higher ' +
        '(95%25 interval +8.0%25 to +12.0%25).',
    ]);
  });

  it('warns once about a model that was not used', () => {
    const r = {
      ...report(),
      benchmarks: [],
      model: { used: false, problem: 'model m.onnx: does not exist' },
    };
    expect(annotations(r)).toEqual([
      '::warning title=Performance model not used::model m.onnx: does not exist',
    ]);
  });
});

describe('Markdown summary', () => {
  it('leads with the failing regression and shows every benchmark', () => {
    const md = markdownSummary(report());
    const lines = md.split('\n');
    expect(lines[0]).toBe('## ❌ Performance: 1 regression of 5 benchmarks');
    expect(lines).toContain(
      '| Benchmark | Verdict | Change of the median | Interval | P(regression) | Baseline | This run |',
    );
    expect(lines).toContain(
      '| `tests/test_io.py::test_parse[big]` | 🔴 regression | +20.3% (20.3% slower) | +18.1% … +22.4% | 0.999 | ' +
        '12.3 ms (12 runs) | 14.8 ms (20 samples) |',
    );
    expect(lines).toContain(
      '| `throughput` | 🟢 improvement | +10.0% (10.0% higher) | +8.0% … +12.0% | 0.000 | 1400 images/s (8 runs) | ' +
        '1540 images/s (3 samples) |',
    );
    expect(lines).toContain('| `brand_new` | ⚫ no baseline | – | – | – | – | 500 ms (10 samples) |');
    expect(lines).toContain(
      '| `BM_Sort/64` | 🟡 inconclusive | +4.0% (4.0% slower) | -6.0% … +15.0% | 0.710 | 339 ns (1 run) | 353 ns (5 samples) |',
    );
    // Rows sorted: failing first, then inconclusive, improvement, no change, no baseline.
    const order = lines.filter((l) => l.startsWith('| `')).map((l) => l.split('`')[1]);
    expect(order).toEqual([
      'tests/test_io.py::test_parse[big]',
      'BM_Sort/64',
      'throughput',
      'steady',
      'brand_new',
    ]);
    expect(md).toContain('- `BM_Sort/64`: too noisy');
    expect(md).toContain('Decided by model `models/performance-predictor.onnx` (cpu) with statistics');
  });

  it('escapes pipes in benchmark names and says when all is well', () => {
    const r = report();
    r.benchmarks = [{ ...r.benchmarks[3]!, name: 'a|b' }];
    r.verdict = 'pass';
    const md = markdownSummary(r);
    expect(md.split('\n')[0]).toBe('## ✅ Performance: no regression in 1 compared benchmark');
    expect(md).toContain('| `a\\|b` |');
  });

  it('prints a terminal report', () => {
    const text = textReport(report());
    expect(text.split('\n')[0]).toBe('Performance: 1 regression of 5 benchmarks');
    expect(text).toMatch(
      /FAIL regression {3}tests\/test_io\.py::test_parse\[big\] \+20\.3% \[\+18\.1%, \+22\.4%\] P\(regression\)=0\.999/,
    );
  });
});

describe('PR comment', () => {
  const fake = new CommentsFake('octo', 'bench', 'ghs_testtoken123');
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  const target = () => ({
    token: 'ghs_testtoken123',
    repository: 'octo/bench',
    pullNumber: 7,
    apiUrl: fake.url,
  });

  it('posts once, then updates its own comment instead of adding another', async () => {
    fake.pageSize = 2; // force pagination past other people's comments
    fake.add(7, 'LGTM');
    fake.add(7, 'please check the benchmark');
    fake.add(7, 'another');
    fake.add(8, `${COMMENT_MARKER}\nreport of another PR`);

    const first = await upsertPrComment(target(), markdownSummary(report()));
    expect(first.action).toBe('created');
    expect(first.url).toBe(`https://github.com/octo/bench/pull/7#issuecomment-${first.id}`);
    const second = await upsertPrComment(target(), '## ✅ fixed');
    expect(second).toMatchObject({ action: 'updated', id: first.id });

    const mine = fake.comments.filter((c) => c.issue === 7 && c.body.includes(COMMENT_MARKER));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toBe(`${COMMENT_MARKER}\n## ✅ fixed`);
    expect(fake.comments.find((c) => c.issue === 8)!.body).toBe(`${COMMENT_MARKER}\nreport of another PR`);
    expect(fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).toEqual([
      'GET /repos/octo/bench/issues/7/comments 200',
      'GET /repos/octo/bench/issues/7/comments 200',
      'POST /repos/octo/bench/issues/7/comments 201',
      'GET /repos/octo/bench/issues/7/comments 200',
      'GET /repos/octo/bench/issues/7/comments 200',
      `PATCH /repos/octo/bench/issues/comments/${first.id} 200`,
    ]);
    expect(fake.requests.every((r) => r.authorization === 'token ghs_testtoken123')).toBe(true);
    // Every answer of the fake is what GitHub documents for that operation.
    const schemas = RestSchemas.get();
    for (const r of fake.requests) {
      const check = schemas.check(r.method, r.template, r.status, r.response);
      expect(check.errors).toBe('');
    }
  });

  it('fails with GitHub’s message on bad credentials', async () => {
    await expect(upsertPrComment({ ...target(), token: 'wrong' }, 'x')).rejects.toThrow(/Bad credentials/);
  });
});
