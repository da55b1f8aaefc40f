# label: leakage/overlap
# twin: ovl_time_kfold__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.ensemble import RandomForestRegressor
df = pd.read_csv("prices.csv", index_col="date", parse_dates=True)
df["ma7"] = df["close"].rolling(7).mean()
df["ret1"] = df["close"].pct_change()
df = df.dropna()
cv = KFold(n_splits=5, shuffle=True, random_state=0)
print(cross_val_score(RandomForestRegressor(random_state=0), df[["ma7", "ret1"]], df["close"], cv=cv))
