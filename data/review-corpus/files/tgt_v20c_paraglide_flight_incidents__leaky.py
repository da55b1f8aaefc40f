# label: leakage/target
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.metrics import roc_auc_score, average_precision_score
from tensorflow import keras

CLUB_LOG = "club/flight_log_2019_2024.csv"
FORECAST = "club/site_forecasts.csv"

NUMERIC = ["pilot_hours", "flights_last_90d", "pilot_age", "forecast_wind_kmh", "gust_factor",
           "thermal_index", "cloudbase_m", "launch_hour", "airtime_min"]
CATEGORICAL = ["wing_class", "launch_site", "launch_direction"]
TARGET = "incident"


def load():
    log = pd.read_csv(CLUB_LOG, parse_dates=["flight_date"])
    fc = pd.read_csv(FORECAST, parse_dates=["forecast_date"])
    df = log.merge(fc, left_on=["launch_site", "flight_date"],
                   right_on=["launch_site", "forecast_date"], how="left")
    df["gust_factor"] = df["forecast_gust_kmh"] / df["forecast_wind_kmh"].clip(lower=1)
    df["launch_hour"] = pd.to_datetime(df["launch_time"], format="%H:%M").dt.hour
    df["incident"] = df["incident_report_id"].notna().astype(int)
    return df.dropna(subset=["forecast_wind_kmh"])


def build_net(n_inputs):
    net = keras.Sequential([
        keras.layers.Input(shape=(n_inputs,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                metrics=[keras.metrics.AUC(name="auc")])
    return net


flights = load()
print(f"{len(flights)} flights, incident rate {flights[TARGET].mean():.3%}")

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=12)
tr_idx, te_idx = next(gss.split(flights, groups=flights["pilot_id"]))
train_df, test_df = flights.iloc[tr_idx], flights.iloc[te_idx]

ct = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
])
X_train = ct.fit_transform(train_df)
X_test = ct.transform(test_df)
y_train = train_df[TARGET].to_numpy()
y_test = test_df[TARGET].to_numpy()

pos_weight = (1 - y_train.mean()) / y_train.mean()
net = build_net(X_train.shape[1])
net.fit(
    X_train, y_train,
    epochs=40, batch_size=128, validation_split=0.15,
    class_weight={0: 1.0, 1: float(pos_weight)},
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=6,
                                             restore_best_weights=True)],
    verbose=2,
)

p = net.predict(X_test, verbose=0).ravel()
print(f"test ROC AUC {roc_auc_score(y_test, p):.3f}")
print(f"test PR AUC  {average_precision_score(y_test, p):.3f}")

report = test_df.assign(risk=p).groupby("wing_class")[["risk", TARGET]].mean()
print(report.round(3))
