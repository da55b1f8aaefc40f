# label: leakage/none
"""Phase III cardiac rehabilitation: probability that a referred patient
completes the 8-week exercise programme (>= 12 of 16 sessions).

Run at the intake assessment so the nurse can offer home-based sessions or
transport support to those less likely to finish.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras

tf.random.set_seed(3)

NUMERIC = [
    "age", "bmi", "baseline_6mwt_m", "phq9_intake", "gad7_intake",
    "lvef_pct", "distance_to_centre_km", "referral_to_start_days", "resting_hr", "comorbidity_count",
]
CATEGORICAL = ["sex", "index_event", "employment", "smoking_status", "lives_alone", "first_language_english"]


def load_referrals(path="data/cardiac_rehab_referrals.csv"):
    df = pd.read_csv(path, parse_dates=["referral_date", "intake_date"])
    df = df.sort_values("referral_date").drop_duplicates("nhs_number_hash", keep="first")
    df["referral_to_start_days"] = (df["intake_date"] - df["referral_date"]).dt.days
    df["lives_alone"] = df["lives_alone"].map({True: "yes", False: "no"}).fillna("unknown")
    df["completed"] = (df["sessions_attended"] >= 12).astype(int)
    return df


def build_model(n_inputs):
    model = keras.Sequential([
        keras.Input(shape=(n_inputs,)),
        keras.layers.Dense(64, activation="relu", kernel_regularizer=keras.regularizers.l2(1e-4)),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


df = load_referrals()
X = df[NUMERIC + CATEGORICAL]
y = df["completed"].to_numpy()
print(f"{len(df)} patients, completion rate {y.mean():.1%}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=3)

prep = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
], sparse_threshold=0)
X_train_t = prep.fit_transform(X_train.assign(**{c: X_train[c].fillna(X_train[c].median()) for c in NUMERIC}))
X_test_t = prep.transform(X_test.assign(**{c: X_test[c].fillna(X_train[c].median()) for c in NUMERIC}))

model = build_model(X_train_t.shape[1])
stop = keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=15, restore_best_weights=True)
history = model.fit(
    X_train_t.astype("float32"),
    y_train,
    validation_split=0.15,
    epochs=300,
    batch_size=64,
    callbacks=[stop],
    verbose=0,
)
print(f"stopped after {len(history.history['loss'])} epochs")

p = model.predict(X_test_t.astype("float32"), verbose=0).ravel()
print(f"test AUC {roc_auc_score(y_test, p):.3f} | AP {average_precision_score(y_test, p):.3f}")

# how many non-completers would be offered support at a 0.5 cut
offer = p < 0.5
print(f"offered support: {offer.mean():.1%} of patients; "
      f"captures {((y_test == 0) & offer).sum() / (y_test == 0).sum():.1%} of non-completers")
