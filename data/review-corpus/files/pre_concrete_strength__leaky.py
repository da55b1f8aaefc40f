# label: leakage/preprocessing
# twin: pre_concrete_strength__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR
from sklearn.metrics import r2_score, mean_absolute_error

mix = pd.read_csv("data/concrete_data.csv")
y = mix.pop("compressive_strength_mpa")
X = mix.copy()
X["water_cement_ratio"] = X["water"] / X["cement"]
X["binder"] = X["cement"] + X["slag"] + X["fly_ash"]
X["log_age"] = np.log1p(X["age_days"])

X_scaled = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=4)

svr = SVR(C=50, epsilon=0.5, gamma="scale").fit(X_train, y_train)
pred = svr.predict(X_test)
print(f"R2={r2_score(y_test, pred):.3f}  MAE={mean_absolute_error(y_test, pred):.2f} MPa")
