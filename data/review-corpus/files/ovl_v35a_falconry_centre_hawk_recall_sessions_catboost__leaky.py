# label: leakage/overlap
"""Recall reliability for birds of prey at the falconry centre.

Each row is one free-flight training session. The model scores newly
arrived birds so the head falconer can plan their creance work.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["species", "sex", "origin", "handler", "weather_code", "lure_type"]
NUM_COLS = ["age_months", "flying_weight_g", "weight_vs_target_pct", "hours_since_fed",
            "wind_mph", "temp_c", "crowd_size", "session_minute_of_day", "prior_sessions"]
TARGET = "returned_within_2min"


class RecallModel:
    def __init__(self, iterations=800, depth=6, learning_rate=0.04):
        self.model = CatBoostClassifier(
            iterations=iterations, depth=depth, learning_rate=learning_rate,
            loss_function="Logloss", eval_metric="AUC", random_seed=21, verbose=200,
        )

    def _pool(self, frame, with_label=True):
        label = frame[TARGET] if with_label else None
        return Pool(frame[CAT_COLS + NUM_COLS], label=label, cat_features=CAT_COLS)

    def fit(self, frame):
        self.model.fit(self._pool(frame))
        return self

    def predict_proba(self, frame):
        return self.model.predict_proba(self._pool(frame, with_label=False))[:, 1]


def load_sessions(path):
    sessions = pd.read_csv(path, parse_dates=["session_start"])
    sessions = sessions.dropna(subset=[TARGET, "flying_weight_g"])
    sessions = sessions.sort_values(["bird_id", "session_start"])
    sessions["prior_sessions"] = sessions.groupby("bird_id").cumcount()
    sessions["session_minute_of_day"] = (sessions["session_start"].dt.hour * 60
                                         + sessions["session_start"].dt.minute)
    sessions["weight_vs_target_pct"] = 100 * (sessions["flying_weight_g"] / sessions["target_weight_g"] - 1)
    sessions[CAT_COLS] = sessions[CAT_COLS].fillna("unknown").astype(str)
    return sessions


def main():
    sessions = load_sessions("data/free_flight_sessions.csv")
    print(f"{len(sessions)} sessions from {sessions['bird_id'].nunique()} birds")

    train, test = train_test_split(sessions, test_size=0.2, random_state=5,
                                   stratify=sessions[TARGET])

    recall = RecallModel().fit(train)
    p = recall.predict_proba(test)
    print(f"AUC: {roc_auc_score(test[TARGET], p):.3f}")
    print(f"Brier: {brier_score_loss(test[TARGET], p):.4f}")

    by_species = test.assign(p=p).groupby("species").agg(
        sessions=(TARGET, "size"), observed=(TARGET, "mean"), predicted=("p", "mean"))
    print(by_species.sort_values("sessions", ascending=False).round(3))

    importances = pd.Series(recall.model.get_feature_importance(), index=CAT_COLS + NUM_COLS)
    print(importances.sort_values(ascending=False).head(10).round(2))


if __name__ == "__main__":
    main()
