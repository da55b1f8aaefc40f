# label: leakage/none
# twin: sel_v14_fish_freshness_xgb__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Estimate fish storage time (days on ice) from gill/eye image statistics and probe readings."""
import json
from pathlib import Path

import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

DATA = Path("data/fish_freshness")
REPORTS = Path("reports")
TARGET = "days_on_ice"
PARAMS = {
    "objective": "reg:squarederror",
    "eta": 0.05,
    "max_depth": 5,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 3,
    "seed": 7,
}


def load(path):
    images = pd.read_parquet(path / "image_stats.parquet")
    probes = pd.read_csv(path / "probe_readings.csv")
    df = images.merge(probes, on="sample_id", how="inner")
    df["gill_redness"] = df["gill_r_mean"] / (df["gill_g_mean"] + df["gill_b_mean"] + 1e-6)
    df["eye_contrast"] = df["eye_l_max"] - df["eye_l_min"]
    df["skin_gloss_ratio"] = df["skin_specular_px"] / df["skin_area_px"]
    return pd.get_dummies(df, columns=["species"], dtype=float)


def to_dmatrix(frame, features):
    return xgb.DMatrix(frame[features], label=frame[TARGET])


def main():
    df = load(DATA)
    features = [c for c in df.columns if c not in ("sample_id", TARGET)]
    train_df, test_df = train_test_split(df, test_size=0.25, random_state=7)
    fit_df, val_df = train_test_split(train_df, test_size=0.2, random_state=7)

    dfit = to_dmatrix(fit_df, features)
    dval = to_dmatrix(val_df, features)
    dtest = to_dmatrix(test_df, features)

    booster = xgb.train(
        PARAMS,
        dfit,
        num_boost_round=3000,
        evals=[(dfit, "train"), (dval, "val")],
        early_stopping_rounds=100,
        verbose_eval=200,
    )
    print("best iteration:", booster.best_iteration)

    pred = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
    metrics = {
        "mae_days": float(mean_absolute_error(test_df[TARGET], pred)),
        "r2": float(r2_score(test_df[TARGET], pred)),
        "n_test": int(len(test_df)),
        "best_iteration": int(booster.best_iteration),
    }
    print(json.dumps(metrics, indent=2))
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "fish_freshness_xgb.json").write_text(json.dumps(metrics))
    booster.save_model(str(REPORTS / "fish_freshness_xgb.ubj"))


if __name__ == "__main__":
    main()
