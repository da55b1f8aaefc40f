# label: leakage/none
from datetime import date, timedelta

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import average_precision_score, roc_auc_score

SNAPSHOT = date(2024, 3, 1)
HORIZON = timedelta(weeks=8)
CATEGORICAL = ["box_size", "delivery_day", "acquisition_channel"]


def customer_features(subs: pl.DataFrame, deliveries: pl.DataFrame) -> pl.DataFrame:
    recent = deliveries.filter(
        (pl.col("delivery_date") < SNAPSHOT) & (pl.col("delivery_date") >= SNAPSHOT - timedelta(weeks=12))
    )
    activity = recent.group_by("customer_id").agg(
        pl.len().alias("deliveries_12w"),
        pl.col("skipped").sum().alias("skips_12w"),
        pl.col("box_value_gbp").mean().alias("avg_box_value"),
        pl.col("extras_gbp").sum().alias("extras_12w"),
        pl.col("swap_requests").sum().alias("swaps_12w"),
        pl.col("complaint").sum().alias("complaints_12w"),
    )
    active = subs.filter(
        (pl.col("started_on") < SNAPSHOT)
        & (pl.col("cancelled_on").is_null() | (pl.col("cancelled_on") >= SNAPSHOT))
    )
    return (
        active.join(activity, on="customer_id", how="left")
        .with_columns(
            ((pl.lit(SNAPSHOT) - pl.col("started_on")).dt.total_days() / 7).alias("tenure_weeks"),
            pl.col("postcode").str.split(" ").list.first().alias("postcode_district"),
            (pl.col("cancelled_on").is_not_null() & (pl.col("cancelled_on") < SNAPSHOT + HORIZON))
            .cast(pl.Int8).alias("lapsed"),
        )
        .with_columns(
            pl.col("deliveries_12w", "skips_12w", "avg_box_value", "extras_12w", "swaps_12w", "complaints_12w")
            .fill_null(0)
        )
    )


def add_district_context(frame: pl.DataFrame, reference: pl.DataFrame) -> pl.DataFrame:
    stats = reference.group_by("postcode_district").agg(
        pl.col("avg_box_value").median().alias("district_median_box_value"),
        pl.col("skips_12w").mean().alias("district_mean_skips"),
    )
    return frame.join(stats, on="postcode_district", how="left").with_columns(
        (pl.col("avg_box_value") / pl.col("district_median_box_value")).fill_null(1.0).alias("box_value_vs_district"),
        (pl.col("skips_12w") - pl.col("district_mean_skips")).fill_null(0.0).alias("skips_vs_district"),
    )


subs = pl.read_csv("crm/veg_box_subscriptions.csv", try_parse_dates=True)
deliveries = pl.read_parquet("crm/deliveries.parquet")
df = customer_features(subs, deliveries)

rng = np.random.default_rng(17)
df = df.with_columns(pl.Series("u", rng.random(df.height)))
train, test = df.filter(pl.col("u") < 0.8), df.filter(pl.col("u") >= 0.8)
train, test = add_district_context(train, train), add_district_context(test, train)

features = [
    "tenure_weeks", "deliveries_12w", "skips_12w", "avg_box_value", "extras_12w", "swaps_12w",
    "complaints_12w", "box_value_vs_district", "skips_vs_district", *CATEGORICAL,
]


def to_xy(frame: pl.DataFrame):
    pdf = frame.select(features + ["lapsed"]).to_pandas()
    for col in CATEGORICAL:
        pdf[col] = pdf[col].astype("category")
    return pdf[features], pdf["lapsed"]


X_train, y_train = to_xy(train)
X_test, y_test = to_xy(test)
print(f"train {len(X_train)}  test {len(X_test)}  lapse rate {y_train.mean():.3f}")

model = lgb.LGBMClassifier(
    n_estimators=600, learning_rate=0.03, num_leaves=31, min_child_samples=40,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=1.0, verbose=-1,
)
model.fit(X_train, y_train, categorical_feature=CATEGORICAL)

prob = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC {roc_auc_score(y_test, prob):.3f}   PR AUC {average_precision_score(y_test, prob):.3f}")
top_decile = prob >= np.quantile(prob, 0.9)
print(f"lapse rate in top decile: {y_test[top_decile].mean():.3f} vs overall {y_test.mean():.3f}")
