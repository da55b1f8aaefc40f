# label: leakage/target
"""Will a free-track learner buy the verified certificate within 60 days?

Scored on day 3 after enrolment, to decide who gets the discount e-mail.
Learners who already upgraded in the first 3 days are not part of the problem.
"""
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier, early_stopping, log_evaluation
from sklearn.metrics import average_precision_score, roc_auc_score

SCORE_DAY = 3
WINDOW_DAYS = 60

enrol = pd.read_parquet("warehouse/enrolments.parquet")        # learner_id, course_id, enrolled_at, country, ...
orders = pd.read_parquet("warehouse/certificate_orders.parquet")  # learner_id, course_id, paid_at
export_date = pd.Timestamp("2024-05-31")

enrol = enrol[enrol["enrolled_at"] <= export_date - pd.Timedelta(days=WINDOW_DAYS)].copy()
first_paid = orders.groupby(["learner_id", "course_id"], as_index=False)["paid_at"].min()
enrol = enrol.merge(first_paid, on=["learner_id", "course_id"], how="left")
days_to_pay = (enrol["paid_at"] - enrol["enrolled_at"]).dt.total_seconds() / 86400
enrol = enrol[~(days_to_pay < SCORE_DAY)].copy()
enrol["bought"] = (days_to_pay.loc[enrol.index] <= WINDOW_DAYS).astype(int)

# per learner-course activity counters from the LMS
activity = pd.read_parquet("warehouse/learner_course_activity.parquet")
act_cols = ["videos_started", "videos_completed", "problems_attempted", "graded_submissions",
            "forum_posts", "active_days", "minutes_on_platform"]
df = enrol.merge(activity[["learner_id", "course_id"] + act_cols], on=["learner_id", "course_id"], how="left")
df[act_cols] = df[act_cols].fillna(0)

df["completion_rate"] = df["videos_completed"] / df["videos_started"].clip(lower=1)
df["enrol_dow"] = df["enrolled_at"].dt.dayofweek
df["days_to_course_start"] = (df["course_start"] - df["enrolled_at"]).dt.days
earlier = df[["learner_id", "course_id", "enrolled_at"]].merge(
    orders[["learner_id", "paid_at"]], on="learner_id", how="inner"
)
earlier = earlier[earlier["paid_at"] < earlier["enrolled_at"]]
prior = earlier.groupby(["learner_id", "course_id"]).size().rename("prior_certs").reset_index()
df = df.merge(prior, on=["learner_id", "course_id"], how="left")
df["prior_certs"] = df["prior_certs"].fillna(0)

FEATURES = act_cols + ["completion_rate", "enrol_dow", "days_to_course_start", "prior_certs",
                       "course_price_usd", "age_band_code", "country", "course_id",
                       "device_first_seen", "acquisition_channel"]

# time-ordered split; each later block starts once the earlier block's 60-day outcomes are in
t_valid, t_test = df["enrolled_at"].quantile([0.7, 0.85])
gap = pd.Timedelta(days=WINDOW_DAYS)
train = df[df["enrolled_at"] < t_valid - gap].copy()
valid = df[(df["enrolled_at"] >= t_valid) & (df["enrolled_at"] < t_test - gap)].copy()
test = df[df["enrolled_at"] >= t_test].copy()

for c in ["country", "course_id", "device_first_seen", "acquisition_channel"]:
    levels = pd.Index(train[c].dropna().unique())
    for frame in (train, valid, test):
        frame[c] = pd.Categorical(frame[c], categories=levels)

model = LGBMClassifier(n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=200,
                       subsample=0.8, subsample_freq=1, colsample_bytree=0.8, verbose=-1)
model.fit(
    train[FEATURES], train["bought"],
    eval_set=[(valid[FEATURES], valid["bought"])],
    eval_metric="average_precision",
    callbacks=[early_stopping(100), log_evaluation(200)],
)

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['bought'], p):.3f}")
print(f"PR AUC : {average_precision_score(test['bought'], p):.3f}  (base rate {test['bought'].mean():.3f})")

top_decile = p >= np.quantile(p, 0.9)
print(f"lift in top decile: {test.loc[top_decile, 'bought'].mean() / test['bought'].mean():.2f}x")

imp = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(imp.head(12).round(0))
