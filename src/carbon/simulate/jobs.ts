/**
 * Job arrivals for the simulator: read from a file, or drawn by a documented, seeded generator.
 *
 * Generator (`generateJobs`):
 * - Arrivals are a Poisson process, hour by hour, with rate jobsPerDay/24 × weekday factor × hour-of-day factor.
 *   `diurnal` (default): working hours in the grid's own time zone are heavy (09–17 h weight 2.0, 08 and 18 h 1.2,
 *   07 and 19–21 h 0.6, the night 0.2) and weekends light (0.3 of a weekday); the rates are scaled so that a
 *   whole week averages `jobsPerDay` per day. `uniform`: a flat rate, every hour of every day alike (the setting of
 *   the published "jobs allowed to wait" studies).
 * - Each job is one of eight CI jobs (`lint` … `nightly-train`) whose typical durations are log-spaced between
 *   durationMin and durationMax; shorter jobs are more frequent (weights 4,4,3,3,2,2,1,1). A run lasts its job's
 *   typical duration × a log-normal factor (σ 0.25), clamped to [durationMin, durationMax], whole minutes. The
 *   scheduler only knows the duration it learned from earlier runs of the same job name.
 * - Arrival times are whole minutes (capacity accounting in the oracle is per minute).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDuration } from '../duration.js';
import { parseTimeValue } from '../traces.js';
import type { Random } from './rng.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface SimJob {
  id: number;
  /** Job name: what durations are learned by. */
  name: string;
  /** When the job was queued, epoch ms. */
  queuedAt: number;
  /** The real run time, ms (the policies only see what they learned; the oracle sees this). */
  durationMs: number;
  labels?: string[];
  branch?: string;
}

export type ArrivalPattern = 'diurnal' | 'uniform';

export interface GeneratorOptions {
  /** Arrivals fall in [from, to). */
  from: number;
  to: number;
  jobsPerDay: number;
  durationMinMs: number;
  durationMaxMs: number;
  arrivals: ArrivalPattern;
  /** IANA time zone whose working hours the diurnal pattern follows. */
  timeZone: string;
}

export const JOB_KINDS = [
  'lint',
  'unit-tests',
  'build',
  'integration-tests',
  'gpu-tests',
  'benchmarks',
  'model-eval',
  'nightly-train',
] as const;
const KIND_WEIGHTS = [4, 4, 3, 3, 2, 2, 1, 1];
const DURATION_SPREAD = 0.25;

/** Hour-of-day weights of the diurnal pattern, local time. */
export const DIURNAL_HOUR_WEIGHTS = [
  0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.6, 1.2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1.2, 0.6, 0.6, 0.6, 0.2, 0.2,
];
export const WEEKEND_FACTOR = 0.3;

export function generateJobs(options: GeneratorOptions, random: Random): SimJob[] {
  const { from, to, jobsPerDay, durationMinMs, durationMaxMs } = options;
  if (!(to > from)) return [];
  if (!(jobsPerDay >= 0)) throw new RangeError(`jobs per day must be >= 0, got ${jobsPerDay}`);
  if (!(durationMinMs >= MINUTE && durationMaxMs >= durationMinMs)) {
    throw new RangeError('job durations need 1m <= duration-min <= duration-max');
  }
  const local = localClock(options.timeZone);
  const weekMean =
    options.arrivals === 'uniform'
      ? 1
      : (DIURNAL_HOUR_WEIGHTS.reduce((a, b) => a + b, 0) / 24) * ((5 + 2 * WEEKEND_FACTOR) / 7);
  const kinds = JOB_KINDS.map((name, i) => ({
    name,
    typicalMs: durationMinMs * (durationMaxMs / durationMinMs) ** (i / (JOB_KINDS.length - 1)),
    weight: KIND_WEIGHTS[i]!,
  }));
  const totalWeight = kinds.reduce((a, k) => a + k.weight, 0);
  const jobs: SimJob[] = [];
  for (let hour = Math.floor(from / HOUR) * HOUR; hour < to; hour += HOUR) {
    let factor = 1;
    if (options.arrivals === 'diurnal') {
      const { hour: h, weekend } = local(hour + HOUR / 2);
      factor = DIURNAL_HOUR_WEIGHTS[h]! * (weekend ? WEEKEND_FACTOR : 1);
    }
    const n = random.poisson(((jobsPerDay / 24) * factor) / weekMean);
    for (let k = 0; k < n; k++) {
      const queuedAt = hour + Math.floor(random.uniform() * 60) * MINUTE;
      let pick = random.uniform() * totalWeight;
      let kind = kinds[0]!;
      for (const candidate of kinds) {
        kind = candidate;
        pick -= candidate.weight;
        if (pick < 0) break;
      }
      const raw = kind.typicalMs * Math.exp(DURATION_SPREAD * random.normal());
      const durationMs = Math.max(
        durationMinMs,
        Math.min(durationMaxMs, Math.max(MINUTE, Math.round(raw / MINUTE) * MINUTE)),
      );
      if (queuedAt < from || queuedAt >= to) continue;
      jobs.push({ id: 0, name: kind.name, queuedAt, durationMs, labels: ['self-hosted', 'gpu'] });
    }
  }
  jobs.sort((a, b) => a.queuedAt - b.queuedAt);
  jobs.forEach((j, i) => {
    j.id = i;
  });
  return jobs;
}

/** Local hour and weekend flag of an instant in `timeZone` (Intl, no time-zone database of our own). */
function localClock(timeZone: string): (t: number) => { hour: number; weekend: boolean } {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    });
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (use an IANA name such as Europe/London)`);
  }
  return (t) => {
    const parts = format.formatToParts(t);
    const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24;
    const day = parts.find((p) => p.type === 'weekday')?.value;
    return { hour, weekend: day === 'Sat' || day === 'Sun' };
  };
}

/** Error for a jobs file that cannot be read; names the file and line or entry. */
export class JobsParseError extends Error {
  override name = 'JobsParseError';
}

/**
 * Parses arrivals from CSV (header with `time` and `duration`, optional `name`, `labels` (space-separated) and
 * `branch`) or JSON (`[{"time", "duration", "name"?}]`). Times: ISO 8601 (UTC when no zone) or epoch s/ms.
 * Durations: seconds as a number, or `30m`, `1h30m`.
 */
export function parseJobs(text: string, fileName = 'jobs'): SimJob[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  const records: Array<{ where: string; row: Record<string, unknown> }> = [];
  if (body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      throw new JobsParseError(`${fileName}: invalid JSON: ${(err as Error).message}`);
    }
    (json as unknown[]).forEach((row, i) => {
      if (!row || typeof row !== 'object') throw new JobsParseError(`${fileName}: [${i}] is not an object`);
      records.push({ where: `${fileName}: [${i}]`, row: row as Record<string, unknown> });
    });
  } else {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(body, {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (err) {
      throw new JobsParseError(`${fileName}: invalid CSV: ${(err as Error).message}`);
    }
    rows.forEach((row, i) => {
      records.push({ where: `${fileName}:${i + 2}`, row });
    });
    if (rows.length > 0 && (!('time' in rows[0]!) || !('duration' in rows[0]!))) {
      throw new JobsParseError(`${fileName}:1: expected a header with "time" and "duration" columns`);
    }
  }
  const jobs = records.map(({ where, row }, i): SimJob => {
    const queuedAt = parseTimeValue(row.time);
    if (queuedAt === undefined)
      throw new JobsParseError(`${where}: time: not a time: ${JSON.stringify(row.time)}`);
    const durationMs = parseJobDuration(row.duration, where);
    const job: SimJob = { id: i, name: String(row.name ?? 'job') || 'job', queuedAt, durationMs };
    const labels = row.labels;
    if (Array.isArray(labels)) job.labels = labels.map(String);
    else if (typeof labels === 'string' && labels.trim() !== '') job.labels = labels.trim().split(/\s+/);
    if (typeof row.branch === 'string' && row.branch !== '') job.branch = row.branch;
    return job;
  });
  jobs.sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
  jobs.forEach((j, i) => {
    j.id = i;
  });
  return jobs;
}

function parseJobDuration(value: unknown, where: string): number {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))) {
    const seconds = Number(value);
    if (seconds > 0) return Math.round(seconds * 1000);
  } else if (typeof value === 'string') {
    try {
      const ms = parseDuration(value, 'duration');
      if (ms > 0) return ms;
    } catch {
      // fall through to the error naming the entry
    }
  }
  throw new JobsParseError(
    `${where}: duration: ${JSON.stringify(value)} is not a positive duration (seconds, or e.g. 30m, 1h30m)`,
  );
}
