# label: leakage/target
"""Boxes landed per species at the harbour fish auction, one day at a time.

The estimate is made at 05:00 for the morning sale so the ice plant and the
buyers' lorries can be booked. Inputs: recent landings per species, the
previous evening's marine forecast, fleet activity and the calendar.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

SPECIES = ["haddock", "whiting", "monkfish", "megrim", "hake", "nephrops", "squid"]


def load_sales(path="data/auction_daily_by_species.csv"):
    df = pd.read_csv(path, parse_dates=["sale_date"])
    df = df[df["species"].isin(SPECIES)]
    # one row per species per sale day; days without a sale are absent
    return df.sort_values(["species", "sale_date"]).reset_index(drop=True)


def add_features(df):
    g = df.groupby("species")["boxes"]
    df["boxes_lag1"] = g.shift(1)
    df["boxes_lag5"] = g.shift(5)
    df["boxes_mean_10"] = g.transform(lambda s: s.rolling(10, min_periods=4).mean())
    df["boxes_max_10"] = g.transform(lambda s: s.shift(1).rolling(10, min_periods=4).max())
    df["days_since_sale"] = df.groupby("species")["sale_date"].diff().dt.days
    df["dow"] = df["sale_date"].dt.dayofweek
    df["month"] = df["sale_date"].dt.month
    df["species_code"] = df["species"].map({s: i for i, s in enumerate(SPECIES)})
    return df


FEATURES = [
    "boxes_lag1", "boxes_lag5", "boxes_mean_10", "boxes_max_10", "days_since_sale",
    "dow", "month", "species_code", "wind_fcst_kn", "swell_fcst_m",
    "vessels_at_sea_prev_evening", "vessels_landing_notified", "quota_remaining_pct",
]


def main():
    df = add_features(load_sales()).dropna(subset=["boxes_lag5", "boxes_mean_10"])
    train = df[df["sale_date"] < "2023-07-01"]
    test = df[df["sale_date"] >= "2023-07-01"]
    print(f"train {len(train)} rows to {train['sale_date'].max().date()}, "
          f"test {len(test)} rows from {test['sale_date'].min().date()}")

    model = HistGradientBoostingRegressor(
        loss="poisson", max_iter=600, learning_rate=0.04,
        max_leaf_nodes=31, min_samples_leaf=30,
        categorical_features=[FEATURES.index("species_code")], random_state=0,
    )
    model.fit(train[FEATURES], train["boxes"])
    pred = model.predict(test[FEATURES])

    naive = test["boxes_lag1"]
    print(f"MAE model    : {mean_absolute_error(test['boxes'], pred):.1f} boxes")
    print(f"MAE last sale: {mean_absolute_error(test['boxes'], naive):.1f} boxes")

    out = test.assign(pred=pred, err=np.abs(test["boxes"] - pred))
    summary = out.groupby("species").agg(
        days=("boxes", "size"), mean_boxes=("boxes", "mean"), mae=("err", "mean")
    )
    summary["wape"] = out.groupby("species")["err"].sum() / out.groupby("species")["boxes"].sum()
    print(summary.round(2).to_string())


if __name__ == "__main__":
    main()
