import { describe, expect, it } from 'vitest';
import {
  type Comparison,
  detectRegression,
  detectRegressions,
  localNoiseModel,
  type ProbabilityModel,
} from '../../../src/analysis/perf/detect.js';
import { FEATURE_COUNT } from '../../../src/analysis/perf/features.js';
import { noisy } from './helpers.js';

// Runs scatter by 0.5% around their level: the history test is calibrated for the heavier tails of real CI
// noise (HISTORY_SCALE_INFLATION, HISTORY_TAIL_DF), so at this spread a 5% change is still ruled in or out.
const history = noisy(25, 100, 0.005, 11);
const baseline = noisy(20, 100, 0.005, 12);

describe('detectRegression (statistics only)', () => {
  it.each([
    { name: 'a clear 10% slowdown', candidate: noisy(20, 110, 0.01, 13), verdict: 'regression' },
    { name: 'a clear 10% speed-up', candidate: noisy(20, 90, 0.01, 14), verdict: 'improvement' },
    { name: 'no change', candidate: noisy(20, 100, 0.01, 15), verdict: 'no-change' },
  ])('$name → $verdict', ({ candidate, verdict }) => {
    const d = detectRegression({ baseline, candidate, history }, 'smaller-is-better');
    expect(d.verdict).toBe(verdict);
    expect(d.source).toBe('statistics');
    expect(d.features).toHaveLength(FEATURE_COUNT);
    expect(d.change.low).toBeLessThanOrEqual(d.change.estimate);
    expect(d.change.high).toBeGreaterThanOrEqual(d.change.estimate);
  });

  it('gives a high P(regressed) and an interval around the change for a regression', () => {
    const d = detectRegression(
      { baseline, candidate: noisy(20, 110, 0.01, 13), history },
      'smaller-is-better',
    );
    expect(d.probabilityRegressed).toBeGreaterThanOrEqual(0.95);
    expect(d.change.estimate).toBeCloseTo(0.1, 1);
    expect(d.change.low).toBeGreaterThan(0.05);
    expect(d.evidence.history?.runs).toBe(25);
    expect(d.reason).toMatch(/worse/);
  });

  it('reads bigger-is-better benchmarks the other way round', () => {
    const d = detectRegression({ baseline, candidate: noisy(20, 90, 0.01, 14), history }, 'bigger-is-better');
    expect(d.verdict).toBe('regression');
  });

  it('does not call a regression within the run-to-run noise of the history', () => {
    // Rounds of each run agree tightly (0.1%), but whole runs wander by 5%: a 4% slower run is normal here.
    const wandering = noisy(30, 100, 0.05, 16);
    const d = detectRegression(
      { baseline: noisy(20, 100, 0.001, 17), candidate: noisy(20, 104, 0.001, 18), history: wandering },
      'smaller-is-better',
    );
    expect(d.verdict).not.toBe('regression');
    expect(d.evidence.mannWhitney.p).toBeLessThan(0.001); // the rounds alone would have said "regression"
  });

  it('judges a small change of too few rounds without history against the stated prior, and says so', () => {
    const d = detectRegression({ baseline: [100, 101], candidate: [103, 102] }, 'smaller-is-better');
    expect(d.verdict).toBe('inconclusive');
    expect(d.noise.source).toBe('prior');
    // Between jobs, more rounds do not shrink the run-to-run noise: no rounds advice, the way out instead.
    expect(d.roundsNeeded).toBeUndefined();
    expect(d.reason).toMatch(/prior run-to-run noise of 3\.0%/);
    expect(d.reason).toMatch(/history/);
  });

  it('says inconclusive when too noisy to rule out the target change', () => {
    const d = detectRegression(
      {
        baseline: noisy(10, 100, 0.2, 19),
        candidate: noisy(10, 100, 0.2, 20),
        history: noisy(10, 100, 0.2, 21),
      },
      'smaller-is-better',
    );
    expect(d.verdict).toBe('inconclusive');
    expect(d.roundsNeeded).toBeGreaterThan(10);
    expect(d.noise.source).toBe('history');
    expect(d.reason).toMatch(/too uncertain against .* run-to-run noise of 10 earlier runs/);
  });

  it.each([
    // The step happened at the baseline's commit: the candidate only confirms it.
    {
      name: 'a step at the baseline run, confirmed by the candidate',
      baseline: 115,
      candidate: 115,
      verdict: false,
    },
    // A disturbed baseline run: the candidate is measured against the history and is 12% worse than it.
    { name: 'a regression behind a slow baseline run', baseline: 135, candidate: 112, verdict: true },
  ])('$name', ({ baseline: b, candidate: c, verdict }) => {
    const flat = noisy(20, 100, 0.005, 31);
    const d = detectRegression(
      { baseline: noisy(20, b, 0.005, 32), candidate: noisy(20, c, 0.005, 33), history: [...flat, b] },
      'smaller-is-better',
    );
    expect(d.verdict === 'regression').toBe(verdict);
  });

  it('honours minRelativeChange', () => {
    const input = { baseline, candidate: noisy(20, 105, 0.01, 22), history };
    expect(detectRegression(input, 'smaller-is-better').verdict).toBe('regression');
    expect(detectRegression(input, 'smaller-is-better', { minRelativeChange: 0.1 }).verdict).not.toBe(
      'regression',
    );
  });

  it('rejects bad options', () => {
    expect(() =>
      detectRegression({ baseline, candidate: baseline }, 'smaller-is-better', { confidence: 1.2 }),
    ).toThrow(/confidence/);
  });
});

describe('detectRegressions with a model', () => {
  const comparisons: Comparison[] = [
    { input: { baseline, candidate: noisy(20, 110, 0.01, 13), history }, direction: 'smaller-is-better' },
    { input: { baseline, candidate: noisy(20, 100, 0.01, 15), history }, direction: 'smaller-is-better' },
  ];

  it('asks the model once for all rows and uses its probability', async () => {
    const calls: Float32Array[][] = [];
    const model: ProbabilityModel = {
      predict: async (rows) => {
        calls.push(rows);
        return [0.2, 0.99];
      },
    };
    const [a, b] = await detectRegressions(comparisons, {}, model);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(2);
    expect(calls[0]![0]).toHaveLength(FEATURE_COUNT);
    expect(a!.source).toBe('statistics+model');
    expect(a!.probabilityRegressed).toBe(0.2);
    expect(a!.verdict).not.toBe('regression');
    expect(b!.evidence.model).toBe(0.99);
  });

  it('keeps the statistics when the model agrees and takes the doubt of the model when it does not', async () => {
    const stats = await detectRegressions(comparisons);
    const agree = await detectRegressions(comparisons, {}, { predict: async () => [0.6, 0.6] });
    expect(agree[0]!.probabilityRegressed).toBe(stats[0]!.probabilityRegressed);
    expect(agree[0]!.verdict).toBe('regression');
    const doubt = await detectRegressions(comparisons, {}, { predict: async () => [0.3, 0.3] });
    expect(doubt[0]!.probabilityRegressed).toBe(0.3);
    expect(doubt[0]!.verdict).not.toBe('regression');
  });

  it('gives the statistics-only verdicts without a model', async () => {
    const ds = await detectRegressions(comparisons);
    expect(ds.map((d) => d.verdict)).toEqual(['regression', 'no-change']);
    expect(ds.every((d) => d.source === 'statistics')).toBe(true);
  });

  it('refuses a model answer of the wrong length', async () => {
    const model: ProbabilityModel = { predict: async () => [0.5] };
    await expect(detectRegressions(comparisons, {}, model)).rejects.toThrow(/1 probabilities for 2/);
  });
});

describe('same-job comparisons (baseline measured beside the candidate)', () => {
  // Rounds of one job scatter by 0.5%; the history's runs by 5%, as across jobs on a shared runner.
  const base = noisy(20, 100, 0.005, 21);
  const slower = noisy(20, 103, 0.005, 22);
  const wideHistory = noisy(25, 100, 0.05, 23);

  it('calls a 3% slowdown from the rounds alone, where across jobs it would not', () => {
    const same = detectRegression(
      { baseline: base, candidate: slower, history: wideHistory },
      'smaller-is-better',
      {
        sameJob: true,
      },
    );
    expect(same.verdict).toBe('regression');
    expect(same.change.reference).toBe('baseline');
    expect(same.evidence.history).toBeUndefined();
    const acrossJobs = detectRegression(
      { baseline: base, candidate: slower, history: wideHistory },
      'smaller-is-better',
    );
    expect(acrossJobs.verdict).not.toBe('regression');
    // Without history, rounds of another job are assumed to understate the noise (NO_HISTORY_NOISE_FACTOR).
    expect(detectRegression({ baseline: base, candidate: slower }, 'smaller-is-better').verdict).not.toBe(
      'regression',
    );
  });

  it('rules a 5% change out when the rounds agree', () => {
    const d = detectRegression(
      { baseline: base, candidate: noisy(20, 100, 0.005, 24) },
      'smaller-is-better',
      {
        sameJob: true,
      },
    );
    expect(d.verdict).toBe('no-change');
  });

  it('neither asks the model nor removes a run-wide shift', async () => {
    const model: ProbabilityModel = {
      predict: async () => {
        throw new Error('the model describes comparisons across jobs');
      },
    };
    const file: Comparison[] = [0, 1, 2].map((i) => ({
      input: { baseline: base, candidate: noisy(20, 103, 0.005, 30 + i), history: wideHistory },
      direction: 'smaller-is-better',
      file: 'f',
    }));
    const ds = await detectRegressions(file, { sameJob: true }, model);
    expect(ds.map((d) => d.verdict)).toEqual(['regression', 'regression', 'regression']);
    expect(ds.every((d) => d.source === 'statistics' && d.commonMode === undefined)).toBe(true);
  });
});

describe('localNoiseModel: the level and run-to-run noise of history mode', () => {
  it('follows a step the change points missed, and learns the noise from successive runs', () => {
    // 18 runs at 100 (±1%), then 11 at 105: the regime's median and spread would say ~102 and ~3%.
    const wobble = [0, 1, -1, 0.5, -0.5, 1, 0, -1, 0.5, -0.5, 0, 1, -1, 0.5, -0.5, 1, 0, -1];
    const history = [...wobble.map((w) => 100 + w), ...wobble.slice(0, 11).map((w) => 105 + w)];
    const m = localNoiseModel(history, 0);
    expect(m.levelRuns).toBe(8);
    expect(m.level).toBeGreaterThan(104.5);
    expect(m.noise).toBeGreaterThan(0.005);
    expect(m.noise).toBeLessThan(0.015);
  });

  it('takes the level from the current regime only, at least one run', () => {
    expect(localNoiseModel([100, 100, 100, 200, 202, 198], 3)).toMatchObject({ level: 200, levelRuns: 3 });
    expect(localNoiseModel([100, 100, 100, 200], 3)).toMatchObject({ level: 200, levelRuns: 1 });
    expect(localNoiseModel([5], 0)).toEqual({ level: 5, levelRuns: 1, noise: 0 });
  });

  it('flags a 10% improvement after a missed +5% step that the regime model read as noise', () => {
    const wobble = [0, 1, -1, 0.5, -0.5, 1, 0, -1, 0.5, -0.5, 0, 1, -1, 0.5, -0.5, 1, 0, -1];
    const history = [...wobble.map((w) => 100 + w), ...wobble.slice(0, 11).map((w) => 105 + w)];
    const d = detectRegression(
      { baseline: noisy(30, 105, 0.01, 1), candidate: noisy(30, 94.5, 0.01, 2), history },
      'smaller-is-better',
    );
    expect(d.verdict).toBe('improvement');
    expect(d.change.reference).toBe('history');
    expect(d.change.estimate).toBeCloseTo(94.5 / 105 - 1, 1);
  });
});
