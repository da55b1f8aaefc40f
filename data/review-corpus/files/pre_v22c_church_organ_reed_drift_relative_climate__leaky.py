# label: leakage/preprocessing
"""Reed-stop tuning drift (cents) at the tuner's visit, from the building climate log.

Each row is one tuning visit to one instrument: the tuner measures how far the
Trumpet 8' has drifted from the reference pitch before retuning it.
"""
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, median_absolute_error

CUTOFF = "2023-01-01"
CLIMATE = ["nave_temp_c", "nave_rh", "temp_swing_c", "rh_swing", "wind_pressure_mm"]
OTHER = ["days_since_tuning", "heating_on", "services_since_tuning", "reed_age_years", "manual"]
TARGET = "trumpet_cents"


def load_visits():
    visits = pd.read_csv("data/tuning_visits.csv", parse_dates=["visit_date", "last_tuned"])
    climate = pd.read_csv("data/church_climate_weekly.csv", parse_dates=["week"])
    climate = (climate.sort_values("week")
               .groupby("organ_id")[["week", "nave_temp_c", "nave_rh", "temp_swing_c", "rh_swing"]]
               .apply(lambda g: g.set_index("week").rolling(4, min_periods=2).mean())
               .reset_index())
    # last complete climate week before the visit
    visits["week"] = (visits["visit_date"] - pd.Timedelta(days=7)).dt.to_period("W").dt.start_time
    visits = pd.merge_asof(visits.sort_values("week"), climate.sort_values("week"),
                           on="week", by="organ_id", direction="backward")
    visits["days_since_tuning"] = (visits["visit_date"] - visits["last_tuned"]).dt.days
    visits["manual"] = visits["manual"].map({"great": 0, "swell": 1, "choir": 2, "pedal": 3})
    return visits.dropna(subset=[TARGET])


def organ_stats(frame):
    return frame.groupby("organ_id")[CLIMATE].agg(["mean", "std"])


def add_relative(frame, stats):
    frame = frame.copy()
    for col in CLIMATE:
        mu = frame["organ_id"].map(stats[(col, "mean")])
        sd = frame["organ_id"].map(stats[(col, "std")]).replace(0, 1)
        frame[f"{col}_rel"] = (frame[col] - mu) / sd
    return frame


visits = load_visits()
print(visits["organ_id"].nunique(), "instruments,", len(visits), "visits")

visits = add_relative(visits, organ_stats(visits))
train = visits[visits["visit_date"] < CUTOFF]
test = visits[visits["visit_date"] >= CUTOFF]

FEATURES = CLIMATE + [f"{c}_rel" for c in CLIMATE] + OTHER
model = xgb.XGBRegressor(
    n_estimators=600,
    learning_rate=0.03,
    max_depth=4,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=5,
    objective="reg:absoluteerror",
    random_state=1,
)
model.fit(train[FEATURES], train[TARGET])

pred = model.predict(test[FEATURES])
print(f"train visits {len(train)}, test visits {len(test)}")
print(f"MAE      {mean_absolute_error(test[TARGET], pred):.2f} cents")
print(f"MedianAE {median_absolute_error(test[TARGET], pred):.2f} cents")

baseline = test["organ_id"].map(train.groupby("organ_id")[TARGET].median()).fillna(train[TARGET].median())
print(f"per-organ median baseline MAE {mean_absolute_error(test[TARGET], baseline):.2f} cents")

imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values()
imp.tail(10).plot.barh(figsize=(6, 4), title="XGB gain importance")
plt.tight_layout()
plt.savefig("figures/organ_drift_importance.png", dpi=110)
