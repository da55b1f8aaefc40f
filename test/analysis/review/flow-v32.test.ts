/**
 * The thirty-fifth round of data-flow capabilities (issue 16; held-out v35's failures, tuning data since its report;
 * v36 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a bound kept off zero is no choice among scores', () => {
  const prog = (pick: string, mark = '') => `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
X, y = np.load("X.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
clf = LogisticRegression().fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
rows = []
for cut in (0.3, 0.5, 0.7):
    tn, fp, fn, tp = confusion_matrix(y_test, proba >= cut).ravel()${mark}
    rows.append((cut, tp / max(tp + fn, 1), tp / max(tp + fp, 1)))
${pick}
`;
  it('recall and precision at three cuts, printed (nothing)', async () => {
    await check(prog('print(rows)'));
  });
  it('the cut with the best recall kept and its score reported: the test data chose it', async () => {
    await check(prog('best = max(rows, key=lambda r: r[1])\nprint(best)', '  # <- leak-selection'));
  });
});

describe('a hand-written model is trained on the columns its fit() gives the model it wraps', () => {
  const prog = (cols: string, mark = '', inner = '') => `
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split
FEATURES = ${cols}
class RiskModel:
    def __init__(self):
        self.model = LGBMClassifier(n_estimators=200)
    def prepare(self, df):
        return df[FEATURES]
    def fit(self, df, y):
        self.model.fit(self.prepare(df), y)${inner}
        return self
    def predict(self, df):
        return self.model.predict_proba(self.prepare(df))[:, 1]
jobs = pd.read_csv("jobs.csv")
jobs["rejected"] = (jobs["status"] == "rejected").astype(int)
train, test = train_test_split(jobs, test_size=0.2, random_state=1)
model = RiskModel().fit(train, train["rejected"])${mark}
print(model.predict(test)[:5])
`;
  it('handed the whole frame, fit on two columns (nothing)', async () => {
    await check(prog('["run_length", "gsm"]'));
  });
  it('with the status among the columns: the label is in the features', async () => {
    await check(prog('["run_length", "gsm", "status"]', '  # <- leak-target', '  # <- leak-target'));
  });
});

describe('a sum of the next days made on reversed rows, shifted first', () => {
  const prog = (trainEnd: string, mark = '') => `
import pandas as pd
from xgboost import XGBClassifier
daily = pd.read_csv("depot_daily.csv", parse_dates=["day"]).sort_values("day")
s = daily["faults"]
daily["faults_30d"] = s.rolling(30, min_periods=1).sum()
daily["fault_next_7d"] = (s[::-1].shift(1).rolling(7, min_periods=7).sum()[::-1] > 0).astype(int)
daily = daily.dropna()
CUT = pd.Timestamp("2024-01-01")
train = daily[daily["day"] < ${trainEnd}]${mark}
test = daily[daily["day"] >= CUT]
model = XGBClassifier().fit(train[["faults_30d", "temp"]], train["fault_next_7d"])
print(model.score(test[["faults_30d", "temp"]], test["fault_next_7d"]))
`;
  it('training ends a week before the test part (nothing: the past 30 days are no later row)', async () => {
    await check(prog('CUT - pd.Timedelta(days=7)'));
  });
  it('training ends where the test part starts: the label looks a week ahead across the cut', async () => {
    await check(prog('CUT', '  # <- leak-time-split'));
  });
});

describe('names of other outcomes than their words say', () => {
  const prog = (label: string, feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("units.csv")
df["y"] = (df["${label}"] == "fail").astype(int)
X = df[["lot_size", "${feature}"]]
X_train, X_test, y_train, y_test = train_test_split(X, df["y"], random_state=0)
model = LogisticRegression().fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('a burn-in result beside a voltage margin measured before it (nothing: no match result)', async () => {
    await check(prog('burn_in_result', 'bdv_margin_v'));
  });
  it("a match's result beside the final margin: reported", async () => {
    await check(prog('result', 'margin', '  # <- leak-target'));
  });
  it("an order's status beside the basket value (nothing: a return is no purchase)", async () => {
    await check(prog('order_status', 'basket_value'));
  });
});

describe('what follows a grading or a turn-up, by name', () => {
  const prog = (label: string, feature: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("bookings.csv")
X = df[["lead_days", "${feature}"]]
X_train, X_test, y_train, y_test = train_test_split(X, df["${label}"], random_state=0)
model = CatBoostClassifier(verbose=0).fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('a price deduction beside a lot rejected at grading: reported', async () => {
    await check(prog('rejected', 'grading_deduction_gbp', '  # <- leak-target'));
  });
  it('vouchers redeemed beside a no-show: reported', async () => {
    await check(prog('no_show', 'vouchers_redeemed', '  # <- leak-target'));
  });
  it('vouchers issued beside a no-show (nothing)', async () => {
    await check(prog('no_show', 'vouchers_issued'));
  });
});

describe('what follows a rejection or a late delivery, by name', () => {
  const prog = (label: string, feature: string, mark = '') => `
import pandas as pd
from xgboost import XGBClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("jobs.csv")
X = df[["pages", "${feature}"]]
X_train, X_test, y_train, y_test = train_test_split(X, df["${label}"], random_state=0)
model = XGBClassifier().fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('sheets reprinted beside a print run the client rejected: reported', async () => {
    await check(prog('rejected', 'reprint_sheets', '  # <- leak-target'));
  });
  it('chase emails beside a late delivery: reported', async () => {
    await check(prog('late', 'client_chase_emails', '  # <- leak-target'));
  });
  it("the day the client's selection was received beside a late delivery (nothing: the work starts then)", async () => {
    await check(prog('late', 'selection_received_doy'));
  });
  it('the day the parcel was received beside a late delivery: reported', async () => {
    await check(prog('late', 'received_doy', '  # <- leak-target'));
  });
  it('continuation fees paid beside a late thesis: reported', async () => {
    await check(prog('late_submission', 'continuation_fee_terms', '  # <- leak-target'));
  });
  it('boats launched that day beside a cancelled tour: reported', async () => {
    await check(prog('cancelled', 'boats_launched', '  # <- leak-target'));
  });
  it('boats booked beside a cancelled tour (nothing)', async () => {
    await check(prog('cancelled', 'boats_booked'));
  });
});

describe('statistics of a dated table joined onto the rows by date, before they are split by date', () => {
  const prog = (ref: string, mark = '', how = 'obs.merge(grid, on=["date", "site_id"])') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
obs = pd.read_csv("obs.csv", parse_dates=["date"])
grid = pd.read_csv("grid.csv", parse_dates=["date"])
ref = ${ref}
grid["sst_anom"] = grid["sst"] - ref["sst"].mean()${mark}
data = ${how}
train = data[data["date"] <= "2020-12-31"]
test = data[data["date"] > "2020-12-31"]
clf = GradientBoostingClassifier().fit(train[["sst_anom"]], train["bloom"])
print(clf.score(test[["sst_anom"]], test["bloom"]))
`;
  it('the mean over every date: the test dates are in it', async () => {
    await check(prog('grid', '  # <- leak-preprocessing'));
  });
  it('the mean over the training dates only (nothing)', async () => {
    await check(prog('grid[grid["date"] <= "2020-12-31"]'));
  });
  it("each site's count of a day's reports, joined on the site and the day (nothing: the row's own day)", async () => {
    await check(`
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
obs = pd.read_csv("obs.csv", parse_dates=["date"])
reports = pd.read_csv("reports.csv", parse_dates=["reported_on"])
daily = reports.groupby(["site_id", "reported_on"]).size().rename("n_reports").reset_index()
daily = daily.rename(columns={"reported_on": "date"})
data = obs.merge(daily, on=["site_id", "date"], how="left")
train = data[data["date"] <= "2020-12-31"]
test = data[data["date"] > "2020-12-31"]
clf = GradientBoostingClassifier().fit(train[["n_reports"]], train["bloom"])
print(clf.score(test[["n_reports"]], test["bloom"]))
`);
  });
  it("a table of the sites' own attributes, joined on the site (nothing: no values of other dates)", async () => {
    await check(`
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
obs = pd.read_csv("obs.csv", parse_dates=["date"])
sites = pd.read_csv("sites.csv")
sites["depth_z"] = (sites["depth"] - sites["depth"].mean()) / sites["depth"].std()
data = obs.merge(sites, on="site_id")
train = data[data["date"] <= "2020-12-31"]
test = data[data["date"] > "2020-12-31"]
clf = GradientBoostingClassifier().fit(train[["depth_z"]], train["bloom"])
print(clf.score(test[["depth_z"]], test["bloom"]))
`);
  });
});
