/**
 * `npx tsx scripts/review/show.ts FILE…`: the leakage findings `ai-ci review` reports on each file, one line each
 * (rule, line, message, why) — for looking at one program while changing the rules. A part being held out is never in
 * the repository (only its hash, data/review-corpus/heldout-vN.sha256, until its reporting run), so every corpus file
 * here is tuning data; `--heldout` is accepted and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { reviewSources } from '../../src/analysis/review/index.js';

const files = process.argv.slice(2).filter((f) => !f.startsWith('--'));
const r = await reviewSources(
  files.map((path) => ({ path, text: readFileSync(path, 'utf8') })),
  { families: ['leakage'] },
);
for (const path of files) {
  process.stdout.write(`${path}\n`);
  for (const f of r.findings.filter((f) => f.location.path === path))
    process.stdout.write(`  ${f.ruleId} line ${f.location.line}: ${f.message} — ${f.why}\n`);
}
for (const p of r.problems) process.stdout.write(`problem ${p.path}: ${p.message}\n`);
