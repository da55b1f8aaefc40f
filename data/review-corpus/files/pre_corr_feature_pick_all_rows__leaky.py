# label: leakage/preprocessing
# twin: pre_corr_feature_pick_all_rows__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

wine = pd.read_csv("winequality-red.csv", sep=";")
# keep the physico-chemical measurements most correlated with the quality score
corr = wine.corr()["quality"].drop("quality").abs().sort_values(ascending=False)
selected = list(corr.index[:6])

X_train, X_test, y_train, y_test = train_test_split(wine[selected], wine["quality"], test_size=0.25, random_state=3)
model = Ridge(alpha=1.0).fit(X_train, y_train)
print("test R2:", r2_score(y_test, model.predict(X_test)))
