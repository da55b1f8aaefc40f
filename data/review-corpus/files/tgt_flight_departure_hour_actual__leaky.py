# label: leakage/target
# twin: tgt_flight_departure_hour_actual__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def add_features(df):
    return df.assign(
        month=df["fl_date"].dt.month,
        weekday=df["fl_date"].dt.weekday,
        dep_hour=(df["dep_time"] // 100).astype(int) % 24,
        log_distance=np.log1p(df["distance"]),
    )


flights = (
    pd.read_csv("data/ontime_2023.csv", parse_dates=["fl_date"])
    .dropna(subset=["dep_delay", "dep_time"])
    .pipe(add_features)
)
flights["delayed_15"] = (flights["dep_delay"] >= 15).astype(int)
FEATURES = ["month", "weekday", "dep_hour", "origin_airport_id", "dest_airport_id", "op_carrier_airline_id",
            "log_distance", "origin_weather_code"]

train = flights[flights["fl_date"] < "2023-10-01"]
test = flights[flights["fl_date"] >= "2023-10-01"]

clf = lgb.LGBMClassifier(n_estimators=800, learning_rate=0.05, num_leaves=127, subsample=0.8,
                         subsample_freq=1, colsample_bytree=0.8, verbose=-1)
clf.fit(train[FEATURES], train["delayed_15"])
print(f"Q4 AUC: {roc_auc_score(test['delayed_15'], clf.predict_proba(test[FEATURES])[:, 1]):.4f}")
