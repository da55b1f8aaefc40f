# label: leakage/target
"""Grooming parlour: predict how long an appointment will take so the diary can be filled better."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from tensorflow import keras
from sklearn.compose import ColumnTransformer
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CONFIG = {
    "appointments": "data/grooming_appointments.csv",
    "invoices": "data/grooming_invoices.csv",
    "epochs": 150,
    "batch_size": 64,
    "seed": 31,
}
NUMERIC = [
    "weight_kg", "age_years", "matting_score", "coat_length_cm", "visits_last_year",
    "weeks_since_last_groom", "groomer_years", "hour_booked", "invoice_total",
]
CATEGORICAL = ["size_class", "coat_type", "package", "groomer_id", "temperament_flag"]
SERVICES = ["bath", "full_clip", "hand_strip", "nails", "teeth", "deshed", "ear_clean"]


def load(cfg):
    appts = pd.read_csv(cfg["appointments"], parse_dates=["start_time"])
    invoices = pd.read_csv(cfg["invoices"])
    df = appts.merge(invoices[["appointment_id", "invoice_total"]], on="appointment_id", how="left")
    df = df[df["status"] == "completed"].dropna(subset=["session_minutes"])
    df["hour_booked"] = df["start_time"].dt.hour
    df[SERVICES] = df[SERVICES].fillna(0).astype(int)
    df["temperament_flag"] = df["temperament_flag"].fillna("none")
    return df.reset_index(drop=True)


def build_net(n_inputs):
    model = keras.Sequential([
        keras.Input(shape=(n_inputs,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.15),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


keras.utils.set_random_seed(CONFIG["seed"])
df = load(CONFIG)
print(df["session_minutes"].describe().round(1))

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=CONFIG["seed"])
train_idx, test_idx = next(splitter.split(df, groups=df["dog_id"]))
train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

prep = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("svc", "passthrough", SERVICES),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
])
X_train = prep.fit_transform(train_df).astype("float32")
X_test = prep.transform(test_df).astype("float32")
y_train = train_df["session_minutes"].to_numpy("float32")
y_test = test_df["session_minutes"].to_numpy("float32")

net = build_net(X_train.shape[1])
history = net.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=CONFIG["epochs"],
    batch_size=CONFIG["batch_size"],
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=12, restore_best_weights=True)],
    verbose=0,
)
print(f"stopped after {len(history.history['loss'])} epochs")

pred = net.predict(X_test, verbose=0).ravel()
print(f"test MAE: {mean_absolute_error(y_test, pred):.1f} minutes")
print(f"share within 15 min: {np.mean(np.abs(pred - y_test) <= 15):.2%}")

by_size = test_df.assign(err=np.abs(pred - y_test)).groupby("size_class")["err"].mean()
print(by_size.round(1))

plt.figure(figsize=(5, 5))
plt.scatter(y_test, pred, s=6, alpha=0.4)
plt.plot([0, 240], [0, 240], color="black", lw=1)
plt.xlabel("actual minutes")
plt.ylabel("predicted minutes")
plt.tight_layout()
plt.savefig("grooming_pred.png", dpi=110)
