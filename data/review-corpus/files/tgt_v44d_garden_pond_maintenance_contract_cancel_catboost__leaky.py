# label: leakage/target
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import roc_auc_score, average_precision_score

# Contracts are reviewed on their renewal anniversary; the label is whether the
# customer cancelled within 90 days of that anniversary.
contracts = pd.read_csv("crm/pond_contracts_anniversaries.csv",
                        parse_dates=["anniversary_date", "start_date"])
visits = pd.read_csv("crm/service_visits.csv", parse_dates=["visit_date"])
tickets = pd.read_csv("crm/customer_tickets.csv", parse_dates=["opened_at"])

contracts["tenure_years"] = (contracts["anniversary_date"] - contracts["start_date"]).dt.days / 365.25
contracts["price_change_pct"] = (
    100 * (contracts["renewal_price"] - contracts["previous_price"]) / contracts["previous_price"]
)


def history_counts(events, date_col, prefix):
    merged = contracts[["contract_id", "anniversary_date"]].merge(events, on="contract_id", how="left")
    recent = merged[merged[date_col] >= merged["anniversary_date"] - pd.Timedelta(days=365)]
    out = recent.groupby(["contract_id", "anniversary_date"]).agg(
        **{f"{prefix}_n": (date_col, "count")}
    )
    return out


KEY = ["contract_id", "anniversary_date"]
visit_feats = history_counts(visits, "visit_date", "visits")
visit_extra = (
    visits.merge(contracts[["contract_id", "anniversary_date"]], on="contract_id")
    .loc[lambda d: d["visit_date"] >= d["anniversary_date"] - pd.Timedelta(days=365)]
    .groupby(["contract_id", "anniversary_date"])
    .agg(missed_visits=("status", lambda s: (s == "missed").sum()),
         algae_treatments=("work_type", lambda s: (s == "algae").sum()),
         mean_visit_min=("duration_min", "mean"))
)
ticket_feats = history_counts(tickets, "opened_at", "tickets")

df = (contracts
      .merge(visit_feats, on=KEY, how="left")
      .merge(visit_extra, on=KEY, how="left")
      .merge(ticket_feats, on=KEY, how="left"))
df[["visits_n", "tickets_n", "missed_visits", "algae_treatments"]] = (
    df[["visits_n", "tickets_n", "missed_visits", "algae_treatments"]].fillna(0)
)

FEATURES = [
    "tenure_years", "plan_tier", "pond_volume_l", "has_fish", "has_pump_cover",
    "renewal_price", "price_change_pct", "region", "payment_method",
    "visits_n", "missed_visits", "algae_treatments", "mean_visit_min", "tickets_n",
]
CAT = ["plan_tier", "region", "payment_method"]

cutoff = pd.Timestamp("2024-01-01")
train = df[df["anniversary_date"] < cutoff - pd.Timedelta(days=90)]
test = df[df["anniversary_date"] >= cutoff]

model = CatBoostClassifier(iterations=1500, learning_rate=0.03, depth=6,
                           eval_metric="AUC", random_seed=4, verbose=200)
model.fit(Pool(train[FEATURES], train["cancelled_90d"], cat_features=CAT))

p = model.predict_proba(Pool(test[FEATURES], cat_features=CAT))[:, 1]
print(f"AUC {roc_auc_score(test['cancelled_90d'], p):.3f}  "
      f"AP {average_precision_score(test['cancelled_90d'], p):.3f}  "
      f"base rate {test['cancelled_90d'].mean():.3f}")
print(model.get_feature_importance(prettified=True).head(10))
