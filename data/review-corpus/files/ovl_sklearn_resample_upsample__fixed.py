# label: leakage/none
# twin: ovl_sklearn_resample_upsample__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

tx = pd.read_csv("card_transactions.csv")
train, test = train_test_split(tx, test_size=0.25, stratify=tx["fraud"], random_state=4)
majority, minority = train[train["fraud"] == 0], train[train["fraud"] == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=4)
balanced = pd.concat([majority, minority_up])
clf = GradientBoostingClassifier(random_state=4).fit(balanced.drop(columns=["fraud"]), balanced["fraud"])
print(f"test F1 {f1_score(test['fraud'], clf.predict(test.drop(columns=['fraud']))):.3f}")
