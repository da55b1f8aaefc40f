# label: leakage/target
"""Forecast, two days out, which zipline tour slots will be cancelled so staff rosters can be trimmed."""
import pandas as pd
import matplotlib.pyplot as plt
from lightgbm import LGBMClassifier
from sklearn.metrics import roc_auc_score, precision_recall_fscore_support

PATHS = {
    "slots": "ops/tour_slots.csv",
    "bookings": "ops/bookings.csv",
    "forecast": "ops/weather_forecast_d2.csv",
}
LEAD = pd.Timedelta(days=2)


def load_tables(paths):
    slots = pd.read_csv(paths["slots"], parse_dates=["slot_start"])
    bookings = pd.read_csv(paths["bookings"], parse_dates=["booked_at", "slot_start"])
    forecast = pd.read_csv(paths["forecast"], parse_dates=["valid_for"])
    return slots, bookings, forecast


def booking_features(bookings):
    early = bookings[bookings["booked_at"] <= bookings["slot_start"] - LEAD]
    agg = early.groupby("slot_id").agg(
        n_bookings=("booking_id", "count"),
        riders=("party_size", "sum"),
        mean_party=("party_size", "mean"),
        share_voucher=("channel", lambda c: (c == "voucher").mean()),
        refunded_riders=("refund_amount", lambda r: (r > 0).sum()),
    )
    return agg.reset_index()


def assemble(slots, bookings, forecast):
    df = slots.merge(booking_features(bookings), on="slot_id", how="left")
    df["valid_for"] = df["slot_start"].dt.floor("h")
    df = df.merge(forecast, on="valid_for", how="left")
    count_cols = ["n_bookings", "riders", "refunded_riders"]
    df[count_cols] = df[count_cols].fillna(0)
    df["hour"] = df["slot_start"].dt.hour
    df["dow"] = df["slot_start"].dt.dayofweek
    df["month"] = df["slot_start"].dt.month
    df["fill_ratio"] = df["riders"] / df["capacity"]
    return df


slots, bookings, forecast = load_tables(PATHS)
df = assemble(slots, bookings, forecast)
df["cancelled"] = (df["status"] == "cancelled").astype(int)

FEATURES = ["hour", "dow", "month", "course", "capacity", "n_bookings", "riders", "mean_party",
            "share_voucher", "refunded_riders", "fill_ratio", "wind_kph", "gust_kph",
            "precip_prob", "thunder_prob", "temp_c", "visibility_km"]
df["course"] = df["course"].astype("category")

train = df[df["slot_start"] < "2024-01-01"]
test = df[df["slot_start"] >= "2024-01-01"]
print(f"train {len(train)} slots ({train['cancelled'].mean():.1%} cancelled), test {len(test)} slots")

clf = LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=31,
                     min_child_samples=30, colsample_bytree=0.8, verbose=-1)
clf.fit(train[FEATURES], train["cancelled"])

proba = clf.predict_proba(test[FEATURES])[:, 1]
print("test AUC: %.3f" % roc_auc_score(test["cancelled"], proba))
p, r, f, _ = precision_recall_fscore_support(test["cancelled"], proba >= 0.5, average="binary")
print(f"at 0.5: precision {p:.3f} recall {r:.3f} f1 {f:.3f}")

imp = pd.Series(clf.booster_.feature_importance("gain"), index=FEATURES).sort_values()
imp.plot.barh(figsize=(6, 6), title="gain importance")
plt.tight_layout()
plt.savefig("zipline_cancel_importance.png")
