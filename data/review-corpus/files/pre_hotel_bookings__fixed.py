# label: leakage/none
# twin: pre_hotel_bookings__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, f1_score

hotel = pd.read_csv("data/hotel_bookings.csv")
hotel = hotel.drop(columns=["reservation_status", "reservation_status_date"])
target = "is_canceled"
high_card = ["country", "agent", "company"]
num = ["lead_time", "adr", "stays_in_week_nights", "stays_in_weekend_nights", "adults",
       "children", "previous_cancellations", "total_of_special_requests", "days_in_waiting_list"]


def smoothed_mean(df, col, target, m=20):
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["mean", "count"])
    return (stats["count"] * stats["mean"] + m * prior) / (stats["count"] + m), prior


train, test = train_test_split(hotel, test_size=0.25, stratify=hotel[target], random_state=9)
train, test = train.copy(), test.copy()
for col in high_card:
    enc, prior = smoothed_mean(train, col, target)
    train[f"{col}_te"] = train[col].map(enc).fillna(prior)
    test[f"{col}_te"] = test[col].map(enc).fillna(prior)

features = num + [f"{c}_te" for c in high_card]

clf = LGBMClassifier(n_estimators=600, learning_rate=0.05, num_leaves=48, subsample=0.8,
                     subsample_freq=1, colsample_bytree=0.8, verbose=-1)
clf.fit(train[features], train[target])
p = clf.predict_proba(test[features])[:, 1]
print(f"AUC={roc_auc_score(test[target], p):.3f}  F1={f1_score(test[target], p > 0.5):.3f}")
