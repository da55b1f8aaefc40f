# label: leakage/none
"""Predict cavitation pitting found at the next runner inspection of hydro turbines from daily SCADA aggregates."""
from datetime import date, timedelta

import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

daily = pl.read_parquet("data/turbine_daily_scada.parquet")
labels = pl.read_csv("data/runner_pitting_labels.csv", try_parse_dates=True)  # unit_id, day, pitting_within_30d
units = pl.read_csv("data/turbine_units.csv")  # unit_id, rated_flow_m3s, runner_material, ...

SIGNALS = ["head_m", "flow_m3s", "gate_opening_pct", "vibration_rms_mm_s",
           "acoustic_emission_db", "tailwater_m", "hours_low_load"]
df = (
    daily.join(labels, on=["unit_id", "day"], how="inner")
    .join(units.select(["unit_id", "rated_flow_m3s"]), on="unit_id", how="left")
    .sort(["unit_id", "day"])
    .with_columns(
        (pl.col("flow_m3s") / pl.col("rated_flow_m3s")).alias("load_frac"),
        pl.col("acoustic_emission_db").rolling_mean(window_size=7).over("unit_id").alias("ae_7d"),
        pl.col("vibration_rms_mm_s").rolling_max(window_size=7).over("unit_id").alias("vib_max_7d"),
    )
)
FEATURES = SIGNALS + ["load_frac", "ae_7d", "vib_max_7d"]
TARGET = "pitting_within_30d"

CUTOFF = date(2023, 1, 1)
HORIZON = timedelta(days=30)  # labels look 30 days ahead
train = df.filter(pl.col("day") < CUTOFF - HORIZON)
test = df.filter(pl.col("day") >= CUTOFF)

# units sit at different heads and sensor gains, so put each unit's signals on its own scale
stats = train.group_by("unit_id").agg(
    [pl.col(c).mean().alias(f"{c}_mu") for c in FEATURES]
    + [pl.col(c).std().alias(f"{c}_sd") for c in FEATURES]
)


def standardise(frame):
    frame = frame.join(stats, on="unit_id", how="left")
    return frame.with_columns(
        [((pl.col(c) - pl.col(f"{c}_mu")) / pl.col(f"{c}_sd")).alias(f"{c}_z") for c in FEATURES]
    )


train, test = standardise(train), standardise(test)

Z = [f"{c}_z" for c in FEATURES]
train = train.drop_nulls(Z + [TARGET])
test = test.drop_nulls(Z + [TARGET])
print(f"train days {train.height}, test days {test.height}, positive rate {train[TARGET].mean():.3f}")

clf = LogisticRegression(C=0.3, class_weight="balanced", max_iter=3000)
clf.fit(train.select(Z).to_numpy(), train[TARGET].to_numpy())
proba = clf.predict_proba(test.select(Z).to_numpy())[:, 1]

print(f"ROC AUC {roc_auc_score(test[TARGET].to_numpy(), proba):.3f}")
print(f"PR AUC  {average_precision_score(test[TARGET].to_numpy(), proba):.3f}")
per_unit = (test.with_columns(pl.Series("p", proba))
            .group_by("unit_id").agg(pl.col("p").mean(), pl.col(TARGET).mean())
            .sort("p", descending=True))
print(per_unit)
for name, coef in sorted(zip(Z, clf.coef_[0]), key=lambda t: -abs(t[1])):
    print(f"  {name:28s} {coef:+.3f}")
