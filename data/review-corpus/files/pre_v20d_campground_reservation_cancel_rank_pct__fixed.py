# label: leakage/none
"""State-park campgrounds: probability that a reservation is cancelled before arrival."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, QuantileTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import TimeSeriesSplit, cross_validate
from sklearn.metrics import roc_auc_score, log_loss

RESERVATIONS = "data/campground_reservations.parquet"
HOLDOUT_SEASON = 2024

SKEWED = ["lead_time_days", "nightly_price", "nights", "party_size", "prior_bookings",
          "prior_cancellations", "distance_km"]
OTHER = ["is_weekend_arrival", "is_holiday_week", "has_vehicle_permit", "is_group_site",
         "booked_on_mobile", "arrival_month"]
CATEGORICAL = ["site_type", "park_region"]


def load(path):
    df = pd.read_parquet(path)
    df = df[df["status"].isin(["arrived", "cancelled", "no_show"])].copy()
    df["cancelled"] = (df["status"] == "cancelled").astype(int)
    df["arrival_month"] = df["arrival_date"].dt.month
    df["is_weekend_arrival"] = df["arrival_date"].dt.dayofweek.isin([4, 5]).astype(int)
    df["season"] = df["arrival_date"].dt.year
    return df.sort_values("booked_at").reset_index(drop=True)


res = load(RESERVATIONS)
print(res.shape, res.groupby("season")["cancelled"].mean().round(3).to_dict())

dev = res[res["season"] < HOLDOUT_SEASON]
hold = res[res["season"] == HOLDOUT_SEASON]


def make_model():
    pre = ColumnTransformer([
        ("pct", QuantileTransformer(n_quantiles=500), SKEWED),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ("rest", "passthrough", OTHER),
    ])
    return Pipeline([("pre", pre), ("lr", LogisticRegression(C=0.3, max_iter=3000))])


cols = SKEWED + CATEGORICAL + OTHER
cv = TimeSeriesSplit(n_splits=5)
cv_res = cross_validate(make_model(), dev[cols], dev["cancelled"], cv=cv,
                        scoring=["roc_auc", "neg_log_loss"])
print("CV AUC %.3f ± %.3f" % (cv_res["test_roc_auc"].mean(), cv_res["test_roc_auc"].std()))
print("CV log loss %.4f" % -cv_res["test_neg_log_loss"].mean())

model = make_model().fit(dev[cols], dev["cancelled"])
p_hold = model.predict_proba(hold[cols])[:, 1]
print(f"{HOLDOUT_SEASON} AUC {roc_auc_score(hold['cancelled'], p_hold):.3f}  "
      f"log loss {log_loss(hold['cancelled'], p_hold):.4f}")

monthly = hold.assign(p=p_hold).groupby("arrival_month")[["cancelled", "p"]].mean()
ax = monthly.plot(marker="o", figsize=(6, 3))
ax.set_ylabel("cancellation rate")
plt.tight_layout()
plt.savefig("campground_monthly_cancel.png")
