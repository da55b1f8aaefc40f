/**
 * Continuation of flow-v8-prep.test.ts (kept under the 400-line limit): early stopping that LightGBM reads from its
 * parameters. Programs written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

/** `# <- rule` at the end of a line marks where `rule` must be reported. */

describe("LightGBM's early stopping given among its parameters", () => {
  const booster = (param: string, valid: string, mark: string) => `
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
rides = pd.read_parquet("rides.parquet")
X_tr, X_te, y_tr, y_te = train_test_split(rides.drop(columns="minutes"), rides["minutes"], random_state=7)
X_fit, X_es, y_fit, y_es = train_test_split(X_tr, y_tr, random_state=7)
cfg = {"objective": "l1", "learning_rate": 0.03, ${param}}
booster = lgb.train(cfg, lgb.Dataset(X_fit, y_fit), num_boost_round=4000, valid_sets=[lgb.Dataset(${valid})])${mark}
print(mean_absolute_error(y_te, booster.predict(X_te)))
`;
  it('lgb.train with "early_stopping_round" in the params and the test set among valid_sets', () =>
    check(booster('"early_stopping_round": 80', 'X_te, y_te', '  # <- leak-selection')));

  it('the alias "n_iter_no_change" likewise', () =>
    check(booster('"n_iter_no_change": 80', 'X_te, y_te', '  # <- leak-selection')));

  it('stopping on a part of the training rows: nothing', () =>
    check(booster('"early_stopping_round": 80', 'X_es, y_es', '')));

  it('no early stopping in the params: the test set is only watched', () =>
    check(booster('"num_leaves": 63', 'X_te, y_te', '')));

  it('LGBMRegressor(early_stopping_round=…) with the test set as eval_set', () =>
    check(`
import lightgbm as lgb
import pandas as pd
from sklearn.model_selection import train_test_split
rides = pd.read_parquet("rides.parquet")
X_tr, X_te, y_tr, y_te = train_test_split(rides.drop(columns="minutes"), rides["minutes"], random_state=7)
reg = lgb.LGBMRegressor(n_estimators=4000, early_stopping_round=80)
reg.fit(X_tr, y_tr, eval_set=[(X_te, y_te)])  # <- leak-selection
print(reg.score(X_te, y_te))
`));
});

describe("a search's fit keywords reach its candidates' early stopping", () => {
  const prog = (fitOn: string, stopOn: string, mark: string) => `
import xgboost as xgb
import pandas as pd
from sklearn.model_selection import RandomizedSearchCV, train_test_split
churn = pd.read_csv("churn.csv")
X_tr, X_te, y_tr, y_te = train_test_split(churn.drop(columns="left"), churn["left"], random_state=1)
X_fit, X_es, y_fit, y_es = train_test_split(X_tr, y_tr, random_state=1)
base = xgb.XGBClassifier(n_estimators=3000, early_stopping_rounds=40)
search = RandomizedSearchCV(base, {"max_depth": [2, 4, 6], "subsample": [0.6, 0.8, 1.0]}, n_iter=5, cv=3)
search.fit(${fitOn}, eval_set=[(${stopOn})], verbose=False)${mark}
print(search.score(X_te, y_te))
`;
  it('every candidate stopped on the test set, which then gives the score', () =>
    check(prog('X_tr, y_tr', 'X_te, y_te', '  # <- leak-selection')));

  it('stopped on a part cut from the training rows: nothing', () =>
    check(prog('X_fit, y_fit', 'X_es, y_es', '')));
});

describe('a trend or season taken out of the whole series', () => {
  const prog = (trend: string, mark: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression, Ridge
from statsmodels.tsa.seasonal import seasonal_decompose
visits = pd.read_csv("visits.csv", parse_dates=["day"], index_col="day")
step = np.arange(len(visits)).reshape(-1, 1)
${trend}${mark}
visits["lag7"] = visits["rest"].shift(7)
visits = visits.dropna()
fit_part, hold_part = visits.iloc[:-28], visits.iloc[-28:]
model = Ridge().fit(fit_part[["lag7"]], fit_part["rest"])
print(model.score(hold_part[["lag7"]], hold_part["rest"]))
`;
  it('in-sample residuals of a line fit to every day', () =>
    check(
      prog(
        'visits["rest"] = visits["n"] - LinearRegression().fit(step, visits["n"]).predict(step)',
        '  # <- leak-preprocessing',
      ),
    ));

  it('the line fit to the days before the hold-out: nothing', () =>
    check(
      prog(
        'line = LinearRegression().fit(step[:-28], visits["n"].iloc[:-28])\nvisits["rest"] = visits["n"] - line.predict(step)',
        '',
      ),
    ));

  it('seasonal_decompose over every day', () =>
    check(
      prog('visits["rest"] = seasonal_decompose(visits["n"], period=7).resid', '  # <- leak-preprocessing'),
    ));
});
