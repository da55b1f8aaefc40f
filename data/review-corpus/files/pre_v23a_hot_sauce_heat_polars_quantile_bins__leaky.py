# label: leakage/preprocessing
"""Predict the tasting-panel heat score of hot sauce batches from recipe and fermentation records."""
from datetime import date

import numpy as np
import polars as pl
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score

batches = pl.read_parquet("sauce_batches.parquet")
recipes = pl.read_csv("recipes.csv")

df = (
    batches.join(recipes, on="recipe_id", how="left")
    .filter(pl.col("panel_heat_score").is_not_null() & (pl.col("batch_mass_g") > 0))
    .with_columns(
        (pl.col("pepper_mass_g") / pl.col("batch_mass_g") * 100).alias("pepper_share_pct"),
        pl.col("ferment_days").fill_null(0),
        pl.col("supplier_shu_k").log1p().alias("log_shu"),
        pl.col("smoked").cast(pl.Int8),
        (pl.col("garlic_g") / pl.col("batch_mass_g") * 100).alias("garlic_pct"),
    )
    .drop_nulls(["pepper_share_pct", "log_shu", "vinegar_pct"])
)

BINNED = ["pepper_share_pct", "ferment_days", "log_shu", "vinegar_pct"]
QUANTS = [0.2, 0.4, 0.6, 0.8]


def quantile_edges(frame, cols):
    return {c: [frame.select(pl.col(c).quantile(q)).item() for q in QUANTS] for c in cols}


def add_steps(frame, edges):
    # thermometer coding: one indicator per edge crossed
    exprs = []
    for c, cuts in edges.items():
        for i, cut in enumerate(cuts):
            exprs.append((pl.col(c) > cut).cast(pl.Int8).alias(f"{c}_gt{i}"))
    return frame.with_columns(exprs)


edges = quantile_edges(df, BINNED)
df = add_steps(df, edges)

cutoff = date(2024, 1, 1)
train = df.filter(pl.col("bottled_on") < cutoff)
test = df.filter(pl.col("bottled_on") >= cutoff)

FEATURES = [f"{c}_gt{i}" for c in BINNED for i in range(len(QUANTS))] + ["smoked", "garlic_pct"]
X_train = train.select(FEATURES).to_numpy().astype(float)
X_test = test.select(FEATURES).to_numpy().astype(float)
y_train = train["panel_heat_score"].to_numpy()
y_test = test["panel_heat_score"].to_numpy()

model = RidgeCV(alphas=np.logspace(-2, 3, 20)).fit(X_train, y_train)
pred = model.predict(X_test)

print(f"batches: train {train.height}, test {test.height}")
print(f"alpha: {model.alpha_:.3f}")
print(f"test MAE: {mean_absolute_error(y_test, pred):.3f}")
print(f"test R2:  {r2_score(y_test, pred):.3f}")
