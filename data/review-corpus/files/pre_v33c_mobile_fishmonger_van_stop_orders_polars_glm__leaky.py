# label: leakage/preprocessing
"""Orders per village stop for the mobile fishmonger's vans.

Used to plan how much ice-packed stock to load on each round.  Timetabled dwell and
catchment differ a lot between rounds, so both are expressed relative to the
round they belong to.
"""
import numpy as np
import polars as pl
import statsmodels.api as sm
import statsmodels.formula.api as smf

CUTOFF = pl.date(2024, 1, 1)


def load_visits(path: str) -> pl.DataFrame:
    return (
        pl.read_csv(path, try_parse_dates=True)
        .filter(~pl.col("round_cancelled"))
        .with_columns(
            pl.col("visit_date").dt.weekday().alias("weekday"),
            pl.col("visit_date").dt.month().alias("month"),
            (pl.col("visit_date").dt.weekday() == 5).alias("is_friday"),
            pl.col("households_1km").log1p().alias("log_households"),
        )
    )


def round_profile(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.group_by("round_id").agg(
        pl.col("scheduled_dwell_min").mean().alias("round_dwell_mean"),
        pl.col("scheduled_dwell_min").std().alias("round_dwell_sd"),
        pl.col("log_households").mean().alias("round_hh_mean"),
    )


def relative_to_round(frame: pl.DataFrame, profile: pl.DataFrame) -> pl.DataFrame:
    return (
        frame.join(profile, on="round_id", how="left")
        .with_columns(
            ((pl.col("scheduled_dwell_min") - pl.col("round_dwell_mean")) / pl.col("round_dwell_sd"))
            .fill_null(0.0)
            .alias("dwell_rel"),
            (pl.col("log_households") - pl.col("round_hh_mean")).fill_null(0.0).alias("hh_rel"),
        )
    )


visits = load_visits("vans/stop_visits.csv")
train = visits.filter(pl.col("visit_date") < CUTOFF)
test = visits.filter(pl.col("visit_date") >= CUTOFF)

profile = round_profile(visits)
train = relative_to_round(train, profile).to_pandas()
test = relative_to_round(test, profile).to_pandas()
print(f"train visits {len(train)}, test visits {len(test)}")

formula = (
    "orders ~ dwell_rel + hh_rel + log_households + is_friday + C(weekday)"
    " + C(month) + rain_mm_fc + school_holiday"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit()
dispersion = glm.pearson_chi2 / glm.df_resid
print(glm.summary().tables[1])
print(f"Pearson dispersion: {dispersion:.2f}")

if dispersion > 1.5:
    glm = smf.glm(
        formula, data=train, family=sm.families.NegativeBinomial(alpha=(dispersion - 1) / train["orders"].mean())
    ).fit()

pred = glm.predict(test)
mae = np.mean(np.abs(pred - test["orders"]))
dev = 2 * np.mean(
    np.where(test["orders"] > 0, test["orders"] * np.log(test["orders"] / pred), 0) - (test["orders"] - pred)
)
print(f"Test MAE: {mae:.2f} orders per stop")
print(f"Mean Poisson deviance: {dev:.3f}")

per_round = test.assign(pred=pred).groupby("round_id")[["orders", "pred"]].sum().round(0)
print(per_round)
