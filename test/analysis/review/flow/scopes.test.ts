/**
 * Python's scopes in the flow interpreter (src/analysis/review/flow/scopes.ts): names a function or comprehension
 * binds are its own (LEGB), so a helper's local `X, y` and a comprehension's `path` never read or overwrite the
 * module's variables of the same name. Found on real notebooks (PythonDataScienceHandbook 05.03, handson-ml2 ch. 15),
 * not in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { loadPythonParser } from '../../../../src/analysis/parsers/index.js';
import { comprehensionNames, functionNames, Scope } from '../../../../src/analysis/review/flow/scopes.js';
import { reviewSources } from '../../../../src/analysis/review/index.js';
import { parsePython } from '../../../../src/analysis/review/parse/python.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */
async function check(source: string): Promise<void> {
  const text = source.replace(/^\n/, '');
  const expected = text
    .split('\n')
    .flatMap((l, i) => [...l.matchAll(/# <- (leak-[a-z-]+)/g)].map((m) => `${m[1]}@${i + 1}`));
  const r = await reviewSources([{ path: 'prog.py', text }], { families: ['leakage'] });
  expect(r.problems).toEqual([]);
  const got = r.findings.map((f) => `${f.ruleId}@${f.location.line}`);
  expect(got.sort()).toEqual(expected.sort());
}

async function first(source: string, type: string) {
  const parser = await loadPythonParser();
  const node = parsePython(parser, source).root.descendantsOfType(type)[0];
  if (!node) throw new Error(`no ${type}`);
  return node;
}

describe('the names a scope binds', () => {
  it('a function: parameters, assignment and loop targets, imports, with/except aliases, nested defs; not globals', async () => {
    const def = await first(
      `def f(a, b=1, *c, d, **e):
    global G
    x, (y, *z) = 1, (2, 3)
    G = 1
    w += 1
    for i, j in q: pass
    with o as m: pass
    try: pass
    except E as err: pass
    import a.b, c as dd
    from m import n as nn, oo
    [t for t in (s := r)]
    def g(): inner = 1
    class C: attr = 1
    obj.attr = 1
    arr[0] = 1
`,
      'function_definition',
    );
    const names = functionNames(def);
    expect([...names.locals].sort()).toEqual(
      [
        'C',
        'a',
        'b',
        'c',
        'd',
        'dd',
        'e',
        'err',
        'g',
        'i',
        'j',
        'm',
        'nn',
        'oo',
        's',
        'w',
        'x',
        'y',
        'z',
      ].sort(),
    );
    expect([...(names.globals ?? [])]).toEqual(['G']);
  });

  it('a comprehension: its iteration variables', async () => {
    const c = await first('[p for p, (q, r) in items for s in p if s]\n', 'list_comprehension');
    expect([...comprehensionNames(c).locals].sort()).toEqual(['p', 'q', 'r', 's']);
  });

  it('a local name with no known value is unknown, not the module one; a global one goes to the module', () => {
    const module = new Scope();
    const data = { kind: 'const', value: true } as const;
    module.set('X', data);
    const local = new Scope(module, { locals: new Set(['X']), globals: new Set(['G']) });
    expect(local.get('X')).toBeUndefined();
    local.set('G', data);
    expect(module.get('G')).toBe(data);
    const open = new Scope(module);
    expect(open.get('X')).toBe(data);
  });
});

describe("a helper's local X, y are not the module's", () => {
  const prog = (helper: string, mark = '') => `
import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
iris = load_iris()
X = iris.data
y = iris.target

def make_data(n):
${helper}
    return X, y

X, y = make_data(40)
grid = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0]}, cv=5)
model = grid.fit(X, y).best_estimator_
pred = model.fit(X, y).predict(X)${mark}
`;
  it('y computed from a local X (X assigned something unknown): no target leak', () =>
    check(prog('    X = np.random.rand(n, 1)\n    y = 3 * X.ravel()')));
});

describe('a helper reading module names it does not assign', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LinearRegression
df = pd.read_csv("houses.csv")

def make_xy():
    X = ${features}
    y = df["price"]
    return X, y

X, y = make_xy()
model = LinearRegression().fit(X, y)${mark}
`;
  it("features computed from the module frame's target are still found", () =>
    check(prog('df.assign(ppsf=df["price"] / df["sqft"]).drop(columns=["price"])', '  # <- leak-target')));
  it('without that column: nothing', () => check(prog('df.drop(columns=["price"])')));
});
