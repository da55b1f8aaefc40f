# label: leakage/none
# twin: tgt_v14_box_office_tier__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Domestic box-office gross model for greenlight reviews, using information available before release."""
import numpy as np
import pandas as pd
from catboost import CatBoostRegressor
from sklearn.metrics import mean_absolute_error, r2_score

MOVIES = "data/box_office/movies_2000_2019.csv"
CAT_FEATURES = ["genre", "mpaa_rating", "distributor_tier", "release_season"]
SEASON = {12: "holiday", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "summer",
          6: "summer", 7: "summer", 8: "late_summer", 9: "fall", 10: "fall", 11: "holiday"}


class MovieFeatures:
    def __init__(self, tier_bins=(5, 30, 100)):
        self.tier_bins = [-1, *tier_bins, np.inf]

    def fit(self, df):
        self.distributor_size_ = df["distributor"].value_counts()
        return self

    def transform(self, df):
        out = pd.DataFrame(index=df.index)
        out["log_budget"] = np.log1p(df["budget_usd"])
        out["runtime_min"] = df["runtime_min"]
        out["is_sequel"] = df["is_sequel"].astype(int)
        out["is_adaptation"] = df["source_material"].ne("original").astype(int)
        prior = df[["lead_prev_avg_gross", "director_prev_avg_gross"]].fillna(0)
        out["star_power"] = np.log1p(prior).sum(axis=1)
        out["log_planned_screens"] = np.log1p(df["planned_screens"])
        out["release_month"] = df["release_date"].dt.month
        out["release_season"] = df["release_date"].dt.month.map(SEASON)
        out["genre"] = df["genre"].fillna("unknown")
        out["mpaa_rating"] = df["mpaa_rating"].fillna("NR")
        size = df["distributor"].map(self.distributor_size_).fillna(0)
        out["distributor_tier"] = pd.cut(size, self.tier_bins, labels=["micro", "small", "mid", "major"]).astype(str)
        return out


def main():
    movies = pd.read_csv(MOVIES, parse_dates=["release_date"]).dropna(subset=["budget_usd", "domestic_gross"])
    train = movies[movies["release_date"].dt.year <= 2016]
    test = movies[movies["release_date"].dt.year.between(2017, 2019)]

    feats = MovieFeatures().fit(train)
    X_train, X_test = feats.transform(train), feats.transform(test)
    y_train, y_test = np.log1p(train["domestic_gross"]), np.log1p(test["domestic_gross"])

    model = CatBoostRegressor(
        iterations=1500, depth=6, learning_rate=0.03, loss_function="RMSE",
        cat_features=CAT_FEATURES, random_seed=12, verbose=300,
    )
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    print(f"films: train {len(train)}, test {len(test)}")
    print(f"R2 (log gross)            {r2_score(y_test, pred):.3f}")
    print(f"MAE (log gross)           {mean_absolute_error(y_test, pred):.3f}")
    ratio = np.expm1(pred) / np.expm1(y_test)
    print(f"within 2x of actual gross {np.mean((ratio > 0.5) & (ratio < 2)):.1%}")
    print(model.get_feature_importance(prettified=True).head(8).to_string(index=False))


if __name__ == "__main__":
    main()
