# label: leakage/none
# twin: pre_r13b_callcentre_wait_vstack__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Bank call-centre wait times: predict how long an arriving caller will queue.

Features are snapshots of the queue at the moment the call arrives. Calls
before March are used for training, calls from March on for testing.
"""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "queue_len_at_arrival", "agents_logged_in", "agents_idle", "ivr_menu_depth",
    "is_premium_customer", "avg_handle_time_last_30min", "abandon_rate_last_30min",
    "hour", "weekday", "callback_offered",
]

calls = pd.read_csv("data/call_arrivals.csv", parse_dates=["arrival_ts"])
calls = calls.drop_duplicates(subset="call_id").sort_values("arrival_ts")
calls["hour"] = calls["arrival_ts"].dt.hour
calls["weekday"] = calls["arrival_ts"].dt.weekday

cutoff = pd.Timestamp("2024-03-01")
train, test = calls[calls["arrival_ts"] < cutoff], calls[calls["arrival_ts"] >= cutoff]
X_train = train[FEATURES].to_numpy(dtype=float)
X_test = test[FEATURES].to_numpy(dtype=float)
y_train = np.log1p(train["wait_s"].to_numpy())
y_test = test["wait_s"].to_numpy()

# imputation and scaling statistics come from the training period only
imputer = SimpleImputer(strategy="median").fit(X_train)
scaler = StandardScaler().fit(imputer.transform(X_train))


def prepare(X):
    return scaler.transform(imputer.transform(X))


model = MLPRegressor(hidden_layer_sizes=(64, 32), alpha=1e-3, early_stopping=True,
                     max_iter=500, random_state=1)
model.fit(prepare(X_train), y_train)
pred = np.expm1(model.predict(prepare(X_test))).clip(min=0)

print(f"test calls: {len(test)}")
print(f"MAE: {mean_absolute_error(y_test, pred):.1f} s")
print(f"share within 60 s: {np.mean(np.abs(y_test - pred) <= 60):.1%}")
