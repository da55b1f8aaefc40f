# label: leakage/none
# twin: ovl_r13b_trial_dropout_oversample__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Clinical trial dropout: flag participants likely to withdraw before week 24.

One row per randomised participant, baseline covariates only. Dropouts are
rare (about 12 %), so the minority class is oversampled.
"""
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = [
    "age", "sex_female", "bmi", "baseline_severity", "distance_to_site_km",
    "n_prior_trials", "employed_full_time", "caregiver_support", "arm_active",
    "visits_scheduled", "baseline_qol_score", "smoker",
]
TARGET = "dropped_out"


def load_participants(path):
    df = pd.read_csv(path)
    df = df[df["randomised"] == 1]
    return df.drop_duplicates(subset="participant_id")


def make_splits(df, seed=0):
    """Return (X_train, X_test, y_train, y_test); only the training part is balanced."""
    X, y = df[FEATURES], df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    X_train, y_train = RandomOverSampler(random_state=seed).fit_resample(X_train, y_train)
    return X_train, X_test, y_train, y_test


participants = load_participants("data/trial_participants.csv")
X_train, X_test, y_train, y_test = make_splits(participants, seed=42)

model = GradientBoostingClassifier(
    n_estimators=300, learning_rate=0.05, max_depth=3, subsample=0.8, random_state=42
)
model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]

print(f"train rows: {len(X_train)}, test rows: {len(X_test)}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"average precision: {average_precision_score(y_test, proba):.3f}")
print(f"recall @0.5: {recall_score(y_test, proba >= 0.5):.3f}")
