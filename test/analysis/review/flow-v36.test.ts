/**
 * The thirty-ninth round of data-flow capabilities (issue 16; held-out v39's failures, tuning data since its report;
 * v40 frozen before this round, v41 frozen as it began): each behaviour with a leaky program (the line that must be
 * reported marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the
 * corpus.
 */
import { describe, expect, it } from 'vitest';
import { recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe('two names of one cut date are one cut, with no gap for the label', () => {
  const prog = (trainEnd: string, mark = '') => `
import lightgbm as lgb
import numpy as np
import pandas as pd
HORIZON = 5
df = pd.read_csv("turbine.csv", parse_dates=["day"], index_col="day")
df["kwh_lag1"] = df["kwh"].shift(1)
df["target"] = sum(df["kwh"].shift(-k) for k in range(1, HORIZON + 1))
df = df.dropna()
cutoff = pd.Timestamp("2023-06-01")
train_end = ${trainEnd}
train = df[df.index < train_end]${mark}
test = df[df.index >= cutoff]
model = lgb.LGBMRegressor().fit(train[["kwh_lag1", "wind"]], train["target"])
print(model.score(test[["kwh_lag1", "wind"]], test["target"]))
`;
  it("the training part ends where the test part begins, the label's days crossing: reported", async () => {
    await check(prog('cutoff', '  # <- leak-time-split'));
  });
  it.each([
    'cutoff - pd.Timedelta(days=HORIZON)',
    'cutoff - np.timedelta64(HORIZON, "D")',
    'cutoff - pd.Timedelta(f"{HORIZON}D")',
  ])('the training part ends a horizon before, %s (nothing)', async (end) => {
    await check(prog(end));
  });
});

describe('an unaliased Polars expression replaces the column it starts from', () => {
  const prog = (ref: string, mark = '') => `
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
def fill_sizes(df, ref):
    med = ref.group_by("model").agg(pl.col("area").median().alias("area_med"))${mark}
    return (
        df.join(med, on="model", how="left")
        .with_columns(pl.col("area").fill_null(pl.col("area_med")))
        .drop("area_med")
    )
jobs = pl.read_csv("jobs.csv", try_parse_dates=True)
train = jobs.filter(pl.col("year") < 2023)
test = jobs.filter(pl.col("year") >= 2023)
${ref}
FEATURES = ["area", "panels"]
model = HistGradientBoostingRegressor().fit(train.select(FEATURES).to_numpy(), train["hours"].to_numpy())
print(model.score(test.select(FEATURES).to_numpy(), test["hours"].to_numpy()))
`;
  it('medians of every year filled into the features: reported', async () => {
    await check(
      prog(
        'filled = fill_sizes(jobs, jobs)\ntrain = filled.filter(pl.col("year") < 2023)\ntest = filled.filter(pl.col("year") >= 2023)',
        '  # <- leak-preprocessing',
      ),
    );
  });
  it('medians of the training years (nothing)', async () => {
    await check(prog('train, test = fill_sizes(train, train), fill_sizes(test, train)'));
  });
});

describe("xarray's data_vars are names, not a column", () => {
  it('a feature list spreading them holds no target (nothing)', async () => {
    await check(`
import pandas as pd
import xarray as xr
from sklearn.ensemble import RandomForestRegressor
grid = xr.open_dataset("grid.nc")
anom = grid.to_dataframe().reset_index()
df = pd.read_csv("sites.csv").merge(anom, on=["site", "year"])
FEATURES = [*grid.data_vars, "elevation"]
train, test = df[df["year"] <= 2015], df[df["year"] > 2015]
model = RandomForestRegressor().fit(train[FEATURES], train["swe_apr1"])
print(model.score(test[FEATURES], test["swe_apr1"]))
`);
  });
});

describe('a table of yearly statistics merged by left_on/right_on keys with a year among them', () => {
  const prog = (clim: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
grid = pd.read_csv("grid_swe.csv")
LAST_TRAIN_YEAR = 2015
clim = ${clim}
stats = clim.groupby("cell").agg(mu=("swe", "mean"), sd=("swe", "std")).reset_index()${mark}
feat = grid.merge(stats, on="cell")
feat["swe_z"] = (feat["swe"] - feat["mu"]) / feat["sd"]
sites = pd.read_csv("sites.csv")
df = sites.merge(feat[["cell", "water_year", "swe_z"]], left_on=["grid_cell", "water_year"], right_on=["cell", "water_year"])
train = df[df["water_year"] <= LAST_TRAIN_YEAR]
test = df[df["water_year"] > LAST_TRAIN_YEAR]
model = Ridge().fit(train[["swe_z", "elevation"]], train["swe_apr1"])
print(model.score(test[["swe_z", "elevation"]], test["swe_apr1"]))
`;
  it('a climatology of every year: reported', async () => {
    await check(prog('grid', '  # <- leak-preprocessing'));
  });
  it('a climatology of the training years (nothing)', async () => {
    await check(prog('grid[grid["water_year"] <= LAST_TRAIN_YEAR]'));
  });
});

describe('what follows a late finish, an acceptance, a practical test and a recruitment period', () => {
  it.each([
    ['downtime_hours', ['late']],
    ['return_condition', ['late']],
    ['materials_ordered_gbp', ['accepted']],
    ['assessor_interventions', ['passed']],
    ['patients_screened', ['shortfall', 'randomised']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    ['planned_downtime_hours', ['late']],
    ['condition_at_dispatch', ['late']],
    ['materials_budget_gbp', ['accepted']],
    ['assessor_id', ['passed']],
    ['patients_in_catchment', ['shortfall', 'randomised']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
});
