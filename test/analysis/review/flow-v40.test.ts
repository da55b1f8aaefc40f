/**
 * The forty-third round of data-flow capabilities (issue 16; held-out v43's failures, tuning data since its report;
 * v44 frozen before this round, v45 frozen as it began): each behaviour with a leaky program (the line that must be
 * reported marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the
 * corpus.
 */
import { describe, expect, it } from 'vitest';
import { durationToEnd, recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe('a frame made empty and filled column by column takes the rows of its columns', () => {
  const prog = (ref: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
SPLIT = "2021-01-01"
df = pd.read_csv("gauges.csv", parse_dates=["day"])
ref = ${ref}
mu = ref.mean()${mark}
sd = ref.std()${mark}
feat = pd.DataFrame()
for v in ["flow", "rain"]:
    feat[v + "_z"] = (df[v] - mu[v]) / sd[v]
feat["day"] = df["day"]
feat["flooded"] = df["flooded"]
train = feat[feat["day"] < SPLIT]
test = feat[feat["day"] >= SPLIT]
cols = ["flow_z", "rain_z"]
model = LogisticRegression().fit(train[cols], train["flooded"])
print(model.score(test[cols], test["flooded"]))
`;
  it('statistics of every day, the test years included: reported', async () => {
    await check(prog('df[["flow", "rain"]]', '  # <- leak-preprocessing'));
  });
  it('statistics of the days before the split (nothing)', async () => {
    await check(prog('df[df["day"] < SPLIT][["flow", "rain"]]'));
  });
});

describe('where(mask) with nothing put in the rows it drops keeps the rows of the mask', () => {
  const prog = (ref: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
SPLIT = "2022-07-01"
env = pd.read_csv("blocks.csv", parse_dates=["day"])
ref = ${ref}
z = (env[["rh", "leaf_wet"]] - ref[["rh", "leaf_wet"]].mean()) / ref[["rh", "leaf_wet"]].std()${mark}
env[["rh_z", "leaf_wet_z"]] = z.values
train = env[env["day"] < SPLIT]
test = env[env["day"] >= SPLIT]
cols = ["rh_z", "leaf_wet_z"]
model = RandomForestClassifier().fit(train[cols], train["outbreak"])
print(model.score(test[cols], test["outbreak"]))
`;
  it('statistics of every day: reported', async () => {
    await check(prog('env', '  # <- leak-preprocessing # <- leak-preprocessing'));
  });
  it('statistics of env.where(day < SPLIT) (nothing)', async () => {
    await check(prog('env.where(env["day"] < SPLIT)'));
  });
});

describe('a label named by its horizon (reinjury_8w) and a window end made as a Polars column', () => {
  const prog = (end: string, mark = '') => `
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupShuffleSplit
eps = pl.read_csv("episodes.csv", try_parse_dates=True).with_columns(
    ${end}.alias("window_end"),
    pl.col("reinjury_8w").cast(pl.Int8),
)
visits = pl.read_csv("visits.csv", try_parse_dates=True)
agg = (
    visits.join(eps.select("episode_id", "athlete_id", "injury_date", "window_end"), on="athlete_id")
    .filter((pl.col("visit_date") >= pl.col("injury_date")) & (pl.col("visit_date") <= pl.col("window_end")))${mark}
    .group_by("episode_id")
    .agg(pl.len().alias("n_visits"), pl.col("pain").max().alias("max_pain"))
)
pdf = eps.join(agg, on="episode_id", how="left").fill_null(0).to_pandas()
X, y = pdf[["n_visits", "max_pain", "age"]], pdf["reinjury_8w"]
tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.25).split(X, y, pdf["athlete_id"]))
model = HistGradientBoostingClassifier().fit(X.iloc[tr], y.iloc[tr])
print(model.score(X.iloc[te], y.iloc[te]))
`;
  it('visits up to 56 days after the return to play: reported', async () => {
    await check(prog('(pl.col("rtp_date") + pl.duration(days=56))', '  # <- leak-target'));
  });
  it('visits up to the return to play (nothing)', async () => {
    await check(prog('pl.col("rtp_date")'));
  });
});

describe('a label named by its horizon, made from its own window [snapshot, snapshot + span)', () => {
  it('the window that makes the label, its anchor a column stored once (nothing)', async () => {
    await check(`
import pandas as pd
from catboost import CatBoostClassifier
HORIZON = 28
orders = pd.read_csv("orders.csv", parse_dates=["order_date"])
snaps = pd.read_csv("snaps.csv")
snaps["snapshot_date"] = pd.to_datetime(snaps["week"])
def label(orders, snaps):
    window = orders.merge(snaps[["account_id", "snapshot_date"]], on="account_id")
    hit = window[(window["order_date"] >= window["snapshot_date"])
                 & (window["order_date"] < window["snapshot_date"] + pd.Timedelta(days=HORIZON))]
    got = hit.groupby(["account_id", "snapshot_date"]).size().rename("n").reset_index()
    out = snaps.merge(got, on=["account_id", "snapshot_date"], how="left")
    return (out["n"].fillna(0) > 0).astype(int).values
snaps["reorder_28d"] = label(orders, snaps)
train = snaps[snaps["snapshot_date"] < "2023-01-01"]
test = snaps[snaps["snapshot_date"] >= "2023-02-01"]
cols = ["herd_size", "region_code"]
model = CatBoostClassifier(verbose=0).fit(train[cols], train["reorder_28d"])
print(model.score(test[cols], test["reorder_28d"]))
`);
  });
});

describe("events kept within the row's own period, beside a label that names that period", () => {
  const prog = (mask: string, target = 'lame_in_season', mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
seasons = pd.read_csv("pony_seasons.csv", parse_dates=["season_start", "season_end"])
vet = pd.read_csv("vet_log.csv", parse_dates=["visit_date"])
m = vet.merge(seasons[["pony_id", "season", "season_start", "season_end"]], on="pony_id")
in_window = ${mask}${mark}
hist = m[in_window].groupby(["pony_id", "season"]).agg(vet_visits=("visit_id", "count")).reset_index()
df = seasons.merge(hist, on=["pony_id", "season"], how="left").fillna({"vet_visits": 0})
train = df[df["season"] < 2023]
test = df[df["season"] >= 2023]
cols = ["vet_visits", "age_years"]
model = RandomForestClassifier().fit(train[cols], train["${target}"])
print(model.score(test[cols], test["${target}"]))
`;
  const within = '(m["visit_date"] >= m["season_start"]) & (m["visit_date"] <= m["season_end"])';
  it('the visits of the season a lameness in the season is about: reported', async () => {
    await check(prog(within, 'lame_in_season', '  # <- leak-target'));
  });
  it('the visits of the year before the season (nothing)', async () => {
    await check(
      prog(
        '(m["visit_date"] < m["season_start"]) & (m["visit_date"] >= m["season_start"] - pd.Timedelta(days=365))',
      ),
    );
  });
  it('the same window beside a label about the next season (nothing)', async () => {
    await check(prog(within, 'registered_next_season'));
  });
});

describe("a statistic of the target by an entity's id and a day, merged back on both", () => {
  const prog = (sum: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
sets = pd.read_csv("sets.csv", parse_dates=["pack_date"])
daily = (
    sets.groupby(["technician_id", "pack_date"])
    .agg(n=("set_error", "size"), k=("set_error", "sum"))
    .reset_index()
    .sort_values(["technician_id", "pack_date"])
)
g = daily.groupby("technician_id")
daily["k_28"] = g["k"].transform(lambda s: ${sum})
daily["n_28"] = g["n"].transform(lambda s: ${sum})
daily["tech_rate"] = daily["k_28"] / daily["n_28"]
sets = sets.merge(daily[["technician_id", "pack_date", "tech_rate"]], on=["technician_id", "pack_date"], how="left")
days = sets["pack_date"].drop_duplicates().sample(frac=0.2, random_state=3)
is_test = sets["pack_date"].isin(days)
train = sets[~is_test]
test = sets[is_test]
cols = ["tech_rate", "n_instruments"]
model = LogisticRegression().fit(train[cols].fillna(0), train["set_error"])${mark}
print(model.score(test[cols].fillna(0), test["set_error"]))
`;
  it("a rolling sum with the row's own day: reported", async () => {
    await check(prog('s.rolling(28, min_periods=1).sum()', '  # <- leak-target'));
  });
  it('the days before (nothing)', async () => {
    await check(prog('s.shift(1).rolling(28, min_periods=1).sum()'));
  });
});

describe('the hours logged on a job beside the hours it was quoted', () => {
  const prog = (cols: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
jobs = pd.read_csv("jobs.csv", parse_dates=["intake_date", "promised_date", "completed_date"])
jobs["late"] = (jobs["completed_date"] > jobs["promised_date"]).astype(int)
cols = ${cols}
train = jobs[jobs["intake_date"] < "2023-01-01"]
test = jobs[jobs["intake_date"] >= "2023-01-01"]
model = CatBoostClassifier(verbose=0).fit(train[cols], train["late"])${mark}
print(model.score(test[cols], test["late"]))
`;
  it('logged_hours beside quoted_hours: reported', async () => {
    await check(prog('["quoted_hours", "logged_hours", "pieces"]', '  # <- leak-target'));
  });
  it('quoted_hours alone (nothing)', async () => {
    await check(prog('["quoted_hours", "pieces"]'));
  });
});

describe('what follows an outcome, by name (outcome-table additions)', () => {
  it.each([
    ['haloperidol_doses', ['delirium_4at', 'max_4at_postop']],
    ['prn_lorazepam', ['delirium']],
    ['holding_deposit_gbp', ['signed', 'tenancy_signed']],
    ['reservation_fee', ['let_agreed']],
    ['n_reminder_emails', ['expired_unused', 'redeemed_at']],
  ])('%s beside %j: recorded after the outcome', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    // Bookings the member called off late: behaviour before the membership lapses.
    ['n_late_cancel', ['lapsed']],
    ['late_cancellations', ['churned']],
    ['anticholinergic_burden', ['delirium_4at']],
    ['days_on_market', ['tenancy_signed']],
  ])('%s beside %j: not', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
  it('cancellation_fee beside churned is still recorded after it', () => {
    expect(recordedAfter('cancellation_fee', ['churned']).length).toBeGreaterThan(0);
  });
});

describe("a duration up to a case's end named by the event alone (plan_closed - plan_start)", () => {
  it('plan_closed and plan_start beside reached_ownership: the end of the case', () => {
    expect(durationToEnd(['plan_closed', 'plan_start'], ['reached_ownership'])?.[0]).toBe('plan_closed');
  });
  it('not a planned close (expected_closed) nor without a start', () => {
    expect(durationToEnd(['expected_closed', 'plan_start'], ['reached_ownership'])).toBeUndefined();
    expect(durationToEnd(['plan_closed', 'deposit_paid'], ['reached_ownership'])).toBeUndefined();
  });
  it('not beside a label about a later event', () => {
    expect(durationToEnd(['plan_closed', 'plan_start'], ['next_plan_taken'])).toBeUndefined();
  });
});

describe('a log summarised whole beside a label read from it after a constant as-of date', () => {
  const polars = (hist: string, mark = '') => `
from datetime import date, timedelta
import polars as pl
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split
SNAPSHOT = date(2024, 3, 1)
members = pl.read_csv("members.csv", try_parse_dates=True)
visits = pl.read_csv("visits.csv", try_parse_dates=True)
came = (
    visits.filter((pl.col("visit_date") >= SNAPSHOT) & (pl.col("visit_date") < SNAPSHOT + timedelta(days=60)))
    .select("member_id").unique().with_columns(pl.lit(0).alias("lapsed"))
)
hist = ${hist}
feats = hist.group_by("member_id").agg(pl.len().alias("n_visits"))${mark}
df = members.join(came, on="member_id", how="left").with_columns(pl.col("lapsed").fill_null(1))
df = df.join(feats, on="member_id", how="left").fill_null(0)
X = df.select("n_visits", "age").to_pandas()
y = df["lapsed"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=2)
model = LGBMClassifier().fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('Polars: every visit counted, those after the snapshot included: reported', async () => {
    await check(polars('visits', '  # <- leak-target'));
  });
  it('Polars: the visits before the snapshot (nothing)', async () => {
    await check(polars('visits.filter(pl.col("visit_date") < SNAPSHOT)'));
  });
  // (pandas: the flow follows the log merged onto the customers, reported once, at the training.)
  const pandas = (hist: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
CUTOFF = pd.Timestamp("2023-09-01")
tx = pd.read_csv("transactions.csv", parse_dates=["ts"])
customers = pd.read_csv("customers.csv")
later = tx[tx["ts"] >= CUTOFF]
customers["churned"] = (~customers["customer_id"].isin(later["customer_id"])).astype(int)
hist = ${hist}
rfm = hist.groupby("customer_id").agg(n_tx=("tx_id", "count"), spend=("amount", "sum")).reset_index()
df = customers.merge(rfm, on="customer_id", how="left").fillna(0)
X_train, X_test, y_train, y_test = train_test_split(df[["n_tx", "spend"]], df["churned"], random_state=0)
model = LogisticRegression().fit(X_train, y_train)${mark}
print(model.score(X_test, y_test))
`;
  it('pandas: every transaction summarised: reported once', async () => {
    await check(pandas('tx', '  # <- leak-target'));
  });
  it('pandas: the transactions before the cutoff (nothing)', async () => {
    await check(pandas('tx[tx["ts"] < CUTOFF]'));
  });
  it('the rows the model is tested on kept from the cutoff on, summarised for features (nothing)', async () => {
    await check(`
import pandas as pd
from sklearn.linear_model import LogisticRegression
CUTOFF = pd.Timestamp("2023-01-01")
df = pd.read_csv("trips.csv", parse_dates=["day"])
df = df.sort_values("day")
df["route_prev"] = df.groupby("route_id")["full"].shift(1)
train = df[df["day"] < CUTOFF - pd.Timedelta(days=7)].dropna()
test = df[df["day"] >= CUTOFF].dropna()
model = LogisticRegression().fit(train[["route_prev", "temp"]], train["full"])
print(model.score(test[["route_prev", "temp"]], test["full"]))
`);
  });
});
