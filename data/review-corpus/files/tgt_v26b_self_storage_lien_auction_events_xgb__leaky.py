# label: leakage/target
"""Score delinquent self-storage tenants on whether their unit will end up at lien auction."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

EVENT_TYPES = ["payment", "partial_payment", "autopay_fail", "gate_access",
               "sms_reminder", "phone_contact", "dispute", "overlock"]

cases = pd.read_csv("delinquency_cases.csv", parse_dates=["delinquent_on", "move_in_on"])
units = pd.read_csv("units.csv")
events = pd.read_parquet("account_events.parquet")  # account_id, event_time, event_type, amount
events["event_time"] = pd.to_datetime(events["event_time"])

df = cases.merge(units[["unit_id", "facility_id", "unit_m2", "climate_controlled", "monthly_rate"]],
                 on="unit_id", how="left")
df["tenure_months"] = (df["delinquent_on"] - df["move_in_on"]).dt.days / 30.4
df["balance_to_rate"] = df["balance_due"] / df["monthly_rate"]
df["rate_per_m2"] = df["monthly_rate"] / df["unit_m2"]
df["autopay"] = df["autopay"].fillna(0).astype(int)

# account activity summary from the event log
ev = events.merge(df[["case_id", "account_id", "delinquent_on"]], on="account_id", how="inner")
counts = (ev.pivot_table(index="case_id", columns="event_type", values="event_time",
                         aggfunc="count", fill_value=0)
            .reindex(columns=EVENT_TYPES, fill_value=0)
            .add_prefix("n_"))
paid = ev[ev["event_type"].isin(["payment", "partial_payment"])]
paid_total = paid.groupby("case_id")["amount"].sum().rename("paid_total")
last_gate = (ev[ev["event_type"] == "gate_access"].groupby("case_id")["event_time"].max()
               .rename("last_gate_access"))
df = (df.merge(counts, left_on="case_id", right_index=True, how="left")
        .merge(paid_total, left_on="case_id", right_index=True, how="left")
        .merge(last_gate, left_on="case_id", right_index=True, how="left"))
count_cols = [f"n_{t}" for t in EVENT_TYPES]
df[count_cols] = df[count_cols].fillna(0)
df["paid_total"] = df["paid_total"].fillna(0)
df["days_since_gate"] = (df["delinquent_on"] - df["last_gate_access"]).dt.days

FEATURES = (["tenure_months", "balance_to_rate", "rate_per_m2", "unit_m2",
             "climate_controlled", "autopay", "prior_late_count", "paid_total",
             "days_since_gate"] + count_cols)

cutoff = pd.Timestamp("2023-10-01")
train = df[df["delinquent_on"] < cutoff - pd.Timedelta(days=120)]
test = df[df["delinquent_on"] >= cutoff]
print(f"train cases {len(train)}, test cases {len(test)}, "
      f"auction rate {train['went_to_auction'].mean():.3f}")

clf = xgb.XGBClassifier(n_estimators=450, max_depth=4, learning_rate=0.04, subsample=0.8,
                        colsample_bytree=0.8, min_child_weight=5, eval_metric="logloss",
                        random_state=9)
clf.fit(train[FEATURES], train["went_to_auction"])
proba = clf.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC {roc_auc_score(test['went_to_auction'], proba):.3f}, "
      f"average precision {average_precision_score(test['went_to_auction'], proba):.3f}")

top = test.assign(score=proba).sort_values("score", ascending=False)
k = int(len(top) * 0.1)
print(f"auction rate in top decile: {top['went_to_auction'].iloc[:k].mean():.3f}")
imp = pd.Series(clf.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.head(8).round(3))
