# label: leakage/preprocessing
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

# Spring audit of the parks irrigation network: one inspection per sprinkler
# head. clogged = 1 when the auditor logged a blocked or partly blocked nozzle.
NUMERIC = [
    "valve_pressure_psi", "design_flow_gpm", "hardness_ppm", "iron_ppm",
    "days_since_flush", "head_age_years", "zone_elevation_m",
    "runtime_min_week", "filter_mesh", "distance_from_valve_m",
]
NOZZLE_TYPES = ["rotor", "spray", "mp_rotator", "bubbler"]

df = (
    pl.read_parquet("data/irrigation_audit_2024.parquet")
    .filter(pl.col("inspected") & pl.col("clogged").is_not_null())
    .drop_nulls(NUMERIC)
    .with_columns(
        pl.col("clogged").cast(pl.Int8),
        pl.col("iron_ppm").log1p().alias("iron_ppm"),
        pl.col("days_since_flush").clip(0, 730).alias("days_since_flush"),
    )
    .with_columns(
        [(pl.col("nozzle_type") == t).cast(pl.Float64).alias(f"nozzle_{t}") for t in NOZZLE_TYPES]
    )
)
print(df.group_by("park").agg(pl.len(), pl.col("clogged").mean()).sort("len", descending=True).head(10))

df = df.with_columns(
    [((pl.col(c) - pl.col(c).mean()) / pl.col(c).std()).alias(c) for c in NUMERIC]
)

rng = np.random.default_rng(2024)
df = df.with_columns(pl.Series("is_test", rng.random(df.height) < 0.25))
train = df.filter(~pl.col("is_test"))
test = df.filter(pl.col("is_test"))

feature_cols = NUMERIC + [f"nozzle_{t}" for t in NOZZLE_TYPES]
X_train = train.select(feature_cols).to_numpy()
y_train = train["clogged"].to_numpy()
X_test = test.select(feature_cols).to_numpy()
y_test = test["clogged"].to_numpy()

clf = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"train heads: {len(y_train)}, test heads: {len(y_test)}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"Brier:   {brier_score_loss(y_test, proba):.3f}")

coefs = pl.DataFrame({"feature": feature_cols, "coef": clf.coef_[0]}).sort("coef", descending=True)
print(coefs)

# heads to send the crew to first
ranked = test.with_columns(pl.Series("p_clog", proba)).sort("p_clog", descending=True)
print(ranked.select("head_id", "park", "zone", "p_clog").head(20))
