# label: leakage/target
# Monthly risk list of freight wagons likely to be set out for a hot axle bearing
# within the next 30 days, built from wayside hot-box detector (HBD) passes.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

HORIZON_DAYS = 30
LOOKBACK_DAYS = 90
CUTOFF = pd.Timestamp("2024-01-01")

wagons = pd.read_csv("data/wagon_register.csv", parse_dates=["built"])
readings = pd.read_parquet("data/hbd_passes_2021_2024.parquet")  # wagon_id, read_at, axle, temp_above_ambient_c
setouts = pd.read_csv("data/setouts_hot_bearing.csv", parse_dates=["setout_at"])

snapshots = pd.DataFrame(
    [(w, d) for w in wagons["wagon_id"] for d in pd.date_range("2021-04-01", "2024-06-01", freq="MS")],
    columns=["wagon_id", "snapshot_date"],
)


def label_snapshots(snaps, events):
    m = snaps.merge(events[["wagon_id", "setout_at"]], on="wagon_id", how="left")
    hit = (m["setout_at"] > m["snapshot_date"]) & (
        m["setout_at"] <= m["snapshot_date"] + pd.Timedelta(days=HORIZON_DAYS)
    )
    m["setout_next_30d"] = hit.astype(int)
    return m.groupby(["wagon_id", "snapshot_date"], as_index=False)["setout_next_30d"].max()


def detector_features(snaps, passes):
    m = snaps.merge(passes, on="wagon_id")
    lo = m["snapshot_date"] - pd.Timedelta(days=LOOKBACK_DAYS)
    hi = m["snapshot_date"] + pd.Timedelta(days=HORIZON_DAYS)
    m = m[(m["read_at"] > lo) & (m["read_at"] <= hi)]
    m["hot_reading"] = (m["temp_above_ambient_c"] > 50).astype(int)
    # spread between the hottest axle and the other axles on the same pass
    m["pass_spread"] = m.groupby(["wagon_id", "snapshot_date", "read_at"])["temp_above_ambient_c"].transform(
        lambda t: t.max() - t.median()
    )
    return m.groupby(["wagon_id", "snapshot_date"]).agg(
        passes=("read_at", "nunique"),
        temp_mean=("temp_above_ambient_c", "mean"),
        temp_p95=("temp_above_ambient_c", lambda t: t.quantile(0.95)),
        temp_max=("temp_above_ambient_c", "max"),
        hot_readings=("hot_reading", "sum"),
        spread_max=("pass_spread", "max"),
    ).reset_index()


frame = label_snapshots(snapshots, setouts)
frame = frame.merge(detector_features(snapshots, readings), on=["wagon_id", "snapshot_date"], how="left")
frame = frame.merge(wagons, on="wagon_id", how="left")
frame["age_years"] = (frame["snapshot_date"] - frame["built"]).dt.days / 365.25
frame["wagon_type"] = frame["wagon_type"].astype("category")
frame["bogie_type"] = frame["bogie_type"].astype("category")

FEATURES = ["passes", "temp_mean", "temp_p95", "temp_max", "hot_readings", "spread_max",
            "age_years", "tare_t", "axles", "wagon_type", "bogie_type"]

train = frame[frame["snapshot_date"] < CUTOFF - pd.Timedelta(days=HORIZON_DAYS)]
test = frame[frame["snapshot_date"] >= CUTOFF]
print(f"train {len(train):,} rows ({train['setout_next_30d'].mean():.2%} positive), "
      f"test {len(test):,} rows ({test['setout_next_30d'].mean():.2%} positive)")

model = lgb.LGBMClassifier(
    n_estimators=700, learning_rate=0.03, num_leaves=31, min_child_samples=50,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, is_unbalance=True,
    random_state=3, verbose=-1,
)
model.fit(train[FEATURES], train["setout_next_30d"])

proba = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC : {roc_auc_score(test['setout_next_30d'], proba):.3f}")
print(f"PR AUC  : {average_precision_score(test['setout_next_30d'], proba):.3f}")

test = test.assign(score=proba)
for month, grp in test.groupby("snapshot_date"):
    top = grp.nlargest(200, "score")
    print(f"{month:%Y-%m}: top-200 list holds {top['setout_next_30d'].sum()} of "
          f"{grp['setout_next_30d'].sum()} set-outs")
