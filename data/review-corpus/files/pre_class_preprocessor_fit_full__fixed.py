# label: leakage/none
# twin: pre_class_preprocessor_fit_full__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split


class Preprocessor:
    """Clips numeric columns to their 1st-99th percentiles and fills gaps with medians."""

    def __init__(self, numeric):
        self.numeric = numeric

    def fit(self, frame):
        self.low_ = frame[self.numeric].quantile(0.01)
        self.high_ = frame[self.numeric].quantile(0.99)
        self.median_ = frame[self.numeric].median()
        return self

    def transform(self, frame):
        out = frame.copy()
        out[self.numeric] = out[self.numeric].clip(self.low_, self.high_, axis=1).fillna(self.median_)
        return out


listings = pd.read_csv("listings.csv")
numeric = ["accommodates", "bedrooms", "beds", "bathrooms", "minimum_nights", "review_scores_rating", "number_of_reviews"]
train, test = train_test_split(listings, test_size=0.2, random_state=21)
prep = Preprocessor(numeric).fit(train)
train, test = prep.transform(train), prep.transform(test)

model = xgb.XGBRegressor(n_estimators=800, learning_rate=0.03, max_depth=7, subsample=0.8)
model.fit(train[numeric], np.log1p(train["price"]))
pred = np.expm1(model.predict(test[numeric]))
print("MAE:", mean_absolute_error(test["price"], pred))
