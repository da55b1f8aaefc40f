/**
 * The nineteenth round of data-flow capabilities (issue 16; held-out v19's failures, tuning data since its report; v20
 * frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and programs
 * that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('attributes of each entity by group: its start, its first reading, its number of rows', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupShuffleSplit
visits = pd.read_csv("gym_visits.csv", parse_dates=["checked_in_at"])
g = visits.groupby("member_id")
visits["f"] = ${feature}${mark}
cols = ["f", "minutes", "classes"]
tr_i, te_i = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(visits, groups=visits["member_id"]))
tr, te = visits.iloc[tr_i], visits.iloc[te_i]
print(HistGradientBoostingClassifier().fit(tr[cols], tr["renewed"]).score(te[cols], te["renewed"]))
`;
  it("days since the member's first visit (min of a date) is no learnt statistic (nothing)", async () => {
    await check(prog('(visits["checked_in_at"] - g["checked_in_at"].transform("min")).dt.days'));
  });
  it('the difference from the member\'s first reading (transform("first")) (nothing)', async () => {
    await check(prog('visits["minutes"] - g["minutes"].transform("first")'));
  });
  it('the number of visits of the member (transform("size") by an id) (nothing)', async () => {
    await check(prog('g["minutes"].transform("size")'));
  });
  it('the mean minutes of every club, test members included, is still reported', async () => {
    await check(prog('visits.groupby("club")["minutes"].transform("mean")', '  # <- leak-preprocessing'));
  });
  it('a count per category over the whole file (a frequency encoding) is still reported', async () => {
    await check(prog('visits.groupby("club")["club"].transform("count")', '  # <- leak-preprocessing'));
  });
});

describe('transform("cumsum") is the group method by that name, and cumsum() - own value is the earlier rows', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
bouts = pd.read_csv("bouts.csv").sort_values(["fencer_id", "bout_time"])
g = bouts.groupby("fencer_id")
bouts["wins_so_far"] = ${feature}
cols = ["wins_so_far", "rank"]
train, test = bouts[bouts["season"] < 2024], bouts[bouts["season"] >= 2024]
print(LogisticRegression().fit(train[cols], train["won"]).score(test[cols], test["won"]))${mark}
`;
  it('the wins before this bout (nothing)', async () => {
    await check(prog('g["won"].cumsum() - bouts["won"]'));
  });
  it('the wins including this bout, reported', async () => {
    await check(prog('g["won"].cumsum()', '  # <- leak-target'));
  });
  it('the same through transform("cumsum"), reported', async () => {
    await check(prog('g["won"].transform("cumsum")', '  # <- leak-target'));
  });
});

describe('daily counts and sums of the label per driver, accumulated over earlier days only', () => {
  const prog = (acc: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit
df = pd.read_csv("deliveries.csv", parse_dates=["dispatched_at"])
df["day"] = df["dispatched_at"].dt.normalize()
daily = df.groupby(["driver_id", "day"]).agg(runs=("late", "size"), lates=("late", "sum")).reset_index()
gd = daily.groupby("driver_id")
daily["prior_lates"] = ${acc}
df = df.merge(daily[["driver_id", "day", "prior_lates"]], on=["driver_id", "day"], how="left")
cols = ["prior_lates", "distance_km"]
tr_idx, te_idx = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(df, groups=df["driver_id"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]
print(LogisticRegression().fit(train[cols], train["late"]).score(test[cols], test["late"]))${mark}
`;
  it("cumsum() - the day's own lates (nothing; the row count is no statistic of the label)", async () => {
    await check(prog('gd["lates"].cumsum() - daily["lates"]'));
  });
  it("cumsum() with the day's own lates, reported", async () => {
    await check(prog('gd["lates"].cumsum()', '  # <- leak-target'));
  });
});

describe('a side\'s columns (left_birth_date beside the label left_won) are not a consequence of the event "left"', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
bouts = pd.read_csv("bouts_wide.csv", parse_dates=["left_birth_date", "right_birth_date"])
bouts["f"] = ${feature}
tr, te = train_test_split(bouts, test_size=0.2, random_state=0)
print(LogisticRegression().fit(tr[["f", "rank_diff"]], tr["left_won"]).score(te[["f", "rank_diff"]], te["left_won"]))${mark}
`;
  it('the age difference of the two fencers (nothing)', async () => {
    await check(prog('(bouts["right_birth_date"] - bouts["left_birth_date"]).dt.days'));
  });
});

describe('copies of rows split by a group that both copies carry', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit, train_test_split
m = pd.read_csv("matches.csv")
home = m.rename(columns={"home_elo": "elo", "away_elo": "opp_elo"}).assign(won=m["home_won"])
away = m.rename(columns={"away_elo": "elo", "home_elo": "opp_elo"}).assign(won=1 - m["home_won"])
rows = pd.concat([home, away], ignore_index=True)${mark}
${split}
print(LogisticRegression().fit(train[["elo", "opp_elo"]], train["won"]).score(test[["elo", "opp_elo"]], test["won"]))
`;
  it('both views of a match kept together by a split grouped by match (nothing)', async () => {
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(test_size=0.2, random_state=0).split(rows, groups=rows["match_id"]))\ntrain, test = rows.iloc[tr], rows.iloc[te]',
      ),
    );
  });
  it('split at random, reported', async () => {
    await check(
      prog('train, test = train_test_split(rows, test_size=0.2, random_state=0)', '  # <- leak-overlap'),
    );
  });
});

describe('random draws sized like the rows carry none of their values', () => {
  const prog = `
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
X, y = np.load("x.npy"), np.load("y.npy")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
rng = np.random.default_rng(0)
extra = []
for cls in range(3):
    pick = rng.choice(np.flatnonzero(y_tr == cls), size=20, replace=True)
    turns = rng.integers(1, 4, size=len(pick))
    extra.append(np.stack([np.rot90(X_tr[i], k=t) for i, t in zip(pick, turns)]))
print(LogisticRegression().fit(np.concatenate([X_tr, *extra]), y_tr).score(X_te, y_te))
`;
  it('rotations of rows picked by class, on the training part (nothing)', async () => {
    await check(prog);
  });
});

describe('training and test periods set by constants whose ranges intersect', () => {
  const prog = (trainEnd: string, testStart: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
CONFIG = {"train_start": "2019-10-01", "train_end": "${trainEnd}", "test_start": "${testStart}", "test_end": "2024-03-31"}
df = pd.read_csv("washes.csv", parse_dates=["date"])
def window(frame, start, end):
    return frame[(frame["date"] >= start) & (frame["date"] <= end)]
train = window(df, CONFIG["train_start"], CONFIG["train_end"])
test = window(df, CONFIG["test_start"], CONFIG["test_end"])
cols = ["temp", "rain", "dow"]
model = RandomForestRegressor().fit(train[cols], train["washes"])
print(model.score(test[cols], test["washes"]))${mark}
`;
  it('the test period after the training period (nothing)', async () => {
    await check(prog('2023-12-31', '2024-01-01'));
  });
  it('the test period starting inside the training period, reported', async () => {
    const text = prog('2023-12-31', '2023-10-01').replace(
      '    return frame[(frame["date"] >= start) & (frame["date"] <= end)]',
      '    return frame[(frame["date"] >= start) & (frame["date"] <= end)]  # <- leak-overlap',
    );
    await check(text);
  });
  const seasons = (last: number, mark = '') => `
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score
CFG = {"first": 2016, "last_train": ${last}, "eval": 2023}
df = pd.read_csv("flues.csv")
train = df[df["season"].between(CFG["first"], CFG["last_train"])]
ev = df[df["season"] == CFG["eval"]]${mark}
fit = smf.logit("creosote ~ age + uses", data=train).fit()
print(roc_auc_score(ev["creosote"], fit.predict(ev)))
`;
  it('seasons up to 2022, evaluated on 2023 (nothing)', async () => {
    await check(seasons(2022));
  });
  it('seasons up to 2023, evaluated on 2023, reported', async () => {
    await check(seasons(2023, '  # <- leak-overlap'));
  });
  it('a window inside the history before a validation season (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import Ridge
runs = pd.read_csv("sap.csv")
test_season = 2024
val_season = test_season - 1
history = runs[runs["season"] < test_season]
val = runs[runs["season"] == val_season]
for w in [2, 3, 5]:
    train = history[(history["season"] >= val_season - w) & (history["season"] <= val_season - 1)]
    m = Ridge().fit(train[["temp"]], train["sap"])
print(m.score(val[["temp"]], val["sap"]))
`);
  });
});

describe('the same transform fit again on the test part', () => {
  const helper = (call: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
NUM = ["water_l", "soap_ml", "minutes"]
df = pd.read_csv("cycles.csv")
train, test = train_test_split(df, test_size=0.25, random_state=3)
def scale_block(frame, scaler=None):
    if scaler is None:
        scaler = StandardScaler().fit(frame[NUM])${mark}
    return scaler.transform(frame[NUM])
${call}
model = Ridge().fit(X_train, train["kwh"])
print(model.score(X_test, test["kwh"]))
`;
  it('a helper making a new scaler for whatever part it is given, reported', async () => {
    await check(
      helper('X_train = scale_block(train)\nX_test = scale_block(test)', '  # <- leak-preprocessing'),
    );
  });
  it("the training part's scaler passed for the test part (nothing)", async () => {
    await check(
      helper(
        'sc = StandardScaler().fit(train[NUM])\nX_train = scale_block(train, sc)\nX_test = scale_block(test, sc)',
      ),
    );
  });
  const cls = (second: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
class Prep:
    def __init__(self, cols):
        self.cols = cols
    def fit(self, df):
        self.mean_ = df[self.cols].mean()
        self.std_ = df[self.cols].std()
        return self
    def transform(self, df):
        return ((df[self.cols] - self.mean_) / self.std_).to_numpy()
    def fit_transform(self, df):
        return self.fit(df).transform(df)
tests = pd.read_csv("fleece.csv")
train_df, test_df = train_test_split(tests, test_size=0.2, random_state=21)
prep = Prep(["age", "weight"])
X_train = prep.fit_transform(train_df)
X_test = ${second}${mark}
model = Ridge().fit(X_train, train_df["micron"])
print(model.score(X_test, test_df["micron"]))
`;
  it("the program's own preprocessor refit on the test frame, reported", async () => {
    await check(cls('prep.fit_transform(test_df)', '  # <- leak-preprocessing'));
  });
  it('the test frame only transformed (nothing)', async () => {
    await check(cls('prep.transform(test_df)'));
  });
});

describe('percentile ranks against reference rows (np.searchsorted of the sorted reference)', () => {
  const prog = (ref: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
def pct(values, reference):
    ref = np.sort(np.asarray(reference, dtype=float))
    ref = ref[~np.isnan(ref)]
    return np.searchsorted(ref, np.asarray(values, dtype=float), side="right") / len(ref)${mark}
def add_pct(frame, reference):
    frame = frame.copy()
    for key, idx in frame.groupby("make").groups.items():
        frame.loc[idx, "hours_pct"] = pct(frame.loc[idx, "hours"], reference.loc[reference["make"] == key, "hours"])
    return frame
lots = pd.read_csv("lots.csv")
${ref}
reg = Ridge().fit(train[["hours_pct", "age"]], train["price"])
print(reg.score(test[["hours_pct", "age"]], test["price"]))
`;
  it('ranked against every lot before the split, reported', async () => {
    await check(
      prog(
        'lots = add_pct(lots, reference=lots)\ntrain, test = train_test_split(lots, test_size=0.2, random_state=1)',
        '  # <- leak-preprocessing',
      ),
    );
  });
  it('ranked against the training lots only (nothing)', async () => {
    await check(
      prog(
        'train, test = train_test_split(lots, test_size=0.2, random_state=1)\ntest = add_pct(test, reference=train)\ntrain = add_pct(train, reference=train)',
      ),
    );
  });
});

describe("a model's fit_transform (an LDA projection) is features learnt from the rows", () => {
  const prog = (body: string) => `
import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
X, y = np.load("X.npy"), np.load("y.npy")
${body}
`;
  it('projected on every sample, then cross-validated, reported', async () => {
    await check(
      prog(
        'Z = LinearDiscriminantAnalysis(n_components=3).fit_transform(X, y)  # <- leak-preprocessing\nprint(cross_val_score(KNeighborsClassifier(), Z, y, cv=5).mean())',
      ),
    );
  });
  it('the projection inside the pipeline (nothing)', async () => {
    await check(
      prog(
        'pipe = make_pipeline(LinearDiscriminantAnalysis(n_components=3), KNeighborsClassifier())\nprint(cross_val_score(pipe, X, y, cv=5).mean())',
      ),
    );
  });
});

describe('a slice of the training period named by a Timestamp constant', () => {
  const prog = (slice: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
CUTOFF = pd.Timestamp("2019-01-01")
df = pd.read_parquet("gauges.parquet")
def climatology(frame):
    doy = frame["date"].dt.dayofyear
    return frame[["rain"]].groupby(doy).mean()${mark}
clim = climatology(${slice})
df["rain_clim"] = df["date"].dt.dayofyear.map(clim["rain"])
train = df[df["date"] < CUTOFF]
test = df[df["date"] >= CUTOFF]
m = GradientBoostingRegressor().fit(train[["rain_clim", "temp"]], train["inflow"])
print(m.score(test[["rain_clim", "temp"]], test["inflow"]))
`;
  it('climatology of the days before the cutoff (nothing)', async () => {
    await check(prog('df[df["date"] < CUTOFF]'));
  });
  it('climatology of every day, the test years included, reported', async () => {
    await check(prog('df', '  # <- leak-preprocessing'));
  });
});

describe('features that read the next row: diff(-1)', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("checks.csv").sort_values(["bus_id", "check_date"])
g = df.groupby("bus_id")
df["wear"] = ${feature}
train, test = df[df["check_date"] < "2024-01-01"], df[df["check_date"] >= "2024-01-01"]
m = LogisticRegression().fit(train[["wear", "pad_mm"]], train["job_next_4w"])${mark}
print(m.score(test[["wear", "pad_mm"]], test["job_next_4w"]))
`;
  it('the wear since the previous check (nothing)', async () => {
    await check(prog('-g["pad_mm"].diff()'));
  });
  it('the wear until the next check, reported', async () => {
    await check(prog('g["pad_mm"].diff(-1)', '  # <- leak-target'));
  });
});

describe('columns recorded with or after the outcome, whatever the domain', () => {
  const prog = (cols: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("cases.csv", parse_dates=["admit_date", "disposition_date", "last_modified_at"])
df["released"] = (df["disposition"] == "released").astype(int)
df["days_in_care"] = (df["disposition_date"] - df["admit_date"]).dt.days
df["days_open_at_update"] = (df["last_modified_at"] - df["admit_date"]).dt.days
df["over_quote"] = df["final_eur"] / df["quoted_eur"] - 1
cols = ${cols}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[cols], tr["released"])${mark}
print(m.score(te[cols], te["released"]))
`;
  it('what is known at admission (nothing)', async () => {
    await check(prog('["weight_g", "species_code", "quoted_eur"]'));
  });
  it('days until the disposition the label is made from, reported', async () => {
    await check(prog('["weight_g", "days_in_care"]', '  # <- leak-target'));
  });
  it('days until the record was last modified, reported', async () => {
    await check(prog('["weight_g", "days_open_at_update"]', '  # <- leak-target'));
  });
  it('the final amount against the quote, reported', async () => {
    await check(prog('["weight_g", "over_quote"]', '  # <- leak-target'));
  });
});

describe('columns selected and joined side by side (pd.concat(axis=1)) are read as they are', () => {
  const prog = (numeric: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
NUMERIC = ${numeric}
jobs = pd.read_csv("callouts.csv")
X = pd.concat([jobs[NUMERIC], pd.get_dummies(jobs["job_type"])], axis=1)
X_tr, X_te, y_tr, y_te = train_test_split(X, jobs["onsite_minutes"], random_state=4)
print(Ridge().fit(X_tr, y_tr).score(X_te, y_te))${mark}
`;
  it('travel and the quote (nothing)', async () => {
    await check(prog('["travel_km", "quoted_price_eur"]'));
  });
  it('the invoice total, issued after the job, reported', async () => {
    await check(prog('["travel_km", "invoice_total_eur"]', '  # <- leak-target'));
  });
});

describe('a column copied as it is under a branch that is not followed keeps its definition', () => {
  const prog = `
import pandas as pd
from sklearn.linear_model import LogisticRegression
NUM = ["aadt", "days_open_at_update"]
def features(df):
    out = pd.DataFrame(index=df.index)
    out["days_open_at_update"] = (df["last_modified_at"] - df["reported_at"]).dt.days
    for c in NUM:
        if c not in out:
            out[c] = df[c]
    return out[NUM]
orders = pd.read_parquet("orders.parquet")
orders["in_sla"] = ((orders["closed_at"] - orders["reported_at"]).dt.days <= 7).astype(int)
train, test = orders[orders["reported_at"] < "2023-12-20"], orders[orders["reported_at"] >= "2024-01-01"]
m = LogisticRegression().fit(features(train), train["in_sla"])  # <- leak-target
print(m.score(features(test), test["in_sla"]))
`;
  it('days until the last modification, reported', async () => {
    await check(prog);
  });
});

describe('a count of every row of an entity beside a label that reads its later rows', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit
orders = pd.read_csv("orders.csv", parse_dates=["order_date"]).sort_values(["customer_id", "order_date"])
g = orders.groupby("customer_id")
gap = (g["order_date"].shift(-1) - orders["order_date"]).dt.days
orders["repurchase"] = (gap <= 730).astype(int)
orders["customer_orders"] = ${feature}
orders["age_band"] = pd.cut(orders["age_at_order"], [0, 40, 65, 120])
cols = ["customer_orders", "order_value"]
tr, te = next(GroupShuffleSplit(test_size=0.25, random_state=4).split(orders, groups=orders["customer_id"]))
train, test = orders.iloc[tr], orders.iloc[te]
m = LogisticRegression().fit(train[cols], train["repurchase"])${mark}
print(m.score(test[cols], test["repurchase"]))
`;
  it('the orders before this one (cumcount) (nothing)', async () => {
    await check(prog('g.cumcount()'));
  });
  it("all of the customer's orders, the next one included, reported", async () => {
    await check(prog('g["order_id"].transform("count")', '  # <- leak-target'));
  });
});

describe('rows per booking given to each row, with a random split by row', () => {
  const prog = (feature: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
bags = pd.read_csv("bags.csv")
bags["booking_load"] = ${feature}${mark}
cols = ["booking_load", "route_km"]
tr, te = train_test_split(bags, test_size=0.2, random_state=0)
print(RandomForestClassifier().fit(tr[cols], tr["overweight"]).score(te[cols], te["overweight"]))
`;
  it('bags in the booking: an attribute of the booking (nothing)', async () => {
    await check(prog('bags.groupby("booking_ref")["bag_tag"].transform("size")'));
  });
  it('a mean of a column per booking, learnt over all rows, reported', async () => {
    await check(
      prog('bags.groupby("booking_ref")["route_km"].transform("mean")', '  # <- leak-preprocessing'),
    );
  });
});

describe('ids whose rows the program treats as a series (diff, first per id) in a shuffled split', () => {
  const prog = (cv: string, call: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, cross_validate
readings = pd.read_parquet("readings.parquet").sort_values(["batch_id", "reading_day"])
qc = pd.read_csv("qc.csv")[["batch_id", "rejected"]]
g = readings.groupby("batch_id")
readings["ph_delta0"] = readings["ph"] - g["ph"].transform("first")
readings["ph_slope"] = g["ph"].diff()
data = readings.merge(qc, on="batch_id", how="inner")
X, y = data[["ph", "ph_delta0", "ph_slope"]], data["rejected"]
cv = ${cv}
print(${call}["test_score"].mean())${mark}
`;
  it('daily readings of each batch in shuffled folds, reported', async () => {
    await check(
      prog(
        'StratifiedKFold(n_splits=5, shuffle=True, random_state=0)',
        'cross_validate(RandomForestClassifier(), X, y, cv=cv)',
        '  # <- leak-overlap',
      ).replace('print(cross_validate', 'print(cross_validate'),
    );
  });
  it('folds grouped by batch (nothing)', async () => {
    await check(
      prog(
        'StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)',
        'cross_validate(RandomForestClassifier(), X, y, cv=cv, groups=data["batch_id"])',
      ),
    );
  });
});
