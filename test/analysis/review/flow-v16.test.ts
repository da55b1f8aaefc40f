/**
 * The twentieth round of data-flow capabilities (issue 16; held-out v20's failures, tuning data since its report; v21
 * frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs
 * that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('percent ranks of a column over every row: rank(pct=True)', () => {
  const prog = (before: string, after: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
res = pd.read_csv("reservations.csv")
${before}${mark}
tr, te = train_test_split(res, test_size=0.2, random_state=0)
${after}
m = LogisticRegression().fit(tr[["nights_pct", "party"]], tr["cancelled"])
print(m.score(te[["nights_pct", "party"]], te["cancelled"]))
`;
  it('ranked over every reservation before the split, reported', async () => {
    await check(prog('res["nights_pct"] = res["nights"].rank(pct=True)', '', '  # <- leak-preprocessing'));
  });
  it('a plain rank order kept for display is not a feature here (nothing)', async () => {
    await check(
      prog(
        'res["nights_rank"] = res["nights"].rank()',
        'tr = tr.assign(nights_pct=tr["nights"] / 30)\nte = te.assign(nights_pct=te["nights"] / 30)',
      ),
    );
  });
});

describe('gaps filled from the next row: bfill()', () => {
  const prog = (fill: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
df = pd.read_csv("plots.csv", parse_dates=["visit_date"]).sort_values(["plot_id", "visit_date"])
g = df.groupby("plot_id")
df["inspection_score"] = ${fill}
train, test = df[df["visit_date"] < "2024-01-01"], df[df["visit_date"] >= "2024-01-01"]
cols = ["inspection_score", "area_m2"]
m = RandomForestClassifier().fit(train[cols], train["gave_up"])${mark}
print(m.score(test[cols], test["gave_up"]))
`;
  it('the last score so far carried forward (nothing)', async () => {
    await check(prog('g["inspection_score"].ffill().fillna(3)'));
  });
  it("the next inspection's score filled back, reported", async () => {
    await check(prog('g["inspection_score"].bfill().fillna(3)', '  # <- leak-target'));
  });
});

describe('a rolling window of the target closed on the left (the row itself out)', () => {
  const prog = (closed: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import PoissonRegressor
CLOSED = "${closed}"
df = pd.read_csv("rescues.csv", parse_dates=["date"]).set_index("date").sort_index()
df["rescues_7d"] = df["rescues"].rolling("7D", closed=CLOSED).sum().fillna(0)
train, test = df[df.index < "2024-01-01"], df[df.index >= "2024-01-01"]
m = PoissonRegressor().fit(train[["rescues_7d", "temp"]], train["rescues"])${mark}
print(m.score(test[["rescues_7d", "temp"]], test["rescues"]))
`;
  it('the seven days before the row (nothing)', async () => {
    await check(prog('left'));
  });
  it('the seven days up to and including the row, reported', async () => {
    await check(prog('right', '  # <- leak-target'));
  });
});

describe('features filled or computed per value of the target', () => {
  const lookup = (keys: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
TARGET = "rescue_logged"
KEYS = ${keys}
GAPPY = ["water_temp_c", "wave_height_m"]
df = pd.read_csv("beach_days.csv", parse_dates=["date"])
df["month"] = df["date"].dt.month
train, test = df[df["date"] < "2023-01-01"], df[df["date"] >= "2023-01-01"]
table = train.groupby(KEYS)[GAPPY].median()
def fill(frame):
    frame = frame.copy()
    looked = frame[KEYS].join(table, on=KEYS)
    for c in GAPPY:
        frame[c] = frame[c].fillna(looked[c])
    return frame
train, test = fill(train), fill(test)
cols = GAPPY + ["month"]
m = HistGradientBoostingClassifier().fit(train[cols], train[TARGET])${mark}
print(m.score(test[cols], test[TARGET]))
`;
  it('gaps filled by beach and month (nothing)', async () => {
    await check(lookup('["beach", "month"]'));
  });
  it("gaps filled by beach and the label, looked up on the test rows' own labels, reported", async () => {
    await check(lookup('["beach", TARGET]', '  # <- leak-target'));
  });
  it('a class-wise mean written back by transform (over every row too), reported', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("patients.csv")
df["bmi"] = df["bmi"].fillna(df.groupby("diabetic")["bmi"].transform("mean"))  # <- leak-preprocessing
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = LogisticRegression().fit(tr[["bmi", "age"]], tr["diabetic"])  # <- leak-target
print(m.score(te[["bmi", "age"]], te["diabetic"]))
`);
  });
});

describe('a table of results sorted by a column of scores, its top rows kept', () => {
  const prog = (by: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold, train_test_split
df = pd.read_csv("ropes.csv")
X, y = df[["wear", "load"]], df["broken"]
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
rows, models = [], []
for k, (tr, va) in enumerate(KFold(5).split(X_dev)):
    m = LogisticRegression().fit(X_dev.iloc[tr], y_dev.iloc[tr])
    val_auc = roc_auc_score(y_dev.iloc[va], m.predict_proba(X_dev.iloc[va])[:, 1])
    test_auc = roc_auc_score(y_test, m.predict_proba(X_test)[:, 1])${mark}
    models.append(m)
    rows.append({"fold": k, "val_auc": val_auc, "test_auc": test_auc})
scores = pd.DataFrame(rows)
print(scores.sort_values("test_auc"))
ranked = scores.sort_values("${by}", ascending=False)
chosen = ranked["fold"].head(3).tolist()
proba = np.mean([models[k].predict_proba(X_test)[:, 1] for k in chosen], axis=0)
print(roc_auc_score(y_test, proba))
`;
  it('the folds kept by their validation AUC (nothing; the test column is only shown sorted)', async () => {
    await check(prog('val_auc'));
  });
  it('the folds kept by their test AUC, reported', async () => {
    await check(prog('test_auc', '  # <- leak-selection'));
  });
});

describe("a reduction by the id of the rows it is merged onto (each row's own group)", () => {
  const prog = (onto: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
bookings = pd.read_csv("bookings.csv", parse_dates=["desk_date"])
swipes = pd.read_csv("swipes.csv", parse_dates=["swipe_ts"])
pairs = bookings[["booking_id", "member_id", "desk_date"]].merge(swipes, on="member_id")
lag = (pairs["desk_date"] - pairs["swipe_ts"].dt.normalize()).dt.days
pairs = pairs[(lag >= 1) & (lag <= 14)]
agg = pairs.groupby("${onto}").agg(swipes_window=("swipe_ts", "size"), mean_gap=("swipe_ts", "max"))
out = bookings.merge(agg, on="${onto}", how="left")${mark}
tr, te = train_test_split(out, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[["swipes_window", "mean_gap"]], tr["no_show"])
print(m.score(te[["swipes_window", "mean_gap"]], te["no_show"]))
`;
  it("each booking's own swipes before its day (nothing)", async () => {
    await check(prog('booking_id'));
  });
});

describe('what a return brings: its courier', () => {
  const prog = (cols: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("trials.csv")
df["returned"] = df["return_received_at"].notna().astype(int)
cols = ${cols}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = HistGradientBoostingClassifier().fit(tr[cols], tr["returned"])${mark}
print(m.score(te[cols], te["returned"]))
`;
  it('the delivery courier (nothing)', async () => {
    await check(prog('["firmness_code", "delivery_carrier_code"]'));
  });
  it('the return courier, reported', async () => {
    await check(prog('["firmness_code", "return_courier"]', '  # <- leak-target'));
  });
});

describe('an id counted beside features joined side by side (pd.concat(axis=1)) without it', () => {
  const prog = (split: string) => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import GroupShuffleSplit, train_test_split
iv = pd.read_parquet("intervals.parquet")
print(iv["hole_id"].nunique(), "holes", len(iv), "intervals")
X = pd.concat([iv[["mag_susc", "density"]], pd.get_dummies(iv["lith_code"])], axis=1)
y = iv["log_cu"]
${split}
print(RandomForestRegressor().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it('intervals split at random, reported', async () => {
    await check(
      prog(
        'X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=5)  # <- leak-overlap',
      ),
    );
  });
  it('intervals split by hole (nothing)', async () => {
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(test_size=0.2, random_state=5).split(X, y, groups=iv["hole_id"]))\nX_tr, X_te, y_tr, y_te = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te]',
      ),
    );
  });
});

describe('rows exploded into one per item of a list before the split', () => {
  const prog = (body: string) => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
recipes = pd.read_csv("recipes.csv")
def per_tag(df):
    return df.assign(tag=df["tags"].str.split("|")).explode("tag").reset_index(drop=True)
${body}
cols = ["n_ingredients", "n_steps"]
print(Ridge().fit(train[cols], train["minutes"]).score(test[cols], test["minutes"]))
`;
  it('exploded, then split: copies of a recipe on both sides, reported', async () => {
    await check(
      prog(
        'rows = per_tag(recipes)\ntrain, test = train_test_split(rows, test_size=0.2, random_state=0)',
      ).replace(
        '.explode("tag").reset_index(drop=True)',
        '.explode("tag").reset_index(drop=True)  # <- leak-overlap',
      ),
    );
  });
  it('split by recipe, then exploded (nothing)', async () => {
    await check(
      prog(
        'tr, te = train_test_split(recipes, test_size=0.2, random_state=0)\ntrain, test = per_tag(tr), per_tag(te)',
      ),
    );
  });
});
