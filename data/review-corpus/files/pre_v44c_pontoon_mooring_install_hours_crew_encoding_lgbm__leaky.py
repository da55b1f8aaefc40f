# label: leakage/preprocessing
"""Crew-hours estimate for floating pontoon and mooring installations.

Used by the estimating desk when pricing marina and riverbank jobs: predicts
total on-site crew hours from the job spec, site conditions and the crew that
is pencilled in.
"""
import numpy as np
import pandas as pd
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

JOBS_CSV = "exports/pontoon_jobs_2016_2024.csv"
ENCODE_COLS = ["crew_lead", "site_water_body", "anchor_system"]
BASE_FEATURES = [
    "pontoon_length_m", "pontoon_units", "gangway_length_m", "piles_specified",
    "water_depth_m", "tidal_range_m", "distance_from_yard_km", "crane_barge",
    "winter_job", "service_bollards", "finger_berths",
]


def load_jobs(path: str) -> pd.DataFrame:
    jobs = pd.read_csv(path, parse_dates=["start_date"])
    jobs = jobs[jobs["status"] == "completed"].copy()
    jobs["winter_job"] = jobs["start_date"].dt.month.isin([11, 12, 1, 2, 3]).astype(int)
    jobs["crane_barge"] = (jobs["lifting_plant"] == "crane_barge").astype(int)
    jobs["log_hours"] = np.log1p(jobs["crew_hours"])
    return jobs


def add_mean_encodings(frame: pd.DataFrame, source: pd.DataFrame, smoothing: float = 10.0) -> pd.DataFrame:
    out = frame.copy()
    global_mean = source["log_hours"].mean()
    for col in ENCODE_COLS:
        stats = source.groupby(col)["log_hours"].agg(["mean", "count"])
        smooth = (stats["mean"] * stats["count"] + global_mean * smoothing) / (stats["count"] + smoothing)
        out[f"{col}_enc"] = out[col].map(smooth).fillna(global_mean)
    return out


def main() -> None:
    jobs = load_jobs(JOBS_CSV)
    print(f"{len(jobs)} completed jobs, median {jobs['crew_hours'].median():.0f} crew hours")

    jobs = add_mean_encodings(jobs, jobs)
    train, test = train_test_split(jobs, test_size=0.2, random_state=8)

    features = BASE_FEATURES + [f"{c}_enc" for c in ENCODE_COLS]
    model = LGBMRegressor(
        n_estimators=700,
        learning_rate=0.03,
        num_leaves=15,
        min_child_samples=15,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=8,
        verbose=-1,
    )
    model.fit(train[features], train["log_hours"])

    pred_hours = np.expm1(model.predict(test[features]))
    actual = test["crew_hours"]
    print(f"MAE   {mean_absolute_error(actual, pred_hours):.1f} crew hours")
    print(f"MdAPE {np.median(np.abs(pred_hours - actual) / actual):.1%}")
    print(f"R2    {r2_score(np.log1p(actual), np.log1p(pred_hours)):.3f}")

    within = np.abs(pred_hours - actual) <= 0.15 * actual
    print(f"estimates within 15%: {within.mean():.1%}")

    imp = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
    print(imp.to_string())


if __name__ == "__main__":
    main()
