# label: leakage/none
# Upholstery velvet lab: predict pile recovery (%) after the static-load crush
# test from the lot specification sheet, so lots can be pre-screened before testing.
import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error, r2_score

LOTS = "lab/velvet_lots.csv"
SPEC_COLS = ["pile_height_mm", "pile_density_tufts_cm2", "backing_gsm", "pile_yarn_dtex"]
CATS = ["mill", "pile_fibre", "weave", "finish"]
TARGET = "pile_recovery_pct"


def load_lots(path: str) -> pl.DataFrame:
    return (
        pl.read_csv(path, try_parse_dates=True)
        .filter(pl.col(TARGET).is_not_null() & pl.col("pile_height_mm").is_between(0.8, 6.0))
        .with_columns(
            (pl.col("pile_density_tufts_cm2") * pl.col("pile_height_mm")).alias("pile_volume_index"),
            (pl.col("pile_yarn_dtex") / pl.col("backing_gsm")).alias("yarn_to_backing"),
            pl.col("woven_on").dt.month().alias("weave_month"),
        )
    )


def mill_stats(frame: pl.DataFrame) -> pl.DataFrame:
    aggs = []
    for c in SPEC_COLS:
        aggs += [pl.col(c).mean().alias(f"{c}_mill_mean"), pl.col(c).std().alias(f"{c}_mill_std")]
    return frame.group_by("mill").agg(aggs)


def add_mill_relative(frame: pl.DataFrame, stats: pl.DataFrame) -> pl.DataFrame:
    out = frame.join(stats, on="mill", how="left")
    return out.with_columns(
        [((pl.col(c) - pl.col(f"{c}_mill_mean")) / pl.col(f"{c}_mill_std")).alias(f"{c}_rel") for c in SPEC_COLS]
    ).drop([f"{c}_mill_{s}" for c in SPEC_COLS for s in ("mean", "std")])


lots = load_lots(LOTS)
print(lots.group_by("pile_fibre").agg(pl.col(TARGET).mean().round(1), pl.len()).sort("pile_fibre"))

lots = lots.with_columns(pl.Series("u", np.random.default_rng(42).random(lots.height)))
train = lots.filter(pl.col("u") < 0.8).drop("u")
test = lots.filter(pl.col("u") >= 0.8).drop("u")

stats = mill_stats(train)
train, test = add_mill_relative(train, stats), add_mill_relative(test, stats)

FEATURES = CATS + SPEC_COLS + [f"{c}_rel" for c in SPEC_COLS] + [
    "pile_volume_index", "yarn_to_backing", "weave_month"]


def to_pandas_X(frame: pl.DataFrame):
    X = frame.select(FEATURES).to_pandas()
    for c in CATS:
        X[c] = X[c].astype("category")
    return X


X_train, y_train = to_pandas_X(train), train[TARGET].to_numpy()
X_test, y_test = to_pandas_X(test), test[TARGET].to_numpy()
X_test[CATS] = X_test[CATS].apply(
    lambda col: col.cat.set_categories(X_train[col.name].cat.categories)
)

model = lgb.LGBMRegressor(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=15,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=1.0,
    verbose=-1,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"lots: train {len(y_train)}, test {len(y_test)}")
print(f"MAE recovery %: {mean_absolute_error(y_test, pred):.2f}")
print(f"R2:             {r2_score(y_test, pred):.3f}")
gain = sorted(zip(model.booster_.feature_importance("gain"), FEATURES), reverse=True)
for g, name in gain[:10]:
    print(f"  {name:32s} {g:10.0f}")
