import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HistoryStore } from '../../../src/analysis/perf/history/index.js';
import { parseResultsFile } from '../../../src/analysis/perf/parse/index.js';
import { buildProgram } from '../../../src/runner-image/cli/program.js';
import { startFakeMlflow } from '../../fakes/mlflow/server.js';

const root = join(import.meta.dirname, '..', '..', '..');
const actionPath = join(root, 'actions', 'ai-regression-detector', 'action.yml');

interface ActionYaml {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; shell?: string; run?: string; env?: Record<string, string> }[];
  };
}

describe('actions/ai-regression-detector/action.yml', () => {
  const text = readFileSync(actionPath, 'utf8');
  const action = parse(text) as ActionYaml;

  it('is a composite action with the design document’s inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['benchmark-results', 'model-path', 'threshold', 'history', 'github-token']),
    );
    expect(action.inputs['benchmark-results']!.required).toBe(true);
    expect(action.inputs.threshold!.default).toBe('0.95');
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
    }
  });

  it('uses every declared input, and only declared ones', () => {
    const used = new Set([...text.matchAll(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('passes inputs through the environment, never spliced into the script', () => {
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toMatch(/\$\{\{/);
    }
  });

  it('maps its outputs to what the CLI writes with --github-output', () => {
    const analyze = action.runs.steps.find((s) => s.id === 'analyze')!;
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.analyze.outputs.${name} }}`);
    }
    expect(analyze.run).toContain('--github-output "$GITHUB_OUTPUT"');
    expect(analyze.run).toContain('echo "report=$report" >> "$GITHUB_OUTPUT"');
  });

  it('passes only options that ai-ci perf analyze has', () => {
    const analyzeCommand = buildProgram()
      .commands.find((c) => c.name() === 'perf')!
      .commands.find((c) => c.name() === 'analyze')!;
    const known = new Set(analyzeCommand.options.map((o) => o.long));
    const run = action.runs.steps.find((s) => s.id === 'analyze')!.run!;
    const passed = [...run.matchAll(/(?<![\w-])(--[a-z][a-z-]+)/g)].map((m) => m[1]!);
    expect(passed.length).toBeGreaterThan(8);
    for (const flag of passed) expect(known.has(flag), flag).toBe(true);
  });
});

describe('the action’s analyse step, run by bash as the runner would', () => {
  const action = parse(readFileSync(actionPath, 'utf8')) as ActionYaml;
  const script = action.runs.steps.find((s) => s.id === 'analyze')!.run!;

  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  async function setUp() {
    const dir = mkdtempSync(join(tmpdir(), 'ai-ci-action-'));
    made.push(dir);
    // The CLI from this checkout, as the action's first step would find it after a build.
    const cli = join(dir, 'ai-ci');
    writeFileSync(
      cli,
      `#!/usr/bin/env bash\nexec "${process.execPath}" --import "${import.meta.resolve('tsx')}" "${root}/src/runner-image/cli/main.ts" "$@"\n`,
    );
    chmodSync(cli, 0o755);
    // A history of ten runs of a real Google Benchmark file on main, a few tenths of a percent apart.
    const parsed = await parseResultsFile(
      join(root, 'test/analysis/perf/parse/fixtures/gbench_repetitions.json'),
    );
    mkdirSync(join(dir, '.ai-ci'));
    const history = join(dir, '.ai-ci', 'perf-history.db');
    const store = HistoryStore.open(history);
    for (let i = 0; i < 10; i++) {
      const factor = 1 + 0.002 * ((i * 7) % 5);
      const results = parsed.results.map((r) => ({ ...r, samples: r.samples.map((v) => v * factor) }));
      store.record(results, {
        commit: `c${i}`,
        branch: 'main',
        time: `2026-11-${10 + i}T00:00:00Z`,
        machine: 'ci',
      });
    }
    store.close();
    const slower = JSON.parse(
      readFileSync(join(root, 'test/analysis/perf/parse/fixtures/gbench_repetitions.json'), 'utf8'),
    );
    for (const b of slower.benchmarks) {
      // A code change slows the CPU time with the wall time (a wall time alone growing reads as descheduling).
      if (b.run_type === 'iteration' && b.name === 'BM_StringAppend') {
        b.real_time *= 1.3;
        b.cpu_time *= 1.3;
      }
    }
    writeFileSync(join(dir, 'results.json'), JSON.stringify(slower, null, 2));
    return { dir, cli, history };
  }

  function stepEnv(dir: string, cli: string, outputs: string, env: Record<string, string>) {
    return {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      AI_CI: cli,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_ACTIONS: 'true',
      INPUT_RESULTS: 'results.json',
      INPUT_MODEL: '',
      INPUT_THRESHOLD: '0.95',
      INPUT_HISTORY: '.ai-ci/perf-history.db',
      INPUT_BASELINE: '',
      INPUT_SAME_JOB: 'false',
      INPUT_FORMAT: 'auto',
      INPUT_MACHINE: 'ci',
      INPUT_FAIL_ON: 'regression',
      GITHUB_TOKEN: '',
      GITHUB_BASE_REF: 'main',
      ...env,
    };
  }

  function runStep(dir: string, cli: string, env: Record<string, string>) {
    const outputs = join(dir, 'github-output.txt');
    writeFileSync(outputs, '');
    const res = spawnSync('bash', ['-c', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: stepEnv(dir, cli, outputs, env),
    });
    return { ...res, outputs: readFileSync(outputs, 'utf8') };
  }

  it('fails the step on a 30% regression, annotates it and sets the outputs; a pull request records nothing', async () => {
    const { dir, cli, history } = await setUp();
    const res = runStep(dir, cli, { INPUT_RECORD: 'auto', GITHUB_EVENT_NAME: 'pull_request' });
    expect(res.status, res.stderr).toBe(1);
    expect(res.stdout).toMatch(
      /^::error file=results\.json,line=\d+,title=Performance regression%3A BM_StringAppend::/m,
    );
    expect(res.outputs).toContain(`report=${dir}/ai-ci-perf-report.json\n`);
    expect(res.outputs).toContain(
      'verdict=regression\nregressions=1\nregressed-benchmarks=["BM_StringAppend"]\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'ai-ci-perf-report.json'), 'utf8')).verdict).toBe('regression');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(
      /^## ❌ Performance: 1 regression of 3 benchmarks/,
    );
    const store = HistoryStore.open(history);
    expect(store.count()).toBe(30);
    store.close();
  }, 60_000);

  it('records on a push and rejects a bad record value', async () => {
    const { dir, cli, history } = await setUp();
    const res = runStep(dir, cli, {
      INPUT_RECORD: 'auto',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: 'new',
      GITHUB_REF_NAME: 'main',
    });
    expect(res.stderr).toMatch(/recorded 3 results into \.ai-ci\/perf-history\.db/);
    const store = HistoryStore.open(history);
    expect(store.count()).toBe(33);
    store.close();
    const bad = runStep(dir, cli, { INPUT_RECORD: 'sometimes', GITHUB_EVENT_NAME: 'push' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('::error title=ai-regression-detector::record must be true, false or auto');
  }, 60_000);

  it('compares with the base commit measured in the same job, and rejects a bad same-job value', async () => {
    const { dir, cli } = await setUp();
    const base = join(root, 'test/analysis/perf/parse/fixtures/gbench_repetitions.json');
    const env = { INPUT_RECORD: 'false', GITHUB_EVENT_NAME: 'pull_request', INPUT_BASELINE: base };
    const res = runStep(dir, cli, { ...env, INPUT_SAME_JOB: 'true' });
    expect(res.status, res.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'ai-ci-perf-report.json'), 'utf8'));
    expect(report.baselineSource).toMatch(/measured in this job/);
    expect(res.outputs).toContain('regressed-benchmarks=["BM_StringAppend"]\n');
    const bad = runStep(dir, cli, { ...env, INPUT_SAME_JOB: 'yes' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('::error title=ai-regression-detector::same-job must be true or false');
  }, 60_000);

  it('logs the analysis to MLflow with mlflow-experiment, the step failing as without it', async () => {
    const { dir, cli } = await setUp();
    const fake = await startFakeMlflow();
    try {
      const outputs = join(dir, 'github-output.txt');
      writeFileSync(outputs, '');
      const env = stepEnv(dir, cli, outputs, {
        INPUT_RECORD: 'false',
        GITHUB_EVENT_NAME: 'pull_request',
        INPUT_MLFLOW: 'benchmarks',
        MLFLOW_TRACKING_URI: fake.url,
      });
      // Asynchronously: the fake answers from this process while the step runs.
      const status = await new Promise<number | null>((resolve) =>
        execFile('bash', ['-c', script], { cwd: dir, env, timeout: 60_000 }, (err) =>
          resolve(err ? ((err as { code?: number }).code ?? null) : 0),
        ),
      );
      expect(status).toBe(1);
      const run = [...fake.runs.values()][0]!;
      expect(fake.experiments.has('benchmarks')).toBe(true);
      // A regression is a finished analysis with a finding (exit 1), not a failed run.
      expect(run.info.status).toBe('FINISHED');
      expect(run.metrics.find((m) => m.key === 'failing')?.value).toBe(1);
      expect(fake.artifacts.size).toBe(1);
    } finally {
      await fake.close();
    }
  }, 60_000);
});
