import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackReport } from '../../../../src/analysis/energy/index.js';
import { runCliCaptured } from '../../../support/cli.js';

const FAKE_NVIDIA_SMI_DIR = dirname(
  new URL('../../../fakes/nvidia-smi/nvidia-smi', import.meta.url).pathname,
);
const POWERCAP = new URL('../../../fixtures/energy/powercap-kepler', import.meta.url).pathname;
const NO_POWERCAP = ['--powercap-root', '/nonexistent'];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ai-ci-track-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const track = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCliCaptured(['carbon', 'track', ...args], {
    GITHUB_ACTIONS: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    ...env,
  });
const report = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as TrackReport;

describe('ai-ci carbon track', () => {
  it('passes the exit code through and writes the report (Wh, gCO2e, method, band, devices)', async () => {
    const json = join(dir, 'reports', 'r.json');
    const r = await track([
      ...NO_POWERCAP,
      '--no-gpu',
      '--intensity',
      '300',
      '--json',
      json,
      '--',
      'sh',
      '-c',
      'exit 7',
    ]);
    expect(r.code).toBe(7);
    const rep = await report(json);
    expect(rep.exitCode).toBe(7);
    expect(rep.command).toEqual(['sh', '-c', 'exit 7']);
    expect(rep.intensity).toEqual({ value: 300, source: 'static (--intensity)' });
    expect(rep.measurement.devices.map((d) => d.device)).toEqual(['cpu', 'memory']);
    expect(rep.carbon.unit).toBe('gCO2e');
    expect(rep.carbon.low).toBeLessThanOrEqual(rep.carbon.grams);
    expect(rep.carbon.high).toBeGreaterThanOrEqual(rep.carbon.grams);
    expect(r.err).toMatch(/ai-ci carbon track: .* Wh .* gCO2e .* at 300 gCO2e\/kWh/);
    expect(r.err).toMatch(/method: (specpower|tdp|table-median)/);
  });

  it("takes the intensity from a CarbonPolicy's source (loaded only when one is named)", async () => {
    const json = join(dir, 'r.json');
    const policy = new URL('../../../../examples/carbonpolicy-static.yaml', import.meta.url).pathname;
    const r = await track([...NO_POWERCAP, '--no-gpu', '--policy', policy, '--json', json, '--', 'true']);
    expect(r.code).toBe(0);
    const rep = await report(json);
    expect(rep.intensity.value).toBe(100);
    expect(rep.intensity.source).toMatch(/^CarbonPolicy /);
  });

  it('GPUs through nvidia-smi on PATH; early warning while running; within budget exits 0', async () => {
    const json = join(dir, 'r.json');
    const summary = join(dir, 'summary.md');
    // 500 W of GPUs for ~2 s at 360 gCO2e/kWh ≈ 0.1 g: past 25 % of a 0.2 g budget after ~1 s, not over it.
    const r = await track(
      [
        ...NO_POWERCAP,
        '--interval',
        '100ms',
        '--intensity',
        '360',
        '--budget',
        '0.2',
        '--warn-at',
        '0.25',
        '--json',
        json,
        '--',
        'sleep',
        '2',
      ],
      {
        PATH: `${FAKE_NVIDIA_SMI_DIR}:${process.env.PATH}`,
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: summary,
      },
    );
    expect(r.code).toBe(0);
    const rep = await report(json);
    const gpu = (name: string) => rep.measurement.devices.find((d) => d.device === name)!;
    const seconds = rep.measurement.durationSeconds;
    expect(seconds).toBeGreaterThan(1.9);
    expect(gpu('gpu0').joules).toBeCloseTo(300 * seconds, -1);
    expect(gpu('gpu1').joules).toBeCloseTo(200 * seconds, -1);
    expect(gpu('gpu0').band).toEqual([gpu('gpu0').joules - 5 * seconds, gpu('gpu0').joules + 5 * seconds]);
    expect(rep.measurement.devices.some((d) => d.device === 'gpu2')).toBe(false);
    expect(rep.budget).toMatchObject({
      grams: 0.2,
      warnAt: 0.25,
      state: 'warning',
      warnedWhileRunning: true,
    });
    expect(r.out).toMatch(
      /^::warning title=Carbon budget::.* gCO2e spent, \d+ %25 of the 0\.2 gCO2e budget, still running$/m,
    );
    expect(r.out).toMatch(/^::notice title=Carbon::.* Wh .* gCO2e/m);
    expect(r.out).not.toMatch(/::error/);
    const md = await readFile(summary, 'utf8');
    expect(md).toContain('### Carbon: `sleep 2`');
    expect(md).toMatch(/\| gpu0 \| [\d.]+ \| [\d.]+–[\d.]+ \| nvidia-smi \|/);
    expect(md).toContain('budget 0.2 gCO2e: **warning**');
  });

  it('over budget: a clear line, an error annotation and exit 4 when the command succeeded', async () => {
    const r = await track(
      [...NO_POWERCAP, '--interval', '100ms', '--intensity', '360', '--budget', '0.01', '--', 'sleep', '1'],
      { PATH: `${FAKE_NVIDIA_SMI_DIR}:${process.env.PATH}`, GITHUB_ACTIONS: 'true' },
    );
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^ai-ci: carbon budget exceeded: [\d.]+ gCO2e > budget 0\.01 gCO2e$/m);
    expect(r.out).toMatch(/^::warning title=Carbon budget::/m);
    expect(r.out).toMatch(/^::error title=Carbon budget exceeded::carbon budget exceeded/m);
  });

  it("over budget and failed: the command's own exit code wins", async () => {
    const r = await track(
      [...NO_POWERCAP, '--intensity', '360', '--budget', '0.000001', '--', 'sh', '-c', 'sleep 0.3; exit 3'],
      { PATH: `${FAKE_NVIDIA_SMI_DIR}:${process.env.PATH}` },
    );
    expect(r.code).toBe(3);
    expect(r.err).toContain('carbon budget exceeded');
  });

  it('RAPL from a powercap tree (the recorded one, counters frozen: 0 J)', async () => {
    const json = join(dir, 'r.json');
    const r = await track(['--powercap-root', POWERCAP, '--no-gpu', '--json', json, '--', 'true']);
    expect(r.code).toBe(0);
    const rep = await report(json);
    expect(rep.measurement.method).toBe('rapl');
    expect(rep.measurement.devices[0]).toMatchObject({ device: 'cpu', method: 'rapl', joules: 0 });
    expect(rep.intensity.value).toBe(480);
  });

  it('usage errors exit 2; a command that cannot start exits 3', async () => {
    expect((await track(['--pue', '0.5', '--', 'true'])).code).toBe(2);
    expect((await track(['--warn-at', '2', '--', 'true'])).code).toBe(2);
    expect((await track(['--budget', 'lots', '--', 'true'])).code).toBe(2);
    expect((await track(['--intensity', '100', '--policy', 'p.yaml', '--', 'true'])).code).toBe(2);
    expect((await track([])).code).toBe(2);
    const missing = await track([...NO_POWERCAP, '--no-gpu', '--', '/nonexistent/cmd']);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('cannot run /nonexistent/cmd: ENOENT');
  });

  it('help states the units: grams CO2e', async () => {
    const r = await track(['--help']);
    expect(r.out).toContain('grams CO2e');
    expect(r.out).toContain('exit 4');
  });
});
