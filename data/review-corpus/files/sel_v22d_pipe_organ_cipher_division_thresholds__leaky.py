# label: leakage/selection
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

DATA = "data/organ_rank_survey_2023.parquet"
LABEL = "cipher_within_90d"
NUMERIC = [
    "wind_pressure_mm", "chest_humidity_pct", "pallet_spring_n", "leather_age_yrs",
    "console_temp_c", "note_count", "tracker_play_mm", "years_since_releathering",
    "services_per_week", "stops_drawn_weekly",
]
CATEGORICAL = ["division", "action_type", "builder", "wind_system"]
GRID = np.round(np.arange(0.05, 0.95, 0.025), 3)
SEED = 3


def group_split(frame, test_size, seed):
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(splitter.split(frame, groups=frame["organ_id"]))
    return frame.iloc[a], frame.iloc[b]


def load_inspections(path):
    df = pd.read_parquet(path)
    df = df[df["rank_in_service"] == 1].copy()
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


class DivisionThresholds:
    """One probability cut-off per organ division, picked by F1."""

    def __init__(self, grid, default=0.5):
        self.grid = grid
        self.default = default
        self.cut_ = {}

    def fit(self, proba, y, division):
        division = np.asarray(division)
        for name in np.unique(division):
            mask = division == name
            if y[mask].sum() == 0:
                self.cut_[name] = self.default
                continue
            scores = [f1_score(y[mask], proba[mask] >= t, zero_division=0) for t in self.grid]
            self.cut_[name] = float(self.grid[int(np.argmax(scores))])
        return self

    def predict(self, proba, division):
        cuts = np.array([self.cut_.get(d, self.default) for d in np.asarray(division)])
        return (proba >= cuts).astype(int)


def report(y_true, y_pred, title):
    print(f"--- {title} ---")
    print(f"F1        {f1_score(y_true, y_pred):.3f}")
    print(f"precision {precision_score(y_true, y_pred, zero_division=0):.3f}")
    print(f"recall    {recall_score(y_true, y_pred):.3f}")


ranks = load_inspections(DATA)
print(ranks["organ_id"].nunique(), "organs,", len(ranks), "ranks")
print(ranks.groupby("division", observed=True)[LABEL].agg(["mean", "size"]))

train_df, test_df = group_split(ranks, 0.25, SEED)
X_train, y_train = train_df[NUMERIC + CATEGORICAL], train_df[LABEL].to_numpy()
X_test, y_test = test_df[NUMERIC + CATEGORICAL], test_df[LABEL].to_numpy()

clf = HistGradientBoostingClassifier(
    categorical_features="from_dtype",
    max_iter=300,
    learning_rate=0.05,
    l2_regularization=1.0,
    random_state=SEED,
)
clf.fit(X_train, y_train)

proba_test = clf.predict_proba(X_test)[:, 1]
thresholds = DivisionThresholds(GRID).fit(proba_test, y_test, X_test["division"].astype(str))
for name, cut in sorted(thresholds.cut_.items()):
    print(f"{name:>10}: threshold {cut:.3f}")

print(f"test ROC AUC {roc_auc_score(y_test, proba_test):.3f}")
report(y_test, (proba_test >= 0.5).astype(int), "single 0.5 cut")
report(y_test, thresholds.predict(proba_test, X_test["division"].astype(str)), "per-division cuts")
