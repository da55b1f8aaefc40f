# label: leakage/none
"""Re-let planning for a student accommodation provider.

Predict in February whether a current tenant will sign on for the next
academic year, using the tenancy file and the property management system.
One row per tenancy in the 2023/24 academic year.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

ROOM_TYPES = ["studio", "ensuite", "standard", "twin", "accessible"]
YEARS_OF_STUDY = ["1", "2", "3", "4", "pg"]
NUMERIC = [
    "weekly_rent_gbp", "rent_change_offered_pct", "distance_to_campus_km", "floor",
    "flatmates", "months_in_tenancy", "late_payments", "maintenance_requests",
    "noise_complaints_received", "guarantor_present", "international_student",
    "portal_logins_last_60d",
]


def one_hot(series, categories, prefix):
    cat = pd.Categorical(series.astype(str), categories=categories)
    return pd.get_dummies(cat, prefix=prefix, dtype="float32").set_axis(series.index)


def build_matrix(tenancies):
    parts = [
        tenancies[NUMERIC].astype("float32"),
        one_hot(tenancies["room_type"], ROOM_TYPES, "room"),
        one_hot(tenancies["year_of_study"], YEARS_OF_STUDY, "yos"),
    ]
    return pd.concat(parts, axis=1)


def make_model(n_features, norm):
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(n_features,)),
        norm,
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dropout(0.25),
        tf.keras.layers.Dense(32, activation="relu"),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(
        optimizer=tf.keras.optimizers.Adam(1e-3),
        loss="binary_crossentropy",
        metrics=[tf.keras.metrics.AUC(name="auc")],
    )
    return model


def main():
    tenancies = pd.read_csv("exports/tenancies_ay2023_24.csv")
    tenancies = tenancies[tenancies["tenancy_status"] != "terminated_early"]
    tenancies[NUMERIC] = tenancies[NUMERIC].fillna(0)
    y = tenancies["renewed"].astype("float32").to_numpy()

    X = build_matrix(tenancies).to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=30
    )

    norm = tf.keras.layers.Normalization()
    norm.adapt(X_train)
    model = make_model(X.shape[1], norm)
    model.fit(
        X_train, y_train,
        validation_split=0.15,
        epochs=60,
        batch_size=128,
        callbacks=[tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max",
                                                    patience=8, restore_best_weights=True)],
        verbose=2,
    )

    proba = model.predict(X_test, verbose=0).ravel()
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    expected_relets = float(np.sum(1.0 - proba))
    print(f"expected rooms to re-let in test block: {expected_relets:.0f} of {len(y_test)}")


if __name__ == "__main__":
    main()
