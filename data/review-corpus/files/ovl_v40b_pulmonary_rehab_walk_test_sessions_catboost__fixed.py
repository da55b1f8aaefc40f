# label: leakage/none
"""Six-minute walk response model for the pulmonary rehabilitation programme.

Each row is a supervised session at which a walk test was recorded; the outcome
is whether the distance walked is at least 30 m above the patient's baseline.
"""
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

DATA = Path("extracts/pr_sessions_2019_2024.csv")
CAT_COLS = ["sex", "smoking_status", "referral_source", "home_oxygen", "gold_stage", "site"]
NUM_COLS = [
    "age", "bmi", "fev1_pct_pred", "mrc_dyspnoea", "baseline_6mwd_m", "session_no",
    "weeks_since_start", "resting_spo2", "resting_hr", "borg_pre", "sessions_attended_so_far",
]
TARGET = "mcid_reached"


def load_sessions(path):
    df = pd.read_csv(path, parse_dates=["session_date", "programme_start"])
    df = df[df["walk_test_done"] == 1].copy()
    df["weeks_since_start"] = (df["session_date"] - df["programme_start"]).dt.days / 7
    df[TARGET] = (df["six_mwd_m"] - df["baseline_6mwd_m"] >= 30).astype(int)
    for c in CAT_COLS:
        df[c] = df[c].fillna("unknown").astype(str)
    return df


def fit_model(train_df):
    pool = Pool(train_df[CAT_COLS + NUM_COLS], train_df[TARGET], cat_features=CAT_COLS)
    model = CatBoostClassifier(
        iterations=800,
        learning_rate=0.04,
        depth=6,
        l2_leaf_reg=5,
        loss_function="Logloss",
        random_seed=5,
        verbose=200,
    )
    model.fit(pool)
    return model


def report(model, test_df):
    proba = model.predict_proba(test_df[CAT_COLS + NUM_COLS])[:, 1]
    y = test_df[TARGET]
    print(f"ROC AUC : {roc_auc_score(y, proba):.3f}")
    print(f"PR AUC  : {average_precision_score(y, proba):.3f}")
    print(f"Brier   : {brier_score_loss(y, proba):.3f}")
    by_site = test_df.assign(p=proba).groupby("site").apply(
        lambda g: pd.Series({"n": len(g), "obs": g[TARGET].mean(), "pred": g["p"].mean()})
    )
    print(by_site.round(3))


def main():
    df = load_sessions(DATA)
    print(f"{len(df)} walk tests from {df['patient_id'].nunique()} patients")

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
    train_idx, test_idx = next(gss.split(df, groups=df["patient_id"]))
    train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

    model = fit_model(train_df)
    report(model, test_df)
    imp = pd.Series(model.get_feature_importance(), index=CAT_COLS + NUM_COLS)
    print(imp.sort_values(ascending=False).head(10).round(2))
    model.save_model("pr_6mwd_response.cbm")


if __name__ == "__main__":
    main()
