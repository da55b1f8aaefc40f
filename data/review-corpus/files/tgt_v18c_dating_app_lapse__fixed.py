# label: leakage/none
"""30-day lapse model for a dating app.

Snapshot date S: a member lapses if they open the app on no day in (S, S + 30d].
Features summarise each member's activity log and profile.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score, precision_recall_curve
from sklearn.model_selection import train_test_split

SNAPSHOT = pd.Timestamp("2024-03-01")
HORIZON = pd.Timedelta(days=30)
LOOKBACK = pd.Timedelta(days=90)


def lapse_labels(events, members):
    window = events[(events["ts"] > SNAPSHOT) & (events["ts"] <= SNAPSHOT + HORIZON)]
    active = set(window["member_id"].unique())
    return (~members["member_id"].isin(active)).astype(int).rename("lapsed")


def activity_features(events):
    ev = events[(events["ts"] > SNAPSHOT - LOOKBACK) & (events["ts"] <= SNAPSHOT)]
    ev = ev.assign(day=ev["ts"].dt.normalize())
    per = ev.groupby("member_id")
    feats = pd.DataFrame({
        "active_days": per["day"].nunique(),
        "sessions": per["session_id"].nunique(),
        "swipes": per["event_type"].apply(lambda s: (s == "swipe").sum()),
        "matches": per["event_type"].apply(lambda s: (s == "match").sum()),
        "messages_sent": per["event_type"].apply(lambda s: (s == "message_sent").sum()),
        "days_since_last": (ev["ts"].max() - per["ts"].max()).dt.days,
    })
    feats["match_rate"] = feats["matches"] / feats["swipes"].clip(lower=1)
    feats["msgs_per_match"] = feats["messages_sent"] / feats["matches"].clip(lower=1)
    return feats


events = pd.read_parquet("data/app_events_2023-10_2024-04.parquet")
members = pd.read_csv("data/members.csv", parse_dates=["signup_date"])
members = members[members["signup_date"] < SNAPSHOT].reset_index(drop=True)

X = members.set_index("member_id")[["age", "gender", "subscription_tier", "photos", "bio_len", "verified"]].copy()
X["tenure_days"] = (SNAPSHOT - members.set_index("member_id")["signup_date"]).dt.days
X = X.join(activity_features(events), how="left")
X[["active_days", "sessions", "swipes", "matches", "messages_sent"]] = X[
    ["active_days", "sessions", "swipes", "matches", "messages_sent"]].fillna(0)
X["days_since_last"] = X["days_since_last"].fillna(LOOKBACK.days)
for c in ["gender", "subscription_tier"]:
    X[c] = X[c].astype("category")

y = lapse_labels(events, members).set_axis(members["member_id"])
X = X.loc[y.index]
print(X.shape, "lapse rate:", round(y.mean(), 3))

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=99)
clf = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=48, subsample=0.8,
                         subsample_freq=1, colsample_bytree=0.8, verbose=-1)
clf.fit(X_tr, y_tr)

p = clf.predict_proba(X_te)[:, 1]
prec, rec, _ = precision_recall_curve(y_te, p)
print("test AUC:", round(roc_auc_score(y_te, p), 4))
print("precision at 50% recall:", round(float(np.max(prec[rec >= 0.5])), 3))
print(pd.Series(clf.feature_importances_, index=X.columns).sort_values(ascending=False).head(8))
