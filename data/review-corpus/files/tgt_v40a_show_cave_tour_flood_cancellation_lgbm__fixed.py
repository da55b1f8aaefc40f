# label: leakage/none
# Show cave tours: probability that a scheduled tour slot is cancelled because
# the lower passage floods. Used each morning to decide whether to phone
# ahead to booked groups.
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score

slots = pd.read_csv("ops/tour_slots.csv", parse_dates=["slot_start"])
gauge = pd.read_csv("ops/resurgence_gauge_0700.csv", parse_dates=["date"])
rain = pd.read_csv("ops/rain_gauge_daily.csv", parse_dates=["date"])
ticketing = pd.read_csv("ops/ticketing_slot_summary.csv")

slots["date"] = slots["slot_start"].dt.normalize()
rain = rain.sort_values("date")
rain["rain_24h"] = rain["rain_mm"].shift(1)
rain["rain_72h"] = rain["rain_mm"].shift(1).rolling(3).sum()
rain["rain_7d"] = rain["rain_mm"].shift(1).rolling(7).sum()

df = (
    slots.merge(gauge[["date", "stage_m_0700", "stage_change_24h"]], on="date", how="left")
    .merge(rain[["date", "rain_24h", "rain_72h", "rain_7d", "forecast_rain_mm"]], on="date", how="left")
    .merge(ticketing[["slot_id", "booked_by_0700", "group_booking"]], on="slot_id", how="left")
)
df["hour"] = df["slot_start"].dt.hour
df["month"] = df["slot_start"].dt.month
df["weekday"] = df["slot_start"].dt.weekday
df["route"] = df["route"].astype("category")
df["flood_cancel"] = (df["cancel_reason"] == "water_level").astype(int)

features = [
    "stage_m_0700",
    "stage_change_24h",
    "rain_24h",
    "rain_72h",
    "rain_7d",
    "forecast_rain_mm",
    "hour",
    "month",
    "weekday",
    "route",
    "booked_by_0700",
    "group_booking",
]

train = df[df["slot_start"] < "2023-10-01"]
test = df[df["slot_start"] >= "2023-10-01"]

model = lgb.LGBMClassifier(
    n_estimators=500,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    colsample_bytree=0.9,
    verbose=-1,
)
model.fit(train[features], train["flood_cancel"], categorical_feature=["route"])

proba = model.predict_proba(test[features])[:, 1]
print(f"slots: train {len(train)}, test {len(test)}; test cancel rate {test['flood_cancel'].mean():.3f}")
print(f"test ROC AUC: {roc_auc_score(test['flood_cancel'], proba):.4f}")
print(f"test Brier:   {brier_score_loss(test['flood_cancel'], proba):.4f}")

by_month = test.assign(p=proba).groupby(test["slot_start"].dt.to_period("M"))[["flood_cancel", "p"]].mean()
print(by_month.round(3))
