/**
 * The third round of data-flow capabilities (issue 16's gaps found on held-out v2): each behaviour with a leaky
 * program (the lines that must be reported marked `# <- rule`) and its fixed twin, which must report nothing.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';

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

describe('literals: f-strings, numbers, joined column lists, parsed dates', () => {
  const selection = (final: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

def evaluate(model, features, labels):
    return f1_score(labels, model.predict(features))${final ? '' : '  # <- leak-selection'}

X, y = pd.read_csv("x.csv"), pd.read_csv("y.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
scores = {}
for name, model in {"lr": LogisticRegression(), "rf": RandomForestClassifier()}.items():
    model.fit(X_fit, y_fit)
    scores[name] = evaluate(model, X_val, y_val)
best = max(scores, key=scores.get)
${final}
`;
  it('a validation choice with no test evaluation is selection', () => check(selection('')));
  it('the final test evaluation written inside an f-string is the untouched hold-out', () =>
    check(
      selection(
        'print(f"test F1 of {best}: {evaluate(RandomForestClassifier().fit(X_train, y_train), X_test, y_test):.3f}")',
      ),
    ));

  it('a number bound to a name is no data: Keras early stopping on the test set is found', () =>
    check(`
import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
num_classes = 10
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)
model = keras.Sequential([keras.layers.Dense(num_classes)])
stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
model.fit(x_train, y_train, validation_data=(x_test, y_test), callbacks=[stop])  # <- leak-selection
print(model.evaluate(x_test, y_test))
`));

  it('the same with validation_split: nothing', () =>
    check(`
import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
num_classes = 10
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)
model = keras.Sequential([keras.layers.Dense(num_classes)])
stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=3)
model.fit(x_train, y_train, validation_split=0.1, callbacks=[stop])
print(model.evaluate(x_test, y_test))
`));

  const joined = (extra: string) => `
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR
NUMERIC = ["sqft", "rooms"]
houses = pd.read_csv("houses.csv")
tr, te = train_test_split(houses, random_state=0)
SVR().fit(tr[NUMERIC + ["${extra}"]], tr["price"]).score(te[NUMERIC + ["${extra}"]], te["price"])${extra === 'price' ? '  # <- leak-target' : ''}
`;
  it('the target among columns joined with + is found', () => check(joined('price')));
  it('columns joined with + are still a selection of columns: without the target, nothing', () =>
    check(joined('age')));

  it('parse_dates alone does not make a time series; a parsed date as the index does', () =>
    check(`
import pandas as pd
from sklearn.model_selection import train_test_split
listings = pd.read_csv("listings.csv", parse_dates=["last_review"])
a_train, a_test = train_test_split(listings, random_state=0)
prices = pd.read_csv("prices.csv", parse_dates=["day"], index_col="day")
b_train, b_test = train_test_split(prices, random_state=0)  # <- leak-time-split
`));
});

describe('resampling before the data is divided', () => {
  it('undersampling before cross-validation and before a split', () =>
    check(`
from imblearn.under_sampling import NearMiss, RandomUnderSampler
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import cross_validate, train_test_split

X, y = make_classification(weights=[0.95], random_state=0)
X_res, y_res = RandomUnderSampler(random_state=0).fit_resample(X, y)  # <- leak-overlap
print(cross_validate(HistGradientBoostingClassifier(), X_res, y_res)["test_score"].mean())
X_nm, y_nm = NearMiss().fit_resample(X, y)  # <- leak-overlap
X_train, X_test, y_train, y_test = train_test_split(X_nm, y_nm, random_state=0)
print(HistGradientBoostingClassifier().fit(X_train, y_train).score(X_test, y_test))
`));

  it('undersampling inside an imblearn pipeline, or of the training part only: nothing', () =>
    check(`
from imblearn.pipeline import make_pipeline
from imblearn.under_sampling import NearMiss, RandomUnderSampler
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import cross_validate, train_test_split

X, y = make_classification(weights=[0.95], random_state=0)
model = make_pipeline(RandomUnderSampler(random_state=0), HistGradientBoostingClassifier())
print(cross_validate(model, X, y)["test_score"].mean())
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_nm, y_nm = NearMiss().fit_resample(X_train, y_train)
print(HistGradientBoostingClassifier().fit(X_nm, y_nm).score(X_test, y_test))
`));

  it('oversampling by hand with np.random.choice before the split', () =>
    check(`
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

df = pd.read_csv("claims.csv")
pos = np.flatnonzero(df["fraud"] == 1)
idx = np.concatenate([np.flatnonzero(df["fraud"] == 0), np.random.choice(pos, 5000)])
balanced = df.iloc[idx]  # <- leak-overlap
X_train, X_test, y_train, y_test = train_test_split(balanced.drop(columns="fraud"), balanced["fraud"], random_state=0)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`));

  it('the same oversampling of the training part only: nothing', () =>
    check(`
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

X, y = np.load("x.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
pos = np.flatnonzero(y_train == 1)
idx = np.concatenate([np.flatnonzero(y_train == 0), np.random.choice(pos, 5000)])
print(LogisticRegression().fit(X_train[idx], y_train[idx]).score(X_test, y_test))
`));
});
