/**
 * `npx tsx scripts/review/show.ts FILE…`: the leakage findings `ai-ci review` reports on each file, one line each
 * (rule, line, message, why) — for looking at one program while changing the rules. It refuses the held-out v11 pairs
 * (data/review-corpus/heldout-v11.txt, once its reporting run adds it) unless given --heldout: they are scored once, by
 * eval:review. (Held-out v1 to v10 are reported, tuning data.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reviewSources } from '../../src/analysis/review/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const heldOut = new Set(
  ['heldout-v11.txt']
    .map((l) => join(root, 'data/review-corpus', l))
    .filter((p) => existsSync(p))
    .flatMap((p) => readFileSync(p, 'utf8').split('\n').filter(Boolean)),
);
const files = process.argv.slice(2).filter((f) => !f.startsWith('--'));
const frozen = files.filter((f) => heldOut.has(basename(f).split('__')[0]!));
if (frozen.length > 0 && !process.argv.includes('--heldout')) {
  process.stderr.write(
    `held-out v11 pairs are scored once by eval:review, not looked at: ${frozen.join(', ')}\n`,
  );
  process.exit(2);
}
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
