/**
 * `npm run bench:review`: review time of a 1,000-file repository generated from the eval corpus
 * (data/review-corpus less the held-out v5 pairs, which only eval:review runs on, and less the v3 and v4 pairs: 162
 * files for the figures measured before v4 was frozen, 212 since the fourth round's tuning pairs; each file copied under a
 * new folder and name, 1 in 10 as a notebook of its lines split into cells), and of a typical pull request on it (10 files
 * changed, `ai-ci review --base-ref`), in this process after the grammar is loaded. Prints the figures; asserts
 * nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reviewSources } from '../../src/analysis/review/index.js';
import { reviewCommand } from '../../src/runner-image/cli/commands/review.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = join(root, 'data/review-corpus/files');
// The generated repository is made of the corpus as it was when the benchmark was set (tuning, v1 and v2): every
// later held-out part (v3 onwards) is left out, so the figure stays comparable as parts are added.
const left = new Set(
  readdirSync(join(root, 'data/review-corpus'))
    .filter((f) => Number(/^heldout-v(\d+)\.txt$/.exec(f)?.[1] ?? 0) >= 3)
    .flatMap((f) =>
      readFileSync(join(root, 'data/review-corpus', f), 'utf8')
        .split('\n')
        .filter(Boolean),
    ),
);
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.py') && !left.has(f.split('__')[0]!))
  .sort()
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const N = 1000;

function notebook(text: string): string {
  const lines = text.split('\n');
  const cells = [];
  for (let i = 0; i < lines.length; i += 6) cells.push(lines.slice(i, i + 6));
  return JSON.stringify(
    {
      cells: cells.map((c, k) => ({
        cell_type: 'code',
        execution_count: k + 1,
        metadata: {},
        outputs: [],
        source: c.map((l) => `${l}\n`),
      })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ai-ci-bench-review-'));
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
try {
  const paths: string[] = [];
  for (let i = 0; i < N; i++) {
    const text = corpus[i % corpus.length]!;
    const rel = `pkg${i % 20}/mod_${i}.${i % 10 === 9 ? 'ipynb' : 'py'}`;
    mkdirSync(join(dir, dirname(rel)), { recursive: true });
    writeFileSync(join(dir, rel), rel.endsWith('.ipynb') ? notebook(text) : text);
    paths.push(rel);
  }
  const lines = corpus.reduce((n, t) => n + t.split('\n').length, 0) * (N / corpus.length);
  // Warm-up: load the grammar once (as one CLI run does before its first file).
  await reviewSources([{ path: 'w.py', text: corpus[0]! }]);

  const t0 = performance.now();
  const files = paths.map((p) => ({ path: p, text: readFileSync(join(dir, p), 'utf8') }));
  const full = await reviewSources(files);
  const fullMs = performance.now() - t0;

  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=b@example.com', '-c', 'user.name=b', 'add', '.');
  git('-c', 'user.email=b@example.com', '-c', 'user.name=b', 'commit', '-qm', 'base');
  git('checkout', '-qb', 'pr');
  for (const p of paths.filter((p) => p.endsWith('.py')).slice(0, 10)) {
    writeFileSync(join(dir, p), `${readFileSync(join(dir, p), 'utf8')}print(X_test.shape)\n`);
  }
  git('-c', 'user.email=b@example.com', '-c', 'user.name=b', 'commit', '-qam', 'change');
  const cwd = process.cwd();
  process.chdir(dir);
  const write = process.stdout.write.bind(process.stdout);
  let prMs = 0;
  try {
    process.stdout.write = () => true;
    const t1 = performance.now();
    await reviewCommand([], { outputFormat: 'json', headRef: 'pr', baseRef: 'main', failOn: 'never' });
    prMs = performance.now() - t1;
  } finally {
    process.stdout.write = write;
    process.chdir(cwd);
  }
  process.stdout.write(
    [
      `bench:review — ${N} files (${paths.filter((p) => p.endsWith('.ipynb')).length} notebooks, ~${Math.round(lines)} lines) generated from ${corpus.length} corpus files`,
      `whole repository: ${(fullMs / 1000).toFixed(2)} s (${full.findings.length} findings, ${(fullMs / N).toFixed(1)} ms/file)`,
      `pull request (10 changed files, --base-ref main, git diff included): ${(prMs / 1000).toFixed(2)} s`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
