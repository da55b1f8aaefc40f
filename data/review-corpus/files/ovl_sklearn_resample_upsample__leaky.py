# label: leakage/overlap
# twin: ovl_sklearn_resample_upsample__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

tx = pd.read_csv("card_transactions.csv")
majority, minority = tx[tx["fraud"] == 0], tx[tx["fraud"] == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=4)
balanced = pd.concat([majority, minority_up])
X_train, X_test, y_train, y_test = train_test_split(
    balanced.drop(columns=["fraud"]), balanced["fraud"], test_size=0.25, random_state=4
)
clf = GradientBoostingClassifier(random_state=4).fit(X_train, y_train)
print(f"test F1 {f1_score(y_test, clf.predict(X_test)):.3f}")
