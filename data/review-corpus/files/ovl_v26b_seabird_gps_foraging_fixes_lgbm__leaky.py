# label: leakage/overlap
"""Classify GPS fixes from tagged shearwaters as foraging or commuting using track-shape features."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

EARTH_R_KM = 6371.0


def haversine_km(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_R_KM * np.arcsin(np.sqrt(a))


def bearing_deg(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    x = np.sin(lon2 - lon1) * np.cos(lat2)
    y = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(lon2 - lon1)
    return np.degrees(np.arctan2(x, y)) % 360


fixes = pd.read_parquet("shearwater_gps_fixes.parquet")
birds = pd.read_csv("tagged_birds.csv")          # bird_id, colony, sex, mass_g
colonies = pd.read_csv("colonies.csv")           # colony, colony_lat, colony_lon

df = (fixes.merge(birds, on="bird_id", how="left")
           .merge(colonies, on="colony", how="left"))
df = df[df["hdop"] < 5].dropna(subset=["lat", "lon", "behaviour"])
df = df.sort_values(["trip_id", "timestamp"]).reset_index(drop=True)

g = df.groupby("trip_id")
prev_lat, prev_lon = g["lat"].shift(), g["lon"].shift()
dt_h = g["timestamp"].diff().dt.total_seconds() / 3600
df["step_km"] = haversine_km(prev_lat, prev_lon, df["lat"], df["lon"])
df["speed_kmh"] = df["step_km"] / dt_h
df["heading"] = bearing_deg(prev_lat, prev_lon, df["lat"], df["lon"])
turn = df.groupby("trip_id")["heading"].diff().abs()
df["turn_deg"] = np.minimum(turn, 360 - turn)
df["dist_colony_km"] = haversine_km(df["colony_lat"], df["colony_lon"], df["lat"], df["lon"])
df["hour_local"] = (df["timestamp"].dt.hour + df["lon"] / 15).round() % 24

for w in (3, 7):
    roll = df.groupby("trip_id")[["speed_kmh", "turn_deg"]].rolling(w, center=True, min_periods=1)
    means = roll.mean().reset_index(level=0, drop=True)
    df[f"speed_mean_{w}"] = means["speed_kmh"]
    df[f"turn_mean_{w}"] = means["turn_deg"]
df["speed_sd_7"] = (df.groupby("trip_id")["speed_kmh"]
                      .rolling(7, center=True, min_periods=2).std()
                      .reset_index(level=0, drop=True))

FEATURES = ["speed_kmh", "turn_deg", "dist_colony_km", "hour_local", "sst_c",
            "speed_mean_3", "speed_mean_7", "turn_mean_3", "turn_mean_7", "speed_sd_7",
            "mass_g"]
df = df.dropna(subset=["speed_kmh"])
df = df[df["speed_kmh"] < 120]
y = (df["behaviour"] == "foraging").astype(int).to_numpy()

train_idx, test_idx = train_test_split(
    np.arange(len(df)), test_size=0.2, stratify=y, random_state=13
)
X_train, X_test = df.iloc[train_idx][FEATURES], df.iloc[test_idx][FEATURES]
y_train, y_test = y[train_idx], y[test_idx]
print(f"{df['bird_id'].nunique()} birds, {df['trip_id'].nunique()} trips, "
      f"train {len(train_idx)} fixes, test {len(test_idx)} fixes")

clf = lgb.LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=31,
                         min_child_samples=40, subsample=0.8, subsample_freq=1,
                         colsample_bytree=0.8, random_state=13, verbose=-1)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}, F1 {f1_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["commuting", "foraging"]))
