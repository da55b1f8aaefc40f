# label: leakage/none
# Pantomime season sell-out model for the box office. Scored 14 days before
# each performance so the marketing team can decide where to put the last
# discount push and whether to add a relaxed matinee.
import polars as pl
import lightgbm as lgb
from sklearn.metrics import roc_auc_score, average_precision_score

SELLOUT_SHARE = 0.98
TEST_SEASON = 2023

perf = pl.read_csv("panto_performances_2014_2023.csv", try_parse_dates=True)
sales = pl.read_csv("panto_sales_t14.csv", try_parse_dates=True)
cast = pl.read_csv("panto_cast_billing.csv")

perf = (
    perf.join(sales, on="performance_id", how="left")
    .join(cast, on="season", how="left")
    .with_columns(
        (pl.col("seats_sold_final") / pl.col("capacity")).alias("occupancy"),
        pl.col("performance_start").dt.weekday().alias("weekday"),
        pl.col("performance_start").dt.hour().alias("start_hour"),
        (pl.date(pl.col("season"), 12, 25) - pl.col("performance_start").dt.date())
        .dt.total_days().alias("days_to_christmas"),
        (pl.col("sold_t14") / pl.col("capacity")).alias("sold_share_t14"),
        (pl.col("groups_booked_t14") / pl.col("capacity")).alias("group_share_t14"),
    )
    .with_columns(
        (pl.col("occupancy") >= SELLOUT_SHARE).cast(pl.Int8).alias("sold_out"),
        pl.when(pl.col("start_hour") < 17).then(pl.lit("matinee"))
        .otherwise(pl.lit("evening")).alias("slot"),
    )
)

# reference occupancy for each weekday/slot combination, from the previous season
slot_ref = (
    perf.group_by(["season", "weekday", "slot"])
    .agg(pl.col("occupancy").mean().alias("slot_occupancy_ref"))
    .with_columns(pl.col("season") + 1)
)
perf = perf.join(slot_ref, on=["season", "weekday", "slot"], how="left")

perf = perf.with_columns(
    (pl.col("slot") == "matinee").cast(pl.Int8).alias("is_matinee"),
    pl.col("school_holiday").cast(pl.Int8),
    pl.col("relaxed_performance").cast(pl.Int8),
    pl.col("tv_star_billed").cast(pl.Int8),
)

features = [
    "weekday", "start_hour", "is_matinee", "days_to_christmas", "school_holiday",
    "relaxed_performance", "tv_star_billed", "sold_share_t14", "group_share_t14",
    "price_top_band", "slot_occupancy_ref",
]

train = perf.filter(pl.col("season") < TEST_SEASON)
test = perf.filter(pl.col("season") == TEST_SEASON)

X_train = train.select(features).to_pandas()
y_train = train["sold_out"].to_numpy()
X_test = test.select(features).to_pandas()
y_test = test["sold_out"].to_numpy()

model = lgb.LGBMClassifier(
    n_estimators=300, learning_rate=0.03, num_leaves=15,
    min_child_samples=10, subsample=0.9, subsample_freq=1,
    colsample_bytree=0.9, random_state=12, verbose=-1,
)
model.fit(X_train, y_train, categorical_feature=["weekday"])

p = model.predict_proba(X_test)[:, 1]
print(f"{TEST_SEASON} season: {len(y_test)} performances, {y_test.sum()} sold out")
print(f"ROC AUC {roc_auc_score(y_test, p):.3f} | PR AUC {average_precision_score(y_test, p):.3f}")

report = test.select(["performance_id", "performance_start", "slot", "sold_share_t14", "sold_out"])
report = report.with_columns(pl.Series("p_sellout", p)).sort("p_sellout", descending=True)
print(report.head(20))
