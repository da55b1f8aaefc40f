# label: leakage/preprocessing
"""Daily coefficient of performance of domestic air-source heat pumps.

Monitoring data from the retrofit trial: one row per installation per day.
The model is used to spot installations that underperform for their weather,
so it is evaluated on installations it has not seen.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler

daily = pd.read_parquet("data/ashp_trial/daily_summary.parquet")
sites = pd.read_csv("data/ashp_trial/installations.csv")
daily = daily.merge(sites, on="install_id", how="inner")

daily = daily[(daily["heat_out_kwh"] > 2) & (daily["elec_in_kwh"] > 0.5)]
daily["cop"] = daily["heat_out_kwh"] / daily["elec_in_kwh"]
daily = daily[daily["cop"].between(0.8, 7.0)].reset_index(drop=True)

daily["lift_k"] = daily["flow_temp_mean"] - daily["outdoor_temp_mean"]
daily["defrost_share"] = daily["defrost_minutes"] / (24 * 60)

SPLINE = ["outdoor_temp_mean", "flow_temp_mean", "lift_k"]
SCALE = ["rel_humidity_mean", "defrost_share", "dhw_cycles", "run_hours", "starts", "rated_kw",
         "floor_area_m2", "emitter_oversize"]
CATS = ["manufacturer", "emitter_type", "property_age_band"]

prep = ColumnTransformer([
    ("spl", SplineTransformer(n_knots=7, degree=3, knots="quantile", extrapolation="linear"), SPLINE),
    ("num", StandardScaler(), SCALE),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATS),
], verbose_feature_names_out=False)

X_all = prep.fit_transform(daily)
y_all = daily["cop"].to_numpy()
print("design matrix:", X_all.shape)

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=12)
train_idx, test_idx = next(gss.split(X_all, y_all, groups=daily["install_id"]))
print(daily.loc[train_idx, "install_id"].nunique(), "train installations,",
      daily.loc[test_idx, "install_id"].nunique(), "test installations")

ridge = RidgeCV(alphas=np.logspace(-3, 3, 25))
ridge.fit(X_all[train_idx], y_all[train_idx])
print("alpha:", ridge.alpha_)

pred = ridge.predict(X_all[test_idx])
print(f"test MAE: {mean_absolute_error(y_all[test_idx], pred):.3f}")
print(f"test R2 : {r2_score(y_all[test_idx], pred):.3f}")

# installations running well below what the weather explains
test_days = daily.loc[test_idx, ["install_id", "cop"]].assign(expected=pred)
test_days["ratio"] = test_days["cop"] / test_days["expected"]
per_site = test_days.groupby("install_id")["ratio"].median().sort_values()
print(per_site.head(15))

# response curve over outdoor temperature for a typical day
grid = daily.loc[train_idx].median(numeric_only=True).to_frame().T
grid = pd.concat([grid] * 41, ignore_index=True)
grid["outdoor_temp_mean"] = np.linspace(-10, 15, 41)
grid["lift_k"] = grid["flow_temp_mean"] - grid["outdoor_temp_mean"]
for c in CATS:
    grid[c] = daily.loc[train_idx, c].mode().iat[0]
curve = pd.DataFrame({"outdoor": grid["outdoor_temp_mean"], "cop": ridge.predict(prep.transform(grid))})
curve.to_csv("reports/cop_vs_outdoor.csv", index=False)
