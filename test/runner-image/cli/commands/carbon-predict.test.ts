/**
 * `ai-ci carbon predict` and `carbon calibrate` on the shipped history (examples/carbon_reports: real
 * `carbon track --json` reports of this repository's commits) and the shipped model. Needs the repository's
 * history (a full clone: ci.yml checks out with fetch-depth 0).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarbonPrediction } from '../../../../src/analysis/energy/predict/index.js';
import { runCliCaptured } from '../../../support/cli.js';

const repo = new URL('../../../..', import.meta.url).pathname;
const history = join(repo, 'examples/carbon_reports');
/** The recorded commits, oldest first (first-parent order). */
const recorded = execFileSync('git', ['-C', repo, 'rev-list', '--first-parent', '--reverse', 'HEAD'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((c) => readdirSync(history).includes(c));
let dir: string;
/** A limit, not a speed check: each prediction parses the repository's TypeScript for its import graph. */
const GRAPH_LIMIT = 120_000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-predict-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const predict = (args: string[]) =>
  runCliCaptured(['carbon', 'predict', '--repo', repo, ...args], { GITHUB_ACTIONS: undefined });

describe('ai-ci carbon predict', () => {
  it('has the shipped history of real runs, in this repository', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(30);
  });

  it(
    'predicts the change in Wh and grams CO2e between two recorded commits, with the interval and reasons',
    async () => {
      const [base, head] = [recorded[5]!, recorded[15]!];
      const r = await predict(['--history', history, '--base-ref', base, '--head-ref', head, '--json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const p = JSON.parse(r.out) as CarbonPrediction;
      const track = JSON.parse(readFileSync(join(history, base, 'track.json'), 'utf8'));
      expect(p.base).toMatchObject({ commit: base, recorded: base, behind: 0, wh: track.energy.wh });
      expect(p.head.commit).toBe(head);
      expect(p.deltaWh.value).toBeCloseTo(p.headWh.value - track.energy.wh, 12);
      expect(p.deltaWh.low).toBeLessThanOrEqual(p.deltaWh.value);
      expect(p.deltaWh.high).toBeGreaterThanOrEqual(p.deltaWh.value);
      // grams CO2e = Wh × the base run's intensity / 1000
      expect(p.intensity.value).toBe(track.intensity.value);
      expect(p.headGrams.value).toBeCloseTo((p.headWh.value * track.intensity.value) / 1000, 12);
      expect(p.facts.suiteFiles).toBeGreaterThan(10);
      expect(p.facts.touched.length).toBeGreaterThan(0);
      expect(p.reasons[0]).toMatch(/^base run [0-9a-f]{7}: .* Wh, .* gCO2e/);
      expect(p.reasons.join('\n')).toMatch(/reaches \d+ of them through imports/);

      const text = await predict([
        '--history',
        history,
        '--base-ref',
        base,
        '--head-ref',
        head,
        '--intensity',
        '100',
      ]);
      expect(text.out).toMatch(/energy [+−]\S+ Wh \([+−]\S+ … [+−]\S+\), carbon [+−]\S+ grams CO2e/);
      expect(text.out).toMatch(/at 100 gCO2e\/kWh \(--intensity\)/);
      expect(text.out).toContain('  reasons:\n  - base run');
    },
    GRAPH_LIMIT,
  );

  it(
    'measures from the nearest recorded ancestor when the base has no report',
    async () => {
      const gap = join(dir, 'gap');
      for (const c of recorded.slice(0, 13))
        if (c !== recorded[9]) cpSync(join(history, c), join(gap, c), { recursive: true });
      const r = await predict([
        '--history',
        gap,
        '--base-ref',
        recorded[9]!,
        '--head-ref',
        recorded[12]!,
        '--json',
      ]);
      expect(r.code).toBe(0);
      const p = JSON.parse(r.out) as CarbonPrediction;
      expect(p.base).toMatchObject({ commit: recorded[9], recorded: recorded[8], behind: 1 });
      expect(p.reasons[0]).toMatch(/has no report: its ancestor 1 commit back/);
    },
    GRAPH_LIMIT,
  );

  it('without history: fails with exit 3, or with --missing-history warn says so and exits 0', async () => {
    const empty = join(dir, 'empty');
    cpSync(join(history, 'heldout.txt'), join(empty, 'heldout.txt'));
    const fail = await predict(['--history', empty, '--base-ref', 'HEAD~1']);
    expect(fail.code).toBe(3);
    expect(fail.err).toMatch(/no <commit>\/track\.json reports/);
    const warn = await predict(['--history', empty, '--base-ref', 'HEAD~1', '--missing-history', 'warn']);
    expect(warn.code).toBe(0);
    expect(warn.err).toMatch(/warning: carbon predict: .* nothing to predict from/);
    const bad = await predict(['--history', empty, '--base-ref', 'HEAD', '--missing-history', 'maybe']);
    expect(bad.code).toBe(2);
  });

  it('says grams CO2e in its help', async () => {
    const r = await runCliCaptured(['carbon', 'predict', '--help']);
    expect(r.out).toContain('grams CO2e');
    const c = await runCliCaptured(['carbon', 'calibrate', '--help']);
    expect(c.out).toContain('grams CO2e');
  });
});

describe('ai-ci carbon calibrate', () => {
  it(
    'trains on the history, holds out the listed commits, writes the ONNX model and its card; predict uses it',
    async () => {
      const part = join(dir, 'history');
      const runs = recorded.slice(0, 12);
      for (const c of runs) cpSync(join(history, c), join(part, c), { recursive: true });
      writeFileSync(join(part, 'heldout.txt'), `# newest three\n${runs.slice(-3).join('\n')}\n`);
      const model = join(dir, 'out', 'carbon.onnx');
      const r = await runCliCaptured([
        'carbon',
        'calibrate',
        '--repo',
        repo,
        '--training-history',
        part,
        '--output-model',
        model,
        '--json',
      ]);
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.out);
      expect(summary).toMatchObject({ trainPairs: 8, heldOutPairs: 3, card: join(dir, 'out', 'carbon.md') });
      expect(summary.heldOutMedianApe).toBeGreaterThanOrEqual(0);
      const card = readFileSync(summary.card, 'utf8');
      expect(card).toMatch(/median absolute percentage error: \*\*\d+\.\d %\*\*/);
      expect(card).toContain('3 commits, SHA-256');
      for (const c of runs.slice(-3)) expect(card).toContain(`| ${c.slice(0, 7)} |`);

      const p = await predict([
        '--history',
        part,
        '--model',
        model,
        '--base-ref',
        runs[2]!,
        '--head-ref',
        runs[4]!,
      ]);
      expect(p.code).toBe(0);
      expect(p.out).toMatch(/grams CO2e/);
    },
    GRAPH_LIMIT,
  );
});
