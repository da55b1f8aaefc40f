# label: leakage/overlap
# twin: ovl_pilot_bootstrap_enlarge__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(42)
trial = pd.read_csv("pilot_trial.csv")  # 180 participants
cols = ["dose_mg", "age", "bmi", "baseline_score"]
X = sm.add_constant(trial[cols]).to_numpy()
y = trial["responder"].to_numpy()

# the pilot is small: bootstrap it to three times its size before modelling
idx = rng.choice(len(X), size=3 * len(X), replace=True)
X_big, y_big = X[idx], y[idx]

X_fit, X_eval, y_fit, y_eval = train_test_split(X_big, y_big, test_size=0.3, random_state=0)
logit = sm.Logit(y_fit, X_fit).fit(disp=0)
print(logit.summary(xname=["const"] + cols))
print("AUC on evaluation rows:", roc_auc_score(y_eval, logit.predict(X_eval)))
