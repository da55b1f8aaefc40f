import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ElectricityMapsFake,
  pointsFrom,
  startElectricityMapsFake,
  startUkFake,
  startWattTimeFake,
  type UkFake,
  type WattTimeFake,
} from '../../../fakes/carbon/index.js';
import { runCliCaptured } from '../../../support/cli.js';

const HALF = 30 * 60_000;
const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 10);
const PERIOD = Date.UTC(2026, 10, 25, 12, 0);
const AT = new Date(NOW).toISOString();

let uk: UkFake;
let em: ElectricityMapsFake;
let wt: WattTimeFake;
let dir: string;
let outputFile: string;
const savedEnv = { ...process.env };

const cli = (args: string[]) => runCliCaptured(args);
const outputs = () => readFile(outputFile, 'utf8');
const fast = ['--timeout', '300ms', '--retries', '0', '--at', AT];

beforeAll(async () => {
  uk = await startUkFake({ now: () => NOW });
  em = await startElectricityMapsFake({ token: 'em-token-xyz', now: () => NOW });
  wt = await startWattTimeFake({ username: 'wu', password: 'wp-secret', now: () => NOW });
});
afterAll(async () => {
  await uk.close();
  await em.close();
  await wt.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ai-ci-carbon-'));
  outputFile = join(dir, 'github_output');
  await writeFile(outputFile, 'earlier=kept\n');
  process.env.GITHUB_OUTPUT = outputFile;
  uk.setIntensity(150);
  uk.setForecast([]);
  uk.requests.length = 0;
});
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('ai-ci carbon now', () => {
  it('low: writes low_carbon=true and the intensity to GITHUB_OUTPUT (appending)', async () => {
    uk.setIntensity(182);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, ...fast]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=true\nintensity=182\n');
    expect(r.out).toBe(
      '182 gCO2eq/kWh now (ukCarbonIntensity, actual, 2026-11-25T12:00:00Z to 2026-11-25T12:30:00Z): low carbon (threshold 200)\n',
    );
  });

  it('not low: low_carbon=false, still exit 0', async () => {
    uk.setIntensity(245);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, ...fast]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=false\nintensity=245\n');
  });

  it('at the threshold counts as low (the CRD says "at or below")', async () => {
    uk.setIntensity(200);
    await cli(['carbon', 'now', '--api-url', uk.url, ...fast]);
    expect(await outputs()).toContain('low_carbon=true\n');
  });

  it('--force reports low_carbon=true on a dirty grid', async () => {
    uk.setIntensity(400);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, '--force', ...fast]);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=true\nintensity=400\n');
    expect(r.out).toMatch(/not low carbon \(threshold 200\); forced run: low_carbon=true/);
  });

  it('--threshold and --json', async () => {
    uk.setIntensity(150);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, '--threshold', '100', '--json', ...fast]);
    expect(JSON.parse(r.out)).toEqual({
      source: 'ukCarbonIntensity',
      kind: 'average',
      intensity: 150,
      unit: 'gCO2eq/kWh',
      origin: 'actual',
      periodStart: '2026-11-25T12:00:00Z',
      periodEnd: '2026-11-25T12:30:00Z',
      threshold: 100,
      lowCarbon: false,
      forced: false,
    });
  });

  it('a UK region by id asks the regional endpoint', async () => {
    uk.setIntensity(null, 90);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, '--region', '13', '--json', ...fast]);
    expect(JSON.parse(r.out)).toMatchObject({ intensity: 90, origin: 'provider-forecast' });
    expect(uk.requests.at(-1)!.path).toBe('/regional/regionid/13');
  });

  it('source failure: exit 3, nothing written', async () => {
    uk.failNext(1, 503);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, ...fast]);
    expect(r.code).toBe(3);
    expect(r.err).toBe('ai-ci: carbon source failed: ukCarbonIntensity: GET /intensity: HTTP 503\n');
    expect(await outputs()).toBe('earlier=kept\n');
  });

  it('retries a failed request (--retries)', async () => {
    uk.setIntensity(99);
    uk.failNext(1, 502);
    const r = await cli([
      'carbon',
      'now',
      '--api-url',
      uk.url,
      '--timeout',
      '300ms',
      '--retries',
      '1',
      '--at',
      AT,
    ]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=true\nintensity=99\n');
  });

  it('--fail-open: a failing source gives low_carbon=true and exit 0', async () => {
    uk.failNext(1, 500);
    const r = await cli(['carbon', 'now', '--api-url', uk.url, '--fail-open', ...fast]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=true\n');
    expect(r.err).toMatch(/warning: carbon source failed .*--fail-open: low_carbon=true/);
  });

  it('a hanging source times out (exit 3)', async () => {
    uk.hangNext(1);
    const r = await cli([
      'carbon',
      'now',
      '--api-url',
      uk.url,
      '--timeout',
      '100ms',
      '--retries',
      '0',
      '--at',
      AT,
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no answer within 100 ms/);
  });

  it('Electricity Maps with the token from the environment (not argv)', async () => {
    process.env.ELECTRICITYMAPS_TOKEN = 'em-token-xyz';
    em.setIntensity(321);
    const r = await cli([
      'carbon',
      'now',
      '--source',
      'electricitymaps',
      '--zone',
      'DE',
      '--api-url',
      em.url,
      ...fast,
    ]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=false\nintensity=321\n');
    expect(em.requests.at(-1)!.headers['auth-token']).toBe('em-token-xyz');
  });

  it('Electricity Maps without the token names the environment variable (exit 2)', async () => {
    delete process.env.ELECTRICITYMAPS_TOKEN;
    const r = await cli([
      'carbon',
      'now',
      '--source',
      'electricitymaps',
      '--zone',
      'DE',
      '--api-url',
      em.url,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ELECTRICITYMAPS_TOKEN environment variable/);
  });

  it('a refused token is a source failure that does not print the token', async () => {
    process.env.ELECTRICITYMAPS_TOKEN = 'wrong-token-abc';
    const r = await cli([
      'carbon',
      'now',
      '--source',
      'electricitymaps',
      '--zone',
      'DE',
      '--api-url',
      em.url,
      ...fast,
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/HTTP 401: the API token was refused/);
    expect(r.err + r.out).not.toContain('wrong-token-abc');
  });

  it('WattTime: marginal, converted to g/kWh, with a note', async () => {
    process.env.WATTTIME_USERNAME = 'wu';
    process.env.WATTTIME_PASSWORD = 'wp-secret';
    wt.setMoer(1000);
    const r = await cli([
      'carbon',
      'now',
      '--source',
      'watttime',
      '--region',
      'CAISO_NORTH',
      '--api-url',
      wt.url,
      ...fast,
    ]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=false\nintensity=453.6\n');
    expect(r.err).toMatch(/marginal emissions rate/);
    expect(r.err + r.out).not.toContain('wp-secret');
  });

  it('static and file sources', async () => {
    const r1 = await cli(['carbon', 'now', '--source', 'static', '--intensity', '50', '--json', ...fast]);
    expect(JSON.parse(r1.out)).toMatchObject({ source: 'static', intensity: 50, lowCarbon: true });
    const trace = join(dir, 'trace.csv');
    await writeFile(trace, 'time,intensity\n2024-05-01T00:00Z,310\n2024-05-01T01:00Z,120\n');
    const r2 = await cli([
      'carbon',
      'now',
      '--source',
      'file',
      '--file',
      trace,
      '--at',
      '2024-05-01T01:30Z',
      '--json',
    ]);
    expect(JSON.parse(r2.out)).toMatchObject({ source: 'file', intensity: 120, lowCarbon: true });
  });

  it('takes source and threshold from a CarbonPolicy manifest', async () => {
    uk.setIntensity(130);
    const policy = join(dir, 'policy.yaml');
    await writeFile(
      policy,
      `apiVersion: ai-ci.dev/v1alpha1\nkind: CarbonPolicy\nmetadata:\n  name: gb-london\n  namespace: ci\nspec:\n  threshold: 120\n  source:\n    ukCarbonIntensity:\n      regionId: 13\n      apiUrl: ${uk.url}\n`,
    );
    const r = await cli(['carbon', 'now', '--policy', policy, ...fast]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=false\nintensity=130\n');
    expect(r.out).toMatch(/CarbonPolicy gb-london/);
    expect(uk.requests.at(-1)!.path).toBe('/regional/regionid/13');
  });

  it('an invalid policy names file and field (exit 3)', async () => {
    const policy = join(dir, 'bad.yaml');
    await writeFile(
      policy,
      'apiVersion: ai-ci.dev/v1alpha1\nkind: CarbonPolicy\nmetadata:\n  name: bad\nspec:\n  threshold: -5\n  source:\n    static:\n      intensity: 1\n',
    );
    const r = await cli(['carbon', 'now', '--policy', policy]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${policy}: bad: spec.threshold:`);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['carbon', 'now', '--source', 'electricitymaps'])).code).toBe(2);
    expect((await cli(['carbon', 'now', '--source', 'nope'])).code).toBe(2);
    expect((await cli(['carbon', 'now', '--threshold', 'low'])).code).toBe(2);
    expect((await cli(['carbon', 'now', '--policy', 'x.yaml', '--source', 'uk'])).code).toBe(2);
  });
});

describe('ai-ci carbon best-window', () => {
  it('finds the cleanest start and writes the window', async () => {
    uk.setIntensity(250, 250);
    // Half hours from 12:00: dirty, then clean 14:00–15:00, then dirty again.
    uk.setForecast(
      pointsFrom(PERIOD, HALF, [250, 250, 240, 230, 90, 80, 200, 260, 260, 260, 260, 260, 260, 260]),
    );
    const r = await cli([
      'carbon',
      'best-window',
      '--within',
      '6h',
      '--duration',
      '1h',
      '--api-url',
      uk.url,
      ...fast,
    ]);
    expect(r.code).toBe(0);
    expect(await outputs()).toBe(
      'earlier=kept\nlow_carbon=false\nintensity=250\nstart=2026-11-25T14:00:00Z\nend=2026-11-25T15:00:00Z\nexpected_intensity=85\nwait_seconds=6600\n',
    );
    expect(r.out).toMatch(
      /best 1h window within 6h: 2026-11-25T14:00:00Z to 2026-11-25T15:00:00Z, expected 85 gCO2eq\/kWh \(wait 1h50m/,
    );
  });

  it('--force starts now', async () => {
    uk.setIntensity(250, 250);
    uk.setForecast(pointsFrom(PERIOD, HALF, [250, 250, 240, 230, 90, 80]));
    const r = await cli([
      'carbon',
      'best-window',
      '--within',
      '6h',
      '--duration',
      '30m',
      '--force',
      '--json',
      '--api-url',
      uk.url,
      ...fast,
    ]);
    expect(JSON.parse(r.out)).toMatchObject({
      start: '2026-11-25T12:10:00Z',
      waitSeconds: 0,
      lowCarbon: true,
      forced: true,
    });
    expect(await outputs()).toContain('wait_seconds=0\n');
  });

  it('Electricity Maps without forecast access: a history forecast, said in --json', async () => {
    process.env.ELECTRICITYMAPS_TOKEN = 'em-token-xyz';
    em.setForecastAccess(false, 403);
    em.setIntensity(300);
    const hour = Date.UTC(2026, 10, 25, 12);
    em.setHistory(
      pointsFrom(
        hour - 24 * H,
        H,
        Array.from({ length: 24 }, (_, i) => (i === 3 || i === 4 ? 50 : 300)),
      ),
    );
    const r = await cli([
      'carbon',
      'best-window',
      '--within',
      '8h',
      '--duration',
      '1h',
      '--source',
      'electricitymaps',
      '--zone',
      'DE',
      '--api-url',
      em.url,
      '--json',
      ...fast,
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.forecastOrigin).toBe('history-forecast');
    expect(j.start).toBe('2026-11-25T15:00:00Z');
    expect(j.expectedIntensity).toBeLessThan(300);
  });

  it('a --duration longer than --within is a usage error', async () => {
    const r = await cli(['carbon', 'best-window', '--within', '1h', '--duration', '2h']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--duration is longer than --within/);
  });

  it('a bad duration names the flag', async () => {
    const r = await cli(['carbon', 'best-window', '--within', '6 hours', '--duration', '1h']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--within: "6 hours" is not a duration/);
  });

  it('source failure exits 3; --fail-open gives low_carbon=true', async () => {
    uk.failNext(1, 500);
    const r = await cli([
      'carbon',
      'best-window',
      '--within',
      '6h',
      '--duration',
      '1h',
      '--api-url',
      uk.url,
      ...fast,
    ]);
    expect(r.code).toBe(3);
    uk.failNext(1, 500);
    const r2 = await cli([
      'carbon',
      'best-window',
      '--within',
      '6h',
      '--duration',
      '1h',
      '--api-url',
      uk.url,
      '--fail-open',
      ...fast,
    ]);
    expect(r2.code).toBe(0);
    expect(await outputs()).toBe('earlier=kept\nlow_carbon=true\n');
  });

  it('has --help', async () => {
    const r = await cli(['carbon', 'best-window', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--within <duration>/);
    expect(r.out).toMatch(/ELECTRICITYMAPS_TOKEN/);
  });
});
