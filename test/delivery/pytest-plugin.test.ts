/**
 * The pytest plugin (integrations/pytest) under Debian's pytest (/usr/bin/python3, apt's python3-pytest): installed
 * from a copy of the package into a virtual environment that sees the system's packages (offline: no index, no build
 * isolation), found through its `pytest11` entry point, run as the design document writes it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PYTHON = '/usr/bin/python3';
const root = new URL('../..', import.meta.url).pathname;
const hasPytest = spawnSync(PYTHON, ['-c', 'import pytest, venv'], { stdio: 'ignore' }).status === 0;
// Skips only on a developer machine without Debian's python3-pytest/python3-venv; .ci/run installs them, so in CI
// a missing pytest is a failure, never a skip.
if (!hasPytest && process.env.CI === 'true')
  throw new Error(`${PYTHON} lacks pytest or venv: .ci/run installs python3-pytest and python3-venv`);

let dir: string;
let python: string;
let project: string;

const pytest = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(python, ['-m', 'pytest', '-p', 'no:cacheprovider', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

describe.skipIf(!hasPytest)(
  'pytest --carbon-tracking (Debian python3-pytest; skipped when /usr/bin/python3 lacks pytest)',
  () => {
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ai-ci-pytest-'));
      // A copy (links dereferenced: cpu-power.json) so that building leaves nothing in the repository.
      cpSync(join(root, 'integrations/pytest'), join(dir, 'pkg'), { recursive: true, dereference: true });
      execFileSync(PYTHON, ['-m', 'venv', '--system-site-packages', join(dir, 'venv')]);
      python = join(dir, 'venv/bin/python');
      execFileSync(
        python,
        ['-m', 'pip', 'install', '-q', '--no-build-isolation', '--no-deps', '--no-index', join(dir, 'pkg')],
        {
          stdio: 'pipe',
        },
      );
      project = join(dir, 'project');
      cpSync(join(root, 'test/fixtures/energy/pytest-project'), project, { recursive: true });
    }, 300_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('the plugin’s own tests pass, the shared reference cases included', () => {
      const r = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(dir, 'pkg/tests')], {
        encoding: 'utf8',
        env: {
          ...process.env,
          AI_CI_REFERENCE_CASES: join(root, 'test/fixtures/energy/reference-cases.json'),
        },
      });
      expect(r.stdout).toMatch(/10 passed/);
      expect(r.status).toBe(0);
    }, 120_000);

    it('pytest --carbon-tracking --carbon-budget=1.0: per-test energy in the summary and the JSON report', () => {
      const json = join(dir, 'within.json');
      const r = pytest(['--carbon-tracking', '--carbon-budget=1.0', `--carbon-json=${json}`]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/plugins: .*ai-ci-pytest-carbon-0\.1\.0/);
      expect(r.out).toMatch(/=+ carbon \(ai-ci\) =+/);
      expect(r.out).toMatch(/^total [\d.e-]+ Wh \(.*\), [\d.e-]+ gCO2e \(.*\) at 480 gCO2e\/kWh; method /m);
      expect(r.out).toMatch(/^ +[\d.e-]+ Wh +[\d.e-]+ gCO2e +[\d.]+ s +test_sample\.py::test_busy$/m);
      expect(r.out).toMatch(/carbon budget: [\d.e-]+ of 1 gCO2e \(within\)/);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(report.tests.map((t: { nodeid: string }) => t.nodeid)).toEqual([
        'test_sample.py::test_busy',
        expect.stringMatching(/^test_sample\.py::test_(sleep|fast)$/),
        expect.stringMatching(/^test_sample\.py::test_(sleep|fast)$/),
      ]);
      const busy = report.tests[0];
      expect(busy.cpu_seconds).toBeGreaterThanOrEqual(0.45);
      expect(busy.joules).toBeGreaterThan(0);
      expect(report.carbon.unit).toBe('gCO2e');
      expect(report.budget).toMatchObject({ grams: 1, state: 'within', warnedWhileRunning: false });
    }, 120_000);

    it('fails the session over budget, after warning while tests still ran', () => {
      const r = pytest(['--carbon-tracking', '--carbon-budget=0.00001', '--carbon-warn-at=0.5'], {
        GITHUB_ACTIONS: 'true',
      });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/3 passed/);
      expect(r.out).toMatch(/^carbon budget exceeded: [\d.e-]+ gCO2e > budget 1e-05 gCO2e$/m);
      expect(r.out).toMatch(
        /^::warning title=Carbon budget::.* %25 of the 1e-05 gCO2e budget, tests still running$/m,
      );
      // The warning came while running: before the summary section.
      expect(r.out.indexOf('carbon warning:')).toBeLessThan(r.out.indexOf('carbon (ai-ci)'));
    }, 120_000);

    it('one model on both sides: a CPU in the table gets the same method and basis as in TypeScript', () => {
      const json = join(dir, 'x5675.json');
      const r = pytest([
        '--carbon-tracking',
        '--carbon-cpu-model=Intel(R) Xeon(R) CPU X5675 @ 3.07GHz',
        `--carbon-json=${json}`,
        '-k',
        'fast',
      ]);
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(report.method).toBe('specpower');
      expect(report.basis).toBe(
        'SPECpower_ssj2008: IBM System x3550 M3, 2 x Intel Xeon X5675 (6 cores, 3.07 GHz), 16 GB',
      );
    }, 120_000);

    it('rejects a budget that is not above 0 as a usage error', () => {
      const r = pytest(['--carbon-tracking', '--carbon-budget=0']);
      expect(r.code).toBe(4);
      expect(r.out).toContain('--carbon-budget: 0.0 grams CO2e is not above 0');
    }, 120_000);
  },
);
