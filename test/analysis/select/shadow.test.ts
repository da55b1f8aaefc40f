import { describe, expect, it } from 'vitest';
import { shadowReport } from '../../../src/analysis/select/shadow.js';

const sel = (...paths: string[]) => ({
  selected: paths.map((path) => ({ path, reasons: [], expectedS: 1, score: 0 })),
});

describe('shadowReport', () => {
  const outcomes = [
    { test: 'a', failed: true, durationS: 1 },
    { test: 'a', failed: false, durationS: 1 },
    { test: 'b', failed: true, durationS: 3 },
    { test: 'c', failed: false, durationS: 5 },
    { test: 'd', failed: true, durationS: 1 },
  ];

  it('lists the failures the selection would have missed and the share it would have run', () => {
    const r = shadowReport(sel('a', 'c'), outcomes);
    expect(r.failed).toEqual(['a', 'b', 'd']);
    expect(r.caught).toEqual(['a']);
    expect(r.missed).toEqual(['b', 'd']);
    expect(r.testShare).toBe(0.5);
    expect(r.timeShare).toBeCloseTo(7 / 11);
  });

  it('counts a known flaky test neither as caught nor as missed', () => {
    const r = shadowReport(sel('a'), outcomes, new Set(['a', 'd']));
    expect(r.caught).toEqual([]);
    expect(r.missed).toEqual(['b']);
    expect(r.flakyIgnored).toEqual(['a', 'd']);
  });

  it('reports nothing missed when the selection held every failing test', () => {
    expect(shadowReport(sel('a', 'b', 'd'), outcomes).missed).toEqual([]);
  });
});
