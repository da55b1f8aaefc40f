# label: leakage/none
"""Predict whether a community radio pledge-drive pledge is paid within 60 days."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

pledges = pd.read_csv("pledge_drive_pledges.csv", parse_dates=["pledge_time"])
donors = pd.read_csv("donor_profiles.csv")
shows = pd.read_csv("show_schedule.csv")

df = pledges.merge(donors, on="donor_id", how="left").merge(shows, on="show_slot", how="left")
df = df[df["pledge_amount"] > 0].copy()
df["hour"] = df["pledge_time"].dt.hour
df["weekend"] = (df["pledge_time"].dt.dayofweek >= 5).astype(int)
df["log_amount"] = np.log1p(df["pledge_amount"])
df["is_sustainer"] = (df["frequency"] == "monthly").astype(int)
df["prior_pledges"] = df["prior_pledges"].fillna(0)
df["paid_60d"] = df["paid_60d"].astype(int)

numeric = ["log_amount", "hour", "weekend", "is_sustainer", "prior_pledges", "years_listening", "donor_age"]
categorical = ["show_name", "presenter", "premium_item", "payment_method", "postcode_area"]

# earlier drives for training, the most recent drive held out
drives = sorted(df["drive"].unique())
train = df[df["drive"].isin(drives[:-1])]
test = df[df["drive"] == drives[-1]]
X_train, y_train = train[numeric + categorical], train["paid_60d"]
X_test, y_test = test[numeric + categorical], test["paid_60d"]
print(f"train pledges: {len(train)}  test pledges: {len(test)}  paid rate: {y_train.mean():.2%}")

# the last training drive acts as validation for choosing the encoder setting
fit_part = train[train["drive"].isin(drives[:-2])]
val_part = train[train["drive"] == drives[-2]]


def build_pipeline(min_freq):
    prep = ColumnTransformer([
        ("num", Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]), numeric),
        ("cat", Pipeline([
            ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
            ("onehot", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=min_freq)),
        ]), categorical),
    ])
    return Pipeline([("prep", prep), ("clf", LogisticRegression(C=0.5, max_iter=2000))])


scores = {}
for min_freq in [1, 5, 10, 25, 50, 100]:
    pipe = build_pipeline(min_freq)
    pipe.fit(fit_part[numeric + categorical], fit_part["paid_60d"])
    proba = pipe.predict_proba(val_part[numeric + categorical])[:, 1]
    scores[min_freq] = roc_auc_score(val_part["paid_60d"], proba)
    print(f"min_frequency={min_freq:>4}  validation AUC={scores[min_freq]:.4f}")

best_min_freq = max(scores, key=scores.get)
final = build_pipeline(best_min_freq).fit(X_train, y_train)
test_proba = final.predict_proba(X_test)[:, 1]

print(f"\nchosen min_frequency: {best_min_freq}")
print(f"held-out drive AUC: {roc_auc_score(y_test, test_proba):.4f}")
top_decile = test_proba >= np.quantile(test_proba, 0.9)
print(f"paid rate in top decile: {y_test[top_decile].mean():.2%}")
