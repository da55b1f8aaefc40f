/**
 * `npm run sim:deadlines`: does anything finish after its deadline? Replays grid traces through `ai-ci simulate`
 * with the CarbonPolicy CRD's defaults (what `kubectl apply` of an example gives: tolerance, defaultJobDuration, maxJobDuration,
 * forecastHorizon) at 4, 12 and 24 h deadlines, and prints per trace and deadline ai-ci's saving, the oracle's,
 * and the deadline misses (runs that FINISHED after queued + maxDeferral) with how many of them started late.
 *
 *   npm run sim:deadlines                                   the bundled traces (data/carbon: 2024, ERCOT 2023)
 *   npm run sim:deadlines -- --dir /path/electricitymaps --years 2021,2022,2023
 *                                                           every <ZONE>/<ZONE>_<year>_hourly.csv(.gz) there
 *   --baseline FILE   a JSON array of earlier `ai-ci simulate --json` reports: adds its saving and misses beside
 *   --save FILE       writes this run's reports as that JSON array (a later --baseline)
 *   --deadlines LIST  default 4h,12h,24h;  --seed N  default 1
 *
 * Exit code 1 when any ai-ci run finished late, so CI or a reviewer can use it as a check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '../../src/carbon/simulate/data.js';
import type { JsonReport } from '../../src/carbon/simulate/report.js';
import { formatTable } from '../../src/carbon/simulate/report.js';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    years: { type: 'string' },
    deadlines: { type: 'string', default: '4h,12h,24h' },
    seed: { type: 'string', default: '1' },
    baseline: { type: 'string' },
    save: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '../..');
const dir = resolve(args.dir ?? join(dataDir(), 'electricitymaps'));
const years = args.years?.split(',').map((y) => y.trim());

const traces: string[] = [];
for (const zone of readdirSync(dir).sort()) {
  if (!existsSync(join(dir, zone))) continue;
  for (const file of readdirSync(join(dir, zone)).sort()) {
    const m = /^(.+)_(\d{4})_hourly\.csv(\.gz)?$/.exec(file);
    if (m && (!years || years.includes(m[2]!))) traces.push(join(dir, zone, file));
  }
}
if (traces.length === 0) {
  process.stderr.write(`sim:deadlines: no <ZONE>_<year>_hourly.csv traces under ${dir}\n`);
  process.exit(3);
}

const reports: JsonReport[] = [];
for (const trace of traces) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/runner-image/cli/main.ts'),
      'simulate',
      '--trace',
      trace,
      '--deadline',
      args.deadlines!,
      '--random-seed',
      args.seed!,
      '--json',
      '--quiet',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) {
    process.stderr.write(`sim:deadlines: ai-ci simulate --trace ${trace} failed (${r.status}):\n${r.stderr}`);
    process.exit(r.status ?? 1);
  }
  const out = JSON.parse(r.stdout) as JsonReport | JsonReport[];
  reports.push(...(Array.isArray(out) ? out : [out]));
  process.stderr.write(`sim:deadlines: ${trace} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
}
if (args.save) writeFileSync(args.save, `${JSON.stringify(reports)}\n`);

const key = (r: JsonReport) =>
  `${r.simulation.trace.zone ?? r.simulation.trace.label}|${yearOf(r)}|${r.simulation.deadline}`;
const baseline = new Map<string, JsonReport>();
if (args.baseline) {
  for (const r of JSON.parse(readFileSync(args.baseline, 'utf8')) as JsonReport[]) baseline.set(key(r), r);
}
const policy = (r: JsonReport, name: string) => r.policies.find((p) => p.policy === name)!;
/** Misses of an older report (before late finishes counted as misses, `lateFinishes` held them). */
const misses = (p: JsonReport['policies'][number]) =>
  (p as { lateFinishes?: number }).lateFinishes ?? p.deadlineMisses;

const header = ['trace', 'deadline', 'jobs', 'ai-ci saved', 'oracle saved', 'ai-ci misses', 'started late'];
if (args.baseline) header.push('baseline saved', 'baseline misses', 'Δ saved (points)');
let late = 0;
const rows = reports.map((r) => {
  const ai = policy(r, 'ai-ci');
  late += ai.deadlineMisses;
  const row = [
    `${r.simulation.trace.zone ?? r.simulation.trace.label} ${yearOf(r)}`,
    r.simulation.deadline,
    String(r.simulation.jobs.count),
    `${ai.savedVsRunNowPct.toFixed(1)}%`,
    `${policy(r, 'oracle').savedVsRunNowPct.toFixed(1)}%`,
    String(ai.deadlineMisses),
    String(ai.lateStarts ?? 0),
  ];
  const b = baseline.get(key(r));
  if (args.baseline) {
    const bai = b && policy(b, 'ai-ci');
    row.push(
      bai ? `${bai.savedVsRunNowPct.toFixed(1)}%` : '-',
      bai ? String(misses(bai)) : '-',
      bai ? (ai.savedVsRunNowPct - bai.savedVsRunNowPct).toFixed(1) : '-',
    );
  }
  return row;
});
process.stdout.write(
  `${formatTable(header, rows)}\n\nai-ci: ${reports[0]?.simulation.scheduler}; jobs ${reports[0]?.simulation.jobs.source}\n` +
    'misses: runs that finished after queued + deadline; started late: of them, started after it (runners busy).\n',
);
process.exit(late > 0 ? 1 : 0);

function yearOf(r: JsonReport): string {
  return r.simulation.trace.from.slice(0, 4);
}
