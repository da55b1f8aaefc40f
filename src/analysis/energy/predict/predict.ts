/**
 * `carbon predict`: the change in energy (Wh) and carbon (grams CO2e) of the CI run that a change base → head
 * causes, from the recorded run of the base (or its nearest recorded ancestor), the change's features and the
 * calibrated model, with the model's interval and the reasons: what the change touches and how long that took.
 */
import { resolveCommit } from '../../select/index.js';
import { type ChangeFacts, changeFeatures, FEATURE_NAMES } from './features.js';
import type { RecordedRun } from './history.js';
import type { OnnxCarbonPredictor } from './model.js';
import { nearestRecorded } from './pairs.js';

export class PredictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PredictError';
  }
}

export interface Range {
  value: number;
  low: number;
  high: number;
}

export interface CarbonPrediction {
  base: {
    ref: string;
    commit: string;
    recorded: string;
    behind: number;
    wh: number;
    grams: number;
    seconds: number;
  };
  head: { ref: string; commit: string };
  /** Intensity the grams are at (grams CO2e per kWh) and where it came from. */
  intensity: { value: number; source: string };
  headWh: Range;
  deltaWh: Range;
  headGrams: Range;
  deltaGrams: Range;
  /** Relative change of the run's energy, %. */
  deltaPercent: Range;
  coverage: number;
  reasons: string[];
  facts: ChangeFacts;
}

const sig = (x: number) => (x === 0 ? '0' : Number(x.toPrecision(3)).toString());
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${sig(Math.abs(x))}`;
const short = (c: string) => c.slice(0, 7);

/** The model's three largest contributions, in % of the run's energy. */
function contributions(model: OnnxCarbonPredictor, x: Float32Array): string[] {
  const c = model.info.coefficients as { mean: number[]; scale: number[]; weights: number[] } | undefined;
  if (!c) return [];
  return FEATURE_NAMES.map((name, j) => ({ name, z: (x[j]! - c.mean[j]!) / c.scale[j]!, w: c.weights[j]! }))
    .map((t) => ({ ...t, effect: (Math.exp(t.w * t.z) - 1) * 100 }))
    .filter((t) => Math.abs(t.effect) >= 0.05)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, 3)
    .map(
      (t) =>
        `${t.name} = ${sig(x[FEATURE_NAMES.indexOf(t.name)]!)} (${signed(t.z)} SD from training) → ${signed(t.effect)} %`,
    );
}

function reasonsOf(
  f: ChangeFacts,
  base: CarbonPrediction['base'],
  model: OnnxCarbonPredictor,
  x: Float32Array,
) {
  const out: string[] = [];
  out.push(
    `base run ${short(base.recorded)}: ${sig(base.wh)} Wh, ${sig(base.grams)} gCO2e, ${sig(base.seconds)} s, ` +
      `${f.suiteFiles} test files taking ${sig(f.suiteSeconds)} s` +
      (base.behind > 0
        ? ` (${short(base.commit)} has no report: its ancestor ${base.behind} commit${base.behind === 1 ? '' : 's'} back)`
        : ''),
  );
  const t = f.touched.reduce((s, x) => s + x.seconds, 0);
  if (f.touched.length === 0)
    out.push(`the change (${f.changedFiles} files) reaches none of those test files through imports`);
  else
    out.push(
      `the change (${f.changedFiles} files) reaches ${f.touched.length} of them through imports, ` +
        `${sig(t)} s of ${sig(f.suiteSeconds)} s (${sig((t / Math.max(f.suiteSeconds, 1e-9)) * 100)} %): ` +
        f.touched
          .slice(0, 5)
          .map((x) => `${x.file} (${sig(x.seconds)} s, ${x.via.length > 1 ? `via ${x.via[0]}` : 'changed'})`)
          .join(', ') +
        (f.touched.length > 5 ? `, and ${f.touched.length - 5} more` : ''),
    );
  if (f.testLinesAdded + f.testLinesDeleted > 0)
    out.push(`test files of the run: +${f.testLinesAdded} −${f.testLinesDeleted} lines`);
  if (f.sourceLinesChanged > 0) out.push(`code those tests load: ${f.sourceLinesChanged} lines changed`);
  if (f.newTests.length > 0)
    out.push(`new test files: ${f.newTests.map((n) => `${n.file} (${n.lines} lines)`).join(', ')}`);
  if (f.deletedTests.length > 0)
    out.push(
      `deleted test files: ${f.deletedTests.map((d) => `${d.file} (${sig(d.seconds)} s)`).join(', ')}`,
    );
  const c = contributions(model, x);
  if (c.length > 0) out.push(`model: ${c.join('; ')}`);
  return out;
}

export async function predictChange(opts: {
  repo: string;
  history: ReadonlyMap<string, RecordedRun>;
  baseRef: string;
  headRef: string;
  model: OnnxCarbonPredictor;
  /** Grams CO2e per kWh; default the base run's. */
  intensity?: number;
}): Promise<CarbonPrediction> {
  const baseCommit = resolveCommit(opts.repo, opts.baseRef);
  const headCommit = resolveCommit(opts.repo, opts.headRef);
  const near = nearestRecorded(opts.repo, opts.history, baseCommit);
  if (!near)
    throw new PredictError(
      `no recorded run at ${opts.baseRef} (${short(baseCommit)}) or any of its first-parent ancestors in the history`,
    );
  const { run, behind } = near;
  const { values, facts } = await changeFeatures(opts.repo, run, headCommit);
  const [y] = await opts.model.predict([values]);
  const { low, high, coverage } = opts.model.interval;
  const wh = (d: number) => run.energyWh * Math.exp(y! + d);
  const headWh = { value: wh(0), low: wh(low), high: wh(high) };
  const intensity =
    opts.intensity !== undefined
      ? { value: opts.intensity, source: '--intensity' }
      : { value: run.intensity, source: `the base run's (${short(run.commit)})` };
  const g = (w: number) => (w * intensity.value) / 1000;
  const minus = (r: Range, b: number): Range => ({ value: r.value - b, low: r.low - b, high: r.high - b });
  const base = {
    ref: opts.baseRef,
    commit: baseCommit,
    recorded: run.commit,
    behind,
    wh: run.energyWh,
    grams: g(run.energyWh),
    seconds: run.seconds,
  };
  const headGrams = { value: g(headWh.value), low: g(headWh.low), high: g(headWh.high) };
  const pct = (v: number) => (v / run.energyWh - 1) * 100;
  return {
    base,
    head: { ref: opts.headRef, commit: headCommit },
    intensity,
    headWh,
    deltaWh: minus(headWh, run.energyWh),
    headGrams,
    deltaGrams: minus(headGrams, base.grams),
    deltaPercent: { value: pct(headWh.value), low: pct(headWh.low), high: pct(headWh.high) },
    coverage,
    reasons: reasonsOf(facts, base, opts.model, values),
    facts,
  };
}
