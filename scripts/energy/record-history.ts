/**
 * Records the history `ai-ci carbon predict` and `carbon calibrate` learn from, by running real CI work: for each
 * of the last N commits of a repository, checks the commit out (a detached worktree beside it), runs a test suite
 * under `ai-ci carbon track --json` with a JUnit report of its tests' durations, and keeps both as
 * OUT/<commit>/track.json and OUT/<commit>/junit.xml. Nothing is invented: each figure is what `carbon track`
 * measured on the machine that ran this script. examples/carbon_reports/ was made by it (its README says how).
 *
 *   npx tsx scripts/energy/record-history.ts --repo . --commits 40 --out examples/carbon_reports \
 *     -- test/analysis/energy test/analysis/review test/carbon
 *
 * The suite is run with the vitest of this checkout's node_modules (linked into the worktree) and the ai-ci CLI
 * bundle built from this checkout, so every commit is measured by the same tracker. A commit whose suite fails to
 * start is skipped; a failing test is kept (its duration counts, as in CI).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleCli } from '../bundle-cli.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repo: { type: 'string', default: '.' },
    commits: { type: 'string', default: '40' },
    out: { type: 'string', default: 'examples/carbon_reports' },
    intensity: { type: 'string', default: '480' },
  },
});
if (positionals.length === 0) throw new Error('give the test folders or files of the suite after --');
const repo = resolve(values.repo);
const out = resolve(values.out);
const git = (...args: string[]) => {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const commits = git('rev-list', '--first-parent', `--max-count=${values.commits}`, 'HEAD')
  .split('\n')
  .reverse();
const scratch = mkdtempSync(join(tmpdir(), 'ai-ci-history-'));
const { entry } = await bundleCli(join(scratch, 'cli'));
const wt = join(scratch, 'wt');
git('worktree', 'add', '--detach', wt, commits[0]!);
symlinkSync(join(repo, 'node_modules'), join(wt, 'node_modules'));
try {
  for (const [i, sha] of commits.entries()) {
    const dir = join(out, sha);
    if (existsSync(join(dir, 'track.json'))) continue;
    spawnSync('git', ['-C', wt, 'checkout', '--quiet', '--detach', sha]);
    mkdirSync(dir, { recursive: true });
    const r = spawnSync(
      process.execPath,
      [
        entry,
        'carbon',
        'track',
        '--no-gpu',
        '--intensity',
        values.intensity,
        '--json',
        join(dir, 'track.json'),
        '--',
        process.execPath,
        'node_modules/vitest/vitest.mjs',
        'run',
        '--project',
        'unit',
        '--reporter=junit',
        `--outputFile=${join(dir, 'junit.xml')}`,
        ...positionals,
      ],
      { cwd: wt, encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_ACTIONS: '' } },
    );
    const headline =
      r.stderr.split('\n').find((l) => l.startsWith('ai-ci carbon track:')) ?? r.stderr.slice(-300);
    if (!existsSync(join(dir, 'junit.xml'))) {
      rmSync(dir, { recursive: true, force: true });
      console.log(`${i + 1}/${commits.length} ${sha.slice(0, 7)} skipped (no JUnit report): ${headline}`);
      continue;
    }
    writeFileSync(join(dir, 'commit.txt'), `${git('log', '-1', '--format=%H %cI %s', sha)}\n`);
    console.log(`${i + 1}/${commits.length} ${sha.slice(0, 7)} exit ${r.status}: ${headline}`);
  }
} finally {
  git('worktree', 'remove', '--force', wt);
  rmSync(scratch, { recursive: true, force: true });
}
