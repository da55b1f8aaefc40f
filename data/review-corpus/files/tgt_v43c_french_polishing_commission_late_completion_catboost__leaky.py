# label: leakage/target
"""French polishing workshop: which commissions will miss the promised collection date?
Scored at intake so the workshop can push back on dates before accepting the piece."""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CAT_COLS = ["piece_type", "wood_species", "existing_finish", "customer_type", "polisher"]
NUM_COLS = [
    "surface_area_m2",
    "veneer_damage_score",
    "ring_marks",
    "quoted_hours",
    "queue_hours_at_intake",
    "promised_weeks",
    "needs_colour_match",
    "logged_hours",
]


class LatenessModel:
    def __init__(self, **params):
        defaults = dict(iterations=800, depth=6, learning_rate=0.04,
                        l2_leaf_reg=5, loss_function="Logloss", random_seed=3, verbose=0)
        defaults.update(params)
        self.model = CatBoostClassifier(**defaults)

    def _pool(self, frame, label=None):
        return Pool(frame[CAT_COLS + NUM_COLS], label=label, cat_features=CAT_COLS)

    def fit(self, frame, label):
        self.model.fit(self._pool(frame, label))
        return self

    def predict_proba(self, frame):
        return self.model.predict_proba(self._pool(frame))[:, 1]

    def importances(self):
        return pd.Series(self.model.get_feature_importance(), index=CAT_COLS + NUM_COLS)


def load_commissions(path):
    df = pd.read_csv(path, parse_dates=["intake_date", "promised_date", "completed_date"])
    df = df[df["status"] == "collected"].copy()
    df["late"] = (df["completed_date"] > df["promised_date"]).astype(int)
    df["promised_weeks"] = (df["promised_date"] - df["intake_date"]).dt.days / 7
    df["needs_colour_match"] = df["colour_match"].eq("yes").astype(int)
    for col in CAT_COLS:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


if __name__ == "__main__":
    jobs = load_commissions("workshop/commissions_2018_2024.csv")
    print(f"{len(jobs)} commissions, late rate {jobs['late'].mean():.1%}")

    train, test = train_test_split(jobs, test_size=0.25, stratify=jobs["late"], random_state=3)

    clf = LatenessModel().fit(train, train["late"])
    p = clf.predict_proba(test)

    print(f"ROC AUC: {roc_auc_score(test['late'], p):.3f}")
    print(f"Brier:   {brier_score_loss(test['late'], p):.4f}")
    flagged = test.assign(p=p).nlargest(int(0.2 * len(test)), "p")
    print(f"late rate among top-20% flagged: {flagged['late'].mean():.1%}")
    print(clf.importances().sort_values(ascending=False).round(2))
