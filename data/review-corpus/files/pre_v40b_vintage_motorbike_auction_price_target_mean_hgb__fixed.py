# label: leakage/none
# Hammer price model for classic / vintage motorcycle lots (UK saleroom results).
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

LOTS = "auction_results/motorcycle_lots_2015_2024.csv"
ENCODE = ["make", "model_family", "auction_house"]
NUMERIC = [
    "year_of_manufacture", "engine_cc", "odometer_miles", "age_at_sale", "miles_per_year",
    "restoration_score", "previous_owners", "matching_numbers", "has_v5c",
    "runs_and_rides", "lot_photos", "log_estimate_low",
]


def smoothed_means(frame, col, target, m=20):
    prior = frame[target].mean()
    stats = frame.groupby(col)[target].agg(["mean", "count"])
    return (stats["count"] * stats["mean"] + m * prior) / (stats["count"] + m)


def prepare(path):
    lots = pd.read_csv(path, parse_dates=["sale_date"])
    lots = lots[(lots["sold"] == 1) & (lots["hammer_price_gbp"] > 0)].copy()
    lots["log_hammer"] = np.log(lots["hammer_price_gbp"])
    lots["log_estimate_low"] = np.log(lots["estimate_low_gbp"])
    lots["age_at_sale"] = lots["sale_date"].dt.year - lots["year_of_manufacture"]
    lots["miles_per_year"] = lots["odometer_miles"] / lots["age_at_sale"].clip(lower=1)
    lots["model_family"] = lots["model_family"].str.strip().str.lower()
    lots["make"] = lots["make"].str.strip().str.title()
    return lots


lots = prepare(LOTS)
cutoff = pd.Timestamp("2023-01-01")
train_df = lots[lots["sale_date"] < cutoff].copy()
test_df = lots[lots["sale_date"] >= cutoff].copy()
print(f"train lots: {len(train_df)}  test lots: {len(test_df)}")

prior = train_df["log_hammer"].mean()
for col in ENCODE:
    enc = smoothed_means(train_df, col, "log_hammer")
    train_df[f"{col}_te"] = train_df[col].map(enc).fillna(prior)
    test_df[f"{col}_te"] = test_df[col].map(enc).fillna(prior)

features = NUMERIC + [f"{c}_te" for c in ENCODE]
model = HistGradientBoostingRegressor(
    learning_rate=0.05,
    max_iter=500,
    max_leaf_nodes=31,
    min_samples_leaf=20,
    l2_regularization=1.0,
    random_state=0,
)
model.fit(train_df[features], train_df["log_hammer"])

pred_log = model.predict(test_df[features])
pred_gbp = np.exp(pred_log)
actual = test_df["hammer_price_gbp"]
print(f"R2 (log price)      : {r2_score(test_df['log_hammer'], pred_log):.3f}")
print(f"MAE (GBP)           : {mean_absolute_error(actual, pred_gbp):,.0f}")
print(f"median abs % error  : {np.median(np.abs(pred_gbp - actual) / actual):.1%}")
print(f"low estimate MAE    : {mean_absolute_error(actual, test_df['estimate_low_gbp']):,.0f}")

test_df["pred_gbp"] = pred_gbp
by_make = test_df.groupby("make").agg(lots=("pred_gbp", "size"),
                                      mae=("pred_gbp", lambda s: (s - actual[s.index]).abs().mean()))
print(by_make.sort_values("lots", ascending=False).head(12).round(0))
