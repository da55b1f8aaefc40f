/**
 * Second opinions that turn a regression the machine explains into 'inconclusive' (never a pass): Google
 * Benchmark's own probe (gbench-probe.ts), the fastest round (disturbed.ts) and a disturbed run's other benchmarks.
 * Pure: used by analysis.ts on each file's detections.
 */
import type { Detection } from '../detect.js';
import { FASTEST_SHARE } from '../disturbed.js';
import { PROBE_TOLERANCE, type ProbeDisagreement } from '../gbench-probe.js';
import type { BenchmarkResult } from '../parse/types.js';
import { pct } from './format.js';

/**
 * A single-value Google Benchmark regression whose reported run took longer than Google Benchmark's own probe of
 * the same run predicted (gbench-probe.ts: its iterations × time per iteration above the file's usual by more
 * than PROBE_TOLERANCE) is 'inconclusive' when that excess explains the slowdown (within DISTURBED_RUN_SPAN in log
 * terms): the code ran at its usual speed a moment before, in the same process. Never a pass; a slowdown beyond
 * what the excess explains keeps its verdict.
 */
export function judgeProbe(d: Detection, result: BenchmarkResult, probe: ProbeDisagreement): Detection {
  if (d.verdict !== 'regression' || result.direction !== 'smaller-is-better') return d;
  const excess = Math.log(probe.ratio);
  const own = Math.log1p(d.change.estimate);
  if (!(probe.ratio > 1 + PROBE_TOLERANCE) || !(own > 0) || own > DISTURBED_RUN_SPAN * excess) return d;
  return {
    ...d,
    verdict: 'inconclusive',
    reason:
      `${pct(d.change.estimate)} worse, but Google Benchmark's probe in this run predicted a ${pct(probe.ratio - 1)} ` +
      `shorter run: its ${probe.iterations.toLocaleString('en-US')} iterations were chosen for the usual speed ` +
      `(iterations × time per iteration is ${pct(probe.ratio - 1)} above the median of the file's ` +
      `${probe.benchmarks} benchmarks), so the machine slowed the run after its probe — rerun it, or compare both ` +
      `commits in one job (ai-ci perf ab); as measured: ${d.reason}`,
  };
}

export interface DisturbanceWitness {
  name: string;
  /** Its detection before judgeFastest: the median's change. */
  detection: Detection;
  /** The comparison of its fastest rounds. */
  fastest: Detection;
}

/**
 * How much further (in log slowdown) than a witness's median a benchmark of the same run may have moved and still
 * be within what the machine's disturbance explains: a run slowed by another job on the core slows its
 * benchmarks by similar factors (the recorded nodata-12: +63% with its fastest round unmoved, +66% and +75%
 * beside it); a code change that doubles one benchmark during a 10% disturbance stands out.
 */
export const DISTURBED_RUN_SPAN = 1.5;

/**
 * A regression in a run whose other benchmark proved the machine disturbed it (its median moved while its fastest
 * round did not: judgeFastest) is 'inconclusive' when its slowdown is within DISTURBED_RUN_SPAN of that
 * witness's: the same disturbance explains it, and one file cannot tell it from a change; a rerun does. Never a
 * pass; the raw change and reason stay. A regression beyond the span keeps its verdict.
 */
export function judgeDisturbedRun(
  d: Detection,
  direction: BenchmarkResult['direction'],
  witnesses: readonly DisturbanceWitness[],
): Detection {
  if (d.verdict !== 'regression') return d;
  const slowdown = (change: number, dir: BenchmarkResult['direction']) => {
    const f = 1 + change;
    return f > 0 ? (dir === 'smaller-is-better' ? Math.log(f) : -Math.log(f)) : Number.NaN;
  };
  const own = slowdown(d.change.estimate, direction);
  if (!(own > 0)) return d;
  const w = witnesses.find(
    (x) => own <= DISTURBED_RUN_SPAN * slowdown(x.detection.change.estimate, 'smaller-is-better'),
  );
  if (!w) return d;
  return {
    ...d,
    verdict: 'inconclusive',
    reason:
      `${pct(d.change.estimate)} worse, but the machine slowed this run: its ${w.name} moved ` +
      `${pct(w.detection.change.estimate)} in the median while its fastest round changed ` +
      `${pct(w.fastest.change.estimate)} — the same disturbance explains this change; rerun it, or compare both ` +
      `commits in one job (ai-ci perf ab); as measured: ${d.reason}`,
  };
}

/**
 * A regression whose fastest round neither regressed nor moved half as far as the median (disturbed.ts) is
 * 'inconclusive': the machine slowed some rounds of this run, or the change slows only some calls; a rerun tells.
 */
export function judgeFastest(d: Detection, fastest: Detection): Detection {
  const moved = d.change.estimate;
  const fastMoved = fastest.change.estimate;
  if (fastest.verdict === 'regression' || !(fastMoved < FASTEST_SHARE * moved)) return d;
  return {
    ...d,
    verdict: 'inconclusive',
    reason:
      `median ${pct(moved)} worse, but the fastest round changed ${pct(fastMoved)} (${fastest.verdict}, ` +
      `against ${fastest.noise.description}): the machine slowed some rounds of this run, or the change slows ` +
      `only some calls — rerun it, or compare both commits in one job (ai-ci perf ab); as measured: ${d.reason}`,
  };
}
