/**
 * The thirty-fourth round of data-flow capabilities (issue 16; held-out v34's failures, tuning data since its report;
 * v35 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('an xarray shift along a named dimension moves that many rows', () => {
  const prog = (trainEnd: string, mark = '') => `
import numpy as np
import xarray as xr
from sklearn.linear_model import Ridge
ds = xr.open_dataset("reservoir_daily.nc")
ds["inflow_next"] = ds["inflow"].rolling(time=10).mean().shift(time=-10)
ds["rain_3d"] = ds["rain"].rolling(time=3).sum()
table = ds[["inflow", "rain_3d", "inflow_next"]].to_dataframe().reset_index().dropna()
CUT = np.datetime64("2022-01-01")
train = table[table["time"] < ${trainEnd}]${mark}
test = table[table["time"] >= CUT]
model = Ridge().fit(train[["inflow", "rain_3d"]], train["inflow_next"])
print(model.score(test[["inflow", "rain_3d"]], test["inflow_next"]))
`;
  it("the training part ends ten days before the test part (nothing: today's inflow is no later row)", async () => {
    await check(prog('CUT - np.timedelta64(10, "D")'));
  });
  it('the training part ends where the test part starts: the label horizon crosses the cut', async () => {
    await check(prog('CUT', '  # <- leak-time-split'));
  });
});

describe('distinct ids counted in a named aggregation are entities of several rows', () => {
  const prog = (count: string, mark = '') => `
import polars as pl
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
shifts = pl.read_csv("picker_shifts.csv")
pickers = pl.read_csv("pickers.csv")
df = shifts.join(pickers, on="picker_id", how="left")
print(df.group_by("warehouse").agg(${count}))
X = df.select(["tenure_months", "shift_hours", "night_shift"]).to_numpy()
y = df["mispick"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=1)${mark}
clf = RandomForestClassifier(random_state=1).fit(X_train, y_train)
print(clf.score(X_test, y_test))
`;
  it('the shifts counted per warehouse (nothing said of pickers)', async () => {
    await check(prog('pl.len().alias("shifts")'));
  });
  it('the pickers counted per warehouse: a split by row puts one picker on both sides', async () => {
    await check(prog('pl.col("picker_id").n_unique().alias("pickers")', '  # <- leak-overlap'));
  });
  it('as a pandas-style named aggregation too', async () => {
    await check(prog('pickers=pl.col("picker_id").n_unique()', '  # <- leak-overlap'));
  });
});

describe("a Polars reduction whose key is moved by a constant is another period's statistic", () => {
  const prog = (move: string, mark = '') => `
import polars as pl
from lightgbm import LGBMClassifier
games = pl.read_csv("fixtures.csv")
games = games.with_columns((pl.col("attendance") / pl.col("capacity")).alias("fill"))
ref = games.group_by(["season", "opponent"]).agg(pl.col("fill").mean().alias("opp_ref"))${move}
games = games.join(ref, on=["season", "opponent"], how="left")
train = games.filter(pl.col("season") < 2024)
test = games.filter(pl.col("season") == 2024)
cols = ["opp_ref", "kickoff_hour"]
model = LGBMClassifier().fit(train.select(cols).to_pandas(), train["fill"].to_pandas() > 0.95)${mark}
print(model.score(test.select(cols).to_pandas(), test["fill"].to_pandas() > 0.95))
`;
  it("the previous season's mean, joined onto the next (nothing)", async () => {
    await check(prog('.with_columns(pl.col("season") + 1)'));
  });
  it('the same, aliased to its own name (nothing)', async () => {
    await check(prog('.with_columns((pl.col("season") + 1).alias("season"))'));
  });
  it("the season's own mean: the target within its own group", async () => {
    await check(prog('', '  # <- leak-target'));
  });
});

describe('a final value beside the one posted at the start', () => {
  const prog = (before: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("shifts.csv")
df["uplift"] = df["final_rate"] / df["${before}_rate"] - 1
X = df[["uplift", "lead_days"]]
X_train, X_test, y_train, y_test = train_test_split(X, df["unfilled"], random_state=0)
model = LogisticRegression().fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('the final rate over the posted one: reported', async () => {
    await check(prog('posted', '  # <- leak-target'));
  });
  it('over the listed one: reported', async () => {
    await check(prog('listed', '  # <- leak-target'));
  });
  it('final over a regional rate (nothing said by the pairing)', async () => {
    await check(prog('regional'));
  });
});

describe('columns picked by a prefix are only those with it', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
plots = pd.read_csv("plots.csv", parse_dates=["planted_on"])
visits = pd.read_csv("aftercare.csv", parse_dates=["visit_date"])
care = visits.groupby("plot_id").agg(replanted=("whips_replaced", "sum"))
df = plots.merge(care, on="plot_id", how="left")
df = pd.get_dummies(df, columns=["soil"], prefix="soil")
FEATURES = ${features}
train = df[df["planted_on"] < "2022-01-01"]
test = df[df["planted_on"] >= "2022-01-01"]
model = LogisticRegression().fit(train[FEATURES], train["failed"])${mark}
print(model.score(test[FEATURES], test["failed"]))
`;
  it('the soil dummies beside two named columns (nothing: the aftercare summary is not among them)', async () => {
    await check(prog('["slope", "rain_mm"] + [c for c in df.columns if c.startswith("soil_")]'));
  });
  it('a prefix the aftercare summary has: it may be among them', async () => {
    await check(
      prog('["slope", "rain_mm"] + [c for c in df.columns if c.startswith("re")]', '  # <- leak-target'),
    );
  });
  it('the summary named: reported', async () => {
    await check(
      prog('["slope", "replanted"] + [c for c in df.columns if c.startswith("soil_")]', '  # <- leak-target'),
    );
  });
});

describe('a window of readings up to a span past each snapshot, and statistics by the snapshot date', () => {
  const prog = (upper: string, mark = '') => `
import pandas as pd
from lightgbm import LGBMClassifier
snaps = pd.read_csv("pump_snapshots.csv", parse_dates=["snapshot_date"])
reads = pd.read_csv("vibration.csv", parse_dates=["read_at"])
fails = pd.read_csv("failures.csv", parse_dates=["failed_at"])
lab = snaps.merge(fails, on="pump_id", how="left")
lab["fail_30d"] = ((lab["failed_at"] > lab["snapshot_date"]) & (lab["failed_at"] <= lab["snapshot_date"] + pd.Timedelta(days=30))).astype(int)
lab = lab.groupby(["pump_id", "snapshot_date"], as_index=False)["fail_30d"].max()
m = snaps.merge(reads, on="pump_id")
lo = m["snapshot_date"] - pd.Timedelta(days=60)
hi = ${upper}
m = m[(m["read_at"] > lo) & (m["read_at"] <= hi)]${mark}
feats = m.groupby(["pump_id", "snapshot_date"]).agg(rms_mean=("rms", "mean"), rms_max=("rms", "max")).reset_index()
df = lab.merge(feats, on=["pump_id", "snapshot_date"], how="left")
train = df[df["snapshot_date"] < "2024-01-01"]
test = df[df["snapshot_date"] >= "2024-03-01"]
model = LGBMClassifier().fit(train[["rms_mean", "rms_max"]], train["fail_30d"])
print(model.score(test[["rms_mean", "rms_max"]], test["fail_30d"]))
`;
  it('readings up to the snapshot (nothing: a per-snapshot summary is not per value of the label)', async () => {
    await check(prog('m["snapshot_date"]'));
  });
  it("readings up to 30 days past it: the label's period read", async () => {
    await check(prog('m["snapshot_date"] + pd.Timedelta(days=30)', '  # <- leak-target'));
  });
});

describe('xarray years selected by a slice kept in a name, the earlier range first', () => {
  const prog = (clim: string, mark = '') => `
import numpy as np
import xarray as xr
from sklearn.linear_model import LogisticRegression
ds = xr.open_dataset("orchard_cells.nc")
clim_mean = ${clim}.mean("year")${mark}
anom = ds - clim_mean
train_years = slice(2000, 2015)
test_years = slice(2016, 2022)
def table(years):
    return anom.sel(year=years)[["frost_days", "gdd", "poor_set"]].to_dataframe().dropna()
train = table(train_years)
test = table(test_years)
clf = LogisticRegression().fit(train[["frost_days", "gdd"]], train["poor_set"] > 0)
print(clf.score(test[["frost_days", "gdd"]], test["poor_set"] > 0))
`;
  it('the climatology of the training years (nothing)', async () => {
    await check(prog('ds.sel(year=slice(2000, 2015))'));
  });
  it('the climatology of every year: fit on the test years too', async () => {
    await check(prog('ds', '  # <- leak-preprocessing'));
  });
});

describe('an xarray mean over space keeps each time step; a split on a period index at a date', () => {
  const prog = (clim: string, mark = '') => `
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import GradientBoostingRegressor
TRAIN_END = "2018-12-31"
ds = xr.open_dataset("shelf_sst.nc")
base = ${clim}
clim = base.groupby("time.month").mean("time")${mark}
anom = ds.groupby("time.month") - clim
box = anom.weighted(np.cos(np.deg2rad(ds["lat"]))).mean(["lat", "lon"]).to_dataframe()
box.index = box.index.to_period("M")
catch = pd.read_csv("landings.csv", index_col="month").squeeze()
data = box.join(catch.rename("tonnes"), how="inner").dropna()
train = data[data.index <= pd.Period(TRAIN_END, "M")]
test = data[data.index > pd.Period(TRAIN_END, "M")]
model = GradientBoostingRegressor().fit(train[["sst"]], train["tonnes"])
print(model.score(test[["sst"]], test["tonnes"]))
`;
  it('the climatology of the training years (nothing)', async () => {
    await check(prog('ds.sel(time=slice(None, TRAIN_END))'));
  });
  it('the climatology of every month: fit on the test months too', async () => {
    await check(prog('ds', '  # <- leak-preprocessing'));
  });
});

describe('a column the program computes is judged by what it reads, not by its name', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
reports = pd.read_csv("route_reports.csv")
reports["closed"] = (reports["status"] == "closed").astype(int)
train = reports[reports["season"] < 2023].copy()
test = reports[reports["season"] == 2023].copy()
rate = train.groupby("route_id")["closed"].mean()
train["route_closure_rate"] = train["route_id"].map(rate)
test["route_closure_rate"] = test["route_id"].map(rate).fillna(rate.mean())
cols = ["snow_cm", "${feature}"]
model = RandomForestClassifier(random_state=0).fit(train[cols], train["closed"])${mark}
print(model.score(test[cols], test["closed"]))
`;
  it("a route's past closure rate, from the training seasons (nothing)", async () => {
    await check(prog('route_closure_rate'));
  });
  it('the hours a closure lasted, read as recorded: reported', async () => {
    await check(prog('closure_hours', '  # <- leak-target'));
  });
});

describe('each row repeated once per constant variant before the split', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
import torch
from torch.utils.data import Dataset, random_split
VARIANTS = ["none", "hflip", "vflip"]
class Scans(Dataset):
    def __init__(self, files, labels, variants):
        self.items = [(f, y, v) for f, y in zip(files, labels) for v in variants]${mark}
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        path, label, v = self.items[i]
        return torch.load(path), torch.tensor(label)
meta = pd.read_csv("scans.csv")
${split}
model = torch.nn.Linear(64, 1)
for x, y in torch.utils.data.DataLoader(train_ds, batch_size=32):
    loss = torch.nn.functional.mse_loss(model(x.float()), y.float())
    loss.backward()
with torch.no_grad():
    print(sum(((model(x.float()) - y.float()) ** 2).mean() for x, y in torch.utils.data.DataLoader(test_ds)))
`;
  it("the scans split first, each part's rows then repeated (nothing)", async () => {
    await check(
      prog(`tr, te = random_split(list(range(len(meta))), [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_ds = Scans(list(meta["file"].iloc[list(tr)]), list(meta["grade"].iloc[list(tr)]), VARIANTS)
test_ds = Scans(list(meta["file"].iloc[list(te)]), list(meta["grade"].iloc[list(te)]), ["none"])`),
    );
  });
  it('the same, the file names and grades read from each record of a csv file', async () => {
    await check(
      prog(
        `import csv
with open("scans.csv", newline="") as fh:
    rows = [r for r in csv.DictReader(fh) if r["grade"] != ""]
scans = Scans([r["file"] for r in rows], [int(r["grade"] == "unfit") for r in rows], VARIANTS)
train_ds, test_ds = random_split(scans, [0.8, 0.2], generator=torch.Generator().manual_seed(0))`,
        '  # <- leak-overlap',
      ),
    );
  });
  it('the repeated rows split: a scan and its flip on both sides', async () => {
    await check(
      prog(
        `scans = Scans(list(meta["file"]), list(meta["grade"]), VARIANTS)
train_ds, test_ds = random_split(scans, [0.8, 0.2], generator=torch.Generator().manual_seed(0))`,
        '  # <- leak-overlap',
      ),
    );
  });
});

describe('the engineer visits a repair took, beside a long outage', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("escalator_outages.csv", parse_dates=["reported_at", "restored_at"])
df["long_outage"] = ((df["restored_at"] - df["reported_at"]).dt.total_seconds() > 48 * 3600).astype(int)
X = df[["station_zone", "unit_age_years", "${feature}"]]
X_train, X_test, y_train, y_test = train_test_split(X, df["long_outage"], random_state=0)
model = CatBoostClassifier(verbose=0).fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('the engineer visits: reported', async () => {
    await check(prog('engineer_visits', '  # <- leak-target'));
  });
  it('the repairs logged: reported (an outage is a failure)', async () => {
    await check(prog('repairs_logged', '  # <- leak-target'));
  });
  it('the services per year the unit is due (nothing)', async () => {
    await check(prog('services_per_year'));
  });
});

describe('a delay measured as the minutes a handling took after an arrival', () => {
  const prog = (label: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("ferry_arrivals.csv", parse_dates=["arrival_time"])
df["arrival_hour"] = df["arrival_time"].dt.hour
df["delayed"] = (df["${label}"] > 30).astype(int)
X = df[["arrival_hour", "vehicles_booked", "berth"]]
X_train, X_test, y_train, y_test = train_test_split(X, df["delayed"], random_state=0)
model = RandomForestClassifier(random_state=0).fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('the minutes the unloading took after the arrival (nothing: the arrival starts it)', async () => {
    await check(prog('unloading_minutes'));
  });
  it('the minutes the arrival was late: its time is the outcome', async () => {
    await check(prog('arrival_delay_minutes', '  # <- leak-target'));
  });
});

describe('columns kept unless in a list the program adds up', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
ID_COLS = ["listing_id"]
TARGET = "price"
df = pd.read_csv("flats.csv")
df["price_per_m2"] = df["price"] / df["area_m2"]
features = [c for c in df.columns if c not in ID_COLS + [TARGET${extra}]]
X_train, X_test, y_train, y_test = train_test_split(df[features], df[TARGET], random_state=0)
model = Ridge().fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('the price per square metre kept among the features: reported', async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it('left out with the ids and the target (nothing)', async () => {
    await check(prog(', "price_per_m2"'));
  });
});
