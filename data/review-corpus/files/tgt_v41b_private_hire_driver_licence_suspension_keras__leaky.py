# label: leakage/target
# Licensing team: at each driver's mid-year review, estimate the chance that the private hire
# licence is suspended or revoked before the licence year ends.
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import average_precision_score, roc_auc_score
from tensorflow import keras

tf.random.set_seed(12)

licences = pd.read_csv(
    "licensing/phv_licence_years.csv",
    parse_dates=["year_start", "review_date", "year_end", "action_date"],
)
# only drivers still licensed when the review takes place
licences = licences[licences["action_date"].isna() | (licences["action_date"] >= licences["review_date"])]
complaints = pd.read_csv("licensing/passenger_complaints.csv", parse_dates=["received_on"])
stops = pd.read_csv("licensing/compliance_stops.csv", parse_dates=["stop_date"])
stops = stops[stops["result"] == "fail"]


def count_events(lic, events, date_col, end_col):
    m = lic[["licence_year_id", "driver_id", "year_start", end_col]].merge(
        events[["driver_id", date_col]], on="driver_id"
    )
    inside = (m[date_col] >= m["year_start"]) & (m[date_col] < m[end_col])
    per_year = m[inside].groupby("licence_year_id").size()
    return lic["licence_year_id"].map(per_year).fillna(0).astype(float)


licences["complaints"] = count_events(licences, complaints, "received_on", "year_end")
licences["failed_stops"] = count_events(licences, stops, "stop_date", "review_date")
licences["years_licensed"] = licences["licence_number_seq"] - 1
licences["vehicle_age"] = licences["year_start"].dt.year - licences["vehicle_first_reg_year"]
licences["large_operator"] = (licences["operator_fleet_size"] >= 50).astype(float)
licences["wav"] = (licences["vehicle_type"] == "wheelchair_accessible").astype(float)
licences["target"] = licences["suspended_or_revoked"].astype(int)

feature_cols = [
    "complaints",
    "failed_stops",
    "years_licensed",
    "driver_age",
    "dvla_points_at_review",
    "vehicle_age",
    "large_operator",
    "wav",
    "avg_weekly_jobs_h1",
]

# licence years that had fully run their course by the start of 2023
train = licences[licences["year_end"] < pd.Timestamp("2023-01-01")]
test = licences[licences["year_start"].dt.year == 2023]
X_train = train[feature_cols].to_numpy("float32")
X_test = test[feature_cols].to_numpy("float32")
y_train = train["target"].to_numpy()
y_test = test["target"].to_numpy()
print(f"train {len(train)} ({y_train.mean():.2%} positive), test {len(test)} ({y_test.mean():.2%})")

norm = keras.layers.Normalization()
norm.adapt(X_train)

model = keras.Sequential([
    keras.Input(shape=(len(feature_cols),)),
    norm,
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss="binary_crossentropy",
    metrics=[keras.metrics.AUC(name="auc")],
)

pos_weight = (1 - y_train.mean()) / y_train.mean()
model.fit(
    X_train, y_train,
    epochs=40, batch_size=128,
    class_weight={0: 1.0, 1: float(pos_weight)},
    verbose=2,
)

p_test = model.predict(X_test, verbose=0).ravel()
print(f"2023 ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
print(f"2023 PR AUC:  {average_precision_score(y_test, p_test):.3f}")

review_list = test.assign(risk=p_test).nlargest(40, "risk")
print(f"suspensions among 40 highest-risk drivers: {review_list['target'].sum()} of {y_test.sum()}")
print(review_list[["driver_id", "risk", "complaints", "failed_stops", "dvla_points_at_review"]].head(10))
