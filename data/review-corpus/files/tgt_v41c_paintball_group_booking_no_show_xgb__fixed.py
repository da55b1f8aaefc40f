# label: leakage/none
import numpy as np
import pandas as pd
from xgboost import XGBClassifier
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve

SPLIT_DATE = "2024-04-01"
BASE_FEATURES = [
    "booked_players", "lead_days", "game_dow", "game_month", "is_weekend", "deposit_share",
    "prior_bookings", "under_18_count", "promo_code_used",
]


def load_bookings():
    bookings = pd.read_csv("crm/group_bookings.csv", parse_dates=["created_at", "game_date"])
    return bookings.sort_values("created_at").reset_index(drop=True)


def engineer(df):
    out = df.copy()
    out["no_show"] = (out["status"] == "no_show").astype(int)
    out["lead_days"] = (out["game_date"] - out["created_at"]).dt.days
    out["game_dow"] = out["game_date"].dt.dayofweek
    out["game_month"] = out["game_date"].dt.month
    out["is_weekend"] = (out["game_dow"] >= 5).astype(int)
    out["deposit_share"] = out["deposit_paid_gbp"] / out["quoted_total_gbp"].clip(lower=1)
    out["promo_code_used"] = out["promo_code"].notna().astype(int)
    # earlier bookings by the same organiser (rows are in order of creation)
    out["prior_bookings"] = out.groupby("customer_id").cumcount()
    out = pd.get_dummies(out, columns=["party_type", "package", "booking_channel"], dtype=int)
    return out


df = engineer(load_bookings())
dummy_cols = [c for c in df.columns if c.startswith(("party_type_", "package_", "booking_channel_"))]
X = df[BASE_FEATURES + dummy_cols]
y = df["no_show"]

is_train = df["game_date"] < SPLIT_DATE
X_train, y_train = X[is_train], y[is_train]
X_test, y_test = X[~is_train], y[~is_train]
print(f"train {len(X_train)} bookings ({y_train.mean():.1%} no-show), "
      f"test {len(X_test)} ({y_test.mean():.1%})")

clf = XGBClassifier(
    n_estimators=500,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.9,
    colsample_bytree=0.8,
    scale_pos_weight=(1 - y_train.mean()) / y_train.mean(),
    eval_metric="aucpr",
    random_state=1,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")

precision, recall, _ = precision_recall_curve(y_test, proba)
print(f"precision at 50% recall: {precision[np.searchsorted(-recall, -0.5)]:.3f}")

imp = pd.Series(clf.feature_importances_, index=X.columns).sort_values(ascending=False)
print(imp.head(12).round(4).to_string())
