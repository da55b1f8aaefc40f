/**
 * The thirty-second round of data-flow capabilities (issue 16; held-out v32's failures, tuning data since its report;
 * v33 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a list of column names built by extend() holds the names it was given, not every column', () => {
  const prog = (group: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
GROUPS = {"calf": ["birth_weight_kg", "sex_male"], "dam": ["dam_age"], "outcome": ["survived", "dam_age"]}
df = pd.read_csv("calves.csv")
y = df["survived"]
train_df, test_df, y_train, y_test = train_test_split(df, y, random_state=0)
cols = []
for g in ${group}:
    cols.extend(GROUPS[g])
model = LogisticRegression().fit(train_df[cols], y_train)${mark}
print(model.score(test_df[cols], y_test))
`;
  it('groups of features chosen by a key in a loop (nothing: the names are not known, not the whole frame)', async () => {
    await check(prog('["calf", "dam"]'));
  });
  it('one group written out, the target not in it (nothing)', async () => {
    await check(prog('["calf"]').replace('cols.extend(GROUPS[g])', 'cols.extend(GROUPS["calf"])'));
  });
  it('a group written out that holds the target: reported', async () => {
    await check(
      prog('["outcome"]', '  # <- leak-target').replace(
        'cols.extend(GROUPS[g])',
        'cols.extend(GROUPS["outcome"])',
      ),
    );
  });
});

describe("a splitter's split() of an outer part's positions splits that part", () => {
  const prog = (fitRows: string, mark = '') => `
import numpy as np
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
segments = np.load("segments.npy")
y = np.load("labels.npy")
wearers = np.load("wearers.npy")
train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(segments, y, groups=wearers))
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=1)
fit_pos, val_pos = next(inner.split(train_idx, y[train_idx], groups=wearers[train_idx]))
fit_idx, val_idx = train_idx[fit_pos], train_idx[val_pos]
model = torch.nn.Linear(64, 1)
opt = torch.optim.Adam(model.parameters())
X_fit = torch.tensor(segments[${fitRows}], dtype=torch.float32)
y_fit = torch.tensor(y[${fitRows}], dtype=torch.float32)
for epoch in range(10):
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(X_fit).squeeze(1), y_fit)
    opt.zero_grad()
    loss.backward()${mark}
    opt.step()
with torch.no_grad():
    p = model(torch.tensor(segments[test_idx], dtype=torch.float32)).squeeze(1).numpy()
print(roc_auc_score(y[test_idx], p))
`;
  it('trained on the inner fitting part, scored on the outer test part (nothing)', async () => {
    await check(prog('fit_idx'));
  });
  it('trained on the test positions: reported', async () => {
    await check(prog('test_idx', '  # <- leak-overlap'));
  });
});

describe("a DataLoader's batches are its dataset's items, whatever its settings", () => {
  const prog = (batch: string, mark = '') => `
import argparse
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
p = argparse.ArgumentParser()
p.add_argument("--batch-size", type=int, default=128)
args = p.parse_args()
segments = np.load("segments.npy")
meta = pd.read_csv("meta.csv")
y = meta["af_label"].to_numpy()


def make_loader(x, labels, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(x, dtype=torch.float32), torch.tensor(labels, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


inputs = ${batch === 'label' ? 'np.column_stack([segments, y])' : 'segments'}
loader = make_loader(inputs, y, ${batch === 'label' ? '128' : batch}, True)
model = nn.Linear(751, 1)
opt = torch.optim.Adam(model.parameters())
for xb, yb in loader:
    loss = nn.functional.binary_cross_entropy_with_logits(model(xb).squeeze(1), yb)
    opt.zero_grad()
    loss.backward()${mark}
    opt.step()
`;
  it('a batch size read from the command line (nothing)', async () => {
    await check(prog('args.batch_size'));
  });
  it('the label stacked into the inputs: reported', async () => {
    await check(prog('label', '  # <- leak-target'));
  });
});

describe('an as-of join taking the nearest record brings its own time even when its columns are not named', () => {
  const prog = (strategy: string, mark = '') => `
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
readings = pl.read_parquet("pump_readings.parquet").sort("ts")
faults = pl.read_csv("scada_faults.csv", try_parse_dates=True).sort("fault_ts")
table = readings.join_asof(faults, left_on="ts", right_on="fault_ts", by="pump_id", strategy="${strategy}")
table = table.with_columns(((pl.col("ts") - pl.col("fault_ts")).dt.total_minutes() / 60).alias("hours_to_fault"))
train = table.filter(pl.col("ts") < pl.datetime(2024, 6, 1))
test = table.filter(pl.col("ts") >= pl.datetime(2024, 6, 1))
cols = ["vibration_rms", "bearing_temp_c", "hours_to_fault"]
model = HistGradientBoostingClassifier().fit(train.select(cols).to_pandas(), train["tripped"].to_numpy())${mark}
print(model.score(test.select(cols).to_pandas(), test["tripped"].to_numpy()))
`;
  it('the last fault at or before each reading (nothing)', async () => {
    await check(prog('backward'));
  });
  it('the nearest fault, later ones included, read through its time: reported', async () => {
    await check(prog('nearest', '  # <- leak-target'));
  });
  it('the next fault: reported', async () => {
    await check(prog('forward', '  # <- leak-target'));
  });
});

describe("a log kept from each row's date on is still the whole record after it", () => {
  const prog = (keep: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
jobs = pd.read_csv("repair_jobs.csv", parse_dates=["booked_on"])
calls = pd.read_csv("customer_calls.csv", parse_dates=["called_at"])
calls = calls.merge(jobs[["job_id", "booked_on"]], on="job_id", how="inner")
calls = calls[${keep}]
n_calls = calls.groupby("job_id").size().rename("n_calls").reset_index()
jobs = jobs.merge(n_calls, on="job_id", how="left").fillna({"n_calls": 0})
train, test = train_test_split(jobs, test_size=0.2, random_state=0)
cols = ["quoted_hours", "parts_count", "n_calls"]
model = CatBoostClassifier(verbose=0).fit(train[cols], train["overran"])${mark}
print(model.score(test[cols], test["overran"]))
`;
  it('the calls made before each booking (nothing)', async () => {
    await check(prog('calls["called_at"] < calls["booked_on"]'));
  });
  it('the calls of the first week after each booking (nothing)', async () => {
    await check(
      prog(
        '(calls["called_at"] >= calls["booked_on"]) & (calls["called_at"] < calls["booked_on"] + pd.Timedelta(days=7))',
      ),
    );
  });
  it('every call from each booking on: reported', async () => {
    await check(
      prog(
        '(calls["reason"] != "wrong number") & (calls["called_at"] >= calls["booked_on"])',
        '  # <- leak-target',
      ),
    );
  });
  it('the same bound written the other way round: reported', async () => {
    await check(prog('calls["booked_on"] <= calls["called_at"]', '  # <- leak-target'));
  });
});

describe("a hand-written model's own scoring method is that model, not a second one", () => {
  const prog = (tuneOn: string, mark = '') => `
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
class AlertModel:
    def __init__(self):
        self.threshold = 0.5
    def fit(self, X, y):
        self.model = RandomForestClassifier(random_state=0).fit(X, y)
        return self
    def score(self, X):
        return self.model.predict_proba(X)[:, 1]
    def tune(self, X, y):
        s = self.score(X)
        grid = np.linspace(0.05, 0.95, 19)
        self.threshold = grid[int(np.argmax([f1_score(y, s >= t) for t in grid]))]${mark}
    def predict(self, X):
        return (self.score(X) >= self.threshold).astype(int)
X = np.load("X.npy")
y = np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=0)
clf = AlertModel().fit(X_fit, y_fit)
clf.tune(${tuneOn})
print(roc_auc_score(y_test, clf.score(X_test)), f1_score(y_test, clf.predict(X_test)))
`;
  it('the threshold tuned on the validation part, the test part read by AUC and F1 (nothing)', async () => {
    await check(prog('X_val, y_val'));
  });
  it('the threshold tuned on the test part: reported', async () => {
    await check(prog('X_test, y_test', '  # <- leak-selection'));
  });
});

describe('a sample id the program counts apart from its rows is an entity of several rows', () => {
  const prog = (count: string, split: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit, train_test_split
particles = pd.read_csv("particles.csv")
print(f"{len(particles)} particles, {${count}} water samples")
${split}
cols = ["area", "eccentricity", "mean_intensity"]
model = LogisticRegression().fit(train_df[cols], train_df["diatom"])
print(model.score(test_df[cols], test_df["diatom"]))
`;
  const random =
    'train_df, test_df = train_test_split(particles, test_size=0.2, stratify=particles["diatom"], random_state=0)';
  const grouped = `gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
train_idx, test_idx = next(gss.split(particles, groups=particles["sample_id"]))
train_df, test_df = particles.iloc[train_idx], particles.iloc[test_idx]`;
  it('split by sample (nothing)', async () => {
    await check(prog('particles["sample_id"].nunique()', grouped));
  });
  it('split row by row, the sample id never counted (nothing: a sample id is a row id as often)', async () => {
    await check(prog('particles["n_samples"].iloc[0]', random));
  });
  it('split row by row, the samples counted apart from the rows: reported', async () => {
    await check(prog('particles["sample_id"].nunique()', `${random}  # <- leak-overlap`));
  });
});

describe("a person's id the rows are indexed by is one row per person", () => {
  const prog = (index: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
members = pd.read_csv("members.csv")
members["donor_id"] = members["donor_id"].astype(str).str.strip()
table = ${index}
X = table[["tenure_days", "monthly_fee", "visits_90d"]]
y = table["cancelled"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)${mark}
model = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('the register indexed by the donor (nothing)', async () => {
    await check(prog('members.set_index("donor_id")'));
  });
  it("the donors' rows as they come, several per donor: reported", async () => {
    await check(prog('members', '  # <- leak-overlap'));
  });
});

describe("a clip's frames are several rows of one clip", () => {
  const prog = (table: string, mark = '') => `
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset, random_split
from torchvision import transforms
class Stills(Dataset):
    def __init__(self, table):
        self.paths = table["path"].tolist()
        self.labels = table["label"].tolist()
        self.transform = transforms.ToTensor()
    def __len__(self):
        return len(self.paths)
    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i])), torch.tensor(self.labels[i])
${table} = pd.read_csv("index.csv")
reviews = pd.read_csv("reviews.csv")
table = ${table}.merge(reviews[["clip_id", "label"]], on="clip_id")
full = Stills(table)
n_test = len(full) // 5
train_ds, test_ds = random_split(full, [len(full) - n_test, n_test])${mark}
model = torch.nn.Linear(512, 1)
opt = torch.optim.Adam(model.parameters())
for x, y in train_ds:
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x), y.float())
    opt.zero_grad()
    loss.backward()
    opt.step()
print(sum(float((model(x) > 0) == y) for x, y in test_ds) / len(test_ds))
`;
  it('a table of clips (nothing: one row each, as far as the program says)', async () => {
    await check(prog('clips_table'));
  });
  it('a table of frames, its clips split apart: reported', async () => {
    await check(prog('frames', '  # <- leak-overlap'));
  });
});

describe("a reduction by an entity's id and a date merged back on both is each dated row's own", () => {
  const prog = (keys: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupShuffleSplit, train_test_split
visits = pd.read_csv("visits.csv", parse_dates=["visit_date"])
doses = pd.read_csv("doses.csv", parse_dates=["given_on"])
pairs = visits[["patient_id", "visit_date"]].merge(doses, on="patient_id", how="left")
pairs["before"] = pairs["given_on"] <= pairs["visit_date"]
n_doses = pairs.groupby(${keys})["before"].sum().rename("doses_so_far").reset_index()${mark}
visits = visits.merge(n_doses, on=${keys}, how="left")
train_idx, test_idx = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(visits, groups=visits["ward"]))
train, test = visits.iloc[train_idx], visits.iloc[test_idx]
cols = ["age", "doses_so_far"]
model = Ridge().fit(train[cols], train["crp"])
print(model.score(test[cols], test["crp"]))
`;
  it('by patient and visit date (nothing: each visit its own doses so far)', async () => {
    await check(prog('["patient_id", "visit_date"]'));
  });
  it('by patient alone, across the wards split apart: reported', async () => {
    await check(prog('["patient_id"]', '  # <- leak-preprocessing'));
  });
});

describe("a split at a term's start is a split in time", () => {
  const prog = (splitCol: string, mark = '') => `
import polars as pl
from sklearn.linear_model import LogisticRegression
df = pl.read_csv("enrolments.csv", try_parse_dates=True)
df = df.with_columns(pl.col("dropped").mean().over(["tutor_id", "term_id"]).alias("tutor_rate"))
train = df.filter(pl.col("${splitCol}") < pl.date(2024, 1, 1))
test = df.filter(pl.col("${splitCol}") >= pl.date(2024, 1, 1))
cols = ["age", "lessons_booked", "tutor_rate"]
model = LogisticRegression().fit(train.select(cols).to_numpy(), train["dropped"].to_numpy())${mark}
print(model.score(test.select(cols).to_numpy(), test["dropped"].to_numpy()))
`;
  it("the term's dropout rate, the rows split at the term's start: reported", async () => {
    await check(prog('term_start', '  # <- leak-target'));
  });
});

describe("a frame's renamed columns keep what is known of them under their new names", () => {
  const prog = (rename: string, direction: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
def attach(rows, obs, by, prefix):
    obs = obs.sort_values("obs_time").${rename}
    return pd.merge_asof(rows.sort_values("sched"), obs, left_on="sched", right_on="obs_time", by=by, direction="${direction}")
flights = pd.read_csv("flights.csv", parse_dates=["sched"])
metar = pd.read_csv("metar.csv", parse_dates=["obs_time"])[["airport", "obs_time", "visibility_m", "wind_kt"]]
df = attach(flights, metar, "airport", "wx_")
train = df[df["sched"] < "2024-01-01"]
test = df[df["sched"] >= "2024-01-01"]
cols = ["wx_visibility_m", "wx_wind_kt", "pax"]
clf = HistGradientBoostingClassifier().fit(train[cols], train["cancelled"])${mark}
print(clf.score(test[cols], test["cancelled"]))
`;
  const each = 'rename(columns={c: f"{prefix}{c}" for c in obs.columns if c not in ("obs_time", by)})';
  const literal = 'rename(columns={"visibility_m": "wx_visibility_m", "wind_kt": "wx_wind_kt"})';
  const prefixed = 'add_prefix(prefix).rename(columns={"wx_obs_time": "obs_time", "wx_airport": "airport"})';
  it('the last observation before each flight (nothing)', async () => {
    await check(prog(each, 'backward'));
  });
  it('the nearest observation, renamed by a comprehension over the columns: reported', async () => {
    await check(prog(each, 'nearest', '  # <- leak-target'));
  });
  it('the nearest observation, renamed by a dict of names: reported', async () => {
    await check(prog(literal, 'nearest', '  # <- leak-target'));
  });
  it('the nearest observation, renamed by add_prefix: reported', async () => {
    await check(prog(prefixed, 'nearest', '  # <- leak-target'));
  });
});
