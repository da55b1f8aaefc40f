/**
 * The twenty-third round of data-flow capabilities (issue 16; held-out v23's failures, tuning data since its report;
 * v24 frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a statistic along each row (axis=1) is no statistic of the rows', () => {
  const prog = (baseline: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
spectra = np.load("spectra.npy")
y = pd.read_csv("meta.csv")["origin"].to_numpy()
spectra = spectra - ${baseline}${mark}
X_tr, X_te, y_tr, y_te = train_test_split(spectra, y, test_size=0.25, random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it('np.percentile(spectra, 5, axis=1): a baseline per spectrum (nothing)', async () => {
    await check(prog('np.percentile(spectra, 5, axis=1, keepdims=True)'));
  });
  it('np.percentile(spectra, 5, 1), the axis by position (nothing)', async () => {
    await check(prog('np.percentile(spectra, 5, 1, keepdims=True)'));
  });
  it('np.percentile(spectra, 5, axis=0): per channel over every spectrum, reported', async () => {
    await check(prog('np.percentile(spectra, 5, axis=0)', '  # <- leak-preprocessing'));
  });
});

describe('an overrun measured against the plan', () => {
  const prog = (feats: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("runs.csv")
df["overrun"] = (df["actual_min"] > 1.1 * df["scheduled_min"]).astype(int)
df["fuel_per_km"] = df["fuel_used_l"] / df["route_km"]
FEATS = ${feats}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[FEATS], tr["overrun"])${mark}
print(m.score(te[FEATS], te["overrun"]))
`;
  it('the scheduled minutes, known before the run (nothing)', async () => {
    await check(prog('["route_km", "snow_cm", "scheduled_min"]'));
  });
  it('the actual minutes, reported', async () => {
    await check(prog('["route_km", "actual_min"]', '  # <- leak-target'));
  });
  it('the fuel the run used, reported', async () => {
    await check(prog('["route_km", "fuel_per_km"]', '  # <- leak-target'));
  });
});

describe("a fitted model's per-row attribute as a feature", () => {
  const prog = (fit: string) => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.neighbors import LocalOutlierFactor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import RobustScaler
BENCH = ["torque_nm", "noise_db", "current_a"]
df = pd.read_csv("motors.csv")
${fit}
FEATS = BENCH + ["bench_lof"]
m = GradientBoostingClassifier().fit(train[FEATS], train["warranty_claim"])
print(m.score(test[FEATS], test["warranty_claim"]))
`;
  it('the outlier factor of every motor before the split, reported', async () => {
    await check(
      prog(`lof = make_pipeline(RobustScaler(), LocalOutlierFactor(n_neighbors=40))
lof.fit(df[BENCH])  # <- leak-preprocessing
df["bench_lof"] = -lof[-1].negative_outlier_factor_
train, test = train_test_split(df, test_size=0.2, random_state=0)`),
    );
  });
  it('fit on the training motors, the test ones scored by it (nothing)', async () => {
    await check(
      prog(`train, test = train_test_split(df, test_size=0.2, random_state=0)
train, test = train.copy(), test.copy()
lof = make_pipeline(RobustScaler(), LocalOutlierFactor(n_neighbors=40, novelty=True))
lof.fit(train[BENCH])
train["bench_lof"] = -lof[-1].negative_outlier_factor_
test["bench_lof"] = -lof.score_samples(test[BENCH])`),
    );
  });
});

describe('a feature vector made of parts with np.concatenate', () => {
  it('a list of values and an array of one segment, per segment (nothing)', async () => {
    await check(`
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupShuffleSplit
def features(seg):
    spec = np.abs(np.fft.rfft(seg))
    return np.concatenate([[seg.mean(), seg.std(), np.percentile(seg, 95)], np.log1p(spec[:8])])
echoes = pd.read_parquet("echoes.parquet")
X = np.stack([features(s) for s in echoes["samples"]])
y = echoes["meteor"].to_numpy()
tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(X, y, echoes["night"]))
print(RandomForestClassifier().fit(X[tr], y[tr]).score(X[te], y[te]))
`);
  });
  it('the rows stacked on a copy of themselves, reported', async () => {
    await check(`
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X = np.load("X.npy")
y = np.load("y.npy")
X2, y2 = np.concatenate([X, X]), np.concatenate([y, y])  # <- leak-overlap
X_tr, X_te, y_tr, y_te = train_test_split(X2, y2, test_size=0.2, random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`);
  });
});

describe("a machine's whole history merged back beside a label about its next visit", () => {
  const prog = (history: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupShuffleSplit
df = pd.read_csv("visits.csv", parse_dates=["visit_date"]).sort_values(["machine_id", "visit_date"])
df["next_visit"] = df.groupby("machine_id")["visit_date"].shift(-1)
df["revisit_90d"] = ((df["next_visit"] - df["visit_date"]).dt.days <= 90).astype(int)
${history}
FEATS = ["shots_per_day", "visits_so_far"]
tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(df, groups=df["machine_id"]))
m = GradientBoostingClassifier().fit(df.iloc[tr][FEATS], df.iloc[tr]["revisit_90d"])${mark}
print(m.score(df.iloc[te][FEATS], df.iloc[te]["revisit_90d"]))
`;
  it('counted over all its visits and merged back, reported', async () => {
    await check(
      prog(
        `history = df.groupby("machine_id").agg(visits_so_far=("visit_id", "count")).reset_index()
df = df.merge(history, on="machine_id", how="left")`,
        '  # <- leak-target',
      ),
    );
  });
  it('counted over the earlier visits (nothing)', async () => {
    await check(prog('df["visits_so_far"] = df.groupby("machine_id").cumcount()'));
  });
});

describe("Polars: a member's rate of the label over all loans", () => {
  const prog = (stat: string, mark = '') => `
import polars as pl
from sklearn.linear_model import LogisticRegression
df = pl.read_parquet("loans.parquet").sort("checked_out_on")
${stat}
FEATS = ["loan_days", "member_late_rate"]
train = df.filter(pl.col("checked_out_on") < pl.date(2024, 1, 1))
test = df.filter(pl.col("checked_out_on") >= pl.date(2024, 1, 1))
m = LogisticRegression().fit(train.select(FEATS).to_numpy(), train["late"].to_numpy())${mark}
print(m.score(test.select(FEATS).to_numpy(), test["late"].to_numpy()))
`;
  it('group_by().agg(pl.col("late").mean().alias(...)) joined back, reported', async () => {
    await check(
      prog(
        `stats = df.group_by("member_id").agg(pl.col("late").mean().alias("member_late_rate"))
df = df.join(stats, on="member_id", how="left")`,
        '  # <- leak-target',
      ),
    );
  });
  it('pl.col("late").mean().over("member_id"), reported', async () => {
    await check(
      prog(
        'df = df.with_columns(pl.col("late").mean().over("member_id").alias("member_late_rate"))',
        '  # <- leak-target',
      ),
    );
  });
});

describe('df.loc[mask, NUM + CAT]: the names of both lists', () => {
  const prog = (num: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("bookings.csv")
NUM = ${num}
CAT = ["launch_site"]
y = df["cancelled_weather"].astype(int)
train_mask = df["flight_date"] < "2024-01-01"
X_train, X_test = df.loc[train_mask, NUM + CAT], df.loc[~train_mask, NUM + CAT]
m = LogisticRegression().fit(X_train, y[train_mask])${mark}
print(m.score(X_test, y[~train_mask]))
`;
  it('refunds beside a cancellation, reported', async () => {
    await check(prog('["fc_wind_kt", "refund_gbp"]', '  # <- leak-target'));
  });
  it('the forecast only (nothing)', async () => {
    await check(prog('["fc_wind_kt", "party_size"]'));
  });
});

describe('outcomes by domain: damage at a return, a dry hole, a quality defect', () => {
  const prog = (cols: string, target: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("records.csv")
cols = ${cols}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[cols], tr["${target}"])${mark}
print(m.score(te[cols], te["${target}"]))
`;
  it('check-in minutes beside a damage claim, reported', async () => {
    await check(prog('["driver_age", "checkin_minutes"]', 'damage_claim', '  # <- leak-target'));
  });
  it('the pump-test yield beside a dry hole, reported', async () => {
    await check(prog('["overburden_m", "pump_test_yield_lpm"]', 'dry_hole', '  # <- leak-target'));
  });
  it('the class II share beside blossom-end rot, reported', async () => {
    await check(prog('["ec_ms_cm", "class_ii_share"]', 'ber', '  # <- leak-target'));
  });
  it('what is known before (nothing)', async () => {
    await check(prog('["overburden_m", "slope_deg"]', 'dry_hole'));
  });
});

describe('several rows per entity, split row by row', () => {
  it('pixels of each specimen, the ids split beside them, reported', async () => {
    await check(`
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.model_selection import train_test_split
df = pd.read_parquet("pixels.parquet")
print(df["specimen_id"].nunique(), "specimens")
X = df[["r_900", "r_1400", "r_2200"]].to_numpy()
y = df["mineral"].to_numpy()
specimen = df["specimen_id"].to_numpy()
X_tr, X_te, y_tr, y_te, s_tr, s_te = train_test_split(X, y, specimen, test_size=0.25, random_state=5)  # <- leak-overlap
print(ExtraTreesClassifier().fit(X_tr, y_tr).score(X_te, y_te))
`);
  });
  it('Polars: inspection runs of each joint counted with n_unique(), reported', async () => {
    await check(`
import polars as pl
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
frame = pl.read_parquet("runs.parquet")
print(frame["joint_id"].n_unique(), "joints")
X = frame.select(["depth_pct", "length_mm"]).to_numpy()
y = frame["repair_required"].to_numpy()
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)  # <- leak-overlap
print(RandomForestClassifier().fit(X_tr, y_tr).score(X_te, y_te))
`);
  });
  it('the same, split by joint (nothing)', async () => {
    await check(`
import polars as pl
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupShuffleSplit
frame = pl.read_parquet("runs.parquet")
print(frame["joint_id"].n_unique(), "joints")
X = frame.select(["depth_pct", "length_mm"]).to_numpy()
y = frame["repair_required"].to_numpy()
tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.25).split(X, y, groups=frame["joint_id"].to_numpy()))
print(RandomForestClassifier().fit(X[tr], y[tr]).score(X[te], y[te]))
`);
  });
});

describe('predictions written to a column, read back per group', () => {
  const prog = (tuneOn: string, mark = '') => `
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
bins = pd.read_csv("bins.csv")
FEATURES = ["temp_c", "rh_pct"]
train = bins[bins["season"] <= 2021]
valid = bins[bins["season"] == 2022]
test = bins[bins["season"] == 2023]
clf = lgb.LGBMClassifier().fit(train[FEATURES], train["rot"])
tuning = valid[["store_id", "rot"]].copy()
tuning["p_rot"] = clf.predict_proba(valid[FEATURES])[:, 1]
scored = test[["store_id", "rot"]].copy()
scored["p_rot"] = clf.predict_proba(test[FEATURES])[:, 1]
grid = np.arange(0.05, 0.8, 0.05)
thresholds = {}
for store, grp in ${tuneOn}.groupby("store_id"):
    f1s = [f1_score(grp["rot"], grp["p_rot"] >= t) for t in grid]${mark}
    thresholds[store] = grid[int(np.argmax(f1s))]
scored["alert"] = scored["p_rot"] >= scored["store_id"].map(thresholds)
print(f1_score(scored["rot"], scored["alert"]))
`;
  it('thresholds per store tuned on the test season, reported', async () => {
    await check(prog('scored', '  # <- leak-selection'));
  });
  it('tuned on the validation season (nothing)', async () => {
    await check(prog('tuning'));
  });
});

describe('a split in time with a bound computed from constants', () => {
  const prog = (data: string, mark = '') => `
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score
df = pd.read_csv("weeks.csv", parse_dates=["week_start"])
cutoff = pd.Timestamp("2024-01-01")
train = df[df["week_start"] < cutoff - pd.Timedelta(weeks=1)].copy()
test = df[df["week_start"] >= cutoff].copy()
final = smf.logit("fault_next_week ~ log_tx + age_years", data=${data}).fit(disp=False)${mark}
test["p_fault"] = final.predict(test)
print(roc_auc_score(test["fault_next_week"], test["p_fault"]))
`;
  it('refit on both parts, then scored on the test weeks, reported', async () => {
    await check(prog('pd.concat([train, test])', '  # <- leak-overlap'));
  });
  it('fit on the training weeks (nothing)', async () => {
    await check(prog('train'));
  });
});

describe('learnt values kept in a dict, applied in a loop over its items', () => {
  const prog = (fitOn: string, mark = '') => `
import pandas as pd
from scipy import stats
from sklearn.linear_model import LinearRegression
SKEWED = ["c_n_ratio", "tonnes"]
piles = pd.read_csv("piles.csv", parse_dates=["built_on"])
def fit_power(frame):
    return {col: stats.boxcox(frame[col] + 1.0)[1] for col in SKEWED}${mark}
def apply_power(frame, params):
    out = frame.copy()
    for col, lam in params.items():
        out[col] = stats.boxcox(out[col] + 1.0, lmbda=lam)
    return out
train = piles[piles["built_on"] < "2023-04-01"]
test = piles[piles["built_on"] >= "2023-04-01"]
params = fit_power(${fitOn})
train, test = apply_power(train, params), apply_power(test, params)
m = LinearRegression().fit(train[SKEWED], train["days_to_mature"])
print(m.score(test[SKEWED], test["days_to_mature"]))
`;
  it('Box-Cox exponents of every pile, reported', async () => {
    await check(prog('piles', '  # <- leak-preprocessing'));
  });
  it('of the training piles (nothing)', async () => {
    await check(prog('train'));
  });
});
