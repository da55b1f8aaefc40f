# label: leakage/none
# Piano service company: chance that a tuning job gets a customer callback (pitch drifted,
# sticking keys, buzz) within 30 days. Used when scheduling to decide who gets the
# longer 2-hour slot.
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

jobs = pl.read_parquet("data/tuning/jobs_2019_2024.parquet")
techs = pl.read_csv("data/tuning/technicians.csv", try_parse_dates=True)

jobs = (
    jobs.filter(pl.col("job_type") == "tuning")
    .join(techs.select("technician_id", "certified_on", "ptg_rpt"), on="technician_id", how="left")
    .sort("job_date")
    .with_columns(
        ((pl.col("job_date") - pl.col("certified_on")).dt.total_days() / 365.25).alias("tech_years"),
        pl.col("job_date").dt.month().alias("month"),
        (pl.col("pitch_offset_cents").abs() > 15).cast(pl.Int8).alias("pitch_raise_needed"),
        pl.int_range(pl.len()).over("technician_id").alias("tech_prior_jobs"),
    )
)

numeric = ["piano_age_years", "months_since_last_tuning", "pitch_offset_cents", "humidity_pct",
           "tech_years", "tech_prior_jobs", "pitch_raise_needed"]
categorical = ["piano_kind", "customer_type", "room_climate", "month", "ptg_rpt"]

# last 30 days before the cutoff are dropped so that every training label is settled
train = jobs.filter(pl.col("job_date") < pl.date(2023, 12, 1)).to_pandas()
test = jobs.filter(pl.col("job_date") >= pl.date(2024, 1, 1)).to_pandas()
print(len(train), len(test), round(train["callback_30d"].mean(), 3), round(test["callback_30d"].mean(), 3))

model = Pipeline([
    ("prep", ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])),
    ("logit", LogisticRegression(C=1.0, max_iter=2000)),
])
model.fit(train[numeric + categorical], train["callback_30d"])

p = model.predict_proba(test[numeric + categorical])[:, 1]
print(f"AUC {roc_auc_score(test['callback_30d'], p):.4f}  log loss {log_loss(test['callback_30d'], p):.4f}")

names = model.named_steps["prep"].get_feature_names_out()
coefs = sorted(zip(model.named_steps["logit"].coef_[0], names), key=lambda t: abs(t[0]), reverse=True)
for c, n in coefs[:12]:
    print(f"{n:40s} {c:+.3f}")

slots = (
    pl.from_pandas(test.assign(p_callback=p))
    .with_columns((pl.col("p_callback") > 0.25).alias("long_slot"))
    .group_by("long_slot")
    .agg(pl.len(), pl.col("callback_30d").mean().alias("observed_rate"))
)
print(slots)
