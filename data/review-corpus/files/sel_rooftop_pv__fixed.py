# label: leakage/none
# twin: sel_rooftop_pv__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

sites = pd.read_csv("surveys/rooftop_pv_sites_2022.csv")
sites = sites.dropna(subset=["annual_yield_kwh", "shading_pct"])
sites["azimuth_cos"] = np.cos(np.radians(sites["azimuth_deg"] - 180.0))

rng = np.random.default_rng(11)
u = rng.random(len(sites))
train = sites[u < 0.6]
val = sites[(u >= 0.6) & (u < 0.8)]
test = sites[u >= 0.8]

candidates = {
    "capacity": "annual_yield_kwh ~ capacity_kw",
    "orientation": "annual_yield_kwh ~ capacity_kw + tilt_deg + azimuth_cos",
    "shading": "annual_yield_kwh ~ capacity_kw + tilt_deg + azimuth_cos + shading_pct",
    "climate": "annual_yield_kwh ~ capacity_kw * C(climate_zone) + tilt_deg + azimuth_cos + shading_pct",
    "quadratic": (
        "annual_yield_kwh ~ capacity_kw * C(climate_zone) + tilt_deg + I(tilt_deg ** 2)"
        " + azimuth_cos + shading_pct"
    ),
}


def rmse(fit, frame):
    resid = frame["annual_yield_kwh"] - fit.predict(frame)
    return float(np.sqrt(np.mean(resid ** 2)))


results = {}
for name, formula in candidates.items():
    fit = smf.ols(formula, data=train).fit()
    results[name] = (fit, rmse(fit, val))
    print(f"{name:12s} adj.R2={fit.rsquared_adj:.3f}  RMSE={results[name][1]:.1f}")

best_name = min(results, key=lambda k: results[k][1])
best_fit, _ = results[best_name]
print(best_fit.summary())
print(f"selected model: {best_name}")
print(f"test RMSE: {rmse(best_fit, test):.1f} kWh")
