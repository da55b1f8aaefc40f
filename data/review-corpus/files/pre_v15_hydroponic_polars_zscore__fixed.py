# label: leakage/none
# twin: pre_v15_hydroponic_polars_zscore__leaky.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Predict lettuce fresh weight per hydroponic grow batch from nutrient-solution telemetry (polars)."""
import polars as pl
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score

BATCHES = "data/hydroponics/grow_batches.parquet"
NUMERIC = ["ec_ms_cm_mean", "ph_mean", "ph_std", "water_temp_c", "dissolved_o2_mg_l",
           "ppfd_umol_m2_s", "photoperiod_h", "root_zone_temp_c", "co2_ppm", "days_to_harvest"]
TARGET = "fresh_weight_g"
SEED = 8
TEST_SHARE = 0.2


def column_stats(frame):
    """Per-column mean and standard deviation as a flat dict."""
    return frame.select(
        [pl.col(c).mean().alias(f"{c}_mean") for c in NUMERIC]
        + [pl.col(c).std().alias(f"{c}_std") for c in NUMERIC]
    ).row(0, named=True)


def zscore_exprs(stats):
    return [((pl.col(c) - stats[f"{c}_mean"]) / stats[f"{c}_std"]).alias(c) for c in NUMERIC]


def load():
    return (
        pl.read_parquet(BATCHES)
        .filter(pl.col("harvested") & (pl.col("trays") > 0))
        .drop_nulls(NUMERIC + [TARGET])
        .unique(subset="batch_id", keep="first", maintain_order=True)
    )


def to_xy(frame):
    return frame.select(NUMERIC).to_numpy(), frame.get_column(TARGET).to_numpy()


def main():
    batches = load().sample(fraction=1.0, shuffle=True, seed=SEED)
    n_test = int(TEST_SHARE * batches.height)
    test, train = batches.head(n_test), batches.tail(batches.height - n_test)
    stats = column_stats(train)
    train, test = train.with_columns(zscore_exprs(stats)), test.with_columns(zscore_exprs(stats))

    X_tr, y_tr = to_xy(train)
    X_te, y_te = to_xy(test)
    model = RidgeCV(alphas=[0.01, 0.1, 1.0, 10.0, 100.0]).fit(X_tr, y_tr)
    pred = model.predict(X_te)
    print(f"alpha={model.alpha_:g}  test MAE {mean_absolute_error(y_te, pred):.1f} g"
          f"  R2 {r2_score(y_te, pred):.3f}  (n_test={len(y_te)})")

    coefs = pl.DataFrame({"feature": NUMERIC, "std_coef": model.coef_}).sort(
        pl.col("std_coef").abs(), descending=True
    )
    print(coefs)


if __name__ == "__main__":
    main()
