# label: leakage/none
"""Hotel function rooms: which private-hire bookings (parties, wakes, christenings,
company dinners) will cancel? Scored 60 days before the event date, when the events
team decides whether to release the room to the waiting list.
"""
import pandas as pd
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SCORE_LEAD = pd.Timedelta(days=60)

bookings = pd.read_csv(
    "crm/function_bookings.csv",
    parse_dates=["booked_at", "event_date", "cancelled_at"],
)
ledger = pd.read_csv("finance/function_payments_ledger.csv", parse_dates=["posted_at"])

bookings["score_date"] = bookings["event_date"] - SCORE_LEAD
# must exist at the scoring date and not already be cancelled by then
bookings = bookings[bookings["booked_at"] <= bookings["score_date"]]
bookings = bookings[~(bookings["cancelled_at"] <= bookings["score_date"])].copy()
bookings["cancelled"] = bookings["cancelled_at"].notna().astype(int)

# money in/out per booking from the finance ledger, as it stood on the scoring date
pay = ledger[ledger["entry_type"].isin(["deposit", "stage_payment", "balance", "refund"])]
pay = pay.merge(bookings[["booking_id", "score_date"]], on="booking_id", how="inner")
pay = pay[pay["posted_at"] <= pay["score_date"]]
pay_feats = pay.groupby("booking_id").agg(
    amount_paid=("amount", "sum"),
    n_payments=("amount", "size"),
    last_posted=("posted_at", "max"),
).reset_index()
df = bookings.merge(pay_feats, on="booking_id", how="left")
df["amount_paid"] = df["amount_paid"].fillna(0.0)
df["n_payments"] = df["n_payments"].fillna(0)
df["share_paid"] = df["amount_paid"] / df["quoted_total"].clip(lower=1)
df["days_since_last_payment"] = (df["score_date"] - df["last_posted"]).dt.days.fillna(999)

df["lead_days"] = (df["event_date"] - df["booked_at"]).dt.days
df["event_month"] = df["event_date"].dt.month
df["event_dow"] = df["event_date"].dt.dayofweek
df["per_head"] = df["quoted_total"] / df["guests_at_booking"].clip(lower=1)

CAT = ["event_type", "room", "package", "booking_channel", "customer_type"]
NUM = ["lead_days", "event_month", "event_dow", "guests_at_booking", "quoted_total", "per_head",
       "deposit_pct_required", "share_paid", "n_payments", "days_since_last_payment"]

# hold out the most recent six months of events; training events must have played out
# before the first test booking is scored
TEST_START = pd.Timestamp("2024-04-01")
train = df[df["event_date"] < TEST_START - SCORE_LEAD]
test = df[df["event_date"] >= TEST_START]

pipe = Pipeline([
    ("enc", ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                encoded_missing_value=-1), CAT)],
        remainder="passthrough",
    )),
    ("hgb", HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=300, max_leaf_nodes=24,
        categorical_features=list(range(len(CAT))), random_state=5,
    )),
])
pipe.fit(train[CAT + NUM], train["cancelled"])

p = pipe.predict_proba(test[CAT + NUM])[:, 1]
print(f"events from Apr 2024: n={len(test)}, cancel rate {test['cancelled'].mean():.3f}")
print(f"ROC AUC {roc_auc_score(test['cancelled'], p):.3f}")
print(f"PR AUC  {average_precision_score(test['cancelled'], p):.3f}")
print(f"Brier   {brier_score_loss(test['cancelled'], p):.4f}")

# what the events team sees: top decile by risk
test = test.assign(risk=p)
top = test.nlargest(max(1, len(test) // 10), "risk")
print(f"cancel rate in top decile: {top['cancelled'].mean():.3f}")
print(top.groupby("event_type")["cancelled"].agg(["size", "mean"]))
