# label: leakage/none
"""Which home battery + solar installs will slip more than 14 days past the
date promised at contract signing?  Scored weekly on newly signed contracts so
the scheduling team can line up DNO paperwork and scaffolding early."""
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

DATA = Path("warehouse/install_jobs_2021_2024.parquet")

CAT_COLS = ["region", "dno", "roof_type", "dwelling_type", "battery_model", "sales_channel", "install_team"]
NUM_COLS = [
    "pv_kwp",
    "battery_kwh",
    "n_panels",
    "roof_pitch_deg",
    "storeys",
    "distance_from_depot_km",
    "days_sign_to_promised",
    "g99_required",
    "scaffold_required",
    "consumer_unit_age_yrs",
    "open_jobs_team_at_signing",
]


def build_frame(path: Path) -> pd.DataFrame:
    jobs = pd.read_parquet(path)
    jobs = jobs[jobs["status"].isin(["completed", "commissioned"])].copy()
    jobs["slip_days"] = (jobs["commissioned_date"] - jobs["promised_date"]).dt.days
    jobs["late_14d"] = (jobs["slip_days"] > 14).astype(int)
    jobs["days_sign_to_promised"] = (jobs["promised_date"] - jobs["signed_date"]).dt.days
    jobs["g99_required"] = (jobs["export_limit_kw"] > 3.68).astype(int)
    for col in CAT_COLS:
        jobs[col] = jobs[col].fillna("unknown").astype(str)
    return jobs


def main() -> None:
    jobs = build_frame(DATA)
    print(f"{len(jobs):,} jobs, late rate {jobs['late_14d'].mean():.1%}")

    features = CAT_COLS + NUM_COLS
    train, test = train_test_split(
        jobs, test_size=0.2, random_state=5, stratify=jobs["late_14d"]
    )
    train, valid = train_test_split(
        train, test_size=0.15, random_state=5, stratify=train["late_14d"]
    )

    train_pool = Pool(train[features], train["late_14d"], cat_features=CAT_COLS)
    valid_pool = Pool(valid[features], valid["late_14d"], cat_features=CAT_COLS)
    test_pool = Pool(test[features], test["late_14d"], cat_features=CAT_COLS)

    model = CatBoostClassifier(
        iterations=3000,
        learning_rate=0.04,
        depth=6,
        l2_leaf_reg=5,
        eval_metric="AUC",
        auto_class_weights="Balanced",
        random_seed=5,
        od_type="Iter",
        od_wait=200,
        verbose=300,
    )
    model.fit(train_pool, eval_set=valid_pool, use_best_model=True)

    proba = model.predict_proba(test_pool)[:, 1]
    print(f"test ROC AUC: {roc_auc_score(test['late_14d'], proba):.3f}")
    print(classification_report(test["late_14d"], (proba >= 0.5).astype(int), digits=3))

    importances = model.get_feature_importance(prettified=True)
    print(importances.head(12).to_string(index=False))

    model.save_model("models/install_slip_catboost.cbm")


if __name__ == "__main__":
    main()
