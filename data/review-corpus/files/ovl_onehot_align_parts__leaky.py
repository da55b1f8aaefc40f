# label: leakage/overlap
# twin: ovl_onehot_align_parts__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

X = pd.read_csv("train.csv", index_col="Id")
y = X.pop("SalePrice")
X_train, X_valid, y_train, y_valid = train_test_split(X, y, train_size=0.8, random_state=0)

# One-hot encode each part, then give the validation part the training part's columns;
# the model is then fit on all rows, the validation part included.
X_train = pd.get_dummies(X_train)
X_valid = pd.get_dummies(X_valid)
X_train, X_valid = X_train.align(X_valid, join="left", axis=1)

model = RandomForestRegressor(n_estimators=200, random_state=0)
model.fit(pd.concat([X_train, X_valid]), pd.concat([y_train, y_valid]))
print(mean_absolute_error(y_valid, model.predict(X_valid)))
