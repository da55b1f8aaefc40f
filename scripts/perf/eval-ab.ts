/**
 * `npm run eval:ab`: same-job A/B (`ai-ci perf ab`, its default settings) on real builds whose difference is known,
 * side by side with two checks people use on the same rounds:
 * - "fixed 5%": the ratio of the two sides' medians beyond ±5% (github-action-benchmark's rule with a 5% threshold
 *   instead of its 200% default);
 * - "U test": a two-sided Mann-Whitney U test at p < 0.05 over the rounds, direction from the medians (Google
 *   Benchmark's compare.py --utest).
 *
 * The builds: scripts/perf/ab/workload.cc compiled with -O2 and -DWORK_PCT=P, each benchmark linear in P; two
 * separate builds at 100 form the unchanged pairs, builds at 90/95/105/110/120 pairs with a known change of −10…+20%.
 * Every pair runs as a workflow would run it: `ai-ci perf ab --base "A …" --head "B …"` with Google Benchmark writing
 * JSON (--benchmark_min_time 0.05 per benchmark). Nothing is tuned here: the figures are of the defaults.
 *
 * Reported: per expected change, the share of benchmark comparisons called in the right direction; on the unchanged
 * pairs, the false alarms (a regression called) per 100 comparisons. Targets (issue 14): ≥ 95 % accuracy on changes
 * ≥ 5 %, ≤ 1 % false alarms. Options: --scale K (run K× the pairs, default 1), --json.
 * Needs g++ and Debian's libbenchmark-dev.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mannWhitneyU } from '../../src/analysis/perf/stats/mann-whitney.js';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, '.cache/eval-ab');
const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, json: { type: 'boolean' } },
});
const scale = Number(values.scale);
const log = (m: string) => process.stderr.write(`${m}\n`);

/** Builds one binary per label; `100b` is a second, separate build of the same source as `100`. */
function build(label: string, pct: number): string {
  const bin = path.join(out, `workload-${label}`);
  if (!existsSync(bin)) {
    execFileSync('g++', [
      '-O2',
      '-std=c++17',
      `-DWORK_PCT=${pct}`,
      path.join(root, 'scripts/perf/ab/workload.cc'),
      '-o',
      bin,
      '-lbenchmark',
      '-lpthread',
    ]);
  }
  return bin;
}

interface Case {
  base: string;
  head: string;
  /** Expected relative change of every benchmark, head against base. */
  change: number;
}

interface Outcome {
  change: number;
  benchmark: string;
  aici: 'regression' | 'improvement' | 'no-change' | 'inconclusive';
  fixed: 'regression' | 'improvement' | 'no-change';
  utest: 'regression' | 'improvement' | 'no-change';
  estimate: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function main(): void {
  mkdirSync(out, { recursive: true });
  log('eval:ab: building the workloads (g++ -O2, Google Benchmark) …');
  const bins: Record<string, string> = {};
  for (const [label, pct] of [
    ['100', 100],
    ['100b', 100],
    ['90', 90],
    ['95', 95],
    ['105', 105],
    ['110', 110],
    ['120', 120],
  ] as const) {
    bins[label] = build(label, pct);
  }
  const plan: [string, string, number, number][] = [
    ['100', '100b', 0, 24],
    ['100', '105', 0.05, 8],
    ['100', '110', 0.1, 6],
    ['100', '120', 0.2, 4],
    ['100', '95', -0.05, 4],
    ['100', '90', -0.1, 4],
  ];
  // Interleave the kinds of pairs (round-robin), so slow drift of the machine's load hits every kind alike.
  const groups = plan.map(([a, b, change, n]) =>
    Array.from(
      { length: Math.max(1, Math.round(n * scale)) },
      (): Case => ({ base: bins[a]!, head: bins[b]!, change }),
    ),
  );
  const cases: Case[] = [];
  for (let i = 0; groups.some((g) => i < g.length); i++)
    for (const g of groups) if (i < g.length) cases.push(g[i]!);
  const outcomes: Outcome[] = [];
  const started = Date.now();
  const cmd = (bin: string) =>
    `${bin} --benchmark_min_time=0.05 --benchmark_out={out} --benchmark_out_format=json >/dev/null`;
  cases.forEach((c, i) => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'src/runner-image/cli/main.ts'),
        'perf',
        'ab',
        '--base',
        cmd(c.base),
        '--head',
        cmd(c.head),
        '--json',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, AI_CI_MODE: 'enforce' } },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`perf ab failed (exit ${r.status}): ${r.stderr}`);
    const doc = JSON.parse(r.stdout) as {
      benchmarks: {
        name: string;
        base: number[];
        head: number[];
        verdict: Outcome['aici'];
        change: { estimate: number };
      }[];
    };
    for (const b of doc.benchmarks) {
      const ratio = median(b.head) / median(b.base) - 1;
      const p = mannWhitneyU(b.head, b.base).p;
      outcomes.push({
        change: c.change,
        benchmark: b.name,
        aici: b.verdict,
        fixed: ratio > 0.05 ? 'regression' : ratio < -0.05 ? 'improvement' : 'no-change',
        utest: p < 0.05 ? (ratio > 0 ? 'regression' : 'improvement') : 'no-change',
        estimate: b.change.estimate,
      });
    }
    log(`eval:ab: ${i + 1}/${cases.length} pairs (${Math.round((Date.now() - started) / 1000)} s)`);
  });

  const methods = ['aici', 'fixed', 'utest'] as const;
  const right = (o: Outcome, m: (typeof methods)[number]) =>
    o.change > 0 ? o[m] === 'regression' : o.change < 0 ? o[m] === 'improvement' : o[m] !== 'regression';
  const rows = [...new Set(outcomes.map((o) => o.change))].sort((a, b) => a - b);
  const table = rows.map((change) => {
    const os = outcomes.filter((o) => o.change === change);
    const share = (m: (typeof methods)[number]) => os.filter((o) => right(o, m)).length / os.length;
    return {
      change,
      comparisons: os.length,
      aici: share('aici'),
      fixed: share('fixed'),
      utest: share('utest'),
      aiciMedianEstimate: median(os.map((o) => o.estimate)),
    };
  });
  const big = outcomes.filter((o) => Math.abs(o.change) >= 0.05);
  const none = outcomes.filter((o) => o.change === 0);
  const summary = Object.fromEntries(
    methods.map((m) => [
      m,
      {
        accuracyAtLeast5pct: big.filter((o) => right(o, m)).length / big.length,
        falseAlarmsPer100: (100 * none.filter((o) => o[m] === 'regression').length) / none.length,
      },
    ]),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ table, summary, outcomes }, null, 2)}\n`);
    return;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const name = { aici: 'ai-ci perf ab (defaults)', fixed: 'fixed 5% on medians', utest: 'U test p < 0.05' };
  console.log(
    `same-job A/B on real builds: ${cases.length} pairs × 3 benchmarks, ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(
    '| expected change | comparisons | ai-ci right | fixed 5% right | U test right | ai-ci median estimate |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of table) {
    console.log(
      `| ${r.change > 0 ? '+' : ''}${pct(r.change)} | ${r.comparisons} | ${pct(r.aici)} | ${pct(r.fixed)} | ${pct(r.utest)} | ${r.aiciMedianEstimate >= 0 ? '+' : ''}${pct(r.aiciMedianEstimate)} |`,
    );
  }
  for (const m of methods) {
    const s = summary[m] as { accuracyAtLeast5pct: number; falseAlarmsPer100: number };
    console.log(
      `${name[m]}: accuracy on changes ≥ 5% ${pct(s.accuracyAtLeast5pct)} (target ≥ 95%), false alarms ${s.falseAlarmsPer100.toFixed(1)} per 100 unchanged comparisons (target ≤ 1)`,
    );
  }
}

main();
