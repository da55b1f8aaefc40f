/**
 * The seventeenth round of data-flow capabilities (issue 16; held-out v17's misses, tuning data since its report; v18
 * frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs
 * that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';
import { check } from './check-leakage.js';

describe('each group resampled into periods: groupby(k)[cols].resample("1h").mean()', () => {
  const prog = (cv: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score
log = pd.read_csv("kiln_log.csv", parse_dates=["ts"]).sort_values(["kiln_id", "ts"])
hourly = (
    log.set_index("ts")
    .groupby("kiln_id")[["temp_c", "humidity"]]
    .resample("1h")
    .mean()
    .reset_index()
)
setup = log.groupby("kiln_id")[["wood_species", "load_m3"]].first()
hourly = hourly.merge(setup, left_on="kiln_id", right_index=True)
per_kiln = hourly.groupby("kiln_id")["humidity"]
hourly["hum_lag_1"] = per_kiln.shift(1)
hourly["hum_lag_6"] = per_kiln.shift(6)
hourly["target"] = per_kiln.shift(-3)
hourly = hourly.dropna()
X, y = hourly[["hum_lag_1", "hum_lag_6", "temp_c", "load_m3"]], hourly["target"]
print(cross_val_score(RandomForestRegressor(), X, y, cv=${cv}))${mark}
`;
  it('shuffled K-fold over the hourly lags: reported', async () => {
    await check(prog('KFold(5, shuffle=True, random_state=0)', '  # <- leak-time-split'));
  });
  it("TimeSeriesSplit, and first() of each kiln's set-up merged back (nothing)", async () => {
    await check(prog('TimeSeriesSplit(5)'));
  });
});

describe('bounds kept in a dict of (low, high) pairs: for c, (lo, hi) in bounds.items()', () => {
  const prog = (fitOn: string, scaled: string) => `
import polars as pl
from sklearn.svm import SVC
COLS = ["pressure_hpa", "wind_ms", "swell_m"]
days = pl.read_parquet("harbour_days.parquet").sort("day")
train_raw = days.filter(pl.col("day") < 2000)
ref = ${fitOn}.select([pl.col(c).min().alias(f"{c}_lo") for c in COLS] + [pl.col(c).max().alias(f"{c}_hi") for c in COLS]).row(0, named=True)
bounds = {c: (ref[f"{c}_lo"], ref[f"{c}_hi"]) for c in COLS}
def rescale(frame):
    return frame.with_columns([((pl.col(c) - lo) / (hi - lo)).alias(c) for c, (lo, hi) in bounds.items()])
${scaled}
clf = SVC().fit(train.select(COLS).to_numpy(), train["closed"].to_numpy())
print(clf.score(test.select(COLS).to_numpy(), test["closed"].to_numpy()))
`;
  it('bounds over every day, then the date split: reported at the statistics', async () => {
    const text = prog(
      'days',
      'days = rescale(days)\ntrain = days.filter(pl.col("day") < 2000)\ntest = days.filter(pl.col("day") >= 2000)',
    ).replace('.row(0, named=True)', '.row(0, named=True)  # <- leak-preprocessing');
    // both statistics (min and max) are learnt by the one select on the marked line: one finding names them both
    const r = await reviewSources([{ path: 'p.py', text }], { families: ['leakage'] });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['leak-preprocessing']);
    expect(r.findings[0]!.message).toContain('statistics (min, max)');
  });
  it('bounds over the training days only (nothing)', async () => {
    await check(
      prog('train_raw', 'train = rescale(train_raw)\ntest = rescale(days.filter(pl.col("day") >= 2000))'),
    );
  });
});

describe('an adapted Keras layer inside a functional model: h = norm(inputs), keras.Model(inputs, outputs)', () => {
  const prog = (adapt: string, mark = '') => `
import numpy as np
import pandas as pd
from tensorflow import keras
rows = pd.read_csv("pump_vibration.csv")
X = rows[["rms", "kurtosis", "crest", "peak_hz"]].to_numpy("float32")
y = rows["worn"].to_numpy()
norm = keras.layers.Normalization()
order = np.random.default_rng(1).permutation(len(X))
tr, te = order[:800], order[800:]
norm.adapt(${adapt})${mark}
inputs = keras.Input(shape=(4,))
h = norm(inputs)
h = keras.layers.Dense(16, activation="relu")(h)
outputs = keras.layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X[tr], y[tr], epochs=20)
print(model.evaluate(X[te], y[te]))
`;
  it('adapted to every row: reported', async () => {
    await check(prog('X', '  # <- leak-preprocessing'));
  });
  it('adapted to the training rows (nothing)', async () => {
    await check(prog('X[tr]'));
  });
});

describe('a label measured against an input: unsold = baked - sold', () => {
  const prog = (sold: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
d = pd.read_csv("canteen_days.csv", parse_dates=["day"]).sort_values(["site", "day"])
d["leftover"] = d["portions_cooked"] - d["portions_served"]
d["served_prev"] = ${sold}
d = d.dropna()
cols = ["portions_cooked", "served_prev", "weekday"]
train, test = d[d["day"] < "2024-06-01"], d[d["day"] >= "2024-06-01"]
m = GradientBoostingRegressor().fit(train[cols], train["leftover"])${mark}
print(m.score(test[cols], test["leftover"]))
`;
  it('the served portions given only from the day before: the cooked ones are an input (nothing)', async () => {
    await check(prog('d.groupby("site")["portions_served"].shift(1)'));
  });
  it("the same day's served portions as well: both parts of the label are features, reported", async () => {
    await check(prog('d["portions_served"]', '  # <- leak-target'));
  });
});

describe('what an outcome brings: an auction sale, a complication', () => {
  const prog = (label: string, extra: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("records.csv")
cols = ["age", "weight_kg"${extra}]
X_tr, X_te, y_tr, y_te = train_test_split(df[cols], df["${label}"], random_state=0)
clf = LogisticRegression().fit(X_tr, y_tr)${mark}
print(clf.score(X_te, y_te))
`;
  it('the hammer price beside "sold": reported', async () => {
    await check(prog('sold', ', "hammer_price"', '  # <- leak-target'));
  });
  it('the length of stay beside a complication: reported', async () => {
    await check(prog('complication', ', "length_of_stay"', '  # <- leak-target'));
  });
  it('a beta-hCG result beside a clinical pregnancy: reported', async () => {
    await check(prog('clinical_pregnancy', ', "beta_hcg_d14"', '  # <- leak-target'));
  });
  it("the animals slaughtered at the cycle's end beside its mortality: reported", async () => {
    await check(prog('mortality_pct', ', "slaughtered"', '  # <- leak-target'));
  });
  it('the interest paid beside a pawn redeemed: reported', async () => {
    await check(prog('redeemed', ', "interest_paid"', '  # <- leak-target'));
  });
  it('a reserve price and the operating time are known before (nothing)', async () => {
    await check(prog('sold', ', "reserve_price"'));
    await check(prog('complication', ', "operating_minutes"'));
  });
});

describe('a feature that comes with the label from a table of results merged in on a key', () => {
  const prog = (file: string, cols: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
SETTINGS = {"entries": "data/show_entries.csv", "judging": "${file}"}
entries = pd.read_csv(SETTINGS["entries"])
scored = pd.read_csv(SETTINGS["judging"])[${cols}]
dogs = entries.merge(scored, on="entry_id")
X = dogs[["age_months", "weight_kg", "handler_years", "ring_minutes"]]
y = dogs["placed"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=3)
clf = RandomForestClassifier().fit(X_tr, y_tr)${mark}
print(clf.score(X_te, y_te))
`;
  it("the judging results' ring time beside the placing: reported", async () => {
    await check(
      prog('data/judging_results_2023.csv', '["entry_id", "placed", "ring_minutes"]', '  # <- leak-target'),
    );
  });
  it('the same columns from a table that is no results file (nothing)', async () => {
    await check(prog('data/ring_schedule_2023.csv', '["entry_id", "placed", "ring_minutes"]'));
  });
});

describe('an event window with a lower bound only: visit_date >= as_of - Timedelta(days=60)', () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
members = pd.read_csv("gym_members.csv", parse_dates=["as_of"])
visits = pd.read_csv("gym_visits.csv", parse_dates=["visit_date"])
m = members[["member_id", "as_of"]].merge(visits, on="member_id")
keep = ${window}${mark}
counts = m[keep].groupby(["member_id", "as_of"]).size().rename("visits_60d").reset_index()
members = members.merge(counts, on=["member_id", "as_of"], how="left").fillna({"visits_60d": 0})
cols = ["visits_60d", "age", "tenure_months"]
train, test = members[members["as_of"] < "2024-01-01"], members[members["as_of"] >= "2024-01-01"]
clf = LogisticRegression().fit(train[cols], train["cancelled_next_30d"])
print(clf.score(test[cols], test["cancelled_next_30d"]))
`;
  it('no upper bound: the visits after as_of are counted, reported at the window', async () => {
    await check(prog('m["visit_date"] >= m["as_of"] - pd.Timedelta(days=60)', '  # <- leak-target'));
  });
  it('bounded above by as_of (nothing)', async () => {
    await check(
      prog('(m["visit_date"] >= m["as_of"] - pd.Timedelta(days=60)) & (m["visit_date"] < m["as_of"])'),
    );
  });
  it('a chained comparison or between() bounds both sides (nothing)', async () => {
    await check(prog('(m["as_of"] - pd.Timedelta(days=60) <= m["visit_date"]) & (m.visit_date < m.as_of)'));
    await check(prog('m["visit_date"].between(m["as_of"] - pd.Timedelta(days=60), m["as_of"])'));
  });
});

describe('a Dataset that standardises what it is given, cut by Subset(full, range(cut))', () => {
  const prog = (make: string, mark = '') => `
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, Subset
COLS = ["flow_lpm", "pressure_bar", "temp_c"]
class Meter(Dataset):
    def __init__(self, frame, stats=None):
        x = frame[COLS].to_numpy(np.float32)
        if stats is None:
            stats = (x.mean(axis=0), x.std(axis=0))${mark}
        self.stats = stats
        self.x = torch.from_numpy((x - stats[0]) / stats[1])
        self.y = torch.from_numpy(frame["leak_lpm"].to_numpy(np.float32))
    def __len__(self):
        return len(self.y)
    def __getitem__(self, i):
        return self.x[i], self.y[i]
log = pd.read_csv("meters.csv").sort_values("ts").reset_index(drop=True)
cut = int(0.8 * len(log))
${make}
net = nn.Linear(3, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for xb, yb in DataLoader(train_ds, batch_size=256, shuffle=True):
    opt.zero_grad()
    loss = nn.functional.mse_loss(net(xb).squeeze(1), yb)
    loss.backward()
    opt.step()
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=1024):
        print(nn.functional.l1_loss(net(xb).squeeze(1), yb).item())
`;
  it('statistics of every row, then Subset(full, range(cut)) and range(cut, len(full)): reported', async () => {
    await check(
      prog(
        'full = Meter(log)\ntrain_ds = Subset(full, range(cut))\ntest_ds = Subset(full, range(cut, len(full)))',
        '  # <- leak-preprocessing (the mean) # <- leak-preprocessing (and the std)',
      ),
    );
  });
  it("the training part's statistics given to the test part (nothing)", async () => {
    await check(
      prog('train_ds = Meter(log.iloc[:cut])\ntest_ds = Meter(log.iloc[cut:], stats=train_ds.stats)'),
    );
  });
});

describe('rows of the source table picked by a split part\'s index: boards.loc[X_train.index, "species"]', () => {
  const prog = (fill: string, mark = '') => `
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
COLS = ["depth_m", "temp_c"]
casts = pd.read_csv("ctd_casts.csv")
def fill_temp(frame, medians=None):
    if medians is None:
        medians = frame.groupby("vessel")["temp_c"].median()${mark}
    frame = frame.copy()
    frame["temp_c"] = frame["temp_c"].fillna(frame["vessel"].map(medians))
    return frame, medians
X, y = casts[COLS], casts["salinity"]
${fill}
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
X_tr, med = fill_temp(X_tr.assign(vessel=casts.loc[X_tr.index, "vessel"]))
X_te, _ = fill_temp(X_te.assign(vessel=casts.loc[X_te.index, "vessel"]), med)
reg = RandomForestRegressor().fit(X_tr[COLS], y_tr)
print(reg.score(X_te[COLS], y_te))
`;
  it('medians of every cast filled in before the split: reported', async () => {
    await check(prog('casts, _ = fill_temp(casts)\nX = casts[COLS]', '  # <- leak-preprocessing'));
  });
  it("each part takes its own rows' vessel; medians of the training part (nothing)", async () => {
    await check(prog(''));
  });
});

describe('a statistic of what the label is computed from, within groups a split by season keeps whole', () => {
  const prog = (stat: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
runs = pd.read_csv("orienteering_results.csv").sort_values(["season", "event_date"])
by_runner = runs.groupby(["runner_id", "season"])["minutes_behind"]
runs["form"] = by_runner.transform(${stat})
runs["form_per_km"] = runs["form"] / runs["course_km"]
runs["top_ten"] = (runs["minutes_behind"] <= 5).astype(int)
cols = ["form_per_km", "course_km", "climb_m"]
train = runs[runs["season"] < 2024]
test = runs[runs["season"] == 2024]
clf = LogisticRegression().fit(train[cols], train["top_ten"])${mark}
print(clf.score(test[cols], test["top_ten"]))
`;
  it("the season's mean including the row's own result: reported", async () => {
    await check(prog('"mean"', '  # <- leak-target'));
  });
  it('the mean of the earlier races only, scaled per km (nothing)', async () => {
    await check(prog('lambda s: s.shift(1).expanding().mean()'));
  });
});

describe("a loan's performance file or a follow-up file merged in with the label", () => {
  const prog = (file: string, keep: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
apps = pd.read_csv("data/originations.csv")
perf = pd.read_parquet("${file}")
data = apps.merge(perf[${keep}], on="loan_id")
cols = ["ltv", "dti", "fico"${keep.includes('months') ? ', "months_on_file"' : ''}]
X_tr, X_te, y_tr, y_te = train_test_split(data[cols], data["defaulted_12m"], random_state=1)
clf = GradientBoostingClassifier().fit(X_tr, y_tr)${mark}
print(clf.score(X_te, y_te))
`;
  it('months on file taken from the performance file with the label: reported', async () => {
    await check(
      prog(
        'data/monthly_performance.parquet',
        '["loan_id", "defaulted_12m", "months_on_file"]',
        '  # <- leak-target',
      ),
    );
  });
  it('only the label from it (nothing)', async () => {
    await check(prog('data/monthly_performance.parquet', '["loan_id", "defaulted_12m"]'));
  });
});

describe("a day's total of the target merged back onto the day's rows; groups by the calendar day of the split column", () => {
  const prog = (after: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
rides = pd.read_csv("bike_hires.csv", parse_dates=["undocked_at"])
rides["day"] = rides["undocked_at"].dt.normalize()
rides["first_hire"] = rides.groupby(["dock_id", rides["undocked_at"].dt.date])["undocked_at"].transform("min")
rides["mins_since_first"] = (rides["undocked_at"] - rides["first_hire"]).dt.total_seconds() / 60
daily = rides.groupby(["dock_id", "day"], as_index=False).agg(dock_day_load=("minutes", "sum"))
${after}
rides = rides.merge(daily, on=["dock_id", "day"], how="left")
cols = ["mins_since_first", "dock_day_load", "temp_c"]
train = rides[rides["undocked_at"] < "2024-06-01"]
test = rides[rides["undocked_at"] >= "2024-06-01"]
reg = HistGradientBoostingRegressor().fit(train[cols], train["minutes"])${mark}
print(reg.score(test[cols], test["minutes"]))
`;
  it("the dock's total minutes of the same day, the hire's own included: reported", async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it("the previous day's total, its day moved on by one (nothing)", async () => {
    await check(prog('daily["day"] = daily["day"] + pd.Timedelta(days=1)'));
  });
  it("the previous trading day's total, shifted within each dock (nothing)", async () => {
    await check(prog('daily["dock_day_load"] = daily.groupby("dock_id")["dock_day_load"].shift(1)'));
  });
});

describe('two independent random samples of the same rows as training and test parts', () => {
  const prog = (test: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
laps = pd.read_csv("karting_laps.csv")
cols = ["kart_age", "track_temp", "tyre_laps"]
train = laps.sample(frac=0.75, random_state=1)
test = ${test}${mark}
clf = LogisticRegression().fit(train[cols], train["spun_out"])
print(clf.score(test[cols], test["spun_out"]))
`;
  it('df.sample twice: reported at the test sample', async () => {
    await check(prog('laps.sample(frac=0.25, random_state=2)', '  # <- leak-overlap'));
  });
  it('what the training sample leaves out (nothing)', async () => {
    await check(prog('laps.drop(index=train.index)'));
  });
});

describe('a shuffled splitter made beforehand (cv = KFold(..., shuffle=True)) over several rows per counted id', () => {
  const prog = (cv: string, groups = '', mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_score
stays = pd.read_csv("campsite_stays.csv")
print(stays["guest_id"].nunique(), "guests over", len(stays), "stays")
X, y = stays[["nights", "party_size", "pitch_type"]], stays["returned"]
cv = ${cv}
print(cross_val_score(LogisticRegression(), X, y, cv=cv${groups}))${mark}
`;
  it('StratifiedKFold(shuffle=True) given by name: reported', async () => {
    await check(prog('StratifiedKFold(5, shuffle=True, random_state=0)', '', '  # <- leak-overlap'));
  });
  it('GroupKFold by guest (nothing)', async () => {
    await check(prog('GroupKFold(5)', ', groups=stays["guest_id"]'));
  });
});

describe('drop_duplicates(subset=id): one row per id from there on', () => {
  const prog = (dedup: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
a = pd.read_csv("inspections_old_system.csv")
b = pd.read_csv("inspections_new_system.csv")
boilers = pd.concat([a, b], ignore_index=True)
${dedup}
print(boilers["boiler_id"].nunique(), len(boilers))
X, y = boilers[["age_years", "pressure_bar", "scale_mm"]], boilers["failed_next_year"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)${mark}
print(RandomForestClassifier().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it('two systems stacked, several inspections per boiler: reported', async () => {
    await check(prog('', '  # <- leak-overlap'));
  });
  it('the last inspection per boiler kept (nothing)', async () => {
    await check(
      prog('boilers = boilers.sort_values("inspected_at").drop_duplicates(subset="boiler_id", keep="last")'),
    );
  });
});

describe("a statistic over each sample's own axes: x.mean(axis=(1,), keepdims=True) of windows", () => {
  const prog = (axis: string, mark = '') => `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
z = np.load("gait_windows.npz")
x, y = z["windows"], z["label"]
x = x - x.mean(axis=${axis}, keepdims=True)${mark}
x = x.reshape(len(x), -1)
x_tr, x_te, y_tr, y_te = train_test_split(x, y, random_state=0)
print(LogisticRegression().fit(x_tr, y_tr).score(x_te, y_te))
`;
  it('each window centred on its own mean over time (nothing)', async () => {
    await check(prog('(1,)'));
    await check(prog('(1, 2)'));
  });
  it('centred on the mean over every window: reported', async () => {
    await check(prog('(0, 1)', '  # <- leak-preprocessing'));
  });
});

describe("a week's mean of the target by pitch, the week a calendar period of the split's date", () => {
  const prog = (shift: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
d = pd.read_csv("market_stalls.csv", parse_dates=["trade_date"])
d["week"] = d["trade_date"].dt.to_period("W").dt.start_time
wk = d.groupby(["pitch_id", "week"], as_index=False)["takings"].mean().rename(columns={"takings": "pitch_week"})
${shift}
d = d.merge(wk, on=["pitch_id", "week"], how="left").dropna()
cols = ["pitch_week", "rain_mm"]
train, test = d[d["trade_date"] < "2024-07-01"], d[d["trade_date"] >= "2024-07-01"]
m = Ridge().fit(train[cols], train["takings"])${mark}
print(m.score(test[cols], test["takings"]))
`;
  it("the same week's mean, the row's own takings included: reported", async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it("the previous week's mean (nothing)", async () => {
    await check(prog('wk["pitch_week"] = wk.groupby("pitch_id")["pitch_week"].shift(1)'));
  });
});

describe('a split by a set of values and its complement: isin(TEST_YEARS), ~isin(TEST_YEARS)', () => {
  const prog = (order: string) => `
import pandas as pd
from sklearn.linear_model import PoissonRegressor
TEST_YEARS = [2022, 2023]
df = pd.read_csv("tick_drags.csv")
${order}
cols = ["temp_c", "humidity", "leaf_litter_cm"]
m = PoissonRegressor().fit(train[cols], train["ticks"])
print(m.score(test[cols], test["ticks"]))
`;
  it('standardised over every year, then divided by the years: reported', async () => {
    await check(
      prog(
        'df[["temp_c", "humidity"]] = (df[["temp_c", "humidity"]] - df[["temp_c", "humidity"]].mean()) / df[["temp_c", "humidity"]].std()  # <- leak-preprocessing # <- leak-preprocessing\ntrain = df[~df["year"].isin(TEST_YEARS)]\ntest = df[df["year"].isin(TEST_YEARS)]',
      ),
    );
  });
  it('divided first (nothing)', async () => {
    await check(prog('train = df[~df["year"].isin(TEST_YEARS)]\ntest = df[df["year"].isin(TEST_YEARS)]'));
  });
});

describe('an entity\'s own mean of the target, written back to its rows: groupby("player_id")["won"].transform("mean")', () => {
  const prog = (stat: string) => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
games = pd.read_csv("chess_games.csv").sort_values("played_at")
games["player_rate"] = games.groupby("player_id")["won"].transform(${stat})
cols = ["player_rate", "rating_diff", "white"]
X_tr, X_te, y_tr, y_te = train_test_split(games[cols], games["won"], shuffle=False)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it("the mean over all the player's games: reported once, as target leakage (round 25: the same statistic is no second, preprocessing finding)", async () => {
    const text = prog('"mean"').replace(/^\n/, '');
    const r = await reviewSources([{ path: 'p.py', text }], { families: ['leakage'] });
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['leak-target']);
  });
  it('the mean of the earlier games only (nothing)', async () => {
    await check(prog('lambda s: s.shift(1).expanding().mean()'));
  });
});
