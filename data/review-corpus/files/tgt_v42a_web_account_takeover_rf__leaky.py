# label: leakage/target
"""Account-takeover scoring for web logins (fraud-ops confirmed cases as positives)."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_curve

SECURITY_EVENTS = ["password_reset", "email_change", "mfa_device_added", "recovery_phone_change"]


class LoginFeatureBuilder:
    def __init__(self, security_log, window_hours=72):
        self.security_log = security_log[security_log["event_type"].isin(SECURITY_EVENTS)]
        self.window = pd.Timedelta(hours=window_hours)

    def security_counts(self, logins):
        pairs = logins[["login_id", "account_id", "ts"]].merge(
            self.security_log[["account_id", "event_type", "event_ts"]], on="account_id")
        delta = pairs["event_ts"] - pairs["ts"]
        in_window = pairs[(delta >= pd.Timedelta(0)) & (delta <= self.window)]
        counts = pd.crosstab(in_window["login_id"], in_window["event_type"])
        counts = counts.reindex(columns=SECURITY_EVENTS, fill_value=0).add_prefix("n_")
        return counts.reindex(logins["login_id"], fill_value=0).reset_index(drop=True)

    def transform(self, logins):
        base = pd.DataFrame({
            "new_device": logins["device_first_seen"].astype(int),
            "new_country": logins["country_first_seen"].astype(int),
            "km_from_usual": logins["km_from_home_centroid"].fillna(0),
            "failed_1h": logins["failed_attempts_prev_1h"],
            "ip_risk": logins["ip_reputation_score"],
            "datacenter_ip": logins["asn_is_hosting"].astype(int),
            "ua_rarity": logins["user_agent_rarity"],
            "hour": logins["ts"].dt.hour,
            "account_age_days": logins["account_age_days"],
            "days_since_prev_login": logins["days_since_prev_login"].fillna(999),
        })
        return pd.concat([base, self.security_counts(logins)], axis=1)


logins = pd.read_parquet("data/web_logins.parquet").sort_values("ts").reset_index(drop=True)
security_log = pd.read_parquet("data/account_security_events.parquet")
labels = pd.read_csv("data/fraudops_ato_cases.csv")
logins["ato"] = logins["login_id"].isin(labels["login_id"]).astype(int)

builder = LoginFeatureBuilder(security_log)
X = builder.transform(logins)
y = logins["ato"].to_numpy()

is_train = (logins["ts"] < pd.Timestamp("2024-09-01")).to_numpy()
X_train, y_train = X[is_train], y[is_train]
X_test, y_test = X[~is_train], y[~is_train]
print(f"train {len(X_train)} logins, {y_train.sum()} ATO | test {len(X_test)} logins, {y_test.sum()} ATO")

rf = RandomForestClassifier(
    n_estimators=500, min_samples_leaf=5, max_features="sqrt",
    class_weight="balanced_subsample", n_jobs=-1, random_state=4,
)
rf.fit(X_train, y_train)
scores = rf.predict_proba(X_test)[:, 1]

fpr, tpr, thr = roc_curve(y_test, scores)
for budget in (0.001, 0.005, 0.01):
    i = np.searchsorted(fpr, budget, side="right") - 1
    print(f"step-up rate {budget:.1%}: catches {tpr[i]:.1%} of takeovers")
print(f"average precision: {average_precision_score(y_test, scores):.4f}")

importances = pd.Series(rf.feature_importances_, index=X.columns).sort_values(ascending=False)
print(importances.round(4).to_string())
