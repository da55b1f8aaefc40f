import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryError, readHistory } from '../../../../src/analysis/energy/predict/history.js';

const repo = new URL('../../../..', import.meta.url).pathname;
const shipped = join(repo, 'examples/carbon_reports');
const tmp = mkdtempSync(join(tmpdir(), 'ai-ci-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readHistory', () => {
  it("reads the shipped runs: each commit's energy, carbon and its test files' seconds from the JUnit report", () => {
    const runs = readHistory(shipped, repo);
    const commits = readdirSync(shipped).filter((f) => /^[0-9a-f]{40}$/.test(f));
    expect([...runs.keys()].sort()).toEqual(commits.sort());
    const run = runs.get(commits[0]!)!;
    const track = JSON.parse(readFileSync(join(shipped, commits[0]!, 'track.json'), 'utf8'));
    expect(run.energyWh).toBe(track.energy.wh);
    expect(run.grams).toBe(track.carbon.grams);
    expect(run.intensity).toBe(480);
    // vitest names each test case by its file (classname): every case lands in a test file of the suite.
    expect(run.testSeconds.size).toBeGreaterThan(10);
    for (const file of run.testSeconds.keys())
      expect(file).toMatch(/^test\/(carbon|analysis\/(energy|review))\//);
  });

  it("reads the pytest plugin's reports of a commit (a matrix of jobs) as one run, summed", () => {
    const fixture = join(repo, 'test/fixtures/energy/pytest-carbon-report.json');
    const report = JSON.parse(readFileSync(fixture, 'utf8'));
    const commit = 'b'.repeat(40);
    mkdirSync(join(tmp, 'pytest', commit), { recursive: true });
    for (const v of ['3.11', '3.12']) cpSync(fixture, join(tmp, 'pytest', commit, `pytest-${v}.json`));
    writeFileSync(join(tmp, 'pytest', commit, 'notes.json'), '{"not": "a report"}');
    const run = readHistory(join(tmp, 'pytest'), repo).get(commit)!;
    expect(run.energyWh).toBeCloseTo(2 * report.energy.wh, 15);
    expect(run.grams).toBeCloseTo(2 * report.carbon.grams, 15);
    expect(run.intensity).toBeCloseTo(report.intensity.value, 9);
    const seconds = report.tests.reduce((s: number, t: { seconds: number }) => s + t.seconds, 0);
    expect([...run.testSeconds.keys()]).toEqual(['tests/test_model.py']);
    expect(run.testSeconds.get('tests/test_model.py')).toBeCloseTo(2 * seconds, 12);
  });

  it('refuses a missing folder, a folder without reports and a report without energy', () => {
    expect(() => readHistory(join(tmp, 'nope'), repo)).toThrow(HistoryError);
    mkdirSync(join(tmp, 'empty'));
    writeFileSync(join(tmp, 'empty', 'heldout.txt'), '');
    expect(() => readHistory(join(tmp, 'empty'), repo)).toThrow(/no <commit>\/track\.json reports/);
    const bad = join(tmp, 'bad', 'a'.repeat(40));
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'track.json'), JSON.stringify({ command: ['true'] }));
    expect(() => readHistory(join(tmp, 'bad'), repo)).toThrow(/not an ai-ci carbon track report/);
  });
});
