import { describe, expect, it } from 'vitest';
import type { GeneratorOptions } from '../../../src/carbon/simulate/jobs.js';
import { generateJobs, JOB_KINDS, JobsParseError, parseJobs } from '../../../src/carbon/simulate/jobs.js';
import { createRandom } from '../../../src/carbon/simulate/rng.js';
import { H, M, T0 } from './helpers.js';

const DAY = 24 * H;
const base: GeneratorOptions = {
  from: T0,
  to: T0 + 28 * DAY,
  jobsPerDay: 100,
  durationMinMs: 2 * M,
  durationMaxMs: 3 * H,
  arrivals: 'diurnal',
  timeZone: 'UTC',
};

describe('generateJobs', () => {
  it('averages jobsPerDay over whole weeks, with whole-minute times and durations in bounds', () => {
    const jobs = generateJobs(base, createRandom(1));
    expect(jobs.length).toBeGreaterThan(2800 * 0.93);
    expect(jobs.length).toBeLessThan(2800 * 1.07);
    for (const [i, j] of jobs.entries()) {
      expect(j.id).toBe(i);
      expect(j.queuedAt % M).toBe(0);
      expect(j.durationMs % M).toBe(0);
      expect(j.durationMs).toBeGreaterThanOrEqual(2 * M);
      expect(j.durationMs).toBeLessThanOrEqual(3 * H);
      expect(j.queuedAt).toBeGreaterThanOrEqual(base.from);
      expect(j.queuedAt).toBeLessThan(base.to);
      if (i > 0) expect(j.queuedAt).toBeGreaterThanOrEqual(jobs[i - 1]!.queuedAt);
    }
    expect(new Set(jobs.map((j) => j.name))).toEqual(new Set(JOB_KINDS));
  });

  it('diurnal: working hours and weekdays are busier, in the given time zone', () => {
    const jobs = generateJobs(base, createRandom(2));
    const hourOf = (t: number) => new Date(t).getUTCHours();
    const office = jobs.filter((j) => hourOf(j.queuedAt) >= 9 && hourOf(j.queuedAt) < 17).length;
    const night = jobs.filter((j) => hourOf(j.queuedAt) < 6).length;
    expect(office / 8).toBeGreaterThan(5 * (night / 6));
    const weekend = jobs.filter((j) => [0, 6].includes(new Date(j.queuedAt).getUTCDay())).length;
    expect(weekend / 2).toBeLessThan(0.5 * ((jobs.length - weekend) / 5));
    // Singapore's working hours are 01–09 UTC.
    const sg = generateJobs({ ...base, timeZone: 'Asia/Singapore' }, createRandom(2));
    const sgEarly = sg.filter((j) => hourOf(j.queuedAt) >= 1 && hourOf(j.queuedAt) < 9).length;
    expect(sgEarly).toBeGreaterThan(sg.length / 2);
  });

  it('uniform: every hour alike', () => {
    const jobs = generateJobs({ ...base, arrivals: 'uniform' }, createRandom(3));
    const perHour = Array(24).fill(0);
    for (const j of jobs) perHour[new Date(j.queuedAt).getUTCHours()]++;
    const mean = jobs.length / 24;
    for (const n of perHour) expect(Math.abs(n - mean)).toBeLessThan(mean * 0.3);
  });

  it('fixed durations when min = max (the 1-hour-job check)', () => {
    const jobs = generateJobs({ ...base, durationMinMs: H, durationMaxMs: H }, createRandom(4));
    expect(new Set(jobs.map((j) => j.durationMs))).toEqual(new Set([H]));
  });

  it('same seed, same jobs; rejects bad parameters', () => {
    expect(generateJobs(base, createRandom(9))).toEqual(generateJobs(base, createRandom(9)));
    expect(() => generateJobs({ ...base, durationMinMs: 0 }, createRandom(1))).toThrow(/duration/);
    expect(() => generateJobs({ ...base, jobsPerDay: -1 }, createRandom(1))).toThrow(/jobs per day/);
    expect(() => generateJobs({ ...base, timeZone: 'Mars/Olympus' }, createRandom(1))).toThrow(/time zone/);
  });
});

describe('parseJobs', () => {
  it('reads CSV with durations in seconds or the duration grammar, sorted by time', () => {
    const jobs = parseJobs(
      'time,duration,name,labels,branch\n2024-01-01T10:00:00Z,1h30m,train,gpu big,main\n2024-01-01 09:00,600,lint,,\n',
    );
    expect(jobs).toEqual([
      { id: 0, name: 'lint', queuedAt: Date.UTC(2024, 0, 1, 9), durationMs: 600_000 },
      {
        id: 1,
        name: 'train',
        queuedAt: Date.UTC(2024, 0, 1, 10),
        durationMs: 90 * M,
        labels: ['gpu', 'big'],
        branch: 'main',
      },
    ]);
  });

  it('reads JSON', () => {
    expect(parseJobs('[{"time": 1704067200, "duration": "45m"}]')).toEqual([
      { id: 0, name: 'job', queuedAt: Date.UTC(2024, 0, 1), durationMs: 45 * M },
    ]);
  });

  it.each([
    ['time,duration\nyesterday,1h\n', /jobs.csv:2: time: not a time/],
    ['time,duration\n2024-01-01,forever\n', /jobs.csv:2: duration: "forever"/],
    ['time,duration\n2024-01-01,0\n', /jobs.csv:2: duration/],
    ['when,how_long\n2024-01-01,1h\n', /jobs.csv:1: expected a header with "time" and "duration"/],
    ['[{"time": 1}, 5]', /jobs.csv: \[1\] is not an object/],
    ['[{"time": 1', /jobs.csv: invalid JSON/],
  ])('names the file and the line or entry: %j', (text, message) => {
    expect(() => parseJobs(text, 'jobs.csv')).toThrow(JobsParseError);
    expect(() => parseJobs(text, 'jobs.csv')).toThrow(message);
  });
});
