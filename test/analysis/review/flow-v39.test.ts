/**
 * The forty-second round of data-flow capabilities (issue 16; held-out v42's failures and v41's leftovers, tuning data
 * since their reports; v43 frozen before this round, v44 frozen as it began): each behaviour with a leaky program
 * (the line that must be reported marked `# <- rule`) and programs that must report nothing. Written for these tests,
 * not copied from the corpus.
 */
import { describe, expect, it } from 'vitest';
import { postOutcome, recordedAfter } from '../../../src/analysis/review/rules/leakage/outcomes.js';
import { check } from './check-leakage.js';

describe("a feature's window that reaches into the label's period after the same date", () => {
  const prog = (mask: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
RETURN_WINDOW = pd.Timedelta(days=180)
CALL_WINDOW = pd.Timedelta(days=180)
loans = pd.read_csv("loans.csv", parse_dates=["loaned_on", "returned_on"])
calls = pd.read_csv("calls.csv", parse_dates=["call_date"])
loans["came_back"] = (
    loans["returned_on"].notna() & (loans["returned_on"] - loans["loaned_on"] <= RETURN_WINDOW)
).astype(int)
c = calls.merge(loans[["loan_id", "loaned_on"]], on="loan_id")
c = c[${mask}]${mark}
counts = pd.crosstab(c["loan_id"], c["topic"]).add_prefix("calls_")
df = loans.merge(counts, left_on="loan_id", right_index=True, how="left").fillna(0)
cols = ["calls_repair", "calls_billing", "deposit"]
train = df[df["loaned_on"] < pd.Timestamp("2023-01-01") - RETURN_WINDOW]
test = df[df["loaned_on"] >= pd.Timestamp("2023-01-01")]
model = RandomForestClassifier().fit(train[cols], train["came_back"])
print(model.score(test[cols], test["came_back"]))
`;
  it('calls up to 180 days after the loan, the label a return within 180 days of it: reported', async () => {
    await check(prog('c["call_date"] <= c["loaned_on"] + CALL_WINDOW', '  # <- leak-target'));
  });
  it('calls in the 180 days before the loan (nothing)', async () => {
    await check(prog('(c["call_date"] < c["loaned_on"]) & (c["call_date"] >= c["loaned_on"] - CALL_WINDOW)'));
  });
});

describe("a label written as gap.between(0, 28) of a later date minus the row's, a window from the same date", () => {
  const prog = (window: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
def label(jobs):
    jobs = jobs.sort_values(["site_id", "reported_at"]).copy()
    nxt = jobs.groupby("site_id")["reported_at"].shift(-1)
    gap = (nxt - jobs["completed_at"]).dt.days
    jobs["callback"] = gap.between(0, 28).astype(int)
    return jobs
def complaint_counts(jobs, complaints):
    pairs = jobs[["job_id", "site_id", "reported_at", "completed_at"]].merge(complaints, on="site_id")
    span = pd.Timedelta(days=90)
    keep = ${window}
    counts = pairs[keep].groupby("job_id").size().rename("complaints_90d")${mark}
    return jobs.merge(counts, on="job_id", how="left").fillna({"complaints_90d": 0})
jobs = pd.read_csv("jobs.csv", parse_dates=["reported_at", "completed_at"])
complaints = pd.read_csv("complaints.csv", parse_dates=["logged_at"])
jobs = complaint_counts(label(jobs), complaints)
train = jobs[jobs["reported_at"] < "2023-01-01"]
test = jobs[jobs["reported_at"] >= "2023-03-01"]
cols = ["complaints_90d", "floor_area"]
model = LogisticRegression().fit(train[cols], train["callback"])
print(model.score(test[cols], test["callback"]))
`;
  it('complaints in the 90 days after the job was completed: reported', async () => {
    await check(
      prog(
        '(pairs["logged_at"] > pairs["completed_at"]) & (\n        pairs["logged_at"] <= pairs["completed_at"] + span  # <- leak-target\n    )',
      ),
    );
  });
  it('complaints in the 90 days before the job was reported, counted per job id (nothing)', async () => {
    await check(
      prog(
        '(pairs["logged_at"] < pairs["reported_at"]) & (pairs["logged_at"] >= pairs["reported_at"] - span)',
      ),
    );
  });
});

describe("events kept in the hours after each row's own time (delta = event_ts - ts), the label's period", () => {
  const prog = (keep: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
class Builder:
    def __init__(self, events, hours=48):
        self.events = events
        self.window = pd.Timedelta(hours=hours)
    def counts(self, logins):
        pairs = logins[["login_id", "user_id", "ts"]].merge(self.events, on="user_id")
        delta = pairs["event_ts"] - pairs["ts"]
        kept = pairs[${keep}]${mark}
        return pd.crosstab(kept["login_id"], kept["event_type"]).reindex(logins["login_id"], fill_value=0)
logins = pd.read_parquet("logins.parquet")
events = pd.read_parquet("events.parquet")
logins["hijack"] = (logins["reported_at"] - logins["ts"] <= pd.Timedelta(hours=48)).astype(int)
X = Builder(events).counts(logins).to_numpy()
y = logins["hijack"].to_numpy()
early = (logins["ts"] < pd.Timestamp("2024-06-01")).to_numpy()
model = RandomForestClassifier().fit(X[early], y[early])
print(model.score(X[~early], y[~early]))
`;
  it('events in the 48 hours after the login, the label a report within 48 hours of it: reported', async () => {
    await check(prog('(delta >= pd.Timedelta(0)) & (delta <= self.window)', '  # <- leak-target'));
  });
  it('events in the 48 hours before it (nothing)', async () => {
    await check(prog('(delta < pd.Timedelta(0)) & (delta >= -self.window)'));
  });
});

describe('a Polars window open at the top (pl.col, pl.duration, group_by)', () => {
  const prog = (filter: string, mark = '') => `
import polars as pl
from lightgbm import LGBMClassifier
members = pl.read_csv("members.csv", try_parse_dates=True)
swipes = pl.read_parquet("swipes.parquet")
activity = (
    swipes.join(members.select("member_id", "renewal_due"), on="member_id")
    .filter(${filter})${mark}
    .group_by("member_id")
    .agg(pl.len().alias("swipes"))
)
df = members.join(activity, on="member_id", how="left").fill_null(0)
train = df.filter(pl.col("renewal_due") < pl.date(2024, 1, 1))
test = df.filter(pl.col("renewal_due") >= pl.date(2024, 1, 1))
model = LGBMClassifier().fit(train.select("swipes", "age").to_numpy(), train["lapsed"].to_numpy())
print(model.score(test.select("swipes", "age").to_numpy(), test["lapsed"].to_numpy()))
`;
  it('swipes from 180 days before the renewal date on: reported', async () => {
    await check(
      prog('pl.col("swiped_at") >= pl.col("renewal_due") - pl.duration(days=180)', '  # <- leak-target'),
    );
  });
  it('swipes in the 180 days before it (nothing)', async () => {
    await check(
      prog(
        '(pl.col("swiped_at") >= pl.col("renewal_due") - pl.duration(days=180)) & (pl.col("swiped_at") < pl.col("renewal_due"))',
      ),
    );
  });
});

describe('Polars group_by with its keys as several arguments', () => {
  const prog = (keys: string) => `
import polars as pl
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split
service = pl.read_csv("service.csv", try_parse_dates=True).sort(["serial_no", "service_date"])
service = service.with_columns(
    pl.col("service_date").shift(1).over("serial_no").alias("prev_service_date"),
    pl.col("cracking_mbar").shift(1).over("serial_no").alias("prev_cracking_mbar"),
).drop_nulls("prev_service_date")
dives = pl.read_csv("dives.csv", try_parse_dates=True)
usage = (
    service.select("serial_no", "service_date", "prev_service_date")
    .join(dives, on="serial_no")
    .filter((pl.col("dive_date") > pl.col("prev_service_date")) & (pl.col("dive_date") <= pl.col("service_date")))
    .group_by(${keys})
    .agg(pl.len().alias("dives_since_service"))
)
df = service.join(usage, on=["serial_no", "service_date"], how="left").fill_null(0)
cols = ["dives_since_service", "prev_cracking_mbar"]
X_train, X_test, y_train, y_test = train_test_split(df.select(cols).to_numpy(), df["freeflow"].to_numpy(), random_state=0)  # <- leak-time-split
model = LGBMClassifier().fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('group_by("serial_no", "service_date"): one group per visit, each visit\'s own dives (only the random split)', async () => {
    await check(prog('"serial_no", "service_date"'));
  });
  it('group_by(["serial_no", "service_date"]), the same', async () => {
    await check(prog('["serial_no", "service_date"]'));
  });
});

describe('a window from a name that is stored as the rows\' date (snap["snapshot_date"] = snap_date)', () => {
  const prog = (trainEnd: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
HORIZON = 90
TEST_START = pd.Timestamp("2024-04-01")
def snapshot(tx, members, snap_date):
    past = tx[tx["ts"] < snap_date]
    ahead = tx[(tx["ts"] >= snap_date) & (tx["ts"] < snap_date + pd.Timedelta(days=HORIZON))]
    snap = members.set_index("member_id").join(past.groupby("member_id")["amount"].sum().rename("spend"), how="inner")
    snap["quiet"] = (~snap.index.isin(ahead["member_id"].unique())).astype(int)
    snap["snapshot_date"] = snap_date
    return snap.reset_index()
tx = pd.read_parquet("tx.parquet")
members = pd.read_parquet("members.parquet")
snaps = pd.concat([snapshot(tx, members, d) for d in pd.date_range("2022-07-01", "2024-06-01", freq="MS")])
train = snaps[snaps["snapshot_date"] < ${trainEnd}]${mark}
test = snaps[snaps["snapshot_date"] >= TEST_START]
model = CatBoostClassifier(verbose=0).fit(train[["spend", "age"]], train["quiet"])
print(model.score(test[["spend", "age"]], test["quiet"]))
`;
  it('training snapshots up to the test start, their outcome windows in the test period: reported', async () => {
    await check(prog('TEST_START', '  # <- leak-time-split'));
  });
  it('training snapshots ending 90 days before it (nothing)', async () => {
    await check(prog('TEST_START - pd.Timedelta(days=HORIZON)'));
  });
});

describe('outcome-table additions (round 42)', () => {
  it.each([
    ['controls_stamped', ['abandoned']],
    ['reminder_calls', ['unreturned']],
    ['repack_minutes', ['damaged_on_arrival']],
    ['days_to_dispatch', ['shade_fail']],
    ['site_visits_total', ['returned_24m']],
    ['paintballs_issued', ['no_show']],
  ])('%s is recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target).length).toBeGreaterThan(0);
  });
  it.each([
    ['controls_planned', ['abandoned']],
    ['repack_station', ['late']],
    ['days_to_dispatch', ['late_payment']],
    ['site_visits_total', ['fraud']],
    ['paintballs_issued', ['injury']],
    ['vouchers_issued', ['no_show']],
  ])('%s is not recorded after %j', (feature, target) => {
    expect(recordedAfter(feature, target)).toEqual([]);
  });
  it('the sum a complaint is about is known at its referral; a disputed transaction follows a fraud', () => {
    expect(postOutcome('amount_disputed_gbp', 'log_award', '')).toBe(false);
    expect(postOutcome('disputed_amount', 'award', '')).toBe(false);
    expect(postOutcome('disputed', 'is_fraud', '')).toBe(true);
    expect(postOutcome('n_disputes', 'is_fraud', '')).toBe(true);
  });
});

describe("a Polars frame's snapshot date is when the label is measured from, not its value", () => {
  const prog = (trainEnd: string, mark = '') => `
import polars as pl
from datetime import date
from xgboost import XGBClassifier
active = pl.read_parquet("active.parquet").with_columns(
    (
        pl.col("cancel_date").is_not_null()
        & ((pl.col("cancel_date") - pl.col("snapshot")).dt.total_days() <= 90)
    ).cast(pl.Int8).alias("cancels"),
)
shipments = pl.read_parquet("shipments.parquet")
history = (
    active.select("member_id", "snapshot")
    .join(shipments, on="member_id")
    .filter((pl.col("ship_date") < pl.col("snapshot")) & (pl.col("ship_date") >= pl.col("snapshot") - pl.duration(days=180)))
    .group_by("member_id", "snapshot")
    .agg(pl.len().alias("shipments_6m"))
)
frame = active.join(history, on=["member_id", "snapshot"], how="left").fill_null(0)
train = frame.filter(pl.col("snapshot") < ${trainEnd})${mark}
test = frame.filter(pl.col("snapshot") >= date(2024, 1, 1))
cols = ["shipments_6m", "tenure_months"]
model = XGBClassifier().fit(train.select(cols).to_numpy(), train["cancels"].to_numpy())
print(model.score(test.select(cols).to_numpy(), test["cancels"].to_numpy()))
`;
  it('shipments per member and snapshot, training ending 90 days before the test (nothing)', async () => {
    await check(prog('date(2023, 10, 1)'));
  });
  it('training up to the test start: only the outcome window across the split', async () => {
    await check(prog('date(2024, 1, 1)', '  # <- leak-time-split'));
  });
});

describe('a one-hot encoding by comparing each row with a list of categories laid out as columns ([None, :])', () => {
  const prog = (catsFrom: string) => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
runs = pd.read_csv("runs.csv")
train = runs[runs["winter"] < 2023]
test = runs[runs["winter"] == 2023]
categories = {col: sorted(${catsFrom}[col].unique()) for col in ["depot", "vehicle"]}
def encode(frame, categories):
    num = frame[["km", "snow_cm"]].to_numpy(dtype="float32")
    dummies = [
        (frame[col].to_numpy()[:, None] == np.array(categories[col])[None, :]).astype("float32")
        for col in ["depot", "vehicle"]
    ]
    return np.hstack([num] + dummies)
X_train, y_train = encode(train, categories), train["overrun"].to_numpy()
X_test, y_test = encode(test, categories), test["overrun"].to_numpy()
model = LogisticRegression().fit(X_train, y_train)
print(model.score(X_test, y_test))
`;
  it('categories of the training rows: the test rows are not the training rows (nothing)', async () => {
    await check(prog('train'));
  });
  it('categories of every row (nothing either: a list of categories, not rows)', async () => {
    await check(prog('runs'));
  });
});

describe("the label's period written as .between(anchor, anchor + span) or as a Polars alias", () => {
  const pandasProg = (mask: string, mark = '') => `
import pandas as pd
from sklearn.linear_model import LogisticRegression
subs = pd.read_csv("subs.csv", parse_dates=["snapshot_date", "cancel_date"])
tickets = pd.read_csv("tickets.csv", parse_dates=["opened_at"])
subs["churn_90d"] = subs["cancel_date"].between(subs["snapshot_date"], subs["snapshot_date"] + pd.Timedelta(days=90)).astype(int)
t = tickets.merge(subs[["sub_id", "snapshot_date"]], on="sub_id")
t = t[${mask}]${mark}
subs = subs.merge(t.groupby("sub_id").size().rename("tickets").reset_index(), on="sub_id", how="left").fillna(0)
train = subs[subs["snapshot_date"] < "2023-01-01"]
test = subs[subs["snapshot_date"] >= "2023-04-01"]
model = LogisticRegression().fit(train[["tickets", "seats"]], train["churn_90d"])
print(model.score(test[["tickets", "seats"]], test["churn_90d"]))
`;
  it('tickets up to 90 days after the snapshot: reported', async () => {
    await check(
      pandasProg('t["opened_at"] <= t["snapshot_date"] + pd.Timedelta(days=90)', '  # <- leak-target'),
    );
  });
  it('tickets before the snapshot (nothing)', async () => {
    await check(pandasProg('t["opened_at"] < t["snapshot_date"]'));
  });
  const polarsProg = (filter: string, mark = '') => `
import polars as pl
from xgboost import XGBClassifier
active = pl.read_parquet("active.parquet").with_columns(
    ((pl.col("cancel_date") - pl.col("snapshot")).dt.total_days() <= 90).cast(pl.Int8).alias("cancels"),
)
shipments = pl.read_parquet("shipments.parquet")
history = (
    active.select("member_id", "snapshot")
    .join(shipments, on="member_id")
    .filter(${filter})${mark}
    .group_by("member_id", "snapshot")
    .agg(pl.len().alias("shipments_n"))
)
frame = active.join(history, on=["member_id", "snapshot"], how="left").fill_null(0)
train = frame.filter(pl.col("snapshot") < pl.date(2023, 10, 1))
test = frame.filter(pl.col("snapshot") >= pl.date(2024, 1, 1))
model = XGBClassifier().fit(train.select("shipments_n", "age").to_numpy(), train["cancels"].to_numpy())
print(model.score(test.select("shipments_n", "age").to_numpy(), test["cancels"].to_numpy()))
`;
  it('Polars: shipments up to 90 days after the snapshot: reported', async () => {
    await check(
      polarsProg('pl.col("ship_date") <= pl.col("snapshot") + pl.duration(days=90)', '  # <- leak-target'),
    );
  });
  it('Polars: shipments before it (nothing)', async () => {
    await check(polarsProg('pl.col("ship_date") < pl.col("snapshot")'));
  });
});

describe("the label's period as a frame of later records (ahead = orders[order_date < snapshot_date + 28 days])", () => {
  const prog = (mask: string, mark = '') => `
import pandas as pd
from catboost import CatBoostClassifier
snaps = pd.read_csv("snaps.csv", parse_dates=["snapshot_date"])
orders = pd.read_csv("orders.csv", parse_dates=["order_date"])
visits = pd.read_csv("visits.csv", parse_dates=["visit_date"])
o = orders.merge(snaps[["account_id", "snapshot_date"]], on="account_id")
ahead = o[(o["order_date"] >= o["snapshot_date"]) & (o["order_date"] < o["snapshot_date"] + pd.Timedelta(days=28))]
snaps["reorders"] = snaps["account_id"].isin(ahead["account_id"]).astype(int)
v = visits.merge(snaps[["account_id", "snapshot_date"]], on="account_id")
v = v[${mask}]${mark}
snaps = snaps.merge(v.groupby("account_id").size().rename("rep_visits").reset_index(), on="account_id", how="left")
train = snaps[snaps["snapshot_date"] < "2023-01-01"]
test = snaps[snaps["snapshot_date"] >= "2023-02-01"]
model = CatBoostClassifier(verbose=0).fit(train[["rep_visits", "herd_size"]], train["reorders"])
print(model.score(test[["rep_visits", "herd_size"]], test["reorders"]))
`;
  it("the rep's visits up to 28 days after the snapshot: reported", async () => {
    await check(prog('v["visit_date"] < v["snapshot_date"] + pd.Timedelta(days=28)', '  # <- leak-target'));
  });
  it('the visits before it (nothing)', async () => {
    await check(prog('v["visit_date"] < v["snapshot_date"]'));
  });
});
