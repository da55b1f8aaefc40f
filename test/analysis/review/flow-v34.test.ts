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
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    ['dam_weight_kg', ['assisted', 'calving_ease']],
    ['birth_weight_kg', ['assisted_living']],
    ['deposit_paid', ['renewed']],
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
