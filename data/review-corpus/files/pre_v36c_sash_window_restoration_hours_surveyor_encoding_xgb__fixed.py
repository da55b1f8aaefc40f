# label: leakage/none
"""Labour-hours model for sash window restoration jobs.

Compares a gradient-boosted estimate with the surveyor's own quoted hours.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

JOBS_CSV = "data/sash_jobs.csv"
ENCODED = ["surveyor", "postcode_district"]
GLAZING_CODES = {"single": 0, "secondary": 1, "slimline_double": 2}
ERA_CODES = {"georgian": 0, "victorian": 1, "edwardian": 2, "interwar": 3}
NUMERIC = [
    "window_count", "glass_area_m2", "rot_score", "paint_layers_est", "storey_max",
    "listed_building", "draught_proofing", "scaffold_needed", "glazing_code", "era_code",
    "quoted_hours",
]


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["quote_date"])
    jobs = jobs.dropna(subset=["actual_hours", "quoted_hours"])
    jobs = jobs[jobs["window_count"] > 0].copy()
    jobs["glass_area_m2"] = (
        jobs["window_count"] * jobs["avg_sash_width_cm"] * jobs["avg_sash_height_cm"] / 1e4
    )
    jobs["glazing_code"] = jobs["glazing"].map(GLAZING_CODES).fillna(-1)
    jobs["era_code"] = jobs["property_era"].map(ERA_CODES).fillna(-1)
    for col in ["listed_building", "draught_proofing", "scaffold_needed"]:
        jobs[col] = jobs[col].astype(int)
    jobs["log_hours"] = np.log1p(jobs["actual_hours"])
    return jobs


def target_mean_maps(frame, cols, target, smoothing=15):
    prior = frame[target].mean()
    maps = {}
    for col in cols:
        stats = frame.groupby(col)[target].agg(["mean", "count"])
        maps[col] = (stats["count"] * stats["mean"] + smoothing * prior) / (stats["count"] + smoothing)
    return maps, prior


def apply_target_means(frame, maps, prior):
    out = frame.copy()
    for col, mapping in maps.items():
        out[f"{col}_te"] = out[col].map(mapping).astype(float).fillna(prior)
    return out


def main():
    jobs = load_jobs(JOBS_CSV)
    print(f"{len(jobs)} jobs, {jobs['surveyor'].nunique()} surveyors, "
          f"{jobs['postcode_district'].nunique()} districts")

    train, test = train_test_split(jobs, test_size=0.2, random_state=11)
    maps, prior = target_mean_maps(train, ENCODED, "log_hours")
    train = apply_target_means(train, maps, prior)
    test = apply_target_means(test, maps, prior)

    features = NUMERIC + [f"{c}_te" for c in ENCODED]
    model = XGBRegressor(
        n_estimators=500,
        learning_rate=0.04,
        max_depth=4,
        min_child_weight=3,
        subsample=0.85,
        colsample_bytree=0.8,
        reg_lambda=2.0,
        random_state=11,
    )
    model.fit(train[features], train["log_hours"])

    pred_hours = np.expm1(model.predict(test[features]))
    actual = test["actual_hours"]
    print(f"Model MAE:  {mean_absolute_error(actual, pred_hours):.1f} h")
    print(f"Model MAPE: {mean_absolute_percentage_error(actual, pred_hours):.1%}")
    print(f"Quote MAE:  {mean_absolute_error(actual, test['quoted_hours']):.1f} h")
    print(f"Quote MAPE: {mean_absolute_percentage_error(actual, test['quoted_hours']):.1%}")

    by_surveyor = (
        test.assign(pred=pred_hours, abs_err=np.abs(pred_hours - actual))
        .groupby("surveyor")[["actual_hours", "pred", "abs_err"]]
        .mean()
        .round(1)
        .sort_values("abs_err", ascending=False)
    )
    print(by_surveyor.head(10).to_string())


if __name__ == "__main__":
    main()
