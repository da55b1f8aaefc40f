# label: leakage/target
"""Conveyor-belt sushi: which plates end up discarded after the freshness window?"""
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

PLATES = "data/belt_plates.parquet"
RFID = "data/plate_rfid_summary.csv"
CUTOFF = "2024-09-01"

CATEGORICAL = ["item", "plate_colour", "fish_family", "shift"]
NUMERIC = [
    "price_jpy", "hour", "minutes_since_open", "seated_guests", "plates_on_belt",
    "same_item_on_belt", "kitchen_queue", "rain_mm_last_hour", "plates_per_guest",
    "lane_position", "laps_completed",
]


def load():
    plates = pd.read_parquet(PLATES)
    rfid = pd.read_csv(RFID)
    df = plates.merge(rfid[["plate_id", "lane_position", "laps_completed"]], on="plate_id", how="left")
    df["placed_at"] = pd.to_datetime(df["placed_at"])
    df["hour"] = df["placed_at"].dt.hour
    df["shift"] = np.where(df["hour"] < 16, "lunch", "dinner")
    return df


def add_belt_context(df):
    df = df.sort_values("placed_at").reset_index(drop=True)
    df["same_item_on_belt"] = df["same_item_on_belt_at_placement"].fillna(0).astype(int)
    df["plates_per_guest"] = df["plates_on_belt"] / df["seated_guests"].clip(lower=1)
    return df


plates = add_belt_context(load())
print(plates["discarded"].mean().round(3), "discard rate over", len(plates), "plates")

train = plates[plates["placed_at"] < CUTOFF]
test = plates[plates["placed_at"] >= CUTOFF]

pre = make_column_transformer(
    (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
    ("passthrough", NUMERIC),
)
clf = make_pipeline(
    pre,
    HistGradientBoostingClassifier(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
        categorical_features=list(range(len(CATEGORICAL))), random_state=2,
    ),
)
clf.fit(train[CATEGORICAL + NUMERIC], train["discarded"])

proba = clf.predict_proba(test[CATEGORICAL + NUMERIC])[:, 1]
print(f"ROC AUC {roc_auc_score(test['discarded'], proba):.3f}")
print(f"AP      {average_precision_score(test['discarded'], proba):.3f}")

prec, rec, thr = precision_recall_curve(test["discarded"], proba)
for target_recall in (0.5, 0.7, 0.9):
    i = np.argmin(np.abs(rec[:-1] - target_recall))
    print(f"recall {rec[i]:.2f} -> precision {prec[i]:.2f} at p>={thr[i]:.2f}")

by_item = (
    test.assign(p=proba)
    .groupby("item")
    .agg(actual=("discarded", "mean"), predicted=("p", "mean"), n=("p", "size"))
    .sort_values("n", ascending=False)
)
print(by_item.head(15).round(3))
