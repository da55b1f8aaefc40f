/**
 * The projects `npm run eval:select` replays, and how their tests run: each run is bounded by a timeout and
 * yields per-file outcomes from the runner's JUnit XML, or `undefined` ("no result") when the report is missing
 * or unreadable (the runner crashed, was killed at the timeout, or wrote half a file).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Framework,
  type FunctionCoverage,
  isTestFile,
  parseJunit,
  parseV8Functions,
  readV8CoverageDir,
} from '../../src/analysis/select/index.js';

export interface Project {
  name: string;
  /** Where the history is read from (a git directory). */
  source: string;
  framework: Framework;
  /** How many commits the held-out list takes, and mutants per commit. */
  commits: number;
  mutants: number;
  /** How many of the newest commits to sample from (old ones may not run under today's tools). */
  window: number;
  /** Source files mutants go into. */
  mutable: RegExp;
  /** Test files of the universe. */
  universe: (path: string) => boolean;
  /** The command that runs the given test files in a checkout, writing JUnit XML to `junit`. */
  command: (tests: readonly string[], junit: string) => { file: string; args: string[] };
  /** Limit of a run of the whole universe at a commit (seconds). */
  baseTimeoutS: number;
  prepare?: (dir: string) => void;
  /** The history holds V8 function coverage of a full run at each change's base (as `select-record --coverage-v8`). */
  v8Coverage?: boolean;
}

export const ROOT = join(import.meta.dirname, '..', '..');

/** The git directory holding ai-ci's history (a worktree's `.git` is a file naming it). */
function ownGitDir(): string {
  return execFileSync('git', ['-C', ROOT, 'rev-parse', '--path-format=absolute', '--git-common-dir'])
    .toString()
    .trim();
}

export const PROJECTS: Project[] = [
  {
    name: 'boltons',
    source: '/work/.mirror/mahmoud+boltons/repo',
    framework: 'pytest',
    commits: 20,
    mutants: 4,
    window: 250,
    mutable: /^boltons\/[^/]+\.py$/,
    universe: (p) => /^tests\/test_[^/]+\.py$/.test(p),
    command: (tests, junit) => ({
      // Debian's interpreter and python3-pytest, not whatever python3 comes first on PATH.
      file: '/usr/bin/python3',
      args: [
        '-m',
        'pytest',
        '-q',
        '-p',
        'no:cacheprovider',
        '-o',
        'addopts=',
        '--continue-on-collection-errors',
        `--junitxml=${junit}`,
        ...tests,
      ],
    }),
    baseTimeoutS: 300,
  },
  {
    name: 'ai-ci',
    get source() {
      return ownGitDir();
    },
    framework: 'vitest',
    commits: 5,
    mutants: 3,
    window: 150,
    mutable: /^src\/(?:analysis|carbon)\/.+\.ts$/,
    universe: (p) => /^test\/(?:analysis|carbon)\/.+\.test\.ts$/.test(p),
    prepare: (dir) => {
      if (!existsSync(join(dir, 'node_modules')))
        symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    },
    command: (tests, junit) => ({
      file: join(ROOT, 'node_modules/.bin/vitest'),
      args: ['run', '--project', 'unit', '--reporter=junit', `--outputFile=${junit}`, ...tests],
    }),
    baseTimeoutS: 600,
    v8Coverage: true,
  },
];

export interface FileOutcome {
  failed: boolean;
  s: number;
}

/** Per test file of a JUnit report: failed or not, seconds; `undefined` when the report is missing or unreadable. */
export function outcomes(junit: string, known: ReadonlySet<string>): Map<string, FileOutcome> | undefined {
  let xml: string;
  try {
    xml = readFileSync(junit, 'utf8');
  } catch {
    return undefined;
  }
  let cases: ReturnType<typeof parseJunit>;
  try {
    cases = parseJunit(junit, xml, known);
  } catch {
    return undefined;
  }
  const map = new Map<string, FileOutcome>();
  for (const r of cases) {
    if (r.file === undefined || r.outcome === 'skipped') continue;
    const prev = map.get(r.file) ?? { failed: false, s: 0 };
    map.set(r.file, { failed: prev.failed || r.outcome === 'failed', s: prev.s + r.durationS });
  }
  return map;
}

export interface RunResult {
  /** Per-file outcomes; undefined: no result (no readable report). */
  files: Map<string, FileOutcome> | undefined;
  timedOut: boolean;
  wallS: number;
}

/** Runs test files in `dir` under a time limit. */
export function runTests(
  project: Project,
  dir: string,
  tests: readonly string[],
  junit: string,
  known: ReadonlySet<string>,
  timeoutS: number,
  env: NodeJS.ProcessEnv = process.env,
): RunResult {
  rmSync(junit, { force: true });
  const { file, args } = project.command(tests, junit);
  const t0 = performance.now();
  const r = spawnSync(file, args, {
    cwd: dir,
    env,
    timeout: Math.ceil(timeoutS * 1000),
    killSignal: 'SIGKILL',
    stdio: 'ignore',
  });
  const wallS = (performance.now() - t0) / 1000;
  const timedOut = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  return { files: timedOut ? undefined : outcomes(junit, known), timedOut, wallS };
}

/**
 * Which of `tests` fail on the mutant. One run of them all; when it gives no result (a mutant that loops
 * forever, a crash), each file runs alone under its own limit: a file that times out kills the mutant (the
 * convention of mutation testing tools), a file whose run leaves no report is left out (`unknown`).
 */
export function killersOf(
  project: Project,
  dir: string,
  tests: readonly string[],
  junit: string,
  known: ReadonlySet<string>,
  base: ReadonlyMap<string, FileOutcome>,
  baseWallS: number,
  /** The least time a run of all the files is given, and a file's time on top of 4× its baseline (seconds). */
  floor: { wholeS: number; fileS: number } = { wholeS: 60, fileS: 20 },
): { killers: string[]; unknown: string[]; timedOut: string[] } {
  const whole = runTests(project, dir, tests, junit, known, Math.max(floor.wholeS, 4 * baseWallS));
  if (whole.files !== undefined) {
    // A file that passed before and now fails, or reports nothing (crashed on import), kills the mutant.
    const files = whole.files;
    return { killers: tests.filter((t) => files.get(t)?.failed ?? true), unknown: [], timedOut: [] };
  }
  const killers: string[] = [];
  const unknown: string[] = [];
  const timedOut: string[] = [];
  for (const t of tests) {
    const one = runTests(project, dir, [t], junit, known, floor.fileS + 4 * (base.get(t)?.s ?? 0));
    if (one.timedOut) {
      killers.push(t);
      timedOut.push(t);
    } else if (one.files === undefined) unknown.push(t);
    else if (one.files.get(t)?.failed ?? true) killers.push(t);
  }
  return { killers, unknown, timedOut };
}

/** The hook that writes each test process's V8 function coverage (what `select-record --coverage-v8` reads). */
export const V8_HOOK = join(ROOT, 'src/analysis/select/v8-hook.mjs');

/**
 * Runs `tests` in a checkout with ai-ci's V8 hook and reads each test file's function coverage; undefined when
 * the run gave no coverage (killed at its limit, or no test process wrote any).
 */
export function recordV8Coverage(
  project: Project,
  dir: string,
  tests: readonly string[],
  junit: string,
  known: ReadonlySet<string>,
  timeoutS: number,
): { coverage: FunctionCoverage | undefined; wallS: number } {
  const out = mkdtempSync(join(tmpdir(), 'eval-v8-'));
  try {
    const env = {
      ...process.env,
      NODE_V8_COVERAGE: out,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${V8_HOOK}`.trim(),
    };
    const run = runTests(project, dir, tests, junit, known, timeoutS, env);
    const docs = readV8CoverageDir(out);
    if (run.timedOut || docs.length === 0) return { coverage: undefined, wallS: run.wallS };
    const coverage = parseV8Functions(
      out,
      docs,
      dir,
      (p) => isTestFile(project.framework, p) && known.has(p),
    );
    return { coverage, wallS: run.wallS };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
