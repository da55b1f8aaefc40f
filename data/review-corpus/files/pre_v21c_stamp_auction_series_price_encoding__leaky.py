# label: leakage/preprocessing
"""Estimate hammer prices for the next philatelic sale catalogue.

Lots from six auction houses, 2016-2024. The issue series (e.g. "GB 1840 Line-engraved",
"Bavaria 1849 Numerals") has thousands of levels, so it is summarised by a smoothed
average of log hammer price before going into the gradient boosting model.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error

LOTS = "data/stamp_lots.csv"
SMOOTHING = 20

CONDITION_ORDER = {"used_poor": 0, "used": 1, "used_fine": 2, "mh": 3, "mlh": 4, "mnh": 5}
CENTERING_ORDER = {"poor": 0, "fair": 1, "fine": 2, "vf": 3, "xf": 4, "superb": 5}
HOUSES = {"corinphila": 0, "feldman": 1, "grosvenor": 2, "heinrich_koehler": 3, "spink": 4, "cavendish": 5}

NUMERIC = [
    "catalogue_value_gbp", "issue_year", "n_stamps_in_lot", "is_block", "is_cover",
    "has_certificate", "perforation_gauge", "watermark_inverted", "condition_code",
    "centering_code", "log_estimate_low", "house_code", "series_price_enc",
]


def load_lots(path):
    lots = pd.read_csv(path, parse_dates=["sale_date"])
    lots = lots[lots["status"] == "sold"].copy()
    lots["log_hammer"] = np.log(lots["hammer_gbp"])
    lots["condition_code"] = lots["condition"].map(CONDITION_ORDER)
    lots["centering_code"] = lots["centering"].map(CENTERING_ORDER)
    lots["house_code"] = lots["auction_house"].str.lower().map(HOUSES)
    lots["catalogue_value_gbp"] = np.log1p(lots["catalogue_value_gbp"])
    lots["log_estimate_low"] = np.log1p(lots["estimate_low_gbp"])
    return lots.reset_index(drop=True)


def smoothed_mean(keys, values, m):
    prior = values.mean()
    stats = values.groupby(keys).agg(["sum", "count"])
    return (stats["sum"] + m * prior) / (stats["count"] + m), prior


def encode(frame, table, prior):
    return frame["issue_series"].map(table).fillna(prior)


lots = load_lots(LOTS)
print(f"{len(lots):,} sold lots, {lots['issue_series'].nunique():,} series")

series_table, prior = smoothed_mean(lots["issue_series"], lots["log_hammer"], SMOOTHING)
lots["series_price_enc"] = encode(lots, series_table, prior)

train, test = train_test_split(lots, test_size=0.2, random_state=42)

model = HistGradientBoostingRegressor(
    loss="absolute_error",
    max_iter=800,
    learning_rate=0.05,
    max_leaf_nodes=40,
    min_samples_leaf=25,
    random_state=42,
)
model.fit(train[NUMERIC], train["log_hammer"])
pred = model.predict(test[NUMERIC])

mae_log = mean_absolute_error(test["log_hammer"], pred)
pct = np.exp(median_absolute_error(test["log_hammer"], pred)) - 1
gbp = mean_absolute_error(test["hammer_gbp"], np.exp(pred))
price_hat = np.exp(pred)
in_estimate = np.mean((price_hat >= 0.8 * test["estimate_low_gbp"])
                      & (price_hat <= 1.2 * test["estimate_high_gbp"]))
print(f"MAE log {mae_log:.3f} | median abs error ~{pct:.1%} | MAE {gbp:,.0f} GBP")
print(f"share of predictions within 20% of the printed estimate band: {in_estimate:.1%}")

resid = test["log_hammer"] - pred
worst = test.assign(resid=resid).reindex(resid.abs().sort_values(ascending=False).index)
print(worst[["lot_id", "issue_series", "hammer_gbp", "resid"]].head(8))

plt.figure(figsize=(5, 5))
plt.scatter(test["log_hammer"], pred, s=4, alpha=0.3)
lims = [test["log_hammer"].min(), test["log_hammer"].max()]
plt.plot(lims, lims, color="k", lw=0.8)
plt.xlabel("log hammer (actual)")
plt.ylabel("log hammer (predicted)")
plt.tight_layout()
plt.savefig("hammer_scatter.png", dpi=110)
