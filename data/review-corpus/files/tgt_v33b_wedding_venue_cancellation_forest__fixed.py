# label: leakage/none
"""Cancellation risk for confirmed wedding bookings at the estate venues.

Export from the events CRM (one row per confirmed wedding date). Used by the
sales team to decide which dates to keep on the waitlist.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

CATEGORICAL = ["venue", "package", "ceremony_type", "booking_channel", "event_weekday", "event_season"]
NUMERIC = [
    "lead_time_days",
    "guest_count_quoted",
    "quoted_total_gbp",
    "deposit_pct",
    "viewings_before_booking",
    "days_viewing_to_booking",
    "is_repeat_client",
    "discount_pct",
    "accommodation_rooms_requested",
]


def load_bookings(path):
    df = pd.read_csv(path, parse_dates=["booked_on", "event_date"])
    df = df[df["booking_status"].isin(["completed", "cancelled"])].copy()
    df["cancelled"] = (df["booking_status"] == "cancelled").astype(int)
    df["lead_time_days"] = (df["event_date"] - df["booked_on"]).dt.days
    df["event_weekday"] = df["event_date"].dt.day_name()
    df["event_season"] = df["event_date"].dt.month.map(
        {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
         6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}
    )
    df["is_repeat_client"] = df["client_previous_events"].gt(0).astype(int)
    return df


def build_model():
    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
        ("num", SimpleImputer(strategy="median"), NUMERIC),
    ])
    forest = RandomForestClassifier(
        n_estimators=500, min_samples_leaf=5, class_weight="balanced_subsample", n_jobs=-1, random_state=21
    )
    return Pipeline([("prep", prep), ("forest", forest)])


bookings = load_bookings("crm_exports/wedding_bookings_2017_2024.csv")
X, y = bookings[CATEGORICAL + NUMERIC], bookings["cancelled"]
print(f"{len(bookings)} bookings, {y.mean():.1%} cancelled")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=21)
model = build_model().fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), target_names=["went ahead", "cancelled"]))

names = model.named_steps["prep"].get_feature_names_out()
imp = pd.Series(model.named_steps["forest"].feature_importances_, index=names)
print(imp.sort_values(ascending=False).head(12).round(4).to_string())
