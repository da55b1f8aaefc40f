/**
 * The twenty-first round of data-flow capabilities (issue 16; held-out v21's failures, tuning data since its report;
 * v22 frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a list of feature names with comments between its items', () => {
  it('the names are the features, the target not among them (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
FEATURES = [
    # build record
    "membrane_um", "pt_loading",
    # beginning of life
    "bol_ocv",
]
df = pd.read_csv("stacks.csv")
df["early_eol"] = (df["hours_to_loss"] < 2000).astype(int)
tr, te = train_test_split(df, test_size=0.2, random_state=0)
print(LogisticRegression().fit(tr[FEATURES], tr["early_eol"]).score(te[FEATURES], te["early_eol"]))
`);
  });
});

describe('outcomes by name: time since an earlier event, and what follows an outcome', () => {
  const prog = (cols: string, target: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("jobs.csv")
cols = ${cols}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[cols], tr["${target}"])${mark}
print(m.score(te[cols], te["${target}"]))
`;
  it('days since the last repair beside a failure label (nothing)', async () => {
    await check(prog('["age_years", "days_since_last_repair"]', 'failed_90d'));
  });
  it('reminder texts beside an uncollected repair, reported', async () => {
    await check(prog('["price", "reminder_sms_count"]', 'uncollected', '  # <- leak-target'));
  });
  it('a tornado path width beside its EF rating, reported', async () => {
    await check(prog('["cape", "path_width_m"]', 'ef_rating', '  # <- leak-target'));
  });
});

describe("the program's own groups of columns: the rest of the label's group kept among the features", () => {
  const prog = (drop: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
RADAR = ["rot_velocity", "meso_depth", "storm_speed"]
SURVEY = ["grade", "span_a", "span_b", "count_c", "amount_d"]
ev = pd.read_csv("events.csv", usecols=["event_id"] + RADAR + SURVEY)
ev["significant"] = (ev["grade"] >= 2).astype(int)
X = ev.drop(columns=${drop} + ["significant"])
tr, te, ytr, yte = train_test_split(X, ev["significant"], test_size=0.25, random_state=0)
m = RandomForestClassifier(random_state=0).fit(tr, ytr)${mark}
print(m.score(te, yte))
`;
  it('all of the group but one left out, reported', async () => {
    await check(prog('["event_id", "grade", "span_a", "count_c", "amount_d"]', '  # <- leak-target'));
  });
  it('the whole group left out (nothing)', async () => {
    await check(prog('["event_id"] + SURVEY'));
  });
  it('one list of every column, the ids and the label left out (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
COLS = ["event_id", "office", "issued", "grade", "cape", "shear"]
ev = pd.read_csv("events.csv", usecols=COLS)
ev["significant"] = (ev["grade"] >= 2).astype(int)
X = ev.drop(columns=["event_id", "office", "issued", "grade", "significant"])
tr, te, ytr, yte = train_test_split(X, ev["significant"], test_size=0.25, random_state=0)
print(RandomForestClassifier(random_state=0).fit(tr, ytr).score(te, yte))
`);
  });
});

describe('what follows an outcome: abbreviations, same-day responses, and the past', () => {
  const prog = (label: string, cols: string, mark = '', extra = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("log.csv").sort_values(["unit_id", "date"])
${label}
${extra}
cols = ${cols}
tr, te = train_test_split(df.dropna(subset=cols), test_size=0.2, random_state=0)
m = LogisticRegression().fit(tr[cols], tr["y"])${mark}
print(m.score(te[cols], te["y"]))
`;
  it('dressings issued beside a CTCAE dermatitis grade abbreviated derm, reported', async () => {
    await check(
      prog(
        'df["y"] = (df["max_ctcae_derm"] >= 2).astype(int)',
        '["age", "dressings_issued"]',
        '  # <- leak-target',
      ),
    );
  });
  it('a water change the same day as a nitrate spike, reported', async () => {
    await check(
      prog(
        'df["y"] = (df["nitrate_mg_l"] > 80).astype(int)',
        '["ph", "water_change_l"]',
        '  # <- leak-target',
      ),
    );
  });
  it("the previous day's water change (nothing)", async () => {
    await check(
      prog(
        'df["y"] = (df["nitrate_mg_l"] > 80).astype(int)',
        '["ph", "water_change_prev_l"]',
        '',
        'df["water_change_prev_l"] = df.groupby("unit_id")["water_change_l"].shift(1)',
      ),
    );
  });
  it("today's water change beside tomorrow's spike (nothing)", async () => {
    await check(
      prog(
        'df["spike"] = (df["nitrate_mg_l"] > 80).astype(int)',
        '["ph", "water_change_l"]',
        '',
        'df["y"] = df.groupby("unit_id")["spike"].shift(-1)',
      ),
    );
  });
  it('days since the last water change (nothing)', async () => {
    await check(
      prog(
        'df["y"] = (df["nitrate_mg_l"] > 80).astype(int)',
        '["ph", "days_since_change"]',
        '',
        'df["days_since_change"] = df.groupby("unit_id")["water_change_l"].transform(lambda s: s.cumsum())',
      ),
    );
  });
  it('a routine probiotic dose beside a positive test (nothing)', async () => {
    await check(
      prog('df["y"] = df["wssv_positive"].astype(int)', '["stocking_density", "probiotic_dose_ml"]'),
    );
  });
  it('the end-of-test value beside its beginning-of-life one, reported', async () => {
    await check(
      prog(
        'df["y"] = (df["hours_to_loss"] < 2000).astype(int)',
        '["bol_ecsa", "ecsa_loss_pct"]',
        '  # <- leak-target',
        'df["ecsa_loss_pct"] = 100 * (1 - df["eot_ecsa"] / df["bol_ecsa"])',
      ),
    );
  });
});

describe('a label that compares what happened with the plan', () => {
  const prog = (num: string, mark = '') => `
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
df = pd.read_csv("jobs.csv")
df["y"] = (df["actual_days"] > 1.15 * df["quoted_days"]).astype(int)
df["days_per_m2"] = df["${num}"] / df["roof_area_m2"]
df["hours_to_deadline"] = (df["deadline_at"] - df["accepted_at"]).dt.total_seconds() / 3600
train, test = df[df["season"] < 2023], df[df["season"] >= 2023]
fit = smf.logit("y ~ days_per_m2 + hours_to_deadline + pitch_deg", data=train).fit(disp=False)${mark}
print(fit.predict(test).mean())
`;
  it('a feature made of the actual days, reported', async () => {
    await check(prog('actual_days', '  # <- leak-target'));
  });
  it('the same made of the quoted days, and the time to the deadline (nothing)', async () => {
    await check(prog('quoted_days'));
  });
  it('the time to the deadline beside a late flag and the late rate so far (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
jobs = pd.read_csv("jobs.csv", parse_dates=["submitted_at", "deadline_at", "delivered_at"])
jobs["late"] = (jobs["delivered_at"] > jobs["deadline_at"]).astype(int)
jobs = jobs.sort_values("submitted_at")
jobs["hours_to_deadline"] = (jobs["deadline_at"] - jobs["submitted_at"]).dt.total_seconds() / 3600
jobs["late_rate"] = jobs.groupby("linguist_id")["late"].transform(lambda s: s.shift(1).expanding().mean())
FEATURES = ["hours_to_deadline", "late_rate", "word_count"]
train, test = jobs[jobs["submitted_at"] < "2024-01-01"], jobs[jobs["submitted_at"] >= "2024-01-01"]
clf = HistGradientBoostingClassifier(random_state=0).fit(train[FEATURES], train["late"])
print(clf.score(test[FEATURES], test["late"]))
`);
  });
});

describe('columns brought by merges: on several keys, kept by a tuple of names, or copied by a multi-column fill', () => {
  const prog = (res: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
DROP = ("athlete_id", "bib", "race_id", "year", "dnf")
reg = pd.read_csv("registrations.csv")
res = pd.read_csv("chip_results.csv")[${res}]
df = reg.merge(res, on=["race_id", "bib"], how="inner")
feature_cols = [c for c in df.select_dtypes("number").columns if c not in DROP]
train, test = df[df["year"] < 2024], df[df["year"] == 2024]
m = LogisticRegression().fit(train[feature_cols], train["dnf"])${mark}
print(m.score(test[feature_cols], test["dnf"]))
`;
  it('timing mats crossed, from the results file, beside a did-not-finish label, reported', async () => {
    await check(prog('["race_id", "bib", "dnf", "timing_mats_crossed"]', '  # <- leak-target'));
  });
  it('the results file with the label only (nothing)', async () => {
    await check(prog('["race_id", "bib", "dnf"]'));
  });
  it('refunds counted per slot and filled with the other counts, beside a cancellation, reported', async () => {
    await check(`
import pandas as pd
from lightgbm import LGBMClassifier
slots = pd.read_csv("slots.csv")
bookings = pd.read_csv("bookings.csv")
agg = bookings.groupby("slot_id").agg(riders=("party_size", "sum"), refunded_riders=("refund_amount", lambda r: (r > 0).sum()))
df = slots.merge(agg.reset_index(), on="slot_id", how="left")
count_cols = ["riders", "refunded_riders"]
df[count_cols] = df[count_cols].fillna(0)
df["cancelled"] = (df["status"] == "cancelled").astype(int)
FEATURES = ["capacity", "riders", "refunded_riders"]
train, test = df[df["slot_start"] < "2024-01-01"], df[df["slot_start"] >= "2024-01-01"]
clf = LGBMClassifier(random_state=0).fit(train[FEATURES], train["cancelled"])  # <- leak-target
print(clf.score(test[FEATURES], test["cancelled"]))
`);
  });
  it("another frame's columns picked from the merged frame are not every column of it (nothing)", async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import Lasso
cards = pd.read_csv("cards.csv")
wfeat = pd.read_csv("weather_windows.csv")
df = cards.merge(wfeat, on=["station_id", "date"], how="inner")
site_cols = ["canopy_height_m", "edge_distance_m"]
wcols = [c for c in wfeat.columns if c not in ("station_id", "date")]
X = df[site_cols + wcols].fillna(0.0)
y = df["moth_count"]
train = df["date"] < "2023-01-01"
print(Lasso(alpha=0.1).fit(X[train], y[train]).score(X[~train], y[~train]))
`);
  });
});

describe('choosing on a validation set, reporting on the test set', () => {
  const prog = (pick: string, mark = '') => `
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
X, y = np.load("X.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=3)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=3)
ridge, gbm = Ridge().fit(${pick === 'val' ? 'X_fit, y_fit' : 'X_train, y_train'}), GradientBoostingRegressor(random_state=0).fit(${pick === 'val' ? 'X_fit, y_fit' : 'X_train, y_train'})
p_r, p_g = ridge.predict(X_${pick}), gbm.predict(X_${pick})
weights = np.linspace(0, 1, 11)
maes = []
for w in weights:
    maes.append(mean_absolute_error(y_${pick}, w * p_g + (1 - w) * p_r))${mark}
best = weights[int(np.argmin(maes))]
ridge, gbm = Ridge().fit(X_train, y_train), GradientBoostingRegressor(random_state=0).fit(X_train, y_train)
t_r, t_g = ridge.predict(X_test), gbm.predict(X_test)
print("ridge", mean_absolute_error(y_test, t_r))
print("gbm", mean_absolute_error(y_test, t_g))
print("blend", mean_absolute_error(y_test, best * t_g + (1 - best) * t_r))
`;
  it('blend weights chosen on the validation part, the parts and the blend reported on the test part (nothing)', async () => {
    await check(prog('val'));
  });
  it('blend weights chosen on the test part, reported', async () => {
    await check(prog('test', '  # <- leak-selection'));
  });
});

describe('a threshold picked from a curve', () => {
  const prog = (curve: string) => `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_curve
from sklearn.model_selection import cross_val_predict, train_test_split
X, y = np.load("X.npy"), np.load("y.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=21)
clf = LogisticRegression(max_iter=1000).fit(X_train, y_train)
${curve}
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = thr[np.argmax(f1)]
test_proba = clf.predict_proba(X_test)[:, 1]
print(f1_score(y_test, test_proba >= threshold))
`;
  it("from the test set's curve, then scored on the test set, reported", async () => {
    await check(
      prog(
        'prec, rec, thr = precision_recall_curve(y_test, clf.predict_proba(X_test)[:, 1])  # <- leak-selection',
      ),
    );
  });
  it('from out-of-fold predictions on the training set (nothing)', async () => {
    await check(
      prog(
        'oof = cross_val_predict(LogisticRegression(max_iter=1000), X_train, y_train, cv=5, method="predict_proba")[:, 1]\nprec, rec, thr = precision_recall_curve(y_train, oof)',
      ),
    );
  });
});
