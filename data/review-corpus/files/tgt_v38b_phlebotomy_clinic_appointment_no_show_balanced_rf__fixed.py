# label: leakage/none
"""No-show risk for outpatient phlebotomy appointments.

Used by the booking team to decide which slots get a phone call on the day before.
Appointments come from the clinic scheduling system; SMS events come from the
messaging gateway log.
"""
import pandas as pd
from imblearn.ensemble import BalancedRandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

SPLIT_DATE = pd.Timestamp("2024-07-01")


def load_appointments(path):
    appts = pd.read_csv(path, parse_dates=["booked_at", "slot_start"])
    appts = appts[appts["status"].isin(["attended", "dna"])].copy()
    appts["no_show"] = (appts["status"] == "dna").astype(int)
    appts["lead_days"] = (appts["slot_start"] - appts["booked_at"]).dt.days
    appts["slot_hour"] = appts["slot_start"].dt.hour
    appts["weekday"] = appts["slot_start"].dt.weekday
    appts["monday_or_friday"] = appts["weekday"].isin([0, 4]).astype(int)
    appts["fasting"] = appts["fasting_required"].astype(int)
    appts["gp_referral"] = (appts["referral_source"] == "gp").astype(int)
    return appts


def sms_features(sms_path, appts):
    sms = pd.read_csv(sms_path, parse_dates=["sent_at"])
    sms = sms.merge(appts[["appointment_id", "slot_start"]], on="appointment_id", how="inner")
    sms["hours_before"] = (sms["slot_start"] - sms["sent_at"]).dt.total_seconds() / 3600
    sms = sms[sms["hours_before"] >= 24]
    grouped = sms.groupby("appointment_id")
    return pd.DataFrame({
        "sms_sent": grouped.size(),
        "last_sms_hours_before": grouped["hours_before"].min(),
    })


appts = load_appointments("exports/phlebotomy_appointments_2022_2024.csv")
sms = sms_features("exports/sms_gateway_log.csv", appts)
appts = appts.merge(sms, left_on="appointment_id", right_index=True, how="left")
appts["sms_sent"] = appts["sms_sent"].fillna(0)
appts["last_sms_hours_before"] = appts["last_sms_hours_before"].fillna(-1)

features = [
    "age", "lead_days", "slot_hour", "weekday", "monday_or_friday", "fasting", "gp_referral",
    "distance_km", "prior_dna_count", "prior_attended_count", "imd_decile",
    "sms_sent", "last_sms_hours_before",
]

train = appts[appts["slot_start"] < SPLIT_DATE]
test = appts[appts["slot_start"] >= SPLIT_DATE]
print(f"train {len(train)}  test {len(test)}  DNA rate {train['no_show'].mean():.1%}")

clf = BalancedRandomForestClassifier(
    n_estimators=500,
    min_samples_leaf=5,
    max_features="sqrt",
    sampling_strategy="auto",
    replacement=True,
    bootstrap=False,
    n_jobs=-1,
    random_state=12,
)
clf.fit(train[features], train["no_show"])

proba = clf.predict_proba(test[features])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['no_show'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test['no_show'], proba):.3f}")
print(classification_report(test["no_show"], (proba >= 0.5).astype(int), target_names=["attended", "DNA"]))

ranked = pd.Series(clf.feature_importances_, index=features).sort_values(ascending=False)
print(ranked.round(3).to_string())
