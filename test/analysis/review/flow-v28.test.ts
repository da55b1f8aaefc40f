/**
 * The thirty-first round of data-flow capabilities (issue 16; held-out v31's failures, tuning data since its report;
 * v32 frozen before this round): each behaviour with a leaky program (the line that must be reported marked
 * `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe("a value's position in a list of categories is an encoding learnt from the list's rows, not those rows", () => {
  const prog = (vocabFrom: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
requests = pd.read_csv("deferrals.csv")
train = requests[requests["received_date"] < "2023-07-01"]
test = requests[requests["received_date"] >= "2023-07-01"]
lookup = {c: sorted(${vocabFrom}[c].dropna().unique()) for c in ["court", "reason"]}${mark}


def encode(df):
    codes = [[lookup[c].index(v) if v in lookup[c] else len(lookup[c]) for v in df[c]] for c in ["court", "reason"]]
    return np.column_stack(codes + [df["days_notice"].to_numpy()])


X_train, X_test = encode(train), encode(test)
clf = LogisticRegression().fit(X_train, train["granted"])
print(clf.score(X_test, test["granted"]))
`;
  it('categories of the training part (nothing; the test rows are not the training rows)', async () => {
    await check(prog('train'));
  });
  it('categories of every row (not followed: no rows of the table in the test features)', async () => {
    await check(prog('requests'));
  });
});

describe('learning-to-rank models (XGBRanker, LGBMRanker) are models', () => {
  const prog = (scoreOn: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from xgboost import XGBRanker
df = pd.read_parquet("search_clicks.parquet").sort_values("query_id")
train, valid, test = df[df.week < 40], df[(df.week >= 40) & (df.week < 46)], df[df.week >= 46]
results = {}
for objective in ["rank:pairwise", "rank:ndcg", "rank:map"]:
    model = XGBRanker(objective=objective).fit(train[["bm25", "ctr"]], train["grade"], qid=train["query_id"])
    results[objective] = ndcg_score([${scoreOn}["grade"]], [model.predict(${scoreOn}[["bm25", "ctr"]])])${mark}
best = max(results, key=results.get)
final = XGBRanker(objective=best).fit(train[["bm25", "ctr"]], train["grade"], qid=train["query_id"])
print(ndcg_score([test["grade"]], [final.predict(test[["bm25", "ctr"]])]))
`;
  it('objectives compared on the test weeks: reported', async () => {
    await check(prog('test', '  # <- leak-selection'));
  });
  it('compared on the validation weeks, the test weeks scored once (nothing)', async () => {
    await check(prog('valid'));
  });
});

describe('a prefit threshold tuner chooses the decision threshold on the rows it is fit on', () => {
  const prog = (tuneOn: string, cv = '"prefit"', mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, make_scorer
from sklearn.model_selection import TunedThresholdClassifierCV, train_test_split
df = pd.read_csv("axle_alarms.csv")
dev, test = train_test_split(df, test_size=0.25, random_state=0)
train, calib = train_test_split(dev, test_size=0.25, random_state=1)
clf = HistGradientBoostingClassifier().fit(train[["peak_kn", "speed"]], train["defect"])
alarm = TunedThresholdClassifierCV(clf, scoring=make_scorer(f1_score), cv=${cv})
alarm.fit(${tuneOn}[["peak_kn", "speed"]], ${tuneOn}["defect"])${mark}
print(f1_score(test["defect"], alarm.predict(test[["peak_kn", "speed"]])))
`;
  it('threshold tuned on the test rows, then scored there: reported', async () => {
    await check(prog('test', '"prefit"', '  # <- leak-selection'));
  });
  it('threshold tuned on a calibration split, the test rows scored once (nothing)', async () => {
    await check(prog('calib'));
  });
  it('cv=5 on the test rows trains the classifier there: reported as training on the evaluated rows', async () => {
    await check(prog('test', '5', '  # <- leak-overlap'));
  });
  it('cv=5 on the calibration split (nothing)', async () => {
    await check(prog('calib', '5'));
  });
});

describe("xarray's sel(time=slice(…)) keeps the rows between two labels; statistics of dates within the training years", () => {
  const prog = (ref: string, mark = '') => `
import statsmodels.formula.api as smf
import xarray as xr
met = xr.open_dataset("basin_met.nc")
ref = ${ref}
clim = ref.groupby("time.dayofyear").mean("time")${mark}
anom = met.groupby("time.dayofyear") - clim
data = anom.resample(time="YS").mean().to_dataframe().reset_index()
data["year"] = data["time"].dt.year
train = data[data["year"] < 2013]
test = data[data["year"] >= 2013]
fit = smf.ols("runoff ~ swe + precip", data=train).fit()
print(((fit.predict(test) - test["runoff"]) ** 2).mean())
`;
  it('a climatology of every year, the test years included: reported', async () => {
    await check(prog('met', '  # <- leak-preprocessing'));
  });
  it('of the years up to the end of 2012 (nothing: the training years)', async () => {
    await check(prog('met.sel(time=slice(None, "2012-12-31"))'));
  });
  it('of the years 1990 to 2012 (nothing)', async () => {
    await check(prog('met.sel(time=slice("1990-01-01", "2012-12-31"))'));
  });
  it('up to 2016, three test years in it: reported', async () => {
    await check(prog('met.sel(time=slice(None, "2016-12-31"))', '  # <- leak-preprocessing'));
  });
  it('from 2013 on, the test years: reported', async () => {
    await check(prog('met.sel(time=slice("2013-01-01", None))', '  # <- leak-preprocessing'));
  });
});

describe('a duration label (end minus start): features read off its end are read off the outcome', () => {
  const prog = (when: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
jobs = pd.read_csv("pothole_jobs.csv", parse_dates=["reported_at", "closed_at"])
jobs["days_open"] = (jobs["closed_at"] - jobs["reported_at"]).dt.days
jobs["month"] = jobs["${when}"].dt.month
jobs["weekday"] = jobs["${when}"].dt.dayofweek
features = ["month", "weekday", "depth_cm", "road_class"]
train = jobs[jobs["reported_at"] < "2023-01-01"]
test = jobs[jobs["reported_at"] >= "2023-01-01"]
model = HistGradientBoostingRegressor().fit(train[features], train["days_open"])${mark}
print((model.predict(test[features]) - test["days_open"]).abs().mean())
`;
  it('calendar features of the close date: reported', async () => {
    await check(prog('closed_at', '  # <- leak-target'));
  });
  it('calendar features of the report date (nothing: known when the job opens)', async () => {
    await check(prog('reported_at'));
  });
});

describe('rows dated by one constant the label period starts at: a log summarised over all time holds later records', () => {
  const prog = (surveys: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
FLOOD_DATE = pd.Timestamp("2024-01-05")
homes = pd.read_parquet("homes_inforce.parquet")
claims = pd.read_parquet("claims.parquet")
surveys = pd.read_parquet("surveys.parquet")
hit = claims.loc[claims["loss_date"].between(FLOOD_DATE, FLOOD_DATE + pd.Timedelta(days=30)), "home_id"].unique()
homes["claimed"] = homes["home_id"].isin(hit).astype(int)
feats = ${surveys}.groupby("home_id").agg(n_surveys=("survey_date", "size"), damp=("damp_score", "max"))
df = homes.join(feats, on="home_id").fillna(0)
FEATURES = ["n_surveys", "damp", "floor_level"]
train, test = train_test_split(df, test_size=0.2, random_state=0)
model = LogisticRegression().fit(train[FEATURES], train["claimed"])${mark}
print(model.score(test[FEATURES], test["claimed"]))
`;
  it('every survey, those after the flood too: reported', async () => {
    await check(prog('surveys', '  # <- leak-target'));
  });
  it('the surveys before the flood (nothing)', async () => {
    await check(prog('surveys[surveys["survey_date"] < FLOOD_DATE]'));
  });
});

describe("a duration's end is the side not subtracted, whatever its name", () => {
  const prog = (from: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import Ridge
df = pd.read_csv("scans.csv", parse_dates=["ordered_at", "scan_completed_at", "report_signed_at"])
df["tat_min"] = (df["report_signed_at"] - df["scan_completed_at"]).dt.total_seconds() / 60
df["hour"] = df["${from}"].dt.hour
train, test = df[df["ordered_at"] < "2024-01-01"], df[df["ordered_at"] >= "2024-01-01"]
model = Ridge().fit(train[["hour", "series_count"]], train["tat_min"])${mark}
print(model.score(test[["hour", "series_count"]], test["tat_min"]))
`;
  it('the hour the report was signed, the end: reported', async () => {
    await check(prog('report_signed_at', '  # <- leak-target'));
  });
  it('the hour the scan completed, the start, though named as an end (nothing)', async () => {
    await check(prog('scan_completed_at'));
  });
});

describe('a feature summarised in the same per-entity reduction as the label reads the same records', () => {
  const prog = (extra: string, feats: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
tags = pd.read_csv("tags.csv", parse_dates=["release_time"])
dets = pd.read_csv("detections.csv", parse_dates=["detection_time"])
dets = dets.merge(tags[["tag_id", "release_time"]], on="tag_id")
dets = dets[dets["detection_time"] > dets["release_time"]]
per_fish = dets.groupby("tag_id").agg(${extra}min_rkm=("rkm", "min")).reset_index()
per_fish["survived"] = (per_fish["min_rkm"] < 10).astype(int)
fish = tags.merge(per_fish, on="tag_id", how="left").fillna(0)
train, test = fish[fish["release_time"] < "2023-01-01"], fish[fish["release_time"] >= "2023-01-01"]
model = LogisticRegression().fit(train[${feats}], train["survived"])${mark}
print(model.score(test[${feats}], test["survived"]))
`;
  it('receivers passed, counted with the furthest point reached: reported', async () => {
    await check(
      prog(
        'n_receivers=("receiver_id", "nunique"), ',
        '["fork_length_mm", "n_receivers"]',
        '  # <- leak-target',
      ),
    );
  });
  it('tag attributes only (nothing)', async () => {
    await check(prog('', '["fork_length_mm", "water_temp_c"]'));
  });
});

describe('a column that reads a later row, defined on a table merged in', () => {
  const prog = (move: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
records = pd.read_csv("records.csv")
banzuke = pd.read_csv("banzuke.csv").sort_values(["rikishi_id", "basho_id"])
g = banzuke.groupby("rikishi_id")["rank_value"]
banzuke["rank_move"] = ${move}
df = records.merge(banzuke[["rikishi_id", "basho_id", "rank_value", "rank_move"]], on=["rikishi_id", "basho_id"])
df["winning"] = (df["wins"] >= 8).astype(int)
train, test = df[df["basho_id"] < 202301], df[df["basho_id"] >= 202301]
clf = LogisticRegression().fit(train[["rank_value", "rank_move"]], train["winning"])${mark}
print(clf.score(test[["rank_value", "rank_move"]], test["winning"]))
`;
  it('the move to the next ranking, decided by this record: reported', async () => {
    await check(prog('g.shift(-1) - banzuke["rank_value"]', '  # <- leak-target'));
  });
  it('the move from the previous ranking (nothing)', async () => {
    await check(prog('banzuke["rank_value"] - g.shift(1)'));
  });
});

describe("an inner merge keeps an event log's records of the keys the other table has, whenever dated", () => {
  const prog = (cut: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
trials = pd.read_csv("trials.csv", parse_dates=["trial_start"])
events = pd.read_csv("events.csv", parse_dates=["ts"])
events = events.merge(trials[["user_id", "trial_start"]], on="user_id", how="inner")
events["trial_day"] = (events["ts"] - events["trial_start"]).dt.days
${cut}
sessions = events.groupby("user_id").agg(n_sessions=("session_id", "nunique"), minutes=("duration_s", "sum"))
df = trials.merge(sessions, on="user_id", how="left").fillna(0)
train, test = df[df["trial_start"] < "2024-09-01"], df[df["trial_start"] >= "2024-10-01"]
model = HistGradientBoostingClassifier().fit(train[["n_sessions", "minutes"]], train["converted"])${mark}
print(model.score(test[["n_sessions", "minutes"]], test["converted"]))
`;
  it('every event of each user, the days after scoring too: reported', async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it("the events before each trial's scoring day (nothing)", async () => {
    await check(prog('events = events[(events["trial_day"] >= 0) & (events["trial_day"] < 3)]'));
  });
});

describe('rows split by a date column read unparsed are dated by it; a polars log summarised over all time', () => {
  const prog = (cut: string, mark = '') => `
import polars as pl
from sklearn.linear_model import LogisticRegression
claims = pl.read_parquet("claims.parquet")
events = pl.read_parquet("case_events.parquet")
ev = events.join(claims.select("case_id", "listed_on"), on="case_id", how="inner")${cut}
totals = ev.group_by("case_id").agg(pl.len().alias("n_events"), pl.col("event_date").n_unique().alias("n_days"))
data = claims.join(totals, on="case_id", how="left").fill_null(0)
train = data.filter(pl.col("received_on") < pl.date(2022, 7, 1)).to_pandas()
test = data.filter(pl.col("received_on") >= pl.date(2022, 7, 1)).to_pandas()
clf = LogisticRegression().fit(train[["n_events", "n_days"]], train["successful"])${mark}
print(clf.score(test[["n_events", "n_days"]], test["successful"]))
`;
  it('every event of the case, those after its listing too: reported', async () => {
    await check(prog('', '  # <- leak-target'));
  });
  it('the events before the listing (nothing)', async () => {
    await check(prog('.filter(pl.col("event_date") < pl.col("listed_on"))'));
  });
});

describe('an outcome window past each row date, and a split at one date of it with no gap', () => {
  const prog = (trainEnd: string, mark = '') => `
from datetime import date, timedelta
import polars as pl
from sklearn.linear_model import LogisticRegression
HORIZON = 90
TEST_START = date(2024, 1, 1)
snaps = pl.read_parquet("snapshots.parquet")
deacts = pl.read_parquet("deactivations.parquet")
df = snaps.join(deacts, on="subscriber_id", how="left").with_columns(
    ((pl.col("deact_date") > pl.col("snapshot_date"))
     & (pl.col("deact_date") <= pl.col("snapshot_date") + pl.duration(days=HORIZON))).fill_null(False).alias("churn")
)
train = df.filter(pl.col("snapshot_date") < ${trainEnd}).to_pandas()${mark}
test = df.filter(pl.col("snapshot_date") >= TEST_START).to_pandas()
clf = LogisticRegression().fit(train[["tenure_days", "topup_30d"]], train["churn"])
print(clf.score(test[["tenure_days", "topup_30d"]], test["churn"]))
`;
  it('training rows up to the test start: reported', async () => {
    await check(prog('TEST_START', '  # <- leak-time-split'));
  });
  it('training rows end the horizon before it (nothing)', async () => {
    await check(prog('TEST_START - timedelta(days=HORIZON)'));
  });
});

describe("a total beside an initial count of the same thing is the whole event's, known at its end", () => {
  const prog = (extra: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
df = pd.read_csv("incidents.csv", parse_dates=["call_time"])
df["escalation"] = (df["${extra}"] - df["initial_appliances"]).clip(lower=0)
features = ["initial_appliances", "escalation", "floors"]
train, test = df[df["call_time"] < "2023-01-01"], df[df["call_time"] >= "2023-01-01"]
clf = RandomForestClassifier(random_state=0).fit(train[features], train["damage_band"])${mark}
print(clf.score(test[features], test["damage_band"]))
`;
  it('appliances sent in all, less those sent first: reported', async () => {
    await check(prog('total_appliances', '  # <- leak-target'));
  });
  it('appliances on the first call, less those sent first (nothing)', async () => {
    await check(prog('called_appliances'));
  });
});

describe('tiles of a genome by their coordinates are parts of their chromosome', () => {
  const prog = (split: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
tiles = pd.read_csv("tiles.tsv", sep="\\t")
tiles = tiles[tiles["end"] - tiles["start"] == 300].reset_index(drop=True)
print(tiles.groupby("chrom")["active"].mean())
GENOME = {c: open(f"ref/{c}.txt").read() for c in tiles["chrom"].unique()}


def encode(row):
    return np.array([GENOME[row.chrom][row.start:row.end].count(b) for b in "ACGT"])


X = np.stack([encode(r) for r in tiles.itertuples()])
y = tiles["active"].to_numpy()
idx = np.arange(len(tiles))
${split}${mark}
clf = LogisticRegression().fit(X[idx_train], y[idx_train])
print(clf.score(X[idx_test], y[idx_test]))
`;
  it('overlapping tiles split at random: reported', async () => {
    await check(
      prog(
        'idx_train, idx_test = train_test_split(idx, test_size=0.2, random_state=0)',
        '  # <- leak-overlap',
      ),
    );
  });
  it('whole chromosomes held out (nothing)', async () => {
    await check(
      prog(
        'chrom = tiles["chrom"].to_numpy()\nidx_test = idx[np.isin(chrom, ["chr9"])]\nidx_train = idx[~np.isin(chrom, ["chr9"])]',
      ),
    );
  });
});
