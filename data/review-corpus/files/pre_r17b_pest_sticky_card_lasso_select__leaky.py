# label: leakage/preprocessing
# twin: pre_r17b_pest_sticky_card_lasso_select__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Weekly codling moth catch per sticky card - which weather windows matter?"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import LassoCV, PoissonRegressor
from sklearn.model_selection import GroupKFold, cross_validate

CARDS = "ipm/sticky_card_counts.csv"
WEATHER = "ipm/station_hourly_agg.parquet"
WINDOWS = [3, 7, 14, 21]
WEATHER_VARS = ["temp_c", "rh_pct", "wind_ms", "rain_mm", "dusk_temp_c", "leaf_wet_h"]


def weather_windows(w):
    """Trailing-window summaries ending the day the card was hung."""
    w = w.sort_values(["station_id", "date"]).set_index("date")
    parts = []
    for station, g in w.groupby("station_id"):
        daily = g[WEATHER_VARS].resample("D").mean()
        feats = {}
        for k in WINDOWS:
            roll = daily.rolling(k, min_periods=max(1, k // 2))
            for v in WEATHER_VARS:
                feats[f"{v}_mean_{k}d"] = roll[v].mean()
                feats[f"{v}_max_{k}d"] = roll[v].max()
        f = pd.DataFrame(feats)
        f["station_id"] = station
        parts.append(f.reset_index())
    return pd.concat(parts, ignore_index=True)


cards = pd.read_csv(CARDS, parse_dates=["hung_date"])
weather = pd.read_parquet(WEATHER)
wfeat = weather_windows(weather)

df = cards.merge(wfeat, left_on=["station_id", "hung_date"], right_on=["station_id", "date"], how="inner")
df["lure_age_d"] = (df["hung_date"] - df["lure_changed"].pipe(pd.to_datetime)).dt.days
df["doy"] = df["hung_date"].dt.dayofyear
df["sin_doy"] = np.sin(2 * np.pi * df["doy"] / 365.25)
df["cos_doy"] = np.cos(2 * np.pi * df["doy"] / 365.25)

site_cols = ["canopy_height_m", "edge_distance_m", "lure_age_d", "days_since_spray",
             "cum_degree_days", "sin_doy", "cos_doy", "mating_disruption"]
wcols = [c for c in wfeat.columns if c not in ("station_id", "date")]
X = df[site_cols + wcols].fillna(0.0)
y = df["moth_count"]
groups = df["orchard_id"]
print(X.shape, "mean catch", y.mean().round(2))

selector = make_pipeline(StandardScaler(), SelectFromModel(LassoCV(cv=5, random_state=0)))
selector.fit(X, np.log1p(y))
kept = X.columns[selector[-1].get_support()]
print(f"kept {len(kept)} of {X.shape[1]} features")
X_sel = X[kept]

model = make_pipeline(StandardScaler(), PoissonRegressor(alpha=1e-3, max_iter=1000))
cv = GroupKFold(n_splits=5)
res = cross_validate(model, X_sel, y, groups=groups, cv=cv,
                     scoring=["neg_mean_poisson_deviance", "neg_mean_absolute_error"])
print("Poisson deviance: %.3f +- %.3f" % (-res["test_neg_mean_poisson_deviance"].mean(),
                                          res["test_neg_mean_poisson_deviance"].std()))
print("MAE (moths/card): %.3f" % -res["test_neg_mean_absolute_error"].mean())

model.fit(X_sel, y)
coefs = pd.Series(model[-1].coef_, index=X_sel.columns).sort_values()
coefs.plot.barh(figsize=(6, 8))
plt.title("Poisson GLM coefficients (standardised)")
plt.tight_layout()
plt.savefig("moth_glm_coefs.png")
