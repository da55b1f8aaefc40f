# label: leakage/none
# twin: sel_diabetes_survey__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from tensorflow import keras
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data/health_indicators_survey.csv")
y = df.pop("diabetes_binary").to_numpy()
X = df.to_numpy(dtype="float32")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42
)
scaler = StandardScaler().fit(X_train)
X_train = scaler.transform(X_train)
X_test = scaler.transform(X_test)


def build_model(n_features):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


model = build_model(X_train.shape[1])
stopper = keras.callbacks.EarlyStopping(
    monitor="val_auc", mode="max", patience=5, restore_best_weights=True
)
history = model.fit(
    X_train,
    y_train,
    validation_split=0.15,
    epochs=100,
    batch_size=256,
    callbacks=[stopper],
    verbose=2,
)

loss, auc = model.evaluate(X_test, y_test, verbose=0)
print(f"epochs run: {len(history.history['loss'])}")
print(f"test loss={loss:.4f} test AUC={auc:.4f}")
