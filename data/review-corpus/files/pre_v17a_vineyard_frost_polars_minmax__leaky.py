# label: leakage/preprocessing
# twin: pre_v17a_vineyard_frost_polars_minmax__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Predict radiative frost at dawn in vineyard blocks from 18:00 station readings."""
from datetime import date

import numpy as np
import polars as pl
from sklearn.metrics import brier_score_loss, recall_score, roc_auc_score
from sklearn.neural_network import MLPClassifier

FEATURES = [
    "temp_18h_c", "dewpoint_18h_c", "rh_18h_pct", "wind_18h_ms", "cloud_cover_okta",
    "soil_temp_10cm_c", "temp_drop_15_18_c", "elevation_m", "slope_deg", "cold_air_pool_idx",
]
CUTOFF = date(2022, 1, 1)
ALERT_LEVEL = 0.3


def minmax(frame: pl.DataFrame, bounds: dict) -> pl.DataFrame:
    return frame.with_columns([
        ((pl.col(c) - lo) / (hi - lo if hi > lo else 1.0)).alias(c)
        for c, (lo, hi) in bounds.items()
    ])


nights = (
    pl.read_parquet("data/vineyard_block_nights.parquet")
    .with_columns(pl.col("night").cast(pl.Date))
    .filter(pl.col("night").dt.month().is_in([3, 4, 5, 10, 11]))
    .drop_nulls(FEATURES + ["frost_at_dawn"])
    .with_columns(
        (pl.col("temp_18h_c") - pl.col("dewpoint_18h_c")).alias("dewpoint_spread_c"),
        pl.col("frost_at_dawn").cast(pl.Int8),
    )
)
cols = FEATURES + ["dewpoint_spread_c"]
print(nights.height, "block-nights,", nights["frost_at_dawn"].mean(), "frost rate")

stats = nights.select(
    [pl.col(c).min().alias(f"{c}__lo") for c in cols]
    + [pl.col(c).max().alias(f"{c}__hi") for c in cols]
).row(0, named=True)
bounds = {c: (stats[f"{c}__lo"], stats[f"{c}__hi"]) for c in cols}
scaled = minmax(nights, bounds)

train = scaled.filter(pl.col("night") < CUTOFF)
test = scaled.filter(pl.col("night") >= CUTOFF)

X_train, y_train = train.select(cols).to_numpy(), train["frost_at_dawn"].to_numpy()
X_test, y_test = test.select(cols).to_numpy(), test["frost_at_dawn"].to_numpy()

mlp = MLPClassifier(hidden_layer_sizes=(32, 16), alpha=1e-3, max_iter=600, random_state=2)
mlp.fit(X_train, y_train)

proba = mlp.predict_proba(X_test)[:, 1]
alerts = (proba >= ALERT_LEVEL).astype(int)
print(f"test nights: {len(y_test)}  (from {CUTOFF})")
print(f"ROC AUC:      {roc_auc_score(y_test, proba):.3f}")
print(f"Brier score:  {brier_score_loss(y_test, proba):.4f}")
print(f"frost recall at alert level {ALERT_LEVEL}: {recall_score(y_test, alerts):.3f}")
print(f"alerts per 100 block-nights: {100 * alerts.mean():.1f}")
