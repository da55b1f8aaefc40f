# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import tensorflow as tf
from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

tf.random.set_seed(7)

housing = fetch_california_housing()
X_train, X_test, y_train, y_test = train_test_split(
    housing.data, housing.target, test_size=0.2, random_state=7
)

scaler = StandardScaler().fit(X_train)
X_train_s = scaler.transform(X_train)
X_test_s = scaler.transform(X_test)


def build_model(n_features):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.1),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="mse",
        metrics=[keras.metrics.RootMeanSquaredError(name="rmse")],
    )
    return model


model = build_model(X_train_s.shape[1])
callbacks = [
    keras.callbacks.ModelCheckpoint("housing_best.keras", monitor="val_rmse", save_best_only=True),
    keras.callbacks.ReduceLROnPlateau(monitor="val_rmse", factor=0.5, patience=8),
]
history = model.fit(
    X_train_s,
    y_train,
    validation_split=0.15,
    epochs=300,
    batch_size=64,
    callbacks=callbacks,
    verbose=0,
)

best = keras.models.load_model("housing_best.keras")
test_loss, test_rmse = best.evaluate(X_test_s, y_test, verbose=0)
print(f"epochs run: {len(history.history['loss'])}")
print(f"test RMSE (100k USD): {test_rmse:.4f}")
