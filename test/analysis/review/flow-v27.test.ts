/**
 * The thirtieth round of data-flow capabilities (issue 16; held-out v30's failures, tuning data since its report;
 * v31 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a mean of the label by any key, rows split in time: the later labels in every row (leak-target)', () => {
  const prog = (split: string, mark: string, pre = '') => `
import pandas as pd
from lightgbm import LGBMClassifier
df = pd.read_parquet("depot_lifts.parquet")
df["route_late_rate"] = df.groupby("route_code")["late"].transform("mean")${pre}
FEATURES = ["stops", "van_age", "route_late_rate"]
${split}
model = LGBMClassifier().fit(train[FEATURES], train["late"])${mark}
print(model.score(test[FEATURES], test["late"]))
`;
  it('split at a date: leak-target only, not a second preprocessing finding', async () => {
    await check(
      prog(
        'train = df[df["lift_date"] < "2024-01-01"]\ntest = df[df["lift_date"] >= "2024-01-01"]',
        '  # <- leak-target',
      ),
    );
  });
  it('split at random: a target encoding fit before the split (leak-preprocessing)', async () => {
    await check(
      prog(
        'from sklearn.model_selection import train_test_split\ntrain, test = train_test_split(df, random_state=0)',
        '',
        '  # <- leak-preprocessing',
      ),
    );
  });
  it('Polars: filter(pl.col("date") < cutoff) is a split by that column', async () => {
    await check(`
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
df = pl.read_parquet("inspections.parquet")
df = df.with_columns(pl.col("failed").mean().over("room_no").alias("room_fail_rate"))
cutoff = pl.date(2024, 7, 1)
train = df.filter(pl.col("work_date") < cutoff)
test = df.filter(pl.col("work_date") >= cutoff)
cols = ["floor", "room_fail_rate"]
clf = HistGradientBoostingClassifier().fit(train.select(cols).to_pandas(), train["failed"].to_numpy())  # <- leak-target
print(clf.score(test.select(cols).to_pandas(), test["failed"].to_numpy()))
`);
  });
});

describe("a helper's groupby key given as a parameter: the key it is called with", () => {
  const prog = (keys: string, mark = '') => `
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
df = pd.read_parquet("collections.parquet").sort_values("collection_date")


def prior_rate(frame, key):
    daily = frame.groupby(${keys})["missed"].agg(m="sum", n="count").reset_index()
    daily["prior"] = (daily.groupby(key)["m"].cumsum() - daily["m"]) / (daily.groupby(key)["n"].cumsum() - daily["n"])
    out = frame[[key, "collection_date"]].merge(daily[[key, "collection_date", "prior"]], on=[key, "collection_date"], how="left")
    return out["prior"].to_numpy()${mark}


df["street_rate"] = prior_rate(df, "street_id")
train = df[df["collection_date"] < "2024-04-01"]
test = df[df["collection_date"] >= "2024-04-01"]
model = LGBMClassifier().fit(train[["props", "street_rate"]], train["missed"])
print(model.score(test[["props", "street_rate"]], test["missed"]))
`;
  it('by the key and the day the rows are split by: each group on one side (nothing)', async () => {
    await check(prog('[key, "collection_date"]'));
  });
});

describe('a range mask after a cutoff is the later part of a split in time', () => {
  const prog = (fit: string, mark = '') => `
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
notes = pd.read_json("catalogue.jsonl", lines=True)
notes["year"] = notes["accessioned"].str[:4].astype(int)
train = notes[notes["year"] <= 2021]
test = notes[notes["year"].between(2022, 2023)]
vec = TfidfVectorizer(min_df=2).fit(${fit})${mark}
clf = LogisticRegression(max_iter=500).fit(vec.transform(train["text"]), train["dept"])
print(clf.score(vec.transform(test["text"]), test["dept"]))
`;
  it('the vectoriser fit on the whole table: reported', async () => {
    await check(prog('notes["text"]', '  # <- leak-preprocessing'));
  });
  it('fit on the training years (nothing)', async () => {
    await check(prog('train["text"]'));
  });
  it('two ranges that overlap are no split: the whole-table fit is not tied to a test part (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
notes = pd.read_json("catalogue.jsonl", lines=True)
a = notes[notes["year"] <= 2021]
b = notes[notes["year"].between(2015, 2023)]
vec = TfidfVectorizer(min_df=2).fit(notes["text"])
print(LogisticRegression().fit(vec.transform(a["text"]), a["dept"]).coef_.shape, len(b))
`);
  });
});

describe('a column computed from the next record of a forward as-of join (leak-target)', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from xgboost import XGBClassifier
df = pd.read_parquet("rack_days.parquet").sort_values("day")
cleans = pd.read_csv("cleaning_log.csv", parse_dates=["clean_day"])[["rack_id", "clean_day"]].sort_values("clean_day")
prev = pd.merge_asof(df[["rack_id", "day"]], cleans, left_on="day", right_on="clean_day", by="rack_id", direction="backward")
nxt = pd.merge_asof(df[["rack_id", "day"]], cleans, left_on="day", right_on="clean_day", by="rack_id", direction="forward")
df["days_since_clean"] = (df["day"] - prev["clean_day"]).dt.days.to_numpy()
df["days_to_clean"] = (nxt["clean_day"] - df["day"]).dt.days.to_numpy()
FEATURES = ["flux", "ndp", ${features}]
train, test = df[df["day"] < "2024-01-01"], df[df["day"] >= "2024-01-01"]
clf = XGBClassifier().fit(train[FEATURES], train["alarm"])${mark}
print(clf.score(test[FEATURES], test["alarm"]))
`;
  it('days to the next cleaning among the features: reported', async () => {
    await check(prog('"days_since_clean", "days_to_clean"', '  # <- leak-target'));
  });
  it('days since the last one only (nothing)', async () => {
    await check(prog('"days_since_clean"'));
  });
});

describe('a ledger kept by a kind of entry (not a date) is still every record of each key, the later ones too', () => {
  const prog = (cut: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
bookings = pd.read_csv("bookings.csv", parse_dates=["booked_at", "event_date"])
ledger = pd.read_csv("ledger.csv", parse_dates=["posted_at"])
pay = ledger[ledger["entry_type"].isin(["deposit", "refund"])]${cut}
per = pay.groupby("booking_id").agg(n_payments=("amount", "size"), paid=("amount", "sum")).reset_index()
df = bookings.merge(per, on="booking_id", how="left")
train, test = df[df["event_date"] < "2024-04-01"], df[df["event_date"] >= "2024-04-01"]
cols = ["guests", "n_payments", "paid"]
clf = HistGradientBoostingClassifier().fit(train[cols], train["cancelled"])${mark}
print(clf.score(test[cols], test["cancelled"]))
`;
  it('summarised over all time: reported', async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it("cut at each booking's own date first (nothing)", async () => {
    await check(
      prog(
        '\npay = pay.merge(bookings[["booking_id", "booked_at"]], on="booking_id")\npay = pay[pay["posted_at"] <= pay["booked_at"]]',
      ),
    );
  });
});

describe('a threshold meeting a recall target, picked on the test scores and then put to use there', () => {
  const curve = (data: string, mark = '') => `
import numpy as np
import lightgbm as lgb
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import train_test_split
X_fit, X_test, y_fit, y_test = train_test_split(X, y, test_size=0.25, random_state=5)
X_tr, X_cal, y_tr, y_cal = train_test_split(X_fit, y_fit, test_size=0.2, random_state=5)
booster = lgb.train({"objective": "binary"}, lgb.Dataset(X_tr, label=y_tr))
p_cal, p_test = booster.predict(X_cal), booster.predict(X_test)
precision, recall, thresholds = precision_recall_curve(${data})${mark}
ok = np.flatnonzero(recall[:-1] >= 0.95)
threshold = float(thresholds[ok[-1]])
flag = p_test >= threshold
print(y_test[flag].mean(), flag.mean())
`;
  it('np.flatnonzero over the test curve, the flags then counted on test: reported', async () => {
    await check(curve('y_test, p_test', '  # <- leak-selection'));
  });
  it('the curve of a calibration part carved from training (nothing)', async () => {
    await check(curve('y_cal, p_cal'));
  });
  const table = (scores: string, labels: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, recall_score
from sklearn.model_selection import cross_val_predict, train_test_split
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=1)
clf = LogisticRegression(max_iter=1000)
oof = cross_val_predict(clf, X_train, y_train, cv=5, method="predict_proba")[:, 1]
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
rows = []
for t in np.arange(0.05, 0.6, 0.01):
    flag = (${scores} >= t).astype(int)
    rows.append({"threshold": t, "recall": recall_score(${labels}, flag), "precision": precision_score(${labels}, flag)})${mark}
sweep = pd.DataFrame(rows)
ok = sweep[sweep["recall"] >= 0.85]
cutoff = float(ok["threshold"].max())
print(recall_score(y_test, (proba >= cutoff).astype(int)))
`;
  it('a results table of test scores kept where recall meets the target: reported', async () => {
    await check(table('proba', 'y_test', '  # <- leak-selection'));
  });
  it('the same table of out-of-fold training scores (nothing)', async () => {
    await check(table('oof', 'y_train'));
  });
});

describe('a label hours ahead and a cut by position: the horizon crosses the cut unless a gap is left', () => {
  const polars = (trainEnd: string, mark = '') => `
import polars as pl
from sklearn.linear_model import Ridge
HORIZON = 8
df = pl.read_parquet("kiln_hourly.parquet").sort("ts")
df = df.with_columns(
    pl.col("free_lime").shift(1).alias("lag_1"),
    pl.col("free_lime").shift(-HORIZON).alias("target"),
).drop_nulls()
n_train = int(df.height * 0.8)
train = df.slice(0, ${trainEnd})${mark}
test = df.slice(n_train)
model = Ridge().fit(train.select(["lag_1"]).to_numpy(), train["target"].to_numpy())
print(model.score(test.select(["lag_1"]).to_numpy(), test["target"].to_numpy()))
`;
  it('Polars slice(0, n) and slice(n): reported at the cut', async () => {
    await check(polars('n_train', '  # <- leak-time-split'));
  });
  it('slice(0, n - HORIZON) leaves the gap (nothing)', async () => {
    await check(polars('n_train - HORIZON'));
  });
  const pandas = (trainPart: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("lock_passages.csv", parse_dates=["day"]).sort_values("day")
df["lag_1"] = df["passages"].shift(1)
df["target"] = df["passages"].shift(-14)
df = df.dropna()
cut = int(len(df) * 0.8)
train = ${trainPart}${mark}
test = df.iloc[cut:]
model = Ridge().fit(train[["lag_1"]], train["target"])
print(model.score(test[["lag_1"]], test["target"]))
`;
  it('iloc[:cut] and iloc[cut:]: reported', async () => {
    await check(pandas('df.iloc[:cut]', '  # <- leak-time-split'));
  });
  it('iloc[:cut - 14] (nothing)', async () => {
    await check(pandas('df.iloc[:cut - 14]'));
  });
  it("a string's characters, s.str.slice(0, 3), are no part of the rows (nothing)", async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
df = pd.read_csv("postcodes.csv")
df["area"] = df["postcode"].str.slice(0, 3).astype("category").cat.codes
X_train, X_test, y_train, y_test = train_test_split(df[["area", "age"]], df["moved"], random_state=0)
print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`);
  });
});

describe("a mask's name is not the name of the rows it is computed from", () => {
  const prog = (mask: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("meals.csv", parse_dates=["date"])
train_df = df[df["date"] < "2023-09-01"]
test_df = df[df["date"] >= "2023-09-01"]
scaler = StandardScaler()
X_train = scaler.fit_transform(${mask === 'before' ? 'df' : 'train_df'}[["temp", "roll"]])${mark}
X_test = scaler.transform(test_df[["temp", "roll"]])
is_val = (train_df["date"] >= "2023-04-15").to_numpy()
model = Ridge().fit(X_train[~is_val], train_df["uptake"].to_numpy()[~is_val])
print(model.score(X_train[is_val], train_df["uptake"].to_numpy()[is_val]))
print(model.score(X_test, test_df["uptake"]))
`;
  it('a validation part carved by a mask named is_val from a training part the scaler was fit on (nothing)', async () => {
    await check(prog('after'));
  });
  it('the scaler fit on the whole table: reported', async () => {
    await check(prog('before', '  # <- leak-preprocessing'));
  });
});

describe('rework after a quality grade, not a share of reground material in the compound', () => {
  const prog = (col: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
presses = pd.read_csv("press_log.csv")
X = presses[["press_temp_c", "cycle_s", "${col}"]]
X_train, X_test, y_train, y_test = train_test_split(X, presses["defect"], random_state=0)
clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)${mark}
print(clf.score(X_test, y_test))
`;
  it('regrind minutes of the defective pieces: reported', async () => {
    await check(prog('regrind_minutes', '  # <- leak-target'));
  });
  it('regrind_pct, the recycled share of the puck (nothing)', async () => {
    await check(prog('regrind_pct'));
  });
});

describe("features from an array of windows, labels and ids from the table beside it: the ids are the rows' too", () => {
  const prog = (split: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupShuffleSplit, train_test_split
windows = np.load("windows.npy")
meta = pd.read_csv("windows_meta.csv")
y = meta["is_fall"].to_numpy()
print(meta["resident_id"].nunique(), "residents")
X = pd.DataFrame({"peak": windows.max(axis=(1, 2)), "spread": windows.std(axis=(1, 2))})
${split}${mark}
clf = HistGradientBoostingClassifier().fit(X_train, y_train)
print(clf.score(X_test, y_test))
`;
  it('split row by row: reported', async () => {
    await check(
      prog(
        'X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=7)',
        '  # <- leak-overlap',
      ),
    );
  });
  it('split by resident (nothing)', async () => {
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(n_splits=1, random_state=7).split(X, y, groups=meta["resident_id"]))\nX_train, X_test, y_train, y_test = X.iloc[tr], X.iloc[te], y[tr], y[te]',
      ),
    );
  });
});

describe('pd.concat(keys=…) split back with .xs: each key is its part again', () => {
  const prog = (stats: string, mark = '') => `
import pandas as pd
from lightgbm import LGBMClassifier
train = pd.read_csv("tenders_train.csv")
hold = pd.read_csv("tenders_holdout.csv")
full = pd.concat([train, hold], keys=["train", "hold"])
${stats}${mark}
train = full.xs("train")
hold = full.xs("hold")
cols = ["miles", "lane_share"]
model = LGBMClassifier().fit(train[cols], train["rejected"])
print(model.score(hold[cols], hold["rejected"]))
`;
  it('shares counted over both parts: reported', async () => {
    await check(
      prog(
        'full["lane_share"] = full["lane"].map(full["lane"].value_counts(normalize=True))',
        '  # <- leak-preprocessing',
      ),
    );
  });
  it('shares of the training part only (nothing)', async () => {
    await check(
      prog('full["lane_share"] = full["lane"].map(full.xs("train")["lane"].value_counts(normalize=True))'),
    );
  });
});

describe("a search's cv= list of (train, test) positions that a mask keeps", () => {
  const prog = (cv: string, fitRows: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.model_selection import RandomizedSearchCV, TimeSeriesSplit
from xgboost import XGBRegressor
flights = pd.read_parquet("flights.parquet")
cutoff = flights["on_blocks"].max() - pd.Timedelta(weeks=8)
train_idx = np.flatnonzero(flights["on_blocks"] <= cutoff)
test_idx = np.flatnonzero(flights["on_blocks"] > cutoff)
X = flights[["pax", "bags"]].to_numpy()
y = flights["first_bag_min"].to_numpy()
search = RandomizedSearchCV(XGBRegressor(), {"max_depth": [3, 5, 7]}, n_iter=3, cv=${cv}, refit=False)
search.fit(${fitRows})
model = XGBRegressor(**search.best_params_).fit(X[train_idx], y[train_idx])
print(np.abs(model.predict(X[test_idx]) - y[test_idx]).mean())${mark}
`;
  it('the one fold is the hold-out the model is then scored on: reported', async () => {
    await check(prog('[(train_idx, test_idx)]', 'X, y', '  # <- leak-selection'));
  });
  it('time-ordered folds of the training rows (nothing)', async () => {
    await check(prog('TimeSeriesSplit(n_splits=4)', 'X[train_idx], y[train_idx]'));
  });
});

describe("an entity's whole dated history summarised and merged onto dated rows, the dates parsed by the program", () => {
  const prog = (summary: string, mark = '') => `
import pandas as pd
import xgboost as xgb
inv = pd.read_parquet("used_inventory.parquet")
prices = pd.read_parquet("price_changes.parquet")
inv["listed_at"] = pd.to_datetime(inv["listed_at"])
inv["sold_at"] = pd.to_datetime(inv["sold_at"])
${summary}
inv = inv.merge(price_summary, left_on="stock_no", right_index=True, how="left")
features = ["odometer", "initial_list_price", "n_reprices"]
train = inv[inv["sold_at"] < "2024-01-01"]
test = inv[inv["listed_at"] >= "2024-01-01"]
model = xgb.XGBRegressor().fit(train[features], train["days_on_lot"])${mark}
print(model.score(test[features], test["days_on_lot"]))
`;
  it('repricings counted over the whole history (a frame of named series, merged by right_index): reported', async () => {
    await check(
      prog(
        'g = prices.sort_values("changed_at").groupby("stock_no")\nprice_summary = pd.DataFrame({"n_reprices": g.size()})',
        '  # <- leak-target',
      ),
    );
  });
  it('counted up to the listing date only (nothing)', async () => {
    await check(
      prog(
        'p = prices.merge(inv[["stock_no", "listed_at"]], on="stock_no")\np = p[p["changed_at"] <= p["listed_at"]]\nprice_summary = pd.DataFrame({"n_reprices": p.groupby("stock_no").size()})',
      ),
    );
  });
});

describe('a mean of the label by an id, merged back with left_on= and right_index=True', () => {
  const prog = (stat: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
outs = pd.read_csv("outs.csv", parse_dates=["event_date"])
rate = outs.groupby("bull_id")["qualified"].${stat}.rename("bull_rate")
outs = outs.merge(rate, left_on="bull_id", right_index=True, how="left")
train, test = outs[outs["event_date"] < "2023-01-01"], outs[outs["event_date"] >= "2023-01-01"]
clf = LogisticRegression().fit(train[["rider_score", "bull_rate"]], train["qualified"])${mark}
print(clf.score(test[["rider_score", "bull_rate"]], test["qualified"]))
`;
  it("every out's label in its bull's rate: reported as leak-target, not a second preprocessing finding", async () => {
    await check(prog('mean()', '  # <- leak-target'));
  });
});

describe('ids counted per group (groupby(k)["seed_id"].nunique()) say the rows are several per id', () => {
  const prog = (split: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit, train_test_split
manifest = pd.read_csv("crops_manifest.csv")
print(manifest.groupby("exposure_kv")["seed_id"].nunique())
${split}${mark}
clf = LogisticRegression().fit(train_df[["density", "area"]], train_df["label"])
print(clf.score(test_df[["density", "area"]], test_df["label"]))
`;
  it('split crop by crop: reported', async () => {
    await check(
      prog(
        'train_df, test_df = train_test_split(manifest, stratify=manifest["label"], random_state=42)',
        '  # <- leak-overlap',
      ),
    );
  });
  it('split by seed (nothing)', async () => {
    await check(
      prog(
        'tr, te = next(GroupShuffleSplit(n_splits=1, random_state=42).split(manifest, groups=manifest["seed_id"]))\ntrain_df, test_df = manifest.iloc[tr], manifest.iloc[te]',
      ),
    );
  });
});

describe('names known to be among a partial list of columns stay known when more lists are added', () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split
df = pd.read_csv("flats.csv")
pitch = [c for c in df.columns if c.startswith("dist_")]
features = pitch + ["rooms", ${extra}] + ["floor"]
X_train, X_test, y_train, y_test = train_test_split(df[features], df["sale_price"], random_state=0)
model = RandomForestRegressor(random_state=0).fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('the label among the names of the middle list: reported', async () => {
    await check(prog('"sale_price"', '  # <- leak-target'));
  });
  it('no label among them (nothing)', async () => {
    await check(prog('"area_m2"'));
  });
});

describe('a label that compares the outcome with a share of another column: that column is its unit, not its answer', () => {
  const prog = (features: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
disputes = pd.read_csv("deposit_disputes.csv")
disputes["tenant_recovers_half"] = (disputes["awarded_to_tenant"] >= 0.5 * disputes["deposit_amount"]).astype(int)
X_train, X_test, y_train, y_test = train_test_split(disputes[${features}], disputes["tenant_recovers_half"], random_state=0)
clf = CatBoostClassifier(verbose=0).fit(X_train, y_train)${mark}
print(clf.score(X_test, y_test))
`;
  it('the deposit among the features (nothing)', async () => {
    await check(prog('["deposit_amount", "tenancy_months"]'));
  });
  it('the amount awarded among the features: reported', async () => {
    await check(prog('["deposit_amount", "awarded_to_tenant"]', '  # <- leak-target'));
  });
});
