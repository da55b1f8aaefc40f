/**
 * Every rule against its fixtures (src/analysis/review/rules/<family>/fixtures/<rule-id>[-variant].py, ruff's
 * layout): the rule must report exactly the lines marked `# expect: <rule-id>`, and no other line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, reviewSources } from '../../../src/analysis/review/index.js';

const RULES_DIR = path.resolve(import.meta.dirname, '../../../src/analysis/review/rules');

const fixtures = ['leakage', 'reproducibility', 'performance'].flatMap((family) =>
  readdirSync(path.join(RULES_DIR, family, 'fixtures'))
    .filter((f) => f.endsWith('.py'))
    .map((f) => {
      const rule = RULES.find(
        (r) =>
          f === `${r.id}.py` ||
          (f.startsWith(`${r.id}-`) && !RULES.some((o) => o.id.length > r.id.length && f.startsWith(o.id))),
      )!;
      return { file: path.join(RULES_DIR, family, 'fixtures', f), name: `${family}/fixtures/${f}`, rule };
    }),
);

describe('rule fixtures', () => {
  it('every rule has a fixture', () => {
    const covered = new Set(fixtures.map((f) => f.rule?.id));
    for (const r of RULES.filter((r) => r.id !== 'repro-unpinned-deps')) expect(covered).toContain(r.id);
  });

  it.each(fixtures)('$name', async ({ file, rule }) => {
    expect(rule).toBeDefined();
    const text = readFileSync(file, 'utf8');
    const expected = text
      .split('\n')
      .map((l, i) => (l.includes(`# expect: ${rule.id}`) ? i + 1 : 0))
      .filter((n) => n > 0);
    const r = await reviewSources([{ path: file, text }], { select: [rule.id] });
    expect(r.problems).toEqual([]);
    const got = r.findings.filter((f) => f.ruleId === rule.id).map((f) => f.location.line);
    expect(got.sort((a, b) => a - b)).toEqual(expected);
    for (const f of r.findings) {
      expect(f.message.length).toBeGreaterThan(5);
      expect(f.why).toMatch(/\.$/);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('rule metadata', () => {
  it('ids are unique, and each rule says why and how to fix', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^(leak|repro|perf)-[a-z0-9-]+$/);
      expect(r.rationale.length).toBeGreaterThan(60);
      expect(r.fix.length).toBeGreaterThan(20);
    }
  });

  it('ranks selection leakage first (Roth et al. 2026)', () => {
    expect(RULES[0]!.id).toBe('leak-selection');
    expect(RULES[0]!.severity).toBe('error');
  });
});

describe('leak-selection ranks by evidence', () => {
  const program = (pick: string) =>
    [
      'import pandas as pd',
      'from sklearn.model_selection import train_test_split',
      'from sklearn.linear_model import LogisticRegression',
      'from sklearn.ensemble import RandomForestClassifier',
      'df = pd.read_csv("churn.csv")',
      'X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["churn"]), df["churn"], random_state=0)',
      'lr = LogisticRegression().fit(X_train, y_train)',
      'rf = RandomForestClassifier(random_state=0).fit(X_train, y_train)',
      'lr_acc = lr.score(X_test, y_test)',
      'rf_acc = rf.score(X_test, y_test)',
      pick,
      '',
    ].join('\n');
  const selection = async (pick: string) => {
    const r = await reviewSources([{ path: 'train.py', text: program(pick) }], {
      select: ['leak-selection'],
    });
    return r.findings.filter((f) => f.ruleId === 'leak-selection');
  };

  it('several models scored on one test set with nothing in the code choosing: still an error, of medium confidence', async () => {
    const [f, ...rest] = await selection('print(lr_acc, rf_acc)');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', confidence: 'medium' });
    expect(f!.why).toMatch(/nothing in the code picks by these scores/);
  });

  it('the same models with the code picking the winner by its test score: an error of high confidence', async () => {
    const [f] = await selection('best = lr if lr_acc > rf_acc else rf\nprint(best)');
    expect(f).toMatchObject({ severity: 'error', confidence: 'high' });
  });
});
