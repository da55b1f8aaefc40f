import { describe, expect, it } from 'vitest';
import { joinNotebook, NotebookError, reviewSources } from '../../../src/analysis/review/index.js';

/** A notebook as Jupyter writes it (indent 1, source as a list of lines). */
function notebook(cells: { source: string[]; count?: number | null; type?: string }[]): string {
  return JSON.stringify(
    {
      cells: cells.map((c) => ({
        cell_type: c.type ?? 'code',
        ...(c.type === 'markdown' ? {} : { execution_count: c.count ?? null, outputs: [] }),
        metadata: {},
        source: c.source.map((l, i) => (i < c.source.length - 1 ? `${l}\n` : l)),
      })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

describe('joinNotebook', () => {
  it('joins code cells in execution order and maps lines back to cell, line and file line', () => {
    const text = notebook([
      { type: 'markdown', source: ['# Title'] },
      { source: ['b = a + 1'], count: 2 },
      { source: ['%matplotlib inline', 'a = 1'], count: 1 },
    ]);
    const nb = joinNotebook(text);
    expect(nb.order).toBe('execution');
    expect(nb.source.split('\n')).toEqual(['', 'a = 1', '', 'b = a + 1', '']);
    const fileLines = text.split('\n');
    expect(nb.lines[1]).toMatchObject({ cell: 3, line: 2, executionCount: 1 });
    expect(fileLines[nb.lines[1]!.fileLine - 1]).toContain('"a = 1"');
    expect(nb.lines[3]).toMatchObject({ cell: 2, line: 1 });
    expect(fileLines[nb.lines[3]!.fileLine - 1]).toContain('"b = a + 1"');
  });

  it('keeps document order when execution counts are missing', () => {
    const nb = joinNotebook(
      notebook([
        { source: ['x = 1'], count: null },
        { source: ['y = 2'], count: 1 },
      ]),
    );
    expect(nb.order).toBe('document');
    expect(nb.source).toBe('x = 1\n\ny = 2\n');
  });

  it('blanks non-Python cell magics but keeps %%time bodies', () => {
    const nb = joinNotebook(notebook([{ source: ['%%bash', 'ls -l'] }, { source: ['%%time', 'z = 3'] }]));
    expect(nb.source.split('\n')).toEqual(['', '', '', '', 'z = 3', '']);
  });

  it('rejects a file that is not a notebook, naming the line', () => {
    expect(() => joinNotebook('{"cells": [1,}')).toThrow(NotebookError);
    expect(() => joinNotebook('{"cells": [1,}')).toThrow(/invalid JSON at line 1/);
    expect(() => joinNotebook('{"nbformat": 4}')).toThrow(/no "cells"/);
  });
});

describe('notebook review', () => {
  it('follows data across cells and reports the cell and line of each finding', async () => {
    const text = notebook([
      { source: ['import pandas as pd', 'from sklearn.preprocessing import StandardScaler'], count: 1 },
      {
        source: ['df = pd.read_csv("d.csv")', 'X = StandardScaler().fit_transform(df.drop(columns=["y"]))'],
        count: 2,
      },
      {
        source: ['from sklearn.model_selection import train_test_split', 'from sklearn.svm import SVC'],
        count: 3,
      },
      {
        source: [
          'X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)',
          'SVC().fit(X_tr, y_tr)',
        ],
        count: 4,
      },
    ]);
    const r = await reviewSources([{ path: 'nb.ipynb', text }], { families: ['leakage'] });
    expect(r.problems).toEqual([]);
    const f = r.findings.find((x) => x.ruleId === 'leak-preprocessing')!;
    expect(f.location.cell).toEqual({ cell: 2, executionCount: 2, line: 2 });
    expect(text.split('\n')[f.location.line - 1]).toContain('fit_transform');
    expect(f.why).toContain('cell 4 line 1');
  });

  it('ignores magics and shell lines (assigned, indented, whole cells) and keeps a modulo continuation', async () => {
    const text = notebook([
      { source: ['!pip install scikit-learn', '%matplotlib inline', 'import pandas as pd'], count: 1 },
      { source: ['%%bash', 'ls -la data/', 'if [ -f x ]; then echo y; fi'], count: 2 },
      {
        source: [
          'files = !ls data',
          'df = pd.read_csv("data/d.csv")',
          'if df.empty:',
          '    !echo empty',
          'bucket = (df["id"]',
          '          % 10)',
        ],
        count: 3,
      },
      { type: 'markdown', source: ['# Model'] },
      {
        source: [
          'from sklearn.model_selection import train_test_split',
          'from sklearn.preprocessing import MinMaxScaler',
          'from sklearn.linear_model import LogisticRegression',
          'X = MinMaxScaler().fit_transform(df.drop(columns=["y"]))',
          'X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)',
          '%time model = LogisticRegression().fit(X_tr, y_tr)',
          'print(model.score(X_te, y_te))',
        ],
        count: 4,
      },
    ]);
    const nb = joinNotebook(text);
    const src = nb.source.split('\n');
    expect(src).toContain('    pass');
    expect(src).toContain('          % 10)');
    expect(src).toContain('model = LogisticRegression().fit(X_tr, y_tr)');
    expect(joinNotebook(notebook([{ source: ['%timeit -n 10 -r 3 f(x)'] }])).source).toBe('f(x)\n');
    expect(src.filter((l) => /[!%]/.test(l) && !l.includes('% 10'))).toEqual([]);
    const r = await reviewSources([{ path: 'nb.ipynb', text }], { families: ['leakage'] });
    expect(r.problems).toEqual([]);
    const f = r.findings.find((x) => x.ruleId === 'leak-preprocessing')!;
    // Cell 5 of the document (the markdown cell counts), its 4th line.
    expect(f.location.cell).toEqual({ cell: 5, executionCount: 4, line: 4 });
    expect(text.split('\n')[f.location.line - 1]).toContain('MinMaxScaler().fit_transform');
  });

  it('reports a syntax error in one cell and still reviews the others', async () => {
    const text = notebook([
      { source: ['import numpy as np', 'x = np.random.rand(3)'], count: 1 },
      { source: ['def broken(:', '    pass'], count: 2 },
    ]);
    const r = await reviewSources([
      { path: 'nb.ipynb', text },
      { path: 'bad.ipynb', text: 'nope' },
    ]);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^syntax error in cell 2, line 1/),
      expect.stringMatching(/not a notebook/),
    ]);
    expect(r.findings.map((f) => f.ruleId)).toContain('repro-unseeded');
  });
});
