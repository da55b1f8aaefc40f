# label: leakage/overlap
"""Estimate campus bookstore buyback offers for textbook titles the desk has not quoted before."""
import numpy as np
import pandas as pd
import polars as pl
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

quotes = pl.read_csv("buyback_quotes.csv", try_parse_dates=True)
catalog = pl.read_parquet("textbook_catalog.parquet")
adoptions = pl.read_csv("course_adoptions.csv")

condition_rank = {"poor": 0, "acceptable": 1, "good": 2, "very_good": 3, "like_new": 4}

df = (
    quotes.join(catalog, on="isbn", how="left")
    .join(adoptions, on=["isbn", "term"], how="left")
    .filter(pl.col("offer_usd").is_not_null() & (pl.col("list_price_new") > 0))
    .with_columns(
        pl.col("condition").replace_strict(condition_rank, default=None).alias("condition_rank"),
        (pl.col("quote_date").dt.year() - pl.col("edition_year")).alias("edition_age"),
        pl.col("adopting_sections").fill_null(0),
        pl.col("enrolled_students").fill_null(0),
        pl.col("has_access_code").cast(pl.Int8),
        pl.col("is_loose_leaf").cast(pl.Int8),
        pl.col("quote_date").dt.month().alias("quote_month"),
    )
    .with_columns(
        (pl.col("offer_usd") / pl.col("list_price_new")).alias("offer_ratio"),
        pl.col("list_price_new").log1p().alias("log_list_price"),
    )
)
print(df.select(pl.len(), pl.col("isbn").n_unique().alias("titles")))

numeric = [
    "condition_rank", "edition_age", "adopting_sections", "enrolled_students", "has_access_code",
    "is_loose_leaf", "quote_month", "log_list_price", "pages", "highlighting_pct",
]
categorical = ["subject", "publisher", "binding"]

data = df.select(["isbn", "offer_usd", "list_price_new", "offer_ratio"] + numeric + categorical).to_pandas()

train, test = train_test_split(data, test_size=0.2, random_state=42)
train, test = train.copy(), test.copy()
for col in categorical:
    train[col] = train[col].astype("category")
    test[col] = pd.Categorical(test[col], categories=train[col].cat.categories)

model = LGBMRegressor(
    n_estimators=700, learning_rate=0.03, num_leaves=31, min_child_samples=25,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=0, verbose=-1,
)
model.fit(train[numeric + categorical], train["offer_ratio"])

pred_offer = model.predict(test[numeric + categorical]) * test["list_price_new"]
print(f"test titles: {test['isbn'].nunique()}  quotes: {len(test)}")
print(f"MAE (USD): {mean_absolute_error(test['offer_usd'], pred_offer):.2f}")
print(f"R^2: {r2_score(test['offer_usd'], pred_offer):.3f}")
within_two = np.mean(np.abs(pred_offer - test["offer_usd"]) <= 2.0)
print(f"share of offers within $2: {within_two:.1%}")

imp = pd.Series(model.feature_importances_, index=numeric + categorical).sort_values(ascending=False)
print(imp.head(8))
