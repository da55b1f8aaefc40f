# label: leakage/none
# Cycling sportive organiser: which registered riders on the long route will miss the
# time cut-off? Broom-wagon and feed-station staffing is planned from these scores.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import roc_auc_score, average_precision_score

keras.utils.set_random_seed(8)

riders = pd.read_csv("data/sportive/entries_with_results.csv", parse_dates=["event_date", "dob"])
riders = riders[riders["route"] == "long"]
riders = riders[riders["status"] != "dns"]  # did not start: no label
riders["missed_cutoff"] = (riders["status"] != "finished_in_time").astype("int32")

riders["age"] = (riders["event_date"] - riders["dob"]).dt.days / 365.25
riders["prior_finish_rate"] = riders["prior_long_finishes"] / riders["prior_long_starts"].replace(0, np.nan)
riders["prior_finish_rate"] = riders["prior_finish_rate"].fillna(-1.0)
riders["first_timer"] = (riders["prior_long_starts"] == 0).astype("int32")

num_cols = ["age", "prior_long_starts", "prior_finish_rate", "first_timer", "club_member",
            "declared_ftp_wkg", "start_wave", "route_elevation_m", "forecast_temp_c",
            "forecast_wind_kmh"]
bike_types = ["road", "gravel", "hybrid", "ebike", "other"]
for b in bike_types:
    riders[f"bike_{b}"] = (riders["bike_type"].fillna("other") == b).astype("int32")
feat_cols = num_cols + [f"bike_{b}" for b in bike_types]
riders[num_cols] = riders[num_cols].astype("float32")

# hold out the two most recent editions
events = riders[["event_id", "event_date"]].drop_duplicates().sort_values("event_date")
test_events = events["event_id"].iloc[-2:].tolist()
train = riders[~riders["event_id"].isin(test_events)]
test = riders[riders["event_id"].isin(test_events)]

X_train = train[feat_cols].fillna(train[feat_cols].median()).to_numpy("float32")
X_test = test[feat_cols].fillna(train[feat_cols].median()).to_numpy("float32")
y_train, y_test = train["missed_cutoff"].to_numpy(), test["missed_cutoff"].to_numpy()

norm = keras.layers.Normalization()
norm.adapt(X_train)
model = keras.Sequential([
    keras.Input(shape=(X_train.shape[1],)),
    norm,
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(5e-4), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])

pos_weight = (len(y_train) - y_train.sum()) / max(y_train.sum(), 1)
model.fit(X_train, y_train, epochs=40, batch_size=128, verbose=2,
          class_weight={0: 1.0, 1: float(pos_weight)})

p = model.predict(X_test, verbose=0).ravel()
print(f"held-out editions {test_events}: AUC {roc_auc_score(y_test, p):.4f}, "
      f"AP {average_precision_score(y_test, p):.4f}")
by_wave = test.assign(p=p).groupby("start_wave")[["p", "missed_cutoff"]].mean().round(3)
print(by_wave)
model.save("models/cutoff_risk.keras")
