# label: leakage/selection
"""Grade prediction for cured vanilla pods from curing-house batch records."""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

PARAMS = {
    "n_estimators": 2000,
    "learning_rate": 0.03,
    "max_depth": 5,
    "subsample": 0.85,
    "colsample_bytree": 0.8,
    "min_child_weight": 3,
    "reg_lambda": 1.5,
    "tree_method": "hist",
    "eval_metric": "mlogloss",
    "early_stopping_rounds": 100,
}

NUMERIC = [
    "green_pod_length_cm", "green_pod_weight_g", "blanch_temp_c", "blanch_seconds",
    "sweat_days", "sun_dry_hours", "rack_dry_days", "conditioning_weeks",
    "ambient_rh_mean", "ambient_temp_mean", "moisture_after_sun_dry",
]
CATEGORICAL = ["origin_region", "plantation_type", "curing_house"]


def load_batches(path):
    df = pd.read_csv(path, parse_dates=["harvest_date"])
    df = df.dropna(subset=["grade"])
    df["harvest_month"] = df["harvest_date"].dt.month
    df["dry_to_sweat_ratio"] = df["sun_dry_hours"] / (df["sweat_days"] + 1)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/vanilla_curing_batches.csv")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", default="reports/vanilla_grade.json")
    args = ap.parse_args()

    df = load_batches(args.data)
    features = NUMERIC + CATEGORICAL + ["harvest_month", "dry_to_sweat_ratio"]
    enc = LabelEncoder()
    y = enc.fit_transform(df["grade"])
    X = df[features]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed
    )

    model = xgb.XGBClassifier(
        **PARAMS, enable_categorical=True, random_state=args.seed
    )
    model.fit(
        X_train, y_train,
        eval_set=[(X_train, y_train), (X_test, y_test)],
        verbose=200,
    )
    print("best iteration:", model.best_iteration)

    pred = model.predict(X_test)
    report = {
        "best_iteration": int(model.best_iteration),
        "accuracy": float(accuracy_score(y_test, pred)),
        "macro_f1": float(f1_score(y_test, pred, average="macro")),
        "classes": enc.classes_.tolist(),
        "n_test": int(len(y_test)),
    }
    print(json.dumps(report, indent=2))

    importance = pd.Series(model.feature_importances_, index=features)
    print(importance.sort_values(ascending=False).head(8).round(4))

    with open(args.out, "w") as fh:
        json.dump(report, fh, indent=2)
    np.save(args.out.replace(".json", "_pred.npy"), pred)


if __name__ == "__main__":
    main()
