# label: leakage/none
"""Garment damage risk scoring for the dry-cleaning counters.

One row per garment ticket. The label marks items that came back with damage
reported at pickup (shrinkage, dye bleed, seam failure, lost trim).
"""
import argparse

import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

CATEGORICAL = ["fabric", "garment_type", "branch", "solvent", "care_label"]
NUMERIC = ["item_age_years", "weight_g", "declared_value", "stain_count", "press_minutes", "prior_cleans"]
TARGET = "damaged"


def load_tickets(path):
    df = pd.read_csv(path, parse_dates=["dropoff_date"])
    df = df[df["status"] == "collected"].copy()
    df["dropoff_month"] = df["dropoff_date"].dt.month
    df["has_trim"] = df["trim_notes"].notna().astype(int)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


def make_model(max_depth, min_child_weight, pos_weight, seed):
    return xgb.XGBClassifier(
        n_estimators=400,
        learning_rate=0.05,
        max_depth=max_depth,
        min_child_weight=min_child_weight,
        subsample=0.8,
        colsample_bytree=0.8,
        scale_pos_weight=pos_weight,
        enable_categorical=True,
        tree_method="hist",
        eval_metric="aucpr",
        random_state=seed,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", default="data/garment_tickets.csv")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    df = load_tickets(args.tickets)
    features = CATEGORICAL + NUMERIC + ["dropoff_month", "has_trim"]
    X, y = df[features], df[TARGET]
    print(f"{len(df)} tickets, damage rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=args.seed
    )
    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)

    rows = []
    for max_depth in [3, 4, 6, 8]:
        for min_child_weight in [1, 5, 10]:
            model = make_model(max_depth, min_child_weight, pos_weight, args.seed)
            model.fit(X_fit, y_fit)
            proba = model.predict_proba(X_val)[:, 1]
            rows.append({
                "max_depth": max_depth,
                "min_child_weight": min_child_weight,
                "ap": average_precision_score(y_val, proba),
            })

    grid = pd.DataFrame(rows).sort_values("ap", ascending=False)
    print(grid.to_string(index=False))
    best = grid.iloc[0]

    final = make_model(int(best["max_depth"]), int(best["min_child_weight"]), pos_weight, args.seed)
    final.fit(X_train, y_train)
    test_proba = final.predict_proba(X_test)[:, 1]
    print(f"max_depth={int(best['max_depth'])}, min_child_weight={int(best['min_child_weight'])}")
    print(f"Test ROC AUC: {roc_auc_score(y_test, test_proba):.3f}")
    print(f"Test average precision: {average_precision_score(y_test, test_proba):.3f}")

    importance = pd.Series(final.feature_importances_, index=features).sort_values(ascending=False)
    print(importance.head(8).round(3).to_string())


if __name__ == "__main__":
    main()
