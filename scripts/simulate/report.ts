/**
 * `npm run sim:report`: the simulator's figures for the closing report, re-measurable in one command (about a
 * minute). Each section is one `ai-ci simulate` sweep over the bundled 2024 traces (Electricity Maps, ODbL); their
 * titles, and the settings they name, come from the code's defaults (scripts/docs/sim-report.ts):
 *
 * 1. The simulator's own check: 1-hour jobs arriving uniformly, allowed to wait 4 h and 8 h (deadline 5 h and 9 h,
 *    as a job must also finish), unlimited runners. Published orientation for the oracle: GB 12–19%, DE 9–15%,
 *    CAISO 13–24%, SG almost nothing.
 * 2. The default workload with 4 h and 12 h deadlines, ai-ci with the CarbonPolicy CRD's defaults and a noisy
 *    forecast (MAE 24 g averaged over 48 h): the README's table.
 * 3. The same with ai-ci's own forecast from history (what the controller uses when the provider has none).
 * 4. The same with no tolerance, to show what the CRD's default tolerance gives up.
 *
 * Options: --seed N (default 1); --quick (section 2 only); --write-readme (section 2 only, as JSON, written into the
 * README's sim-report-figures block with the stamp of the defaults it was measured with).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JsonReport } from '../../src/carbon/simulate/report.js';
import { runCli } from '../../src/runner-image/cli/program.js';
import { replaceBetween } from '../docs/generated.js';
import { renderSimReportFigures, reportSections, SIM_REPORT_MARKERS } from '../docs/sim-report.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    'write-readme': { type: 'boolean', default: false },
  },
});
const sections = reportSections(args.seed!);

if (args['write-readme']) {
  const root = resolve(import.meta.dirname, '../..');
  const argv = sections[1]!.argv;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/runner-image/cli/main.ts'), ...argv, '--json'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) {
    process.stderr.write(`sim:report: ai-ci ${argv.join(' ')} --json failed (${r.status}):\n${r.stderr}`);
    process.exit(r.status ?? 1);
  }
  const out = JSON.parse(r.stdout) as JsonReport | JsonReport[];
  const table = renderSimReportFigures(Array.isArray(out) ? out : [out]);
  const readmePath = join(root, 'README.md');
  const { start, end } = SIM_REPORT_MARKERS.figures;
  writeFileSync(readmePath, replaceBetween(readFileSync(readmePath, 'utf8'), start, end, table));
  process.stdout.write(`${table}\n\nsim:report: wrote the figures into README.md\n`);
  process.exit(0);
}

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
