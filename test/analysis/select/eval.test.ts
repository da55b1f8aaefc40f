import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killersOf, outcomes, PROJECTS, type Project } from '../../../scripts/select/eval-projects.js';
import { HELDOUT_FILE, heldOutFiles, loadHeldOut, sha256 } from '../../../scripts/select/eval-sample.js';
import { type MutantResult, randomCatch, table } from '../../../scripts/select/eval-table.js';
import { FIXTURES } from './helpers.js';

describe('eval:select harness', () => {
  const known = new Set(['test/math.test.ts', 'test/str.test.ts']);

  it('reads per-file outcomes from a real vitest JUnit report', () => {
    const map = outcomes(join(FIXTURES, 'vitest-junit.xml'), known);
    expect(map?.get('test/math.test.ts')?.failed).toBe(true);
    expect(map?.get('test/str.test.ts')?.failed).toBe(false);
  });

  it('gives "no result" for a missing, empty or truncated report instead of throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-junit-'));
    const xml = readFileSync(join(FIXTURES, 'vitest-junit.xml'), 'utf8');
    writeFileSync(join(dir, 'empty.xml'), '');
    writeFileSync(join(dir, 'half.xml'), xml.slice(0, xml.length / 2));
    expect(outcomes(join(dir, 'missing.xml'), known)).toBeUndefined();
    expect(outcomes(join(dir, 'empty.xml'), known)).toBeUndefined();
    expect(outcomes(join(dir, 'half.xml'), known)).toBeUndefined();
  });

  it('computes the exact catch probability of a random choice of the same size', () => {
    expect(randomCatch(10, 0, 5)).toBe(0);
    expect(randomCatch(10, 1, 5)).toBeCloseTo(0.5, 12);
    expect(randomCatch(10, 2, 1)).toBeCloseTo(0.2, 12);
    expect(randomCatch(4, 2, 3)).toBe(1); // three of four files always hold one of two killers
  });

  it('counts a killed mutant the selection did not choose a killer for as a miss, and survivors not at all', () => {
    const base = {
      commit: 'c'.repeat(40),
      file: 'pkg/a.py',
      mutation: { line: 3, start: 10, end: 12, from: '==', to: '!=' },
      unknown: [],
      universe: 4,
      changed: { n: 1, s: 1, caught: false },
      random: { n: 1, s: 1, caught: 0.25 },
      totalS: 4,
    };
    const rs: MutantResult[] = [
      { ...base, killers: ['t1'], select: { n: 1, s: 1, caught: true, full: false, seconds: 0.1 } },
      { ...base, killers: ['t2'], select: { n: 1, s: 1, caught: false, full: false, seconds: 0.1 } },
      { ...base, killers: [], select: { n: 2, s: 2, caught: false, full: false, seconds: 0.1 } },
    ];
    const out = table('h', [{ project: 'p', frozen: 3, results: rs, skipped: 0, pending: 0 }], 1);
    expect(out).toContain('| p | ai-ci select | 2/3 | 1/2 = 50.0% | 33.3% | 33.3% |');
    expect(out).toContain('| p | run all | 2/3 | 2/2 = 100.0% | 100.0% | 100.0% |');
    expect(out).toContain('missed: p cccccccc pkg/a.py:3 ==→!= killed by t2');
  });

  it('loads the committed held-out sample only while its hash matches the frozen one', () => {
    const { heldOut, hash } = loadHeldOut();
    expect(hash).toBe(sha256(readFileSync(HELDOUT_FILE, 'utf8')));
    expect(new Set(heldOut.mutants.map((m) => m.project))).toEqual(new Set(['boltons', 'ai-ci']));
    for (const m of heldOut.mutants) expect(m.mutation.end - m.mutation.start).toBe(m.mutation.from.length);
  });

  it('keeps held-out v2 disjoint from v1 and checked against its own hash', () => {
    const v1 = loadHeldOut('v1').heldOut;
    const { heldOut: v2, hash } = loadHeldOut('v2');
    expect(hash).toBe(sha256(readFileSync(heldOutFiles('v2').file, 'utf8')));
    const v1Commits = new Set(v1.mutants.map((m) => m.commit));
    expect(v2.mutants.length).toBeGreaterThan(0);
    for (const m of v2.mutants) expect(v1Commits.has(m.commit)).toBe(false);
  });
});

// Processes and a 2 s limit on a hanging one: seconds on a loaded machine.
describe('eval:select runs: killers of a mutant', { timeout: 30_000 }, () => {
  // A stand-in runner that writes JUnit XML like vitest's: a file named *fail* fails, *hang* never ends, *crash*
  // exits without a report, *gone* is left out of the report (as a file that crashed on import).
  const runner = `
    import { writeFileSync } from 'node:fs';
    const [junit, ...files] = process.argv.slice(2);
    if (files.some((f) => f.includes('hang'))) for (;;) {}
    if (files.some((f) => f.includes('crash'))) process.exit(3);
    const suites = files.filter((f) => !f.includes('gone')).map((f) =>
      '<testsuite name="' + f + '"><testcase classname="' + f + '" name="t" time="0.01">' +
      (f.includes('fail') ? '<failure message="x"/>' : '') + '</testcase></testsuite>');
    writeFileSync(junit, '<?xml version="1.0"?><testsuites>' + suites.join('') + '</testsuites>');
  `;
  const dir = mkdtempSync(join(tmpdir(), 'eval-run-'));
  writeFileSync(join(dir, 'runner.mjs'), runner);
  const project: Project = {
    ...PROJECTS[0]!,
    command: (tests, junit) => ({ file: process.execPath, args: [join(dir, 'runner.mjs'), junit, ...tests] }),
  };
  const run = (files: string[]) =>
    killersOf(project, dir, files, join(dir, 'out.xml'), new Set(files), new Map(), 0, {
      wholeS: 2,
      fileS: 2,
    });

  it('takes the failing and the unreported files of one run as killers', () => {
    expect(run(['t/pass.test.ts', 't/fail.test.ts', 't/gone.test.ts'])).toEqual({
      killers: ['t/fail.test.ts', 't/gone.test.ts'],
      unknown: [],
      timedOut: [],
    });
  });

  it('runs each file alone when the run of all hangs: the hanging file kills, a crash without report is unknown', () => {
    expect(run(['t/pass.test.ts', 't/fail.test.ts', 't/hang.test.ts', 't/crash.test.ts'])).toEqual({
      killers: ['t/fail.test.ts', 't/hang.test.ts'],
      unknown: ['t/crash.test.ts'],
      timedOut: ['t/hang.test.ts'],
    });
  });
});
