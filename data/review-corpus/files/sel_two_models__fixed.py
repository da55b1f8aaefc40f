# label: leakage/none
# twin: sel_two_models__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.linear_model import LogisticRegression
from sklearn.svm import SVC
df = pd.read_csv("churn.csv")
X, y = df.drop(columns=["churn"]), df["churn"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
for name, model in {"lr": LogisticRegression(max_iter=1000), "svc": SVC()}.items():
    print(name, cross_val_score(model, X_train, y_train, cv=5).mean())
best = SVC().fit(X_train, y_train)
print("test", accuracy_score(y_test, best.predict(X_test)))
