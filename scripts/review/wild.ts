/**
 * `npm run eval:review-wild -- --repo NAME=DIR …`: `ai-ci review`'s leakage findings on real repositories it was never
 * tuned on, against hand-triaged labels (data/review-wild/labels.json). The repositories are not in this one (their
 * notebooks' text is not all redistributable): bring each at the commit the labels name, e.g. with the session
 * tools' `fetch` or `git clone`, and pass its checkout.
 *
 * Per rule: findings, how many a label judges true / false / borderline, the precision over the judged ones
 * (borderline counted apart), and every finding no label covers (listed for triage, never counted). A label matches a
 * finding by repository, path, notebook cell (or file line for a script), line in the cell and rule. Precision on
 * real code, where recall cannot be known: a finding nobody labelled is a question, not an answer.
 *
 *   npm run eval:review-wild -- --repo ageron/handson-ml2=/tmp/wild/hml2 --repo …
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isReviewable, reviewSources } from '../../src/analysis/review/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Label {
  repo: string;
  path: string;
  /** Notebook cell (1-based, all cells) or undefined for a script. */
  cell?: number;
  /** Line in the cell, or in the file for a script. */
  line: number;
  rule: string;
  verdict: 'true' | 'false' | 'borderline';
  note: string;
}

interface Labels {
  repos: Record<string, { commit: string; licence: string; dirs: string[] }>;
  findings: Label[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (isReviewable(p)) out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const labelsFile = args.includes('--labels')
  ? args[args.indexOf('--labels') + 1]!
  : join(root, 'data/review-wild/labels.json');
const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Labels;
const repos = new Map<string, string>();
args.forEach((a, i) => {
  if (a !== '--repo') return;
  const [name, dir] = (args[i + 1] ?? '').split('=');
  if (!name || !dir) throw new Error(`--repo takes NAME=DIR, got "${args[i + 1] ?? ''}"`);
  if (!labels.repos[name])
    throw new Error(`${name}: not in ${labelsFile} (known: ${Object.keys(labels.repos).join(', ')})`);
  repos.set(name, dir);
});
if (repos.size === 0) {
  console.error(
    `give the repositories to review: ${Object.entries(labels.repos)
      .map(([n, r]) => `--repo ${n}=DIR (at ${r.commit})`)
      .join(' ')}`,
  );
  process.exit(2);
}

const matched = new Set<Label>();
type Row = { findings: number; true: number; false: number; borderline: number; unlabelled: string[] };
const rows = new Map<string, Row>();
const row = (rule: string) => {
  let r = rows.get(rule);
  if (!r) {
    r = { findings: 0, true: 0, false: 0, borderline: 0, unlabelled: [] };
    rows.set(rule, r);
  }
  return r;
};
let files = 0;
const started = performance.now();
for (const [name, dir] of repos) {
  const meta = labels.repos[name]!;
  let head = '';
  try {
    head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    head = 'not a git checkout';
  }
  if (head !== meta.commit) console.error(`warning: ${name} at ${head}, the labels are for ${meta.commit}`);
  const paths = meta.dirs.flatMap((d) => walk(join(dir, d)));
  files += paths.length;
  const result = await reviewSources(
    paths.map((p) => ({ path: relative(dir, p), text: readFileSync(p, 'utf8') })),
    { families: ['leakage'] },
  );
  for (const f of result.findings) {
    const cell = f.location.cell?.cell;
    const line = f.location.cell?.line ?? f.location.line;
    // Two findings at one place (a mean and a std of one line) take one label each.
    const label = labels.findings.find(
      (l) =>
        !matched.has(l) &&
        l.repo === name &&
        l.path === f.location.path &&
        l.cell === cell &&
        l.line === line &&
        l.rule === f.ruleId,
    );
    const r = row(f.ruleId);
    r.findings++;
    if (label) {
      r[label.verdict]++;
      matched.add(label);
    } else
      r.unlabelled.push(
        `${name} ${f.location.path}${cell !== undefined ? ` cell ${cell}` : ''} line ${line}: ${f.message}`,
      );
  }
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)}%`);
const total: Row = { findings: 0, true: 0, false: 0, borderline: 0, unlabelled: [] };
console.log(
  `eval:review-wild — ${files} files of ${[...repos.keys()].join(', ')} reviewed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
console.log('| rule | findings | true | false | borderline | unlabelled | precision (judged) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [rule, r] of [...rows].sort()) {
  console.log(
    `| ${rule} | ${r.findings} | ${r.true} | ${r.false} | ${r.borderline} | ${r.unlabelled.length} | ${pct(r.true, r.true + r.false)} |`,
  );
  total.findings += r.findings;
  total.true += r.true;
  total.false += r.false;
  total.borderline += r.borderline;
  total.unlabelled.push(...r.unlabelled);
}
console.log(
  `| all | ${total.findings} | ${total.true} | ${total.false} | ${total.borderline} | ${total.unlabelled.length} | ${pct(total.true, total.true + total.false)} |`,
);
const stillFalse = labels.findings.filter((l) => matched.has(l) && l.verdict === 'false');
if (stillFalse.length > 0) {
  console.log(`\nFalse findings still reported: ${stillFalse.length}`);
  for (const l of stillFalse)
    console.log(`  ${l.repo} ${l.path} cell ${l.cell ?? '-'} line ${l.line} ${l.rule} — ${l.note}`);
}
const gone = labels.findings.filter((l) => repos.has(l.repo) && !matched.has(l));
if (gone.length > 0) {
  console.log(
    `\nLabelled findings no longer reported: ${gone.filter((l) => l.verdict === 'false').length} false (fixed), ` +
      `${gone.filter((l) => l.verdict === 'true').length} true (lost), ${gone.filter((l) => l.verdict === 'borderline').length} borderline`,
  );
  for (const l of gone)
    console.log(
      `  ${l.verdict}: ${l.repo} ${l.path} cell ${l.cell ?? '-'} line ${l.line} ${l.rule} — ${l.note}`,
    );
}
if (total.unlabelled.length > 0) {
  console.log('\nUnlabelled findings (triage them into the labels file):');
  for (const u of total.unlabelled) console.log(`  ${u}`);
}
