/** The invariant checker of `npm run chaos` (scripts/chaos/invariants.ts), over hand-made observations. */
import { describe, expect, it } from 'vitest';
import {
  ChaosLedger,
  checkDeadlines,
  checkMetrics,
  checkQuiescence,
  countByInvariant,
  metricSum,
  renderSummary,
} from '../../scripts/chaos/invariants.js';

describe('ChaosLedger: one runner per job', () => {
  const secret = (name: string, forJob?: number) => ({
    kind: 'Secret' as const,
    name,
    pool: 'p',
    ...(forJob !== undefined ? { forJob } : {}),
  });

  it('accepts the Secret and the Pod of one runner, seen many times', () => {
    const l = new ChaosLedger();
    const ran = () => undefined;
    l.noteRunnerObject(secret('p-a', 7), ran);
    l.noteRunnerObject({ ...secret('p-a', 7), kind: 'Pod' }, ran);
    l.noteRunnerObject(secret('p-a', 7), ran);
    expect(l.violations).toEqual([]);
    expect([...l.secretsSeen]).toEqual(['p-a']);
    expect([...l.podsSeen]).toEqual(['p-a']);
  });

  it('flags a second runner for a job while the first still waits, or after the first took that job', () => {
    const waiting = new ChaosLedger();
    waiting.noteRunnerObject(secret('p-a', 7), () => undefined);
    waiting.noteRunnerObject(secret('p-b', 7), () => undefined);
    expect(waiting.violations.map((v) => v.invariant)).toEqual(['one runner per job']);
    expect(waiting.violations[0]?.detail).toContain('p-a (no job yet)');

    const served = new ChaosLedger();
    served.noteRunnerObject(secret('p-a', 7), () => 7);
    served.noteRunnerObject(secret('p-b', 7), () => 7);
    expect(served.violations[0]?.detail).toContain('p-a (took this job)');
  });

  it('accepts a new runner for a job whose first runner GitHub gave another job', () => {
    const l = new ChaosLedger();
    const ran = new Map([['p-a', 3]]);
    l.noteRunnerObject(secret('p-a', 7), (r) => ran.get(r));
    l.noteRunnerObject(secret('p-b', 7), (r) => ran.get(r));
    expect(l.violations).toEqual([]);
    expect(l.recreated).toBe(1);
  });

  it('ignores runners created for no particular job', () => {
    const l = new ChaosLedger();
    l.noteRunnerObject(secret('p-a'), () => undefined);
    l.noteRunnerObject(secret('p-b'), () => undefined);
    expect(l.violations).toEqual([]);
  });
});

describe('ChaosLedger: samples', () => {
  it('flags a pool above maxRunners (Pods or GitHub runners) and two leaders at once; keeps the peaks', () => {
    const l = new ChaosLedger();
    const at = Date.UTC(2026, 11, 2);
    l.noteSample([{ at, pool: 'p', maxRunners: 3, activePods: 3, githubRunners: 3 }], 1, at);
    expect(l.violations).toEqual([]);
    l.noteSample([{ at, pool: 'p', maxRunners: 3, activePods: 4, githubRunners: 5 }], 2, at);
    expect(l.violations.map((v) => v.invariant)).toEqual([
      'pods <= maxRunners',
      'GitHub runners <= maxRunners',
      'at most one leader',
    ]);
    expect(l.peak.get('p')).toEqual({ pods: 4, github: 5 });
    expect(l.samples).toBe(2);
  });
});

describe('checkMetrics', () => {
  const base = { secrets: 3, pods: 3, slackMs: 1000 };

  it('holds when the scrapes account for every JIT config', () => {
    const r = checkMetrics({
      ...base,
      incarnations: [{ replica: 'a', runnersCreated: 3, lastScrapeAt: 100 }],
      jitAnsweredAt: [10, 20, 30],
    });
    expect(r.violations).toEqual([]);
    expect(r.figures).toMatchObject({ counted: 3, jit: 3, lostBound: 0 });
  });

  it('excuses only the JIT configs answered in a killed incarnation’s blind window', () => {
    const killed = { replica: 'a', runnersCreated: 1, lastScrapeAt: 5000, killedAt: 6000 };
    const ok = checkMetrics({ ...base, incarnations: [killed], jitAnsweredAt: [1000, 4500, 5500] });
    expect(ok.figures.lostBound).toBe(2);
    expect(ok.violations).toEqual([]);
    const lost = checkMetrics({ ...base, incarnations: [killed], jitAnsweredAt: [1000, 2000, 5500] });
    expect(lost.violations.map((v) => v.invariant)).toEqual(['runners_created_total >= JIT configs - lost']);
  });

  it('flags counting more runners than GitHub registered, and Pods without a Secret', () => {
    const r = checkMetrics({
      secrets: 1,
      pods: 2,
      slackMs: 0,
      incarnations: [{ replica: 'a', runnersCreated: 2, lastScrapeAt: 0 }],
      jitAnsweredAt: [1],
    });
    expect(r.violations.map((v) => v.invariant)).toEqual([
      'runners_created_total <= JIT configs',
      'Pods <= Secrets <= JIT configs',
    ]);
  });
});

describe('checkQuiescence and the summary', () => {
  it('lists every leftover, and the table shows each invariant with its count', () => {
    const v = checkQuiescence({
      unfinishedJobs: [9],
      pods: ['p-a'],
      secrets: [],
      githubRunners: ['p-a', 'p-b'],
    });
    expect(v.map((x) => x.invariant)).toEqual([
      'every job completed',
      'no orphan Pod',
      'no orphan GitHub runner',
      'no orphan GitHub runner',
    ]);
    const counts = countByInvariant(v);
    expect(counts.get('no orphan GitHub runner')).toBe(2);
    expect(counts.get('one runner per job')).toBe(0);
    const table = renderSummary([['jobs', 5]], counts);
    expect(table).toMatch(/\| invariant: no orphan GitHub runner +\| +2 VIOLATIONS \|/);
    expect(table).toMatch(/\| invariant: no orphan Secret +\| +0 violations \|/);
    expect(checkQuiescence({ unfinishedJobs: [], pods: [], secrets: [], githubRunners: [] })).toEqual([]);
  });

  it('sums a metric over its series, ignoring comments and other metrics', () => {
    const text = [
      '# HELP ai_ci_runners_created_total x',
      'ai_ci_runners_created_total{namespace="n",pool="a"} 3',
      'ai_ci_runners_created_total{namespace="n",pool="b"} 4',
      'ai_ci_runners_created_total_other 100',
      'ai_ci_leader 1',
    ].join('\n');
    expect(metricSum(text, 'ai_ci_runners_created_total')).toBe(7);
    expect(metricSum(text, 'ai_ci_leader')).toBe(1);
  });
});

describe('checkDeadlines: no job of the gated pool started past its deadline', () => {
  const M = 60_000;
  it('passes jobs started in time, counts the deferred ones and the longest wait', () => {
    const r = checkDeadlines(
      [
        { id: 1, queuedAt: 0, startedAt: 5_000 },
        { id: 2, queuedAt: 0, startedAt: 2 * M },
        { id: 3, queuedAt: M, startedAt: 4 * M },
      ],
      3 * M,
      10 * M,
    );
    expect(r).toEqual({ violations: [], deferred: 2, longestWaitMs: 3 * M });
  });

  it('reports a job started after its deadline, and one still queued past it', () => {
    const r = checkDeadlines(
      [
        { id: 7, queuedAt: 0, startedAt: 3 * M + 1_500 },
        { id: 8, queuedAt: M },
        { id: 9, queuedAt: 9 * M },
      ],
      3 * M,
      5 * M,
    );
    expect(r.violations).toEqual([
      { invariant: 'no job started past its deadline', detail: 'job 7 started 1.5 s after its deadline' },
      {
        invariant: 'no job started past its deadline',
        detail: 'job 8 not started 60.0 s after its deadline',
      },
    ]);
  });
});
