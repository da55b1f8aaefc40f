# label: leakage/none
"""Cancellation model for the monthly jigsaw puzzle box.

Snapshot of active subscribers on 1 March 2024; cancelled_60d = 1 when the
subscription ended within 60 days of the snapshot.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SNAPSHOT = pd.Timestamp("2024-03-01")


def build_features(subs, shipments, tickets):
    past_ship = shipments[shipments["shipped_at"] < SNAPSHOT]
    ship = past_ship.groupby("subscriber_id").agg(
        boxes_received=("box_id", "count"),
        boxes_skipped=("skipped", "sum"),
        mean_piece_count=("piece_count", "mean"),
        damaged_boxes=("damaged_on_arrival", "sum"),
        last_ship=("shipped_at", "max"),
    )
    ship["days_since_last_box"] = (SNAPSHOT - ship.pop("last_ship")).dt.days

    past_tix = tickets[tickets["created_at"] < SNAPSHOT]
    tix = past_tix.groupby("subscriber_id").agg(
        support_tickets=("ticket_id", "count"),
        billing_tickets=("category", lambda c: (c == "billing").sum()),
    )

    df = subs.set_index("subscriber_id").join(ship).join(tix)
    df[["support_tickets", "billing_tickets"]] = df[["support_tickets", "billing_tickets"]].fillna(0)
    df["tenure_days"] = (SNAPSHOT - df["start_date"]).dt.days
    return df.reset_index()


subs = pd.read_csv("data/subscribers_2024-03-01.csv", parse_dates=["start_date"])
shipments = pd.read_csv("data/box_shipments.csv", parse_dates=["shipped_at"])
tickets = pd.read_csv("data/helpdesk_tickets.csv", parse_dates=["created_at"])

data = build_features(subs, shipments, tickets)
numeric = [
    "tenure_days", "boxes_received", "boxes_skipped", "mean_piece_count",
    "damaged_boxes", "days_since_last_box", "support_tickets",
    "billing_tickets", "monthly_price", "referrals_made",
]
categorical = ["plan", "difficulty_pref", "acquisition_channel", "region"]
X = data[numeric + categorical]
y = data["cancelled_60d"].astype(int)

pre = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                      ("scale", StandardScaler())]), numeric),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), categorical),
])
model = Pipeline([("pre", pre), ("clf", LogisticRegression(C=1.0, max_iter=3000))])

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=21
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=21)
cv_auc = cross_val_score(model, X_train, y_train, cv=cv, scoring="roc_auc")
print(f"CV ROC AUC: {cv_auc.mean():.3f} +/- {cv_auc.std():.3f}")

model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"test PR AUC:  {average_precision_score(y_test, proba):.3f}")

names = model.named_steps["pre"].get_feature_names_out()
coefs = pd.Series(model.named_steps["clf"].coef_[0], index=names).sort_values()
print(coefs.tail(8).round(3).to_string())
