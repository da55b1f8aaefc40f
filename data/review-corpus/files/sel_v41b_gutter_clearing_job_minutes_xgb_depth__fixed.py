# label: leakage/none
"""Estimate on-site minutes for gutter clearing jobs so the scheduler can pack daily rounds."""
import itertools

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

DATA_PATH = "data/gutter_jobs_2022_2024.csv"
NUMERIC = [
    "gutter_length_m",
    "storeys",
    "downpipes",
    "roof_pitch_deg",
    "trees_within_10m",
    "months_since_last_clean",
    "conservatory",
    "access_score",
]
CATEGORICAL = ["property_type", "gutter_material", "crew", "season"]
TARGET = "job_minutes"


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["job_date"])
    jobs = jobs[jobs["status"] == "completed"].copy()
    jobs = jobs[jobs[TARGET].between(10, 600)]
    # most recent visit per address
    jobs = jobs.sort_values("job_date").drop_duplicates("property_id", keep="last")
    jobs["season"] = jobs["job_date"].dt.month.map(
        lambda m: "winter" if m in (12, 1, 2) else "spring" if m <= 5 else "summer" if m <= 8 else "autumn"
    )
    for col in CATEGORICAL:
        jobs[col] = jobs[col].astype("category")
    return jobs


def fit_booster(X, y, depth, eta):
    model = xgb.XGBRegressor(
        n_estimators=400,
        max_depth=depth,
        learning_rate=eta,
        subsample=0.8,
        colsample_bytree=0.8,
        enable_categorical=True,
        tree_method="hist",
        random_state=11,
    )
    model.fit(X, y)
    return model


def main():
    jobs = load_jobs(DATA_PATH)
    X = jobs[NUMERIC + CATEGORICAL]
    y = jobs[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=11)
    print(f"train jobs: {len(X_train)}  test jobs: {len(X_test)}")

    results = []
    for depth, eta in itertools.product([3, 4, 6, 8], [0.03, 0.08, 0.15]):
        model = fit_booster(X_fit, y_fit, depth, eta)
        mae = mean_absolute_error(y_val, model.predict(X_val))
        results.append({"max_depth": depth, "learning_rate": eta, "mae": mae})
        print(f"depth={depth} eta={eta:.2f} -> MAE {mae:.1f} min")

    results = pd.DataFrame(results).sort_values("mae")
    best = results.iloc[0]
    print("chosen:", best.to_dict())

    final = fit_booster(X_train, y_train, int(best["max_depth"]), float(best["learning_rate"]))
    pred = final.predict(X_test)
    mae = mean_absolute_error(y_test, pred)
    rmse = np.sqrt(mean_squared_error(y_test, pred))
    within_15 = np.mean(np.abs(pred - y_test) <= 15)
    print(f"Test MAE: {mae:.1f} min  RMSE: {rmse:.1f} min  within 15 min: {within_15:.1%}")

    importance = pd.Series(final.feature_importances_, index=X.columns).sort_values(ascending=False)
    print(importance.head(8).round(3))


if __name__ == "__main__":
    main()
