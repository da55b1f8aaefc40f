# label: leakage/none
# Next-day tour group planning for the three show caves (guides are rostered the evening before).
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
import xarray as xr

ds = xr.open_dataset("bookings/cave_daily_groups.nc")  # dims: cave, date
ds = ds.sel(date=slice("2016-03-01", "2024-10-31"))

# recent demand level per cave
ds["groups_7d"] = ds["groups"].shift(date=1).rolling(date=7, min_periods=5).mean()
ds["groups_lag7"] = ds["groups"].shift(date=7)
ds["groups_lag364"] = ds["groups"].shift(date=364)
ds["rain_3d"] = ds["fc_rain_mm"].rolling(date=3, min_periods=1).sum()

cols = [
    "groups", "groups_7d", "groups_lag7", "groups_lag364", "fc_rain_mm", "rain_3d",
    "fc_temp_max_c", "school_holiday", "coach_bookings_d1", "open_flag",
]
df = ds[cols].to_dataframe().reset_index()
df = df[df["open_flag"] == 1].dropna()
df["dow"] = df["date"].dt.dayofweek
df["month"] = df["date"].dt.month

split_date = pd.Timestamp("2023-11-01")
train = df[df["date"] < split_date]
test = df[df["date"] >= split_date]
print(f"train rows {len(train)}, test rows {len(test)}")

formula = (
    "groups ~ np.log1p(groups_7d) + np.log1p(groups_lag7) + np.log1p(groups_lag364)"
    " + C(dow) + C(month) + C(cave) + school_holiday"
    " + fc_rain_mm + rain_3d + fc_temp_max_c + np.log1p(coach_bookings_d1)"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit()
print(glm.summary())
print(f"Pearson chi2 / df: {glm.pearson_chi2 / glm.df_resid:.2f}")

test = test.assign(pred=glm.predict(test))
err = test["pred"] - test["groups"]
print(f"test MAE  {err.abs().mean():.2f} groups/day")
print(f"test bias {err.mean():+.2f} groups/day")
naive_err = test["groups_lag7"] - test["groups"]
print(f"same day last week MAE {naive_err.abs().mean():.2f}")

per_cave = test.groupby("cave").apply(
    lambda g: pd.Series({
        "days": len(g),
        "mean_groups": g["groups"].mean(),
        "mae": (g["pred"] - g["groups"]).abs().mean(),
        "guides_short_days": int((np.ceil(g["pred"] / 4) < np.ceil(g["groups"] / 4)).sum()),
    })
)
print(per_cave.round(2))
