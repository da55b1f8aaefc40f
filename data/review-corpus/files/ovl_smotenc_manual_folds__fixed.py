# label: leakage/none
# twin: ovl_smotenc_manual_folds__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import lightgbm as lgb
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTENC
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold

claims = pd.read_csv("insurance_claims.csv")
categorical = ["policy_state", "incident_type", "collision_type", "incident_severity"]  # integer codes in the file
numeric = ["months_as_customer", "age", "policy_annual_premium", "total_claim_amount", "number_of_vehicles_involved"]
X = claims[categorical + numeric]
y = claims["fraud_reported"]

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = []
for fold, (tr, va) in enumerate(skf.split(X, y)):
    X_tr, y_tr = SMOTENC(categorical_features=categorical, random_state=0).fit_resample(X.iloc[tr], y.iloc[tr])
    model = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.05, random_state=0, verbose=-1)
    model.fit(X_tr, y_tr, categorical_feature=categorical)
    scores.append(average_precision_score(y.iloc[va], model.predict_proba(X.iloc[va])[:, 1]))
    print(f"fold {fold}: average precision {scores[-1]:.3f}")
print(f"mean average precision {np.mean(scores):.3f}")
