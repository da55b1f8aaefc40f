import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../../src/carbon/simulate/report.js';
import { POLICY_KEYS } from '../../../src/carbon/simulate/simulate.js';
import { runCliCaptured } from '../../support/cli.js';

const run = (...argv: string[]) => runCliCaptured(argv);

let dir: string;
let trace: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-simulate-'));
  // Ten days, hourly: a daily cycle between 80 and 320 g, clean around 03:00 UTC.
  const rows = ['time,intensity'];
  for (let h = 0; h < 240; h++) {
    const t = new Date(Date.UTC(2024, 2, 4) + h * 3_600_000).toISOString();
    rows.push(`${t},${(200 - 120 * Math.cos((2 * Math.PI * ((h % 24) - 3)) / 24)).toFixed(1)}`);
  }
  trace = join(dir, 'trace.csv');
  writeFileSync(trace, `${rows.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

describe('ai-ci simulate', () => {
  it('--json on a small trace: every policy, consistent figures, no deadline missed', async () => {
    const r = await run('simulate', '--trace', trace, '--deadline', '6h', '--jobs-per-day', '40', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('done in');
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.policies.map((p) => p.policy)).toEqual([...POLICY_KEYS]);
    expect(report.simulation.trace).toMatchObject({ origin: 'file', points: 240, stepMinutes: 60 });
    expect(report.simulation.deadline).toBe('6h');
    expect(report.forecast.kind).toBe('noisy');
    expect(report.notes.join(' ')).toMatch(/no published forecast/);
    const jobs = report.simulation.jobs.count;
    expect(jobs).toBeGreaterThan(200);
    const byKey = Object.fromEntries(report.policies.map((p) => [p.policy, p]));
    for (const p of report.policies) {
      expect(p.jobs).toBe(jobs);
      // Runners are plentiful: nothing starts late. (A late finish of a job with too little history is possible
      // in ten days; the year-long replays of `npm run sim:deadlines` measure those.)
      expect(p.lateStarts).toBe(0);
      expect(p.deadlineMisses).toBeGreaterThanOrEqual(p.lateStarts);
      expect(p.delayHours.max).toBeLessThanOrEqual(6);
      expect(p.delayHours.p50).toBeLessThanOrEqual(p.delayHours.p95);
      expect(p.emissionsKg).toBeCloseTo(p.emissionsG / 1000, 9);
    }
    expect(byKey['run-now']!.delayHours.max).toBe(0);
    // Jobs arrive mostly in working hours, when this trace is above the 200 g threshold: every policy that
    // defers moves job-hours below it, well beyond running at once.
    expect(report.simulation.thresholdG).toBe(200);
    // (The design document's 6-hourly checks leave many jobs to the deadline guard, which releases them at their
    // conservatively planned latest start: it gains less, 0.09 here.)
    for (const key of POLICY_KEYS.filter((k) => k !== 'run-now')) {
      const gain = key === 'design-doc' ? 0.05 : 0.1;
      expect(byKey[key]!.lowCarbonShare, key).toBeGreaterThan(byKey['run-now']!.lowCarbonShare + gain);
    }
    expect(byKey.oracle!.emissionsG).toBeLessThan(byKey['run-now']!.emissionsG);
    expect(byKey.oracle!.oracleSharePct).toBeCloseTo(100, 9);
    // A daily cycle of ±120 g with a 6 h deadline: the forecast policy must find most of what the oracle finds
    // (59% here: unlike the oracle it plans runs as the longest seen + 50% + 5 min, and does not hold the first
    // five runs of each job, which could last up to maxJobDuration, 6h; a tenth of the jobs in ten days).
    expect(byKey['ai-ci']!.oracleSharePct).toBeGreaterThan(50);
  });

  it('the text table, and an SVG that is well-formed XML with one row per policy', async () => {
    const svg = join(dir, 'out.svg');
    const r = await run('simulate', '--trace', trace, '--svg', svg, '--svg-days', '3', '--quiet');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^policy\s+kgCO2/m);
    for (const label of ['run now', 'design doc', 'threshold only', 'ai-ci forecast', 'oracle']) {
      expect(r.out).toContain(label);
    }
    const text = readFileSync(svg, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(text);
    expect(doc.svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    const labels = (doc.svg.text as Array<string | { '#text': string }>).map((t) =>
      typeof t === 'string' ? t : t['#text'],
    );
    expect(labels).toEqual(expect.arrayContaining(['run now', 'oracle', 'ai-ci forecast']));
  });

  it('a jobs file replaces the generator', async () => {
    const jobs = join(dir, 'jobs.csv');
    writeFileSync(
      jobs,
      'time,duration,name\n2024-03-05T12:00:00Z,1h,train\n2024-03-05T13:00:00Z,30m,test\n2030-01-01,1h,late\n',
    );
    const r = await run('simulate', '--trace', trace, '--jobs', jobs, '--deadline', '16h', '--json', '-q');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.simulation.jobs).toEqual({
      count: 2,
      source: `from ${jobs} (1 queued outside the trace or --from/--to left out)`,
    });
    const oracle = report.policies.find((p) => p.policy === 'oracle')!;
    expect(oracle.meanIntensity).toBeLessThan(100);
  });

  it("a saved UK API response: ai-ci uses the provider's own forecast, and the output says so", async () => {
    const periods = Array.from({ length: 4 * 48 }, (_, i) => {
      const from = Date.UTC(2024, 2, 4) + i * 1_800_000;
      const actual = Math.round(200 - 100 * Math.cos((2 * Math.PI * (i % 48)) / 48));
      const iso = (t: number) => `${new Date(t).toISOString().slice(0, 16)}Z`;
      return {
        from: iso(from),
        to: iso(from + 1_800_000),
        intensity: { forecast: actual + 7, actual, index: 'moderate' },
      };
    });
    const uk = join(dir, 'uk.json');
    writeFileSync(uk, JSON.stringify({ data: periods }));
    const r = await run(
      'simulate',
      '--trace',
      uk,
      '--deadline',
      '6h',
      '--jobs-per-day',
      '30',
      '--json',
      '-q',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.simulation.trace).toMatchObject({ points: 192, stepMinutes: 30 });
    expect(report.forecast.kind).toBe('provider');
    expect(report.forecast.description).toMatch(/published forecast/);
    expect(report.notes.join(' ')).not.toMatch(/no published forecast/);
    for (const p of report.policies) expect(p.lateStarts).toBe(0);
    expect(report.policies.find((p) => p.policy === 'run-now')!.deadlineMisses).toBe(0);
    expect(report.simulation.jobs.source).toMatch(/in UTC: the trace names no zone, --time-zone sets one/);
  });

  it('a sweep over deadlines prints one line per deadline', async () => {
    const r = await run('simulate', '--trace', trace, '--deadline', '2h,8h', '-q');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.includes('trace.csv'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\b2h\b/);
    expect(lines[1]).toMatch(/\b8h\b/);
  });

  it('bundled data: a week of GB 2024 by region name', async () => {
    const r = await run(
      'simulate',
      '--region',
      'gb',
      '--from',
      '2024-06-03',
      '--to',
      '2024-06-10',
      '--json',
      '-q',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.simulation.trace).toMatchObject({
      origin: 'bundled',
      zone: 'GB',
      points: 8784,
      emissionFactor: 'lifecycle',
    });
    expect(report.simulation.jobs.count).toBeGreaterThan(150);
  });

  it.each([
    [['--deadline', 'soon'], 2, /--deadline: "soon" is not a duration/],
    [['--region', 'ATLANTIS'], 2, /no bundled data for region "ATLANTIS"/],
    [['--region', 'SG', '--year', '2019'], 2, /no bundled SG data for 2019; bundled years: 2024/],
    [['--max-runners', '0'], 2, /--max-runners/],
    [['--trace', '/nonexistent/trace.csv'], 3, /cannot read trace \/nonexistent\/trace.csv/],
    [['--jobs', '/nonexistent/jobs.csv'], 3, /cannot read jobs file/],
    [['--forecast', 'crystal-ball'], 2, /crystal-ball/],
  ])('rejects %j with exit code %i and a message naming the input', async (args, code, message) => {
    const r = await run('simulate', ...(args as string[]), '-q');
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it('a trace file that is not a trace names the file and line', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'time,intensity\n2024-01-01T00:00:00Z,abc\n');
    const r = await run('simulate', '--trace', bad, '-q');
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${bad}:2`);
  });
});
