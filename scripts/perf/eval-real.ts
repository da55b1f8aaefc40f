/**
 * `npm run eval:perf-real`: `ai-ci perf analyze` (statistics only, --no-model) on the real tools' files of
 * test/fixtures/perf/real (Google Benchmark, pytest-benchmark with and without raw data, hyperfine, recorded on
 * this repository's shared build machine by generate.sh there; the pytest-benchmark --benchmark-json files hold
 * every round, and are also scored with the rounds taken out) and pytest-benchmark's own 30 saved runs
 * (test/fixtures/perf/peers/pytest-benchmark), scored as issue 14's "Done when" asks:
 *  1. unchanged runs that fail the step, history mode (each run against the runs before it) and pairwise
 *     (each run against the run before it as --baseline);
 *  2. injected changes of ±10%, ±20%, ×2 and ×0.5 (a recorded run's values scaled, one benchmark or all of
 *     them) flagged in the right direction, history and pairwise mode, plus the files recorded with a
 *     change built in (AICI_SCALE knobs);
 *  3. what a uniform 2× slowdown reads as (+100% expected).
 * Failures are listed with their reasons. Deterministic: no clock, no randomness.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedResults, parseResultsFile } from '../../src/analysis/perf/parse/index.js';
import type { AnalysisReport } from '../../src/analysis/perf/report/types.js';
import { analyseAgainst, scaled } from '../../test/analysis/perf/helpers.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/perf');
const REAL = join(FIXTURES, 'real');

const analyse = (candidate: ParsedResults, opts: { baseline?: ParsedResults; history?: ParsedResults[] }) =>
  analyseAgainst(candidate, { ...opts, source: 'eval' });

/**
 * The run as pytest-benchmark saves it without --benchmark-save-data (storage, --benchmark-autosave): the summary
 * alone. Its --benchmark-json files (test/fixtures/perf/real/pytest) hold every round.
 */
function withoutRounds(run: ParsedResults): ParsedResults {
  return {
    ...run,
    results: run.results.map((b) => ({ ...b, samples: [b.summary.median], samplesKind: 'summary' as const })),
  };
}

async function series(dir: string, pick: (f: string) => boolean): Promise<ParsedResults[]> {
  const files = readdirSync(dir).filter(pick).sort();
  return Promise.all(files.map((f) => parseResultsFile(join(dir, f))));
}
const real = (tool: string, name: string) => parseResultsFile(join(REAL, tool, `${name}.json.gz`));
const short = (file: string) => file.replace(/^.*\//, '').replace(/_.*\.json$/, '');

interface Unchanged {
  name: string;
  runs: ParsedResults[];
  /** First run judged in history mode (the runs before it are its history). */
  from: number;
}

const pytestNodata = await series(join(REAL, 'pytest'), (f) => /^nodata-\d+\.json\.gz$/.test(f));
const peers = await series(join(FIXTURES, 'peers/pytest-benchmark'), (f) => f.endsWith('.json'));
const gbenchSingle = [
  ...(await series(join(REAL, 'gbench'), (f) => f.startsWith('single-history-'))),
  await real('gbench', 'single-base'),
];
const sets: Unchanged[] = [
  {
    name: 'pytest-benchmark --benchmark-json, with rounds (30 runs, this machine)',
    runs: pytestNodata,
    from: 3,
  },
  {
    name: 'the same 30 runs as summaries only (no stats.data)',
    runs: pytestNodata.map(withoutRounds),
    from: 3,
  },
  { name: "pytest-benchmark's own saved runs (30, summaries only)", runs: peers, from: 5 },
  { name: 'Google Benchmark, one value per benchmark (13 runs)', runs: gbenchSingle, from: 3 },
];

const out: string[] = [];
const failures: string[] = [];
const failingOf = (r: AnalysisReport) => r.benchmarks.filter((b) => b.failing);

out.push('1. Unchanged runs that fail the step');
for (const set of sets) {
  let histFail = 0;
  let pairFail = 0;
  for (let i = set.from; i < set.runs.length; i++) {
    const run = set.runs[i]!;
    const h = failingOf(await analyse(run, { history: set.runs.slice(0, i) }));
    if (h.length > 0) {
      histFail++;
      for (const b of h) failures.push(`history  ${short(run.file)} ${b.name}: ${b.reason}`);
    }
    const p = failingOf(await analyse(run, { baseline: set.runs[i - 1]! }));
    if (p.length > 0) {
      pairFail++;
      for (const b of p) failures.push(`pairwise ${short(run.file)} ${b.name}: ${b.reason}`);
    }
  }
  const n = set.runs.length - set.from;
  out.push(`   ${set.name}: history ${histFail} of ${n} runs fail, pairwise ${pairFail} of ${n}`);
}

out.push('2. Injected changes flagged in the right direction (regression above 1×, improvement below)');
const FACTORS = [0.5, 0.8, 0.9, 1.1, 1.2, 2];
interface Tally {
  right: number;
  all: number;
}
const tally = new Map<string, Tally>();
const count = (key: string, right: boolean, what: string) => {
  const t = tally.get(key) ?? { right: 0, all: 0 };
  t.all++;
  if (right) t.right++;
  else failures.push(`missed   ${key} ${what}`);
  tally.set(key, t);
};
const recorded = {
  'pytest-benchmark, raw data (3,000 rounds)': {
    base: await real('pytest', 'rounds-base'),
    history: undefined as ParsedResults[] | undefined,
  },
  'pytest-benchmark --benchmark-json, with rounds': {
    base: pytestNodata[pytestNodata.length - 1]!,
    history: pytestNodata.slice(0, -1),
  },
  'pytest-benchmark, summaries only': {
    base: withoutRounds(pytestNodata[pytestNodata.length - 1]!),
    history: pytestNodata.slice(0, -1).map(withoutRounds),
  },
  'Google Benchmark, one value': {
    base: gbenchSingle[gbenchSingle.length - 1]!,
    history: gbenchSingle.slice(0, -1),
  },
  'Google Benchmark, 10 repetitions': { base: await real('gbench', 'reps-base'), history: undefined },
  'hyperfine (10 runs)': { base: await real('hyperfine', 'base'), history: undefined },
};
for (const [kind, { base, history }] of Object.entries(recorded)) {
  // Pairwise: the scaled run against its unscaled self would show no noise at all; against the run before it
  // (or, without one, the same file) is what a user compares.
  const pairBase = history ? history[history.length - 1]! : base;
  for (const factor of FACTORS) {
    for (const scope of ['one', 'all'] as const) {
      const cand = scaled(base, factor, (i) => scope === 'all' || i === 0);
      const modes: [string, { baseline?: ParsedResults; history?: ParsedResults[] }][] = [
        ['pairwise', { baseline: pairBase }],
      ];
      if (history) modes.push(['history', { history }]);
      for (const [mode, opts] of modes) {
        const r = await analyse(cand, opts);
        r.benchmarks.forEach((b, i) => {
          if (scope === 'one' && i !== 0) return;
          const want = factor > 1 ? 'regression' : 'improvement';
          count(
            `${mode} ${kind}`,
            b.verdict === want,
            `×${factor} (${scope}) ${b.name}: ${b.verdict} — ${b.reason}`,
          );
        });
      }
    }
  }
}
const builtIn: [string, ParsedResults, { baseline?: ParsedResults; history?: ParsedResults[] }, string[]][] =
  [
    [
      'gbench single-100x vs base',
      await real('gbench', 'single-100x'),
      { baseline: gbenchSingle[12]! },
      ['*'],
    ],
    ['gbench single-100x vs history', await real('gbench', 'single-100x'), { history: gbenchSingle }, ['*']],
    [
      'gbench single-scan-2x vs history',
      await real('gbench', 'single-scan-2x'),
      { history: gbenchSingle },
      ['BM_Scan'],
    ],
    [
      'gbench reps-scan-2x vs reps-base',
      await real('gbench', 'reps-scan-2x'),
      { baseline: await real('gbench', 'reps-base') },
      ['BM_Scan'],
    ],
    [
      'pytest nodata-sort-2x vs history',
      await real('pytest', 'nodata-sort-2x'),
      { history: pytestNodata },
      ['test_workload.py::test_sort'],
    ],
    [
      'pytest nodata-sort-2x vs nodata-29',
      await real('pytest', 'nodata-sort-2x'),
      { baseline: pytestNodata[29]! },
      ['test_workload.py::test_sort'],
    ],
    [
      'pytest rounds-sort-0.7x vs rounds-base',
      await real('pytest', 'rounds-sort-0.7x'),
      { baseline: await real('pytest', 'rounds-base') },
      ['*'],
    ],
  ];
for (const [what, cand, opts, names] of builtIn) {
  const r = await analyse(cand, opts);
  for (const b of r.benchmarks) {
    if (names[0] !== '*' && !names.includes(b.name)) continue;
    const want = what.includes('0.7x') ? 'improvement' : 'regression';
    count(
      'recorded with the change built in',
      b.verdict === want,
      `${what} ${b.name}: ${b.verdict} — ${b.reason}`,
    );
  }
}
for (const [key, t] of tally) out.push(`   ${key}: ${t.right} of ${t.all}`);

out.push('3. A uniform 2× slowdown reads as (every benchmark of the file)');
const uniform: [string, ParsedResults, { baseline?: ParsedResults; history?: ParsedResults[] }][] = [
  [
    'gbench single-uniform-2x vs history',
    await real('gbench', 'single-uniform-2x'),
    { history: gbenchSingle },
  ],
  [
    'pytest nodata-uniform-2x vs history',
    await real('pytest', 'nodata-uniform-2x'),
    { history: pytestNodata },
  ],
  [
    'pytest nodata-uniform-2x vs nodata-29',
    await real('pytest', 'nodata-uniform-2x'),
    { baseline: pytestNodata[29]! },
  ],
  [
    'hyperfine uniform-2x vs base',
    await real('hyperfine', 'uniform-2x'),
    { baseline: await real('hyperfine', 'base') },
  ],
];
for (const [what, cand, opts] of uniform) {
  const r = await analyse(cand, opts);
  const reads = r.benchmarks.map(
    (b) => `${b.change ? `${(b.change.estimate * 100).toFixed(0)}%` : '—'} ${b.verdict}`,
  );
  out.push(`   ${what}: ${reads.join(', ')}`);
}

process.stdout.write(`${out.join('\n')}\n`);
if (failures.length > 0) process.stdout.write(`\nFailures:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
