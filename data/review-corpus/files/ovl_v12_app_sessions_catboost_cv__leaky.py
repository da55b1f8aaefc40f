# label: leakage/overlap
# twin: ovl_v12_app_sessions_catboost_cv__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold

sessions = pd.read_csv("data/app_sessions.csv")
cat_cols = ["device_type", "os_version", "country", "signup_channel"]
num_cols = ["session_len_s", "screens_viewed", "days_since_signup", "sessions_last_7d", "avg_session_len_user"]
X = sessions[cat_cols + num_cols]
y = sessions["purchased"]

cv = KFold(n_splits=5, shuffle=True, random_state=42)
aucs = []
for fold, (tr, te) in enumerate(cv.split(X)):
    model = CatBoostClassifier(iterations=800, depth=6, learning_rate=0.05, verbose=0, random_seed=fold)
    model.fit(X.iloc[tr], y.iloc[tr], cat_features=cat_cols)
    proba = model.predict_proba(X.iloc[te])[:, 1]
    aucs.append(roc_auc_score(y.iloc[te], proba))
    print(f"fold {fold}: AUC={aucs[-1]:.4f}")

print(f"CV AUC: {np.mean(aucs):.4f} +/- {np.std(aucs):.4f}")
