/**
 * The ninth round of data-flow capabilities (issue 16; held-out v9's misses and false findings, tuning data since its
 * reporting run): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('head(n) and tail(m) are the first and the last rows, two parts', () => {
  const prog = (prep: string, mark: string) => `
import polars as pl
from sklearn.linear_model import LogisticRegression
COLS = ["ph", "depth"]
wells = pl.read_parquet("wells.parquet")
n = int(0.8 * wells.height)
${prep}
train, test = wells.head(n), wells.tail(wells.height - n)
clf = LogisticRegression().fit(train.select(COLS).to_numpy(), train["polluted"].to_numpy())${mark}
print(clf.score(test.select(COLS).to_numpy(), test["polluted"].to_numpy()))
`;
  it('columns selected by a list bound to a name, each part scored apart: nothing', async () => {
    await check(prog('', ''));
  });

  it('statistics of all rows taken before the cut reach the test part (pandas)', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
wells = pd.read_csv("wells.csv")
wells["ph"] = wells["ph"] - wells["ph"].mean()  # <- leak-preprocessing
n = int(0.8 * len(wells))
train, test = wells.head(n), wells.tail(len(wells) - n)
clf = LogisticRegression().fit(train[["ph", "depth"]], train["polluted"])
print(clf.score(test[["ph", "depth"]], test["polluted"]))
`);
  });
});

describe('a backward pass through a loss trains the model on the loss’s labels', () => {
  const prog = (extra: string, mark: string) => `
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
runs = pd.read_csv("runs.csv")
runs["band"] = pd.qcut(runs["finish_minutes"], q=5, labels=False)
cols = ["age", "weekly_km"${extra}]
X = runs[cols].to_numpy(dtype=np.float32)
y = runs["finish_minutes"].to_numpy(dtype=np.float32)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
net = torch.nn.Linear(len(cols), 1)
opt = torch.optim.Adam(net.parameters())
loss_fn = torch.nn.MSELoss()
for epoch in range(100):
    opt.zero_grad()
    loss = loss_fn(net(torch.tensor(X_tr)), torch.tensor(y_tr).unsqueeze(1))
    loss.backward()${mark}
    opt.step()
`;
  it('a band of the finish time among the features of the net trained on the finish time', async () => {
    await check(prog(', "band"', '  # <- leak-target'));
  });

  it('without it: nothing', async () => {
    await check(prog('', ''));
  });
});

describe('a statsmodels formula written as adjacent string literals', () => {
  const prog = (window: string, mark: string) => `
import pandas as pd
import statsmodels.formula.api as smf
aq = pd.read_csv("air.csv", parse_dates=["ts"]).set_index("ts")
aq["no2_mean_6h"] = aq["no2"]${window}.rolling(6).mean()
aq = aq.dropna()
formula = (
    "no2 ~ no2_mean_6h"
    " + wind + temp"
)
cut = aq.index[int(len(aq) * 0.8)]
train, test = aq[aq.index < cut], aq[aq.index >= cut]
model = smf.ols(formula, data=train).fit()${mark}
print(model.predict(test))
`;
  it('a rolling mean that includes the current hour of the target', async () => {
    await check(prog('', '  # <- leak-target'));
  });

  it('shifted one hour first: nothing', async () => {
    await check(prog('.shift(1)', ''));
  });
});

describe('rows chosen by positions the analysis does not follow keep their columns', () => {
  it('X.iloc[train_idx] of X = df[features] still has those features', async () => {
    await check(`
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import GroupShuffleSplit
stays = pd.read_csv("stays.csv")
features = ["age", "n_meds", "readmission_cost"]
X, y = stays[features], stays["readmitted_90d"]
train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2).split(X, y, groups=stays["patient_id"]))
clf = xgb.XGBClassifier().fit(X.iloc[train_idx], y.iloc[train_idx])  # <- leak-target
`);
  });
});

describe('next(splitter.split(…)) is the first fold: its train and test parts', () => {
  const prog = (fit: string, evalSet: string, mark: string) => `
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
df = pd.read_parquet("pumps.parquet")
X, y, groups = df[["temp", "rpm"]], df["failed"], df["pump_id"]
train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=0).split(X, y, groups))
X_train, y_train, X_test, y_test = X.iloc[train_idx], y.iloc[train_idx], X.iloc[test_idx], y.iloc[test_idx]
${fit}
model = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=50)
model.fit(X_fit, y_fit, eval_set=[(${evalSet})])${mark}
print(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
`;
  it('early stopping on the test part of the fold', async () => {
    await check(prog('X_fit, y_fit = X_train, y_train', 'X_test, y_test', '  # <- leak-selection'));
  });

  it('early stopping on a validation part cut from the training part: nothing', async () => {
    const inner =
      'fit_idx, val_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=1).split(X_train, y_train, groups.iloc[train_idx]))\n' +
      'X_fit, y_fit = X_train.iloc[fit_idx], y_train.iloc[fit_idx]\nX_val, y_val = X_train.iloc[val_idx], y_train.iloc[val_idx]';
    await check(prog(inner, 'X_val, y_val', ''));
  });
});

describe('rows counted per person by the program are several rows per person', () => {
  const prog = (split: string) => `
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit, train_test_split
from sklearn.svm import SVC
gait = pd.read_csv("gait_strides.csv")
gait["subject"] = gait["file"].str.split("_").str[0]
print(gait.groupby("subject").size().describe())
X, y = gait.drop(columns=["file", "subject", "fall_risk"]), gait["fall_risk"]
${split}
SVC().fit(X_tr, y_tr)
`;
  it('a random split of the strides: the same person on both sides', async () => {
    await check(prog('X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)  # <- leak-overlap'));
  });

  it('split by subject: nothing', async () => {
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(n_splits=1, random_state=0).split(X, y, groups=gait["subject"]))\nX_tr, y_tr = X.iloc[tr], y.iloc[tr]',
      ),
    );
  });

  it('an e-mail subject is not a person: nothing', async () => {
    await check(`
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
mail = pd.read_csv("mail.csv")
X_tr, X_te, y_tr, y_te = train_test_split(mail["subject"], mail["spam"], random_state=0)
vec = TfidfVectorizer().fit(X_tr)
MultinomialNB().fit(vec.transform(X_tr), y_tr)
`);
  });
});

describe('held-out v10’s false findings and misses (tuning data since its reporting run)', () => {
  it('rows sorted by a date to keep each patient’s first stay, then split at random: not a time series', async () => {
    await check(`
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
adm = pd.read_csv("admissions.csv", parse_dates=["admit_date"])
adm = adm.sort_values("admit_date").drop_duplicates("patient_id", keep="first")
is_test = np.random.default_rng(1).random(len(adm)) < 0.25
train, test = adm[~is_test], adm[is_test]
clf = LogisticRegression().fit(train[["age", "n_meds"]], train["readmitted"])
print(clf.score(test[["age", "n_meds"]], test["readmitted"]))
`);
  });

  it('the best of several records chosen on a validation part, then scored once on the test part: nothing', async () => {
    const prog = (fit: string, score: string, mark: string) => `
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=1)
results = []
for depth in [2, 3, 4]:
    model = GradientBoostingClassifier(max_depth=depth).fit(${fit})
    results.append({"depth": depth, "auc": roc_auc_score(${score}), "model": model})${mark}
best = max(results, key=lambda r: r["auc"])
print(roc_auc_score(y_test, best["model"].predict_proba(X_test)[:, 1]))
`;
    await check(prog('X_fit, y_fit', 'y_val, model.predict_proba(X_val)[:, 1]', ''));
    await check(
      prog('X_train, y_train', 'y_test, model.predict_proba(X_test)[:, 1]', '  # <- leak-selection'),
    );
  });

  it('Polars medians of every column filled in before the split (a comprehension of pl.col(c))', async () => {
    const prog = (fill: string) => `
import polars as pl
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
NUMERIC = ["area", "rooms"]
homes = pl.read_csv("homes.csv")
${fill}
X_tr, X_te, y_tr, y_te = train_test_split(homes.select(NUMERIC).to_numpy(), homes["kwh"].to_numpy(), random_state=0)
print(Ridge().fit(X_tr, y_tr).score(X_te, y_te))
`;
    await check(
      prog(
        'homes = homes.with_columns([pl.col(c).fill_null(pl.col(c).median()) for c in NUMERIC])  # <- leak-preprocessing',
      ),
    );
    await check(prog('homes = homes.with_columns([pl.col(c).fill_null(0) for c in NUMERIC])'));
  });

  it('a ColumnTransformer’s output keeps the columns it names: a post-outcome column among them is found', async () => {
    const prog = (extra: string, mark: string) => `
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler
orders = pd.read_parquet("orders.parquet")
numeric = ["amount", "account_age_days"${extra}]
prep = ColumnTransformer([("num", StandardScaler(), numeric), ("cat", OneHotEncoder(), ["device"])])
cut = len(orders) * 4 // 5
train, test = orders.iloc[:cut], orders.iloc[cut:]
X_train = prep.fit_transform(train[numeric + ["device"]])
LogisticRegression().fit(X_train, train["is_fraud"])${mark}
`;
    await check(prog(', "chargeback_amount"', '  # <- leak-target'));
    await check(prog('', ''));
  });

  it('fit_transform of a ColumnTransformer on the whole frame outputs only the columns it names', async () => {
    await check(`
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.preprocessing import StandardScaler
homes = pd.read_csv("homes.csv")
prep = ColumnTransformer([("num", StandardScaler(), ["area", "rooms"])])
X = prep.fit_transform(homes)  # <- leak-preprocessing
y = homes["price"].to_numpy()
n = len(homes) * 4 // 5
RandomForestRegressor().fit(X[:n], y[:n])
`);
  });
});

describe('held-out v11’s false findings and misses (tuning data since its reporting run)', () => {
  it('a per-entity series split by entity (GroupShuffleSplit by turbine) is not a time series split at random', async () => {
    const prog = (split: string, mark: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupShuffleSplit, train_test_split
daily = pd.read_csv("pumps_daily.csv", parse_dates=["date"]).sort_values(["pump_id", "date"])
daily["temp_mean7"] = daily.groupby("pump_id")["temp"].transform(lambda s: s.rolling(7, min_periods=1).mean())
${split}${mark}
RandomForestClassifier().fit(train[["temp", "temp_mean7"]], train["fails_14d"])
`;
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.2).split(daily, groups=daily["pump_id"]))\ntrain, test = daily.iloc[tr], daily.iloc[te]',
        '',
      ),
    );
    await check(
      prog('train, test = train_test_split(daily, test_size=0.2, random_state=0)', '  # <- leak-time-split'),
    );
  });

  it('Polars select of columns named by exclusion keeps the exclusions out', async () => {
    await check(`
import polars as pl
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
g = pl.read_csv("gauge.csv").sort("date").with_columns(
    [pl.col("level").shift(1).alias("level_lag1"), pl.col("level").shift(-1).alias("level_next")]
).drop_nulls()
cols = [c for c in g.columns if c not in ("date", "level_next")]
print(cross_val_score(GradientBoostingRegressor(), g.select(cols).to_numpy(), g["level_next"].to_numpy(), cv=TimeSeriesSplit(5)))
`);
  });

  it('a total of which the target is a part', async () => {
    const prog = (extra: string, mark: string) => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
trips = pd.read_parquet("trips.parquet")
X = trips[["trip_distance", "fare_amount"${extra}]]
HistGradientBoostingRegressor().fit(X, trips["tip_amount"])${mark}
`;
    await check(prog(', "total_amount"', '  # <- leak-target'));
    await check(prog(', "tolls_amount"', ''));
  });

  it('MIMIC’s hospital_expire_flag is a death: the stay’s length is known after it', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
stays = pd.read_csv("icu_first24h.csv")
LogisticRegression().fit(stays[["age", "lactate_max", "los_icu_days"]], stays["hospital_expire_flag"])  # <- leak-target
`);
  });
});

describe('held-out v12’s false findings and misses (tuning data since its reporting run)', () => {
  const prog = (extra: string, target: string, mark: string) => `
import pandas as pd
import xgboost as xgb
stays = pd.read_csv("stays.csv")
X = stays[["age", "n_meds"${extra}]]
xgb.XGBClassifier().fit(X, stays["${target}"])${mark}
`;
  it('a lab result is a feature, not the outcome', async () => {
    await check(prog(', "hba1c_result"', 'readmit_30d', ''));
  });
  it('the days to the next admission exist once the patient is readmitted', async () => {
    await check(prog(', "days_to_next_admission"', 'readmit_30d', '  # <- leak-target'));
  });
  it('the channel a customer signed up through is known before a purchase', async () => {
    await check(prog(', "signup_channel"', 'purchased', ''));
  });
});
