# label: leakage/preprocessing
# twin: pre_r13_category_target_encoder__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Screening model: probability that an applicant is advanced to a first interview."""
import category_encoders as ce
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

HIGH_CARD = ["university", "previous_employer", "job_family", "referral_source", "city"]
NUMERIC = ["years_experience", "n_certifications", "gpa", "resume_len_words",
           "months_since_last_role"]
FEATURES = HIGH_CARD + NUMERIC
TRAIN_END, TEST_START = "2024-06-01", "2024-07-01"  # a month for decisions to land


def load_applications(path):
    apps = pd.read_csv(path, parse_dates=["applied_at"])
    apps = apps.sort_values("applied_at")
    apps = apps.drop_duplicates("applicant_id", keep="first")  # one row per applicant
    apps[HIGH_CARD] = apps[HIGH_CARD].fillna("missing")
    return apps.reset_index(drop=True)


apps = load_applications("data/applications.csv")

encoder = ce.TargetEncoder(cols=HIGH_CARD, smoothing=10.0, min_samples_leaf=20,
                           handle_unknown="value", handle_missing="value")
apps[HIGH_CARD] = encoder.fit_transform(apps[HIGH_CARD], apps["advanced"])

train = apps[apps["applied_at"] < TRAIN_END]
test = apps[apps["applied_at"] >= TEST_START]

model = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300,
                                       max_leaf_nodes=31, random_state=2)
model.fit(train[FEATURES], train["advanced"])
proba = model.predict_proba(test[FEATURES])[:, 1]
print(f"train {len(train)}, test {len(test)} (applied from {TEST_START})")
print(f"ROC AUC {roc_auc_score(test['advanced'], proba):.4f}")
print(f"PR AUC  {average_precision_score(test['advanced'], proba):.4f}")
