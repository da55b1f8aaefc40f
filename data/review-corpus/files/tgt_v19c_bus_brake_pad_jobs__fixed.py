# label: leakage/none
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, average_precision_score, precision_recall_curve

CHECKS = "data/depot_weekly_brake_checks.parquet"
WORK_ORDERS = "data/workshop_work_orders.csv"
HORIZON_DAYS = 28
CUTOFF = pd.Timestamp("2024-01-01")


def label_upcoming_replacement(checks, orders, horizon_days):
    pads = orders[orders["task_code"].isin(["BRK-PAD-F", "BRK-PAD-R"])]
    pads = pads[["bus_id", "completed_at"]].sort_values("completed_at")
    merged = pd.merge_asof(
        checks.sort_values("check_date"), pads,
        left_on="check_date", right_on="completed_at", by="bus_id",
        direction="forward", allow_exact_matches=False,
    )
    gap = (merged["completed_at"] - merged["check_date"]).dt.days
    merged["pad_job_next_4w"] = (gap <= horizon_days).astype(int)
    return merged.drop(columns="completed_at")


def add_wear_features(df):
    df = df.sort_values(["bus_id", "check_date"]).copy()
    g = df.groupby("bus_id")
    df["km_since_check"] = g["odometer_km"].diff()
    df["wear_mm_per_wk"] = -g["pad_mm"].diff()
    df["wear_4wk_mean"] = (df.groupby("bus_id")["wear_mm_per_wk"]
                           .transform(lambda s: s.rolling(4, min_periods=1).mean()))
    df["harsh_brakes_4wk"] = g["harsh_brake_events"].transform(
        lambda s: s.rolling(4, min_periods=1).sum())
    df["mm_per_1000km"] = df["wear_4wk_mean"] / (df["km_since_check"].clip(lower=1) / 1000)
    return df


checks = pd.read_parquet(CHECKS)
orders = pd.read_csv(WORK_ORDERS, parse_dates=["completed_at"])
checks = checks[checks["check_date"] <= checks["check_date"].max() - pd.Timedelta(days=HORIZON_DAYS)]

data = label_upcoming_replacement(checks, orders, HORIZON_DAYS)
data = add_wear_features(data)
data["route_type"] = data["route_type"].astype("category")
data["bus_model"] = data["bus_model"].astype("category")

FEATURES = ["pad_mm", "km_since_check", "wear_mm_per_wk", "wear_4wk_mean", "mm_per_1000km",
            "harsh_brakes_4wk", "avg_load_pax", "stops_per_km", "route_gradient_pct",
            "regen_share", "route_type", "bus_model", "vehicle_age_yrs"]

train = data[data["check_date"] < CUTOFF - pd.Timedelta(days=HORIZON_DAYS)]
test = data[data["check_date"] >= CUTOFF]
print(f"train {len(train)} rows ({train['pad_job_next_4w'].mean():.2%} positive), "
      f"test {len(test)} rows ({test['pad_job_next_4w'].mean():.2%} positive)")

model = lgb.LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=24,
                           min_child_samples=50, colsample_bytree=0.8,
                           scale_pos_weight=3.0, verbose=-1)
model.fit(train[FEATURES], train["pad_job_next_4w"])

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC-AUC {roc_auc_score(test['pad_job_next_4w'], p):.3f}")
print(f"PR-AUC  {average_precision_score(test['pad_job_next_4w'], p):.3f}")

prec, rec, _ = precision_recall_curve(test["pad_job_next_4w"], p)
plt.plot(rec, prec)
plt.xlabel("recall"); plt.ylabel("precision"); plt.title("pad job within 4 weeks")
plt.savefig("figures/brake_pad_pr.png", dpi=110)
