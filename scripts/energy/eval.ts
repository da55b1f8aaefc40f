/**
 * The error of ai-ci's CPU power model against the SPECpower_ssj2008 results it cites (src/analysis/energy/
 * cpu-power.json), printed. For every system with a published 11-point curve, each method predicts the system's
 * power at active idle and 10 %…100 % load, as it would for an unknown machine of that CPU:
 * - idle–full line: the row's idle and full figures only, linear between (the table's rows without a curve);
 * - tdp: the CPU's TDP fallback (TDP per thread × threads, idle share = median of the OTHER systems);
 * - table-median: the median watts per thread of the OTHER systems (leave-one-out);
 * - baseline 4 W/thread: the controller's former constant (Cloud Carbon Footprint's per-vCPU figure), flat.
 * Mean absolute percentage error over the 11 points per system, then the median over systems.
 *
 *   npx tsx scripts/energy/eval.ts      (npm run eval:energy)
 */
import { cpuPowerModel, cpuWatts, POWER_TABLE, systemCurve } from '../../src/analysis/energy/index.js';

const loads = Array.from({ length: 11 }, (_, i) => i / 10);
const mape = (pred: number[], actual: number[]) =>
  (pred.reduce((a, p, i) => a + Math.abs(p - actual[i]!) / actual[i]!, 0) / actual.length) * 100;
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const rows = POWER_TABLE.systems.filter((s) => s.curve);
const errors: Record<string, number[]> = { line: [], tdp: [], median: [], flat4: [] };
console.log(
  'system | idle–full line | tdp (leave-one-out idle share) | table-median (leave-one-out) | 4 W/thread',
);
for (const s of rows) {
  const actual = systemCurve(s);
  const line = loads.map((u) => actual[0]! + (actual[10]! - actual[0]!) * u);
  const cpuName = s.match
    .replace(/\\\(R\\\)\?/g, '(R)')
    .replace(/ \+/g, ' ')
    .replace(/\\/g, '');
  const tdpModel = cpuPowerModel(cpuName, { systemId: s.id });
  const tdp = tdpModel.method === 'tdp' ? loads.map((u) => cpuWatts(tdpModel, s.threads, u)) : undefined;
  const med = cpuPowerModel('unknown CPU', { systemId: s.id });
  const medPred = loads.map((u) => cpuWatts(med, s.threads, u));
  const flat = loads.map(() => 4 * s.threads);
  const e = {
    line: mape(line, actual),
    tdp: tdp ? mape(tdp, actual) : Number.NaN,
    median: mape(medPred, actual),
    flat4: mape(flat, actual),
  };
  for (const k of Object.keys(errors))
    if (!Number.isNaN(e[k as keyof typeof e])) errors[k]!.push(e[k as keyof typeof e]);
  console.log(
    `${s.id} | ${e.line.toFixed(1)} % | ${Number.isNaN(e.tdp) ? 'n/a' : `${e.tdp.toFixed(1)} %`} | ${e.median.toFixed(1)} % | ${e.flat4.toFixed(1)} %`,
  );
}
console.log(
  `median over ${rows.length} systems | ${median(errors.line!).toFixed(1)} % | ${median(errors.tdp!).toFixed(1)} % (${errors.tdp!.length}) | ` +
    `${median(errors.median!).toFixed(1)} % | ${median(errors.flat4!).toFixed(1)} %`,
);
console.log(
  'A system with its own SPECpower curve is reproduced exactly (the table interpolates its 11 points).',
);
