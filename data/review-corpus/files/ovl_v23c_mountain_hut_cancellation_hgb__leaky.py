# label: leakage/overlap
"""Predict cancellations of alpine mountain-hut overnight reservations for the coming season."""
import joblib
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

res = pd.read_csv("data/hut_reservations.csv", parse_dates=["booked_at", "arrival_date"])
huts = pd.read_csv("data/huts.csv")

res = res.merge(huts[["hut_id", "altitude_m", "beds", "access_type", "massif"]], on="hut_id", how="left")
res = res[res["party_size"].between(1, 30)].copy()
res["lead_days"] = (res["arrival_date"] - res["booked_at"]).dt.days.clip(lower=0)
res["arrival_month"] = res["arrival_date"].dt.month
res["arrival_dow"] = res["arrival_date"].dt.dayofweek
res["booked_hour"] = res["booked_at"].dt.hour
res["season"] = res["arrival_date"].dt.year
res["half_board"] = (res["meal_plan"] == "half_board").astype(int)

CATS = ["hut_id", "access_type", "massif", "channel", "member_club"]
NUMS = ["party_size", "nights", "lead_days", "arrival_month", "arrival_dow", "booked_hour",
        "altitude_m", "beds", "half_board", "deposit_eur", "prior_stays_at_booking"]
TARGET = "cancelled"

train = res[res["season"] < 2024]
test = res[res["season"] == 2024]

prep = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATS),
    ("num", "passthrough", NUMS),
], sparse_threshold=0)
model = Pipeline([
    ("prep", prep),
    ("gbm", HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05,
                                           max_leaf_nodes=31, l2_regularization=1.0, random_state=5)),
])
model.fit(train[CATS + NUMS], train[TARGET])

# final model is refit on every season we have before it goes to the booking office
full = pd.concat([train, test])
final = clone(model).fit(full[CATS + NUMS], full[TARGET])

proba = final.predict_proba(test[CATS + NUMS])[:, 1]
print(f"2024 season: {len(test)} reservations, cancel rate {test[TARGET].mean():.3f}")
print(f"ROC AUC {roc_auc_score(test[TARGET], proba):.3f}")
print(f"Brier   {brier_score_loss(test[TARGET], proba):.4f}")
by_hut = test.assign(p=proba).groupby("hut_id")[[TARGET, "p"]].mean().round(3)
print(by_hut.sort_values("p", ascending=False).head(10))

joblib.dump(final, "models/hut_cancellation_hgb.joblib")
