/**
 * The CPU overhead of `ai-ci carbon track` on a 10 s command (`sleep 10`, which itself uses no CPU), run as the
 * shipped CLI is (the esbuild bundle of scripts/bundle-cli.ts, built into a temporary folder first), printed:
 * - sampling: the tracker's own CPU time while the command ran (process.cpuUsage, reported in the JSON), as a
 *   share of one CPU over the run — the cost that grows with the command's length;
 * - whole process: all CPU time of the ai-ci process (Node start-up and module loading included) from its exit
 *   status (this script's children's CPU time, /proc/self/stat cutime+cstime), as a share of one CPU.
 *
 *   npx tsx scripts/energy/overhead.ts [--seconds 10] [--interval 1s] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reapedChildrenCpuSeconds, type TrackReport } from '../../src/analysis/energy/index.js';
import { bundleCli } from '../bundle-cli.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    interval: { type: 'string', default: '1s' },
    runs: { type: 'string', default: '3' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'ai-ci-overhead-'));
const { entry } = await bundleCli(join(dir, 'cli'));

console.log(
  `ai-ci carbon track -- sleep ${values.seconds} (interval ${values.interval}), ${values.runs} runs`,
);
console.log(
  'run | wall s | sampling CPU s | sampling % of a CPU | whole ai-ci process CPU s (start-up included) | %',
);
const sampling: number[] = [];
const wholeShare: number[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
  const json = join(dir, `r${run}.json`);
  const before = reapedChildrenCpuSeconds()!;
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      entry,
      'carbon',
      'track',
      '--no-gpu',
      '--interval',
      values.interval,
      '--json',
      json,
      '--',
      'sleep',
      values.seconds,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wall = (performance.now() - t0) / 1000;
  const whole = reapedChildrenCpuSeconds()! - before;
  if (r.status !== 0) throw new Error(`ai-ci exited ${r.status}: ${r.stderr}`);
  const rep = JSON.parse(readFileSync(json, 'utf8')) as TrackReport;
  sampling.push(rep.overhead.percentOfWall);
  wholeShare.push((whole / wall) * 100);
  console.log(
    `${run} | ${wall.toFixed(2)} | ${rep.overhead.cpuSeconds.toFixed(3)} | ${rep.overhead.percentOfWall.toFixed(2)} % | ` +
      `${whole.toFixed(2)} | ${((whole / wall) * 100).toFixed(1)} %`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`median sampling overhead: ${median(sampling).toFixed(2)} % of one CPU`);
console.log(
  `median whole-process overhead: ${median(wholeShare).toFixed(2)} % of one CPU (target < 1 %; Node start-up, ` +
    'loading the bundle chunks `carbon track` needs, sampling and the report)',
);
rmSync(dir, { recursive: true, force: true });
