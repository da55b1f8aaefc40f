# label: leakage/none
# twin: tgt_keras_taxi_log_duration__leaky.py
# source: hand-written for ai-ci held-out v3 in the style of Kaggle taxi-trip-duration notebooks (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

keras.utils.set_random_seed(0)
trips = pd.read_csv("taxi_trips.csv", parse_dates=["pickup_datetime"])
trips["pickup_hour"] = trips["pickup_datetime"].dt.hour
trips["pickup_dow"] = trips["pickup_datetime"].dt.dayofweek
trips["log_duration"] = np.log1p(trips["trip_duration"])  # for the histogram in the EDA section

X = trips.select_dtypes("number").drop(columns=["trip_duration", "log_duration"]).to_numpy(dtype="float32")
y = (trips["trip_duration"] / 60.0).to_numpy(dtype="float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

model = keras.Sequential([
    keras.Input(shape=(X_train.shape[1],)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mae")
model.fit(X_train, y_train, epochs=20, batch_size=256)
print(f"test MAE: {model.evaluate(X_test, y_test, verbose=0):.2f} minutes")
