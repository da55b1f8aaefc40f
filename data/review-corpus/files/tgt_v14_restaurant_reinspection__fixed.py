# label: leakage/none
# twin: tgt_v14_restaurant_reinspection__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Rank upcoming routine restaurant inspections by probability of a failing result."""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

INSPECTIONS = "data/food_safety/inspections.parquet"
VENUES = "data/food_safety/venues.csv"
CUTOFF = pd.Timestamp("2023-07-01")

FEATURE_SETS = {
    "venue": ["cuisine", "borough", "seats", "is_chain", "years_licensed"],
    "history": ["prev_score", "prev_critical", "prev_failed", "n_prior_inspections", "days_since_prev"],
    "visit": ["inspector_team", "month", "weekday"],
}
CATEGORICAL = ["cuisine", "borough", "inspector_team"]


def build_table():
    insp = pd.read_parquet(INSPECTIONS)
    venues = pd.read_csv(VENUES)
    df = insp.merge(venues, on="venue_id", how="left").sort_values(["venue_id", "inspection_date"])
    df["failed"] = (df["result"] == "FAIL").astype(int)

    g = df.groupby("venue_id")
    df["prev_score"] = g["score"].shift(1)
    df["prev_critical"] = g["critical_violations"].shift(1)
    df["prev_failed"] = g["failed"].shift(1)
    df["n_prior_inspections"] = g.cumcount()
    df["days_since_prev"] = (df["inspection_date"] - g["inspection_date"].shift(1)).dt.days
    df["month"] = df["inspection_date"].dt.month
    df["weekday"] = df["inspection_date"].dt.dayofweek
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df[df["inspection_type"] == "routine"]


def precision_at_top(y_true, score, frac=0.1):
    k = max(1, int(len(score) * frac))
    top = pd.Series(score, index=y_true.index).nlargest(k).index
    return y_true.loc[top].mean()


if __name__ == "__main__":
    df = build_table()
    features = [f for group in FEATURE_SETS.values() for f in group]
    train = df[df["inspection_date"] < CUTOFF]
    test = df[df["inspection_date"] >= CUTOFF]

    clf = lgb.LGBMClassifier(
        n_estimators=700,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=50,
        colsample_bytree=0.8,
        random_state=0,
        verbose=-1,
    )
    clf.fit(train[features], train["failed"], categorical_feature=CATEGORICAL)
    score = clf.predict_proba(test[features])[:, 1]

    print(f"train {len(train):,} / test {len(test):,} routine inspections, fail rate {test['failed'].mean():.2%}")
    print(f"ROC AUC            {roc_auc_score(test['failed'], score):.4f}")
    print(f"average precision  {average_precision_score(test['failed'], score):.4f}")
    print(f"precision @ top10% {precision_at_top(test['failed'], score):.4f}")
    imp = pd.Series(clf.booster_.feature_importance("gain"), index=features).nlargest(8)
    print(imp.round(1).to_string())
