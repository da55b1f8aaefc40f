/**
 * The thirty-eighth round of data-flow capabilities (issue 16; held-out v38's failures, tuning data since its report;
 * v39 frozen before this round, v40 frozen as it began): each behaviour with a leaky program (the line that must be
 * reported marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the
 * corpus.
 */
import { describe, expect, it } from 'vitest';
import { postOutcome, recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe('rows a model was fit on in minibatches are seen, not held out', () => {
  const prog = (stats: string, mark = '') => `
import pandas as pd
import torch
from torch import nn
df = pd.read_csv("panels.csv")
X = torch.tensor(df[["thickness", "density", "length"]].to_numpy(), dtype=torch.float32)
y = torch.tensor(df["stiffness"].to_numpy(), dtype=torch.float32)
perm = torch.randperm(len(X))
n_test = len(X) // 5
test_idx, train_idx = perm[:n_test], perm[n_test:]
mu = ${stats}.mean(dim=0)${mark}
sd = ${stats}.std(dim=0)${mark}
X_train, y_train = (X[train_idx] - mu) / sd, y[train_idx]
X_test, y_test = (X[test_idx] - mu) / sd, y[test_idx]
model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.MSELoss()
for epoch in range(100):
    for idx in torch.randperm(len(X_train)).split(32):
        opt.zero_grad()
        loss = loss_fn(model(X_train[idx]).squeeze(1), y_train[idx])
        loss.backward()
        opt.step()
with torch.no_grad():
    train_rmse = loss_fn(model(X_train).squeeze(1), y_train).sqrt().item()
    test_rmse = loss_fn(model(X_test).squeeze(1), y_test).sqrt().item()
print(train_rmse, test_rmse)
`;
  it('statistics of the training rows, the training loss reported beside the test loss (nothing)', async () => {
    await check(prog('X[train_idx]'));
  });
  it('statistics of every row: reported', async () => {
    await check(prog('X', '  # <- leak-preprocessing'));
  });
});

describe("Polars' sample(with_replacement=True) draws copies, as pandas' replace=True does", () => {
  const prog = (upsampled: string, mark = '') => `
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
shifts = pl.read_csv("shifts.csv")
def upsample(frame, seed=0):
    pos = frame.filter(pl.col("incident") == 1)
    extra = pos.sample(n=3 * pos.height, with_replacement=True, seed=seed)${mark}
    return pl.concat([frame, extra])
cols = ["stops", "km", "hour"]
${upsampled}
`;
  it('upsampled before the split: reported', async () => {
    await check(
      prog(
        `data = upsample(shifts)
idx_train, idx_test = train_test_split(np.arange(data.height), test_size=0.25, random_state=0)
train, test = data[idx_train], data[idx_test]
model = LogisticRegression().fit(train.select(cols).to_numpy(), train["incident"].to_numpy())
print(model.score(test.select(cols).to_numpy(), test["incident"].to_numpy()))`,
        '  # <- leak-overlap',
      ),
    );
  });
  it('the training part upsampled (nothing)', async () => {
    await check(
      prog(`idx_train, idx_test = train_test_split(np.arange(shifts.height), test_size=0.25, random_state=0)
train, test = upsample(shifts[idx_train]), shifts[idx_test]
model = LogisticRegression().fit(train.select(cols).to_numpy(), train["incident"].to_numpy())
print(model.score(test.select(cols).to_numpy(), test["incident"].to_numpy()))`),
    );
  });
});

describe('Polars lag expressions named by an f-string are lag features, whatever their names', () => {
  const prog = (split: string) => `
import lightgbm as lgb
import polars as pl
from sklearn.model_selection import train_test_split
LAGS = [1, 7, 14]
df = pl.read_csv("nights.csv", try_parse_dates=True).sort("hostel_id", "night")
lagged = [pl.col("beds_sold").shift(k).over("hostel_id").alias(f"beds_lag_{k}") for k in LAGS]
df = df.with_columns(lagged).drop_nulls()
features = [f"beds_lag_{k}" for k in LAGS] + ["weekday"]
${split}
model = lgb.LGBMRegressor(n_estimators=300).fit(train.select(features).to_pandas(), train["beds_sold"].to_pandas())
print(model.score(test.select(features).to_pandas(), test["beds_sold"].to_pandas()))
`;
  it('split at random: reported', async () => {
    await check(
      prog('train, test = train_test_split(df, test_size=0.2, random_state=1)  # <- leak-time-split'),
    );
  });
  it('split in time (nothing)', async () => {
    await check(
      prog(`train = df.filter(pl.col("night") < pl.date(2024, 1, 1))
test = df.filter(pl.col("night") >= pl.date(2024, 1, 1))`),
    );
  });
});

describe('an attribute holding a model is called as the model (self.model(xb))', () => {
  const prog = (monitor: string, mark = '') => `
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.model_selection import train_test_split

class ThrustNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 1))
    def forward(self, x):
        return self.body(x)

class Trainer:
    def __init__(self, epochs=50):
        self.model = ThrustNet()
        self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        self.epochs = epochs
    def rmse(self, X, y):
        with torch.no_grad():
            pred = self.model(torch.tensor(X, dtype=torch.float32)).squeeze(1).numpy()
        return float(np.sqrt(np.mean((pred - y) ** 2)))${mark}
    def fit(self, X, y, X_mon, y_mon):
        best, best_state = np.inf, None
        xt, yt = torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)
        for _ in range(self.epochs):
            self.opt.zero_grad()
            loss = nn.functional.mse_loss(self.model(xt).squeeze(1), yt)
            loss.backward()
            self.opt.step()
            score = self.rmse(X_mon, y_mon)
            if score < best:
                best, best_state = score, {k: v.clone() for k, v in self.model.state_dict().items()}
        self.model.load_state_dict(best_state)
        return self

df = pd.read_csv("thrust.csv")
X = df[["rpm", "diameter", "pitch", "blades"]].to_numpy()
y = df["thrust_n"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
${monitor}
trainer = Trainer().fit(X_fit, y_fit, X_mon, y_mon)
print("test RMSE", trainer.rmse(X_test, y_test))
`;
  it('the epoch kept by its score on the test part: reported', async () => {
    await check(
      prog('X_fit, y_fit, X_mon, y_mon = X_train, y_train, X_test, y_test', '  # <- leak-selection'),
    );
  });
  it('the epoch kept by its score on a validation part (nothing)', async () => {
    await check(
      prog('X_fit, X_mon, y_fit, y_mon = train_test_split(X_train, y_train, test_size=0.2, random_state=1)'),
    );
  });
});

describe("a dataset's own __getitem__ reading another dataset's items (self.base[i])", () => {
  const prog = (build: string) => `
import pandas as pd
import torch
from torch.utils.data import ConcatDataset, DataLoader, Dataset, random_split
from torchvision.io import read_image

class TrayPhotos(Dataset):
    def __init__(self, table):
        self.table = table.reset_index(drop=True)
    def __len__(self):
        return len(self.table)
    def __getitem__(self, i):
        row = self.table.iloc[i]
        return read_image(row["path"]).float() / 255, int(row["damped_off"])

class Transformed(Dataset):
    def __init__(self, base, fn):
        self.base, self.fn = base, fn
    def __len__(self):
        return len(self.base)
    def __getitem__(self, i):
        x, y = self.base[i]
        return self.fn(x), y

AUGMENTS = [lambda t: torch.flip(t, [2]), lambda t: torch.rot90(t, 1, [1, 2])]
table = pd.read_csv("trays.csv")
${build}
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.LazyLinear(2))
opt = torch.optim.Adam(model.parameters())
for xb, yb in DataLoader(train_ds, batch_size=32, shuffle=True):
    opt.zero_grad()
    torch.nn.functional.cross_entropy(model(xb), yb).backward()
    opt.step()
with torch.no_grad():
    acc = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_ds, batch_size=64))
print(acc / len(test_ds))
`;
  it('flipped copies of every photo before the split: reported', async () => {
    await check(
      prog(`base = TrayPhotos(table)
full = ConcatDataset([base] + [Transformed(base, fn) for fn in AUGMENTS])  # <- leak-overlap
train_ds, test_ds = random_split(full, [0.8, 0.2], generator=torch.Generator().manual_seed(0))`),
    );
  });
  it('copies of the training photos only (nothing)', async () => {
    await check(
      prog(`base = TrayPhotos(table)
train_base, test_ds = random_split(base, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_ds = ConcatDataset([train_base] + [Transformed(train_base, fn) for fn in AUGMENTS])`),
    );
  });
});

describe('a date a span away from a known one is a bound of its own', () => {
  const prog = (trainMask: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
HORIZON = 7
CUTOFF = pd.Timestamp("2023-07-01")
df = pd.read_csv("landings.csv", parse_dates=["date"])
feats = ["vessels", "wind", "month"]
train = df[${trainMask}]
test = df[df["date"] >= CUTOFF]${mark}
model = HistGradientBoostingRegressor().fit(train[feats], train["tonnes"])
print(model.score(test[feats], test["tonnes"]))
`;
  it('training up to a week before the cutoff (nothing)', async () => {
    await check(prog('df["date"] <= CUTOFF - pd.Timedelta(days=HORIZON)'));
  });
  it('training up to a week after it: reported', async () => {
    await check(prog('df["date"] <= CUTOFF + pd.Timedelta(days=HORIZON)', '  # <- leak-overlap'));
  });
});

describe("a reduction's column read from an earlier row is an earlier row's summary", () => {
  const prog = (lag: number, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
trips = pd.read_csv("trips.csv", parse_dates=["landing_date"])
daily = trips.groupby(["port", "landing_date"]).agg(vessels=("vessel_id", "nunique"), tonnes=("tonnes", "sum")).reset_index()
daily = daily.sort_values(["port", "landing_date"])
g = daily.groupby("port")
daily["vessels_prev"] = g["vessels"].shift(${lag})
daily["tonnes_prev"] = g["tonnes"].shift(1)
daily["tonnes_next_day"] = g["tonnes"].shift(-1)
daily = daily.dropna()
feats = ["vessels_prev", "tonnes_prev"]
train = daily[daily["landing_date"] < "2023-01-01"]
test = daily[daily["landing_date"] >= "2023-01-08"]
model = HistGradientBoostingRegressor().fit(train[feats], train["tonnes_next_day"])${mark}
print(model.score(test[feats], test["tonnes_next_day"]))
`;
  it("yesterday's vessel count beside tomorrow's tonnes (nothing)", async () => {
    await check(prog(1));
  });
  it("the label's own day's vessel count: reported", async () => {
    await check(prog(-1, '  # <- leak-target'));
  });
});

describe('a log kept up to a span before each row (a cut in time by a span of two dates)', () => {
  const prog = (cut: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
appts = pd.read_csv("appointments.csv", parse_dates=["slot_start"])
appts["no_show"] = (appts["status"] == "DNA").astype(int)
sms = pd.read_csv("sms_log.csv", parse_dates=["sent_at"])
sms = sms.merge(appts[["appointment_id", "slot_start"]], on="appointment_id", how="inner")
sms["hours_before"] = (sms["slot_start"] - sms["sent_at"]).dt.total_seconds() / 3600
${cut}
counts = sms.groupby("appointment_id").size().rename("sms_sent").reset_index()
appts = appts.merge(counts, on="appointment_id", how="left").fillna({"sms_sent": 0})
cols = ["sms_sent", "age"]
train, test = train_test_split(appts, test_size=0.25, random_state=0)
model = RandomForestClassifier(random_state=0).fit(train[cols], train["no_show"])${mark}
print(model.score(test[cols], test["no_show"]))
`;
  it('messages sent at least a day before the slot (nothing)', async () => {
    await check(prog('sms = sms[sms["hours_before"] >= 24]'));
  });
  it('every message, those after the slot too: reported', async () => {
    await check(prog('', '  # <- leak-target'));
  });
});

describe('a transform fit on the training part, candidates compared on a part carved from it', () => {
  const prog = (final: string) => `
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
homes = pd.read_csv("homes.csv")
num, cat = ["age", "rooms", "humidity"], ["wall_type"]
train_df, test_df = train_test_split(homes, test_size=0.2, random_state=0)
prep = ColumnTransformer([("num", StandardScaler(), num), ("cat", OneHotEncoder(handle_unknown="ignore"), cat)])
X_train = prep.fit_transform(train_df)
X_test = prep.transform(test_df)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, train_df["mould"], test_size=0.2, random_state=1)
best_c, best = None, -1.0
for c in [0.01, 0.1, 1.0]:
    model = LogisticRegression(C=c, max_iter=500).fit(X_fit, y_fit)
    score = average_precision_score(y_val, model.predict_proba(X_val)[:, 1])
    if score > best:
        best_c, best = c, score
${final}
`;
  it('folds cut in a loop from the scaled training rows, a test part beside them: reported', async () => {
    await check(`
import numpy as np
from sklearn.linear_model import Ridge
train_x, train_y = np.load("train_x.npy"), np.load("train_y.npy")
test_x, test_y = np.load("test_x.npy"), np.load("test_y.npy")
mean = train_x.mean(axis=0)  # <- leak-preprocessing
std = train_x.std(axis=0)  # <- leak-preprocessing
train_x = (train_x - mean) / std
test_x = (test_x - mean) / std
k, n = 4, len(train_x) // 4
scores = []
for i in range(k):
    val_x, val_y = train_x[i * n:(i + 1) * n], train_y[i * n:(i + 1) * n]
    part_x = np.concatenate([train_x[:i * n], train_x[(i + 1) * n:]])
    part_y = np.concatenate([train_y[:i * n], train_y[(i + 1) * n:]])
    model = Ridge(alpha=1.0).fit(part_x, part_y)
    scores.append(model.score(val_x, val_y))
final = Ridge(alpha=1.0).fit(train_x, train_y)
print(np.mean(scores), final.score(test_x, test_y))
`);
  });
  it('the chosen one refit and scored once on the test part (nothing)', async () => {
    await check(
      prog(`final = LogisticRegression(C=best_c, max_iter=500).fit(X_train, train_df["mould"])
print(average_precision_score(test_df["mould"], final.predict_proba(X_test)[:, 1]))`),
    );
  });
});

describe("Keras' dict of named inputs: every input is a feature", () => {
  const prog = (numeric: string, mark = '') => `
import numpy as np
import pandas as pd
from tensorflow import keras
CATEGORICAL = ["bridge_type", "component"]
NUMERIC = [${numeric}]
jobs = pd.read_csv("jobs.csv", parse_dates=["raised_at"])
train = jobs[jobs["raised_at"] < "2023-07-01"]
test = jobs[jobs["raised_at"] >= "2023-07-01"]
def to_inputs(df):
    inputs = {c: df[c].to_numpy()[:, None] for c in CATEGORICAL}
    inputs["numeric"] = df[NUMERIC].to_numpy(dtype="float32")
    return inputs
cat_in = [keras.Input(shape=(1,), dtype="string", name=c) for c in CATEGORICAL]
num_in = keras.Input(shape=(len(NUMERIC),), name="numeric")
x = keras.layers.Dense(32, activation="relu")(num_in)
model = keras.Model(cat_in + [num_in], keras.layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
model.fit(to_inputs(train), train["repair_hours"].to_numpy(), epochs=10)${mark}
print(model.evaluate(to_inputs(test), test["repair_hours"].to_numpy()))
`;
  it('the labour billed to the job among the numeric inputs: reported', async () => {
    await check(prog('"bridge_age_years", "labour_cost_gbp"', '  # <- leak-target'));
  });
  it('known when the job is raised (nothing)', async () => {
    await check(prog('"bridge_age_years", "crew_size_planned"'));
  });
});

describe('what follows a claim, a no-show, an overrun, a repair and a sell-out', () => {
  it.each([
    ['replacement_frames_sent', ['yellowing_claim']],
    ['extras_spend_gbp', ['no_show']],
    ['labour_hours_invoiced', ['overran']],
    ['labour_cost_gbp', ['repair_hours']],
    ['returns_waitlist_signups', ['sold_out']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    ['replacement_cost', ['claim']],
    ['extras_booked', ['no_show']],
    ['labour_hours_estimated', ['overran']],
    ['crew_size_planned', ['repair_hours']],
    ['seats_on_sale', ['sold_out']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
  it("larvae's settlement density is no claim's settlement", () => {
    expect(postOutcome('settlement_density_per_m2', 'survival_60d_pct', '')).toBe(false);
    expect(postOutcome('settlement_amount', 'fraud', '')).toBe(true);
  });
});
