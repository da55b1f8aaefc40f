# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data/bikeshare_hourly.csv", parse_dates=["timestamp"])
df = df.sort_values("timestamp").reset_index(drop=True)

df["hour"] = df["timestamp"].dt.hour
df["weekday"] = df["timestamp"].dt.weekday
df["rentals_lag_24"] = df["rentals"].shift(24)
df["rentals_lag_168"] = df["rentals"].shift(168)
df = pd.get_dummies(df, columns=["hour", "weekday", "season"], dtype=float)
df = df.dropna().reset_index(drop=True)

calendar = [c for c in df.columns if c.startswith(("hour_", "weekday_", "season_"))]
calendar += ["holiday"]
weather = ["temp_c", "feels_like_c", "humidity", "wind_kph", "precip_mm"]
history = ["rentals_lag_24", "rentals_lag_168"]

candidate_sets = {
    "calendar": calendar,
    "calendar+weather": calendar + weather,
    "calendar+history": calendar + history,
    "all": calendar + weather + history,
}

split_at = int(len(df) * 0.8)
train, test = df.iloc[:split_at], df.iloc[split_at:]
y_train, y_test = np.log1p(train["rentals"]), np.log1p(test["rentals"])


def rmse(a, b):
    return float(np.sqrt(mean_squared_error(a, b)))


results = {}
tscv = TimeSeriesSplit(n_splits=5)
for name, cols in candidate_sets.items():
    model = make_pipeline(StandardScaler(), Ridge(alpha=3.0))
    scores = cross_val_score(model, train[cols], y_train, cv=tscv,
                             scoring="neg_root_mean_squared_error")
    results[name] = -scores.mean()
    print(f"{name:>18}: RMSE {results[name]:.4f}")

best = min(results, key=results.get)
final = make_pipeline(StandardScaler(), Ridge(alpha=3.0))
final.fit(train[candidate_sets[best]], y_train)
print(f"selected feature set: {best}")
print(f"test RMSE (log1p rentals): {rmse(y_test, final.predict(test[candidate_sets[best]])):.4f}")
