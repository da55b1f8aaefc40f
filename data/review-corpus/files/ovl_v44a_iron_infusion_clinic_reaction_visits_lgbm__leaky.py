# label: leakage/overlap
"""Infusion reaction risk at the day-unit IV iron clinic.

Every row is one infusion visit. The model flags visits where a reaction
(flushing, hypotension, rash, chest tightness) is likely, so the nurse can
slow the rate or arrange observation.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

DATA = "data/iron_infusion_visits.csv"
TARGET = "reaction"
CATEGORICAL = ["product", "sex", "referral_source", "indication"]
NUMERIC = [
    "age", "bmi", "dose_mg", "planned_rate_mg_min", "ferritin_ug_l", "tsat_pct",
    "haemoglobin_g_l", "egfr", "visit_number", "days_since_last_infusion",
    "prior_reactions", "asthma", "drug_allergy_count", "premedicated",
]
PARAMS = dict(
    objective="binary",
    learning_rate=0.03,
    n_estimators=700,
    num_leaves=15,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=1.0,
    random_state=5,
    verbose=-1,
)


def load_visits(path):
    df = pd.read_csv(path, parse_dates=["visit_date"])
    df = df.sort_values(["patient_id", "visit_date"]).reset_index(drop=True)
    grp = df.groupby("patient_id")
    df["visit_number"] = grp.cumcount() + 1
    df["days_since_last_infusion"] = grp["visit_date"].diff().dt.days
    # reactions at earlier visits of the same patient
    df["prior_reactions"] = grp[TARGET].transform(lambda s: s.shift(fill_value=0).cumsum())
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def split_visits(df, seed=5):
    idx = np.arange(len(df))
    train_idx, test_idx = train_test_split(
        idx, test_size=0.2, stratify=df[TARGET], random_state=seed
    )
    return df.iloc[train_idx], df.iloc[test_idx]


def report(y, p, label):
    print(
        f"{label:6s} n={len(y):5d}  reactions={int(y.sum()):4d}  "
        f"AUC={roc_auc_score(y, p):.3f}  AP={average_precision_score(y, p):.3f}  "
        f"Brier={brier_score_loss(y, p):.4f}"
    )


def main():
    visits = load_visits(DATA)
    print(f"{visits['patient_id'].nunique()} patients, {len(visits)} visits")

    train, test = split_visits(visits)
    features = NUMERIC + CATEGORICAL

    model = lgb.LGBMClassifier(**PARAMS)
    model.fit(train[features], train[TARGET], categorical_feature=CATEGORICAL)

    report(train[TARGET], model.predict_proba(train[features])[:, 1], "train")
    p_test = model.predict_proba(test[features])[:, 1]
    report(test[TARGET], p_test, "test")

    # reaction rate by risk decile on the test visits
    deciles = pd.qcut(p_test, 10, labels=False, duplicates="drop")
    table = test.assign(decile=deciles).groupby("decile")[TARGET].agg(["size", "mean"])
    print(table.round(3))

    imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
    print(imp.sort_values(ascending=False).head(10).round(1))


if __name__ == "__main__":
    main()
