# label: leakage/none
"""Predict whether a pet owner books a vaccination within 30 days of a clinic reminder, using a stacked ensemble."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier, StackingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

reminders = pd.read_csv("vet_reminders_sent.csv", parse_dates=["sent_at"])
pets = pd.read_csv("vet_pet_register.csv", parse_dates=["date_of_birth"])
df = reminders.merge(pets, on="pet_id", how="left")

df["pet_age_years"] = (df["sent_at"] - df["date_of_birth"]).dt.days / 365.25
df["is_dog"] = (df["species"] == "dog").astype(int)
df["sms_channel"] = (df["channel"] == "sms").astype(int)
df["sent_weekday"] = df["sent_at"].dt.weekday
df["sent_month"] = df["sent_at"].dt.month
df["prior_reminder_rate"] = df["prior_bookings"] / df["prior_reminders"].clip(lower=1)
FEATURES = ["pet_age_years", "is_dog", "sms_channel", "sent_weekday", "sent_month",
            "prior_reminders", "prior_reminder_rate", "km_to_clinic", "insured", "days_overdue"]
df = df.dropna(subset=FEATURES + ["booked_30d"]).sort_values("sent_at")

cutoff = pd.Timestamp("2023-07-01")
train = df[df["sent_at"] < cutoff]
test = df[df["sent_at"] >= cutoff]
X_train, y_train = train[FEATURES], train["booked_30d"]
X_test, y_test = test[FEATURES], test["booked_30d"]
print(f"train {len(train)} rows ({y_train.mean():.1%} booked), test {len(test)} rows")

base_learners = [
    ("hgb", HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)),
    ("rf", RandomForestClassifier(n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=0)),
    ("nb", make_pipeline(StandardScaler(), GaussianNB())),
]
meta_options = {
    "logreg": LogisticRegression(max_iter=1000),
    "logreg_strong_l2": LogisticRegression(C=0.05, max_iter=1000),
    "shallow_hgb": HistGradientBoostingClassifier(max_depth=2, max_iter=100, random_state=0),
}


def make_stack(meta, passthrough):
    return StackingClassifier(estimators=base_learners, final_estimator=meta,
                              stack_method="predict_proba", passthrough=passthrough, cv=5, n_jobs=-1)


# pick the stack layout on the last three months of the training period
val_start = cutoff - pd.DateOffset(months=3)
fit_part = train[train["sent_at"] < val_start]
val_part = train[train["sent_at"] >= val_start]
leaderboard = []
for meta_name, meta in meta_options.items():
    for passthrough in (False, True):
        stack = make_stack(meta, passthrough).fit(fit_part[FEATURES], fit_part["booked_30d"])
        auc = roc_auc_score(val_part["booked_30d"], stack.predict_proba(val_part[FEATURES])[:, 1])
        leaderboard.append({"meta": meta_name, "passthrough": passthrough, "auc": auc})

board = pd.DataFrame(leaderboard).sort_values("auc", ascending=False)
print(board.to_string(index=False))
best = board.iloc[0]

final = make_stack(meta_options[best["meta"]], bool(best["passthrough"])).fit(X_train, y_train)
proba = final.predict_proba(X_test)[:, 1]
print(f"Stack ({best['meta']}, passthrough={best['passthrough']})")
print(f"  test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"  test PR AUC:  {average_precision_score(y_test, proba):.4f}")
