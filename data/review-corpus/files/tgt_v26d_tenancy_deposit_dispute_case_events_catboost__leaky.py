# label: leakage/target
"""Predict whether a tenant recovers at least half of the deposit in a deposit-scheme adjudication."""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, roc_auc_score

disputes = pd.read_csv("deposit_disputes.csv", parse_dates=["lodged_date", "decision_date"])
events = pd.read_csv("case_events.csv", parse_dates=["event_time"])
agents = pd.read_csv("letting_agents.csv")

disputes = disputes.merge(agents, on="agent_id", how="left")
disputes["agent_managed"] = disputes["agent_id"].notna().astype(int)
disputes["tenant_recovers_half"] = (
    disputes["awarded_to_tenant"] >= 0.5 * disputes["deposit_amount"]
).astype(int)

# evidence and correspondence activity per case
event_counts = (
    events.pivot_table(index="dispute_id", columns="event_type", values="event_time",
                       aggfunc="count", fill_value=0)
    .add_prefix("n_")
    .reset_index()
)
df = disputes.merge(event_counts, on="dispute_id", how="left")
event_cols = [c for c in df.columns if c.startswith("n_")]
df[event_cols] = df[event_cols].fillna(0)

df["deposit_weeks_rent"] = df["deposit_amount"] / (df["monthly_rent"] * 12 / 52)
df["claim_share"] = df["landlord_claim_total"] / df["deposit_amount"]
df["cleaning_share"] = df["claim_cleaning"] / df["landlord_claim_total"].clip(lower=1)
df["damage_share"] = df["claim_damage"] / df["landlord_claim_total"].clip(lower=1)
df["arrears_share"] = df["claim_rent_arrears"] / df["landlord_claim_total"].clip(lower=1)
df["lodged_month"] = df["lodged_date"].dt.month

numeric = [
    "deposit_amount", "deposit_weeks_rent", "tenancy_months", "claim_share", "cleaning_share",
    "damage_share", "arrears_share", "checkin_report", "checkout_report", "agent_managed",
    "agent_portfolio_size", "lodged_month",
] + event_cols
categorical = ["region", "property_type", "furnished", "tenant_represented"]
df[categorical] = df[categorical].fillna("unknown").astype(str)

cutoff = pd.Timestamp("2024-04-01")
train = df[df["decision_date"] < cutoff]
test = df[df["lodged_date"] >= cutoff]

train_pool = Pool(train[numeric + categorical], train["tenant_recovers_half"], cat_features=categorical)
test_pool = Pool(test[numeric + categorical], test["tenant_recovers_half"], cat_features=categorical)

model = CatBoostClassifier(
    iterations=900, learning_rate=0.04, depth=6, l2_leaf_reg=5,
    loss_function="Logloss", random_seed=8, verbose=0,
)
model.fit(train_pool)
proba = model.predict_proba(test_pool)[:, 1]

print(f"train cases {len(train)}, test cases {len(test)}")
print(f"ROC AUC: {roc_auc_score(test['tenant_recovers_half'], proba):.3f}")
print(f"Brier: {brier_score_loss(test['tenant_recovers_half'], proba):.4f}")
importances = model.get_feature_importance(prettified=True)
print(importances.head(10).to_string(index=False))
