# label: leakage/target
# Overweight skip flag at booking: skips over the tonnage allowance get a surcharge
# call, so the office wants to warn customers when they book.
import lightgbm as lgb
import polars as pl
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

JOBS = "ops/skip_jobs_2021_2024.parquet"
SPLIT_DATE = pl.date(2024, 1, 1)
CATS = ["skip_size", "waste_declared", "customer_type", "postcode_district", "depot"]
NUMS = [
    "hire_days",
    "on_road_permit",
    "booking_month",
    "booked_days_ahead",
    "prior_hires",
    "tipping_charge_gbp",
]


def build_jobs(path: str) -> pl.DataFrame:
    jobs = (
        pl.read_parquet(path)
        .filter(pl.col("status") == "collected")
        .with_columns(
            (pl.col("weighbridge_t") > pl.col("allowance_t")).cast(pl.Int8).alias("overweight"),
            (pl.col("planned_collection_date") - pl.col("delivered_date")).dt.total_days().alias("hire_days"),
            (pl.col("delivered_date") - pl.col("booked_date")).dt.total_days().alias("booked_days_ahead"),
            pl.col("booked_date").dt.month().alias("booking_month"),
            pl.col("on_road_permit").cast(pl.Int8),
            (pl.col("weighbridge_t") * pl.col("gate_fee_per_t")).round(2).alias("tipping_charge_gbp"),
        )
        .sort(["customer_id", "booked_date"])
        .with_columns(
            pl.int_range(pl.len()).over("customer_id").alias("prior_hires"),
        )
    )
    return jobs


jobs = build_jobs(JOBS)
print(jobs.group_by("skip_size").agg(pl.col("overweight").mean(), pl.len()).sort("skip_size"))

train = jobs.filter(pl.col("booked_date") < SPLIT_DATE)
test = jobs.filter(pl.col("booked_date") >= SPLIT_DATE)


def to_xy(frame: pl.DataFrame):
    X = frame.select(CATS + NUMS).to_pandas()
    for c in CATS:
        X[c] = X[c].astype("category")
    return X, frame["overweight"].to_numpy()


X_train, y_train = to_xy(train)
X_test, y_test = to_xy(test)
for c in CATS:
    X_test[c] = X_test[c].cat.set_categories(X_train[c].cat.categories)

model = lgb.LGBMClassifier(
    n_estimators=700,
    learning_rate=0.03,
    num_leaves=48,
    min_child_samples=40,
    colsample_bytree=0.8,
    is_unbalance=True,
    random_state=5,
    verbose=-1,
)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}  PR AUC {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), target_names=["ok", "overweight"]))

imp = sorted(zip(model.booster_.feature_importance("gain"), X_train.columns), reverse=True)
for gain, name in imp[:10]:
    print(f"{name:24s} {gain:10.0f}")
