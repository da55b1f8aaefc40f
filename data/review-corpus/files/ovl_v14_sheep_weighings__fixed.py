# label: leakage/none
# twin: ovl_v14_sheep_weighings__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Estimate live weight of sheep from tape measurements, for flocks that have no scale."""
import numpy as np
import polars as pl
import statsmodels.formula.api as smf

WEIGHINGS = "data/flock/weighings_2021_2023.parquet"  # one row per animal per weighing session
ANIMALS = "data/flock/animals.csv"
TEST_FRACTION = 0.2
SEED = 21

FORMULA = (
    "np.log(weight_kg) ~ np.log(heart_girth_cm) + np.log(body_length_cm) "
    "+ withers_height_cm + C(breed) + C(sex) + age_months + I(age_months ** 2) + bcs"
)


def load():
    w = pl.read_parquet(WEIGHINGS)
    a = pl.read_csv(ANIMALS, try_parse_dates=True)
    return (
        w.join(a, on="animal_id", how="inner")
        .with_columns(
            ((pl.col("weigh_date") - pl.col("birth_date")).dt.total_days() / 30.44).alias("age_months")
        )
        .filter(pl.col("weight_kg").is_between(5, 160))
        .drop_nulls(["heart_girth_cm", "body_length_cm", "withers_height_cm", "bcs", "age_months"])
    )


def split(df, frac, seed):
    animals = df.get_column("animal_id").unique().sort()
    test_ids = animals.sample(fraction=frac, seed=seed)
    is_test = pl.col("animal_id").is_in(test_ids.to_list())
    return df.filter(~is_test), df.filter(is_test)


def evaluate(fit, test):
    pdf = test.to_pandas()
    pred = np.exp(fit.predict(pdf)) * np.exp(fit.mse_resid / 2)  # lognormal retransformation
    err = pred - pdf["weight_kg"]
    return {
        "mae_kg": round(float(np.abs(err).mean()), 3),
        "mape_pct": round(float((np.abs(err) / pdf["weight_kg"]).mean() * 100), 2),
        "n_test_rows": test.height,
        "n_test_animals": test["animal_id"].n_unique(),
    }


if __name__ == "__main__":
    df = load()
    print(df.group_by("breed").agg(pl.len(), pl.col("weight_kg").mean()).sort("breed"))
    train, test = split(df, TEST_FRACTION, SEED)
    fit = smf.ols(FORMULA, data=train.to_pandas()).fit()
    print(fit.summary().tables[1])
    print(f"R2 (train) = {fit.rsquared:.3f}")
    print(evaluate(fit, test))
