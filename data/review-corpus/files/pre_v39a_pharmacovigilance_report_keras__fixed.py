# label: leakage/none
"""Triage model for spontaneous adverse-drug-reaction reports.

Scores each incoming case on the intake fields alone so that likely
serious cases reach a safety physician first. Target is the seriousness
flag assigned at medical review (ICH E2A criteria).
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

SEED = 2024
tf.keras.utils.set_random_seed(SEED)

NUMERIC = ["age_years", "weight_kg", "n_suspect_drugs", "n_concomitant_drugs",
           "daily_dose_mg_per_kg", "days_on_drug", "time_to_onset_days", "n_reactions_coded"]
ROUTES = ["oral", "intravenous", "subcutaneous", "intramuscular", "topical", "inhaled", "other"]
REPORTERS = ["physician", "pharmacist", "nurse", "consumer", "lawyer", "other"]


def load_cases(path):
    df = pd.read_csv(path, low_memory=False)
    df = df[df["report_type"] == "spontaneous"]
    df["route"] = pd.Categorical(df["route"].where(df["route"].isin(ROUTES), "other"), categories=ROUTES)
    df["reporter"] = pd.Categorical(df["reporter"].where(df["reporter"].isin(REPORTERS), "other"),
                                    categories=REPORTERS)
    df["daily_dose_mg_per_kg"] = df["daily_dose_mg"] / df["weight_kg"]
    df = df.dropna(subset=["age_years", "weight_kg", "daily_dose_mg", "days_on_drug", "time_to_onset_days"])
    counts = ["n_suspect_drugs", "n_concomitant_drugs", "n_reactions_coded"]
    df[counts] = df[counts].fillna(0)
    return df


def design_matrix(df):
    num = df[NUMERIC].to_numpy("float32")
    num[:, NUMERIC.index("days_on_drug")] = np.log1p(num[:, NUMERIC.index("days_on_drug")])
    cat = pd.get_dummies(df[["route", "reporter"]], dtype="float32").to_numpy()
    flags = df[["is_female", "is_elderly_flag", "off_label"]].to_numpy("float32")
    return num, np.hstack([cat, flags])


def build_model(norm, n_num, n_other):
    num_in = keras.Input(shape=(n_num,), name="numeric")
    other_in = keras.Input(shape=(n_other,), name="categorical")
    x = layers.Concatenate()([norm(num_in), other_in])
    for units in (128, 64):
        x = layers.Dense(units, activation="relu")(x)
        x = layers.Dropout(0.2)(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model([num_in, other_in], out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


cases = load_cases("safety_db/icsr_intake_2015_2023.csv")
y = cases["serious"].astype("float32").to_numpy()
X_num, X_other = design_matrix(cases)

(X_num_tr, X_num_te, X_oth_tr, X_oth_te, y_tr, y_te) = train_test_split(
    X_num, X_other, y, test_size=0.2, stratify=y, random_state=SEED)

norm = layers.Normalization()
norm.adapt(X_num_tr)

model = build_model(norm, X_num.shape[1], X_other.shape[1])
pos_w = (1 - y_tr.mean()) / y_tr.mean()
model.fit(
    {"numeric": X_num_tr, "categorical": X_oth_tr}, y_tr,
    validation_split=0.15,
    epochs=60,
    batch_size=512,
    class_weight={0: 1.0, 1: float(pos_w)},
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max",
                                             patience=6, restore_best_weights=True)],
    verbose=2,
)

p = model.predict({"numeric": X_num_te, "categorical": X_oth_te}, batch_size=2048).ravel()
print(f"test ROC AUC: {roc_auc_score(y_te, p):.4f}")
print(f"test PR AUC : {average_precision_score(y_te, p):.4f}")
order = np.argsort(-p)
top = order[: int(0.2 * len(p))]
print(f"serious cases captured in top 20% of queue: {y_te[top].sum() / y_te.sum():.1%}")
