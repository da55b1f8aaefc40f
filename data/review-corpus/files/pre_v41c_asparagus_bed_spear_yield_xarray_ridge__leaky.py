# label: leakage/preprocessing
"""Spear yield per asparagus bed from spring soil conditions.

Soil probes log hourly under every bed; harvest weights are recorded per bed per season.
Seasons up to 2021 are used to fit, 2022-2024 to evaluate.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score

LAST_TRAIN_YEAR = 2021
FEATURES = ["soil_gdd", "moisture_mean", "moisture_min", "rain_total", "frost_nights", "crown_age"]


def spring_features(ds):
    """Aggregate March-May probe data into one value per bed and season."""
    spring = ds.sel(time=ds["time.month"].isin([3, 4, 5]))
    daily = spring.resample(time="1D").mean()
    by_year = daily.groupby("time.year")
    feats = xr.Dataset(
        {
            "soil_gdd": (daily["soil_temp_c"] - 10).clip(min=0).groupby("time.year").sum("time"),
            "moisture_mean": by_year.mean("time")["soil_vwc"],
            "moisture_min": by_year.min("time")["soil_vwc"],
            "rain_total": spring["rain_mm"].groupby("time.year").sum("time"),
            "frost_nights": (spring["air_temp_c"].resample(time="1D").min() < 0)
            .groupby("time.year")
            .sum("time"),
        }
    )
    return feats


probes = xr.open_dataset("beds/soil_probes_hourly.nc")  # dims: bed, time
beds = pd.read_csv("beds/bed_register.csv")  # bed, planted_year, variety
harvest = pd.read_csv("beds/harvest_by_season.csv")  # bed, year, spear_kg_per_m2

feats = spring_features(probes)
feats["crown_age"] = feats["year"] - xr.DataArray(
    beds.set_index("bed")["planted_year"].reindex(feats["bed"].values).values, dims="bed"
)
feats = feats.where(feats["crown_age"] >= 3)  # beds are not cut before their third spring

# standardise each feature before the linear fit
clim_mean = feats.mean(dim=("bed", "year"))
clim_std = feats.std(dim=("bed", "year"))
z = (feats - clim_mean) / clim_std

table = (
    z.to_dataframe()
    .reset_index()
    .merge(harvest, on=["bed", "year"], how="inner")
    .dropna(subset=FEATURES + ["spear_kg_per_m2"])
)

train = table[table["year"] <= LAST_TRAIN_YEAR]
test = table[table["year"] > LAST_TRAIN_YEAR]
print(f"train bed-seasons: {len(train)}, test bed-seasons: {len(test)}")

model = Ridge(alpha=3.0)
model.fit(train[FEATURES], train["spear_kg_per_m2"])

pred = model.predict(test[FEATURES])
print(f"MAE: {mean_absolute_error(test['spear_kg_per_m2'], pred):.3f} kg/m2")
print(f"R2:  {r2_score(test['spear_kg_per_m2'], pred):.3f}")
for name, coef in sorted(zip(FEATURES, model.coef_), key=lambda t: -abs(t[1])):
    print(f"  {name:>14s} {coef:+.3f}")

per_year = test.assign(err=np.abs(pred - test["spear_kg_per_m2"])).groupby("year")["err"].mean()
print(per_year.round(3))
