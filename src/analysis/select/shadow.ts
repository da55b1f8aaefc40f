import type { Selection } from './select.js';

/** One test file's outcome in a run (from a JUnit report). */
export interface TestOutcome {
  test: string;
  failed: boolean;
  durationS: number;
}

export interface ShadowReport {
  /** Test files that failed in the full run (flaky ones excluded). */
  failed: string[];
  /** Failed test files the selection included. */
  caught: string[];
  /** Failed test files the selection left out: what enforcing it would have missed. */
  missed: string[];
  /** Failed test files known to be flaky: neither caught nor missed. */
  flakyIgnored: string[];
  /** Share of the test files and of the test time the selection would have run. */
  testShare: number;
  timeShare: number;
}

/**
 * Compares a selection with the outcome of the full run it shadowed. A flaky test's failure says nothing about
 * the change, so it counts neither as caught nor as missed.
 */
export function shadowReport(
  selection: Pick<Selection, 'selected'>,
  outcomes: readonly TestOutcome[],
  flaky: ReadonlySet<string> = new Set(),
): ShadowReport {
  const chosen = new Set(selection.selected.map((s) => s.path));
  const byTest = new Map<string, TestOutcome>();
  for (const o of outcomes) {
    const prev = byTest.get(o.test);
    byTest.set(o.test, {
      test: o.test,
      failed: (prev?.failed ?? false) || o.failed,
      durationS: (prev?.durationS ?? 0) + o.durationS,
    });
  }
  const all = [...byTest.values()];
  const failedAll = all
    .filter((o) => o.failed)
    .map((o) => o.test)
    .sort();
  const flakyIgnored = failedAll.filter((t) => flaky.has(t));
  const failed = failedAll.filter((t) => !flaky.has(t));
  const total = all.reduce((s, o) => s + o.durationS, 0);
  const run = all.filter((o) => chosen.has(o.test)).reduce((s, o) => s + o.durationS, 0);
  return {
    failed,
    caught: failed.filter((t) => chosen.has(t)),
    missed: failed.filter((t) => !chosen.has(t)),
    flakyIgnored,
    testShare: all.length === 0 ? 0 : all.filter((o) => chosen.has(o.test)).length / all.length,
    timeShare: total === 0 ? 0 : run / total,
  };
}
