/**
 * The thirty-seventh round of data-flow capabilities (issue 16; held-out v37's failures, tuning data since its report;
 * v38 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe("a duration to another end than the label's", () => {
  const prog = (label: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
projects = pd.read_csv("campaigns.csv", parse_dates=["launch_date", "end_date", "est_delivery", "closed_at"])
projects["late"] = ${label}
projects["campaign_days"] = (projects["end_date"] - projects["launch_date"]).dt.days
cols = ["goal_usd", "backers", "campaign_days"]
train, test = train_test_split(projects, test_size=0.2, random_state=0)
model = CatBoostClassifier(verbose=0).fit(train[cols], train["late"])${mark}
print(model.score(test[cols], test["late"]))
`;
  it("a lateness timed by the delivery, the campaign's end before it (nothing)", async () => {
    await check(
      prog(
        '(pd.to_datetime(projects["actual_delivery"]) > projects["est_delivery"] + pd.DateOffset(months=2)).astype(int)',
      ),
    );
  });
  it('an outcome with no time of its own: reported', async () => {
    await check(prog('(projects["status"] == "cancelled").astype(int)', '  # <- leak-target'));
  });
});

describe('the work of a routine visit named as such', () => {
  it.each([
    ['parts_replaced_at_service', ['breakdown']],
    ['repairs_during_annual_inspection', ['failed']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
  it.each([
    ['parts_replaced', ['breakdown']],
    ['repairs_at_inspection', ['failed_inspection']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
});

describe('supervised datasets put one after the other are still features and labels', () => {
  const prog = (build: string, mark = '', split = '') => `
import pandas as pd
import torch
import torch.nn.functional as F
from torch.utils.data import ConcatDataset, DataLoader, TensorDataset, random_split
meta = pd.read_csv("clips.csv")
x = torch.tensor(meta[["rms", "centroid"]].to_numpy()).float()
y = torch.tensor(meta["species"].to_numpy())
ds = TensorDataset(x, y)
${build}
loader = DataLoader(train_ds, batch_size=32, shuffle=True)
model = torch.nn.Linear(2, 3)
opt = torch.optim.AdamW(model.parameters())
for xb, yb in loader:
    loss = F.cross_entropy(model(xb), yb)${mark}
    opt.zero_grad()
    loss.backward()
    opt.step()
${split}`;
  it('the training part and noisy copies of it (nothing)', async () => {
    await check(
      prog(
        'train_ds, test_ds = random_split(ds, [0.8, 0.2])\nidx = torch.tensor(train_ds.indices)\ntrain_ds = ConcatDataset([train_ds, TensorDataset(x[idx] + 0.1 * torch.randn_like(x[idx]), y[idx])])',
      ),
    );
  });
  it('noisy copies made before the split: reported', async () => {
    await check(
      prog(
        'ds = ConcatDataset([ds, TensorDataset(x + 0.1 * torch.randn_like(x), y)])  # <- leak-overlap\ntrain_ds, test_ds = random_split(ds, [0.8, 0.2])',
      ),
    );
  });
});

describe('a generator over frames unpacked into names gives one value per frame', () => {
  const prog = (rate: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("orders.csv")
df["customer_rate"] = ${rate}
cols = ["price", "fabric_code", "customer_rate"]
train, test = train_test_split(df, test_size=0.2, random_state=0)
X_train, X_test = (d[cols].to_numpy() for d in (train, test))
y_train, y_test = (d["returned"].to_numpy() for d in (train, test))
model = LogisticRegression().fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it("each customer's return rate, the row's own return in it: reported", async () => {
    await check(prog('df.groupby("customer_id")["returned"].transform("mean")', '  # <- leak-target'));
  });
  it('the price with tax (nothing)', async () => {
    await check(prog('df["price"] * 1.2'));
  });
});

describe('what follows a difficult birth and a decision not to renew', () => {
  it.each([
    ['calf_birth_weight_kg', ['assisted', 'calving_ease']],
    ['apgar_5min', ['dystocia']],
    ['deposit_return_requested', ['renewed']],
    ['irrigation_volume_ml', ['inadequate', 'bbps_total']],
    ['tipping_fee_gbp', ['overweight_surcharge', 'surcharge_gbp']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    ['dam_weight_kg', ['assisted', 'calving_ease']],
    ['birth_weight_kg', ['assisted_living']],
    ['deposit_paid', ['renewed']],
    ['split_dose_prep', ['inadequate', 'bbps_total']],
    ['skip_size_yd3', ['overweight_surcharge']],
    ['irrigation_volume_ml', ['crop_yield']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
});

describe('a scaler of the labels fit on every row before the split', () => {
  const prog = (before: string, after: string) => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler
log = pd.read_csv("drum_log.csv", parse_dates=["shift_date"])
y_scaler = StandardScaler()
${before}
fit_rows = log[log["shift_date"] < "2023-07-01"].copy()
test_rows = log[log["shift_date"] >= "2023-07-01"].copy()
${after}
X_fit, X_test = fit_rows[["burner_pct", "feed_tph"]].to_numpy(), test_rows[["burner_pct", "feed_tph"]].to_numpy()
y_fit, y_test = fit_rows[["y_scaled"]].to_numpy(), test_rows[["y_scaled"]].to_numpy()
model = Ridge().fit(X_fit, y_fit)
print(model.score(X_test, y_test))
`;
  it('fit on every row: reported', async () => {
    await check(
      prog(
        'log["y_scaled"] = y_scaler.fit_transform(log[["mix_temp_c"]]).ravel()  # <- leak-preprocessing',
        '',
      ),
    );
  });
  it('fit on the training rows (nothing)', async () => {
    await check(
      prog(
        '',
        'fit_rows["y_scaled"] = y_scaler.fit_transform(fit_rows[["mix_temp_c"]]).ravel()\ntest_rows["y_scaled"] = y_scaler.transform(test_rows[["mix_temp_c"]]).ravel()',
      ),
    );
  });
});

describe("a dataclass's field defaults, __post_init__ and properties are followed", () => {
  const prog = (features: string, mark = '') => `
from dataclasses import dataclass, field
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
@dataclass
class LossModel:
    cat_features: list = field(default_factory=lambda: ["room", "line"])
    num_features: list = field(default_factory=lambda: ${features})
    params: dict = field(default_factory=lambda: {"n_estimators": 300, "random_state": 0})
    def __post_init__(self):
        self.model = RandomForestClassifier(**self.params)
    @property
    def features(self):
        return self.cat_features + self.num_features
    def fit(self, df):
        self.model.fit(df[self.features], df["high_loss"])${mark}
        return self
litters = pd.read_csv("litters.csv")
litters["high_loss"] = (litters["deaths"] / litters["born_alive"] > 0.2).astype(int)
train_df, test_df = train_test_split(litters, test_size=0.2, random_state=0)
clf = LossModel().fit(train_df)
print(clf.model.score(test_df[clf.features], test_df["high_loss"]))
`;
  it('the features given by default (nothing)', async () => {
    await check(prog('["parity", "born_alive"]'));
  });
  it('a default that holds the count the label is made of: reported', async () => {
    await check(prog('["parity", "deaths"]', '  # <- leak-target'));
  });
});

describe('a forecast given the regressors of its periods is a forecast of those rows', () => {
  const prog = (choose: string, mark = '') => `
import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX
TEST_DAYS = 91
y = pd.read_csv("gate_counts.csv", parse_dates=["day"], index_col="day")["visitors"]
X = pd.read_csv("calendar.csv", parse_dates=["day"], index_col="day")[["school_holiday", "rain_mm"]]
y_train, y_test = y.iloc[:-TEST_DAYS], y.iloc[-TEST_DAYS:]
X_train, X_test = X.iloc[:-TEST_DAYS], X.iloc[-TEST_DAYS:]
${choose}
scores = {}
for order in [(1, 0, 0), (2, 0, 1), (1, 1, 1)]:
    res = SARIMAX(fit_y, exog=fit_X, order=order).fit(disp=False)
    pred = res.get_forecast(steps=len(out_X), exog=out_X).predicted_mean
    scores[order] = np.mean(np.abs(pred.to_numpy() - out_y.to_numpy()) / out_y.to_numpy())${mark}
best = min(scores, key=scores.get)
final = SARIMAX(y_train, exog=X_train, order=best).fit(disp=False)
pred = final.get_forecast(steps=TEST_DAYS, exog=X_test).predicted_mean
print(best, np.mean(np.abs(pred.to_numpy() - y_test.to_numpy()) / y_test.to_numpy()))
`;
  it('the order chosen on a validation tail of the training days (nothing)', async () => {
    await check(
      prog(
        'fit_y, out_y = y_train.iloc[:-60], y_train.iloc[-60:]\nfit_X, out_X = X_train.iloc[:-60], X_train.iloc[-60:]',
      ),
    );
  });
  it('the order chosen on the test days, reported on them: reported', async () => {
    await check(
      prog('fit_y, out_y = y_train, y_test\nfit_X, out_X = X_train, X_test', '  # <- leak-selection'),
    );
  });
});
