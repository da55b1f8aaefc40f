# label: leakage/none
"""Couch-to-5k app: who will not finish the nine-week plan?

Participants are scored at the end of week 2; the top-risk group is offered a
check-in call with a volunteer run leader.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras

NUMERIC = [
    "age", "bmi", "resting_hr", "self_rated_fitness", "planned_runs_per_week",
    "months_since_regular_exercise", "runs_logged_wk1_2",
]
CATEGORICAL = ["sex", "signup_channel", "device_type", "has_running_buddy", "reminder_slot"]
TARGET = "did_not_finish"  # no graduation run logged by the end of week 9


def load_participants(path):
    df = pd.read_csv(path, parse_dates=["signup_date"])
    df = df[df["signup_date"] < "2024-06-01"]  # plan has had time to finish
    df["bmi"] = df["weight_kg"] / (df["height_cm"] / 100) ** 2
    df["has_running_buddy"] = df["has_running_buddy"].map({True: "yes", False: "no"}).fillna("unknown")
    df[CATEGORICAL] = df[CATEGORICAL].fillna("unknown")
    return df.dropna(subset=NUMERIC + [TARGET])


def build_net(n_in):
    inputs = keras.Input(shape=(n_in,))
    x = keras.layers.Dense(64, activation="relu")(inputs)
    x = keras.layers.Dropout(0.3)(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    outputs = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


def main():
    df = load_participants("exports/c25k_participants.csv")
    X, y = df[NUMERIC + CATEGORICAL], df[TARGET].astype("float32").to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=21
    )

    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    Xtr = prep.fit_transform(X_train).astype("float32")
    Xte = prep.transform(X_test).astype("float32")

    keras.utils.set_random_seed(21)
    net = build_net(Xtr.shape[1])
    stop = keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=8,
                                         restore_best_weights=True)
    net.fit(Xtr, y_train, validation_split=0.15, epochs=100, batch_size=128,
            callbacks=[stop], verbose=2)

    proba = net.predict(Xte, verbose=0).ravel()
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"test PR AUC : {average_precision_score(y_test, proba):.3f}")

    k = int(0.2 * len(proba))
    top = np.argsort(-proba)[:k]
    print(f"non-finishers caught in top 20%: {y_test[top].sum() / y_test.sum():.1%}")
    print(f"non-finish rate in top 20%: {y_test[top].mean():.1%} vs overall {y_test.mean():.1%}")
    net.save("c25k_dropout.keras")


if __name__ == "__main__":
    main()
