# label: leakage/preprocessing
"""Will a surplus-food bag listed on the app be collected?

Listings export from the partner dashboard: one row per bag listed by a store
(bakeries, cafes, grocers) with its price, pickup window and the outcome.
"""
import lightgbm as lgb
import polars as pl
from sklearn.metrics import log_loss, roc_auc_score

LISTINGS = "exports/bag_listings_2023_2024.parquet"
CUTOFF = pl.datetime(2024, 9, 1)
STORE_TYPES = {"bakery": 0, "cafe": 1, "grocer": 2, "restaurant": 3, "supermarket": 4, "hotel": 5}

FEATURES = [
    "price_gbp",
    "value_ratio",
    "pickup_start_hour",
    "pickup_window_min",
    "bags_in_listing",
    "listed_minutes_before_pickup",
    "weekday",
    "month",
    "store_rating_at_listing",
    "km_to_centre",
    "store_type_code",
    "store_collect_rate",
    "store_listings_n",
]


def load_listings(path: str) -> pl.DataFrame:
    return (
        pl.read_parquet(path)
        .filter(pl.col("status").is_in(["collected", "expired"]))
        .with_columns(
            pl.col("listed_at").dt.weekday().alias("weekday"),
            pl.col("listed_at").dt.month().alias("month"),
            pl.col("pickup_start").dt.hour().alias("pickup_start_hour"),
            ((pl.col("pickup_end") - pl.col("pickup_start")).dt.total_minutes()).alias("pickup_window_min"),
            ((pl.col("pickup_start") - pl.col("listed_at")).dt.total_minutes()).alias("listed_minutes_before_pickup"),
            (pl.col("retail_value_gbp") / pl.col("price_gbp")).alias("value_ratio"),
            pl.col("store_type").replace_strict(STORE_TYPES, default=len(STORE_TYPES)).alias("store_type_code"),
            (pl.col("status") == "collected").cast(pl.Int8).alias("collected"),
        )
    )


def store_rates(listings: pl.DataFrame) -> pl.DataFrame:
    prior_n = 20
    global_rate = listings["collected"].mean()
    return (
        listings.group_by("store_id")
        .agg(pl.col("collected").sum().alias("k"), pl.len().alias("store_listings_n"))
        .with_columns(
            ((pl.col("k") + prior_n * global_rate) / (pl.col("store_listings_n") + prior_n)).alias("store_collect_rate")
        )
        .drop("k")
    )


def main() -> None:
    listings = load_listings(LISTINGS)
    listings = listings.join(store_rates(listings), on="store_id", how="left")

    train = listings.filter(pl.col("listed_at") < CUTOFF)
    test = listings.filter(pl.col("listed_at") >= CUTOFF)

    params = dict(
        objective="binary",
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=50,
        colsample_bytree=0.8,
        subsample=0.8,
        subsample_freq=1,
        verbose=-1,
    )
    model = lgb.LGBMClassifier(**params)
    model.fit(train.select(FEATURES).to_pandas(), train["collected"].to_numpy())

    proba = model.predict_proba(test.select(FEATURES).to_pandas())[:, 1]
    y_test = test["collected"].to_numpy()
    print(f"train listings: {train.height}  test listings: {test.height}")
    print(f"test collection rate: {y_test.mean():.3f}")
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
    print(f"test log loss: {log_loss(y_test, proba):.4f}")

    importance = sorted(zip(FEATURES, model.booster_.feature_importance("gain")), key=lambda t: -t[1])
    for name, gain in importance[:6]:
        print(f"  {name:<30s} {gain:,.0f}")


if __name__ == "__main__":
    main()
