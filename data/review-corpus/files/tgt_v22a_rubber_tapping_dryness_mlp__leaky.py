# label: leakage/target
"""Tapping panel dryness (TPD) risk per tree for the estate's 2022 survey.

One row per tapped tree: clone and girth from the tree register, latex diagnosis (sucrose, Pi, thiols,
DRC, yield per tap) from the April sampling round, tapping-book totals for the season, and the panel
status recorded at the December inspection.
"""
import numpy as np
import pandas as pd
import keras
from keras import layers
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split

SURVEY = "data/tpd_survey_2022.csv"
SEASON_DAYS = 300
CFG = {"epochs": 80, "batch_size": 64, "lr": 5e-4, "seed": 19, "test_size": 0.2}
NUMERIC = ["tree_age_years", "girth_cm", "panel_height_cm", "planned_stimulations", "stim_conc_pct",
           "sucrose_mM", "inorganic_p_mM", "thiols_mM", "drc_pct_apr", "latex_ml_per_tap_apr",
           "bark_reserve_cm", "tapping_intensity", "rainfall_mm_jan_mar"]
CLONES = ["RRIM600", "RRII105", "PB260", "GT1", "RRIM2025", "other"]
keras.utils.set_random_seed(CFG["seed"])


def load_survey(path):
    df = pd.read_csv(path)
    df = df[df["tpd_status"].isin(["healthy", "partial", "full"])].copy()
    df["tpd"] = (df["tpd_status"] != "healthy").astype("float32")
    df["clone"] = df["clone"].where(df["clone"].isin(CLONES), "other")
    df["tapping_intensity"] = df["planned_tappings"] / (SEASON_DAYS - df["rest_days"])
    df[NUMERIC] = df[NUMERIC].astype("float32")
    return df


def to_inputs(df):
    clone_onehot = pd.get_dummies(pd.Categorical(df["clone"], categories=CLONES)).to_numpy("float32")
    return np.hstack([df[NUMERIC].to_numpy("float32"), clone_onehot])


def build_model(norm, n_inputs):
    inputs = keras.Input(shape=(n_inputs,))
    x = norm(inputs)
    for units in (64, 32):
        x = layers.Dense(units, activation="relu")(x)
        x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(CFG["lr"]), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


trees = load_survey(SURVEY)
print(trees["tpd_status"].value_counts())
trees = trees.dropna(subset=NUMERIC)

train, test = train_test_split(trees, test_size=CFG["test_size"], stratify=trees["tpd"],
                               random_state=CFG["seed"])
X_train, X_test = to_inputs(train), to_inputs(test)
y_train, y_test = train["tpd"].to_numpy(), test["tpd"].to_numpy()

norm = layers.Normalization()
norm.adapt(X_train)
model = build_model(norm, X_train.shape[1])
pos = y_train.mean()
history = model.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=CFG["epochs"],
    batch_size=CFG["batch_size"],
    class_weight={0: 1.0, 1: float((1 - pos) / pos)},
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=10,
                                             restore_best_weights=True)],
    verbose=0,
)
print("epochs run:", len(history.history["loss"]))

p = model.predict(X_test, verbose=0).ravel()
print(f"test AUC {roc_auc_score(y_test, p):.3f}  AP {average_precision_score(y_test, p):.3f} "
      f"(prevalence {y_test.mean():.3f})")
by_clone = test.assign(p=p).groupby("clone").apply(
    lambda g: pd.Series({"n": len(g), "tpd_rate": g["tpd"].mean(), "mean_p": g["p"].mean()}))
print(by_clone.round(3))
model.save("tpd_mlp.keras")
