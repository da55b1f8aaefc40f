# label: leakage/preprocessing
# Lecture theatre LT2: predict CO2 one hour ahead so the BMS can pre-purge before
# back-to-back lectures. Features: current sensor values, timetable head count and the
# usual CO2 level for that hour of the week.
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sensors = pd.read_csv("bms/LT2_iaq_5min.csv", parse_dates=["ts"])
timetable = pd.read_csv("estates/LT2_bookings.csv", parse_dates=["slot_start"])
weather = pd.read_csv("bms/roof_station_hourly.csv", parse_dates=["ts"])

iaq = (sensors.set_index("ts")[["co2_ppm", "temp_c", "rh_pct", "damper_pct"]]
       .resample("h").mean())
bookings = (timetable.assign(ts=timetable["slot_start"].dt.floor("h"))
            .groupby("ts")["expected_headcount"].max())
df = (iaq.join(bookings, how="left")
      .join(weather.set_index("ts")[["outdoor_temp_c", "wind_ms"]], how="left")
      .reset_index())
df["expected_headcount"] = df["expected_headcount"].fillna(0)
df = df.dropna(subset=["co2_ppm", "temp_c", "outdoor_temp_c"])

df["dow"] = df["ts"].dt.dayofweek
df["hour"] = df["ts"].dt.hour
df["term_week"] = df["ts"].dt.isocalendar().week.astype(int)

# typical CO2 for each hour of the week
profile = (df.groupby(["dow", "hour"])["co2_ppm"]
           .agg(["mean", "std"])
           .rename(columns={"mean": "how_mean", "std": "how_std"})
           .reset_index())
df = df.merge(profile, on=["dow", "hour"], how="left")
df["co2_anomaly"] = (df["co2_ppm"] - df["how_mean"]) / df["how_std"]

df = df.sort_values("ts").reset_index(drop=True)
df["next_ts"] = df["ts"] + pd.Timedelta(hours=1)
nxt = df[["ts", "co2_ppm", "expected_headcount"]].rename(
    columns={"ts": "next_ts", "co2_ppm": "co2_next", "expected_headcount": "headcount_next"})
df = df.merge(nxt, on="next_ts", how="inner")
df["co2_delta_1h"] = df["co2_ppm"] - df.groupby(df["ts"].dt.date)["co2_ppm"].shift(1)
df = df.dropna(subset=["co2_delta_1h"])

numeric = ["co2_ppm", "co2_delta_1h", "temp_c", "rh_pct", "damper_pct", "expected_headcount",
           "headcount_next", "outdoor_temp_c", "wind_ms", "how_mean", "co2_anomaly"]
categorical = ["dow", "hour"]

cutoff = pd.Timestamp("2024-02-19")   # spring term weeks 6+ for evaluation
train = df[df["next_ts"] < cutoff]
test = df[df["ts"] >= cutoff]

model = Pipeline([
    ("prep", ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])),
    ("ridge", RidgeCV(alphas=[0.1, 1.0, 10.0, 100.0])),
])
model.fit(train[numeric + categorical].fillna(0), train["co2_next"])
pred = model.predict(test[numeric + categorical].fillna(0))

print(f"train {train['ts'].min():%d %b} - {train['ts'].max():%d %b}, test from {cutoff:%d %b %Y}")
print(f"MAE   {mean_absolute_error(test['co2_next'], pred):.1f} ppm")
print(f"RMSE  {mean_squared_error(test['co2_next'], pred) ** 0.5:.1f} ppm")
occupied = test["headcount_next"] > 0
print(f"MAE occupied hours {mean_absolute_error(test.loc[occupied, 'co2_next'], pred[occupied]):.1f} ppm")
hits = (pred > 1200) & (test["co2_next"] > 1200)
print(f"pre-purge triggers caught: {hits.sum()} of {(test['co2_next'] > 1200).sum()}")
