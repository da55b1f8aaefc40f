# label: leakage/target
# twin: tgt_feature_builder_flag__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

TARGET = "spend_next_90d"


class FeatureBuilder:
    """Customer features at the snapshot date."""

    def __init__(self, frame):
        self.frame = frame.copy()

    def add_recency(self):
        self.frame["days_since_last_order"] = (self.frame["snapshot_date"] - self.frame["last_order_date"]).dt.days
        return self

    def add_flags(self):
        self.frame["is_big_spender"] = (self.frame[TARGET] > 500).astype(int)
        self.frame["has_newsletter"] = self.frame["newsletter_opt_in"].astype(int)
        return self

    def build(self, columns):
        return self.frame[columns]


customers = pd.read_csv("customers.csv", parse_dates=["snapshot_date", "last_order_date"])
columns = ["orders_last_90d", "spend_last_90d", "days_since_last_order", "is_big_spender", "has_newsletter"]
X = FeatureBuilder(customers).add_recency().add_flags().build(columns)
y = customers[TARGET]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model = lgb.LGBMRegressor(n_estimators=400, learning_rate=0.05, random_state=0, verbose=-1).fit(X_train, y_train)
print(f"test MAE: {mean_absolute_error(y_test, model.predict(X_test)):.2f}")
