# label: leakage/none
# Hourly covers forecast for the Dock Street noodle bar, used for the kitchen prep
# sheet and the floor rota. POS export is one row per hour, including closed hours.

import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

POS_EXPORT = "data/pos_hourly_covers.csv"
WEATHER = "data/met_hourly_city_centre.csv"


def build_features(pos: pl.DataFrame, weather: pl.DataFrame) -> pl.DataFrame:
    frame = (
        pos.sort("hour_start")
        .join(weather, on="hour_start", how="left")
        .with_columns(
            pl.col("covers").shift(1).alias("lag_1h"),
            pl.col("covers").shift(2).alias("lag_2h"),
            pl.col("covers").shift(24).alias("lag_24h"),
            pl.col("covers").shift(168).alias("lag_168h"),
            pl.col("covers").shift(1).rolling_mean(window_size=24).alias("mean_prev_24h"),
            pl.col("covers").shift(24).rolling_mean(window_size=168).alias("mean_prev_week"),
            pl.col("hour_start").dt.hour().alias("hour_of_day"),
            pl.col("hour_start").dt.weekday().alias("weekday"),
            pl.col("precip_mm").fill_null(0.0),
            pl.col("temp_c").forward_fill(),
        )
        .filter(pl.col("is_open") == 1)
        .drop_nulls(["lag_168h", "mean_prev_week"])
    )
    return frame


pos = pl.read_csv(POS_EXPORT, try_parse_dates=True)
weather = pl.read_csv(WEATHER, try_parse_dates=True).select(
    ["hour_start", "temp_c", "precip_mm", "wind_kmh"]
)
frame = build_features(pos, weather)
print(frame.select(pl.col("hour_start").min(), pl.col("hour_start").max(), pl.len()))

numeric = ["lag_1h", "lag_2h", "lag_24h", "lag_168h", "mean_prev_24h", "mean_prev_week",
           "temp_c", "precip_mm", "wind_kmh", "event_nearby", "school_holiday"]
categorical = ["hour_of_day", "weekday"]

data = frame.select(["hour_start", "covers"] + numeric + categorical).to_pandas()
data["wind_kmh"] = data["wind_kmh"].fillna(0.0)
X = data[numeric + categorical]
y = data["covers"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

model = make_pipeline(
    ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ]),
    RidgeCV(alphas=np.logspace(-2, 3, 20)),
)
model.fit(X_train, y_train)
pred = np.clip(model.predict(X_test), 0, None)

print(f"chosen alpha: {model[-1].alpha_:.3g}")
print(f"MAE ridge:            {mean_absolute_error(y_test, pred):.2f} covers/hour")
print(f"MAE same hour last wk: {mean_absolute_error(y_test, X_test['lag_168h']):.2f} covers/hour")

peak = X_test["hour_of_day"].isin([12, 13, 18, 19, 20])
print(f"MAE at peak hours:     {mean_absolute_error(y_test[peak], pred[peak.to_numpy()]):.2f}")
