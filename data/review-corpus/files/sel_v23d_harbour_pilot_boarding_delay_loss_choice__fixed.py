# label: leakage/none
"""Predict pilot boarding delay in minutes for vessels reporting at the outer harbour anchorage."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

CAT_COLS = ["vessel_type", "pilot_station", "berth_zone"]
NUM_COLS = ["gross_tonnage_log", "draught_m", "eta_hour", "eta_dow", "night",
            "pilots_on_duty", "queue_ahead", "wind_kt", "gust_kt", "swell_m", "visibility_km"]

arrivals = pd.read_csv("pilot_arrivals_2023.csv", parse_dates=["eta_utc"])
weather = pd.read_csv("anchorage_weather_hourly.csv", parse_dates=["hour_utc"])

arrivals = arrivals.dropna(subset=["boarding_delay_min", "gross_tonnage"])
arrivals = arrivals[arrivals["boarding_delay_min"].between(0, 600)].copy()
# weather from the last full hour before the vessel reports
arrivals["hour_utc"] = arrivals["eta_utc"].dt.floor("h") - pd.Timedelta(hours=1)
df = arrivals.merge(weather, on="hour_utc", how="left")

df["eta_hour"] = df["eta_utc"].dt.hour
df["eta_dow"] = df["eta_utc"].dt.dayofweek
df["night"] = df["eta_hour"].isin([22, 23, 0, 1, 2, 3, 4, 5]).astype(int)
df["gross_tonnage_log"] = np.log1p(df["gross_tonnage"])
df = df.sort_values("eta_utc").reset_index(drop=True)

cutoff = pd.Timestamp("2023-10-01")
train = df[df["eta_utc"] < cutoff]
test = df[df["eta_utc"] >= cutoff]
X_train, y_train = train[CAT_COLS + NUM_COLS], train["boarding_delay_min"]
X_test, y_test = test[CAT_COLS + NUM_COLS], test["boarding_delay_min"]
print(f"train {len(train)} arrivals, test {len(test)} arrivals")


def make_model(**hgb_params):
    prep = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), CAT_COLS)],
        remainder="passthrough",
    )
    hgb = HistGradientBoostingRegressor(
        categorical_features=list(range(len(CAT_COLS))),
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31, random_state=7, **hgb_params,
    )
    return Pipeline([("prep", prep), ("hgb", hgb)])


candidates = {
    "squared_error": dict(loss="squared_error"),
    "absolute_error": dict(loss="absolute_error"),
    "poisson": dict(loss="poisson"),
    "median": dict(loss="quantile", quantile=0.5),
}

# compare losses on the last two months of the training period
val_start = pd.Timestamp("2023-08-01")
fit_mask = (train["eta_utc"] < val_start).to_numpy()
results = {}
for name, params in candidates.items():
    model = make_model(**params).fit(X_train[fit_mask], y_train[fit_mask])
    pred = np.clip(model.predict(X_train[~fit_mask]), 0, None)
    results[name] = mean_absolute_error(y_train[~fit_mask], pred)
    print(f"{name:>15}: validation MAE {results[name]:.2f} min")

best_loss = min(results, key=results.get)
final = make_model(**candidates[best_loss]).fit(X_train, y_train)
test_mae = mean_absolute_error(y_test, np.clip(final.predict(X_test), 0, None))
baseline = mean_absolute_error(y_test, np.full(len(y_test), y_train.median()))
print(f"\nChosen loss: {best_loss}")
print(f"Q4 hold-out MAE: {test_mae:.2f} min (median baseline {baseline:.2f} min)")
