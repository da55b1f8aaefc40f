# label: leakage/preprocessing
"""Job-time estimates for made-to-measure blind fitting appointments.

The diary currently books a flat 90 minutes per visit; this model estimates on-site
minutes from the survey sheet so fitters' days can be packed better.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split

BLIND_TYPES = ["roller", "roman", "venetian", "vertical", "pleated", "perfect_fit", "motorised_roller"]
SURFACES = ["plaster", "brick", "concrete", "timber", "tile", "upvc"]
SMOOTHING = 20


def read_jobs(path="diary/fitting_jobs_2021_2024.csv"):
    jobs = pd.read_csv(path, parse_dates=["visit_date"])
    jobs = jobs[(jobs["onsite_minutes"] > 10) & (jobs["onsite_minutes"] < 8 * 60)]
    jobs["blind_type"] = jobs["main_blind_type"].astype(pd.CategoricalDtype(BLIND_TYPES))
    jobs["surface"] = jobs["fixing_surface"].astype(pd.CategoricalDtype(SURFACES))
    jobs["max_drop_m"] = jobs["max_drop_cm"] / 100
    jobs["total_width_m"] = jobs["total_width_cm"] / 100
    jobs["above_ground_floor"] = (jobs["floor_level"] > 0).astype(int)
    jobs["bay_window"] = jobs["bay_window"].fillna(False).astype(int)
    jobs["visit_month"] = jobs["visit_date"].dt.month
    return jobs.reset_index(drop=True)


def town_minutes_table(frame):
    overall = frame["onsite_minutes"].mean()
    stats = frame.groupby("town")["onsite_minutes"].agg(["sum", "count"])
    table = (stats["sum"] + SMOOTHING * overall) / (stats["count"] + SMOOTHING)
    return table, overall


jobs = read_jobs()
print(f"{len(jobs)} jobs across {jobs['town'].nunique()} towns")

table, overall = town_minutes_table(jobs)
jobs["town_minutes"] = jobs["town"].map(table).fillna(overall)

FEATURES = [
    "blind_type", "surface", "n_blinds", "max_drop_m", "total_width_m",
    "above_ground_floor", "bay_window", "needs_ladder", "fitter_years",
    "visit_month", "town_minutes",
]
train, test = train_test_split(jobs, test_size=0.2, random_state=21)

reg = xgb.XGBRegressor(
    n_estimators=700,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.8,
    objective="reg:absoluteerror",
    tree_method="hist",
    enable_categorical=True,
    random_state=21,
)
reg.fit(train[FEATURES], train["onsite_minutes"])

pred = reg.predict(test[FEATURES])
flat = np.full(len(test), 90.0)
print(f"MAE model:      {mean_absolute_error(test['onsite_minutes'], pred):.1f} min")
print(f"MedAE model:    {median_absolute_error(test['onsite_minutes'], pred):.1f} min")
print(f"MAE flat 90:    {mean_absolute_error(test['onsite_minutes'], flat):.1f} min")
over = (test["onsite_minutes"] - pred) > 30
print(f"jobs overrunning estimate by >30 min: {over.mean():.1%}")
