# label: leakage/preprocessing
# twin: pre_v15_orchestra_sellout_kbest__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Will a subscription-season concert sell out? Mutual-information screening + logistic regression."""
from functools import partial

import pandas as pd
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CONCERTS = "data/orchestra/concert_programmes.csv"
TEST_SEASON = "2023-24"
TARGET = "sold_out"
FEATURES = [
    "days_on_sale", "price_min", "price_max", "price_median", "hall_capacity",
    "is_weekend", "is_matinee", "is_holiday_period", "guest_conductor", "guest_soloist",
    "soloist_followers_k", "programme_popularity", "has_premiere", "runtime_min",
    "subscriber_share_prior_season", "competing_events", "school_holiday",
    "marketing_spend_k", "programme_repeat_years", "composer_anniversary",
]
K = 10


def load(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df = df[df["status"] != "cancelled"]
    return df.fillna({"soloist_followers_k": 0.0, "marketing_spend_k": 0.0})


def season_split(df):
    is_test = df["season"] == TEST_SEASON
    return df[~is_test & (df["season"] < TEST_SEASON)], df[is_test]


def main():
    concerts = load(CONCERTS)
    selector = SelectKBest(partial(mutual_info_classif, random_state=0), k=K)
    selector.fit(concerts[FEATURES], concerts[TARGET])
    kept = [f for f, keep in zip(FEATURES, selector.get_support()) if keep]
    print("kept features:", ", ".join(kept))

    train, test = season_split(concerts)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, C=1.0))
    model.fit(train[kept], train[TARGET])
    proba = model.predict_proba(test[kept])[:, 1]

    auc = roc_auc_score(test[TARGET], proba)
    brier = brier_score_loss(test[TARGET], proba)
    print(f"season {TEST_SEASON}: AUC {auc:.3f}  Brier {brier:.3f}  ({len(test)} concerts)")

    coefs = pd.Series(model[-1].coef_[0], index=kept).sort_values()
    print(coefs.to_string())
    (test[["concert_id", "date", "venue"]]
        .assign(p_sellout=proba)
        .sort_values("p_sellout", ascending=False)
        .to_csv("reports/sellout_forecast.csv", index=False))


if __name__ == "__main__":
    main()
