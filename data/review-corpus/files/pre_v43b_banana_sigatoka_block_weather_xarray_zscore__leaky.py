# label: leakage/preprocessing
"""Weekly black Sigatoka severity on banana farm blocks.

Weather comes from the block stations as daily values on a time x block
grid; severity is the weekly Stover index scored by the field team.
"""
import numpy as np
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

ENV_VARS = ["rainfall_mm", "rel_humidity", "leaf_wetness_h", "air_temp", "solar_rad"]
SPLIT_DATE = "2022-07-01"


def rolling_conditions(ds):
    """Two-week mean conditions ending on each day."""
    return ds[ENV_VARS].rolling(time=14, min_periods=10).mean()


def standardise(env, ref):
    """Per-block z-scores so wet and dry blocks share a scale."""
    mean = ref.mean("time")
    std = ref.std("time")
    return (env - mean) / std


def to_table(ds, env_z):
    frame = env_z.rename({v: f"{v}_z" for v in ENV_VARS}).to_dataframe()
    frame["air_temp_raw"] = ds["air_temp"].rolling(time=14, min_periods=10).mean().to_series()
    frame["severity"] = ds["stover_index"].to_series()
    sprayed = ds["fungicide_cycle"].shift(time=1).rolling(time=21, min_periods=1).max()
    frame["sprayed_last_21d"] = sprayed.to_series()
    frame = frame.reset_index()
    block_info = ds[["plant_density", "altitude_m", "drainage_class"]].to_dataframe()
    frame = frame.merge(block_info.reset_index(), on="block", how="left")
    frame["doy_sin"] = np.sin(2 * np.pi * frame["time"].dt.dayofyear / 365.25)
    frame["doy_cos"] = np.cos(2 * np.pi * frame["time"].dt.dayofyear / 365.25)
    return frame.dropna(subset=["severity", "air_temp_z"])


def main():
    ds = xr.open_dataset("banana_block_weather.nc")
    env = rolling_conditions(ds)
    env_z = standardise(env, env)
    table = to_table(ds, env_z)

    features = [f"{v}_z" for v in ENV_VARS] + [
        "air_temp_raw", "sprayed_last_21d", "plant_density",
        "altitude_m", "drainage_class", "doy_sin", "doy_cos",
    ]
    train = table[table["time"] < SPLIT_DATE]
    test = table[table["time"] >= SPLIT_DATE]
    print(f"train scores: {len(train)}, test scores: {len(test)}")

    model = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=15,
        l2_regularization=1.0, random_state=0,
    )
    model.fit(train[features], train["severity"])
    pred = model.predict(test[features])

    print(f"test MAE: {mean_absolute_error(test['severity'], pred):.2f} index points")
    print(f"test R2:  {r2_score(test['severity'], pred):.3f}")
    high = test["severity"] >= 25
    print(f"weeks above spray trigger in test: {high.mean():.1%}, "
          f"predicted above trigger: {(pred >= 25).mean():.1%}")


if __name__ == "__main__":
    main()
