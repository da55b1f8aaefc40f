# label: leakage/none
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, mean_squared_error

DATA = "data/public_sauna_sessions.parquet"
TARGET = "heater_kwh"

PARAMS = {
    "objective": "regression",
    "learning_rate": 0.03,
    "num_leaves": 48,
    "min_child_samples": 30,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
}


class SessionFeatures:
    """Turns the raw booking log into model inputs."""

    def __init__(self, outdoor_col="outdoor_temp_c"):
        self.outdoor_col = outdoor_col

    def transform(self, df):
        out = pd.DataFrame(index=df.index)
        start = pd.to_datetime(df["session_start"])
        out["hour"] = start.dt.hour
        out["weekday"] = start.dt.weekday
        out["month"] = start.dt.month
        out["booked_minutes"] = df["booked_minutes"]
        out["party_size"] = df["party_size"]
        out["setpoint_c"] = df["setpoint_c"]
        out["outdoor_c"] = df[self.outdoor_col]
        out["delta_c"] = df["setpoint_c"] - df[self.outdoor_col]
        out["cabin_volume_m3"] = df["cabin_volume_m3"]
        out["idle_before_min"] = df["idle_before_min"]  # NaN for first session of the day
        out["cabin_type"] = df["cabin_type"].astype("category")
        return out


raw = pd.read_parquet(DATA)
raw = raw[(raw["booked_minutes"] > 0) & raw["meter_ok"]]
feats = SessionFeatures().transform(raw)
y = raw[TARGET].to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(feats, y, test_size=0.2, random_state=3)
X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, test_size=0.15, random_state=3)

train_set = lgb.Dataset(X_fit, label=y_fit)
val_set = lgb.Dataset(X_val, label=y_val, reference=train_set)

booster = lgb.train(
    PARAMS,
    train_set,
    num_boost_round=5000,
    valid_sets=[val_set],
    valid_names=["val"],
    callbacks=[lgb.early_stopping(stopping_rounds=100), lgb.log_evaluation(250)],
)
print("best iteration:", booster.best_iteration)

pred = booster.predict(X_te, num_iteration=booster.best_iteration)
rmse = np.sqrt(mean_squared_error(y_te, pred))
mae = mean_absolute_error(y_te, pred)
print(f"holdout RMSE {rmse:.3f} kWh | MAE {mae:.3f} kWh")

imp = pd.Series(booster.feature_importance("gain"), index=booster.feature_name())
print(imp.sort_values(ascending=False).head(8).round(1))
booster.save_model("sauna_kwh.txt", num_iteration=booster.best_iteration)
