/**
 * The twenty-seventh round of data-flow capabilities (issue 16; held-out v27's failures, tuning data since its report;
 * v28 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('rows kept by isin() of one part of a split of their ids are that part of the split', () => {
  const prog = (fit: string, parts: string) => `
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import train_test_split
df = pd.read_csv("orchard_blocks.csv")
NUM = ["canopy_m", "slope_deg", "soil_ph"]
${fit}
blocks = df["block_id"].unique()
train_blocks, test_blocks = train_test_split(blocks, test_size=0.25, random_state=0)
${parts}
model = make_pipeline(KNNImputer(), Ridge()).fit(train[NUM], train["yield_t"])
print(model.score(test[NUM], test["yield_t"]))
`;
  const isin = `train = df[df["block_id"].isin(train_blocks)]
test = df[df["block_id"].isin(test_blocks)]`;
  const negated = `held = df["block_id"].isin(test_blocks)
train = df[~held]
test = df[held]`;
  it('an imputer fit on every block before the ids are split, reported', async () => {
    await check(prog(`df[NUM] = KNNImputer().fit_transform(df[NUM])${'  # <- leak-preprocessing'}`, isin));
    await check(prog(`df[NUM] = KNNImputer().fit_transform(df[NUM])${'  # <- leak-preprocessing'}`, negated));
  });
  it('the imputer inside the pipeline, fit on the training blocks (nothing)', async () => {
    await check(prog('', isin));
    await check(prog('', negated));
  });
});

describe('Boruta and robust covariance estimators learn from the rows they are fit on', () => {
  const boruta = (before: boolean) => `
import pandas as pd
from boruta import BorutaPy
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("kiln_cracks.csv")
X, y = df.drop(columns=["cracked"]), df["cracked"]
sel = BorutaPy(RandomForestClassifier(max_depth=5, random_state=0), n_estimators="auto", random_state=0)
${
  before
    ? `sel.fit(X.to_numpy(), y.to_numpy())  # <- leak-preprocessing
keep = X.columns[sel.support_].tolist()
X_train, X_test, y_train, y_test = train_test_split(X[keep], y, test_size=0.3, random_state=0)`
    : `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)
sel.fit(X_train.to_numpy(), y_train.to_numpy())
keep = X_train.columns[sel.support_].tolist()
X_train, X_test = X_train[keep], X_test[keep]`
}
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('BorutaPy fit on every row, its confirmed columns then split, reported', async () => {
    await check(boruta(true));
  });
  it('BorutaPy fit on the training part (nothing)', async () => {
    await check(boruta(false));
  });
  const mcd = (before: boolean) => `
import numpy as np
import pandas as pd
from sklearn.covariance import MinCovDet
from sklearn.svm import SVR
from sklearn.model_selection import train_test_split
df = pd.read_csv("reed_voicing.csv")
GEOM = ["tip_mm", "width_mm", "thickness_mm"]
${
  before
    ? `mcd = MinCovDet(random_state=0).fit(df[GEOM])  # <- leak-preprocessing
df["distance"] = np.sqrt(mcd.mahalanobis(df[GEOM]))
train, test = train_test_split(df, test_size=0.25, random_state=0)`
    : `train, test = train_test_split(df, test_size=0.25, random_state=0)
mcd = MinCovDet(random_state=0).fit(train[GEOM])
train = train.assign(distance=np.sqrt(mcd.mahalanobis(train[GEOM])))
test = test.assign(distance=np.sqrt(mcd.mahalanobis(test[GEOM])))`
}
model = SVR().fit(train[GEOM + ["distance"]], train["pluck_db"])
print(model.score(test[GEOM + ["distance"]], test["pluck_db"]))
`;
  it("MinCovDet fit on every row, each row's Mahalanobis distance a feature, reported", async () => {
    await check(mcd(true));
  });
  it('MinCovDet fit on the training part (nothing)', async () => {
    await check(mcd(false));
  });
});

describe("tsfresh's select_features is a feature selection learnt from the rows and their labels", () => {
  const prog = (before: boolean) => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
from tsfresh import extract_features, select_features
from tsfresh.utilities.dataframe_functions import impute
signals = pd.read_csv("pump_vibration.csv")
labels = pd.read_csv("pump_outcomes.csv").set_index("pump_id")["seized_60d"]
raw = impute(extract_features(signals, column_id="pump_id", column_sort="t"))
y = labels.loc[raw.index]
${
  before
    ? `X = select_features(raw, y, fdr_level=0.01)  # <- leak-preprocessing
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)`
    : `raw_train, raw_test, y_train, y_test = train_test_split(raw, y, test_size=0.25, random_state=0)
X_train = select_features(raw_train, y_train, fdr_level=0.01)
X_test = raw_test[X_train.columns]`
}
clf = HistGradientBoostingClassifier(random_state=0).fit(X_train, y_train)
print(clf.score(X_test, y_test))
`;
  it('selected on every pump before the split, reported as preprocessing', async () => {
    await check(prog(true));
  });
  it('selected on the training pumps, the test pumps given the same columns (nothing)', async () => {
    await check(prog(false));
  });
});

describe('a dated table summarised per key and merged as the label itself is no feature', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
import lightgbm as lgb
policies = pd.read_csv("hail_policies.csv", parse_dates=["policy_start"])
claims = pd.read_csv("hail_claims.csv", parse_dates=["claim_date"])
cost = claims.groupby("policy_id", as_index=False)["claim_cost"].sum()
n_claims = claims.groupby("policy_id", as_index=False).agg(n_prior_claims=("claim_id", "count"))
df = policies.merge(cost, on="policy_id", how="left").merge(n_claims, on="policy_id", how="left")
df[["claim_cost", "n_prior_claims"]] = df[["claim_cost", "n_prior_claims"]].fillna(0)
FEATURES = ${features}
train, test = df[df["policy_start"] < "2023-01-01"], df[df["policy_start"] >= "2023-01-01"]
model = lgb.LGBMRegressor(objective="tweedie").fit(train[FEATURES], train["claim_cost"])${mark}
print(model.score(test[FEATURES], test["claim_cost"]))
`;
  it("each policy's claims total is the target, the features the policy's own (nothing)", async () => {
    await check(prog('["roof_age", "sum_insured"]'));
  });
  it("the policy's claims counted over all time as a feature, reported", async () => {
    await check(prog('["roof_age", "sum_insured", "n_prior_claims"]', '  # <- leak-target'));
  });
});

describe('a Polars select of a list of statistic expressions is a statistic of the frame it selects from', () => {
  const prog = (frame: string, mark = '') => `
import polars as pl
from sklearn.linear_model import Ridge
NUM = ["kg", "fills", "price"]
daily = pl.read_parquet("station_daily.parquet").sort("day")
cutoff = pl.date(2024, 7, 1)
stats = (${frame}
         .select([pl.col(c).mean().alias(f"{c}_m") for c in NUM] +${mark}
                 [pl.col(c).std().alias(f"{c}_s") for c in NUM]).row(0, named=True))
daily = daily.with_columns([((pl.col(c) - stats[f"{c}_m"]) / stats[f"{c}_s"]).alias(f"z_{c}") for c in NUM])
feat = [f"z_{c}" for c in NUM]
train = daily.filter(pl.col("day") < cutoff)
test = daily.filter(pl.col("day") >= cutoff)
model = Ridge().fit(train.select(feat).to_numpy(), train["kg_next"].to_numpy())
print(model.score(test.select(feat).to_numpy(), test["kg_next"].to_numpy()))
`;
  it('means and deviations of every day, reported', async () => {
    await check(prog('daily', '  # <- leak-preprocessing'));
  });
  it("means and deviations of the days before the split's own cutoff (nothing)", async () => {
    await check(prog('daily.filter(pl.col("day") < cutoff)'));
  });
});

describe('an as-of join that takes the nearest or the next record brings later records as features', () => {
  const polars = (strategy: string, mark = '') => `
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
samples = pl.read_csv("lake_samples.csv", try_parse_dates=True).sort("sampled_at")
notices = pl.read_csv("lake_notices.csv", try_parse_dates=True).select("beach_id", "posted_at", "notice_level").sort("posted_at")
df = samples.join_asof(notices, left_on="sampled_at", right_on="posted_at", by="beach_id", strategy="${strategy}")
FEATURES = ["rain_mm", "water_temp_c", "notice_level"]
train, test = df.filter(pl.col("season") < 2023), df.filter(pl.col("season") == 2023)
clf = HistGradientBoostingClassifier().fit(train.select(FEATURES).to_pandas(), train["unsafe"].to_numpy())${mark}
print(clf.score(test.select(FEATURES).to_pandas(), test["unsafe"].to_numpy()))
`;
  it('strategy="nearest", reported', async () => {
    await check(polars('nearest', '  # <- leak-target'));
  });
  it('strategy="backward", the last notice posted before the sample (nothing)', async () => {
    await check(polars('backward'));
  });
  const pandas = (features: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
checks = pd.read_csv("pump_checks.csv", parse_dates=["check_date"]).sort_values("check_date")
repairs = pd.read_csv("pump_repairs.csv", parse_dates=["repaired_at"]).sort_values("repaired_at")
df = pd.merge_asof(checks, repairs[["pump_id", "repaired_at", "repair_cost"]], left_on="check_date",
                   right_on="repaired_at", by="pump_id", direction="forward")
df["repair_within_30d"] = ((df["repaired_at"] - df["check_date"]).dt.days <= 30).astype(int)
FEATURES = ${features}
train, test = df[df["check_date"] < "2023-12-01"], df[df["check_date"] >= "2024-01-01"]
model = LogisticRegression().fit(train[FEATURES], train["repair_within_30d"])${mark}
print(model.score(test[FEATURES], test["repair_within_30d"]))
`;
  it('merge_asof forward to make the label only, the features the check itself (nothing)', async () => {
    await check(pandas('["vibration_mm_s", "hours_run"]'));
  });
  it("merge_asof forward, the next repair's cost among the features, reported", async () => {
    await check(pandas('["vibration_mm_s", "hours_run", "repair_cost"]', '  # <- leak-target'));
  });
});
