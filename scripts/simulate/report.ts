/**
 * `npm run sim:report`: the simulator's figures for the closing report, re-measurable in one command (about a
 * minute). Each section is one `ai-ci simulate` sweep over the bundled 2024 traces (Electricity Maps, ODbL):
 *
 * 1. The simulator's own check: 1-hour jobs arriving uniformly, allowed to wait 4 h and 8 h (deadline 5 h and 9 h,
 *    as a job must also finish), unlimited runners. Published orientation for the oracle: GB 12–19%, DE 9–15%,
 *    CAISO 13–24%, SG almost nothing.
 * 2. The default workload (diurnal arrivals in local working hours, 2 min – 3 h jobs, 48 a day, 20 runners) with
 *    4 h and 12 h deadlines, ai-ci seeing a noisy forecast (MAE 24 g averaged over 48 h).
 * 3. The same with ai-ci's own forecast from history (what the controller uses when the provider has none).
 * 4. The same with a 10% tolerance (the CarbonPolicy CRD default) instead of the simulator's 0%.
 *
 * Options: --seed N (default 1); --quick (section 2 only).
 */
import { parseArgs } from 'node:util';
import { runCli } from '../../src/runner-image/cli/program.js';

const { values: args } = parseArgs({
  options: { seed: { type: 'string', default: '1' }, quick: { type: 'boolean', default: false } },
});
const regions = 'GB,DE,US-CAL-CISO,SG';
const common = ['simulate', '--region', regions, '--random-seed', args.seed!, '--quiet'];

const sections: Array<{ title: string; argv: string[] }> = [
  {
    title:
      'Check of the simulator: 1 h jobs, uniform arrivals, allowed to wait 4 h / 8 h (deadline 5 h / 9 h), unlimited runners.\n' +
      'Oracle orientation from published studies: GB 12–19%, DE 9–15%, CAISO 13–24%, SG almost nothing.',
    argv: [
      ...common,
      '--deadline',
      '5h,9h',
      '--duration-min',
      '1h',
      '--duration-max',
      '1h',
      '--arrivals',
      'uniform',
      '--jobs-per-day',
      '24',
      '--max-runners',
      '100000',
    ],
  },
  {
    title:
      'Default workload (diurnal, 2m–3h jobs, 48/day, 20 runners), deadlines 4 h and 12 h, noisy forecast.',
    argv: [...common, '--deadline', '4h,12h'],
  },
  {
    title: 'Same workload, ai-ci with its own forecast from history (no provider forecast).',
    argv: [...common, '--deadline', '4h,12h', '--forecast', 'history'],
  },
  {
    title: 'Same workload and noisy forecast, ai-ci with the CRD default tolerance of 10%.',
    argv: [...common, '--deadline', '4h,12h', '--tolerance', '10'],
  },
];

for (const [i, section] of sections.entries()) {
  if (args.quick && i !== 1) continue;
  process.stdout.write(`\n## ${i + 1}. ${section.title}\n\n`);
  const started = performance.now();
  const code = await runCli(section.argv);
  if (code !== 0) {
    process.stderr.write(`sim:report: ai-ci ${section.argv.join(' ')} failed with exit code ${code}\n`);
    process.exit(code);
  }
  process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
