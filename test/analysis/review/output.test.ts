/**
 * Renderers and CI plumbing: SARIF validated against the OASIS SARIF 2.1.0 JSON schema (as shipped in
 * @microsoft/jest-sarif, MIT), workflow-command escaping, suppressions, diff parsing and the config file.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  changedLines,
  parseConfig,
  parseSuppression,
  RULES,
  reviewSources,
  toAnnotations,
  toMarkdown,
  toSarif,
  touchesChange,
} from '../../../src/analysis/review/index.js';

// Both are CommonJS: under NodeNext their default import is the module object, whose `default` is the export.
const Ajv = AjvDraft04Module.default;
type AjvInstance = InstanceType<typeof Ajv>;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: AjvInstance) => void;
const require = createRequire(import.meta.url);
const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  // The schema's language-tag pattern is not valid under the `u` flag; the schema is draft-04.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const LEAKY = `import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
df = pd.read_csv("d.csv")
X = StandardScaler().fit_transform(df.drop(columns=["y"]))
X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)
a = LogisticRegression().fit(X_tr, y_tr)
b = RandomForestClassifier(random_state=0).fit(X_tr, y_tr)
print(a.score(X_te, y_te))
print(b.score(X_te, y_te))  # ai-ci: ignore[leak-selection] we report both on purpose
`;

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with rules, help, related locations and suppressions', async () => {
    const r = await reviewSources([
      { path: 'src/train.py', text: LEAKY },
      { path: 'bad.py', text: 'def f(:\n' },
    ]);
    const sarif = toSarif(r.findings, r.rules, r.problems, { toolVersion: '1.2.3' }) as {
      runs: {
        tool: { driver: { rules: { id: string; help: { markdown: string } }[] } };
        results: { ruleId: string; ruleIndex: number; suppressions?: { justification: string }[] }[];
        invocations: { toolExecutionNotifications: unknown[] }[];
      }[];
    };
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    const sel = run.results.find((x) => x.ruleId === 'leak-selection')!;
    expect(run.tool.driver.rules[sel.ruleIndex]!.id).toBe('leak-selection');
    expect(sel.suppressions).toEqual([{ kind: 'inSource', justification: 'we report both on purpose' }]);
    expect(run.results.map((x) => x.ruleId)).toContain('leak-preprocessing');
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
  }, 30_000);

  it('the schema check is real: a broken log fails it', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] }),
    ).toBe(false);
  }, 30_000);
});

describe('annotations', () => {
  it('writes one workflow command per active finding, escaped', async () => {
    const r = await reviewSources([{ path: 'src/a,b.py', text: LEAKY }], { families: ['leakage'] });
    const out = toAnnotations(r.findings);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1); // the selection finding is suppressed
    expect(lines[0]).toMatch(
      /^::warning file=src\/a%2Cb\.py,line=7,endLine=7,col=5,endColumn=\d+,title=ai-ci review%3A leak-preprocessing::/,
    );
    expect(lines[0]).toContain('%0AFix: ');
    expect(lines[0]).not.toContain('\n');
  });

  it('escapes % and newlines in messages', () => {
    const out = toAnnotations([], [{ path: 'x.py', line: 2, message: '100% broken\nreally' }]);
    expect(out).toBe('::warning file=x.py,line=2,title=ai-ci review::100%25 broken%0Areally\n');
  });
});

describe('markdown summary', () => {
  it('counts per family and lists findings with why and fix; suppressed ones apart', async () => {
    const r = await reviewSources([{ path: 'train.py', text: LEAKY }]);
    const md = toMarkdown(r.findings, r.problems, 1);
    expect(md).toMatch(/\| leakage \| 0 \| 1 \| 0 \|/);
    expect(md).toContain('`leak-preprocessing`');
    expect(md).toContain('1 suppressed');
    expect(md).toContain('we report both on purpose');
  });
});

describe('suppressions', () => {
  it('parses ids and keeps the reason', () => {
    expect(
      parseSuppression('x = 1  # ai-ci: ignore[leak-selection, perf-iterrows] tuned on purpose'),
    ).toEqual({
      ids: ['leak-selection', 'perf-iterrows'],
      reason: 'tuned on purpose',
    });
    expect(parseSuppression('# ai-ci: ignore')).toEqual({ ids: 'all', reason: '(no reason given)' });
    expect(parseSuppression('# ai-ci ignore[x]')).toBeUndefined();
  });

  it('a comment line above covers the next line; a family name covers its rules', async () => {
    const text =
      'import numpy as np\n# ai-ci: ignore[reproducibility] fixed seed upstream\nx = np.random.rand(3)\ny = 1\n';
    const r = await reviewSources([{ path: 'a.py', text }]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.suppressed).toEqual({ reason: 'fixed seed upstream' });
    const other = await reviewSources([{ path: 'a.py', text: text.replace('reproducibility', 'leakage') }]);
    expect(other.findings[0]!.suppressed).toBeUndefined();
  });
});

describe('diff', () => {
  const diff = `diff --git a/src/train.py b/src/train.py
index 1111111..2222222 100644
--- a/src/train.py
+++ b/src/train.py
@@ -3,0 +4,2 @@ import x
+added = 1
+added = 2
@@ -10 +12 @@ def f():
-old
+new
diff --git a/gone.py b/gone.py
deleted file mode 100644
--- a/gone.py
+++ /dev/null
@@ -1 +0,0 @@
-x
`;
  it('keeps the added lines of each file on the new side', () => {
    const c = changedLines(diff);
    expect([...c.keys()]).toEqual(['src/train.py']);
    expect([...c.get('src/train.py')!]).toEqual([4, 5, 12]);
    expect(touchesChange(c, { path: './src/train.py', line: 5, endLine: 5 })).toBe(true);
    expect(touchesChange(c, { path: 'src/train.py', line: 6, endLine: 6 })).toBe(false);
    expect(
      touchesChange(c, { path: 'src/train.py', line: 6, endLine: 6 }, [{ path: 'src/train.py', line: 12 }]),
    ).toBe(true);
  });
});

describe('config file', () => {
  it('reads select, ignore, exclude and fail-on', () => {
    expect(
      parseConfig('select: [leakage]\nignore: [leak-target]\nexclude: ["tests/**"]\nfail-on: warning\n'),
    ).toEqual({
      select: ['leakage'],
      ignore: ['leak-target'],
      exclude: ['tests/**'],
      failOn: 'warning',
    });
    expect(parseConfig('')).toEqual({ select: [], ignore: [], exclude: [] });
  });

  it('names what is wrong', () => {
    expect(() => parseConfig('select: [nope]')).toThrow(/select: unknown rule or family "nope"/);
    expect(() => parseConfig('fail-on: always')).toThrow(/fail-on: must be one of/);
    expect(() => parseConfig('colour: red')).toThrow(/unknown key "colour"/);
    expect(() => parseConfig('select: [')).toThrow(/invalid YAML/);
  });
});
