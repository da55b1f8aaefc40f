# label: leakage/none
# twin: pre_v12_listing_target_encoding__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def fit_target_encoding(frame, col, target, smoothing=20):
    prior = frame[target].mean()
    stats = frame.groupby(col)[target].agg(["mean", "count"])
    enc = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
    return enc, prior


listings = pd.read_csv("data/rental_listings.csv")
high_cols = ["neighbourhood", "host_id", "property_type"]
num_cols = ["price", "accommodates", "bedrooms", "minimum_nights", "number_of_reviews", "review_score"]
target = "booked_30d"

train, test = train_test_split(listings, test_size=0.2, random_state=9)
train, test = train.copy(), test.copy()
for col in high_cols:
    enc, prior = fit_target_encoding(train, col, target)
    train[col + "_te"] = train[col].map(enc).fillna(prior)
    test[col + "_te"] = test[col].map(enc).fillna(prior)

features = num_cols + [c + "_te" for c in high_cols]
gbm = GradientBoostingClassifier(n_estimators=300, max_depth=3, learning_rate=0.05)
gbm.fit(train[features].fillna(0), train[target])
print("test AUC:", roc_auc_score(test[target], gbm.predict_proba(test[features].fillna(0))[:, 1]))
