# label: leakage/none
# twin: pre_target_encode__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.ensemble import HistGradientBoostingClassifier
df = pd.read_csv("clicks.csv")
train, test = train_test_split(df, random_state=0)
rates = train.groupby("city")["clicked"].mean()
train["city_rate"] = train["city"].map(rates)
test["city_rate"] = test["city"].map(rates)
clf = HistGradientBoostingClassifier(random_state=0).fit(train[["city_rate", "hour"]], train["clicked"])
print(clf.score(test[["city_rate", "hour"]], test["clicked"]))
