# label: leakage/overlap
# No-show risk for massage / physio-massage appointments, scored the evening
# before so the front desk can send a second reminder or double-book the slot.
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score

appts = pd.read_parquet("warehouse/appointments.parquet")
clients = pd.read_parquet("warehouse/clients.parquet")

appts = appts[appts["status"].isin(["attended", "no_show"])].copy()
appts["booked_at"] = pd.to_datetime(appts["booked_at"])
appts["starts_at"] = pd.to_datetime(appts["starts_at"])
appts = appts.merge(clients[["client_id", "birth_year", "postcode_district", "first_visit"]],
                    on="client_id", how="left")
appts["first_visit"] = pd.to_datetime(appts["first_visit"])

appts["no_show"] = (appts["status"] == "no_show").astype(int)
appts["lead_days"] = (appts["starts_at"] - appts["booked_at"]).dt.total_seconds() / 86400
appts["start_hour"] = appts["starts_at"].dt.hour
appts["weekday"] = appts["starts_at"].dt.dayofweek
appts["client_age"] = appts["starts_at"].dt.year - appts["birth_year"]
appts["client_tenure_days"] = (appts["starts_at"] - appts["first_visit"]).dt.days
appts["booked_online"] = (appts["channel"] == "web").astype(int)

appts = appts.sort_values("starts_at")
appts["prior_visits"] = appts.groupby("client_id").cumcount()

for col in ["service_code", "therapist_id", "postcode_district", "payment_method"]:
    appts[col] = appts[col].astype("category")

FEATURES = ["lead_days", "start_hour", "weekday", "client_age", "client_tenure_days",
            "prior_visits", "booked_online", "duration_min", "deposit_paid",
            "sms_confirmed", "service_code", "therapist_id", "postcode_district",
            "payment_method"]

CUTOFF = pd.Timestamp("2024-01-01")
train = appts[appts["booked_at"] < CUTOFF]
test = appts[appts["starts_at"] >= CUTOFF]
print(f"train: {len(train):,} appointments, no-show rate {train['no_show'].mean():.3f}")
print(f"test:  {len(test):,} appointments, no-show rate {test['no_show'].mean():.3f}")

clf = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=400, max_leaf_nodes=31, min_samples_leaf=50,
    l2_regularization=0.5, categorical_features="from_dtype", random_state=0,
)
clf.fit(train[FEATURES], train["no_show"])

p = clf.predict_proba(test[FEATURES])[:, 1]
print(f"AUC {roc_auc_score(test['no_show'], p):.3f}   Brier {brier_score_loss(test['no_show'], p):.4f}")

# how many no-shows would a 10% call list catch
test = test.assign(risk=p)
call_list = test.groupby(test["starts_at"].dt.date, group_keys=False).apply(
    lambda d: d.nlargest(max(1, len(d) // 10), "risk")
)
caught = call_list["no_show"].sum() / test["no_show"].sum()
print(f"share of no-shows on the nightly call list: {caught:.1%}")
