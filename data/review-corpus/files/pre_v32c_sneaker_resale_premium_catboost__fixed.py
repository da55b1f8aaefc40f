# label: leakage/none
"""Resale premium (sale price / retail price) for sneaker marketplace listings."""
import argparse

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, median_absolute_error

CAT_COLS = ["brand", "silhouette", "colourway_family", "collab_partner", "condition", "platform", "size_band"]
NUM_COLS = ["retail_usd", "days_since_release", "size_us", "seller_rating_at_listing",
            "seller_sales_at_listing", "photos_count", "release_stock_est", "google_trend_index"]
CLIP_COLS = ["days_since_release", "seller_sales_at_listing", "release_stock_est", "photos_count"]


def load(listings_path, releases_path, trends_path):
    listings = pd.read_csv(listings_path, parse_dates=["sold_at"])
    releases = pd.read_csv(releases_path, parse_dates=["release_date"])
    trends = pd.read_csv(trends_path, parse_dates=["week"])
    df = listings.merge(releases, on="style_code", how="inner")
    df["week"] = df["sold_at"].dt.to_period("W-SUN").dt.start_time - pd.Timedelta(days=7)
    df = df.merge(trends, on=["silhouette", "week"], how="left")
    df["days_since_release"] = (df["sold_at"] - df["release_date"]).dt.days
    df["size_band"] = pd.cut(df["size_us"], [0, 6, 8.5, 10.5, 12.5, 20],
                             labels=["xs", "s", "m", "l", "xl"]).astype(str)
    df["collab_partner"] = df["collab_partner"].fillna("none")
    df["premium"] = df["sale_usd"] / df["retail_usd"]
    return df


def tidy(df, lower, upper, rating_fill):
    out = df.copy()
    for col in CLIP_COLS:
        out[col] = out[col].clip(lower[col], upper[col])
    out["seller_rating_at_listing"] = out["seller_rating_at_listing"].fillna(rating_fill)
    out["google_trend_index"] = out["google_trend_index"].fillna(0)
    return out


parser = argparse.ArgumentParser()
parser.add_argument("--listings", default="data/listings_sold.csv")
parser.add_argument("--releases", default="data/release_calendar.csv")
parser.add_argument("--trends", default="data/silhouette_trends_weekly.csv")
parser.add_argument("--cutoff", default="2024-01-01")
args = parser.parse_args()

df = load(args.listings, args.releases, args.trends)

train = df[df["sold_at"] < args.cutoff]
test = df[df["sold_at"] >= args.cutoff]

lower = train[CLIP_COLS].quantile(0.01)
upper = train[CLIP_COLS].quantile(0.99)
rating_fill = train["seller_rating_at_listing"].median()
train = tidy(train, lower, upper, rating_fill)
test = tidy(test, lower, upper, rating_fill)
print(f"train {len(train)} listings, test {len(test)} listings")

features = CAT_COLS + NUM_COLS
train_pool = Pool(train[features], np.log(train["premium"]), cat_features=CAT_COLS)
test_pool = Pool(test[features], cat_features=CAT_COLS)

model = CatBoostRegressor(iterations=2000, depth=7, learning_rate=0.04, loss_function="RMSE",
                          l2_leaf_reg=5, random_seed=21, verbose=200)
model.fit(train_pool)

pred = np.exp(model.predict(test_pool))
print(f"MAE premium {mean_absolute_error(test['premium'], pred):.3f}")
print(f"median AE premium {median_absolute_error(test['premium'], pred):.3f}")
resale_pred = pred * test["retail_usd"].to_numpy()
print(f"MAE sale price ${mean_absolute_error(test['sale_usd'], resale_pred):.2f}")
model.save_model("sneaker_premium.cbm")
