/**
 * The example workflows and the project's own workflows pass actionlint (bin/actionlint, built by
 * `npm run tools:build`), and keep what the design document asks of them.
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateResource } from '../../src/api/validate.js';
import { buildProgram } from '../../src/runner-image/cli/program.js';
import { runCliCaptured } from '../support/cli.js';
import { repoRoot, tool } from './support/helm.js';

const run = promisify(execFile);
const CONFIG = path.join(repoRoot, '.github/actionlint.yaml');

async function actionlint(files: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      tool('actionlint'),
      ['-config-file', CONFIG, '-no-color', ...files],
      {
        cwd: repoRoot,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

const ymls = (dir: string) =>
  readdirSync(path.join(repoRoot, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));

type Workflow = {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<
    string,
    {
      'runs-on': unknown;
      needs?: string | string[];
      if?: string;
      outputs?: Record<string, string>;
      steps: {
        id?: string;
        name?: string;
        if?: string;
        uses?: string;
        run?: string;
        with?: Record<string, unknown>;
        env?: Record<string, string>;
      }[];
    }
  >;
};
const workflow = (rel: string) => parse(readFileSync(path.join(repoRoot, rel), 'utf8')) as Workflow;

describe('actionlint', () => {
  const files = [...ymls('examples/workflows'), ...ymls('.github/workflows')];

  it('finds the workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'examples/workflows/ai-performance.yml',
        'examples/workflows/ai-code-review.yml',
        'examples/workflows/carbon-optimized-ci.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/e2e-kind.yml',
      ]),
    );
  });

  it.each(files)('%s passes', async (file) => {
    const r = await actionlint([file]);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails a broken workflow (the check is real)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ai-ci-actionlint-'));
    const bad = path.join(dir, 'bad.yml');
    writeFileSync(
      bad,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n  b:\n    needs: missing\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n',
    );
    const r = await actionlint([bad]);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/missing/);
  });
});

describe('examples/workflows/ai-performance.yml', () => {
  const wf = workflow('examples/workflows/ai-performance.yml');
  const job = wf.jobs['ai-performance']!;
  const ab = wf.jobs['ai-performance-ab']!;

  it('benchmarks on runs-on: ubuntu-latest-gpu, as the design document writes it: A/B on pull requests, history on main', () => {
    expect(job['runs-on']).toBe('ubuntu-latest-gpu');
    expect(ab['runs-on']).toBe('ubuntu-latest-gpu');
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.on).toMatchObject({ push: { branches: ['main'] } });
    expect(ab.if).toBe("github.event_name == 'pull_request'");
    expect(job.if).toBe("github.event_name == 'push'");
  });

  it('runs the regression detector in history mode on main with the design inputs, all declared by the action', () => {
    const step = job.steps.find((s) => s.uses === './actions/ai-regression-detector')!;
    expect(step.with).toEqual({
      'benchmark-results': 'results.json',
      'model-path': 'models/performance-predictor.onnx',
      threshold: 0.95,
    });
    const action = parse(
      readFileSync(path.join(repoRoot, 'actions/ai-regression-detector/action.yml'), 'utf8'),
    ) as { inputs: Record<string, unknown> };
    for (const input of Object.keys(step.with!)) expect(action.inputs).toHaveProperty([input]);
    const bench = job.steps.findIndex((s) => s.run?.includes('--benchmark-json=results.json'));
    expect(bench).toBeGreaterThanOrEqual(0);
    expect(bench).toBeLessThan(job.steps.indexOf(step));
  });

  it('traces its ai-ci steps under the job when the OPENTELEMETRY_ENDPOINT secret is set (README → Tracing)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(wf.env).toEqual({ OPENTELEMETRY_ENDPOINT: '${{ secrets.OPENTELEMETRY_ENDPOINT }}' });
    const steps = [
      ab.steps.find((s) => s.run?.startsWith('ai-ci perf ab'))!,
      job.steps.find((s) => s.uses === './actions/ai-regression-detector')!,
    ];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    for (const step of steps) expect(step.env).toEqual({ AI_CI_JOB_ID: '${{ job.check_run_id }}' });
  });

  describe('the same-job A/B step of pull requests, run as written (pytest replaced by real pytest-benchmark files)', () => {
    const step = ab.steps.find((s) => s.run?.startsWith('ai-ci perf ab'))!;
    const argv = (run: string): string[] => {
      const words: string[] = [];
      for (const m of run.trim().matchAll(/"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2]!);
      return words.slice(1); // without "ai-ci"
    };
    let root = '';
    let cwd = '';
    beforeAll(() => {
      root = mkdtempSync(path.join(tmpdir(), 'ai-ci-ab-wf-'));
      mkdirSync(path.join(root, 'bin'));
      mkdirSync(path.join(root, 'base'));
      mkdirSync(path.join(root, 'head'));
      const fake = path.join(repoRoot, 'test/delivery/support/fake-pytest.mjs');
      writeFileSync(path.join(root, 'bin/pytest'), `#!/bin/sh\nexec "${process.execPath}" "${fake}" "$@"\n`, {
        mode: 0o755,
      });
      cwd = process.cwd();
      process.chdir(path.join(root, 'head'));
    });
    afterAll(() => {
      process.chdir(cwd);
      rmSync(root, { recursive: true, force: true });
    });
    const run = (factor: number) => {
      const state = mkdtempSync(path.join(root, 'state-'));
      return runCliCaptured(argv(step.run!), {
        PATH: `${path.join(root, 'bin')}:${process.env.PATH}`,
        FAKE_PYTEST_FIXTURES: path.join(repoRoot, 'test/fixtures/perf/real/pytest'),
        FAKE_PYTEST_STATE: state,
        FAKE_PYTEST_HEAD_FACTOR: String(factor),
        AI_CI_MODE: undefined,
      });
    };

    it('checks out the base ref beside the head first', () => {
      const checkout = ab.steps.find((s) => s.run?.includes('git worktree add ../base'))!;
      expect(ab.steps.indexOf(checkout)).toBeLessThan(ab.steps.indexOf(step));
      expect(ab.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    });

    it('fails the step on a 2× slower head, reporting about +100% for each benchmark', async () => {
      const r = await run(2);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      const lines = r.out.trim().split('\n');
      expect(lines).toHaveLength(3);
      for (const line of lines)
        expect(line).toMatch(
          /: \+(9\d|10\d)\.\d% \[.*\] regression \(P\(regressed\) = 1\.000; 10 rounds each\)$/,
        );
    }, 60_000);

    it('passes an unchanged head', async () => {
      const r = await run(1);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/ regression /);
    }, 120_000); // up to 2 × 41 runs of the fake pytest when a benchmark needs --max-rounds
  });
});

describe('examples/workflows/carbon-optimized-ci.yml', () => {
  const wf = workflow('examples/workflows/carbon-optimized-ci.yml');

  it('checks the grid in one `ai-ci carbon now` step against a valid CarbonPolicy manifest, honouring force_run', () => {
    const check = wf.jobs['carbon-check']!;
    const step = check.steps.find((s) => s.id === 'carbon')!;
    expect(step.run).toMatch(/^ai-ci carbon now /);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(step.run).toContain("${{ inputs.force_run && '--force' || '' }}");
    const policy = /--policy (\S+)/.exec(step.run!)![1]!;
    const manifest = parse(readFileSync(path.join(repoRoot, policy), 'utf8'));
    expect(validateResource(manifest).issues).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(check.outputs?.should_run).toBe('${{ steps.carbon.outputs.low_carbon }}');
    expect(wf.on).toMatchObject({
      schedule: [{ cron: '0 */6 * * *' }],
      workflow_dispatch: { inputs: { force_run: { type: 'boolean', default: false } } },
    });
  });

  it('runs the tests only after the check, and only when it says so', () => {
    const tests = wf.jobs['optimized-tests']!;
    expect(tests.needs).toBe('carbon-check');
    expect(tests.if).toBe("needs.carbon-check.outputs.should_run == 'true'");
  });

  it('runs the design document’s `pytest --carbon-tracking --carbon-budget=1.0` with ai-ci’s plugin installed', () => {
    const run = wf.jobs['optimized-tests']!.steps.map((s) => s.run ?? '').join('\n');
    expect(run).toContain('pip install pytest ./integrations/pytest');
    expect(run).toMatch(/^pytest --carbon-tracking --carbon-budget=1\.0 /m);
    expect(existsSync(path.join(repoRoot, 'integrations/pytest/pyproject.toml'))).toBe(true);
  });
});

describe('examples/workflows/ai-code-review.yml', () => {
  const wf = workflow('examples/workflows/ai-code-review.yml');
  const job = wf.jobs['ai-code-review']!;
  const review = job.steps.find((s) => s.run?.startsWith('ai-ci review'))!;

  it('is the check examples/branch-protection.json requires, on opened and synchronized pull requests', () => {
    const protection = JSON.parse(
      readFileSync(path.join(repoRoot, 'examples/branch-protection.json'), 'utf8'),
    );
    expect(protection.required_status_checks.contexts).toContain('ai-code-review');
    expect(wf.on).toEqual({ pull_request: { types: ['opened', 'synchronize'] } });
  });

  it('lints, reviews with the design flags, uploads SARIF even when the review fails, then predicts carbon', () => {
    const names = job.steps.map((s) => s.uses ?? s.run?.split(' ').slice(0, 3).join(' '));
    const lint = names.findIndex((n) => n?.startsWith('super-linter/super-linter'));
    const upload = job.steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    const predict = job.steps.findIndex((s) => s.run?.startsWith('ai-ci carbon predict'));
    expect(lint).toBeGreaterThanOrEqual(0);
    expect(lint).toBeLessThan(job.steps.indexOf(review));
    expect(job.steps.indexOf(review)).toBeLessThan(upload);
    expect(upload).toBeLessThan(predict);
    for (const flag of ['--check-data-leakage', '--check-reproducibility', '--check-performance-impact'])
      expect(review.run).toContain(flag);
    expect(review.run).toContain('--output-format=github-annotations');
    const sarif = /--sarif=(\S+)/.exec(review.run!)![1];
    expect(job.steps[upload]!.with?.sarif_file).toBe(sarif);
    expect(job.steps[upload]!.if).toBe('success() || failure()');
    expect(job.steps[predict]!.run).toMatch(/--base-ref=\S+ --head-ref=\S+/);
  });

  it('predicts carbon with options `ai-ci carbon predict` has, informing without failing the job', () => {
    const step = job.steps.find((s) => s.run?.startsWith('ai-ci carbon predict'))!;
    const cmd = buildProgram()
      .commands.find((c) => c.name() === 'carbon')!
      .commands.find((c) => c.name() === 'predict')!;
    const known = new Set(cmd.options.map((o) => o.long));
    const used = [...step.run!.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]);
    for (const flag of used) expect(known).toContain(flag);
    // A missing history is a warning (exit 0), so the step needs no continue-on-error.
    expect(step.run).toContain('--missing-history=warn');
    expect(step).not.toHaveProperty('continue-on-error');
  });

  it('uses only options that `ai-ci review` has', () => {
    const cmd = buildProgram().commands.find((c) => c.name() === 'review')!;
    const known = new Set(cmd.options.map((o) => o.long));
    const used = [...review.run!.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(4);
    for (const flag of used) expect(known).toContain(flag);
  });
});

describe('.github/workflows', () => {
  it('ci.yml runs bash .ci/run', () => {
    const wf = workflow('.github/workflows/ci.yml');
    expect(Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run))).toContain('bash .ci/run');
  });

  it('e2e-kind.yml creates a kind cluster, builds both images and installs the chart', () => {
    const wf = workflow('.github/workflows/e2e-kind.yml');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => s.uses?.startsWith('helm/kind-action@'))).toBe(true);
    const script = steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('docker build -t "$CONTROLLER_IMAGE" .');
    expect(script).toContain('-f src/runner-image/Dockerfile');
    expect(script).toContain('helm install ai-ci charts/ai-ci');
  });
});
