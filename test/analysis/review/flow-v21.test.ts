/**
 * The twenty-fifth round of data-flow capabilities (issue 16; held-out v25's failures, tuning data since its report;
 * v26 frozen before this round, v27 written during it): each behaviour with a leaky program (the line that must be
 * reported marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the
 * corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a series made a frame with to_frame(), then lags of it as features', () => {
  const prog = (roll: string, mark = '') => `
import pandas as pd
import lightgbm as lgb
counts = pd.read_csv("gate_counts.csv", parse_dates=["hour"])
hourly = counts.set_index("hour")["visitors"].resample("h").sum().to_frame()
hourly["hour_of_day"] = hourly.index.hour
for lag in (1, 2, 24):
    hourly[f"visitors_lag{lag}"] = hourly["visitors"].shift(lag)
hourly["visitors_roll24"] = ${roll}
hourly = hourly.dropna()
features = [c for c in hourly.columns if c != "visitors"]
X, y = hourly[features], hourly["visitors"]
cut = int(len(X) * 0.8)
model = lgb.LGBMRegressor().fit(X.iloc[:cut], y.iloc[:cut])${mark}
print(model.score(X.iloc[cut:], y.iloc[cut:]))
`;
  it('lags and a window of earlier hours (nothing)', async () => {
    await check(prog('hourly["visitors"].shift(1).rolling(24).mean()'));
  });
  it('a window that includes the hour itself, reported', async () => {
    await check(prog('hourly["visitors"].rolling(24).mean()', '  # <- leak-target'));
  });
});

describe('regressor sets in a dict, the one chosen on a validation part refit with its list of names', () => {
  const prog = (exog: string, mark = '') => `
import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX
SETS = {"none": [], "holidays": ["school_holidays"], "all": ["school_holidays", "promo_spend"]}
def weekly_series():
    daily = pd.read_csv("tickets.csv", parse_dates=["date"])
    weekly = daily.set_index("date")["visitors"].resample("W-SUN").sum().to_frame()
    weekly = weekly.join(pd.read_csv("calendar.csv", parse_dates=["week"]).set_index("week"), how="left")
    weekly["log_visitors"] = np.log1p(weekly["visitors"])
    return weekly
def fit(frame, cols):
    exog = frame[cols] if cols else None
    return SARIMAX(frame["log_visitors"], exog=exog, order=(1, 0, 1)).fit(disp=False)${mark}
weekly = weekly_series()
train, test = weekly.iloc[:-12], weekly.iloc[-12:]
fit_part, valid = train.iloc[:-12], train.iloc[-12:]
scores = {}
for name, cols in SETS.items():
    res = fit(fit_part, cols)
    exog = valid[cols] if cols else None
    scores[name] = float(np.mean(np.abs(res.forecast(steps=12, exog=exog) - valid["log_visitors"])))
best = min(scores, key=scores.get)
final = fit(train, ${exog})
exog = test[SETS[best]] if SETS[best] else None
print(np.mean(np.abs(final.forecast(steps=12, exog=exog) - test["log_visitors"])))
`;
  it('the chosen list of regressors (nothing)', async () => {
    await check(prog('SETS[best]'));
  });
});

describe("a count of each dog's earlier runs taken from the grouped label column", () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
import lightgbm as lgb
df = pd.read_csv("runs.csv", parse_dates=["trial_date"]).sort_values(["dog_id", "trial_date"])
g = df.groupby("dog_id")["qualified"]
df["dog_runs"] = ${feature}
df["dog_last_q"] = g.shift(1)
features = ["dog_runs", "dog_last_q", "course_yards", "n_weaves"]
train = df[df["trial_date"] < "2024-01-01"]
test = df[df["trial_date"] >= "2024-01-01"]
model = lgb.LGBMClassifier().fit(train[features], train["qualified"])${mark}
print(model.score(test[features], test["qualified"]))
`;
  it('cumcount() reads no value of the label (nothing)', async () => {
    await check(prog('g.cumcount()'));
  });
  it('cumsum() of the label includes the run itself, reported', async () => {
    await check(prog('g.cumsum()', '  # <- leak-target'));
  });
});

describe("a site's rate of the label over all its plots, the row's own included", () => {
  const prog = (rate: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
plots = pd.read_csv("plots.csv")
plots["site_rate"] = ${rate}
features = ["plot_m2", "rent_gbp", "years_held", "site_rate"]
X_train, X_test, y_train, y_test = train_test_split(plots[features], plots["gave_up"], test_size=0.25, random_state=4)
model = LogisticRegression(max_iter=500).fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('reported once, as target leakage (the preprocessing finding would say the same thing again)', async () => {
    await check(prog('plots.groupby("site_id")["gave_up"].transform("mean")', '  # <- leak-target'));
  });
  it("a site's mean of a feature over every plot stays a preprocessing finding", async () => {
    await check(prog('plots.groupby("site_id")["rent_gbp"].transform("mean")  # <- leak-preprocessing'));
  });
});

describe('a Polars troop completion rate with a cast before the mean', () => {
  const prog = (expr: string, mark = '') => `
import polars as pl
from catboost import CatBoostClassifier
df = pl.read_csv("signups.csv")
df = df.with_columns(${expr}.alias("troop_rate"))
features = ["age", "difficulty", "troop_rate"]
last = df["season"].max()
train = df.filter(pl.col("season") < last)
test = df.filter(pl.col("season") == last)
model = CatBoostClassifier(verbose=0)
model.fit(train.select(features).to_pandas(), train["completed"].to_numpy())${mark}
print(model.score(test.select(features).to_pandas(), test["completed"].to_numpy()))
`;
  it('over every camp, the row included: reported', async () => {
    await check(prog('pl.col("completed").cast(pl.Float64).mean().over("troop_id")', '  # <- leak-target'));
  });
  it('a mean of another column over every camp stays a preprocessing finding', async () => {
    await check(
      prog('pl.col("nights").cast(pl.Float64).mean().over("troop_id")').replace(
        '.alias("troop_rate"))',
        '.alias("troop_rate"))  # <- leak-preprocessing',
      ),
    );
  });
});

describe("a Polars rate of each courier's earlier damaged parcels: cum_sum() less the row's own", () => {
  const prog = (count: string, mark = '') => `
import polars as pl
import lightgbm as lgb
df = pl.read_parquet("jobs.parquet").sort(["courier_id", "picked_up_at"])
df = df.with_columns(
    ((${count} + 1) / (pl.int_range(pl.len()).over("courier_id") + 20)).alias("courier_rate"),
)
features = ["route_km", "parcel_kg", "courier_rate"]
train = df.filter(pl.col("picked_up_at") < pl.date(2024, 6, 1))
test = df.filter(pl.col("picked_up_at") >= pl.date(2024, 6, 1))
model = lgb.LGBMClassifier().fit(train.select(features).to_pandas(), train["damaged"].to_numpy())${mark}
print(model.score(test.select(features).to_pandas(), test["damaged"].to_numpy()))
`;
  it('the earlier parcels only (nothing)', async () => {
    await check(prog('pl.col("damaged").cum_sum().over("courier_id") - pl.col("damaged")'));
  });
  it("the running count including the row's own parcel, reported", async () => {
    await check(prog('pl.col("damaged").cum_sum().over("courier_id")', '  # <- leak-target'));
  });
});

describe('a label per unit of a feature (pace = time / course length)', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
df = pd.read_csv("results.csv", parse_dates=["race_date"])
df["min_per_km"] = df["finish_seconds"] / 60.0 / df["length_km"]
features = [${features}]
train = df[df["race_date"] < "2024-01-01"]
test = df[df["race_date"] >= "2024-01-01"]
model = GradientBoostingRegressor().fit(train[features], train["min_per_km"])${mark}
print(model.score(test[features], test["min_per_km"]))
`;
  it('the course length a feature, the time not (nothing)', async () => {
    await check(prog('"length_km", "climb_m", "age"'));
  });
  it('the finishing time a feature, reported', async () => {
    await check(prog('"length_km", "climb_m", "finish_seconds"', '  # <- leak-target'));
  });
});

describe('a random-trees embedding and a kernel density fit before the split', () => {
  const embed = (fitOn: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomTreesEmbedding
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("callouts.csv")
X_num = df[["wind_kts", "wave_m", "distance_nm", "crew_on_board"]].to_numpy()
y = df["long_service"].to_numpy()
idx = np.arange(len(df))
train_idx, test_idx = train_test_split(idx, test_size=0.25, stratify=y, random_state=3)
embedder = RandomTreesEmbedding(n_estimators=50, max_depth=4, random_state=0)
embedder.fit(${fitOn})${mark}
leaves = embedder.transform(X_num)
clf = LogisticRegression(max_iter=1000).fit(leaves[train_idx], y[train_idx])
print(clf.score(leaves[test_idx], y[test_idx]))
`;
  it('the embedding fit on the training callouts (nothing)', async () => {
    await check(embed('X_num[train_idx]'));
  });
  it('fit on every callout, reported', async () => {
    await check(embed('X_num', '  # <- leak-preprocessing'));
  });
  const kde = (fitOn: string, mark = '') => `
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.neighbors import KernelDensity
traps = pd.read_csv("traps.csv", parse_dates=["set_at"])
cutoff = traps["set_at"].quantile(0.8)
train = traps[traps["set_at"] < cutoff].copy()
test = traps[traps["set_at"] >= cutoff].copy()
kde = KernelDensity(bandwidth=0.01, metric="haversine").fit(np.radians(${fitOn}[["lat", "lon"]].to_numpy()))${mark}
train["log_density"] = kde.score_samples(np.radians(train[["lat", "lon"]].to_numpy()))
test["log_density"] = kde.score_samples(np.radians(test[["lat", "lon"]].to_numpy()))
features = ["log_density", "nights", "bait_tuna"]
model = xgb.XGBClassifier().fit(train[features], train["caught_unneutered"])
print(model.score(test[features], test["caught_unneutered"]))
`;
  it('the density of the training traps (nothing)', async () => {
    await check(kde('train'));
  });
  it('the density of every trap, later ones included, reported', async () => {
    await check(kde('traps', '  # <- leak-preprocessing'));
  });
});

describe('each recording centred on its own mean as it is loaded in a loop', () => {
  const prog = (centre: string) => `
import numpy as np
import pandas as pd
from sklearn.svm import SVC
from sklearn.model_selection import GroupShuffleSplit
meta = pd.read_csv("recordings.csv")
def features(path):
    audio = np.load(path).astype(np.float32)
    audio = audio - audio.mean()
    return np.abs(np.fft.rfft(audio[:4096]))
rows = [features(f"audio/{rec.recording_id}.npy") for rec in meta.itertuples()]
X = np.vstack(rows)
${centre}
y = meta["species"].to_numpy()
tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=1).split(X, y, groups=meta["box_id"]))
print(SVC().fit(X[tr], y[tr]).score(X[te], y[te]))
`;
  it("the recording's own mean (nothing)", async () => {
    await check(prog(''));
  });
  it('then every spectrum centred on the mean of all recordings, reported', async () => {
    await check(prog('X = X - X.mean(axis=0)  # <- leak-preprocessing'));
  });
});

describe('records named as following the outcome: an exit test, recheck visits after a surgery', () => {
  const course = (extra: string, mark = '') => `
import pandas as pd
import statsmodels.formula.api as smf
df = pd.read_csv("enrolments.csv", parse_dates=["start_date"])
df["passed"] = (df["result"] == "pass").astype(int)
train = df[df["start_date"] < "2024-01-01"]
test = df[df["start_date"] >= "2024-01-01"]
model = smf.logit("passed ~ placement_score + age + ${extra}", data=train).fit(disp=False)${mark}
print(model.predict(test).mean())
`;
  it('the placement test and prior courses (nothing)', async () => {
    await check(course('prior_courses'));
  });
  it('the exit speaking score, reported', async () => {
    await check(course('speaking_exit_score', '  # <- leak-target'));
  });
  const surgery = (extra: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
surg = pd.read_csv("surgeries.csv", parse_dates=["surgery_date"])
cols = ["age_years", "weight_kg", "asa_grade", "${extra}"]
train = surg[surg["surgery_date"] < "2024-01-01"]
test = surg[surg["surgery_date"] >= "2024-01-01"]
model = LogisticRegression(max_iter=1000).fit(train[cols], train["complication"])${mark}
print(model.score(test[cols], test["complication"]))
`;
  it('visits in the year before (nothing)', async () => {
    await check(surgery('visits_12m'));
  });
  it('recheck visits in the 30 days after, reported', async () => {
    await check(surgery('recheck_visits_30d', '  # <- leak-target'));
  });
});

describe('features named in a list joined with columns chosen by a comprehension', () => {
  const prog = (named: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("enrolments.csv", parse_dates=["term_start"])
df = pd.get_dummies(df, columns=["weekday"], dtype=float)
num_cols = [${named}]
dummy_cols = [c for c in df.columns if c.startswith("weekday_")]
cols = num_cols + dummy_cols
X = df[cols].to_numpy()
y = df["dropped_out"].to_numpy()
tr = (df["term_start"] < "2024-01-01").to_numpy()
model = LogisticRegression().fit(X[tr], y[tr])${mark}
print(model.score(X[~tr], y[~tr]))
`;
  it('known at enrolment (nothing)', async () => {
    await check(prog('"age", "distance_km"'));
  });
  it('with the end-of-course feedback rating among the named ones, reported', async () => {
    await check(prog('"age", "distance_km", "overall_rating"', '  # <- leak-target'));
  });
});

describe('reference equations per lung measure, fit in a dict comprehension, z-scores as features', () => {
  const prog = (apply: string, mark = '') => `
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
visits = pd.read_csv("visits.csv", parse_dates=["visit_date"])
def reference(frame, col):
    return smf.ols(f"np.log({col}) ~ age + np.log(height_cm) + male", data=frame).fit()${mark}
def add_z(frame, models):
    out = frame.copy()
    for col, res in models.items():
        resid = np.log(out[col]) - res.predict(out)
        out[f"{col}_z"] = resid / np.sqrt(res.scale)
    return out
${apply}
logit = smf.logit("admitted ~ fev1_l_z + fvc_l_z + age", data=train).fit(disp=False)
print(logit.predict(test).mean())
`;
  const split = `train = visits[visits["visit_date"] < "2021-01-01"]
test = visits[visits["visit_date"] >= "2021-01-01"]`;
  it('fit on the training visits, applied to both parts (nothing)', async () => {
    await check(
      prog(
        `${split}
models = {col: reference(train, col) for col in ["fev1_l", "fvc_l"]}
train, test = add_z(train, models), add_z(test, models)`,
      ),
    );
  });
  it('fit on every visit before the split, reported', async () => {
    await check(
      prog(
        `models = {col: reference(visits, col) for col in ["fev1_l", "fvc_l"]}
visits = add_z(visits, models)
${split}`,
        '  # <- leak-preprocessing',
      ),
    );
  });
});

describe("a dated table's records summarised per key and merged onto dated rows", () => {
  const prog = (history: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
checks = pd.read_csv("checks.csv", parse_dates=["check_date"])
notices = pd.read_csv("notices.csv", parse_dates=["notice_date"])
${history}
df = df.fillna({"n_notices": 0})
FEATURES = ["boiler_age", "n_notices"]
cutoff = df["check_date"].quantile(0.8)
train = df[df["check_date"] <= cutoff]
test = df[df["check_date"] > cutoff]
model = CatBoostClassifier(verbose=0).fit(train[FEATURES], train["failed"])${mark}
print(model.score(test[FEATURES], test["failed"]))
`;
  it("each check's notices issued before it (nothing)", async () => {
    await check(
      prog(`pairs = checks[["check_id", "property_id", "check_date"]].merge(notices, on="property_id")
pairs = pairs[pairs["notice_date"] < pairs["check_date"]]
per_check = pairs.groupby("check_id").agg(n_notices=("notice_id", "count")).reset_index()
df = checks.merge(per_check, on="check_id", how="left")`),
    );
  });
  it('every notice of the property, later ones included, reported', async () => {
    await check(
      prog(
        `per_property = notices.groupby("property_id").agg(n_notices=("notice_id", "count")).reset_index()
df = checks.merge(per_property, on="property_id", how="left")`,
        '  # <- leak-target',
      ),
    );
  });
  it('events counted per day and merged on the day (nothing)', async () => {
    await check(
      prog(`per_day = notices.groupby("notice_date").agg(n_notices=("notice_id", "count")).reset_index()
df = checks.merge(per_day, left_on="check_date", right_on="notice_date", how="left")`),
    );
  });
});
