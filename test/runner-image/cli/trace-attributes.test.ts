/** What each command puts on its span: the builders of trace-attributes.ts on small results. */
import { describe, expect, it } from 'vitest';
import type { TrackReport } from '../../../src/analysis/energy/index.js';
import type { AbResult } from '../../../src/analysis/perf/ab/index.js';
import type { Finding } from '../../../src/analysis/review/index.js';
import {
  carbonIntensity,
  carbonTrack,
  MAX_LISTED,
  perfAb,
  review,
  selectReport,
} from '../../../src/runner-image/cli/trace-attributes.js';

function ab(
  benchmarks: [
    name: string,
    direction: 'smaller-is-better' | 'bigger-is-better',
    change: number,
    verdict: string,
  ][],
  roundsRun = 10,
): AbResult {
  return {
    schedule: [],
    warmupRounds: 1,
    roundsRun,
    warnings: [],
    benchmarks: benchmarks.map(([name, direction, estimate, verdict]) => ({
      name,
      unit: 's',
      direction,
      base: [],
      head: [],
      detection: {
        verdict,
        probabilityRegressed: verdict === 'regression' ? 0.99 : 0.1,
        change: { estimate },
      },
    })),
  } as unknown as AbResult;
}

describe('trace attributes', () => {
  it('perf: the worst change is the largest step the wrong way, whichever way is better', () => {
    const a = perfAb(
      ab(
        [
          ['latency', 'smaller-is-better', 0.08, 'regression'],
          ['throughput', 'bigger-is-better', -0.2, 'regression'],
          ['startup', 'smaller-is-better', -0.5, 'improvement'],
        ],
        20,
      ),
    );
    expect(a).toMatchObject({
      'ai_ci.verdict': 'fail',
      'ai_ci.perf.benchmarks': 3,
      'ai_ci.perf.regressions': 2,
      'ai_ci.perf.regressed_benchmarks': ['latency', 'throughput'],
      'ai_ci.perf.verdicts.regression': 2,
      'ai_ci.perf.verdicts.improvement': 1,
      'ai_ci.perf.worst_benchmark': 'throughput',
      'ai_ci.perf.worst_change': -0.2,
      'ai_ci.perf.worst_p_regressed': 0.99,
      'ai_ci.perf.rounds': 20,
    });
    const pass = perfAb(ab([['x', 'smaller-is-better', 0.001, 'no-change']]));
    expect(pass).toMatchObject({ 'ai_ci.verdict': 'pass', 'ai_ci.perf.regressions': 0 });
    expect(pass['ai_ci.perf.regressed_benchmarks']).toBeUndefined();
  });

  it('review: per severity, suppressed findings apart', () => {
    const f = (severity: string, suppressed = false) => ({ severity, suppressed }) as unknown as Finding;
    const a = review(
      [f('error'), f('warning'), f('warning'), f('note', true)],
      { files: 3, problems: [] },
      'error',
      true,
    );
    expect(a).toMatchObject({
      'ai_ci.verdict': 'fail',
      'ai_ci.review.findings': 3,
      'ai_ci.review.findings.error': 1,
      'ai_ci.review.findings.warning': 2,
      'ai_ci.review.findings.note': 0,
      'ai_ci.review.suppressed': 1,
      'ai_ci.review.files': 3,
    });
  });

  it('select-report: a verdict only with --fail-on-miss; long lists are cut, the count is whole', () => {
    const missed = Array.from({ length: MAX_LISTED + 5 }, (_, i) => `tests/test_${i}.py`);
    const report = { failed: missed, caught: [], missed, flakyIgnored: [], testShare: 0.25, timeShare: 0.1 };
    const a = selectReport(report, true);
    expect(a['ai_ci.verdict']).toBe('fail');
    expect(a['ai_ci.select.missed']).toBe(MAX_LISTED + 5);
    expect(a['ai_ci.select.missed_tests']).toHaveLength(MAX_LISTED);
    expect(selectReport(report, false)).not.toHaveProperty('ai_ci.verdict');
  });

  it('carbon now with --fail-open: low carbon because the source failed', () => {
    expect(carbonIntensity({ source: 'uk', lowCarbon: true, sourceFailed: true })).toMatchObject({
      'ai_ci.carbon.low_carbon': true,
      'ai_ci.carbon.source_failed': true,
      'ai_ci.carbon.intensity': undefined,
    });
  });

  it('carbon track: a short step keeps its tiny Wh and grams (significant figures), and the program without arguments', () => {
    const report = {
      command: ['/usr/bin/curl', '-H', 'Authorization: token s3cret', 'https://example.com'],
      exitCode: 0,
      signal: null,
      measurement: { method: 'table-median', durationSeconds: 0.0193 },
      energy: { wh: 1.63456e-9, low: 8.1e-10, high: 2.4e-9 },
      intensity: { value: 300, source: 'static (--intensity)' },
      carbon: { grams: 4.90351e-10, low: 2.4e-10, high: 7.3e-10, unit: 'gCO2e' },
    } as unknown as TrackReport;
    const a = carbonTrack(report);
    expect(a).toMatchObject({
      'ai_ci.carbon.energy_wh': 1.635e-9,
      'ai_ci.carbon.grams': 4.904e-10,
      'ai_ci.carbon.command': 'curl',
      'ai_ci.carbon.command_exit_code': 0,
    });
    expect(a).not.toHaveProperty('ai_ci.verdict');
    expect(JSON.stringify(a)).not.toContain('s3cret');
  });
});
