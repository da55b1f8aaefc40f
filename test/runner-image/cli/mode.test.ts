/**
 * Report mode (mode.ts): each gate computes what it always does, but its verdict does not fail the step; one line
 * (and a warning annotation in GitHub Actions) says what enforce mode would have done. Broken set-ups and a
 * wrapped command's own failure still fail.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeMode } from '../../../src/runner-image/cli/mode.js';
import { PYPROJ } from '../../analysis/select/helpers.js';
import { runCliCaptured } from '../../support/cli.js';

const PEERS = join(import.meta.dirname, '../../fixtures/perf/peers/google-benchmark');
const NO_CI = {
  GITHUB_ACTIONS: undefined,
  GITHUB_STEP_SUMMARY: undefined,
  GITHUB_REF_NAME: undefined,
  AI_CI_MODE: undefined,
};
const cli = (argv: string[], env: Record<string, string | undefined> = {}) =>
  runCliCaptured(argv, { ...NO_CI, ...env });
const REPORT_LINE =
  /^ai-ci: report mode: enforce mode would have failed this step with exit (\d) \(([^)]+)\); it passes$/m;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-mode-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('takeMode', () => {
  it.each([
    [['perf', 'analyze', 'r.json', '--mode', 'report'], {}, 'report', ['perf', 'analyze', 'r.json']],
    [['--mode=REPORT', 'review', '.'], {}, 'report', ['review', '.']],
    [['review', '.'], { AI_CI_MODE: 'report' }, 'report', ['review', '.']],
    [['review', '.', '--mode', 'enforce'], { AI_CI_MODE: 'report' }, 'enforce', ['review', '.']],
    // After `--` the arguments are the wrapped command's, untouched.
    [
      ['carbon', 'track', '--', 'tool', '--mode', 'x'],
      {},
      'enforce',
      ['carbon', 'track', '--', 'tool', '--mode', 'x'],
    ],
  ] as const)('%j with %j → %s', (argv, env, mode, rest) => {
    expect(takeMode(argv, env)).toEqual({ mode, argv: rest });
  });

  it('refuses an unknown mode with one line and exit 2', async () => {
    const r = await cli(['review', '.', '--mode', 'audit']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('ai-ci: --mode: "audit" is not a mode: enforce (default) or report\n');
    const e = await cli(['review', '.'], { AI_CI_MODE: 'warn' });
    expect(e.err).toBe('ai-ci: AI_CI_MODE: "warn" is not a mode: enforce (default) or report\n');
  });
});

describe('each gate in report mode', () => {
  it('perf analyze: a confident regression prints its report, exit 0, and says enforce would fail', async () => {
    const argv = [
      'perf',
      'analyze',
      join(PEERS, 'test1_run2.json'),
      '--baseline',
      join(PEERS, 'test1_run1.json'),
      '--no-model',
    ];
    const enforce = await cli(argv);
    expect(enforce.code).toBe(1);
    expect(enforce.err).not.toMatch(REPORT_LINE);
    const report = await cli([...argv, '--mode', 'report'], { GITHUB_ACTIONS: 'true' });
    expect(report.code).toBe(0);
    expect(report.out).toContain('FAIL regression   BM_2xSlower');
    expect(report.err).toMatch(REPORT_LINE);
    expect(REPORT_LINE.exec(report.err)!.slice(1)).toEqual(['1', 'a confident performance regression']);
    expect(report.out).toMatch(
      /^::warning title=ai-ci report mode::report mode: enforce mode would have failed/m,
    );
  });

  it('review: a leakage finding fails in enforce and passes in report mode', async () => {
    const file = join(dir, 'train.py');
    writeFileSync(
      file,
      [
        'import pandas as pd',
        'from sklearn.model_selection import train_test_split',
        'from sklearn.preprocessing import StandardScaler',
        'df = pd.read_csv("d.csv")',
        'X = StandardScaler().fit_transform(df.drop(columns=["y"]))',
        'X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)',
        'from sklearn.linear_model import LogisticRegression',
        'print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))',
        '',
      ].join('\n'),
    );
    const enforce = await cli(['review', file, '--fail-on', 'warning']);
    expect(enforce.code).toBe(1);
    const report = await cli(['review', file, '--fail-on', 'warning'], { AI_CI_MODE: 'report' });
    expect(report.code).toBe(0);
    expect(REPORT_LINE.exec(report.err)?.slice(1)).toEqual(['1', 'review findings at or above --fail-on']);
  });

  it("carbon track: over budget passes in report mode, the command's own failure still fails", async () => {
    const over = [
      'carbon',
      'track',
      '--powercap-root',
      '/nonexistent',
      '--no-gpu',
      '--intensity',
      '360',
      '--budget',
      '0.0000001',
    ];
    // A command that burns some CPU time: its energy is CPU time × the power model, over a 0.1 µg budget.
    const burn = [process.execPath, '-e', 'let x = 0; for (let i = 0; i < 5e7; i++) x += i;'];
    expect((await cli([...over, '--', ...burn])).code).toBe(4);
    const report = await cli([...over, '--mode', 'report', '--', ...burn]);
    expect(report.code).toBe(0);
    expect(report.err).toMatch(/carbon budget exceeded/);
    expect(REPORT_LINE.exec(report.err)?.slice(1)).toEqual(['4', 'the carbon budget exceeded']);
    const failed = await cli([...over, '--mode', 'report', '--', 'sh', '-c', 'exit 1']);
    expect(failed.code).toBe(1);
    expect(failed.err).not.toMatch(REPORT_LINE);
  });

  it('select: report mode runs as --shadow (everything runs, the selection is kept in the JSON)', async () => {
    const repo = join(dir, 'repo');
    cpSync(PYPROJ, repo, { recursive: true });
    const git = (...a: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a]);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    writeFileSync(join(repo, 'pkg/util.py'), 'def clamp(x, lo, hi):\n    return max(lo, min(hi + 1, x))\n');
    git('commit', '-qam', 'change');
    const argv = [
      'select',
      '--repo',
      repo,
      '--base-ref',
      'main',
      '--framework',
      'pytest',
      '--sample-rate',
      '0',
    ];
    const enforce = await cli(argv);
    expect(enforce.out).toBe('tests/test_core.py tests/test_util.py\n');
    const report = await cli([...argv, '--mode', 'report']);
    expect(report.code).toBe(0);
    expect(report.out.trim().split(' ').length).toBe(4);
    expect(report.err).toContain('shadow mode: everything runs');
  });

  it('a command that is no gate keeps its exit code in report mode (validate: invalid manifest → 1)', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'apiVersion: ai-ci.dev/v1alpha1\nkind: RunnerPool\nmetadata: {name: x}\nspec: {}\n');
    const r = await cli(['validate', file, '--mode', 'report']);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(REPORT_LINE);
  });
});
