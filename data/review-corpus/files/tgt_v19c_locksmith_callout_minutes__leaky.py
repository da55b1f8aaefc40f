# label: leakage/target
"""Estimate on-site minutes for locksmith call-outs so dispatch can chain jobs."""
import numpy as np
import pandas as pd
import keras
from keras import layers
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error

JOBS_CSV = "data/callout_jobs_2022_2024.csv"
CATEGORIES = {
    "job_type": ["lockout_home", "lockout_car", "lock_change", "upvc_repair",
                 "safe_opening", "key_cut", "burglary_repair"],
    "lock_brand": ["yale", "era", "abus", "ultion", "mul-t-lock", "other"],
    "property_type": ["flat", "house", "commercial", "vehicle"],
}
NUMERIC = ["travel_km", "hour", "weekday", "doors_reported", "tech_years",
           "quoted_price_eur", "invoice_total_eur", "customer_prior_jobs"]
TARGET = "onsite_minutes"


def encode(frame):
    parts = [frame[NUMERIC].astype("float32")]
    for col, cats in CATEGORIES.items():
        cat = pd.Categorical(frame[col].str.lower(), categories=cats)
        parts.append(pd.get_dummies(cat, prefix=col, dtype="float32").set_index(frame.index))
    return pd.concat(parts, axis=1)


def build_model(n_inputs, norm):
    inputs = keras.Input(shape=(n_inputs,))
    x = norm(inputs)
    for width in (128, 64, 32):
        x = layers.Dense(width, activation="relu")(x)
        x = layers.Dropout(0.1)(x)
    out = layers.Dense(1, activation="softplus")(x)
    model = keras.Model(inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


jobs = pd.read_csv(JOBS_CSV, parse_dates=["dispatched_at"])
jobs = jobs[jobs[TARGET].between(5, 480)].copy()
jobs["hour"] = jobs["dispatched_at"].dt.hour
jobs["weekday"] = jobs["dispatched_at"].dt.weekday
jobs["customer_prior_jobs"] = jobs.sort_values("dispatched_at").groupby("customer_id").cumcount()
jobs = jobs.dropna(subset=NUMERIC)

X = encode(jobs)
y = jobs[TARGET].astype("float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)

norm = layers.Normalization()
norm.adapt(X_train.to_numpy())
model = build_model(X_train.shape[1], norm)
model.fit(
    X_train.to_numpy(), y_train.to_numpy(), epochs=60, batch_size=128,
    validation_split=0.15, verbose=2,
    callbacks=[keras.callbacks.EarlyStopping(patience=6, restore_best_weights=True)],
)

pred = model.predict(X_test.to_numpy(), verbose=0).ravel()
print(f"test MAE: {mean_absolute_error(y_test, pred):.1f} min")
naive = np.full_like(pred, y_train.median())
print(f"median baseline MAE: {mean_absolute_error(y_test, naive):.1f} min")
by_type = pd.DataFrame({"job_type": jobs.loc[X_test.index, "job_type"],
                        "err": np.abs(pred - y_test.to_numpy())})
print(by_type.groupby("job_type")["err"].mean().round(1).sort_values())
