# label: leakage/selection
"""Ski boot fitting desk: which heat-moulded fittings come back for a re-fit during
the season. Used to decide who gets the longer first appointment slot."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

CATEGORICAL = ["shell_brand", "liner_type", "skier_level", "fitter_id", "foot_shape"]
NUMERIC = [
    "foot_length_mm",
    "foot_width_mm",
    "instep_height_mm",
    "calf_circ_cm",
    "shell_flex",
    "shell_last_mm",
    "customer_age",
    "weight_kg",
    "punch_points",
    "moulding_minutes",
    "days_skied_last_season",
]
TARGET = "refit_within_season"
SEED = 11


def load_fittings(path):
    df = pd.read_csv(path, parse_dates=["fitting_date"])
    df = df[df["fitting_date"].dt.year >= 2019].copy()
    df["width_to_last"] = df["foot_width_mm"] - df["shell_last_mm"]
    df["instep_ratio"] = df["instep_height_mm"] / df["foot_length_mm"]
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def make_model(params):
    return lgb.LGBMClassifier(
        n_estimators=400,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
        verbose=-1,
        **params,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/boot_fittings.csv")
    args = parser.parse_args()

    df = load_fittings(args.data)
    features = CATEGORICAL + NUMERIC + ["width_to_last", "instep_ratio"]
    X, y = df[features], df[TARGET].astype(int)
    print(f"{len(df)} fittings, re-fit rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    grid = [
        {"num_leaves": nl, "min_child_samples": mcs, "learning_rate": lr}
        for nl in (15, 31, 63)
        for mcs in (10, 30, 60)
        for lr in (0.03, 0.08)
    ]

    best_auc, best_params = -np.inf, None
    for params in grid:
        model = make_model(params)
        model.fit(X_train, y_train)
        auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
        print(f"{params} -> AUC {auc:.4f}")
        if auc > best_auc:
            best_auc, best_params = auc, params

    final = make_model(best_params)
    final.fit(X_train, y_train)
    proba = final.predict_proba(X_test)[:, 1]

    print("chosen:", best_params)
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
    print(f"test PR AUC:  {average_precision_score(y_test, proba):.4f}")

    importance = pd.Series(final.booster_.feature_importance("gain"), index=features)
    print(importance.sort_values(ascending=False).head(10).round(1))


if __name__ == "__main__":
    main()
