# label: leakage/none
"""Window cleaning business: weekly customer snapshots, will the customer cancel in the next 8 weeks?

The office uses the score to decide which households get a call or a loyalty discount
before the next price review.
"""
from datetime import date, timedelta

import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HORIZON_WEEKS = 8
CUTOFF = date(2024, 1, 1)

NUMERIC = [
    "price_gbp", "frequency_weeks", "days_since_last_clean", "visits_last_12w",
    "skipped_visits_90d", "late_payments_90d", "complaints_lifetime",
    "price_rise_last_180d", "tenure_days", "pays_by_direct_debit",
]
CATEGORICAL = ["round_area", "home_type"]

snaps = pl.read_parquet("customer_week_snapshots.parquet")
cancellations = pl.read_parquet("cancellations.parquet")
last_day = snaps["week_start"].max()

labels = (
    snaps.select("customer_id", "week_start")
    .join(cancellations.select("customer_id", "cancelled_on"), on="customer_id", how="inner")
    .filter(
        (pl.col("cancelled_on") >= pl.col("week_start"))
        & (pl.col("cancelled_on") < pl.col("week_start") + pl.duration(weeks=HORIZON_WEEKS))
    )
    .group_by("customer_id", "week_start")
    .agg(pl.len().alias("n_cancel"))
)
snaps = (
    snaps.join(labels, on=["customer_id", "week_start"], how="left")
    .with_columns((pl.col("n_cancel").fill_null(0) > 0).cast(pl.Int8).alias("cancels_8w"))
    # only weeks whose 8-week outcome has been observed
    .filter(pl.col("week_start") <= last_day - timedelta(weeks=HORIZON_WEEKS))
    .filter(pl.col("active") == 1)
)

train = snaps.filter(pl.col("week_start") < CUTOFF - timedelta(weeks=HORIZON_WEEKS))
test = snaps.filter(pl.col("week_start") >= CUTOFF)
print(f"train snapshots {train.height:,} ({train['cancels_8w'].mean():.2%} positive)")
print(f"test snapshots  {test.height:,} ({test['cancels_8w'].mean():.2%} positive)")

X_train = train.select(NUMERIC + CATEGORICAL).to_pandas()
X_test = test.select(NUMERIC + CATEGORICAL).to_pandas()
y_train = train["cancels_8w"].to_numpy()
y_test = test["cancels_8w"].to_numpy()

model = Pipeline([
    ("prep", ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])),
    ("clf", LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")),
])
model.fit(X_train, y_train)

p = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, p):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, p):.3f}")
print(f"Brier:   {brier_score_loss(y_test, p):.4f}")

# how many cancellations would the top 10% of calls reach each week
scored = test.select("week_start", "cancels_8w").with_columns(pl.Series("score", p))
top = (
    scored.with_columns(pl.col("score").rank(descending=True).over("week_start").alias("rk"),
                        pl.len().over("week_start").alias("n"))
    .filter(pl.col("rk") <= 0.1 * pl.col("n"))
)
print(f"share of cancellations reached by top-10% calls: "
      f"{top['cancels_8w'].sum() / max(scored['cancels_8w'].sum(), 1):.2%}")
