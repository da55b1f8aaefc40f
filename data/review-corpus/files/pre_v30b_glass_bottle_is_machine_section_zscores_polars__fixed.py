# label: leakage/none
# IS machine line 3: flag section-hours where cold-end inspection rejects more
# than 2 % of bottles for checks. Sections run at different baselines (mould
# wear, thermocouple placement), so process tags are expressed relative to
# their own section.
from datetime import timedelta

import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

TAGS = [
    "gob_temp_c", "gob_weight_g", "blank_mould_temp_c", "blow_mould_temp_c",
    "plunger_pressure_bar", "final_blow_ms", "counter_blow_ms", "swab_interval_min",
    "cooling_air_pressure_mbar", "conveyor_speed_mps",
]

hours = (
    pl.scan_parquet("line3/section_hour_summaries/*.parquet")
    .filter(pl.col("bottles_inspected") > 200)
    .with_columns(
        (pl.col("check_rejects") / pl.col("bottles_inspected") > 0.02).cast(pl.Int8).alias("high_checks"),
        pl.col("hour_start").dt.hour().alias("hour_of_day"),
        pl.col("hour_start").dt.weekday().alias("weekday"),
    )
    .collect()
)

cut = hours["hour_start"].max() - timedelta(weeks=6)
train = hours.filter(pl.col("hour_start") < cut)
test = hours.filter(pl.col("hour_start") >= cut)

# deviations from the section's typical operating point
section_stats = train.group_by("section").agg(
    [pl.col(t).mean().alias(f"{t}_mu") for t in TAGS] + [pl.col(t).std().alias(f"{t}_sd") for t in TAGS]
)


def add_z(frame):
    frame = frame.join(section_stats, on="section", how="left")
    frame = frame.with_columns(
        [((pl.col(t) - pl.col(f"{t}_mu")) / pl.col(f"{t}_sd")).alias(f"{t}_z") for t in TAGS]
    )
    return frame.with_columns(
        (pl.col("blank_mould_temp_c_z") - pl.col("blow_mould_temp_c_z")).alias("mould_temp_gap_z"),
        (pl.col("gob_temp_c_z") * pl.col("gob_weight_g_z")).alias("gob_heat_z"),
    )


train = add_z(train)
test = add_z(test)

features = [f"{t}_z" for t in TAGS] + ["mould_temp_gap_z", "gob_heat_z", "hour_of_day", "weekday", "section"]
print(f"train {train.height} section-hours, test {test.height}; "
      f"high-check share {train['high_checks'].mean():.3f} / {test['high_checks'].mean():.3f}")

X_train = train.select(features).to_pandas()
X_test = test.select(features).to_pandas()
y_train = train["high_checks"].to_numpy()
y_test = test["high_checks"].to_numpy()

clf = HistGradientBoostingClassifier(
    learning_rate=0.05,
    max_iter=400,
    max_leaf_nodes=31,
    min_samples_leaf=50,
    categorical_features=[features.index("section")],
    class_weight="balanced",
    random_state=3,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}   AP {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

per_section = (
    test.select("section", "high_checks")
    .with_columns(pl.Series("proba", proba))
    .group_by("section")
    .agg(pl.col("high_checks").mean().alias("actual"), pl.col("proba").mean().alias("predicted"))
    .sort("section")
)
print(per_section)
