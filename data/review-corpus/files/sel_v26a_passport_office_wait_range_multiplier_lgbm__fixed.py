# label: leakage/none
"""Give applicants a wait-time range at check-in for passport office appointments."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

TARGET_COVERAGE = 0.90
CATS = ["office_id", "application_type", "weekday", "region"]
NUMS = ["hour", "booked_days_ahead", "staff_scheduled", "staff_per_counter",
        "queue_at_checkin", "appointments_in_slot", "is_school_holiday"]
FEATURES = CATS + NUMS

appts = pd.read_parquet("passport_appointments.parquet")
offices = pd.read_csv("passport_offices.csv")
appts = appts.merge(offices[["office_id", "counters", "region"]], on="office_id", how="left")
appts = appts[appts["status"] == "attended"].copy()
appts["checkin_at"] = pd.to_datetime(appts["checkin_at"])
appts["wait_min"] = (pd.to_datetime(appts["called_at"]) - appts["checkin_at"]).dt.total_seconds() / 60
appts = appts[(appts["wait_min"] >= 0) & (appts["wait_min"] < 480)]
appts["hour"] = appts["checkin_at"].dt.hour
appts["weekday"] = appts["checkin_at"].dt.day_name()
appts["staff_per_counter"] = appts["staff_scheduled"] / appts["counters"]
appts = appts.sort_values("checkin_at").reset_index(drop=True)

# last four weeks are kept for reporting; the two weeks before them size the range
cutoff = appts["checkin_at"].max() - pd.Timedelta(days=28)
cal_start = cutoff - pd.Timedelta(days=14)
train = appts[appts["checkin_at"] < cal_start].copy()
calib = appts[(appts["checkin_at"] >= cal_start) & (appts["checkin_at"] < cutoff)].copy()
test = appts[appts["checkin_at"] >= cutoff].copy()
for c in CATS:
    train[c] = train[c].astype("category")
    calib[c] = pd.Categorical(calib[c], categories=train[c].cat.categories)
    test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)

params = dict(objective="l1", n_estimators=600, learning_rate=0.03, num_leaves=31,
              min_child_samples=40, subsample=0.8, subsample_freq=1,
              colsample_bytree=0.8, random_state=11, verbose=-1)
model = lgb.LGBMRegressor(**params)
model.fit(train[FEATURES], train["wait_min"])

# spread of the point forecast, used to size the range shown on the kiosk
mad = np.median(np.abs(train["wait_min"].to_numpy() - model.predict(train[FEATURES])))

cal_err = np.abs(calib["wait_min"].to_numpy() - model.predict(calib[FEATURES]))

chosen_k = None
for k in np.arange(0.5, 8.01, 0.1):
    if np.mean(cal_err <= k * mad) >= TARGET_COVERAGE:
        chosen_k = round(float(k), 2)
        break
print(f"in-sample MAD: {mad:.1f} min, range multiplier k={chosen_k}")

pred_test = model.predict(test[FEATURES])
y_test = test["wait_min"].to_numpy()
half_width = chosen_k * mad
lower = np.clip(pred_test - half_width, 0, None)
upper = pred_test + half_width
covered = (y_test >= lower) & (y_test <= upper)
print(f"test MAE: {mean_absolute_error(y_test, pred_test):.1f} min")
print(f"range coverage on the last four weeks: {covered.mean():.3f}")
print(f"mean range width: {(upper - lower).mean():.1f} min")
by_office = pd.DataFrame({"office": test["office_id"].astype(str), "covered": covered})
print(by_office.groupby("office")["covered"].mean().sort_values().head(10))
