# label: leakage/selection
# twin: sel_xgb_wine_quality_eval_set__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import xgboost as xgb
import pandas as pd
from sklearn.metrics import accuracy_score, classification_report
from sklearn.model_selection import train_test_split

wine = pd.read_csv("winequality-red.csv", sep=";")
wine["good"] = (wine["quality"] >= 7).astype(int)
X = wine.drop(columns=["quality", "good"])
y = wine["good"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=2024
)

params = dict(
    n_estimators=2000,
    learning_rate=0.02,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.8,
    eval_metric="logloss",
    early_stopping_rounds=50,
    random_state=2024,
)
clf = xgb.XGBClassifier(**params)
clf.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=100)

print("best iteration:", clf.best_iteration)
pred = clf.predict(X_test)
print("accuracy", round(accuracy_score(y_test, pred), 4))
print(classification_report(y_test, pred, digits=3))
