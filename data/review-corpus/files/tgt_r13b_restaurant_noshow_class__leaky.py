# label: leakage/target
# twin: tgt_r13b_restaurant_noshow_class__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Restaurant reservation no-shows: risk score used to ask for a deposit.

One row per reservation. Guest history columns are counted from bookings
completed before the reservation was made. Training on bookings before June,
testing on June onwards.
"""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

BOOKING_COLS = ["party_size", "has_card_on_file", "guest_prior_bookings",
                "guest_prior_no_shows", "booked_via_app", "special_request", "is_first_visit"]


class NoShowModel:
    def __init__(self, billing):
        self.billing = billing.drop_duplicates(subset="reservation_id").set_index("reservation_id")
        self.clf = HistGradientBoostingClassifier(
            learning_rate=0.05, max_iter=300, class_weight="balanced", random_state=2
        )

    def _features(self, bookings):
        X = bookings[BOOKING_COLS].copy()
        lead = bookings["reserved_for"] - bookings["created_at"]
        X["lead_time_days"] = lead.dt.total_seconds() / 86400
        X["slot_hour"] = bookings["reserved_for"].dt.hour
        X["slot_weekday"] = bookings["reserved_for"].dt.weekday
        billed = self.billing.reindex(bookings["reservation_id"])
        X["deposit_forfeited"] = billed["deposit_forfeited"].fillna(0).to_numpy()
        X["table_minutes"] = billed["table_occupied_minutes"].fillna(0).to_numpy()
        return X

    def fit(self, bookings, y):
        self.clf.fit(self._features(bookings), y)
        return self

    def predict_proba(self, bookings):
        return self.clf.predict_proba(self._features(bookings))[:, 1]


dates = ["created_at", "reserved_for"]
bookings = pd.read_csv("data/reservations.csv", parse_dates=dates).drop_duplicates("reservation_id")
billing = pd.read_csv("data/pos_billing.csv")

cutoff = pd.Timestamp("2024-06-01")
train = bookings[bookings["reserved_for"] < cutoff]
test = bookings[bookings["reserved_for"] >= cutoff]

model = NoShowModel(billing).fit(train, train["no_show"])
risk = model.predict_proba(test)
print(f"test reservations: {len(test)}, no-show rate {test['no_show'].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(test['no_show'], risk):.3f}")
print(f"average precision: {average_precision_score(test['no_show'], risk):.3f}")
