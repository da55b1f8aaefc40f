/**
 * The fourth round of data-flow capabilities (issue 16's false alarms and misses on held-out v3): each behaviour
 * with a leaky program (the lines that must be reported marked `# <- rule`) and its fixed twin, which must report
 * nothing. The programs are written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe('target leakage needs evidence: columns chosen by a condition', () => {
  const prog = (cols: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("sensors.csv")
features = ${cols}
train, test = train_test_split(df, random_state=0)
LogisticRegression().fit(train[features], train["failed"])${mark}
`;
  it('a comprehension keeping the columns with a prefix may leave the target out: nothing', () =>
    check(prog('[c for c in df.columns if c.startswith("px_")]')));
  it('a comprehension keeping every column but an id keeps the target', () =>
    check(prog('[c for c in df.columns if c != "row_id"]', '  # <- leak-target')));
  it('the same without the target: nothing', () =>
    check(prog('[c for c in df.columns if c not in ("row_id", "failed")]')));
  it('df.columns.drop of the target: nothing', () => check(prog('df.columns.drop("failed")')));
  it('df.columns.drop of an id only keeps the target', () =>
    check(prog('df.columns.drop(["row_id"]).tolist()', '  # <- leak-target')));
});

describe('forecasting windows: a window compared with the label by position', () => {
  const loop = (window: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
series = pd.read_csv("load.csv")["load"].to_numpy()
w = 24
X, y = [], []
for t in range(w, len(series)):
    X.append(${window})
    y.append(series[t])
X, y = np.array(X), np.array(y)
cut = int(0.8 * len(X))
model = Ridge().fit(X[:cut], y[:cut])${mark}
print(model.score(X[cut:], y[cut:]))
`;
  it('a window ending at the label hour gives the label away', () =>
    check(loop('series[t - w + 1 : t + 1]', '  # <- leak-target')));
  it('a window of the hours before it: nothing', () => check(loop('series[t - w : t]')));

  const dataset = (window: string, mark = '') => `
import torch
import pandas as pd
from torch import nn
from torch.utils.data import DataLoader, Dataset
values = pd.read_csv("power.csv")["kw"].to_numpy()
L = 48

class Windows(Dataset):
    def __init__(self, values, lookback):
        self.values = torch.from_numpy(values)
        self.lookback = lookback
    def __len__(self):
        return len(self.values) - self.lookback
    def __getitem__(self, i):
        return ${window}, self.values[i + self.lookback]

cut = len(values) - len(values) // 5
train_loader = DataLoader(Windows(values[:cut], L), batch_size=64, shuffle=True)
model = nn.Linear(L, 1)
opt = torch.optim.Adam(model.parameters())
for x, y in train_loader:
    opt.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()${mark}
    opt.step()
`;
  it('a Dataset whose window is the lookback before the label: nothing', () =>
    check(dataset('self.values[i : i + self.lookback]')));
  it('a Dataset whose window is one step late includes the label', () =>
    check(dataset('self.values[i + 1 : i + self.lookback + 1]', '  # <- leak-target')));
});

describe('lag features named by f-strings in loops over numbers', () => {
  const prog = (shift: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
LAGS = (1, 24, 168)
demand = pd.read_csv("hourly.csv", parse_dates=["ts"]).sort_values("ts")
for lag in LAGS:
    demand[f"demand_lag_{lag}"] = demand["demand"].shift(${shift})
demand = demand.dropna()
features = ["temp", "hour"] + [f"demand_lag_{lag}" for lag in LAGS]
cut = int(len(demand) * 0.8)
train, test = demand.iloc[:cut], demand.iloc[cut:]
model = GradientBoostingRegressor().fit(train[features], train["demand"])${mark}
print(model.score(test[features], test["demand"]))
`;
  it('shift(lag) into the past, the columns named by the program: nothing (not even by name)', () =>
    check(prog('lag')));
  it('shift(-lag) reads the future', () => check(prog('-lag', '  # <- leak-target')));

  it('a label that is the next value, with the current value a feature: nothing', () =>
    check(`
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("daily.csv")
df["next_sales"] = df["sales"].shift(-1)
df = df.dropna()
cut = int(len(df) * 0.8)
train = df.iloc[:cut]
Ridge().fit(train[["sales", "promo"]], train["sales"].shift(-1).fillna(0))
`));
});

describe('per-group windows by transform(lambda)', () => {
  const prog = (lambda: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
df = pd.read_csv("store_sales.csv", parse_dates=["Date"]).sort_values(["Store", "Date"])
for span in (7, 28):
    df[f"sales_ewm_{span}"] = df.groupby("Store")["Sales"].transform(lambda s: ${lambda})
df = df.dropna()
features = ["Store", "Promo", "sales_ewm_7", "sales_ewm_28"]
train, test = df[df["Date"] < "2015-06-01"], df[df["Date"] >= "2015-06-01"]
model = HistGradientBoostingRegressor().fit(train[features], train["Sales"])${mark}
print(model.score(test[features], test["Sales"]))
`;
  it('shifted by one day first: nothing', () => check(prog('s.shift(1).ewm(span=span).mean()')));
  it('including the day itself', () => check(prog('s.ewm(span=span).mean()', '  # <- leak-target')));
});

describe('statistics summed over the rows', () => {
  const prog = (statsOf: string, mark = '') => `
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

class Windows(Dataset):
    def __init__(self, path):
        data = np.load(path)
        self.x = torch.tensor(data["x"], dtype=torch.float32)
        self.y = torch.tensor(data["y"], dtype=torch.long)
        self.mean, self.std = None, None
    def __len__(self):
        return len(self.y)
    def __getitem__(self, i):
        x = self.x[i]
        if self.mean is not None:
            x = (x - self.mean) / self.std
        return x, self.y[i]

def stats(ds):
    total, total_sq, n = 0.0, 0.0, 0
    for x, _ in DataLoader(ds, batch_size=256):
        total = total + x.sum(dim=0)${statsOf === 'ds' ? '  # <- leak-preprocessing' : ''}
        total_sq = total_sq + (x ** 2).sum(dim=0)${statsOf === 'ds' ? '  # <- leak-preprocessing' : ''}
        n += x.shape[0]
    mean = total / n
    return mean, (total_sq / n - mean ** 2).sqrt()

ds = Windows("har.npz")
${statsOf === 'ds' ? 'ds.mean, ds.std = stats(ds)\n' : ''}train_set, test_set = random_split(ds, [0.8, 0.2])
${statsOf === 'train_set' ? 'ds.mean, ds.std = stats(train_set)\n' : ''}model = nn.Linear(6, 4)
opt = torch.optim.Adam(model.parameters())
for xb, yb in DataLoader(train_set, batch_size=64, shuffle=True):
    opt.zero_grad()
    nn.functional.cross_entropy(model(xb), yb).backward()${mark}
    opt.step()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_set, batch_size=256):
        correct += (model(xb).argmax(1) == yb).sum().item()
`;
  it('channel statistics of all windows, set before the split, reach the training data', () =>
    check(prog('ds')));
  it('of the training windows: nothing (and the label is no feature)', () => check(prog('train_set')));
});

describe('sizes are numbers: len(X) times a fraction is not the rows of X', () => {
  const prog = (fixed: boolean) => `
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

X = torch.tensor(np.load("spectra.npy"), dtype=torch.float32)
y = torch.tensor(np.load("labels.npy"), dtype=torch.long)

def mixup(x, labels, n_new):
    a = torch.randint(len(x), (n_new,))
    b = torch.randint(len(x), (n_new,))
    lam = torch.distributions.Beta(0.4, 0.4).sample((n_new, 1))
    return lam * x[a] + (1 - lam) * x[b], lam * labels[a] + (1 - lam) * labels[b]

${
  fixed
    ? `perm = torch.randperm(len(X))
n_train = int(0.8 * len(X))
train_idx, test_idx = perm[:n_train], perm[n_train:]
x_mix, y_mix = mixup(X[train_idx], y[train_idx], n_new=2 * n_train)
train_set = TensorDataset(torch.cat([X[train_idx], x_mix]), torch.cat([y[train_idx], y_mix]))
test_set = TensorDataset(X[test_idx], y[test_idx])`
    : `x_mix, y_mix = mixup(X, y, n_new=2 * len(X))
train_set, test_set = random_split(TensorDataset(torch.cat([X, x_mix]), torch.cat([y, y_mix])), [0.8, 0.2])  # <- leak-overlap`
}
model = nn.Linear(256, 5)
opt = torch.optim.Adam(model.parameters())
for xb, yb in DataLoader(train_set, batch_size=64, shuffle=True):
    opt.zero_grad()
    F.cross_entropy(model(xb), yb).backward()
    opt.step()
with torch.no_grad():
    xt, yt = next(iter(DataLoader(test_set, batch_size=len(test_set))))
    print((model(xt).argmax(1) == yt).float().mean().item())
`;
  it('mixed samples made before the split', () => check(prog(false)));
  it('mixed samples of the training part only: nothing', () => check(prog(true)));
});

describe('enumerate(kf.split(X)): the fold indices are bound', () => {
  const prog = (fixed: boolean) => `
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
df = pd.read_csv("claims.csv")
X, y = df.drop(columns=["fraud"]), df["fraud"]
${fixed ? '' : 'X, y = SMOTE(random_state=0).fit_resample(X, y)  # <- leak-overlap\n'}scores = []
for fold, (tr, va) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(X, y)):
    X_tr, y_tr = ${fixed ? 'SMOTE(random_state=0).fit_resample(X.iloc[tr], y.iloc[tr])' : 'X.iloc[tr], y.iloc[tr]'}
    model = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
    scores.append(roc_auc_score(y.iloc[va], model.predict_proba(X.iloc[va])[:, 1]))
print(np.mean(scores))
`;
  it('oversampled before the folds', () => check(prog(false)));
  it('oversampled inside each fold: nothing (the models of the folds choose nothing)', () =>
    check(prog(true)));
});

describe('one score of a blend is one evaluation', () => {
  const prog = (fixed: boolean) => `
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import cross_val_predict, train_test_split
df = pd.read_csv("houses.csv")
X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns=["price"]), df["price"], random_state=0)

def rmse(a, b):
    return np.sqrt(mean_squared_error(a, b))${fixed ? '' : '  # <- leak-selection'}

${
  fixed
    ? `oof_a = cross_val_predict(GradientBoostingRegressor(), X_tr, y_tr, cv=5)
oof_b = cross_val_predict(RandomForestRegressor(), X_tr, y_tr, cv=5)
best_w = min(np.linspace(0, 1, 11), key=lambda w: rmse(y_tr, w * oof_a + (1 - w) * oof_b))
p_a = GradientBoostingRegressor().fit(X_tr, y_tr).predict(X_te)
p_b = RandomForestRegressor().fit(X_tr, y_tr).predict(X_te)
print(rmse(y_te, best_w * p_a + (1 - best_w) * p_b))`
    : `p_a = GradientBoostingRegressor().fit(X_tr, y_tr).predict(X_te)
p_b = RandomForestRegressor().fit(X_tr, y_tr).predict(X_te)
best_w = min(np.linspace(0, 1, 11), key=lambda w: rmse(y_te, w * p_a + (1 - w) * p_b))
print(rmse(y_te, best_w * p_a + (1 - best_w) * p_b))`
}
`;
  it('the blend weight chosen by test scores', () => check(prog(false)));
  it('chosen out of fold, the blend scored once on the test set: nothing', () => check(prog(true)));
});

describe('hand-written errors are evaluations', () => {
  const prog = (data: 'test' | 'val') => `
import numpy as np
import statsmodels.api as sm
import pandas as pd
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="y"), df["y"], random_state=1)
${data === 'val' ? 'X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=1)\n' : ''}
def mse(columns):
    fit = sm.OLS(${data === 'val' ? 'y_fit' : 'y_train'}, sm.add_constant(${data === 'val' ? 'X_fit' : 'X_train'}[columns])).fit()
    pred = fit.predict(sm.add_constant(${data === 'val' ? 'X_val' : 'X_test'}[columns], has_constant="add"))
    return np.mean((${data === 'val' ? 'y_val' : 'y_test'} - pred) ** 2)${data === 'test' ? '  # <- leak-selection' : ''}

scores = {c: mse([c]) for c in X_train.columns}
best = min(scores, key=scores.get)
final = sm.OLS(y_train, sm.add_constant(X_train[[best]])).fit()
pred = final.predict(sm.add_constant(X_test[[best]], has_constant="add"))
print(np.mean((y_test - pred) ** 2))
`;
  it('columns chosen by the test MSE', () => check(prog('test')));
  it('chosen by a validation MSE, the test MSE computed once: nothing', () => check(prog('val')));
});

describe('recorded after the outcome: the event under another name', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
customers = pd.read_csv("subscriptions.csv")
numeric = ["tenure_months", "monthly_fee", "support_tickets"${extra}]
X_train, X_test, y_train, y_test = train_test_split(customers[numeric], customers["churned"], random_state=5)
LogisticRegression().fit(X_train, y_train)${mark}
`;
  it('a cancellation fee of churned customers', () =>
    check(prog(', "cancellation_fee_charged"', '  # <- leak-target')));
  it('without it: nothing (a monthly fee is no consequence)', () => check(prog('')));
});

describe('a scaler keeps the columns of its input', () => {
  const prog = (drop: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
trips = pd.read_csv("trips.csv")
trips["log_duration"] = np.log1p(trips["trip_duration"])
X = trips.select_dtypes("number").drop(columns=[${drop}]).to_numpy(dtype="float32")
y = (trips["trip_duration"] / 60.0).to_numpy(dtype="float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mae")
model.fit(X_train, y_train, epochs=5)${mark}
print(model.evaluate(X_test, y_test))
`;
  it('the log of the target, left among the numeric columns', () =>
    check(prog('"trip_duration"', '  # <- leak-target')));
  it('dropped with the target: nothing', () => check(prog('"trip_duration", "log_duration"')));
});

describe('a label computed from a feature on the same row', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
stays = pd.read_csv("admissions.csv")
stays["long_stay"] = (stays["length_of_stay"] > 7).astype(int)
X_train, X_test, y_train, y_test = train_test_split(${features}, stays["long_stay"], random_state=2)
LogisticRegression().fit(X_train, y_train)${mark}
`;
  it('the column the label is made of, selected by name', () =>
    check(prog('stays[["age", "length_of_stay"]]', '  # <- leak-target')));
  it('the same column left in by dropping only the label', () =>
    check(prog('stays.drop(columns=["long_stay"])', '  # <- leak-target')));
  it('without it: nothing', () => check(prog('stays[["age", "emergency"]]')));
  it('a label of the next row (a forecast) with today in the features: nothing', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
px = pd.read_csv("px.csv")
px["up"] = (px["close"].shift(-1) > px["close"]).astype(int)
px = px.dropna()
cut = int(len(px) * 0.8)
LogisticRegression().fit(px[["close", "volume"]].iloc[:cut], px["up"].iloc[:cut])
`));
});

describe('columns the program cannot follow are not the whole frame', () => {
  const prog = (cols: string, mark = '') => `
from itertools import combinations
import pandas as pd
from sklearn.linear_model import LinearRegression
cars = pd.read_csv("auto.csv")
for subset in combinations(["weight", "year", "hp"], 2):
    cols = ${cols}
    LinearRegression().fit(cars[cols], cars["mpg"])${mark}
`;
  it('a list made from each combination: nothing', () => check(prog('list(subset)')));
  it('the list of all the frame columns still holds the target', () =>
    check(`
import pandas as pd
from sklearn.linear_model import LinearRegression
cars = pd.read_csv("auto.csv")
LinearRegression().fit(cars[list(cars.columns)], cars["mpg"])  # <- leak-target
`));
});

describe('a parsed date column alone is no time series', () => {
  const prog = (lag: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
days = pd.read_csv("store_days.csv")
days["month"] = pd.to_datetime(days["date"]).dt.month
${lag}X = days.drop(columns=["sales", "date"])
X_train, X_test, y_train, y_test = train_test_split(X, days["sales"], random_state=0)${mark}
RandomForestRegressor().fit(X_train, y_train)
`;
  it('store-days with their month, split at random: nothing', () => check(prog('')));
  it('with a lag of the sales it is a series, and the random split leaks', () =>
    check(
      prog(
        'days = days.sort_values("date")\ndays["visits_lag1"] = days["visits"].shift(1)\n',
        '  # <- leak-time-split',
      ),
    ));
});

describe('target leakage under cross-validation', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import cross_val_score
orders = pd.read_csv("orders.csv")
orders = orders.assign(share=lambda d: d["${feature}"] / d["revenue"])
print(cross_val_score(GradientBoostingRegressor(), orders[["revenue", "share"]], orders["profit"], cv=5))${mark}
`;
  it('a feature computed from the target, given to cross_val_score', () =>
    check(prog('profit', '  # <- leak-target')));
  it('computed from another column: nothing', () => check(prog('cost')));
});

describe('statistics of the very rows a model is evaluated on', () => {
  const prog = (fitOn: string, mark = '') => `
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
X_train, X_test = np.load("x_train.npy"), np.load("x_test.npy")
y_train, y_test = np.load("y_train.npy"), np.load("y_test.npy")
scaler = StandardScaler().fit(${fitOn})${mark}
clf = SVC().fit(scaler.transform(X_train), y_train)
print(clf.score(scaler.transform(X_test), y_test))
`;
  it('a scaler fit on the training and test files stacked', () =>
    check(prog('np.vstack([X_train, X_test])', '  # <- leak-preprocessing')));
  it('on the training file: nothing', () => check(prog('X_train')));
});

describe('a frame concatenated with a part of itself', () => {
  const prog = (fixed: boolean) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("d.csv")
${
  fixed
    ? `train, test = train_test_split(df, random_state=0)
train = pd.concat([train, train[train["y"] == 1]], ignore_index=True)`
    : `df = pd.concat([df, df[df["y"] == 1]], ignore_index=True)  # <- leak-overlap
train, test = train_test_split(df, random_state=0)`
}
LogisticRegression().fit(train.drop(columns=["y"]), train["y"]).score(test.drop(columns=["y"]), test["y"])
`;
  it('the minority rows twice before the split', () => check(prog(false)));
  it('twice in the training part only: nothing', () => check(prog(true)));
});

describe('a feature named after the target: by words, not letters', () => {
  const prog = (features: string, target: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("d.csv")
Ridge().fit(df[${features}], df["${target}"])${mark}
`;
  it('"year" and "day" are not named after a target "y"', () => check(prog('["year", "day", "temp"]', 'y')));
  it('a lag says it is the past', () => check(prog('["price_lag_1", "rooms"]', 'price')));
  it('"price_per_sqft" from the file is named after "price" (low confidence)', () =>
    check(prog('["price_per_sqft", "rooms"]', 'price', '  # <- leak-target')));
});

describe('names that say the outcome, by their words', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("d.csv")
LogisticRegression().fit(df[${features}], df["readmitted"])${mark}
`;
  it('post_code, after_hours_calls, target_market, test_result_count, label_length: nothing', () =>
    check(prog('["post_code", "after_hours_calls", "target_market", "test_result_count", "label_length"]')));
  it('visits after discharge (low confidence)', () =>
    check(prog('["age", "post_discharge_visits"]', '  # <- leak-target')));
  it('a final label (low confidence)', () => check(prog('["age", "final_label"]', '  # <- leak-target')));
});
