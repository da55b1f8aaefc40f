# label: leakage/none
"""Model the chance that a VAR review overturns the on-field referee call.

Input: one row per completed VAR check from the league's match-event export.
"""
import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

REVIEW_TYPES = ["penalty", "goal", "red_card", "mistaken_identity"]
FEATURES = [
    "minute",
    "minute_bucket",
    "score_diff",
    "is_home_decision",
    "review_type",
    "competition",
    "camera_angles",
    "referee_experience_yrs",
    "referee_matches_season",
    "distance_to_incident_m",
    "attendance_k",
]


def load_reviews(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["match_date"])
    df = df[df["review_type"].isin(REVIEW_TYPES)].copy()
    df["minute_bucket"] = pd.cut(
        df["minute"], bins=[0, 15, 30, 45, 60, 75, 90, 130], labels=False
    )
    df["is_home_decision"] = (df["decision_against"] == "home").astype(int)
    df["attendance_k"] = df["attendance"] / 1000.0
    for col in ["review_type", "competition"]:
        df[col] = df[col].astype("category")
    df["overturned"] = (df["var_outcome"] == "overturned").astype(int)
    return df


def summarise(y_true, proba, label):
    print(f"[{label}] n={len(y_true)}  base rate={np.mean(y_true):.3f}")
    print(f"  ROC AUC : {roc_auc_score(y_true, proba):.4f}")
    print(f"  PR AUC  : {average_precision_score(y_true, proba):.4f}")
    print(f"  Brier   : {brier_score_loss(y_true, proba):.4f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/var_reviews_2019_2024.csv")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    df = load_reviews(args.data)
    X, y = df[FEATURES], df["overturned"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed
    )

    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=args.seed
    )

    model = xgb.XGBClassifier(
        n_estimators=3000,
        learning_rate=0.03,
        max_depth=5,
        min_child_weight=3,
        subsample=0.8,
        colsample_bytree=0.8,
        tree_method="hist",
        enable_categorical=True,
        eval_metric="aucpr",
        early_stopping_rounds=150,
        random_state=args.seed,
    )
    model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=250)
    print(f"best iteration: {model.best_iteration}")

    proba = model.predict_proba(X_test)[:, 1]
    summarise(y_test.to_numpy(), proba, "test")

    importance = pd.Series(
        model.get_booster().get_score(importance_type="gain")
    ).sort_values(ascending=False)
    print("\nTop features by gain:")
    print(importance.head(8).round(2).to_string())

    by_type = (
        pd.DataFrame({"review_type": X_test["review_type"], "y": y_test, "p": proba})
        .groupby("review_type", observed=True)
        .agg(n=("y", "size"), observed=("y", "mean"), predicted=("p", "mean"))
    )
    print("\nCalibration by review type:")
    print(by_type.round(3).to_string())


if __name__ == "__main__":
    main()
