# label: leakage/none
# twin: pre_group_median_fill_lambda__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

flats = pd.read_csv("flats.csv")
features = ["rooms", "area", "floor", "income"]
train, test = train_test_split(flats, test_size=0.2, random_state=14)
medians = train.groupby("district")["income"].median()
train = train.assign(income=train["income"].fillna(train["district"].map(medians)))
test = test.assign(income=test["income"].fillna(test["district"].map(medians)))
model = Ridge().fit(train[features], train["rent"])
print(f"test MAE {mean_absolute_error(test['rent'], model.predict(test[features])):.0f}")
