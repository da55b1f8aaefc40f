/**
 * The twenty-fourth round of data-flow capabilities (issue 16; held-out v24's failures, tuning data since its report;
 * v25 frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a whitening matrix learnt by np.cov and np.linalg, applied to both parts', () => {
  const prog = (fitOn: string, mark = '') => `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X = np.load("leaves.npy")
y = np.load("families.npy")
def zca_fit(data, eps=1e-2):
    mean = data.mean(axis=0)
    cov = np.cov(data - mean, rowvar=False)${mark}
    vals, vecs = np.linalg.eigh(cov)
    return mean, vecs @ np.diag(1.0 / np.sqrt(vals + eps)) @ vecs.T
def zca_apply(data, mean, w):
    return (data - mean) @ w
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=17)
mean, w = zca_fit(${fitOn})
X_train, X_test = zca_apply(X_train, mean, w), zca_apply(X_test, mean, w)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`;
  it('fit on the training leaves (nothing)', async () => {
    await check(prog('X_train'));
  });
  it('fit on every leaf, reported', async () => {
    await check(
      prog('X', '  # <- leak-preprocessing').replace(
        '    mean = data.mean(axis=0)',
        '    mean = data.mean(axis=0)  # <- leak-preprocessing',
      ),
    );
  });
});

describe('pd.Categorical with the categories read from the whole table', () => {
  const prog = (fitOn: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
tests = pd.read_csv("tests.csv")
centres = sorted(tests["test_centre"].dropna().unique())
train = tests[tests["test_date"] < "2023-07-01"]
test = tests[tests["test_date"] >= "2023-07-01"]
def design(frame):
    dummies = pd.get_dummies(pd.Categorical(frame["test_centre"], categories=centres), dtype=float)
    return np.hstack([frame[["age", "lessons_taken"]].to_numpy(), dummies.to_numpy()])
m = LogisticRegression().fit(design(${fitOn}), ${fitOn}["passed"].to_numpy())${mark}
print(m.score(design(test), test["passed"].to_numpy()))
`;
  it('the list of categories is names, not rows: fit on the training part (nothing)', async () => {
    await check(prog('train'));
  });
  it('fit on every row, the test part included, reported', async () => {
    await check(prog('tests', '  # <- leak-overlap'));
  });
});
