/**
 * The thirteenth round of data-flow capabilities (issue 16; misses of the reported held-out sets v11 and v12, tuning
 * data): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs that
 * must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';

async function check(source: string, path = 'prog.py'): Promise<void> {
  const text = source.replace(/^\n/, '');
  const expected = text
    .split('\n')
    .flatMap((l, i) => [...l.matchAll(/# <- (leak-[a-z-]+)/g)].map((m) => `${m[1]}@${i + 1}`));
  const r = await reviewSources([{ path, text }], { families: ['leakage'] });
  expect(r.problems).toEqual([]);
  const got = r.findings.map((f) => `${f.ruleId}@${f.location.line}`);
  expect(got.sort()).toEqual(expected.sort());
}

describe('a predefined training part transformed whole, then cut into the parts trained and scored', () => {
  const prog = (vectorise: string, tail = '') => `
import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
ds = load_dataset("yelp_polarity", split="train")
docs = np.array(ds["text"])
stars = np.array(ds["label"])
vec = TfidfVectorizer(min_df=2)
${vectorise}
clf = LogisticRegression(max_iter=500).fit(A_fit, b_fit)
print(clf.score(A_val, b_val))
${tail}`;

  it('the vectorizer fit on every row of the training part, the part then cut in two: reported', async () => {
    await check(
      prog(`A = vec.fit_transform(docs)  # <- leak-preprocessing
A_fit, A_val, b_fit, b_val = train_test_split(A, stars, test_size=0.2, random_state=0)`),
    );
  });

  it('cut first, the vectorizer fit on the part trained on: nothing', async () => {
    await check(
      prog(`d_fit, d_val, b_fit, b_val = train_test_split(docs, stars, test_size=0.2, random_state=0)
A_fit = vec.fit_transform(d_fit)
A_val = vec.transform(d_val)`),
    );
  });

  it('fit on the whole training part, a validation part carved from it, and the predefined test part scored: nothing', async () => {
    await check(
      prog(
        `A = vec.fit_transform(docs)
A_fit, A_val, b_fit, b_val = train_test_split(A, stars, test_size=0.2, random_state=0)`,
        `held = load_dataset("yelp_polarity", split="test")
print(clf.score(vec.transform(held["text"]), held["label"]))`,
      ),
    );
  });
});

describe('a frame split by its index, its parts taken by df.loc[part]', () => {
  const prog = (choose: string, parts: string, report: string, mark = '') => `
import itertools
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("gearbox.csv")
y = df["failed"]
blocks = {"vibration": ["rms", "peak"], "oil": ["viscosity", "particles"], "temp": ["t_in", "t_out"]}
train_idx, test_idx = train_test_split(df.index, test_size=0.3, random_state=0)
${choose}

def accuracy(cols, fit_rows, eval_rows):
    model = RandomForestClassifier(random_state=0).fit(df.loc[fit_rows, cols], y[fit_rows])
    return model.score(df.loc[eval_rows, cols], y[eval_rows])${mark}

scores = []
for combo in itertools.combinations(blocks, 2):
    cols = [c for b in combo for c in blocks[b]]
    scores.append((accuracy(cols, ${parts}), combo))
best, combo = max(scores)
${report}
`;

  it('feature blocks chosen by the score on the test part, that score reported: reported', async () => {
    await check(prog('', 'train_idx, test_idx', 'print("test accuracy", best)', '  # <- leak-selection'));
  });

  it('chosen on a validation part of the training rows, the test part scored once: nothing', async () => {
    await check(
      prog(
        'fit_idx, val_idx = train_test_split(train_idx, test_size=0.25, random_state=0)',
        'fit_idx, val_idx',
        'print("test accuracy", accuracy([c for b in combo for c in blocks[b]], train_idx, test_idx))',
      ),
    );
  });
});
