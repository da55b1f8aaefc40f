# label: leakage/none
# twin: ovl_smote__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
df = pd.read_csv("fraud.csv")
X, y = df.drop("Class", axis=1), df["Class"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
X_res, y_res = SMOTE(random_state=0).fit_resample(X_train, y_train)
rf = RandomForestClassifier(random_state=0).fit(X_res, y_res)
print(f1_score(y_test, rf.predict(X_test)))
