import { FEATURE_NAMES } from '../features.js';
import type { DetectorQuality } from './evaluate.js';
import type { PipelineResult } from './pipeline.js';

const FEATURE_TEXT: Record<string, string> = {
  rel_change_median: 'relative change of the median, candidate vs baseline rounds (+ = worse)',
  rel_change_hl: 'Hodges-Lehmann shift relative to the baseline median',
  rel_change_hl_low: 'lower 95% bound of that shift',
  rel_change_hl_high: 'upper 95% bound of that shift',
  mwu_z: 'Mann-Whitney z, tie-corrected',
  mwu_neglog10_p: '−log10 of the two-sided Mann-Whitney p-value',
  cliffs_delta: "Cliff's delta",
  effect_size: 'Hodges-Lehmann shift over the pooled robust scale',
  baseline_rel_noise: 'robust relative noise of the baseline rounds',
  candidate_rel_noise: 'robust relative noise of the candidate rounds',
  log2_n_baseline: 'log2 of the baseline round count',
  log2_n_candidate: 'log2 of the candidate round count',
  log2_history_len: 'log2(1 + runs in the history)',
  log2_regime_len: 'log2(1 + runs since the last change point)',
  history_rel_noise: 'run-to-run robust relative noise of the current regime',
  history_rel_change: 'candidate median against the current regime, relative',
  history_z: 'candidate median against the current regime, robust z',
  prev_rel_change: 'candidate median against the previous run (the fixed-threshold tools’ ratio)',
  recent_changepoint: '1 when the history changed within its last 10 runs',
  last_changepoint_rel_change: 'relative size of the last change point',
  log2_rounds_needed_5pct: 'log2 of the rounds needed to detect a 5% change at the measured noise',
  history_exceedance_p: 'conformal p-value: share of earlier runs that strayed at least as far the same way',
  history_worst_deviation: 'the worst deviation of any earlier run from its regime’s median',
  best_rounds_rel_change:
    'relative change of the best-end rounds (a code change moves them, a busy machine not)',
  worst_rounds_rel_change: 'relative change of the worst-end rounds',
  log2_noise_ratio: 'log2 of candidate over baseline relative noise (disturbed runs spread out)',
  baseline_history_z: 'robust z of the baseline run against the current regime (is the baseline itself off?)',
};

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number, d = 3) => v.toFixed(d);

function qualityRow(name: string, q: DetectorQuality): string {
  return (
    `| ${name} | ${pct(q.balancedAccuracyAtLeast5pct)} | ${pct(q.recallAtLeast5pct)} | ${pct(q.recall)} | ` +
    `${pct(q.precision)} | ${q.falseAlarmsPer1000NoChange.toFixed(1)} | ${q.falseAlarmsPer1000Improvements.toFixed(1)} | ` +
    `${num(q.rocAuc)} |`
  );
}

/** The model card: what the model is, what it was trained on, how well it does on data it never saw, how to redo it. */
export function modelCard(result: PipelineResult, command: string, dataDescription: string): string {
  const h = result.heldout;
  const info = result.model.info as { threshold?: number; hidden?: number[]; seed?: number };
  const threshold = info.threshold ?? 0.95;
  const hidden = result.model.layers.slice(0, -1).map((l) => l.outputs);
  const architecture = hidden.length
    ? `a small neural network: ${FEATURE_NAMES.length} standardised features → ${hidden.join(' → ')} tanh units → 1 sigmoid output`
    : `a logistic regression over ${FEATURE_NAMES.length} standardised features`;
  return `# Model card: performance-predictor.onnx

The probability that a benchmark result is a real performance regression against its history, used by
\`ai-ci perf analyze\` and the \`ai-regression-detector\` action. How the detector combines it with its statistics is
decided in src/analysis/perf/detect.ts (at the time of training: the statistics' probability stands when the
model agrees, P ≥ 0.5, and the lower of the two is taken when it does not); a regression fails the check at
P ≥ the threshold (default ${threshold}). Without a usable model file the statistics decide alone.

## Model

- Architecture: ${architecture}. Feature standardisation (mean, scale, clip to ±${result.model.clip}) is part of the graph.
- Format: ONNX (opset 13; Sub, Div, Clip, IsNaN, Where, Gemm, Tanh, Sigmoid), input \`features\` float32
  [batch, ${FEATURE_NAMES.length}], output \`probability\` float32 [batch, 1]. Feature names are stored in the metadata
  (\`ai-ci.feature_names\`); a model whose names differ from the CLI's is refused and statistics alone decide.
- Runtime: onnxruntime-node, CPU (CUDA execution provider when a GPU and the CUDA build are present).
- Training: plain TypeScript (src/analysis/perf/model/train.ts), binary cross-entropy with L2, Adam,
  early stopping on 15% of the training comparisons; seed ${info.seed ?? 1}; best epoch ${result.epochs}.

## Features

Computed by \`computeFeatures\` (src/analysis/perf/features.ts), oriented so that + means worse:

${FEATURE_NAMES.map((n, i) => `${i + 1}. \`${n}\`: ${FEATURE_TEXT[n] ?? 'see features.ts'}`).join('\n')}

## Data

${dataDescription}

Labelled comparisons are generated from that real noise by src/analysis/perf/dataset/ in results files: all
benchmarks of one tool share one draw of recorded runs (a history of 0–30 earlier runs, a baseline run and a
candidate run, all real measurements), so the machine's run-wide slowdowns are shared as in a real CI job. In 90%
of the files each benchmark independently has no change (60%), a regression (27%) or an improvement (13%) of a
known size injected into the candidate (log-uniform 1–50%); in 10% every benchmark of the file changes alike.
Nuisances: steps and outliers in the history, an outlier baseline run, outlier rounds, slow drift. A quarter of the
files are bigger-is-better (throughput). Features are computed after common-mode rejection
(src/analysis/perf/common-mode.ts), as the detector computes them. Benchmarks, not comparisons, are split:
training files hold only train benchmarks; held-out files hold every benchmark of their tool (the train ones as
context for the run-wide shift) and only their held-out benchmarks are scored, so the held-out benchmarks' noise
is never seen in training.

- Training: ${result.trainComparisons} comparisons from ${result.trainBenchmarks} benchmarks.
- Held out: ${h.model.comparisons} comparisons from ${h.benchmarks} benchmarks (${h.model.regressions} regressions,
  ${h.model.noChanges} no change, ${h.model.improvements} improvements).

## Measured quality on the held-out benchmarks

Called at P ≥ ${threshold}. Balanced accuracy is the per-comparison accuracy on a set balanced between
regressions of 5% and more and no-change comparisons. False alarms are per 1,000 comparisons without a
regression. (Per-data-point accuracy is not reported: it is meaningless when almost no points are changes.)

| detector | balanced accuracy, ≥5% | recall, ≥5% | recall, all sizes | precision | false alarms / 1,000 no-change | false alarms / 1,000 improvements | ROC AUC |
| --- | --- | --- | --- | --- | --- | --- | --- |
${qualityRow('ai-ci perf analyze (statistics + this model)', h.detectorWithModel)}
${qualityRow('this model alone', h.model)}
${qualityRow('statistics alone (fallback without the model)', h.statisticsAlone)}

Recall by size of the injected regression (statistics + model):

| change | comparisons | recall |
| --- | --- | --- |
${h.detectorWithModel.recallBySize.map((b) => `| ${b.range} | ${b.n} | ${pct(b.recall)} |`).join('\n')}

The model alone at other thresholds (its operating curve on the same held-out comparisons):

| P ≥ | recall, all sizes | recall, ≥5% | precision | false alarms / 1,000 no-change | balanced accuracy, ≥5% |
| --- | --- | --- | --- | --- | --- |
${h.curve.map(({ threshold, quality: q }) => `| ${threshold} | ${pct(q.recall)} | ${pct(q.recallAtLeast5pct)} | ${pct(q.precision)} | ${q.falseAlarmsPer1000NoChange.toFixed(1)} | ${pct(q.balancedAccuracyAtLeast5pct)} |`).join('\n')}

Probability quality of the model on the held-out set: log loss ${num(h.model.logLoss)}, Brier score ${num(h.model.brier)}.

The baselines people use today (fixed percentage thresholds, Conbench's z, Perfherder's t, plain change-point
detection) are scored on the held-out benchmarks by \`npm run eval:perf\`, which loads this model through the same
ProbabilityModel interface; it scores a subset balanced between regressions and no-change comparisons, so its
figures differ a little from these.

## Limits

- The noise comes from the benchmarks and machine named above. Histories from very different machines or
  benchmarks (GPU kernels, network-bound jobs) may be noisier than anything seen in training; the detector then
  tends to say "inconclusive" rather than guess, and the model can be retrained on a project's own history with
  \`ai-ci perf train --historical-data DIR\`.
- Only step changes are injected as regressions; a slow creep over many runs is noise to this model.
- Improvements are decided by the statistics alone.

## Reproduce

\`\`\`bash
${command}
\`\`\`

Deterministic: the same data, seed and options give the same model file.
`;
}
