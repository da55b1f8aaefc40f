/**
 * The sixteenth round of data-flow capabilities (issue 16; held-out v16's misses, tuning data since its report; v17
 * frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs
 * that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a group column named by a config dict: df.groupby(k)[cfg["target"]]', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
CFG = {"path": "meters.csv", "target": "kwh", "window": 4, "cut": "2024-01-01"}
df = pd.read_csv(CFG["path"], parse_dates=["read_on"]).sort_values("read_on")
per_meter = df.groupby("meter_id")[CFG["target"]]
df["kwh_recent"] = per_meter.transform(lambda s: ${window}.mean())
features = ["kwh_recent", "floor_area", "occupants"]
train, test = df[df["read_on"] < CFG["cut"]], df[df["read_on"] >= CFG["cut"]]
model = GradientBoostingRegressor().fit(train[features], train[CFG["target"]])${mark}
print(model.score(test[features], test[CFG["target"]]))
`;
  it('a window over the target itself, the current reading included, is a feature: reported', async () => {
    await check(prog(`s.rolling(CFG["window"], min_periods=1)`, '  # <- leak-target'));
  });
  it('the same window shifted by one reading holds only earlier ones (nothing)', async () => {
    await check(prog(`s.shift(1).rolling(CFG["window"], min_periods=1)`));
  });
});

describe('a mask against a value of a config dict: years < cfg["test_from"]', () => {
  const prog = (stats: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
cfg = {"features": ["rain_mm", "temp_c", "snow_cm"], "target": "runoff", "test_from": 2019}
df = pd.read_csv("basins.csv")
X = df[cfg["features"]].to_numpy(dtype=float)
y = df[cfg["target"]].to_numpy()
years = df["year"].to_numpy()
${stats}
Xn = (X - mu) / sd
train_mask = years < cfg["test_from"]
model = Ridge().fit(Xn[train_mask], y[train_mask])
print(model.score(Xn[~train_mask], y[~train_mask]))
`;
  it('mean and std over every year, then the year split: preprocessing reported', async () => {
    await check(
      prog('mu = X.mean(axis=0)  # <- leak-preprocessing\nsd = X.std(axis=0)  # <- leak-preprocessing'),
    );
  });
  it('mean and std over the training years only (nothing)', async () => {
    await check(
      prog('mu, sd = X[years < cfg["test_from"]].mean(axis=0), X[years < cfg["test_from"]].std(axis=0)'),
    );
  });
});

describe('ids the program counts: several rows per id split at random', () => {
  const prog = (count: string, split: string, features = '["speed", "load", "temp"]') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
logs = pd.read_csv("compressor_logs.csv", parse_dates=["logged_at"])
${count}
FEATURES = ${features}
${split}
clf = RandomForestClassifier(random_state=0).fit(train[FEATURES], train["failed"])
print(clf.score(test[FEATURES], test["failed"]))
`;
  const shuffled = 'train, test = train_test_split(logs, test_size=0.2, random_state=0)';
  it('nunique of the id beside the row count, then a random split: reported at the split', async () => {
    await check(
      prog(`print(logs["unit_id"].nunique(), "units,", len(logs), "logs")`, `${shuffled}  # <- leak-overlap`),
    );
  });
  it('len(set(ids)) counts them as well: reported', async () => {
    await check(prog(`print(len(set(logs["unit_id"])), "units")`, `${shuffled}  # <- leak-overlap`));
  });
  it('groupby(id).size() with the id dropped from the features: reported at the cross-validation', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score
logs = pd.read_csv("compressor_logs.csv")
print(logs.groupby("unit_id").size().describe())
X = logs.drop(columns=["unit_id", "failed"])
y = logs["failed"]
print(cross_val_score(LogisticRegression(), X, y, cv=KFold(5, shuffle=True, random_state=0)))  # <- leak-overlap
`);
  });
  it('split by date instead: each unit keeps its past in training (nothing)', async () => {
    await check(
      prog(
        `print(logs["unit_id"].nunique(), "units")`,
        'train, test = logs[logs["logged_at"] < "2025-06-01"], logs[logs["logged_at"] >= "2025-06-01"]',
      ),
    );
  });
  it('the id is itself a feature, counted in an exploration cell (nothing)', async () => {
    await check(prog(`print(logs["site_id"].nunique(), "sites")`, shuffled, '["speed", "load", "site_id"]'));
  });
  it('value_counts of an id for a frequency encoding is no count of entities (nothing)', async () => {
    await check(
      prog(
        `logs["unit_freq"] = logs["unit_id"].map(logs["unit_id"].value_counts(normalize=True))`,
        shuffled,
        '["speed", "load"]',
      ),
    );
  });
  it('a target encoding grouped by the id is no count either (nothing)', async () => {
    await check(
      prog(`rate = logs.groupby("unit_id")["failed"].agg(["mean", "count"])`, shuffled, '["speed", "load"]'),
    );
  });
});

describe("positions of one array's split selecting another array's rows (one row of each per sample)", () => {
  const prog = (split: string, fit: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit, train_test_split
signals = np.load("ecg_windows.npy")
info = pd.read_csv("ecg_windows.csv")
y = info["arrhythmia"].to_numpy()
${split}
${fit}${mark}
clf = LogisticRegression(max_iter=500).fit(svd.transform(signals[tr]), y[tr])
print(f1_score(y[te], clf.predict(svd.transform(signals[te]))))
`;
  const grouped =
    'tr, te = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(info, groups=info["patient"]))';
  const positions = 'tr, te = train_test_split(np.arange(len(info)), test_size=0.2, random_state=0)';
  it('a reduction fit on every signal, positions from a grouped split of the table: reported', async () => {
    await check(prog(grouped, 'svd = TruncatedSVD(8).fit(signals)', '  # <- leak-preprocessing'));
  });
  it('positions split by train_test_split(np.arange(n)): reported as well', async () => {
    await check(prog(positions, 'svd = TruncatedSVD(8).fit(signals)', '  # <- leak-preprocessing'));
  });
  it('fit on the training signals only (nothing)', async () => {
    await check(prog(grouped, 'svd = TruncatedSVD(8).fit(signals[tr])'));
    await check(prog(positions, 'svd = TruncatedSVD(8).fit(signals[tr])'));
  });
});

describe('a feature computed from a measurement of the same row the label is computed from', () => {
  const prog = (load: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
wards = pd.read_csv("ward_days.csv", parse_dates=["day"]).sort_values(["ward", "day"])
wards["occupancy"] = wards["patients"] / wards["beds"]
wards["overfull"] = (wards["occupancy"] > 0.95).astype(int)
wards["occupancy_prev"] = wards.groupby("ward")["occupancy"].shift(1)
wards["load"] = ${load} / wards["nurses"]
wards = wards.dropna()
cols = ["occupancy_prev", "load", "beds"]
train, test = wards[wards["day"] < "2024-07-01"], wards[wards["day"] >= "2024-07-01"]
clf = LogisticRegression().fit(train[cols], train["overfull"])${mark}
print(clf.score(test[cols], test["overfull"]))
`;
  it("the same day's patient count beside yesterday's occupancy: reported", async () => {
    await check(prog('wards["patients"]', '  # <- leak-target'));
  });
  it("yesterday's patient count, as the program treats occupancy (nothing)", async () => {
    await check(prog('wards.groupby("ward")["patients"].shift(1)'));
  });
});
