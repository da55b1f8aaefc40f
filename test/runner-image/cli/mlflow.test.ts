/**
 * `--mlflow` on `perf analyze`, `carbon track` and `review`, end to end against the fake MLflow tracking server
 * (test/fakes/mlflow/server.ts, built from MLflow's REST API documentation): each command's figures as metrics,
 * its JSON report as the artifact, the run FINISHED when the command did its work (a finding included) and FAILED
 * when it could not (a failed tracked command, unreadable input) — and the command's exit code the
 * same with the server up, answering an error, or down (one warning line).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadUrl, type FakeMlflow, startFakeMlflow } from '../../fakes/mlflow/server.js';
import { runCliCaptured } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ai-ci-mlflow-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fake: FakeMlflow;
beforeEach(async () => {
  fake = await startFakeMlflow();
});
afterEach(() => fake.close());

/** No GitHub Actions variables (they would add annotations and summaries), MLflow pointed at the fake. */
const env = (over: Record<string, string | undefined> = {}) => ({
  GITHUB_ACTIONS: undefined,
  GITHUB_STEP_SUMMARY: undefined,
  GITHUB_EVENT_PATH: undefined,
  GITHUB_BASE_REF: undefined,
  GITHUB_REF_NAME: undefined,
  GITHUB_SHA: 'feedfacecafebeef000000000000000000000000',
  GITHUB_REF: 'refs/heads/main',
  MLFLOW_TRACKING_URI: fake.url,
  MLFLOW_EXPERIMENT_NAME: undefined,
  MLFLOW_TRACKING_TOKEN: undefined,
  AI_CI_MODE: undefined,
  ...over,
});

const onlyRun = () => {
  expect(fake.runs.size).toBe(1);
  const run = [...fake.runs.values()][0]!;
  const metric = (key: string) => run.metrics.find((m) => m.key === key)?.value;
  const artifact = (name: string) =>
    fake.artifacts.get(`${run.info.experiment_id}/${run.info.run_id}/artifacts/${name}`)?.body;
  return { run, metric, artifact, tag: (k: string) => run.tags.find((t) => t.key === k)?.value };
};

/** A real pytest-benchmark file with every round of `test_sort_small` scaled: a clear regression. */
function pytestFiles(): { base: string; head: string } {
  const fixture = join(import.meta.dirname, '../../analysis/perf/parse/fixtures/pytest_benchmark_data.json');
  const doc = JSON.parse(readFileSync(fixture, 'utf8'));
  for (const b of doc.benchmarks) {
    if (b.name !== 'test_sort_small') continue;
    b.stats.data = b.stats.data.map((v: number) => v * 1.5);
    for (const k of ['min', 'max', 'mean', 'median', 'q1', 'q3']) if (k in b.stats) b.stats[k] *= 1.5;
  }
  const head = join(dir, 'head.json');
  writeFileSync(head, JSON.stringify(doc));
  return { base: fixture, head };
}

describe('perf analyze --mlflow', () => {
  it('logs change %, P(regression) and verdict counts, the --json report as artifact; exit 1 unchanged, run FINISHED (a finding is not a failure)', async () => {
    const { base, head } = pytestFiles();
    const args = ['perf', 'analyze', head, '--baseline', base, '--same-job', '--no-model', '--json'];
    const plain = await runCliCaptured(args, env({ MLFLOW_TRACKING_URI: undefined }));
    const r = await runCliCaptured([...args, '--mlflow', 'bench'], env());
    expect(plain.code).toBe(1);
    expect(r.code).toBe(plain.code);
    const { run, metric, artifact, tag } = onlyRun();
    expect(fake.experiments.get('bench')).toBeDefined();
    expect(run.info.status).toBe('FINISHED');
    expect(tag('ai-ci.exit_code')).toBe('1');
    expect(run.info.run_name).toBe('perf analyze feedfac');
    expect(tag('mlflow.source.git.commit')).toBe('feedfacecafebeef000000000000000000000000');
    expect(tag('github.ref')).toBe('refs/heads/main');
    const report = JSON.parse(r.out);
    expect(tag('ai-ci.verdict')).toBe(report.verdict);
    expect(JSON.parse(artifact('perf-report.json')!)).toEqual(report);
    const sort = report.benchmarks.find((b: { name: string }) => b.name.endsWith('::test_sort_small'));
    expect(sort.failing).toBe(true);
    // pytest's `file.py::test` name: `:` is no character of an MLflow key.
    expect(sort.name).toBe('test_small.py::test_sort_small');
    expect(metric('change_pct/test_small.py__test_sort_small')).toBeCloseTo(sort.change.estimate * 100, 10);
    expect(metric('p_regression/test_small.py__test_sort_small')).toBe(sort.probabilityRegressed);
    expect(metric('change_pct/test_small.py__test_fib_10')).toBeDefined();
    expect(metric('failing')).toBe(1);
    expect(metric('verdicts/regression')).toBe(report.counts.regression);
    expect(metric('verdicts/no-change')).toBe(report.counts['no-change']);
    expect(r.err).toMatch(/ai-ci: MLflow: logged run \S+ to experiment "bench"/);
  });

  it("an MLflow error answer is one warning line and the command's exit code stays", async () => {
    const { base, head } = pytestFiles();
    fake.failNext(
      'runs/create',
      403,
      'PERMISSION_DENIED',
      "User 'ci' does not have permission to create runs",
    );
    const r = await runCliCaptured(
      ['perf', 'analyze', head, '--baseline', base, '--same-job', '--no-model', '--json', '--mlflow'],
      env({ MLFLOW_EXPERIMENT_NAME: 'from-env' }),
    );
    expect(r.code).toBe(1);
    expect(fake.experiments.has('from-env')).toBe(true);
    const mlflowLines = r.err.split('\n').filter((l) => l.includes('MLflow'));
    expect(mlflowLines).toEqual([
      "ai-ci: warning: MLflow export failed: runs/create: HTTP 403, PERMISSION_DENIED: User 'ci' does not have permission to create runs; the step's exit code is unchanged",
    ]);
  });
});

describe('carbon track --mlflow', () => {
  const track = ['carbon', 'track', '--powercap-root', '/nonexistent', '--no-gpu', '--intensity', '300'];

  it("logs Wh, gCO2e, duration and budget with the report as artifact; the command's own exit code passes through", async () => {
    const json = join(dir, 'carbon.json');
    const r = await runCliCaptured(
      [...track, '--budget', '1000', '--json', json, '--mlflow=carbon', '--', 'sh', '-c', 'exit 7'],
      env(),
    );
    expect(r.code).toBe(7);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const { run, metric, artifact, tag } = onlyRun();
    expect(run.info.status).toBe('FAILED');
    expect(run.info.start_time).toBe(Math.round(report.measurement.startedAt));
    expect(metric('energy_wh')).toBe(report.energy.wh);
    expect(metric('carbon_gco2e')).toBe(report.carbon.grams);
    expect(metric('duration_s')).toBe(report.measurement.durationSeconds);
    expect(metric('intensity_gco2e_per_kwh')).toBe(300);
    expect(metric('budget_gco2e')).toBe(1000);
    expect(metric('budget_used')).toBeCloseTo(report.carbon.grams / 1000, 12);
    expect(metric('command_exit_code')).toBe(7);
    expect(metric('energy_wh/cpu')).toBeGreaterThanOrEqual(0);
    expect(tag('ai-ci.budget_state')).toBe('within');
    expect(run.params.find((p) => p.key === 'command')?.value).toBe('sh -c exit 7');
    expect(JSON.parse(artifact('carbon-report.json')!)).toEqual(report);
  });

  it('with the tracking server down: exit code unchanged, one warning line', async () => {
    const url = await deadUrl();
    const r = await runCliCaptured(
      [...track, '--mlflow', '--', 'sh', '-c', 'exit 0'],
      env({ MLFLOW_TRACKING_URI: url }),
    );
    expect(r.code).toBe(0);
    expect(r.err.split('\n').filter((l) => l.includes('MLflow'))).toEqual([
      `ai-ci: warning: MLflow export failed: cannot reach the tracking server ${url} (ECONNREFUSED); the step's exit code is unchanged`,
    ]);
  });

  it('an exceeded budget (exit 4) is exported as FINISHED with the budget state and exit code tags, and still exits 4', async () => {
    const r = await runCliCaptured(
      [
        ...track,
        '--budget',
        '0.0000000001',
        '--mlflow',
        '--',
        'sh',
        '-c',
        'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done',
      ],
      env(),
    );
    expect(r.code).toBe(4);
    const { run, tag } = onlyRun();
    expect(fake.experiments.has('ai-ci-carbon')).toBe(true);
    expect(run.info.status).toBe('FINISHED');
    expect(tag('ai-ci.budget_state')).toBe('exceeded');
    expect(tag('ai-ci.exit_code')).toBe('4');
  });
});

describe('review --mlflow', () => {
  it('logs findings per severity and per rule, the JSON report as artifact; exit 1 unchanged', async () => {
    const src = join(dir, 'review');
    mkdirSync(src, { recursive: true });
    writeFileSync(
      join(src, 'train.py'),
      [
        'import pandas as pd',
        'from sklearn.model_selection import train_test_split',
        'from sklearn.preprocessing import StandardScaler',
        'from sklearn.linear_model import LogisticRegression',
        'from sklearn.ensemble import RandomForestClassifier',
        'df = pd.read_csv("d.csv")',
        'X = StandardScaler().fit_transform(df.drop(columns=["y"]))',
        'X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)',
        'a = LogisticRegression().fit(X_tr, y_tr)',
        'print(a.score(X_te, y_te))',
        'b = RandomForestClassifier(random_state=0).fit(X_tr, y_tr)',
        'print(b.score(X_te, y_te))',
        '',
      ].join('\n'),
    );
    writeFileSync(join(src, 'other.py'), 'import numpy as np\nx = np.random.rand(3)\n');
    const json = await runCliCaptured(['review', src, '--output-format', 'json'], env());
    const r = await runCliCaptured(['review', '--mlflow=review-exp', src, '--output-format', 'json'], env());
    expect(r.code).toBe(json.code);
    expect(r.code).toBe(1);
    const { run, metric, artifact } = onlyRun();
    expect(run.info.status).toBe('FINISHED');
    const report = JSON.parse(json.out);
    expect(artifact('review.json')).toBe(json.out);
    const count = (pred: (f: { severity: string; ruleId: string }) => boolean) =>
      report.findings.filter(
        (f: { severity: string; ruleId: string; suppressed?: unknown }) => !f.suppressed && pred(f),
      ).length;
    expect(metric('findings')).toBe(count(() => true));
    expect(metric('findings/severity/error')).toBe(count((f) => f.severity === 'error'));
    expect(metric('findings/severity/error')).toBeGreaterThan(0);
    expect(metric('findings/severity/warning')).toBe(count((f) => f.severity === 'warning'));
    expect(metric('findings/rule/leak-selection')).toBe(count((f) => f.ruleId === 'leak-selection'));
    expect(metric('findings/rule/repro-unseeded')).toBe(count((f) => f.ruleId === 'repro-unseeded'));
    // Every rule that ran has a metric, zero or not.
    for (const id of report.rules) expect(metric(`findings/rule/${id}`), id).toBeDefined();
    expect(metric('files')).toBe(2);
  });
});
