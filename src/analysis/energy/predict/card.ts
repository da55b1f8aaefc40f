/** The model card of the carbon predictor (Markdown), written by `carbon calibrate` beside the model. */
import type { CalibrationResult } from './calibrate.js';
import { FEATURE_NAMES } from './features.js';

const DESCRIPTIONS: Record<(typeof FEATURE_NAMES)[number], string> = {
  touched_time_share:
    "share of the base run's test seconds in test files the change reaches through imports (select's graph)",
  touched_files_share: "share of the base run's test files the change reaches",
  log1p_test_lines_added: 'ln(1 + lines added to test files of the run)',
  log1p_test_lines_deleted: 'ln(1 + lines deleted from test files of the run)',
  log1p_source_lines_changed: 'ln(1 + lines changed in non-test files that reach a test of the run)',
  new_test_files: 'test files added in the folders of the run',
  log1p_new_test_lines: 'ln(1 + lines of those new test files)',
  deleted_time_share: "share of the base run's test seconds in test files the change deletes",
};

const pct = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} %`);

export function renderCard(
  r: CalibrationResult,
  data: { historyDir: string; runs: number; description: string; command: string },
): string {
  const m = r.model;
  const rows = r.heldOut
    .map(
      (h) =>
        `| ${h.head.slice(0, 7)} | ${h.base.slice(0, 7)} | ${h.baseWh.toPrecision(3)} | ${h.headWh.toPrecision(3)} | ` +
        `${h.predictedWh.toPrecision(3)} (${h.low.toPrecision(3)}–${h.high.toPrecision(3)}) | ` +
        `${((Math.abs(h.predictedWh - h.headWh) / h.headWh) * 100).toFixed(1)} % |`,
    )
    .join('\n');
  return `# Model card: carbon-predictor.onnx

The change in energy (Wh) and carbon (grams CO2e) of a CI run caused by a code change, used by
\`ai-ci carbon predict --base-ref REF --head-ref REF\`: the model predicts ln(energy of the run at the head /
energy of the recorded run at the base) from what the change touches; grams CO2e are the energy × the grid
intensity (the base run's, or \`--intensity\`). Written by \`${data.command}\`.

## Model

- Ridge regression on ${FEATURE_NAMES.length} standardised features, penalty λ = ${r.lambda} chosen from
  ${JSON.stringify([0.3, 1, 3, 10, 30, 100])} by leave-one-out error on the training pairs only (LOO RMSE of the
  ln ratio ${r.looRmse.toFixed(4)}).
- Interval: the ${Math.round(m.interval.coverage * 100)} % central range of the leave-one-out residuals,
  ln ratio ${m.interval.low.toFixed(4)} … ${m.interval.high.toFixed(4)} around the prediction.
- Format: ONNX (opset 13; Sub, Div, Gemm), input \`features\` float32 [batch, ${FEATURE_NAMES.length}], output
  \`log_energy_ratio\` float32 [batch, 1]; feature names, interval and coefficients in the metadata
  (\`ai-ci.feature_names\`, \`ai-ci.info\`). A model with other feature names is refused.
- Runtime: onnxruntime-node (CPU), imported only when \`carbon predict\` runs the model.
- Training: plain TypeScript (src/analysis/energy/predict/), closed-form ridge.

## Features

${FEATURE_NAMES.map((n, i) => `${i + 1}. \`${n}\`: ${DESCRIPTIONS[n]} (weight ${m.weights[i]!.toFixed(4)} per SD)`).join('\n')}

## Data

${data.description}

${data.runs} recorded runs in \`${data.historyDir}\`; each run is paired with the nearest recorded run before it
on the first-parent line: ${r.trainPairs} training pairs, ${r.heldOut.length} held-out pairs.
${
  r.heldOutFile
    ? `Held out: the head commits listed in \`${r.heldOutFile.path}\` (${r.heldOutFile.commits} commits, SHA-256
\`${r.heldOutFile.sha256}\`), written before any model was fitted.`
    : 'No held-out file was given: there is no held-out error.'
}

## Held-out error

Exported model run by onnxruntime on the held-out pairs, predicted energy of the head run against the measured:

- median absolute percentage error: **${pct(r.heldOutMape)}**
- no-change baseline (head = base run): ${pct(r.baselineMape)}
- measured head energy inside the ${Math.round(m.interval.coverage * 100)} % interval: ${
    r.heldOutCoverage === null ? 'n/a' : `${(r.heldOutCoverage * 100).toFixed(0)} %`
  }

${
  r.heldOutMape !== null && r.baselineMape !== null && r.heldOutMape >= r.baselineMape
    ? `On these held-out pairs the model does not beat predicting no change: the changes' effect on the run is below
the run-to-run noise of the machine the history was recorded on, and what the model learnt is mostly the mean
drift of the training period. What it adds is the reasons (what the change reaches, how long that took) and the
interval.

`
    : ''
}| head | base | base Wh | head Wh | predicted Wh (interval) | abs. error |
| --- | --- | --- | --- | --- | --- |
${rows}

## Limits

The runs were measured by \`ai-ci carbon track\` on one shared machine: run-to-run noise from other work on it
(the CPU-time share and the machine's utilisation change the attributed energy) is part of every target and
bounds what any model of the change can explain. The model knows the change only through the import graph and
line counts: a change that makes a test slower without touching its imports is invisible to it.
`;
}
