# label: leakage/none
# twin: pre_corr_feature_pick_all_rows__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

wine = pd.read_csv("winequality-red.csv", sep=";")
train, test = train_test_split(wine, test_size=0.25, random_state=3)
# keep the physico-chemical measurements most correlated with the quality score, on the training wines only
corr = train.corr()["quality"].drop("quality").abs().sort_values(ascending=False)
selected = list(corr.index[:6])

model = Ridge(alpha=1.0).fit(train[selected], train["quality"])
print("test R2:", r2_score(test["quality"], model.predict(test[selected])))
