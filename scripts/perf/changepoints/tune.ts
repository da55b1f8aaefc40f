/**
 * How the change-point detector's defaults were chosen: scores option sets on the TRAIN part only of the
 * labelled real series (data/changepoints/, held-out part frozen in split.json beforehand) and prints
 * F1 and detections per series for each set. The defaults of src/analysis/perf/changepoints/detector.ts were
 * picked from such grids (penalty, penalty form log n / log² n, block scale, noise quantile, minimum segment;
 * then minBlocks, trendFit and mergeWithin) together with the change-point F1 on the train part of
 * scripts/perf/eval.ts's benchmark series; see the README's perf section for the figures.
 *
 *   tsx scripts/perf/changepoints/tune.ts '[{"penalty":0.7},{"penalty":1,"blockScale":1}]'
 */
import {
  ChangePointDetector,
  type ChangePointOptions,
} from '../../../src/analysis/perf/changepoints/detector.js';
import { loadSet, SETS } from './data.js';
import { scoreMethod } from './eval.js';

const grid = JSON.parse(process.argv[2] ?? '[{}]') as ChangePointOptions[];
const train = SETS.map((set) => ({ set, series: loadSet(set, 'train') })).filter((s) => s.series.length > 0);
for (const options of grid) {
  const detector = new ChangePointDetector(options);
  const row = train.map(({ set, series }) => {
    const s = scoreMethod(set, series, (v) => detector.detectIndices(v));
    return `${set} F1 ${(100 * s.f1).toFixed(1)}% detections ${s.detections.toFixed(1)} (annotated ${s.annotated.toFixed(1)})`;
  });
  process.stdout.write(`${JSON.stringify(options)}  ${row.join(' | ')}\n`);
}
