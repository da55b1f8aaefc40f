# label: leakage/selection
"""Dry-dock survey triage for the inland barge fleet.

Predicts whether a barge will need overplating at its next docking from the
ultrasonic gauging taken at the previous survey, so that yard slots and
steel can be booked ahead of time.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "design_plate_mm",
    "min_gauge_mm",
    "mean_gauge_mm",
    "max_pit_depth_mm",
    "hull_age_years",
    "months_since_blacking",
    "anode_wastage_pct",
    "cargo_tonnes_per_year",
]
DERIVED = ["gauge_loss_pct", "pit_to_plate"]
CATEGORICAL = ["hull_form", "waterway_class", "coating_system", "home_port"]
TARGET = "overplate_next_docking"
C_GRID = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


def load_surveys(path):
    df = pd.read_csv(path, parse_dates=["survey_date"])
    df = df.dropna(subset=[TARGET])
    # one survey per barge: the most recent complete gauging
    df = df.sort_values("survey_date").groupby("barge_id").tail(1)
    df["gauge_loss_pct"] = 100 * (df["design_plate_mm"] - df["min_gauge_mm"]) / df["design_plate_mm"]
    df["pit_to_plate"] = df["max_pit_depth_mm"] / df["mean_gauge_mm"].clip(lower=0.5)
    return df.reset_index(drop=True)


def build_model(C):
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC + DERIVED),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    return Pipeline([("pre", pre), ("clf", clf)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--surveys", default="data/barge_hull_surveys.csv")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    df = load_surveys(args.surveys)
    X = df[NUMERIC + DERIVED + CATEGORICAL]
    y = df[TARGET].astype(int)
    print(f"{len(df)} barges, overplating rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed
    )

    scores = {}
    for C in C_GRID:
        model = build_model(C).fit(X_train, y_train)
        scores[C] = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
        print(f"C={C:<6} AUC={scores[C]:.3f}")
    best_C = max(scores, key=scores.get)

    final = build_model(best_C).fit(X_train, y_train)
    proba = final.predict_proba(X_test)[:, 1]
    print(f"\nC={best_C}")
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"test avg precision: {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    names = final.named_steps["pre"].get_feature_names_out()
    coefs = pd.Series(final.named_steps["clf"].coef_[0], index=names)
    print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(12).round(3))


if __name__ == "__main__":
    main()
