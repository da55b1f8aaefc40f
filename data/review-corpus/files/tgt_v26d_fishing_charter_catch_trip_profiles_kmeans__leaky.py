# label: leakage/target
"""Predict the landed catch weight of a sea-angling charter trip from conditions known at departure."""
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.preprocessing import StandardScaler
from xgboost import XGBRegressor

trips = pd.read_csv("charter_trips.csv", parse_dates=["depart_time"])
forecasts = pd.read_csv("marine_forecast_0600.csv", parse_dates=["forecast_date"])
vessels = pd.read_csv("vessels.csv")

trips["forecast_date"] = trips["depart_time"].dt.normalize()
df = (
    trips.merge(forecasts, on=["forecast_date", "harbour"], how="left")
    .merge(vessels, on="vessel_id", how="left")
    .drop(columns=["forecast_date"])
)
df = df[df["trip_status"] == "completed"].drop(columns=["trip_status"])

df["depart_hour"] = df["depart_time"].dt.hour
df["day_of_year"] = df["depart_time"].dt.dayofyear
df["doy_sin"] = np.sin(2 * np.pi * df["day_of_year"] / 365.25)
df["doy_cos"] = np.cos(2 * np.pi * df["day_of_year"] / 365.25)
df["wreck_mark"] = df["planned_mark"].str.startswith("W").astype(int)

numeric = [
    "anglers", "hours_booked", "planned_distance_nm", "wind_kts", "gust_kts", "swell_m",
    "sea_temp_c", "tidal_range_m", "vessel_length_m", "skipper_years", "depart_hour",
    "doy_sin", "doy_cos", "wreck_mark",
]
categorical = ["harbour", "target_species", "bait", "planned_mark"]
df = df[["depart_time"] + numeric + categorical + ["catch_kg"]].dropna().reset_index(drop=True)

df = df.sort_values("depart_time").reset_index(drop=True)
train = df[df["depart_time"] < "2024-03-01"].copy()
test = df[df["depart_time"] >= "2024-03-01"].copy()

# trip profiles: cluster the numeric trip description and use the segment as a feature
profile_cols = train.select_dtypes("number").columns.tolist()
scaler = StandardScaler().fit(train[profile_cols])
kmeans = KMeans(n_clusters=8, n_init=10, random_state=2).fit(scaler.transform(train[profile_cols]))
train["trip_profile"] = kmeans.predict(scaler.transform(train[profile_cols]))
test["trip_profile"] = kmeans.predict(scaler.transform(test[profile_cols]))

for col in categorical:
    cats = pd.Categorical(train[col]).categories
    train[col] = pd.Categorical(train[col], categories=cats)
    test[col] = pd.Categorical(test[col], categories=cats)

features = numeric + categorical + ["trip_profile"]
model = XGBRegressor(
    n_estimators=600, learning_rate=0.03, max_depth=5, subsample=0.8, colsample_bytree=0.8,
    min_child_weight=5, objective="reg:tweedie", tweedie_variance_power=1.3,
    enable_categorical=True, tree_method="hist", random_state=2,
)
model.fit(train[features], train["catch_kg"])
pred = model.predict(test[features])

print(f"train trips {len(train)}, test trips {len(test)}")
print(f"MAE: {mean_absolute_error(test['catch_kg'], pred):.1f} kg")
print(f"R^2: {r2_score(test['catch_kg'], pred):.3f}")
print(test.assign(pred=pred).groupby("trip_profile")[["catch_kg", "pred"]].mean().round(1))
