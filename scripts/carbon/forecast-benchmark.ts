/**
 * How good is the history forecast (src/carbon/forecast/history.ts)? Replays real Electricity Maps hourly traces:
 * at every origin hour it forecasts the next 24 h from the 8 days before, and compares the mean absolute error
 * (gCO2eq/kWh, LCA) with persistence (last value held flat) and with same-hour-yesterday.
 *
 *   scripts/node-env.sh npx tsx scripts/carbon/forecast-benchmark.ts [--years 2024] [--zones GB,DE-LU] [--tune]
 *
 * --tune grid-searches the model's parameters on the given years (use 2023, then check the choice on 2024).
 * Data: ../shared/data/carbon/electricitymaps (Electricity Maps, ODbL; see its README).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_HISTORY_FORECAST,
  type HistoryForecastOptions,
  historyForecast,
  persistenceForecast,
} from '../../src/carbon/forecast/history.js';
import { readTrace } from '../../src/carbon/traces.js';
import type { IntensitySeries } from '../../src/carbon/types.js';

const HOUR = 3_600_000;
const HORIZON_H = 24;
const LOOKBACK_H = 8 * 24;

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '2024' },
    zones: { type: 'string', default: 'GB,DE-LU' },
    data: {
      type: 'string',
      default: join(import.meta.dirname, '../../../shared/data/carbon/electricitymaps'),
    },
    tune: { type: 'boolean', default: false },
  },
});

type Forecaster = (history: IntensitySeries, now: number) => IntensitySeries | undefined;

function evaluate(
  series: IntensitySeries,
  forecaster: Forecaster,
  lookbackH = LOOKBACK_H,
): { mae: number; n: number; byHour: number[] } {
  const pts = series.points;
  let sum = 0;
  let n = 0;
  const hourSum = new Array<number>(HORIZON_H).fill(0);
  const hourN = new Array<number>(HORIZON_H).fill(0);
  for (let i = LOOKBACK_H; i + HORIZON_H < pts.length; i++) {
    const history = { ...series, points: pts.slice(i - lookbackH, i + 1) };
    const now = pts[i]!.start;
    const f = forecaster(history, now);
    if (!f) continue;
    for (const p of f.points) {
      const h = Math.round((p.start - now) / HOUR);
      if (h < 1 || h > HORIZON_H) continue;
      const actual = pts[i + h]!;
      if (actual.start !== p.start) throw new Error(`misaligned at ${new Date(p.start).toISOString()}`);
      const err = Math.abs(p.value - actual.value);
      sum += err;
      n++;
      hourSum[h - 1]! += err;
      hourN[h - 1]!++;
    }
  }
  return { mae: sum / n, n, byHour: hourSum.map((s, k) => s / hourN[k]!) };
}

const seasonalNaive: Forecaster = (h, now) =>
  historyForecast(h, now, HORIZON_H * HOUR + 1, {
    dailyWeight: 1,
    dailyDays: 1,
    levelDecayPerHour: 0,
    shrinkDays: 0,
  });
const persistence: Forecaster = (h, now) => persistenceForecast(h, now, HORIZON_H * HOUR + 1);
const model =
  (o: HistoryForecastOptions): Forecaster =>
  (h, now) =>
    historyForecast(h, now, HORIZON_H * HOUR + 1, o);

const zones = values.zones.split(',');
const years = values.years.split(',');
const traces: { label: string; series: IntensitySeries }[] = [];
for (const zone of zones) {
  for (const year of years) {
    const file = join(values.data, zone, `${zone}_${year}_hourly.csv`);
    traces.push({ label: `${zone} ${year}`, series: (await readTrace(file)).actual });
  }
}

if (values.tune) {
  const results: { o: HistoryForecastOptions; mae: number }[] = [];
  for (const dailyWeight of [0.8, 0.9, 1]) {
    for (const shrinkDays of [0, 0.25, 0.5, 1, 2]) {
      for (const levelDecayPerHour of [0.95, 0.97, 0.98, 0.99]) {
        const o = { dailyWeight, dailyDays: 7, levelDecayPerHour, shrinkDays };
        // Scored on both a week of history and the 24 h that Electricity Maps' free history gives.
        const maes = traces.flatMap((t) => [
          evaluate(t.series, model(o)).mae,
          evaluate(t.series, model(o), 24).mae,
        ]);
        results.push({ o, mae: maes.reduce((a, b) => a + b, 0) / maes.length });
      }
    }
    process.stderr.write(`tuned dailyWeight=${dailyWeight}\n`);
  }
  results.sort((a, b) => a.mae - b.mae);
  for (const r of results.slice(0, 10)) console.log(JSON.stringify(r.o), r.mae.toFixed(2));
} else {
  console.log(
    `24 h-ahead forecast MAE, gCO2eq/kWh (LCA); hours 1..24 after each origin hour; model ${JSON.stringify(DEFAULT_HISTORY_FORECAST)}`,
  );
  console.log(
    'trace          persistence  same-hour-yesterday  history-forecast  improvement vs persistence  with only 24 h of history',
  );
  for (const t of traces) {
    const p = evaluate(t.series, persistence);
    const s = evaluate(t.series, seasonalNaive);
    const m = evaluate(t.series, model({}));
    // Electricity Maps' free history endpoint gives the last 24 h only: the model then has one day of shape.
    const short = evaluate(t.series, model({}), 24);
    const gain = (1 - m.mae / p.mae) * 100;
    console.log(
      `${t.label.padEnd(14)} ${p.mae.toFixed(1).padStart(11)}  ${s.mae.toFixed(1).padStart(19)}  ${m.mae.toFixed(1).padStart(16)}  ${gain.toFixed(1).padStart(25)}%  ${short.mae.toFixed(1).padStart(25)}`,
    );
    const at = (r: { byHour: number[] }, h: number) => r.byHour[h - 1]!.toFixed(1);
    console.log(
      `  by horizon (h: persistence/model): ${[1, 3, 6, 12, 24].map((h) => `${h}h ${at(p, h)}/${at(m, h)}`).join(', ')}`,
    );
  }
}
