# label: leakage/preprocessing
# twin: pre_group_median_fill_lambda__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

flats = pd.read_csv("flats.csv")
features = ["rooms", "area", "floor", "income"]
flats["income"] = flats.groupby("district")["income"].transform(lambda s: s.fillna(s.median()))
train, test = train_test_split(flats, test_size=0.2, random_state=14)
model = Ridge().fit(train[features], train["rent"])
print(f"test MAE {mean_absolute_error(test['rent'], model.predict(test[features])):.0f}")
