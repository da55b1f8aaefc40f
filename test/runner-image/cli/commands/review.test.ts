/**
 * `ai-ci review` end to end on a git repository made in the test: annotations, SARIF file, job summary, diff-only
 * mode (--base-ref/--head-ref, --diff FILE and a diff on stdin), config file, exit codes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCliCaptured } from '../../../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BASE = `import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("d.csv")
X = StandardScaler().fit_transform(df.drop(columns=["y"]))
X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)
a = LogisticRegression().fit(X_tr, y_tr)
print(a.score(X_te, y_te))
`;
const HEAD = `${BASE}from sklearn.ensemble import RandomForestClassifier
b = RandomForestClassifier(random_state=0).fit(X_tr, y_tr)
print(b.score(X_te, y_te))
`;

let repo: string;
let cwd: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'ai-ci-review-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'test');
  writeFileSync(path.join(repo, 'train.py'), BASE);
  writeFileSync(path.join(repo, 'other.py'), 'import numpy as np\nx = np.random.rand(3)\n');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(path.join(repo, 'train.py'), HEAD);
  git('commit', '-q', '-am', 'compare two models on the test set');
  cwd = process.cwd();
  process.chdir(repo);
});
afterAll(() => process.chdir(cwd));

describe('ai-ci review', () => {
  it('reviews the whole tree: text report with what, why and fix; exit 1 on an error-level finding', async () => {
    const r = await runCliCaptured(['review']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/train\.py:12:7: error \[leak-selection\]/);
    expect(r.out).toMatch(/train\.py:6:5: warning \[leak-preprocessing\]/);
    expect(r.out).toMatch(/other\.py:2:5: warning \[repro-unseeded\]/);
    expect(r.out).toContain('    why: ');
    expect(r.out).toContain('    fix: ');
  });

  it('--base-ref/--head-ref: annotations for changed lines only, SARIF and the job summary written', async () => {
    const summary = path.join(repo, '.summary.md');
    writeFileSync(summary, '');
    const r = await runCliCaptured(
      [
        'review',
        '--check-data-leakage',
        '--check-reproducibility',
        '--check-performance-impact',
        '--output-format=github-annotations',
        '--base-ref=main',
        '--head-ref=feature',
        '--sarif',
        '.review.sarif',
      ],
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=train\.py,line=12,.*title=ai-ci review%3A leak-selection::/);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync('.review.sarif', 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['leak-selection']);
    expect(readFileSync(summary, 'utf8')).toContain('`leak-selection`');
  });

  it('--diff FILE, --fail-on and the config file', async () => {
    writeFileSync('.pr.diff', git('diff', 'main...feature'));
    writeFileSync('.ai-ci-review.yaml', 'ignore: [leak-selection]\n');
    try {
      const r = await runCliCaptured(['review', '--diff', '.pr.diff', '--output-format', 'json']);
      expect(JSON.parse(r.out).findings).toEqual([]);
      expect(r.code).toBe(0);
      const all = await runCliCaptured(['review', '--fail-on', 'warning', '--output-format', 'json']);
      expect(all.code).toBe(1);
      expect(JSON.parse(all.out).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain(
        'leak-selection',
      );
    } finally {
      writeFileSync('.ai-ci-review.yaml', '');
    }
    const never = await runCliCaptured(['review', '--fail-on', 'never']);
    expect(never.code).toBe(0);
  });

  it('exit 3 naming a missing path, exit 2 for a bad config or option', async () => {
    const r = await runCliCaptured(['review', 'nope.py', 'train.py']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('nope.py: no such file or directory');
    expect(r.out).toContain('leak-selection');
    writeFileSync('.bad.yaml', 'select: [nothing]\n');
    const bad = await runCliCaptured(['review', '--config', '.bad.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('.bad.yaml: select: unknown rule or family "nothing"');
    expect((await runCliCaptured(['review', '--output-format', 'xml'])).code).toBe(2);
    const git404 = await runCliCaptured(['review', '--base-ref', 'no-such-branch']);
    expect(git404.code).toBe(3);
    expect(git404.err).toContain('git diff no-such-branch...HEAD failed');
  });

  it('the pre-commit hook (.pre-commit-hooks.yaml) runs `ai-ci review` on the staged file names', async () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      types_or: string[];
    }[];
    const hook = hooks.find((h) => h.id === 'ai-ci-review')!;
    expect(hook.types_or).toEqual(['python', 'jupyter']);
    const [bin, ...args] = hook.entry.split(' ');
    expect(bin).toBe('ai-ci');
    const r = await runCliCaptured([...args, 'other.py']);
    expect(r.out).toMatch(/^other\.py:2:5: warning \[repro-unseeded\]/);
    expect(r.out).not.toContain('train.py');
    expect(r.code).toBe(0);
  });

  it('reads a unified diff on stdin (--diff -), as the real CLI', () => {
    const diff = git('diff', 'main...feature');
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [
        path.join(ROOT, 'src/runner-image/cli/main.ts'),
        'review',
        '--diff',
        '-',
        '--output-format',
        'github-annotations',
      ],
      { cwd: repo, input: diff, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^::error file=train\.py,line=12,/)]);
    expect(r.status).toBe(1);
  }, 120_000);
});
