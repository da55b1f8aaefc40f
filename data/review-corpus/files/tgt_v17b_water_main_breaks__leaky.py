# label: leakage/target
# twin: tgt_v17b_water_main_breaks__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

SPLIT_DATE = "2023-07-01"


def load_daily(path):
    raw = pd.read_csv(path, parse_dates=["report_date"])
    raw = raw[raw["asset_type"] == "distribution_main"]
    daily = (
        raw.groupby(["district", "report_date"])
        .size()
        .rename("breaks")
        .reset_index()
    )
    districts = daily["district"].unique()
    full_index = pd.MultiIndex.from_product(
        [districts, pd.date_range(daily["report_date"].min(), daily["report_date"].max(), freq="D")],
        names=["district", "report_date"],
    )
    return daily.set_index(["district", "report_date"]).reindex(full_index, fill_value=0).reset_index()


def add_weather(daily, weather_path):
    wx = pd.read_csv(weather_path, parse_dates=["date"]).rename(columns={"date": "report_date"})
    wx["freeze_thaw"] = ((wx["tmin_c"] < 0) & (wx["tmax_c"] > 0)).astype(int)
    wx["tmin_drop_3d"] = wx["tmin_c"].diff(3)
    wx["frost_depth_idx"] = wx["tmin_c"].clip(upper=0).rolling(14, min_periods=1).sum()
    return daily.merge(wx[["report_date", "tmin_c", "freeze_thaw", "tmin_drop_3d", "frost_depth_idx", "precip_mm"]],
                       on="report_date", how="left")


daily = load_daily("data/work_orders_main_breaks.csv")
daily = add_weather(daily, "data/airport_daily_weather.csv")
assets = pd.read_csv("data/district_pipe_inventory.csv")
daily = daily.merge(assets[["district", "km_main", "median_install_year", "cast_iron_share"]], on="district")

daily = daily.sort_values(["district", "report_date"])
daily["breaks_7d_mean"] = daily.groupby("district")["breaks"].transform(
    lambda s: s.rolling(7, min_periods=1).mean()
)
daily["month"] = daily["report_date"].dt.month
daily["dow"] = daily["report_date"].dt.dayofweek
daily["log_km"] = np.log(daily["km_main"])
daily = daily.dropna(subset=["tmin_drop_3d"])

train = daily[daily["report_date"] < SPLIT_DATE]
test = daily[daily["report_date"] >= SPLIT_DATE]

formula = (
    "breaks ~ breaks_7d_mean + tmin_c + freeze_thaw + tmin_drop_3d + frost_depth_idx"
    " + precip_mm + cast_iron_share + median_install_year + C(month) + C(dow)"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson(), offset=train["log_km"]).fit()
print(glm.summary().tables[1])

mu = glm.predict(test, offset=test["log_km"])
mae = np.abs(test["breaks"] - mu).mean()
dev = sm.families.Poisson().deviance(test["breaks"].to_numpy(), mu.to_numpy())
null_mu = np.full(len(test), train["breaks"].mean())
null_dev = sm.families.Poisson().deviance(test["breaks"].to_numpy(), null_mu)
print(f"test MAE (breaks/day/district): {mae:.3f}")
print(f"test deviance explained: {1 - dev / null_dev:.3f}")

weekly = test.assign(pred=mu).groupby(pd.Grouper(key="report_date", freq="W"))[["breaks", "pred"]].sum()
print(weekly.tail(12).round(1))
