# label: leakage/target
"""Probability of a ransomware claim within the policy year for small-business cyber policies."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

SETTINGS = {
    "policies": "data/policies.csv",
    "scans": "data/attack_surface_scans.csv",
    "services": "data/vendor_services.csv",
    "claims": "data/claims.csv",
    "test_bind_year": 2023,
}
SERVICE_TYPES = ["pen_test", "phishing_training", "incident_response", "backup_audit", "mdr_onboarding"]


def policy_table(cfg):
    policies = pd.read_csv(cfg["policies"], parse_dates=["bind_date", "expiry_date"])
    scans = pd.read_csv(cfg["scans"], parse_dates=["scan_date"])
    claims = pd.read_csv(cfg["claims"], parse_dates=["loss_date"])

    # latest attack surface scan taken during underwriting
    scans = scans.merge(policies[["policy_id", "bind_date"]], on="policy_id")
    scans = scans[scans["scan_date"] <= scans["bind_date"]]
    scans = scans.sort_values("scan_date").groupby("policy_id").last().reset_index()
    df = policies.merge(scans.drop(columns=["scan_date", "bind_date"]), on="policy_id", how="left")

    ransom = claims[claims["peril"] == "ransomware"][["policy_id"]].drop_duplicates()
    ransom["ransomware_claim"] = 1
    df = df.merge(ransom, on="policy_id", how="left")
    df["ransomware_claim"] = df["ransomware_claim"].fillna(0).astype(int)
    return df


def service_hours(cfg, policies):
    services = pd.read_csv(cfg["services"], parse_dates=["service_date"])
    services = services.merge(policies[["policy_id", "bind_date", "expiry_date"]], on="policy_id")
    services = services[services["service_date"] <= services["expiry_date"]]
    wide = services.pivot_table(index="policy_id", columns="service_type", values="hours",
                                aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=SERVICE_TYPES, fill_value=0)
    wide.columns = [f"hours_{c}" for c in wide.columns]
    return wide.reset_index()


df = policy_table(SETTINGS)
df = df.merge(service_hours(SETTINGS, df), on="policy_id", how="left")
hour_cols = [f"hours_{s}" for s in SERVICE_TYPES]
df[hour_cols] = df[hour_cols].fillna(0)
df["log_revenue"] = np.log10(df["annual_revenue_usd"].clip(lower=1))

categorical = ["industry", "state", "it_outsourced"]
for col in categorical:
    df[col] = df[col].astype("category")

features = categorical + hour_cols + [
    "log_revenue", "employees", "mfa_email", "mfa_remote_access", "edr_coverage_pct", "offline_backups",
    "patch_sla_days", "prior_claims_5y", "open_rdp_ports", "exposed_services", "breached_credentials",
    "tls_grade_score", "email_security_score", "retention_usd", "limit_usd",
]

test_start = pd.Timestamp(year=SETTINGS["test_bind_year"], month=1, day=1)
# fully developed policy years for training, next bind year for testing
train = df[df["expiry_date"] < test_start]
test = df[df["bind_date"].dt.year == SETTINGS["test_bind_year"]]
print(f"train {len(train)} policies ({train['ransomware_claim'].mean():.3%} claims), test {len(test)}")

dtrain = xgb.DMatrix(train[features], label=train["ransomware_claim"], enable_categorical=True)
dtest = xgb.DMatrix(test[features], label=test["ransomware_claim"], enable_categorical=True)
params = {
    "objective": "binary:logistic",
    "eval_metric": "aucpr",
    "tree_method": "hist",
    "max_depth": 4,
    "eta": 0.05,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 5,
    "scale_pos_weight": (1 - train["ransomware_claim"].mean()) / train["ransomware_claim"].mean(),
}
booster = xgb.train(params, dtrain, num_boost_round=400)

proba = booster.predict(dtest)
print(f"ROC AUC {roc_auc_score(test['ransomware_claim'], proba):.3f}")
print(f"PR AUC  {average_precision_score(test['ransomware_claim'], proba):.3f}")
gain = pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(12).round(1))
