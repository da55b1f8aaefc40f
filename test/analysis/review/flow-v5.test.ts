/**
 * The fifth round of data-flow capabilities (issue 16's false alarms and misses on held-out v4): each behaviour
 * with a leaky program (the lines that must be reported marked `# <- rule`) and its fixed twin, which must report
 * nothing. The programs are written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe("LightGBM's reference= dataset lends bin edges, not rows", () => {
  it('a validation Dataset made with reference=train_set is no overlap with training', () =>
    check(`
import lightgbm as lgb
import pandas as pd
from sklearn.model_selection import train_test_split
df_train = pd.read_csv("train.csv")
y_train = df_train[0]
X_train = df_train.drop(0, axis=1)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=0)
lgb_train = lgb.Dataset(X_fit, y_fit)
lgb_eval = lgb.Dataset(X_val, y_val, reference=lgb_train)
gbm = lgb.train({}, lgb_train, num_boost_round=200, valid_sets=lgb_eval, callbacks=[lgb.early_stopping(stopping_rounds=5)])
`));
});

describe('statistics of the training part, then a validation part carved from it', () => {
  const prog = (stats: string, mark = '') => `
import numpy as np
x = np.load("x.npy")
y = np.load("y.npy")
cut = int(0.8 * len(x))
x_train, x_test, y_train, y_test = x[:cut], x[cut:], y[:cut], y[cut:]
mu = ${stats}.mean(0)${mark}
x_train, x_test = x_train - mu, x_test - mu
n_val = len(x_train) // 5
x_fit, x_val, y_fit, y_val = x_train[:-n_val], x_train[-n_val:], y_train[:-n_val], y_train[-n_val:]
from sklearn.linear_model import SGDClassifier
clf = SGDClassifier().fit(x_fit, y_fit)
print(clf.score(x_val, y_val), clf.score(x_test, y_test))
`;
  it('a mean of the training part only: the test set stays unseen, nothing', () => check(prog('x_train')));
  it('a mean of all rows still reaches the test set', () => check(prog('x', '  # <- leak-preprocessing')));
});

describe('frequency encoding: value_counts is a statistic of the rows it counts', () => {
  const prog = (encode: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("tx.csv")
${encode}
train, test = train_test_split(df, random_state=0)
clf = LogisticRegression().fit(train[["amount", "m_freq"]], train["fraud"])
print(clf.score(test[["amount", "m_freq"]], test["fraud"]))
`;
  it('counts of all rows mapped back onto them', () =>
    check(prog('df["m_freq"] = df["m"].map(df["m"].value_counts(normalize=True))  # <- leak-preprocessing')));
  it('counts through a dict', () =>
    check(
      prog(
        'counts = df["m"].value_counts().to_dict()  # <- leak-preprocessing\ndf["m_freq"] = df["m"].map(counts)',
      ),
    ));
  it('counts of the training part mapped onto both parts: nothing', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("tx.csv")
train, test = train_test_split(df, random_state=0)
freq = train["m"].value_counts(normalize=True)
train["m_freq"] = train["m"].map(freq)
test["m_freq"] = test["m"].map(freq).fillna(0.0)
clf = LogisticRegression().fit(train[["amount", "m_freq"]], train["fraud"])
print(clf.score(test[["amount", "m_freq"]], test["fraud"]))
`));
});

describe('rows expanded by a count before the split: copies on both sides', () => {
  const prog = (expand: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
agg = pd.read_csv("agg.csv")
rows = ${expand}${mark}
X_tr, X_te, y_tr, y_te = train_test_split(rows[["a", "b"]], rows["y"], random_state=0)
clf = LogisticRegression().fit(X_tr, y_tr)
print(clf.score(X_te, y_te))
`;
  it('df.loc[df.index.repeat(n)]', () =>
    check(prog('agg.loc[agg.index.repeat(agg["n"])].reset_index(drop=True)', '  # <- leak-overlap')));
  it('df.reindex(df.index.repeat(n))', () =>
    check(prog('agg.reindex(agg.index.repeat(agg["n"]))', '  # <- leak-overlap')));
  it('df.take(np.repeat(positions, n))', () =>
    check(prog('agg.take(np.repeat(np.arange(len(agg)), agg["n"]))', '  # <- leak-overlap')));
  it('the rows as they are: nothing', () => check(prog('agg.reset_index(drop=True)')));
});

describe('staged predictions of a boosting model: one model per number of stages', () => {
  const prog = (data: string, after: string, mark = '') => `
import numpy as np
import matplotlib.pyplot as plt
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split
X, y = np.load("X.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=13)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
reg = GradientBoostingRegressor(n_estimators=500).fit(X_fit, y_fit)
score = np.zeros((500,), dtype=np.float64)
for i, y_pred in enumerate(reg.staged_predict(${data})):
    score[i] = mean_squared_error(${data.replace('X', 'y')}, y_pred)${mark}
${after}
`;
  const final = 'best_n = int(np.argmin(score)) + 1';
  it('the number of stages chosen by the test error', () =>
    check(prog('X_test', final, '  # <- leak-selection')));
  it('chosen by a validation part, the test set scored once: nothing', () =>
    check(
      prog(
        'X_val',
        `${final}\nbest = GradientBoostingRegressor(n_estimators=best_n).fit(X_train, y_train)\nprint(mean_squared_error(y_test, best.predict(X_test)))`,
      ),
    ));
  it('the test error of every stage only plotted: nothing', () => check(prog('X_test', 'plt.plot(score)')));
});

describe('forecasting models: a forecast of the held-out periods is scored on them', () => {
  const prog = (loopBody: string, after = '') => `
import itertools
import numpy as np
import pandas as pd
from statsmodels.tsa.arima.model import ARIMA
sales = pd.read_csv("sales.csv", index_col="month", parse_dates=True)["units"]
train, test = sales[:-12], sales[-12:]
best = None
for p, d, q in itertools.product(range(3), range(2), range(3)):
    fitted = ARIMA(train, order=(p, d, q)).fit()
${loopBody}
${after}
`;
  it('the order chosen by the forecast error of the test months (steps=len(test))', () =>
    check(
      prog(
        '    err = np.mean(np.abs(test - fitted.forecast(steps=len(test))))  # <- leak-selection\n    if best is None or err < best[0]:\n        best = (err, (p, d, q))',
      ),
    ));
  it('the same with a literal horizon', () =>
    check(
      prog(
        '    err = np.mean(np.abs(test.values - fitted.forecast(12).values))  # <- leak-selection\n    if best is None or err < best[0]:\n        best = (err, (p, d, q))',
      ),
    ));
  it('the order chosen by AIC, the test months forecast once: nothing', () =>
    check(
      prog(
        '    if best is None or fitted.aic < best[0]:\n        best = (fitted.aic, (p, d, q))',
        'forecast = ARIMA(train, order=best[1]).fit().forecast(steps=len(test))\nprint(np.mean(np.abs(test - forecast)))',
      ),
    ));
});

describe('NumPy polynomial fits are models', () => {
  const prog = (pick: string, after = '') => `
import numpy as np
data = np.loadtxt("runs.csv", delimiter=",")
x, y = data[:, 0], data[:, 1]
order = np.random.default_rng(0).permutation(len(x))
fit_idx, val_idx, test_idx = order[:60], order[60:80], order[80:]
results = []
for degree in range(1, 8):
    coeffs = np.polyfit(x[fit_idx], y[fit_idx], degree)
    err = np.mean((np.polyval(coeffs, x[${pick}]) - y[${pick}]) ** 2)${pick === 'test_idx' ? '  # <- leak-selection' : ''}
    results.append((err, degree, coeffs))
best_err, best_degree, best_coeffs = min(results, key=lambda t: t[0])
${after}
`;
  it('the degree chosen by the test error', () => check(prog('test_idx')));
  it('chosen by a validation part, the chosen polynomial scored once on the test part: nothing', () =>
    check(prog('val_idx', 'print(np.mean((np.polyval(best_coeffs, x[test_idx]) - y[test_idx]) ** 2))')));
  it('np.poly1d and Polynomial.fit predict when called', () =>
    check(`
import numpy as np
from numpy.polynomial import Polynomial
x, y = np.load("x.npy"), np.load("y.npy")
x_tr, x_te, y_tr, y_te = x[:80], x[80:], y[:80], y[80:]
errs = {}
for deg in (1, 2, 3, 4):
    p = Polynomial.fit(x_tr, y_tr, deg)
    errs[deg] = np.abs(p(x_te) - y_te).mean()  # <- leak-selection
best = min(errs, key=errs.get)
`));
});

describe('a Keras callback class of the program runs after each epoch with self.model the model in training', () => {
  const prog = (data: string, mark = '') => `
import numpy as np
from sklearn.metrics import roc_auc_score
from tensorflow import keras
class StopOnAuc(keras.callbacks.Callback):
    def __init__(self, x, y):
        super().__init__()
        self.x, self.y, self.best = x, y, 0.0
    def on_epoch_end(self, epoch, logs=None):
        auc = roc_auc_score(self.y, self.model.predict(self.x, verbose=0))${mark}
        if auc <= self.best:
            self.model.stop_training = True
        self.best = max(self.best, auc)
x, y = np.load("x.npy"), np.load("y.npy")
x_train, x_test, y_train, y_test = x[:800], x[800:], y[:800], y[800:]
x_fit, x_val, y_fit, y_val = x_train[:600], x_train[600:], y_train[:600], y_train[600:]
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile("adam", "binary_crossentropy")
model.fit(x_fit, y_fit, epochs=50, callbacks=[StopOnAuc(${data})])
print(roc_auc_score(y_test, model.predict(x_test)))
`;
  it('stopping when the test AUC stops improving', () =>
    check(prog('x_test, y_test', '  # <- leak-selection')));
  it('stopping on a validation part: nothing', () => check(prog('x_val, y_val')));
});

describe("a fit's history holds the scores on its validation_data / eval_set", () => {
  const prog = (val: string, after: string, mark = '') => `
import numpy as np
import matplotlib.pyplot as plt
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train, x_val, y_train, y_val = x_train[:-5000], x_train[-5000:], y_train[:-5000], y_train[-5000:]
def make(units):
    m = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(units), keras.layers.Dense(10)])
    m.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    return m
curves = {}
for units in [32, 64, 128]:
    hist = make(units).fit(x_train, y_train, epochs=5, validation_data=(${val}))
    curves[units] = hist.history["val_accuracy"]${mark}
best = max(curves, key=lambda u: max(curves[u]))
${after}
`;
  it('hidden units chosen by the history of the test images', () =>
    check(prog('x_test, y_test', '', '  # <- leak-selection')));
  it('chosen by a validation part, the chosen size scored once on the test images: nothing', () =>
    check(prog('x_val, y_val', 'print(make(best).fit(x_train, y_train).evaluate(x_test, y_test))')));
  it('one model watching the test images, its curve plotted: nothing', () =>
    check(`
import matplotlib.pyplot as plt
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
m = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(10)])
m.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
history = m.fit(x_train, y_train, epochs=5, validation_data=(x_test, y_test))
plt.plot(history.history["val_loss"])
print(m.evaluate(x_test, y_test))
`));
});

describe('permutation_importance scores the model on the data it is given', () => {
  const prog = (x: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split
df = pd.read_csv("houses.csv")
X, y = df.drop(columns=["price"]), df["price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=1)
rf = RandomForestRegressor().fit(X_fit, y_fit)
imp = permutation_importance(rf, ${x}, ${x.replace('X', 'y')}, n_repeats=5)${mark}
keep = [c for c, m in zip(X.columns, imp.importances_mean) if m > 0]
small = RandomForestRegressor().fit(X_train[keep], y_train)
print(small.score(X_test[keep], y_test))
`;
  it('features kept by their importance on the test set, then scored on it', () =>
    check(
      prog('X_test').replace(
        'print(small.score(X_test[keep], y_test))',
        'print(small.score(X_test[keep], y_test))  # <- leak-selection',
      ),
    ));
  it('importances on a validation part: nothing', () => check(prog('X_val')));
});

describe('the columns a ColumnTransformer names are the features', () => {
  const prog = (num: string, remainder = '', mark = '') => `
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
claims = pd.read_csv("claims.csv")
pre = ColumnTransformer([("cat", OneHotEncoder(), ["region", "vehicle"]), ("num", StandardScaler(), ${num})]${remainder})
clf = make_pipeline(pre, LogisticRegression())
X_train, X_test, y_train, y_test = train_test_split(claims, claims["fraud"], random_state=2)
clf.fit(X_train, y_train)${mark}
print(clf.score(X_test, y_test))
`;
  it('the whole frame given, but only named columns used: nothing', () => check(prog('["age", "premium"]')));
  it('the target among the named columns', () =>
    check(prog('["age", "premium", "fraud"]', '', '  # <- leak-target')));
  it('a column named as an investigation result among them', () =>
    check(prog('["age", "investigation_result"]', '', '  # <- leak-target')));
  it('remainder="passthrough" keeps the target', () =>
    check(prog('["age", "premium"]', ', remainder="passthrough"', '  # <- leak-target')));
});

describe('columns of a frame by dtype, and columns named elsewhere in the program', () => {
  it('a label code left among the numeric columns', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import LabelEncoder
from tensorflow import keras
t = pd.read_csv("tickets.csv")
t["priority_code"] = LabelEncoder().fit_transform(t["priority"])
num = t.select_dtypes("number").columns.drop(["ticket_id"])
y = keras.utils.to_categorical(t["priority_code"])
LogisticRegression().fit(t[num].to_numpy(), y)  # <- leak-target
`));
  it('the code dropped too: the text column it encodes is not numeric, nothing', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import LabelEncoder
t = pd.read_csv("tickets.csv")
t["priority_code"] = LabelEncoder().fit_transform(t["priority"])
num = t.select_dtypes("number").columns.drop(["ticket_id", "priority_code"])
LogisticRegression().fit(t[num].to_numpy(), t["priority_code"])
`));
  it('a column named after the target, seen in an exploration cell, left in the features', () =>
    check(`
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
apps = pd.read_csv("apps.csv")
apps.groupby("approved")[["income", "approved_limit"]].mean()
X = apps.drop(columns=["id", "approved"]).select_dtypes("number")
RandomForestClassifier().fit(X, apps["approved"])  # <- leak-target
`));
});

describe('a time series shuffled, then cut into parts by position', () => {
  const prog = (shuffle: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("load.csv")
df["lag1"] = df["load"].shift(1)
df = df.dropna()
${shuffle}${mark}
cut = int(0.8 * len(df))
train, test = df.iloc[order[:cut]], df.iloc[order[cut:]]
m = Ridge().fit(train[["lag1"]], train["load"])
print(m.score(test[["lag1"]], test["load"]))
`;
  it('positions from rng.permutation', () =>
    check(prog('order = np.random.default_rng(0).permutation(len(df))', '  # <- leak-time-split')));
  it('positions in time order: nothing', () => check(prog('order = np.arange(len(df))')));
  it('df.sample(frac=1), then slices', () =>
    check(`
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("load.csv")
df["lag1"] = df["load"].shift(1)
df = df.dropna().sample(frac=1.0, random_state=0)  # <- leak-time-split
n = len(df)
train, test = df[: int(0.8 * n)], df[int(0.8 * n) :]
print(Ridge().fit(train[["lag1"]], train["load"]).score(test[["lag1"]], test["load"]))
`));
  it('minibatches of the chronological training part shuffled: nothing', () =>
    check(`
import torch
import pandas as pd
df = pd.read_csv("load.csv")
df["lag1"] = df["load"].shift(1)
X = torch.tensor(df[["lag1"]].to_numpy()[1:])
y = torch.tensor(df["load"].to_numpy()[1:])
cut = int(0.8 * len(X))
X_train, X_test, y_train, y_test = X[:cut], X[cut:], y[:cut], y[cut:]
net = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(10):
    perm = torch.randperm(len(X_train))
    for i in range(0, len(X_train), 64):
        b = perm[i : i + 64]
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(X_train[b]), y_train[b]).backward()
        opt.step()
with torch.no_grad():
    print(torch.nn.functional.mse_loss(net(X_test), y_test).item())
`));
});

describe('a mask and its complement split the rows', () => {
  const prog = (fit: string, parts: string, mark = '') => `
import pandas as pd
import statsmodels.api as sm
from sklearn.preprocessing import StandardScaler
macro = pd.read_csv("macro.csv", index_col="quarter", parse_dates=True)
ind = macro.drop(columns=["gdp"])
${parts}
scaler = StandardScaler().fit(${fit})${mark}
X_train, X_test = scaler.transform(ind[early]), scaler.transform(ind[late])
ols = sm.OLS(macro.loc[early, "gdp"], X_train).fit()
print(((macro.loc[late, "gdp"] - ols.predict(X_test)) ** 2).mean())
`;
  it('a scaler of all quarters, then m / ~m', () =>
    check(prog('ind', 'early = macro.index < "2016-01-01"\nlate = ~early', '  # <- leak-preprocessing')));
  it('a scaler of all quarters, then < / >=', () =>
    check(
      prog(
        'ind',
        'early = macro.index < "2016-01-01"\nlate = macro.index >= "2016-01-01"',
        '  # <- leak-preprocessing',
      ),
    ));
  it('a scaler of the early quarters only: nothing', () =>
    check(prog('ind[early]', 'early = macro.index < "2016-01-01"\nlate = ~early')));
  it('a filter without its complement is no split: nothing', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("cars.csv")
X = StandardScaler().fit_transform(df[["hp", "weight"]])
keep = df["hp"] > 0
LinearRegression().fit(X[keep], df.loc[keep, "mpg"])
`));
  it('statistics by week, then split by week: nothing', () =>
    check(`
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
sales = pd.read_csv("sales.csv")
sales["price_index"] = sales["price"] / sales.groupby("week")["price"].transform("mean")
train = sales[sales["week"] <= 120]
test = sales[sales["week"] > 120]
fit = smf.ols("units ~ price_index", data=train).fit()
print(np.mean(np.abs(test["units"] - fit.predict(test))))
`));
  it("statsmodels' PCA made with all quarters", () =>
    check(`
import pandas as pd
import statsmodels.api as sm
from statsmodels.multivariate.pca import PCA
macro = pd.read_csv("macro.csv", index_col="quarter", parse_dates=True)
split = macro.index < "2016-01-01"
pc = PCA(macro.drop(columns=["gdp"]), ncomp=3)  # <- leak-preprocessing
f = pc.factors
ols = sm.OLS(macro.loc[split, "gdp"], f[split]).fit()
print(((macro.loc[~split, "gdp"] - ols.predict(f[~split])) ** 2).mean())
`));
});

describe('a feature and the label both computed from one column', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
stays = pd.read_csv("stays.csv")
stays["long_stay"] = stays["los_days"] > 7
stays["los_weeks"] = stays["los_days"] // 7
stays["age_decade"] = stays["age"] // 10
LogisticRegression().fit(stays[${features}], stays["long_stay"])${mark}
`;
  it('the stay in weeks beside a label of the stay in days', () =>
    check(prog('["age_decade", "los_weeks"]', '  # <- leak-target')));
  it('features from other columns only: nothing', () => check(prog('["age_decade", "ward"]')));
});

describe('Polars expressions: columns of the frame they are given to', () => {
  const prog = (expr: string, mark = '') => `
import polars as pl
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
df = pl.read_csv("sales.csv")
df = df.with_columns(${expr}.alias("sales_ma7"), pl.col("sales").shift(1).alias("sales_lag1")).drop_nulls()
X = df.drop("sales")
print(cross_val_score(Ridge(), X, df["sales"], cv=TimeSeriesSplit(5)))${mark}
`;
  it('a rolling mean of the target including the current day', () =>
    check(prog('pl.col("sales").rolling_mean(7)', '  # <- leak-target')));
  it('the rolling mean of the days before: nothing', () =>
    check(prog('pl.col("sales").shift(1).rolling_mean(7)')));
  it('select with keyword expressions', () =>
    check(`
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
df = pl.read_parquet("bikes.pq")
lagged = df.select("count", lag_1h=pl.col("count").shift(1), max_24h=pl.col("count").rolling_max(24))
X, y = lagged.drop("count"), lagged["count"]
HistGradientBoostingRegressor().fit(X, y)  # <- leak-target
`));
});

describe('generators, itertools.chain, lambdas bound to names and collate_fn', () => {
  const prog = (tokens: string, mark = '') => `
import itertools
import torch
from torch.utils.data import DataLoader
from torchtext.datasets import AG_NEWS
from torchtext.vocab import build_vocab_from_iterator
train_iter, test_iter = AG_NEWS()
def yield_tokens(it):
    for _, text in it:
        yield text.split()
vocab = build_vocab_from_iterator(yield_tokens(${tokens}), min_freq=3)${mark}
encode = lambda s: vocab(s.split())
def collate(batch):
    labels, texts = [], []
    for label, text in batch:
        labels.append(label)
        texts.append(torch.tensor(encode(text)))
    return torch.tensor(labels), torch.cat(texts)
model = torch.nn.EmbeddingBag(len(vocab), 4)
head = torch.nn.Linear(4, 4)
opt = torch.optim.SGD(list(model.parameters()) + list(head.parameters()), lr=1)
for y, x in DataLoader(train_iter, batch_size=8, collate_fn=collate):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(head(model(x)), y).backward()
    opt.step()
with torch.no_grad():
    right = sum((head(model(x)).argmax(1) == y).sum().item() for y, x in DataLoader(test_iter, collate_fn=collate))
`;
  it('a vocabulary built from the training and test texts', () =>
    check(prog('itertools.chain(train_iter, test_iter)', '  # <- leak-preprocessing')));
  it('from the training texts only: nothing', () => check(prog('train_iter')));
});

describe('a list of rows concatenated with itself holds copies', () => {
  const prog = (grow: string, mark = '') => `
import torch
from torch.utils.data import random_split
def load(path, min_count):
    rows = [torch.tensor([float(v) for v in line.split(",")]) for line in open(path)]
    ${grow}${mark}
    return rows
data = load("rare.csv", 1000)
train_set, test_set = random_split(data, [0.8, 0.2])
net = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for row in train_set:
    opt.zero_grad()
    torch.nn.functional.mse_loss(net(row[:4]), row[4:]).backward()
    opt.step()
with torch.no_grad():
    print(sum(torch.nn.functional.mse_loss(net(row[:4]), row[4:]).item() for row in test_set))
`;
  it('rows = rows + rows until there are enough', () =>
    check(prog('while len(rows) < min_count:\n        rows = rows + rows', '  # <- leak-overlap')));
  it('rows * 3', () => check(prog('rows = rows * 3', '  # <- leak-overlap')));
  it('a loop never entered (len(rows) < 0): nothing', () =>
    check(prog('while len(rows) < 0:\n        rows = rows + rows')));
});

describe('more APIs: scale(), columns chosen by correlations or feature scores, CatBoost, forecasts by predict(start, end), Prophet', () => {
  it('sklearn.preprocessing.scale of all rows', () =>
    check(`
import pandas as pd
from sklearn.preprocessing import scale
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
X = scale(df[["a", "b"]])  # <- leak-preprocessing
X_tr, X_te, y_tr, y_te = train_test_split(X, df["y"], random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`));
  const corr = (frame: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("houses.csv")
train, test = train_test_split(df, random_state=0)
corr = ${frame}.corr(numeric_only=True)["price"].abs()${mark}
features = corr[corr > 0.3].index.drop("price").tolist()
print(LinearRegression().fit(train[features], train["price"]).score(test[features], test["price"]))
`;
  it('features chosen by their correlation with the price over all rows', () =>
    check(corr('df', '  # <- leak-preprocessing')));
  it('over the training rows: nothing', () => check(corr('train')));
  it('features chosen by mutual information over all rows', () =>
    check(`
import numpy as np
import pandas as pd
from sklearn.feature_selection import mutual_info_classif
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
X, y = df.drop(columns=["y"]), df["y"]
mi = mutual_info_classif(X, y)  # <- leak-preprocessing
top = X.columns[np.argsort(mi)[-10:]]
X_tr, X_te, y_tr, y_te = train_test_split(X[top], y, random_state=0)
print(RandomForestClassifier().fit(X_tr, y_tr).score(X_te, y_te))
`));
  const cat = (evalSet: string, kw = '', mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns=["y"]), df["y"], random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, random_state=1)
m = CatBoostClassifier(iterations=2000${kw})
m.fit(X_fit, y_fit, eval_set=${evalSet})${mark}
print(m.score(X_te, y_te))
`;
  it('CatBoost keeps the best iteration on eval_set by default', () =>
    check(cat('(X_te, y_te)', '', '  # <- leak-selection')));
  it('on a validation part: nothing', () => check(cat('(X_val, y_val)')));
  it('use_best_model=False only watches: nothing', () =>
    check(cat('(X_te, y_te)', ', use_best_model=False')));
  it('AutoReg lags chosen by the error of predict(start, end) on the test months', () =>
    check(`
import numpy as np
import pandas as pd
from statsmodels.tsa.ar_model import AutoReg
y = pd.read_csv("y.csv", index_col=0, parse_dates=True)["y"]
train, test = y[:-24], y[-24:]
errs = []
for lags in range(1, 13):
    res = AutoReg(train, lags=lags).fit()
    pred = res.predict(start=len(train), end=len(train) + len(test) - 1)
    errs.append(np.mean((test.values - pred.values) ** 2))  # <- leak-selection
best = int(np.argmin(errs)) + 1
`));
  it('Prophet prior scales chosen by the MAE of the last 90 days', () =>
    check(`
import itertools
import pandas as pd
from prophet import Prophet
from sklearn.metrics import mean_absolute_error
df = pd.read_csv("daily.csv")
train, test = df.iloc[:-90], df.iloc[-90:]
results = []
for cps, sps in itertools.product([0.01, 0.1, 0.5], [1.0, 10.0]):
    m = Prophet(changepoint_prior_scale=cps, seasonality_prior_scale=sps).fit(train)
    fc = m.predict(test[["ds"]])
    results.append((mean_absolute_error(test["y"], fc["yhat"]), cps, sps))  # <- leak-selection
print(min(results))
`));
});

describe("TensorFlow's reduce_* statistics and copies appended in a pass over the rows", () => {
  it('a mean image of the training and test images', () =>
    check(`
import tensorflow as tf
(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
x_all = tf.concat([x_train, x_test], axis=0)
mean = tf.reduce_mean(tf.cast(x_all, tf.float32), axis=[0, 1, 2])  # <- leak-preprocessing
model = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)])
model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train - mean, y_train, epochs=3)
print(model.evaluate(x_test - mean, y_test))
`));
  const aug = (rows: string, mark = '') => `
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
X = np.load("X.npy")
y = np.load("y.npy")
${rows === 'all' ? '' : 'X, X_te, y, y_te = train_test_split(X, y, random_state=0)\n'}X_aug, y_aug = [], []
for xi, yi in zip(X, y):
    X_aug.append(xi)
    y_aug.append(yi)
    X_aug.append(xi + np.random.normal(0, 0.01, xi.shape))${mark}
    y_aug.append(yi)${mark}
X_aug, y_aug = np.array(X_aug), np.array(y_aug)
${rows === 'all' ? 'X_tr, X_te, y_tr, y_te = train_test_split(X_aug, y_aug, random_state=0)\nprint(SVC().fit(X_tr, y_tr).score(X_te, y_te))' : 'print(SVC().fit(X_aug, y_aug).score(X_te, y_te))'}
`;
  it('a noisy copy of every row appended before the split', () => check(aug('all', '  # <- leak-overlap')));
  it('copies of the training rows only: nothing', () => check(aug('train')));
});

describe("a statsmodels data set's endog and exog are frames of their own", () => {
  const prog = (extra: string, mark = '') => `
import numpy as np
import statsmodels.api as sm
data = sm.datasets.star98.load_pandas()
endog, exog = data.endog, data.exog.copy()
${extra}
held = np.random.default_rng(0).random(len(exog)) < 0.25
res = sm.GLM(endog[~held], exog[~held], family=sm.families.Binomial()).fit()${mark}
print(np.mean((endog["NABOVE"][held] / endog[held].sum(axis=1) - res.predict(exog[held])) ** 2))
`;
  it('a regressor computed from the outcome columns', () =>
    check(
      prog('exog["share"] = endog["NABOVE"] / (endog["NABOVE"] + endog["NBELOW"])', '  # <- leak-target'),
    ));
  it('a regressor computed from other regressors: nothing', () =>
    check(prog('exog["ratio"] = exog["LOWINC"] / exog["PERASIAN"]')));
});

describe('learnt features: cluster labels, embeddings and describe() of all rows', () => {
  const km = (fit: string) => `
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("customers.csv")
num = ["age", "income", "spend"]
${fit}
`;
  it('KMeans segments of all customers as a feature', () =>
    check(
      km(`df["segment"] = KMeans(n_clusters=5).fit_predict(df[num])  # <- leak-preprocessing
X_tr, X_te, y_tr, y_te = train_test_split(df[num + ["segment"]], df["churn"], random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))`),
    ));
  it('segments learnt on the training customers: nothing', () =>
    check(
      km(`train, test = train_test_split(df, random_state=0)
km = KMeans(n_clusters=5).fit(train[num])
train["segment"] = km.predict(train[num])
test["segment"] = km.predict(test[num])
print(LogisticRegression().fit(train[num + ["segment"]], train["churn"]).score(test[num + ["segment"]], test["churn"]))`),
    ));
  it('a UMAP embedding of all rows', () =>
    check(`
import numpy as np
import umap
from sklearn.neighbors import KNeighborsClassifier
from sklearn.model_selection import train_test_split
X, y = np.load("X.npy"), np.load("y.npy")
emb = umap.UMAP(n_components=10).fit_transform(X)  # <- leak-preprocessing
X_tr, X_te, y_tr, y_te = train_test_split(emb, y, random_state=0)
print(KNeighborsClassifier().fit(X_tr, y_tr).score(X_te, y_te))
`));
  it('medians from describe() of all rows', () =>
    check(`
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
df = df.fillna(df.describe().loc["50%"])  # <- leak-preprocessing
X_tr, X_te, y_tr, y_te = train_test_split(df[["a", "b"]], df["y"], random_state=0)
print(RandomForestRegressor().fit(X_tr, y_tr).score(X_te, y_te))
`));
});

describe('loops over columns the program does not name, and Hugging Face DatasetDicts', () => {
  it('features added one at a time by their test R² (a loop over computed column names runs once)', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
features = [c for c in df.columns if c != "y"]
X_tr, X_te, y_tr, y_te = train_test_split(df[features], df["y"], random_state=0)
gains = {}
for f in features:
    m = LinearRegression().fit(X_tr[[f]], y_tr)
    gains[f] = r2_score(y_te, m.predict(X_te[[f]]))  # <- leak-selection
best = max(gains, key=gains.get)
`));
  const hf = (evalSet: string, after: string, mark = '') => `
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments, EarlyStoppingCallback
ds = load_dataset("imdb")
split = ds["train"].train_test_split(test_size=0.1, seed=0)
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
args = TrainingArguments("out", eval_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True)
trainer = Trainer(model=model, args=args, train_dataset=split["train"], eval_dataset=${evalSet}, callbacks=[EarlyStoppingCallback(3)])
trainer.train()${mark}
${after}
`;
  it('early stopping on ds["test"], then the same reported', () =>
    check(hf('ds["test"]', 'print(trainer.evaluate())', '  # <- leak-selection')));
  it('early stopping on a split of the training part, ds["test"] scored once: nothing', () =>
    check(hf('split["test"]', 'print(trainer.evaluate(ds["test"]))')));
});

describe('a label that is a column shifted into the future', () => {
  const prog = (ret: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
df = pd.read_csv("prices.csv")
df["next_close"] = df["close"].shift(-1)
df["ret"] = ${ret}
df = df.dropna()
n = int(len(df) * 0.8)
X, y = df[["close", "volume", "ret"]], df["next_close"]
m = GradientBoostingRegressor().fit(X[:n], y[:n])${mark}
print(m.score(X[n:], y[n:]))
`;
  it("a return computed with the next day's close", () =>
    check(prog('df["close"].pct_change().shift(-1)', '  # <- leak-target')));
  it("today's return: nothing", () => check(prog('df["close"].pct_change()')));
});

describe('augmented copies of images written to disk, then the folder loaded and split', () => {
  const prog = (out: string, load: string, mark = '') => `
from pathlib import Path
import torch
from PIL import Image
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, models, transforms
src, dst = Path("raw"), Path("prepared")
for p in src.glob("*/*.jpg"):
    target = ${out}
    target.mkdir(parents=True, exist_ok=True)
    img = Image.open(p)
    img.save(target / p.name)
    img.transpose(Image.FLIP_LEFT_RIGHT).save(target / f"{p.stem}_flip.jpg")${mark}
${load}
net = models.resnet18(num_classes=3)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for xb, yb in DataLoader(train_ds, batch_size=32):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(net(xb), yb).backward()
    opt.step()
with torch.no_grad():
    print(sum((net(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_ds)))
`;
  it('the folder with the flipped copies loaded whole and split at random', () =>
    check(
      prog(
        'dst / p.parent.name',
        'full = datasets.ImageFolder(dst, transform=transforms.ToTensor())\ntrain_ds, test_ds = random_split(full, [0.8, 0.2])',
        '  # <- leak-overlap',
      ),
    ));
  it('copies written, but the parts are separate folders: nothing', () =>
    check(
      prog(
        'dst / "train" / p.parent.name',
        'train_ds = datasets.ImageFolder(dst / "train", transform=transforms.ToTensor())\ntest_ds = datasets.ImageFolder(Path("holdout"), transform=transforms.ToTensor())',
      ),
    ));
});

describe('Polars select of named columns', () => {
  it('lags only, selected by name: nothing', () =>
    check(`
import polars as pl
from sklearn.linear_model import Ridge
df = pl.read_csv("sales.csv").sort("date")
df = df.with_columns(pl.col("sales").shift(1).alias("lag1"), pl.col("sales").shift(1).rolling_mean(7).alias("ma7")).drop_nulls()
n = int(df.height * 0.8)
train, test = df[:n], df[n:]
m = Ridge().fit(train.select(["lag1", "ma7"]).to_numpy(), train["sales"].to_numpy())
print(m.score(test.select(["lag1", "ma7"]).to_numpy(), test["sales"].to_numpy()))
`));
  it('the target selected among them', () =>
    check(`
import polars as pl
from sklearn.linear_model import Ridge
df = pl.read_csv("sales.csv")
df = df.with_columns(pl.col("sales").shift(1).alias("lag1")).drop_nulls()
Ridge().fit(df.select("lag1", "sales").to_numpy(), df["sales"].to_numpy())  # <- leak-target
`));
});

describe("gensim's Word2Vec learns word vectors from the texts it is made with", () => {
  it('vectors of all reviews, then the split', () =>
    check(`
import numpy as np
import pandas as pd
from gensim.models import Word2Vec
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("reviews.csv")
tokens = df["text"].str.lower().str.split()
w2v = Word2Vec(sentences=tokens, vector_size=50, min_count=2)  # <- leak-preprocessing
X = np.vstack([np.mean([w2v.wv[w] for w in t if w in w2v.wv], axis=0) for t in tokens])
X_tr, X_te, y_tr, y_te = train_test_split(X, df["label"], random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`));
  it('vectors of the training reviews only: nothing', () =>
    check(`
import numpy as np
import pandas as pd
from gensim.models import Word2Vec
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("reviews.csv")
train, test = train_test_split(df, random_state=0)
tok_tr = train["text"].str.lower().str.split()
tok_te = test["text"].str.lower().str.split()
w2v = Word2Vec(sentences=tok_tr, vector_size=50, min_count=2)
def embed(tokens):
    return np.vstack([np.mean([w2v.wv[w] for w in t if w in w2v.wv], axis=0) for t in tokens])
clf = LogisticRegression().fit(embed(tok_tr), train["label"])
print(clf.score(embed(tok_te), test["label"]))
`));
});

describe('a learnt column the features leave out', () => {
  const prog = (cols: string, mark = '') => `
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("customers.csv")
num = ["age", "income", "spend"]
df["cluster"] = KMeans(4).fit_predict(df[num])
df["age_z"] = (df["age"] - df["age"].mean()) / df["age"].std()
print(df.groupby("cluster")[num].mean())
X_tr, X_te, y_tr, y_te = train_test_split(df[${cols}], df["churn"], random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))${mark}
`;
  it('clusters and z-scores only looked at: nothing', () => check(prog('num')));
  it('the z-score among the features', () =>
    check(
      prog('["age_z", "income"]').replace(
        'df["age_z"] = (df["age"] - df["age"].mean()) / df["age"].std()',
        // the mean and the standard deviation, one finding each
        'df["age_z"] = (df["age"] - df["age"].mean()) / df["age"].std()  # <- leak-preprocessing # <- leak-preprocessing',
      ),
    ));
});

describe('a loop over the frames of a dict runs its body once per frame', () => {
  const prog = (fit: string, mark = '') => `
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
cols = ["a", "b"]
train_df, test_df = train_test_split(df, random_state=0)
parts = {"train": train_df, "test": test_df}
scaler = StandardScaler().fit(${fit})${mark}
for name, part in parts.items():
    part[cols] = scaler.transform(part[cols])
clf = LogisticRegression().fit(parts["train"][cols], parts["train"]["y"])
print(clf.score(parts["test"][cols], parts["test"]["y"]))
`;
  it('a scaler of all rows applied to each part in place', () =>
    check(prog('df[cols]', '  # <- leak-preprocessing')));
  it('a scaler of the training part: nothing', () => check(prog('parts["train"][cols]')));
});

describe('dataclasses and NamedTuples hold their fields', () => {
  const prog = (scale: string, mark = '') => `
from dataclasses import dataclass
from typing import NamedTuple
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from sklearn.svm import SVR
@dataclass
class Data:
    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
def prepare(X, y):
    ${scale}${mark}
    return Data(*train_test_split(X, y, random_state=0))
d = prepare(np.load("X.npy"), np.load("y.npy"))
print(SVR().fit(d.X_train, d.y_train).score(d.X_test, d.y_test))
`;
  it('a scaler of all rows before the split packed in a dataclass', () =>
    check(prog('X = MinMaxScaler().fit_transform(X)', '  # <- leak-preprocessing')));
  it('no scaler: nothing', () => check(prog('X = np.asarray(X)')));
});

describe('fillna with a dict of statistics', () => {
  it('medians of all rows by column, in a method chain', () =>
    check(`
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
df = pd.read_csv("cars.csv")
df = df.assign(age=lambda d: 2024 - d["year"]).fillna({"mileage": df["mileage"].median()})  # <- leak-preprocessing
X_tr, X_te, y_tr, y_te = train_test_split(df[["age", "mileage"]], df["price"], random_state=0)
print(RandomForestRegressor().fit(X_tr, y_tr).score(X_te, y_te))
`));
  it('medians of the training rows: nothing', () =>
    check(`
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
df = pd.read_csv("cars.csv")
train, test = train_test_split(df, random_state=0)
fill = {"mileage": train["mileage"].median()}
train, test = train.fillna(fill), test.fillna(fill)
print(RandomForestRegressor().fit(train[["mileage"]], train["price"]).score(test[["mileage"]], test["price"]))
`));
});

describe('tf.data shuffle of a time series before take/skip', () => {
  const prog = (shuffle: string, mark = '') => `
import numpy as np
import tensorflow as tf
series = np.load("series.npy")
ds = tf.keras.utils.timeseries_dataset_from_array(series[:-24], series[24:], sequence_length=24, batch_size=None)
${shuffle}${mark}
train = ds.take(5000).batch(64)
test = ds.skip(5000).batch(64)
model = tf.keras.Sequential([tf.keras.layers.LSTM(32), tf.keras.layers.Dense(1)])
model.compile("adam", "mse")
model.fit(train, epochs=5)
print(model.evaluate(test))
`;
  // Since the thirteenth round the same line also reports leak-overlap: tf.data reshuffles on every pass by default,
  // so the take/skip parts are redrawn each epoch (a second, separate problem of this line).
  it('windows shuffled, then cut', () =>
    check(prog('ds = ds.shuffle(10000, seed=0)', '  # <- leak-time-split # <- leak-overlap')));
  it('windows in time order: nothing', () => check(prog('ds = ds.prefetch(1)')));
});
