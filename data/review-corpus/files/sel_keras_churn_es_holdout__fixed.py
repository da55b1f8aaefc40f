# label: leakage/none
# twin: sel_keras_churn_es_holdout__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

df = pd.read_csv("telecom_churn.csv")
y = df.pop("churned").astype("float32").values
X = df[["tenure_months", "monthly_charges", "support_tickets", "data_gb", "contract_len"]].values

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)


def build_model(n_features):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["AUC"])
    return model


model = build_model(X_train.shape[1])
stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
history = model.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=200,
    batch_size=128,
    callbacks=[stopper],
    verbose=2,
)
print("stopped after", len(history.history["loss"]), "epochs")
loss, auc = model.evaluate(X_test, y_test, verbose=0)
print(f"test loss {loss:.4f}  test AUC {auc:.4f}")
