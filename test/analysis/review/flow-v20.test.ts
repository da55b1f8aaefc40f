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

describe('a helper that returns one (X, y) pair per frame it is given, trained with **settings', () => {
  const prog = (final: string, mark = '') => `
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.preprocessing import StandardScaler
COLS = ["grit", "load_kg", "wind"]
runs = pd.read_csv("runs.csv")
fit_df = runs[runs["year"] <= 2020]
val_df = runs[runs["year"] == 2021]
test_df = runs[runs["year"] == 2022]
def as_tensors(first, *others):
    scaler = StandardScaler().fit(first[COLS])
    out = []
    for f in (first,) + others:
        X = torch.tensor(scaler.transform(f[COLS]), dtype=torch.float32)
        y = torch.tensor(f["seconds"].to_numpy(), dtype=torch.float32).unsqueeze(1)
        out.append((X, y))
    return out
def train(X, y, width, rate):
    net = nn.Sequential(nn.Linear(X.shape[1], width), nn.ReLU(), nn.Linear(width, 1))
    opt = torch.optim.Adam(net.parameters(), lr=rate)
    for xb, yb in DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True):
        opt.zero_grad()
        nn.functional.mse_loss(net(xb), yb).backward()
        opt.step()
    return net
def rmse(net, X, y):
    with torch.no_grad():
        return torch.sqrt(nn.functional.mse_loss(net(X), y)).item()${mark}
settings = [dict(width=16, rate=1e-3), dict(width=64, rate=3e-4)]
(X_fit, y_fit), (X_val, y_val) = as_tensors(fit_df, ${final === 'test' ? 'test_df' : 'val_df'})
scores = [rmse(train(X_fit, y_fit, **s), X_val, y_val) for s in settings]
best = settings[int(np.argmin(scores))]
(X_tr, y_tr), (X_te, y_te) = as_tensors(pd.concat([fit_df, val_df]), test_df)
print(rmse(train(X_tr, y_tr, **best), X_te, y_te))
`;
  it('settings chosen on the validation year: nothing (the labels are not features, the parts stay apart)', async () => {
    await check(prog('val'));
  });
  it('settings chosen on the test year, reported as selection', async () => {
    // The score the settings were chosen by is the final one's too, reported where the helper scores.
    await check(prog('test', '  # <- leak-selection'));
  });
});

describe('the parts of one division joined again for the final fit', () => {
  const prog = (fitOn: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler
COLS = ["grit", "load_kg", "wind"]
runs = pd.read_csv("runs.csv")
fit_df = runs[runs["year"] <= 2020]
val_df = runs[runs["year"] == 2021]
test_df = runs[runs["year"] == 2022]
train_df = pd.concat([fit_df, val_df])
scaler = StandardScaler().fit(${fitOn}[COLS])${mark}
model = Ridge().fit(scaler.transform(train_df[COLS]), train_df["seconds"])
print(model.score(scaler.transform(test_df[COLS]), test_df["seconds"]))
`;
  it('the scaler fit on the training and validation years, both trained on (nothing)', async () => {
    await check(prog('train_df'));
  });
  it('fit on the validation and test years, reported', async () => {
    await check(prog('pd.concat([val_df, test_df])', '  # <- leak-preprocessing'));
  });
});

describe('the time a count was recorded, when the label is made from that count and an outcome', () => {
  const prog = (label: string, feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
rows = pd.read_csv("hedges.csv", parse_dates=["planted_on", "status_on"])
rows["lost"] = ${label}
rows["when"] = ${feature}
train = rows[rows["planted_on"] < "2021-01-01"]
test = rows[rows["planted_on"] >= "2021-01-01"]
cols = ["when", "hedge_km", "soil_ph"]
model = LogisticRegression().fit(train[cols], train["lost"])${mark}
print(model.score(test[cols], test["lost"]))
`;
  const share = '((rows["planted"] - rows["alive_year2"]) > 0.2 * rows["planted"]).astype(int)';
  it('the planting month, beside a label made from the count planted and the count alive (nothing)', async () => {
    await check(prog(share, 'rows["planted_on"].dt.month.isin([3, 4, 5]).astype(int)'));
  });
  it('the month the status was recorded, beside a label made from that status alone, reported', async () => {
    await check(
      prog('(rows["status"] == "lost").astype(int)', 'rows["status_on"].dt.month', '  # <- leak-target'),
    );
  });
});

describe('Polars quantile edges read with select(...).item(), kept in a dict of lists, compared in expressions', () => {
  const prog = (edgesOn: string, mark = '') => `
import polars as pl
from sklearn.linear_model import Ridge
df = pl.read_csv("brews.csv")
train = df.filter(pl.col("year") < 2024)
test = df.filter(pl.col("year") >= 2024)
def steps(frame, edges):
    exprs = []
    for c, cuts in edges.items():
        for i, cut in enumerate(cuts):
            exprs.append((pl.col(c) > cut).cast(pl.Int8).alias(f"{c}_gt{i}"))
    return frame.with_columns(exprs)
edges = {c: [${edgesOn}.select(pl.col(c).quantile(q)).item() for q in (0.25, 0.5, 0.75)] for c in ["hops", "malt"]}${mark}
train, test = steps(train, edges), steps(test, edges)
F = ["hops_gt0", "hops_gt1", "malt_gt2", "abv"]
m = Ridge().fit(train.select(F).to_numpy(), train["bitterness"].to_numpy())
print(m.score(test.select(F).to_numpy(), test["bitterness"].to_numpy()))
`;
  it('edges of the training years (nothing)', async () => {
    await check(prog('train'));
  });
  it('edges of every year, reported', async () => {
    await check(prog('df', '  # <- leak-preprocessing'));
  });
});

describe('an inner split drawn in the outer training positions, composed back as tr[fit_pos]', () => {
  const prog = (fitOn: string, scoreOn: string, mark = '') => `
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
runs = pd.read_parquet("firings.parquet")
X = runs[["temp", "ramp", "hold"]].to_numpy(np.float32)
y = runs["crack_mm"].to_numpy(np.float32).reshape(-1, 1)
kiln = runs["kiln_id"].to_numpy()
tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(X, y, kiln))
fit_pos, val_pos = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=1).split(X[tr], y[tr], kiln[tr]))
fit_idx, val_idx = tr[fit_pos], tr[val_pos]
loss_fn = nn.MSELoss()
def fit_model(X_fit, y_fit, width):
    scaler = StandardScaler().fit(X_fit)
    xs, ys = torch.tensor(scaler.transform(X_fit)), torch.tensor(y_fit)
    net = nn.Sequential(nn.Linear(xs.shape[1], width), nn.ReLU(), nn.Linear(width, 1))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(200):
        perm = torch.randperm(len(xs))
        for i in range(0, len(perm), 32):
            b = perm[i:i + 32]
            opt.zero_grad()
            loss_fn(net(xs[b]), ys[b]).backward()
            opt.step()
    return scaler, net
def rmse(model, X_eval, y_eval):
    scaler, net = model
    with torch.no_grad():
        pred = net(torch.tensor(scaler.transform(X_eval)))
        return float(torch.sqrt(loss_fn(pred, torch.tensor(y_eval))))${mark}
scores = {}
for w, lr in [(8, 1e-3), (32, 1e-3), (32, 1e-2)]:
    model = fit_model(X[${fitOn}], y[${fitOn}], w)
    scores[(w, lr)] = rmse(model, X[${scoreOn}], y[${scoreOn}])
best = min(scores, key=scores.get)
final = fit_model(X[tr], y[tr], best[0])
print(rmse(final, X[te], y[te]))
`;
  it('chosen on the validation kilns inside the training ones (nothing)', async () => {
    await check(prog('fit_idx', 'val_idx'));
  });
  it('chosen on the test kilns, reported', async () => {
    await check(prog('tr', 'te', '  # <- leak-selection'));
  });
});

describe('a split by groups made by hand: np.isin over the group ids, np.flatnonzero of the mask and of its complement', () => {
  const prog = (statsOn: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
meta = pd.read_csv("hives.csv")
feats, labels, hives = [], [], []
for row in meta.itertuples():
    clip = np.load(row.path)
    for k in range(0, len(clip) - 400, 400):
        feats.append(np.abs(np.fft.rfft(clip[k:k + 400]))[:32])
        labels.append(row.queenless)
        hives.append(row.hive_id)
X = np.stack(feats)
y = np.array(labels)
hives = np.array(hives)
rng = np.random.default_rng(2)
ids = rng.permutation(np.unique(hives))
test_mask = np.isin(hives, ids[: len(ids) // 4])
test_idx, train_idx = np.flatnonzero(test_mask), np.flatnonzero(~test_mask)
mu, sd = X[${statsOn}].mean(axis=0), X[${statsOn}].std(axis=0) + 1e-6${mark}
Xn = (X - mu) / sd
model = LogisticRegression(max_iter=500).fit(Xn[train_idx], y[train_idx])
print(model.score(Xn[test_idx], y[test_idx]))
`;
  it('statistics of the training hives (nothing)', async () => {
    await check(prog('train_idx'));
  });
  it('statistics of the test hives, reported', async () => {
    await check(prog('test_idx', '  # <- leak-preprocessing  # <- leak-preprocessing'));
  });
});

describe('a many-to-one merge on a catalogue key (the lot each batch was made from) against one on a person', () => {
  const prog = (table: string, key: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
rows = pd.read_csv("rows.csv")
info = pd.read_csv("${table}.csv")
rows = rows.merge(info, on="${key}", how="left", validate="many_to_one")
X = rows[["a", "b", "c"]]
y = rows["failed"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)${mark}
print(RandomForestClassifier().fit(X_train, y_train).score(X_test, y_test))
`;
  it('batches with the lot they were made from (nothing)', async () => {
    await check(prog('lots', 'lot_code'));
  });
  it('visits with the patient they belong to, reported', async () => {
    await check(prog('patients', 'patient_id', '  # <- leak-overlap'));
  });
});
