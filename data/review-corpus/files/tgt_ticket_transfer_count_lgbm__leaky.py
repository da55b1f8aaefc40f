# label: leakage/target
# twin: tgt_ticket_transfer_count_lgbm__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Route new support tickets: will this one end up escalated to engineering?"""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score

LEVELS = {
    "channel": ["email", "web_form", "chat", "phone", "api"],
    "product": ["billing", "mobile_app", "web_app", "integrations", "hardware"],
    "customer_tier": ["free", "pro", "business", "enterprise"],
    "priority": ["low", "normal", "high", "urgent"],
}

tickets = pd.read_parquet("helpdesk/tickets.parquet")      # one row per ticket, created_at, escalated
events = pd.read_parquet("helpdesk/ticket_events.parquet")  # status changes, replies, transfers

transfers = (
    events.assign(is_transfer=events["event_type"].eq("transfer"))
    .groupby("ticket_id")
    .agg(n_transfers=("is_transfer", "sum"))
)

df = tickets.join(transfers, on="ticket_id").fillna({"n_transfers": 0})
df["subject_len"] = df["subject"].str.len()
df["body_len"] = df["body"].str.len()
df["created_hour"] = df["created_at"].dt.hour
for col, levels in LEVELS.items():
    df[col] = pd.Categorical(df[col], categories=levels)

FEATURES = ["channel", "product", "customer_tier", "priority", "subject_len", "body_len",
            "created_hour", "attachments", "n_transfers"]

train = df[df["created_at"] < "2024-10-01"]
test = df[df["created_at"] >= "2024-10-01"]

model = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=48,
                           is_unbalance=True, random_state=21, verbose=-1)
model.fit(train[FEATURES], train["escalated"])
print("escalation AUC (Q4):", round(roc_auc_score(test["escalated"], model.predict_proba(test[FEATURES])[:, 1]), 4))
print(pd.Series(model.booster_.feature_importance("gain"), index=FEATURES).sort_values(ascending=False))
