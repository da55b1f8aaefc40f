# label: leakage/none
"""Estimate race velocity (metres per minute) for young racing pigeons that have not yet been raced."""
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupKFold
from xgboost import XGBRegressor

results = pd.read_csv("club_race_results.csv", parse_dates=["race_date", "hatch_date"])
birds = pd.read_csv("loft_register.csv")
weather = pd.read_csv("liberation_weather.csv", parse_dates=["race_date"])

df = (results.merge(birds, on="ring_number", how="left")
             .merge(weather, on=["race_point", "race_date"], how="left"))
df = df[df["status"] == "clocked"].copy()
df = df.dropna(subset=["velocity_m_min", "distance_km"])

df["age_days"] = (df["race_date"] - df["hatch_date"]).dt.days
df["headwind_kmh"] = df["wind_speed_kmh"] * np.cos(np.deg2rad(df["wind_dir_deg"] - df["course_bearing_deg"]))
df["crosswind_kmh"] = np.abs(df["wind_speed_kmh"] * np.sin(np.deg2rad(df["wind_dir_deg"] - df["course_bearing_deg"])))
df["is_cock"] = (df["sex"] == "C").astype(int)
df["widowhood"] = (df["system"] == "widowhood").astype(int)
df["loft_code"] = df["loft_id"].astype(int)
strain_codes = {"janssen": 0, "van den abeele": 1, "busschaert": 2, "sion": 3, "stichelbaut": 4}
df["strain_code"] = df["strain"].str.lower().str.strip().map(strain_codes).fillna(5)

features = ["distance_km", "headwind_kmh", "crosswind_kmh", "temp_c", "cloud_cover_pct", "liberation_hour",
            "age_days", "weight_g", "wing_length_mm", "is_cock", "widowhood", "loft_code", "strain_code",
            "basket_hours"]

X = df[features].to_numpy(dtype=float)
y = df["velocity_m_min"].to_numpy()
groups = df["ring_number"].to_numpy()
print(f"{len(df)} clocked arrivals from {df['ring_number'].nunique()} birds")

params = dict(n_estimators=600, learning_rate=0.03, max_depth=6, subsample=0.8,
              colsample_bytree=0.8, min_child_weight=3, reg_lambda=2.0)

folds = GroupKFold(n_splits=5)
maes, r2s = [], []
for k, (tr, va) in enumerate(folds.split(X, y, groups)):
    model = XGBRegressor(**params, random_state=k)
    model.fit(X[tr], y[tr])
    pred = model.predict(X[va])
    maes.append(mean_absolute_error(y[va], pred))
    r2s.append(r2_score(y[va], pred))
    print(f"fold {k}: mae={maes[-1]:.1f} m/min  r2={r2s[-1]:.3f}")

print(f"\nCV MAE {np.mean(maes):.1f} +/- {np.std(maes):.1f} m/min,  R2 {np.mean(r2s):.3f}")

final = XGBRegressor(**params, random_state=0).fit(X, y)
gain = pd.Series(final.get_booster().get_score(importance_type="gain"))
gain.index = [features[int(i[1:])] for i in gain.index]
print(gain.sort_values(ascending=False).head(8).round(1))
