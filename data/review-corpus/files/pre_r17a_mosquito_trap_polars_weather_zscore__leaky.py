# label: leakage/preprocessing
# twin: pre_r17a_mosquito_trap_polars_weather_zscore__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
# Weekly Culex trap counts vs. weather: negative-binomial GLM for the vector-control team.
# Apache-2.0
import numpy as np
import polars as pl
import statsmodels.api as sm
import matplotlib.pyplot as plt

TRAPS = "surveillance/trap_weekly.parquet"
WEATHER = "surveillance/station_weekly_weather.parquet"
TEST_YEARS = [2023]

WEATHER_COLS = ["tmean_c", "tmin_c", "precip_mm", "precip_lag2_mm", "rel_humidity", "degree_days_18"]
SITE_COLS = ["pct_impervious", "dist_water_m", "catch_basins_500m"]
SCALE_COLS = WEATHER_COLS + SITE_COLS


def load() -> pl.DataFrame:
    traps = pl.read_parquet(TRAPS)
    wx = pl.read_parquet(WEATHER)
    df = traps.join(wx, on=["station_id", "epi_week_start"], how="left")
    df = df.sort(["trap_id", "epi_week_start"]).with_columns(
        pl.col("epi_week_start").dt.year().alias("year"),
        pl.col("epi_week_start").dt.week().alias("epi_week"),
        pl.col("culex_count").shift(1).over("trap_id").alias("count_prev_wk"),
    )
    return df.drop_nulls(subset=SCALE_COLS + ["count_prev_wk", "culex_count"])


def zscore(df: pl.DataFrame, cols, stats: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        [((pl.col(c) - stats[f"{c}_mean"][0]) / stats[f"{c}_std"][0]).alias(c) for c in cols]
    )


def design(df: pl.DataFrame):
    X = df.select(SCALE_COLS).to_numpy()
    season = df.select(
        (2 * np.pi * pl.col("epi_week") / 52).sin().alias("s1"),
        (2 * np.pi * pl.col("epi_week") / 52).cos().alias("c1"),
    ).to_numpy()
    log_prev = np.log1p(df["count_prev_wk"].to_numpy())[:, None]
    trap_nights = np.log(df["trap_nights"].to_numpy())
    return sm.add_constant(np.hstack([X, season, log_prev])), trap_nights


df = load()
stats = df.select(
    [pl.col(c).mean().alias(f"{c}_mean") for c in SCALE_COLS]
    + [pl.col(c).std().alias(f"{c}_std") for c in SCALE_COLS]
)
df = zscore(df, SCALE_COLS, stats)

train = df.filter(~pl.col("year").is_in(TEST_YEARS))
test = df.filter(pl.col("year").is_in(TEST_YEARS))
print(f"train rows {train.height}, test rows {test.height}, traps {df['trap_id'].n_unique()}")

X_tr, off_tr = design(train)
X_te, off_te = design(test)
y_tr = train["culex_count"].to_numpy()
y_te = test["culex_count"].to_numpy()

glm = sm.GLM(y_tr, X_tr, family=sm.families.NegativeBinomial(alpha=0.8), offset=off_tr)
res = glm.fit()
names = ["const"] + SCALE_COLS + ["sin_wk", "cos_wk", "log_prev"]
print(res.summary(xname=names))

mu = res.predict(X_te, offset=off_te)
mae = np.mean(np.abs(mu - y_te))
rmsle = np.sqrt(np.mean((np.log1p(mu) - np.log1p(y_te)) ** 2))
dev = sm.families.NegativeBinomial(alpha=0.8).deviance(y_te, mu) / len(y_te)
print(f"{TEST_YEARS}: MAE {mae:.2f}  RMSLE {rmsle:.3f}  mean deviance {dev:.3f}")

weekly = (
    test.with_columns(pl.Series("pred", mu))
    .group_by("epi_week_start")
    .agg(pl.col("culex_count").sum(), pl.col("pred").sum())
    .sort("epi_week_start")
)
plt.figure(figsize=(9, 3.5))
plt.plot(weekly["epi_week_start"], weekly["culex_count"], label="observed")
plt.plot(weekly["epi_week_start"], weekly["pred"], label="GLM")
plt.legend()
plt.title("Total Culex per week, held-out season")
plt.tight_layout()
plt.savefig("culex_glm_holdout.png")
