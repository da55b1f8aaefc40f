# label: leakage/overlap
"""Formation temperature from wireline logs, geothermal exploration wells.

Each row is a 10 m depth interval of one well with the log responses averaged
over the interval and the equilibrated temperature from the DTS survey.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.model_selection import KFold
from sklearn.metrics import mean_squared_error, r2_score

LOG_COLUMNS = ["gamma_api", "resistivity_ohmm", "density_gcc", "neutron_porosity", "sonic_us_ft", "caliper_in"]
PARAMS = {
    "n_estimators": 800,
    "max_depth": 6,
    "learning_rate": 0.03,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 5,
    "reg_lambda": 2.0,
    "tree_method": "hist",
}


class IntervalTable:
    def __init__(self, logs_path, wells_path):
        self.logs = pd.read_csv(logs_path)
        self.wells = pd.read_csv(wells_path)

    def build(self):
        df = self.logs.merge(self.wells, on="well_id", how="left", validate="many_to_one")
        df = df[df["caliper_in"] < 14]  # washed-out intervals give unreliable density
        df["log_resistivity"] = np.log10(df["resistivity_ohmm"].clip(lower=0.1))
        df["depth_km"] = df["depth_m"] / 1000.0
        df["tvd_km"] = df["depth_km"] * np.cos(np.radians(df["inclination_deg"]))
        df["elevation_km"] = df["kb_elevation_m"] / 1000.0
        df["dist_fault_km"] = df["distance_to_fault_m"] / 1000.0
        df["altered_clay"] = (df["gamma_api"] > 90) & (df["resistivity_ohmm"] < 5)
        return df.dropna(subset=LOG_COLUMNS + ["temperature_c"]).reset_index(drop=True)


table = IntervalTable("data/well_log_intervals.csv", "data/well_headers.csv").build()
features = LOG_COLUMNS + ["log_resistivity", "depth_km", "tvd_km", "elevation_km",
                          "dist_fault_km", "altered_clay", "surface_heat_flow_mwm2"]
X = table[features].astype(float).to_numpy()
y = table["temperature_c"].to_numpy()
wells = table["well_id"].to_numpy()
print(f"{len(table)} intervals from {table['well_id'].nunique()} wells")

cv = KFold(n_splits=5, shuffle=True, random_state=42)
oof = np.zeros_like(y)
fold_rows = []
for fold, (tr, te) in enumerate(cv.split(X)):
    model = xgb.XGBRegressor(**PARAMS, random_state=fold)
    model.fit(X[tr], y[tr])
    oof[te] = model.predict(X[te])
    rmse = mean_squared_error(y[te], oof[te]) ** 0.5
    fold_rows.append({"fold": fold, "rmse": rmse, "r2": r2_score(y[te], oof[te]),
                      "n_wells_eval": len(np.unique(wells[te]))})
    print(f"fold {fold}: rmse {rmse:.2f} C")

folds = pd.DataFrame(fold_rows)
print(folds.round(3))
print(f"CV RMSE {folds['rmse'].mean():.2f} +/- {folds['rmse'].std():.2f} C")

table["oof_pred"] = oof
table["abs_err"] = (table["temperature_c"] - oof).abs()
worst = table.groupby("well_id")["abs_err"].mean().sort_values(ascending=False)
print("wells with largest mean error:")
print(worst.head(10).round(2))

fig, axes = plt.subplots(1, 2, figsize=(11, 5))
axes[0].scatter(y, oof, s=4, alpha=0.4)
axes[0].plot([y.min(), y.max()], [y.min(), y.max()], "k--", lw=1)
axes[0].set_xlabel("measured temperature (C)")
axes[0].set_ylabel("out-of-fold prediction (C)")
sample_well = worst.index[0]
w = table[table["well_id"] == sample_well]
axes[1].plot(w["temperature_c"], w["depth_m"], label="DTS")
axes[1].plot(w["oof_pred"], w["depth_m"], label="model")
axes[1].invert_yaxis()
axes[1].set_title(sample_well)
axes[1].legend()
plt.tight_layout()
plt.savefig("geothermal_cv.png", dpi=110)
