# label: leakage/none
"""Good-lift model for meet attempts.

Each row is one attempt (squat, bench or deadlift) by one lifter at one meet.
The model estimates the chance the referees give a good lift, which the
coaching app uses to suggest attempt selection for lifters joining the club.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBClassifier

ATTEMPTS = "data/meet_attempts.parquet"
LIFTERS = "data/lifters.parquet"


def build_table() -> pd.DataFrame:
    attempts = pd.read_parquet(ATTEMPTS)
    lifters = pd.read_parquet(LIFTERS)
    df = attempts.merge(lifters, on="lifter_id", how="left", validate="many_to_one")
    df = df.sort_values(["lifter_id", "meet_date", "lift", "attempt_no"])

    grp = df.groupby(["lifter_id", "meet_id", "lift"], sort=False)
    df["prev_weight_kg"] = grp["weight_kg"].shift(1)
    df["prev_good"] = grp["good_lift"].shift(1)
    df["jump_kg"] = df["weight_kg"] - df["prev_weight_kg"]
    df["jump_pct"] = df["jump_kg"] / df["prev_weight_kg"]
    df["rel_load"] = df["weight_kg"] / df["bodyweight_kg"]
    df["age_at_meet"] = (df["meet_date"] - df["birth_date"]).dt.days / 365.25
    df["years_competing"] = df["meet_date"].dt.year - df["first_meet_year"]
    df["lift"] = df["lift"].astype("category")
    df["equipment"] = df["equipment"].astype("category")
    df["sex"] = df["sex"].astype("category")
    return df


FEATURES = [
    "lift", "attempt_no", "equipment", "sex", "age_at_meet", "bodyweight_kg",
    "weight_kg", "rel_load", "prev_weight_kg", "prev_good", "jump_kg", "jump_pct",
    "years_competing", "federation_tested",
]


def evaluate(model, X, y, name):
    p = model.predict_proba(X)[:, 1]
    print(f"{name:>6}  AUC {roc_auc_score(y, p):.3f}  "
          f"logloss {log_loss(y, p):.3f}  Brier {brier_score_loss(y, p):.3f}")
    return p


def main():
    df = build_table()
    print(f"{len(df)} attempts from {df['lifter_id'].nunique()} lifters, "
          f"good-lift rate {df['good_lift'].mean():.1%}")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
    train_idx, test_idx = next(splitter.split(df, groups=df["lifter_id"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]

    model = XGBClassifier(
        n_estimators=600,
        learning_rate=0.04,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        enable_categorical=True,
        tree_method="hist",
        eval_metric="logloss",
        random_state=21,
    )
    model.fit(train[FEATURES], train["good_lift"])

    evaluate(model, train[FEATURES], train["good_lift"], "train")
    p_test = evaluate(model, test[FEATURES], test["good_lift"], "test")

    by_lift = test.assign(p=p_test).groupby(["lift", "attempt_no"], observed=True).agg(
        n=("good_lift", "size"), actual=("good_lift", "mean"), predicted=("p", "mean")
    )
    print(by_lift.round(3).to_string())

    gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
    print(gain.sort_values(ascending=False).head(10).round(1).to_string())
    model.save_model("models/good_lift_xgb.json")


if __name__ == "__main__":
    main()
