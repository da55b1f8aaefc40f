/**
 * The flow interpreter (src/analysis/review/flow/interpret.ts) on false alarms found on real notebooks it was never
 * tuned on (issue 16, data/review-wild): each behaviour with a program that must report nothing and its leaky
 * counterpart, the lines that must be reported marked `# <- rule`. Written for these tests, not copied from the
 * notebooks.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../../src/analysis/review/index.js';

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

describe('a prediction belongs to the fit before it, not to a later refit', () => {
  const prog = (firstFit: string, mark = '') => `
from sklearn.datasets import load_iris
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
X, y = load_iris(return_X_y=True)
model = KNeighborsClassifier(n_neighbors=1)
X1, X2, y1, y2 = train_test_split(X, y, random_state=0, train_size=0.5)
y2_model = model.fit(${firstFit}).predict(X2)${mark}
y1_model = model.fit(X2, y2).predict(X1)
print(accuracy_score(y1, y1_model), accuracy_score(y2, y2_model))
`;
  it('two-fold by hand (each half predicted by the model of the other): nothing', () =>
    check(prog('X1, y1')));
  it('the first model fit on all rows still overlaps the half it predicts', () =>
    check(prog('X, y', '  # <- leak-overlap')));
  it('predictions kept, model refit on everything, then scored: the scored predictions are still held out', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
X, y = df.drop(columns=["y"]), df["y"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
clf = LogisticRegression()
pred = clf.fit(X_tr, y_tr).predict(X_te)
clf.fit(X, y)
print((pred == y_te).mean())
`));
});

describe('a comparison that only chooses how something is shown chooses nothing', () => {
  const prog = (loop: string) => `
import matplotlib.pyplot as plt
from sklearn.datasets import fetch_lfw_people
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.svm import SVC
faces = fetch_lfw_people(min_faces_per_person=60)
Xtrain, Xtest, ytrain, ytest = train_test_split(faces.data, faces.target, random_state=42)
grid = GridSearchCV(SVC(probability=True), {"C": [1, 5, 10]})
grid.fit(Xtrain, ytrain)
model = grid.best_estimator_
yfit = model.predict(Xtest)
proba = model.predict_proba(Xtest)[:, 1]
fig, ax = plt.subplots(4, 6)
${loop}
`;
  it('test predictions coloured by whether they are right (a style keyword, a display call): nothing', () =>
    check(
      prog(`for i, axi in enumerate(ax.flat):
    axi.imshow(Xtest[i].reshape(62, 47), cmap="bone")
    axi.set_ylabel(faces.target_names[yfit[i]], color="black" if yfit[i] == ytest[i] else "red")
    print("ok" if yfit[i] == ytest[i] else "wrong")`),
    ));
  it('a threshold kept by its test accuracy in a conditional expression still selects', () =>
    check(
      prog(`best_t, best_acc = 0.5, 0.0
for t in [0.3, 0.5, 0.7]:
    acc = ((proba >= t) == ytest).mean()  # <- leak-selection
    best_t = t if acc > best_acc else best_t
print(best_t)`),
    ));
});

describe("a scikit-learn data set's .data is its feature matrix, not a label column", () => {
  const prog = (features: string, labels: string, mark = '') => `
import numpy as np
from sklearn.datasets import fetch_openml
from sklearn.neighbors import KNeighborsClassifier
mnist = fetch_openml("mnist_784", version=1, as_frame=False)
X, y = mnist["data"], mnist["target"]
X_train, X_test, y_train, y_test = X[:60000], X[60000:], y[:60000], y[60000:]
noise = np.random.randint(0, 100, (len(X_train), 784))
X_train_mod = ${features}
knn_clf = KNeighborsClassifier()
knn_clf.fit(X_train_mod, ${labels})${mark}
`;
  it('a denoiser: noisy images in, the clean images (its own input) as the output: nothing', () =>
    check(prog('X_train + noise', 'X_train')));
  it('the digit label added to the pixels is still a target leak', () =>
    check(prog('X_train + noise + y_train.astype(int).reshape(-1, 1)', 'y_train', '  # <- leak-target')));
});

describe('file listings: different patterns are different files', () => {
  const prog = (trainPattern: string, mark = '') => `
import os
from pathlib import Path
import tensorflow as tf
from tensorflow import keras

def save_fig(fig_id):
    path = os.path.join("images", fig_id + ".png")
    print(path)

data_dir = Path(filepath).parent
train_files = sorted([str(path) for path in data_dir.glob("${trainPattern}")])
eval_files = sorted([str(path) for path in data_dir.glob("eval.tfrecord-*")])
train_set = tf.data.TFRecordDataset(train_files)
valid_set = tf.data.TFRecordDataset(eval_files[:5])
test_set = tf.data.TFRecordDataset(eval_files[5:])
model = keras.models.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit(train_set, epochs=2, validation_data=valid_set)${mark}
model.evaluate(test_set)
`;
  it('training files and evaluation files globbed from one directory: nothing', () =>
    check(prog('training.tfrecord-*')));
  it('the evaluation files globbed again for training overlap the test part', () =>
    check(prog('eval.tfrecord-*', '  # <- leak-overlap')));
});

describe("an ensemble's fitted members (estimators_) are models fit on the ensemble's data", () => {
  const prog = (members: string, mark = '') => `
from sklearn.datasets import load_digits
from sklearn.ensemble import RandomForestClassifier, VotingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
voting_clf = VotingClassifier([("lr", LogisticRegression()), ("rf", RandomForestClassifier())])
voting_clf.fit(X_fit, y_fit)
print([estimator.score(${members}) for estimator in voting_clf.estimators_])${mark}
print(voting_clf.score(X_test, y_test))
`;
  it('members compared on the validation part, the ensemble scored once on the test set: nothing', () =>
    check(prog('X_val, y_val')));
  it('members and the ensemble compared on the test set: selection', () =>
    check(prog('X_test, y_test', '  # <- leak-selection')));
});

describe('lag features in notebook cells that define the same column again', () => {
  const cell = (lag: string, features = 'lag_1', label = 'sales') => `
df = average_sales.to_frame()
df["lag_1"] = df["sales"]${lag}
X = df.loc[:, ["${features}"]]
X.dropna(inplace=True)
y = df.loc[:, "${label}"]
y, X = y.align(X, join="inner")
model = LinearRegression()
model.fit(X, y)`;
  const head = `
import pandas as pd
from sklearn.linear_model import LinearRegression
average_sales = pd.read_csv("sales.csv", index_col="date", parse_dates=["date"])["sales"]`;
  it('y.align(X) keeps each its own columns: a lag-1 feature of the target is the past, nothing', () =>
    check(`${head}${cell('.shift(1)')}\n`));
  it('the same column defined without a shift in an earlier cell, with one in the last: only the earlier is a leak', () =>
    check(
      `${head}${cell('')}  # <- leak-target${cell('.shift(-1)')}  # <- leak-target${cell('.shift(1)')}\n`,
    ));
  it('target and lag swapped (yesterday predicted from today): the feature is the row after the label', () =>
    check(`${head}${cell('.shift(1)', 'sales', 'lag_1')}  # <- leak-target\n`));
});

describe('X_train.align(X_valid) keeps the parts apart', () => {
  it('one-hot columns aligned between the training and validation parts: no overlap', () =>
    check(`
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
X = pd.read_csv("train.csv")
y = X.pop("SalePrice")
X_train, X_valid, y_train, y_valid = train_test_split(X, y, random_state=0)
X_train = pd.get_dummies(X_train)
X_valid = pd.get_dummies(X_valid)
X_train, X_valid = X_train.align(X_valid, join="left", axis=1)
model = RandomForestRegressor(random_state=0).fit(X_train, y_train)
print(model.score(X_valid, y_valid))
`));
});

describe('shift(i) for i in range(…) with known bounds reads those rows back', () => {
  const prog = (start: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
flu_trends = pd.read_csv("flu-trends.csv")
def make_lags(ts, lags):
    return pd.concat({f"y_lag_{i}": ts.shift(i) for i in range(${start}, lags + 1)}, axis=1)
X = make_lags(flu_trends.FluVisits, lags=4).fillna(0.0)
y = flu_trends.FluVisits.copy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=60, shuffle=False)
model = LinearRegression()
model.fit(X_train, y_train)${mark}
`;
  it('lags 1 to 4 of the target: the past, nothing', () => check(prog('1')));
  it('lags 0 to 4: lag 0 is the target itself', () => check(prog('0', '  # <- leak-target')));
});

describe('df.loc[part.index] keeps the rows that part brought', () => {
  const prog = (data: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split
houses_a = pd.read_csv("houses_a.csv", index_col="Id")
houses_b = pd.read_csv("houses_b.csv", index_col="Id")
df = pd.concat([houses_a, houses_b])
houses_a = df.loc[houses_a.index, :]
houses_b = df.loc[houses_b.index, :]
data = ${data}${mark}
y = data.pop("SalePrice")
X_train, X_test, y_train, y_test = train_test_split(data, y, random_state=0)
print(GradientBoostingRegressor().fit(X_train, y_train).score(X_test, y_test))
`;
  it('two files merged, taken apart by their ids and put together again: each row once, nothing', () =>
    check(prog('pd.concat([houses_a, houses_b])')));
  it('one of them twice is a copy before the split', () =>
    check(prog('pd.concat([houses_a, houses_b, houses_b])', '  # <- leak-overlap')));
});

describe('drop_duplicates of a lookup table merged into a part is no deduplication of the data', () => {
  const prog = (after: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LinearRegression
customer = pd.read_csv("customer.csv")
df_train = customer.sample(frac=0.5, random_state=0)
df_valid = customer.drop(df_train.index)
df_train["AverageClaim"] = df_train.groupby("Coverage")["ClaimAmount"].transform("mean")
df_valid = df_valid.merge(df_train[["Coverage", "AverageClaim"]].drop_duplicates(), on="Coverage", how="left")
${after}${mark}
model = LinearRegression().fit(df_train[["AverageClaim"]], df_train["Income"])
print(model.score(df_valid[["AverageClaim"]], df_valid["Income"]))
`;
  it("the training part's per-coverage averages merged into the validation part: nothing", () =>
    check(prog('print(len(df_valid))')));
  it('duplicates dropped from the training part only, after the split: still reported', () =>
    check(prog('df_train = df_train.drop_duplicates()', '  # <- leak-overlap')));
});

describe('groupby(k).transform(user_function) runs the function on each group', () => {
  const prog = (body: string) => `
import lightgbm as lgb
import pandas as pd
ks = pd.read_csv("ks.csv", parse_dates=["launched"])
def per_category(series):
    return ${body}
df = ks[["category", "launched"]].sort_values("launched")
timedeltas = df.groupby("category").transform(per_category)  # MARK
data = ks[["goal", "outcome"]].join(timedeltas)
n = len(data) // 10
train, valid, test = data[:-2 * n], data[-2 * n:-n], data[-n:]
cols = train.columns.drop("outcome")
bst = lgb.train({"objective": "binary"}, lgb.Dataset(train[cols], label=train["outcome"]), num_boost_round=100)
print(bst.predict(test[cols]))
`;
  it('the time since the previous project of its category (diff): a value per row, nothing', () =>
    check(prog('series.diff().dt.total_seconds() / 3600.0').replace('  # MARK', '')));
  it("each project's distance from its category's mean: a statistic of all rows", () =>
    check(prog('(series - series.mean()).dt.total_seconds()').replace('# MARK', '# <- leak-preprocessing')));
});
