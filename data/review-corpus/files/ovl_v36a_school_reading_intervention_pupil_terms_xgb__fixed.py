# label: leakage/none
"""Reading intervention referrals across the Hollins Trust primary schools.

Every pupil in Years 1-4 is assessed each term (phonics, reading fluency,
comprehension). At the end-of-term progress meeting the literacy lead decides
who joins the small-group reading programme. This model flags pupils to
discuss at that meeting.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

TERM_ORDER = {"autumn": 0, "spring": 1, "summer": 2}
YEAR_GROUP = {"Y1": 1, "Y2": 2, "Y3": 3, "Y4": 4}

ASSESSMENT = [
    "phonics_score",
    "words_per_minute",
    "comprehension_raw",
    "spelling_standardised",
    "attendance_pct_term",
]
CONTEXT = ["age_months", "year_group_n", "term_n", "eal", "fsm", "sen_support", "school_urn"]


def load_assessments(path):
    df = pd.read_csv(path)
    df["term_n"] = df["term"].str.lower().map(TERM_ORDER)
    df["year_group_n"] = df["year_group"].map(YEAR_GROUP)
    df["term_index"] = df["academic_year"] * 3 + df["term_n"]
    return df.sort_values(["pupil_id", "term_index"]).reset_index(drop=True)


def add_progress(df):
    g = df.groupby("pupil_id")
    df["wpm_prev"] = g["words_per_minute"].shift(1)
    df["comp_prev"] = g["comprehension_raw"].shift(1)
    df["wpm_gain"] = df["words_per_minute"] - df["wpm_prev"]
    df["comp_gain"] = df["comprehension_raw"] - df["comp_prev"]
    df["terms_on_roll"] = g.cumcount() + 1
    return df


def main():
    df = add_progress(load_assessments("data/termly_reading_assessments.csv"))
    features = ASSESSMENT + CONTEXT + ["wpm_prev", "comp_prev", "wpm_gain", "comp_gain", "terms_on_roll"]
    X, y = df[features], df["referred"].astype(int)
    print(f"{len(df)} assessments, {df['pupil_id'].nunique()} pupils, referral rate {y.mean():.1%}")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
    train_idx, test_idx = next(splitter.split(X, y, groups=df["pupil_id"]))
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
    clf = xgb.XGBClassifier(
        n_estimators=400,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=3,
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        tree_method="hist",
        random_state=42,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"ROC AUC : {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC  : {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    # share of referrals caught if the meeting only discusses the top 15%
    k = int(np.ceil(0.15 * len(proba)))
    top = np.argsort(-proba)[:k]
    print(f"referrals in top 15%: {y_test.to_numpy()[top].sum()} / {y_test.sum()}")

    imp = pd.Series(clf.feature_importances_, index=features).sort_values(ascending=False)
    print(imp.head(10).round(3))


if __name__ == "__main__":
    main()
