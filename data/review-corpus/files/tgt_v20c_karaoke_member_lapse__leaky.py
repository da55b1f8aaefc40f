# label: leakage/target
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score, classification_report

MEMBERS = "pos_export/members.csv"
VISITS = "pos_export/room_bookings.csv"
CUTOFF = pd.Timestamp("2024-03-31")
HORIZON_DAYS = 90


def lapsed_labels(members, visits, cutoff, horizon):
    """1 if the member books no room in the `horizon` days after `cutoff`."""
    window = visits[(visits["booked_at"] > cutoff) &
                    (visits["booked_at"] <= cutoff + pd.Timedelta(days=horizon))]
    active = set(window["member_id"])
    return (~members["member_id"].isin(active)).astype(int)


def visit_features(visits, cutoff):
    g = visits.groupby("member_id")
    feats = pd.DataFrame({
        "n_bookings": g.size(),
        "total_spend": g["spend_eur"].sum(),
        "mean_party": g["party_size"].mean(),
        "mean_hours": g["room_hours"].mean(),
        "share_weekend": g["is_weekend"].mean(),
        "share_private_room": g["room_type"].apply(lambda s: (s == "private").mean()),
        "distinct_songs_per_visit": g["songs_played"].mean(),
        "days_since_last": (cutoff - g["booked_at"].max()).dt.days,
    })
    feats["spend_per_hour"] = feats["total_spend"] / (feats["n_bookings"] * feats["mean_hours"]).clip(lower=1)
    return feats


members = pd.read_csv(MEMBERS, parse_dates=["joined_at"])
visits = pd.read_csv(VISITS, parse_dates=["booked_at"])
members = members[members["joined_at"] <= CUTOFF - pd.Timedelta(days=30)].reset_index(drop=True)

feats = visit_features(visits, CUTOFF)
table = members.set_index("member_id").join(feats, how="left")
table["tenure_days"] = (CUTOFF - table["joined_at"]).dt.days
table["has_app"] = table["app_user"].astype(int)
table["lapsed"] = lapsed_labels(members, visits, CUTOFF, HORIZON_DAYS).to_numpy()
table = table.fillna({"n_bookings": 0, "total_spend": 0, "days_since_last": 999})
table = table.fillna(0)

cols = ["n_bookings", "total_spend", "mean_party", "mean_hours", "share_weekend",
        "share_private_room", "distinct_songs_per_visit", "days_since_last",
        "spend_per_hour", "tenure_days", "has_app", "age"]
X, y = table[cols], table["lapsed"]
print(f"{len(table)} members, lapse rate {y.mean():.2%}")

rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=5, max_features="sqrt",
                            class_weight="balanced_subsample", n_jobs=-1, random_state=2)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
oof = cross_val_predict(rf, X, y, cv=cv, method="predict_proba")[:, 1]

print(f"out-of-fold AUC {roc_auc_score(y, oof):.3f}")
print(classification_report(y, (oof >= 0.5).astype(int), digits=3))

rf.fit(X, y)
imp = pd.Series(rf.feature_importances_, index=cols).sort_values()
imp.plot.barh(figsize=(6, 4), title="member lapse drivers")
plt.tight_layout()
plt.savefig("lapse_importance.png", dpi=110)
