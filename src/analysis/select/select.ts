import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import {
  type Chain,
  type DependencyGraph,
  filesMentioning,
  filesNaming,
  filesNamingFolder,
  isSourceFile,
  testsReaching,
} from './graph.js';
import type { Region } from './regions.js';
import { type DependencyRule, RuleSet } from './rules.js';
import type { RecordedFunctions } from './store.js';
import type { FileChange, SelectedTest, SelectionReason, TestStats } from './types.js';

/** Everything the selection looks at; no I/O happens inside `selectTests`. */
export interface SelectInput {
  /** Every test file at the head. */
  tests: readonly string[];
  changes: readonly FileChange[];
  graph: DependencyGraph;
  rules: RuleSet;
  /** test file → source files its tests executed in an earlier full run (per-test coverage). */
  coverage?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Function coverage (V8) of earlier runs, for tests at their current content: test → source file it loaded →
   * that file's content hash then and the functions that ran. Used for a test only when every file it loaded has
   * the same content at the base of the change (`baseHashOf`): then the test ran at the base as it did then.
   */
  functions?: ReadonlyMap<string, ReadonlyMap<string, RecordedFunctions>>;
  /** Each file's content hash at the base of the change (undefined: not there). */
  baseHashOf?: (path: string) => string | undefined;
  /** Changed JS/TS files: where each hunk falls (regions.ts); a file missing here changed anywhere. */
  regions?: ReadonlyMap<string, readonly Region[]>;
  /** changed file → test file → non-flaky failures of that test in runs where the file changed. */
  cofailures?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  stats?: ReadonlyMap<string, TestStats>;
  /** Share of the tests not otherwise chosen that run anyway (default 0.02, at least one test). */
  sampleRate?: number;
  /** Seeds the sample (the head commit: the same change picks the same sample). */
  seed: string;
  /** Set when policy demands a full run (every N commits, protected branch); the reason is reported. */
  fullRun?: string;
  /**
   * Changed manifests whose edit cannot change how tests resolve or run (path → what changed; manifest.ts): a
   * default rule that would run everything selects, for them, only the tests that name the file.
   */
  inert?: ReadonlyMap<string, string>;
}

export interface Selection {
  full: boolean;
  /** Why everything runs, when it does. */
  fullReason?: string;
  /** Selected tests, most likely failures first. */
  selected: SelectedTest[];
  skipped: string[];
  /** Changed files and the signal that covered each ('rule NAME', 'import graph', …, or 'none'). */
  coveredBy: { path: string; signal: string }[];
  totalS: number;
  selectedS: number;
  savedS: number;
}

export const DEFAULT_SAMPLE_RATE = 0.02;

function meanKnownDuration(stats: ReadonlyMap<string, TestStats> | undefined): number {
  const known = [...(stats?.values() ?? [])]
    .map((s) => s.durationS)
    .filter((d): d is number => d !== undefined);
  return known.length === 0 ? 1 : known.reduce((a, b) => a + b, 0) / known.length;
}

/** The expected seconds of each test: its mean from history, else the mean of the known ones, else 1. */
export function expectedDurations(
  tests: readonly string[],
  stats: ReadonlyMap<string, TestStats> | undefined,
): Map<string, number> {
  const fallback = meanKnownDuration(stats);
  return new Map(tests.map((t) => [t, stats?.get(t)?.durationS ?? fallback]));
}

function sampleKey(seed: string, test: string): string {
  return createHash('sha1').update(seed).update('\0').update(test).digest('hex');
}

/**
 * Chooses the tests to run for a change. Safe by default: changed and new tests always run; every changed file
 * must be covered by a signal (a declared or default rule, the import graph, a reference from source text,
 * coverage or history) or everything runs; a seeded random sample of the rest runs too.
 */
export function selectTests(input: SelectInput): Selection {
  const testSet = new Set(input.tests);
  const isTest = (p: string) => testSet.has(p);
  const reasons = new Map<string, SelectionReason[]>();
  const score = new Map<string, number>();
  const add = (test: string, reason: SelectionReason, weight = 0) => {
    if (!testSet.has(test)) return;
    const list = reasons.get(test);
    if (list === undefined) reasons.set(test, [reason]);
    else if (!list.some((r) => r.kind === reason.kind && r.detail === reason.detail)) list.push(reason);
    score.set(test, (score.get(test) ?? 0) + weight);
  };
  const signalOf: { path: string; signal: string }[] = [];
  // source file → tests that executed it (inverted once: each change looks up its tests, not every test's set).
  const testsExecuting = new Map<string, string[]>();
  for (const [test, files] of input.coverage ?? [])
    for (const f of files) {
      const list = testsExecuting.get(f);
      if (list === undefined) testsExecuting.set(f, [test]);
      else list.push(test);
    }
  let fullReason = input.fullRun;

  // Tests whose recorded run holds at the base: every file they loaded then is unchanged up to the base.
  const ranAtBase = new Map<string, ReadonlyMap<string, RecordedFunctions>>();
  if (input.functions !== undefined && input.baseHashOf !== undefined)
    for (const [test, sources] of input.functions) {
      let holds = sources.size > 0;
      for (const [source, rec] of sources)
        if (input.baseHashOf(source) !== rec.hash) {
          holds = false;
          break;
        }
      if (holds) ranAtBase.set(test, sources);
    }
  const isInert = (path: string) => {
    const regions = input.regions?.get(path);
    return regions !== undefined && regions.length > 0 && regions.every((r) => r.kind === 'inert');
  };
  /**
   * Whether a test that ran at the base as recorded can reach the change of `path`: it loaded the file, and a hunk
   * falls at its top level or in a function that ran (a function no test run named is taken as run). Undefined
   * when its recorded run does not hold at the base.
   */
  const reaches = (test: string, path: string): boolean | undefined => {
    const sources = ranAtBase.get(test);
    // Only code shows in V8 coverage (a JSON or data file a test loads does not).
    if (sources === undefined || !isSourceFile(input.graph.language, path)) return undefined;
    const rec = sources.get(path);
    if (rec === undefined) return false;
    const regions = input.regions?.get(path);
    if (regions === undefined) return true;
    return regions.some((r) => {
      if (r.kind === 'inert') return false;
      if (r.kind === 'top') return true;
      for (const name of r.names) {
        if (name === '') continue;
        if (rec.ran.has(name)) return true;
        if (rec.idle.has(name)) return false;
      }
      return true;
    });
  };

  const ruleOf = new Map(
    input.changes.map((c): [string, DependencyRule | undefined] => {
      const rule = input.rules.match(c.path);
      const inert = input.inert?.get(c.path);
      if (rule === undefined || inert === undefined || rule.run !== 'all' || !RuleSet.isDefault(rule))
        return [c.path, rule];
      return [c.path, { name: `${rule.name}, narrowed: ${inert}`, paths: rule.paths, run: 'referencing' }];
    }),
  );
  const inGraph = (path: string) => input.graph.deps.has(path) || input.graph.importers.has(path);
  const graphCovers = (change: FileChange) => {
    const rule = ruleOf.get(change.path);
    return (
      (rule === undefined || rule.run !== 'all') &&
      (inGraph(change.path) ||
        (change.status !== 'deleted' && isSourceFile(input.graph.language, change.path)))
    );
  };
  // One breadth-first walk from all the changed files the import graph covers, not one walk per file (a change
  // of hundreds of files would walk the graph hundreds of times): each test gets the chain to its nearest
  // changed file, and is listed under that file.
  const reachedFrom = new Map<string, [string, Chain][]>();
  for (const [test, chain] of testsReaching(
    input.graph,
    input.changes.filter(graphCovers).map((c) => c.path),
    isTest,
  )) {
    const origin = chain.at(-1)!;
    if (origin === test) continue;
    const list = reachedFrom.get(origin);
    if (list === undefined) reachedFrom.set(origin, [[test, chain]]);
    else list.push([test, chain]);
  }

  for (const change of input.changes) {
    const { path } = change;
    if (isTest(path)) {
      add(path, { kind: change.status === 'added' ? 'new-test' : 'changed-test', detail: path }, 1);
    }
    const signals: string[] = [];
    const rule = ruleOf.get(path);
    if (rule !== undefined) {
      signals.push(`rule "${rule.name}"`);
      const chosen = RuleSet.testsFor(rule, path, input.tests);
      if (chosen === 'all') fullReason ??= `${path} changed (rule "${rule.name}" runs everything)`;
      else for (const t of chosen) add(t, { kind: 'rule', detail: `rule "${rule.name}": ${path}` });
    }
    if (rule === undefined || rule.run !== 'all') {
      if (graphCovers(change)) {
        const inert = isInert(path);
        signals.push(inert ? 'import graph (comments and types only changed)' : 'import graph');
        let narrowed = 0;
        // A test is listed under its nearest changed file; a file coverage cannot judge (a JSON module) gets every
        // test that reaches it, so that no test dropped at a nearer file for not running its change misses it.
        const judged = ranAtBase.size === 0 || isSourceFile(input.graph.language, path);
        const reached = inert
          ? []
          : judged
            ? (reachedFrom.get(path) ?? [])
            : [...testsReaching(input.graph, [path], isTest)].filter(([t]) => t !== path);
        for (const [test, chain] of reached) {
          if (reaches(test, path) === false) narrowed++;
          else add(test, { kind: 'import-graph', detail: chain.join(' → ') }, 0.1);
        }
        // Tests that ran the changed code at the base without an import naming it (a computed `import()`).
        let ran = 0;
        const byGraph = new Set(reached.map(([t]) => t));
        if (!inert && change.status !== 'added')
          for (const test of ranAtBase.keys())
            if (!byGraph.has(test) && reaches(test, path) === true) {
              ran++;
              add(
                test,
                { kind: 'coverage', detail: `${test} ran the changed code of ${path} in an earlier run` },
                0.2,
              );
            }
        if (narrowed > 0 || ran > 0)
          signals.push(
            `function coverage (${narrowed} importing test${narrowed === 1 ? '' : 's'} never ran the change)`,
          );
      }
      for (const test of testsExecuting.get(path) ?? []) {
        if (!signals.includes('coverage')) signals.push('coverage');
        add(test, { kind: 'coverage', detail: `${test} executed ${path} in an earlier full run` }, 0.2);
      }
      for (const [test, fails] of input.cofailures?.get(path) ?? []) {
        if (!signals.includes('history')) signals.push('history');
        add(test, { kind: 'history', detail: `failed ${fails}× when ${path} changed` }, fails);
      }
      if (rule !== undefined && rule.run !== 'referencing') {
        // A declared or default rule decides for files no import names; source text is not searched.
      } else if (!inGraph(path) && !isSourceFile(input.graph.language, path)) {
        // A data file (or one a rule leaves to its readers): the source files whose strings name it.
        const name = posix.basename(path);
        const mentioning = filesNaming(input.graph, path);
        if (mentioning.length > 0) {
          signals.push('reference');
          for (const [test, chain] of testsReaching(input.graph, mentioning, isTest)) {
            add(test, { kind: 'reference', detail: `${chain.join(' → ')} names "${name}"` }, 0.1);
          }
        } else {
          // Read by listing its folder (fixtures, data sets): the code that names the nearest named folder above.
          const named = filesNamingFolder(input.graph, path);
          if (named !== undefined) {
            signals.push('reference to its folder');
            for (const [test, chain] of testsReaching(input.graph, named.files, isTest)) {
              const detail = `${chain.join(' → ')} names the folder "${named.folder}" holding "${name}"`;
              add(test, { kind: 'reference', detail }, 0.1);
            }
          }
        }
      } else if (change.status === 'deleted' && !signals.includes('import graph')) {
        const stem = posix.basename(path).replace(/\.[^.]+$/, '');
        const mentioning = filesMentioning(input.graph, stem);
        signals.push('reference');
        for (const [test, chain] of testsReaching(input.graph, mentioning, isTest)) {
          add(test, { kind: 'reference', detail: `${chain.join(' → ')} names deleted "${stem}"` }, 0.1);
        }
      }
    }
    if (signals.length === 0 && !isTest(path)) {
      fullReason ??= `${path} changed and no signal covers it (declare a rule for it to narrow this)`;
    }
    signalOf.push({
      path,
      signal: signals.length === 0 ? (isTest(path) ? 'test file' : 'none') : signals.join(', '),
    });
  }

  const durations = expectedDurations(input.tests, input.stats);
  const totalS = input.tests.reduce((s, t) => s + durations.get(t)!, 0);
  for (const t of input.tests) {
    const rate = input.stats?.get(t);
    if (rate?.failureRate !== undefined && !rate.flaky) score.set(t, (score.get(t) ?? 0) + rate.failureRate);
  }

  if (fullReason !== undefined) {
    for (const t of input.tests) add(t, { kind: 'full-run', detail: fullReason });
  } else {
    const rest = input.tests.filter((t) => !reasons.has(t));
    const rate = input.sampleRate ?? DEFAULT_SAMPLE_RATE;
    const k = rest.length === 0 || rate <= 0 ? 0 : Math.max(1, Math.ceil(rate * rest.length));
    const sample = (k === 0 ? [] : rest)
      .map((t) => ({ t, key: sampleKey(input.seed, t) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, k);
    for (const { t } of sample)
      add(t, { kind: 'sample', detail: `random sample (${(rate * 100).toFixed(1)}% of the rest)` });
  }

  const selected: SelectedTest[] = [...reasons.entries()]
    .map(([path, rs]) => ({
      path,
      reasons: rs,
      expectedS: durations.get(path)!,
      score: score.get(path) ?? 0,
    }))
    .sort((a, b) => b.score - a.score || b.expectedS - a.expectedS || (a.path < b.path ? -1 : 1));
  const selectedS = selected.reduce((s, t) => s + t.expectedS, 0);
  return {
    full: fullReason !== undefined,
    ...(fullReason !== undefined ? { fullReason } : {}),
    selected,
    skipped: input.tests.filter((t) => !reasons.has(t)),
    coveredBy: signalOf,
    totalS,
    selectedS,
    savedS: totalS - selectedS,
  };
}

/** Policy for full runs: on the named branches, and on every `every`-th commit (by commit count). */
export function fullRunReason(policy: {
  branch?: string;
  fullBranches?: readonly string[];
  commitCount?: number;
  every?: number;
}): string | undefined {
  if (policy.branch !== undefined && (policy.fullBranches ?? []).includes(policy.branch)) {
    return `full run on branch ${policy.branch}`;
  }
  if (policy.every !== undefined && policy.every > 0 && policy.commitCount !== undefined) {
    if (policy.commitCount % policy.every === 0)
      return `full run every ${policy.every} commits (commit #${policy.commitCount})`;
  }
  return undefined;
}
