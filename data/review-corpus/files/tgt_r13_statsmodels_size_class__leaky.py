# label: leakage/target
# twin: tgt_r13_statsmodels_size_class__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""OLS model of log final burned area from conditions at detection, 2012-2021 fires."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

SIZE_BINS = [0, 0.1, 4, 40, 120, 400, 2000, np.inf]  # hectares, NWCG-style classes A-G
FORMULA = (
    "log_area ~ wind_kmh + rh_pct + temp_c + slope_deg + np.log1p(initial_area_ha)"
    " + dist_road_km + C(fuel_model) + C(size_class)"
)

fires = pd.read_csv("data/fires_2012_2021.csv", parse_dates=["detected_at"])
fires = fires.dropna(subset=["wind_kmh", "rh_pct", "temp_c", "slope_deg", "initial_area_ha",
                             "dist_road_km", "fuel_model", "final_area_ha"])
fires["log_area"] = np.log1p(fires["final_area_ha"])
fires["size_class"] = pd.cut(fires["final_area_ha"], bins=SIZE_BINS, labels=list("ABCDEFG"))
fires["year"] = fires["detected_at"].dt.year

train = fires[fires["year"] <= 2019]
test = fires[fires["year"] >= 2020]

ols = smf.ols(FORMULA, data=train).fit(cov_type="HC3")
print(ols.summary().tables[1])
print(f"train adj. R2: {ols.rsquared_adj:.3f}")

test = test.assign(pred=ols.predict(test))
test = test.assign(abs_err=(test["pred"] - test["log_area"]).abs())
print(f"2020-2021 test MAE (log ha): {test['abs_err'].mean():.3f}")
print("error by final size class:")
print(test.groupby("size_class", observed=True)["abs_err"].agg(["mean", "size"]).round(3))
