# label: leakage/none
# twin: tgt_lgbm_attrition_exit_interview__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

hr = pd.read_csv("hr_snapshot.csv")
for c in ["department", "job_level", "overtime"]:
    hr[c] = hr[c].astype("category")

# exit_interview_score only exists for people who already left: not a feature
cols = ["department", "job_level", "overtime", "years_at_company", "salary_percentile",
        "last_review_score", "training_hours", "commute_km"]
X, y = hr[cols], hr["left_company"]

aucs = []
for tr, va in StratifiedKFold(n_splits=5, shuffle=True, random_state=19).split(X, y):
    m = lgb.LGBMClassifier(n_estimators=300, learning_rate=0.05, random_state=19, verbose=-1)
    m.fit(X.iloc[tr], y.iloc[tr])
    aucs.append(roc_auc_score(y.iloc[va], m.predict_proba(X.iloc[va])[:, 1]))
print("CV AUC", sum(aucs) / len(aucs))
