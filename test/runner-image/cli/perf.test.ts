import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/analysis/perf/stats/rng.js';
import { DEFAULT_MODEL_PATH } from '../../../src/runner-image/cli/commands/perf.js';
import { CommentsFake } from '../../analysis/perf/report/comments-fake.js';
import { runCliCaptured } from '../../support/cli.js';

const fixture = (name: string) => join(import.meta.dirname, '../../analysis/perf/parse/fixtures', name);
const MACHINE = 'ci-linux-x64';

const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCliCaptured(args, env);

/** Variables of the GitHub Actions runner that would change what the CLI does; cleared for every test. */
const NO_ACTIONS = {
  GITHUB_ACTIONS: undefined,
  GITHUB_STEP_SUMMARY: undefined,
  GITHUB_SHA: undefined,
  GITHUB_REF_NAME: undefined,
  GITHUB_BASE_REF: undefined,
  GITHUB_EVENT_PATH: undefined,
  GITHUB_TOKEN: undefined,
  GH_TOKEN: undefined,
  GITHUB_REPOSITORY: undefined,
  GITHUB_API_URL: undefined,
};

/**
 * A real pytest-benchmark file as a CI run of a given commit would produce it: every round scaled by the run's
 * factor (run-to-run drift) and a little per-round jitter.
 */
function pytestRun(path: string, commit: string, time: string, factor: number, seed: number) {
  const rand = seededRandom(seed);
  const doc = JSON.parse(readFileSync(fixture('pytest_benchmark_data.json'), 'utf8'));
  doc.commit_info = { ...doc.commit_info, id: commit, branch: 'main', time };
  doc.datetime = time;
  for (const b of doc.benchmarks) {
    b.stats.data = b.stats.data.map((v: number) => v * factor * (1 + 0.004 * (rand() - 0.5)));
    const sorted = [...b.stats.data].sort((x: number, y: number) => x - y);
    b.stats.mean = b.stats.data.reduce((s: number, v: number) => s + v, 0) / b.stats.data.length;
    b.stats.median = sorted[Math.floor(sorted.length / 2)];
    b.stats.min = sorted[0];
    b.stats.max = sorted.at(-1);
  }
  writeFileSync(path, JSON.stringify(doc, null, 2));
}

const dir = mkdtempSync(join(tmpdir(), 'ai-ci-perf-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const history = join(dir, 'history.db');
const pastDir = join(dir, 'benchmarks');

beforeAll(async () => {
  mkdirSync(pastDir);
  const rand = seededRandom(99);
  for (let i = 0; i < 12; i++) {
    const day = String(i + 1).padStart(2, '0');
    pytestRun(
      join(pastDir, `run-${day}.json`),
      `c${day}`,
      `2026-11-${day}T03:00:00Z`,
      1 + 0.01 * (rand() - 0.5),
      i,
    );
  }
  const imported = await cli(
    ['perf', 'import', pastDir, '--history', history, '--machine', MACHINE],
    NO_ACTIONS,
  );
  expect(imported.code).toBe(0);
  pytestRun(join(dir, 'regressed.json'), 'pr1', '2026-11-20T03:00:00Z', 1.2, 1001);
  pytestRun(join(dir, 'unchanged.json'), 'pr2', '2026-11-20T03:00:00Z', 1.0, 1002);
});

const analyzeArgs = (file: string, ...more: string[]) => [
  'perf',
  'analyze',
  join(dir, file),
  '--history',
  history,
  '--machine',
  MACHINE,
  '--base-branch',
  'main',
  ...more,
];

describe('ai-ci perf analyze', () => {
  it('exits 1 on a clear 20% regression and names the benchmark', async () => {
    const r = await cli(analyzeArgs('regressed.json'), NO_ACTIONS);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL regression +test_small\.py::test_fib_10 \+(19|20|21)\.\d%/);
    expect(r.out).toMatch(/FAIL regression +test_small\.py::test_sort_small \+(19|20|21)\.\d%/);
  });

  it('exits 0 when nothing changed', async () => {
    const r = await cli(analyzeArgs('unchanged.json', '--json'), NO_ACTIONS);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.verdict).not.toBe('regression');
    expect(report.benchmarks.map((b: { failing: boolean }) => b.failing)).toEqual([false, false]);
    expect(report.benchmarks[0].baseline.runs).toBe(12);
  });

  it('uses the shipped model by default, without a warning', async () => {
    expect(existsSync(DEFAULT_MODEL_PATH), `${DEFAULT_MODEL_PATH} is shipped (git ls-files models/)`).toBe(
      true,
    );
    const r = await cli(analyzeArgs('regressed.json', '--json'), NO_ACTIONS);
    const report = JSON.parse(r.out);
    expect(report.model).toMatchObject({ used: true, path: DEFAULT_MODEL_PATH });
    expect(report.benchmarks[0].source).toBe('statistics+model');
    expect(r.err).toBe('');
  });

  it('falls back to statistics with exactly one warning when the model file does not exist', async () => {
    const missing = join(dir, 'missing.onnx');
    const r = await cli(analyzeArgs('regressed.json', '--model', missing, '--json'), NO_ACTIONS);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.model).toMatchObject({ used: false, path: missing });
    expect(report.benchmarks[0].source).toBe('statistics');
    expect(r.err.match(/warning/g)).toHaveLength(1);
    expect(r.err).toContain('missing.onnx');
  });

  it('falls back to statistics with exactly one warning when the model file is corrupt', async () => {
    const bad = join(dir, 'corrupt.onnx');
    writeFileSync(bad, 'not a model');
    const r = await cli(analyzeArgs('regressed.json', '--model', bad, '--json'), NO_ACTIONS);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^ai-ci: warning: model .*corrupt\.onnx: is not an ONNX model .*; using statistics alone$/,
      ),
    ]);
    const report = JSON.parse(r.out);
    expect(report.model).toMatchObject({ used: false });
    expect(report.benchmarks[0].source).toBe('statistics');
  });

  it('writes annotations, the job summary and step outputs on GitHub Actions', async () => {
    const summary = join(dir, 'summary.md');
    const outputs = join(dir, 'outputs.txt');
    const r = await cli(analyzeArgs('regressed.json', '--github-output', outputs), {
      ...NO_ACTIONS,
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(1);
    const errors = r.out.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error file=${dir.replace(/[/.]/g, '\\$&')}/regressed\\.json,line=\\d+,title=Performance regression%3A test_small\\.py%3A%3Atest_fib_10::`,
      ),
    );
    expect(readFileSync(summary, 'utf8')).toMatch(/^## ❌ Performance: 2 regressions of 2 benchmarks/);
    expect(readFileSync(outputs, 'utf8')).toBe(
      'verdict=regression\nregressions=2\nregressed-benchmarks=["test_small.py::test_fib_10","test_small.py::test_sort_small"]\n',
    );
  });

  it('does not fail the step with --fail-on none', async () => {
    const r = await cli(analyzeArgs('regressed.json', '--fail-on', 'none', '--no-model'), NO_ACTIONS);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/regression +test_small\.py::test_fib_10/);
  });

  it('announces a large file on stderr while it reads it, then says what it read', async () => {
    // 16 MB and more: a file of 700,000 rounds (pytest-benchmark --benchmark-save-data, indented as it writes).
    const doc = JSON.parse(readFileSync(fixture('pytest_benchmark_data.json'), 'utf8'));
    const [first] = doc.benchmarks;
    first.stats.data = Array.from({ length: 700_000 }, (_, i) => first.stats.median * (1 + (i % 97) * 1e-4));
    first.stats.rounds = first.stats.data.length;
    doc.benchmarks = [first];
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(doc, null, 4));
    const r = await cli(
      ['perf', 'analyze', big, '--baseline', big, '--no-model', '--no-annotations'],
      NO_ACTIONS,
    );
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(
      lines.filter((l) => l === `ai-ci: reading ${big} (${(statSync(big).size / 1e6).toFixed(0)} MB) …`),
    ).toHaveLength(2);
    expect(
      lines.filter((l) => l.startsWith(`ai-ci: ${big}: 1 benchmark, 700,000 rounds, read in `)),
    ).toHaveLength(2);
  }, 30_000); // 2.5 s on a quiet machine; the default 5 s failed under a loaded one

  it('compares with a single baseline file', async () => {
    const r = await cli(
      [
        'perf',
        'analyze',
        join(dir, 'regressed.json'),
        '--baseline',
        join(pastDir, 'run-12.json'),
        '--json',
        '--no-model',
      ],
      NO_ACTIONS,
    );
    const report = JSON.parse(r.out);
    expect(report.baselineSource).toContain('run-12.json');
    expect(report.benchmarks[0].change.estimate).toBeGreaterThan(0.15);
  });

  it('compares with a baseline measured in the same job, without history or model', async () => {
    const r = await cli(
      [...analyzeArgs('regressed.json'), '--baseline', join(pastDir, 'run-12.json'), '--same-job', '--json'],
      NO_ACTIONS,
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.baselineSource).toMatch(/run-12\.json, measured in this job/);
    for (const b of report.benchmarks) {
      // The default model exists, but a same-job comparison is decided by its rounds.
      expect(b.source).toBe('statistics');
      expect(b.change.reference).toBe('baseline');
    }
    const usage = await cli(['perf', 'analyze', join(dir, 'regressed.json'), '--same-job'], NO_ACTIONS);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--same-job needs --baseline/);
  });

  it('says when a benchmark has no baseline, and does not fail', async () => {
    const r = await cli(
      ['perf', 'analyze', fixture('hyperfine.json'), '--history', history, '--machine', MACHINE, '--json'],
      NO_ACTIONS,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.counts['no-baseline']).toBe(2);
    // The history holds other benchmarks: these are new ones, not "no earlier run" beside a pass.
    expect(report.benchmarks[0].reason).toBe(
      'new benchmark: the history has runs of other benchmarks, none of this one',
    );
    const text = await cli(
      ['perf', 'analyze', fixture('hyperfine.json'), '--history', history, '--machine', 'other-machine'],
      NO_ACTIONS,
    );
    expect(text.out).toMatch(/^Performance: nothing to compare yet, no baseline for any of 2 benchmarks/);
  });

  it('says where the history has a benchmark when the machine class does not match', async () => {
    const r = await cli(
      [
        'perf',
        'analyze',
        fixture('pytest_benchmark_data.json'),
        '--history',
        history,
        '--machine',
        'laptop',
        '--json',
      ],
      NO_ACTIONS,
    );
    const report = JSON.parse(r.out);
    expect(report.benchmarks[0].verdict).toBe('no-baseline');
    expect(report.benchmarks[0].reason).toMatch(
      new RegExp(`^no run on machine class laptop, but the history has \\d+ on machine class ${MACHINE}`),
    );
  });

  it('exits 3 naming the file and field on malformed results, 2 without a baseline', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ results: [{ command: 'x', mean: 1 }] }));
    const r = await cli(['perf', 'analyze', bad, '--history', history], NO_ACTIONS);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`ai-ci: ${bad}: field results[0].stddev: is missing\n`);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect((await cli(['perf', 'analyze', empty, '--history', history], NO_ACTIONS)).err).toBe(
      `ai-ci: ${empty}: is empty\n`,
    );
    expect((await cli(['perf', 'analyze', fixture('hyperfine.json')], NO_ACTIONS)).code).toBe(2);
    expect(
      (await cli(['perf', 'analyze', bad, '--threshold', '2', '--history', history], NO_ACTIONS)).code,
    ).toBe(2);
  });

  describe('--pr-comment', () => {
    const fake = new CommentsFake('octo', 'bench', 'ghs_clitoken');
    beforeAll(() => fake.start());
    afterAll(() => fake.stop());

    it('posts the summary once and updates it on the next run', async () => {
      const event = join(dir, 'event.json');
      writeFileSync(
        event,
        JSON.stringify({ action: 'synchronize', number: 42, pull_request: { number: 42 } }),
      );
      const env = {
        ...NO_ACTIONS,
        GITHUB_TOKEN: 'ghs_clitoken',
        GITHUB_REPOSITORY: 'octo/bench',
        GITHUB_API_URL: fake.url,
        GITHUB_EVENT_PATH: event,
      };
      const first = await cli(analyzeArgs('regressed.json', '--pr-comment', '--no-model'), env);
      expect(first.code).toBe(1);
      expect(first.err).toMatch(
        /created PR comment https:\/\/github\.com\/octo\/bench\/pull\/42#issuecomment-\d+/,
      );
      const second = await cli(analyzeArgs('unchanged.json', '--pr-comment', '--no-model'), env);
      expect(second.code).toBe(0);
      expect(second.err).toMatch(/updated PR comment/);
      const comments = fake.comments.filter((c) => c.issue === 42);
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toMatch(/Performance: no regression|no confident regression/);
      expect(first.err + second.err).not.toContain('ghs_clitoken');
    });

    it('exits 3 when GitHub refuses and nothing else failed, without printing the token', async () => {
      const r = await cli(analyzeArgs('unchanged.json', '--pr-comment', '--pr', '42', '--no-model'), {
        ...NO_ACTIONS,
        GITHUB_TOKEN: 'ghs_wrong_token',
        GITHUB_REPOSITORY: 'octo/bench',
        GITHUB_API_URL: fake.url,
      });
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/the PR comment failed: Bad credentials/);
      expect(r.err).not.toContain('ghs_wrong_token');
    });
  });
});

describe('ai-ci perf train', () => {
  it('learns from a folder of past results and writes the model and its card', async () => {
    const model = join(dir, 'models', 'trained.onnx');
    const card = join(dir, 'models', 'CARD.md');
    const r = await cli(
      [
        'perf',
        'train',
        '--historical-data',
        pastDir,
        '--machine',
        MACHINE,
        '--output-model',
        model,
        '--model-card',
        card,
        '--hidden',
        '0',
        '--epochs',
        '5',
        '--comparisons-per-benchmark',
        '30',
        '--json',
      ],
      NO_ACTIONS,
    );
    expect(r.err).toMatch(/importing .*benchmarks/);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    // Two pytest benchmarks with 12 runs each: one trains, one is held out.
    expect(summary).toMatchObject({ trainBenchmarks: 1, trainComparisons: 30 });
    expect(summary.heldout.model.comparisons).toBe(30);
    expect(readFileSync(model).length).toBeGreaterThan(100);
    expect(readFileSync(card, 'utf8')).toContain(`Real history from ${pastDir}`);
    // The trained model serves the analysis.
    const analysed = await cli(analyzeArgs('regressed.json', '--model', model, '--json'), NO_ACTIONS);
    expect(JSON.parse(analysed.out).model.used).toBe(true);
  });

  it("runs the README's perf train --historical-data data/perf (the shipped recorded noise)", async () => {
    const model = join(dir, 'models', 'readme.onnx');
    const dataPerf = join(import.meta.dirname, '../../../data/perf');
    const r = await cli(
      [
        'perf',
        'train',
        '--historical-data',
        dataPerf,
        '--output-model',
        model,
        '--hidden',
        '0',
        '--epochs',
        '2',
        '--comparisons-per-benchmark',
        '10',
        '--json',
      ],
      NO_ACTIONS,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/skipped/);
    expect(JSON.parse(r.out).trainBenchmarks).toBeGreaterThan(10);
    expect(readFileSync(model).length).toBeGreaterThan(100);
  }, 300_000);

  it('refuses a folder without enough history, and two data sources at once', async () => {
    const few = join(dir, 'few');
    mkdirSync(few);
    pytestRun(join(few, 'one.json'), 'x', '2026-11-01T00:00:00Z', 1, 1);
    const r = await cli(
      ['perf', 'train', '--historical-data', few, '--output-model', join(dir, 'x.onnx')],
      NO_ACTIONS,
    );
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/0 benchmark stretches with enough runs/);
    const both = await cli(
      [
        'perf',
        'train',
        '--historical-data',
        few,
        '--history',
        history,
        '--output-model',
        join(dir, 'x.onnx'),
      ],
      NO_ACTIONS,
    );
    expect(both.code).toBe(2);
  });
});

describe('ai-ci perf record, export, import', () => {
  it('round-trips the history through an export file', async () => {
    const db = join(dir, 'rec.db');
    const rec = await cli(
      [
        'perf',
        'record',
        fixture('gbench_repetitions.json'),
        '--history',
        db,
        '--commit',
        'abc',
        '--branch',
        'main',
        '--machine',
        MACHINE,
        '--json',
      ],
      NO_ACTIONS,
    );
    expect(rec.code).toBe(0);
    expect(JSON.parse(rec.out)).toMatchObject({ benchmarks: 3, added: 3, commit: 'abc', branch: 'main' });
    const again = await cli(
      [
        'perf',
        'record',
        fixture('gbench_repetitions.json'),
        '--history',
        db,
        '--commit',
        'abc',
        '--machine',
        MACHINE,
      ],
      NO_ACTIONS,
    );
    expect(again.out).toMatch(/recorded 0 of 3 .*already there/);

    const exportFile = join(dir, 'export.json');
    expect((await cli(['perf', 'export', '--history', db, '--output', exportFile], NO_ACTIONS)).code).toBe(0);
    const exported = JSON.parse(readFileSync(exportFile, 'utf8'));
    expect(exported.kind).toBe('ai-ci-perf-history');
    expect(exported.runs).toHaveLength(3);

    const copy = join(dir, 'copy.db');
    const imp = await cli(['perf', 'import', exportFile, '--history', copy, '--json'], NO_ACTIONS);
    expect(JSON.parse(imp.out)).toMatchObject({ files: 1, runsInserted: 3 });
    const stdoutExport = await cli(['perf', 'export', '--history', copy], NO_ACTIONS);
    expect(JSON.parse(stdoutExport.out).runs).toEqual(exported.runs);
  });

  it('exits 3 on a history that does not exist for export', async () => {
    const r = await cli(['perf', 'export', '--history', join(dir, 'nope.db')], NO_ACTIONS);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/nope\.db: history database does not exist/);
  });
});
