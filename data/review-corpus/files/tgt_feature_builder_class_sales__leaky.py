# label: leakage/target
# twin: tgt_feature_builder_class_sales__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split


class FeatureBuilder:
    def __init__(self, frame):
        self.frame = frame.copy()

    def add_calendar(self):
        self.frame["month"] = pd.to_datetime(self.frame["date"]).dt.month
        return self

    def add_ratios(self):
        self.frame["sales_per_visit"] = self.frame["sales"] / self.frame["visits"]
        self.frame["visits_per_staff"] = self.frame["visits"] / self.frame["staff"]
        return self


stores = FeatureBuilder(pd.read_csv("store_days.csv")).add_calendar().add_ratios().frame
X = stores.drop(columns=["sales", "date"])
X_train, X_test, y_train, y_test = train_test_split(X, stores["sales"], random_state=34)
model = RandomForestRegressor(random_state=34).fit(X_train, y_train)
print(model.score(X_test, y_test))
