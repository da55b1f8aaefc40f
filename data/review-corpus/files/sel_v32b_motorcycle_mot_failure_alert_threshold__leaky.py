# label: leakage/selection
"""Flag motorcycles likely to fail their annual roadworthiness test so the
garage can offer a pre-test check when the booking is made."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_recall_curve, precision_score, recall_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

CONFIG = {
    "bookings": "exports/mot_bookings.parquet",
    "vehicles": "exports/vehicle_register.parquet",
    "min_recall": 0.75,
    "seed": 11,
}

NUMERIC = ["age_years", "odometer_km", "km_since_last_test", "engine_cc",
           "prior_fails", "prior_advisories", "days_since_service"]
LOW_CARD = ["fuel_type", "usage_type"]
HIGH_CARD = ["make", "model_family"]


def load_tables(cfg):
    bookings = pd.read_parquet(cfg["bookings"])
    vehicles = pd.read_parquet(cfg["vehicles"])
    df = bookings.merge(vehicles, on="vehicle_id", how="left")
    df["age_years"] = (df["booking_date"] - df["first_registered"]).dt.days / 365.25
    df["km_since_last_test"] = df["odometer_km"] - df["odometer_at_last_test"]
    return df


def build_pipeline(seed):
    pre = ColumnTransformer([
        ("num", "passthrough", NUMERIC),
        ("low", OneHotEncoder(handle_unknown="ignore", sparse_output=False), LOW_CARD),
        ("high", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), HIGH_CARD),
    ])
    model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05,
                                           l2_regularization=1.0, random_state=seed)
    return Pipeline([("pre", pre), ("model", model)])


def pick_threshold(y_true, proba, min_recall):
    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    precision, recall = precision[:-1], recall[:-1]
    ok = recall >= min_recall
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    f1[~ok] = -1
    return thresholds[int(np.argmax(f1))]


df = load_tables(CONFIG)
X = df[NUMERIC + LOW_CARD + HIGH_CARD]
y = df["failed"].astype(int)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=CONFIG["seed"])
train_idx, test_idx = next(splitter.split(X, y, groups=df["vehicle_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

pipe = build_pipeline(CONFIG["seed"])
pipe.fit(X_train, y_train)

test_proba = pipe.predict_proba(X_test)[:, 1]
threshold = pick_threshold(y_test, test_proba, CONFIG["min_recall"])
print(f"alert threshold: {threshold:.3f}")

flagged = (test_proba >= threshold).astype(int)
print(f"precision {precision_score(y_test, flagged):.3f}")
print(f"recall    {recall_score(y_test, flagged):.3f}")
print(f"F1        {f1_score(y_test, flagged):.3f}")
print(f"share of bookings flagged: {flagged.mean():.2%}")
