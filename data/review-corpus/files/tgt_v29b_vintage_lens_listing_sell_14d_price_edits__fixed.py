# label: leakage/none
# Second-hand camera lens marketplace: probability that a new listing sells within
# 14 days, shown to sellers on the listing form ("likely to sell fast at this price").
import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

listings = pl.read_parquet("warehouse/lens_listings.parquet")
edits = pl.read_parquet("warehouse/listing_price_edits.parquet")      # listing_id, edited_at, new_price
ref_prices = pl.read_csv("warehouse/lens_model_reference_prices.csv")  # model_key, year, quarter, median_sold

listings = (
    listings.filter(pl.col("listed_at") < pl.datetime(2024, 10, 1))
    .with_columns(
        ((pl.col("sold_at") - pl.col("listed_at")).dt.total_days() <= 14)
        .fill_null(False).cast(pl.Int8).alias("sold_14d"),
        pl.col("listed_at").dt.quarter().alias("q"),
        pl.col("listed_at").dt.year().alias("y"),
    )
    # reference price from the previous quarter's sales
    .with_columns(
        pl.when(pl.col("q") == 1).then(pl.col("y") - 1).otherwise(pl.col("y")).alias("year"),
        pl.when(pl.col("q") == 1).then(4).otherwise(pl.col("q") - 1).alias("quarter"),
    )
)

# seller's earlier listings: how often they edited the price
seller_hist = (
    edits.join(listings.select("listing_id", "seller_id"), on="listing_id")
    .join(listings.select("seller_id", pl.col("listed_at").alias("this_listed_at"),
                          pl.col("listing_id").alias("this_listing")), on="seller_id")
    .filter(pl.col("edited_at") < pl.col("this_listed_at"))
    .group_by("this_listing")
    .agg(pl.len().alias("seller_prior_edits"))
    .rename({"this_listing": "listing_id"})
)

df = (
    listings.join(seller_hist, on="listing_id", how="left")
    .join(ref_prices, on=["model_key", "year", "quarter"], how="left")
    .with_columns(
        pl.col("seller_prior_edits").fill_null(0),
        (pl.col("asking_price") / pl.col("median_sold")).alias("price_vs_ref"),
        pl.col("description").str.len_chars().alias("desc_chars"),
    )
)

numeric = ["asking_price", "price_vs_ref", "focal_mm", "max_aperture", "n_photos", "desc_chars",
           "seller_rating_at_listing", "seller_sales_at_listing", "seller_prior_edits"]
categorical = ["brand", "mount", "condition_grade", "shipping_option", "fungus_haze_flag"]

train = df.filter(pl.col("listed_at") < pl.datetime(2024, 4, 1)).to_pandas()
test = df.filter(pl.col("listed_at") >= pl.datetime(2024, 4, 15)).to_pandas()

clf = make_pipeline(
    ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=30), categorical),
    ]),
    LogisticRegression(C=0.5, max_iter=2000),
)
clf.fit(train[numeric + categorical], train["sold_14d"])

p = clf.predict_proba(test[numeric + categorical])[:, 1]
y = test["sold_14d"].to_numpy()
print(f"listings: train {len(train)}, test {len(test)}, sold<=14d in test {y.mean():.1%}")
print(f"AUC    {roc_auc_score(y, p):.3f}")
print(f"logloss {log_loss(y, p):.4f}   brier {brier_score_loss(y, p):.4f}")

# calibration by decile, sellers see the probability itself
bins = np.quantile(p, np.linspace(0, 1, 11))
decile = np.clip(np.digitize(p, bins[1:-1]), 0, 9)
calib = pl.DataFrame({"decile": decile, "p": p, "y": y}).group_by("decile").agg(
    pl.col("p").mean().alias("mean_pred"), pl.col("y").mean().alias("observed"), pl.len()
).sort("decile")
print(calib)
