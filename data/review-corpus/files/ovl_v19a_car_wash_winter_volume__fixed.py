# label: leakage/none
"""Winter demand model for the tunnel car-wash sites (road salt season)."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt

CONFIG = {
    "counts": "data/wash_counts_daily.csv",
    "weather": "data/site_weather_forecast_daily.csv",
    "train_start": "2019-10-01",
    "train_end": "2023-12-31",
    "test_start": "2024-01-01",
    "test_end": "2024-03-31",
}

FORMULA = (
    "washes ~ C(site_id) + C(dow) + C(month) + is_holiday + promo_flag"
    " + fcst_temp_max_c + fcst_precip_mm + I(fcst_precip_mm > 5) + snow_prev3_cm + dry_after_snow"
    " + np.log1p(lag7) + np.log1p(lag14) + np.log1p(roll28_lag7)"
)


def load(cfg):
    counts = pd.read_csv(cfg["counts"], parse_dates=["date"])
    weather = pd.read_csv(cfg["weather"], parse_dates=["date"])
    df = counts.merge(weather, on=["site_id", "date"], how="left")
    return df.sort_values(["site_id", "date"]).reset_index(drop=True)


def add_features(df):
    df = df.copy()
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    g = df.groupby("site_id")
    df["lag7"] = g["washes"].shift(7)
    df["lag14"] = g["washes"].shift(14)
    df["roll28_lag7"] = g["washes"].transform(lambda s: s.shift(7).rolling(28, min_periods=14).mean())
    df["snow_prev3_cm"] = g["snow_cm"].transform(lambda s: s.shift(1).rolling(3, min_periods=1).sum())
    df["dry_after_snow"] = ((df["snow_prev3_cm"] > 2) & (df["fcst_precip_mm"] < 0.5)).astype(int)
    return df.dropna(subset=["lag7", "lag14", "roll28_lag7"])


def window(df, start, end):
    return df[(df["date"] >= start) & (df["date"] <= end)]


def mape_by_site(frame):
    err = (frame["washes"] - frame["pred"]).abs() / frame["washes"].clip(lower=1)
    return err.groupby(frame["site_id"]).mean()


data = add_features(load(CONFIG))
train = window(data, CONFIG["train_start"], CONFIG["train_end"])
test = window(data, CONFIG["test_start"], CONFIG["test_end"])
print(f"train {train['date'].min().date()} .. {train['date'].max().date()}  ({len(train)} rows)")
print(f"test  {test['date'].min().date()} .. {test['date'].max().date()}  ({len(test)} rows)")

nb = smf.glm(FORMULA, data=train, family=sm.families.NegativeBinomial(alpha=0.15)).fit()
print(nb.summary().tables[1])

test = test.assign(pred=nb.predict(test))
site_mape = mape_by_site(test)
overall = (test["washes"] - test["pred"]).abs().sum() / test["washes"].sum()
print(site_mape.round(3))
print(f"test WAPE {overall:.3f}, median site MAPE {site_mape.median():.3f}")

weekly = test.set_index("date").groupby("site_id")[["washes", "pred"]].resample("W").sum()
fig, ax = plt.subplots(figsize=(10, 4))
top_site = test.groupby("site_id")["washes"].sum().idxmax()
weekly.loc[top_site].plot(ax=ax, title=f"site {top_site}: weekly washes")
plt.tight_layout()
plt.show()
