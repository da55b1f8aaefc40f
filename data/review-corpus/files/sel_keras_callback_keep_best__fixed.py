# label: leakage/none
# twin: sel_keras_callback_keep_best__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
from tensorflow import keras


class KeepBestOnHoldout(keras.callbacks.Callback):
    """Remembers the weights of the epoch with the highest AUC on the given data."""

    def __init__(self, x_eval, y_eval):
        super().__init__()
        self.x_eval, self.y_eval = x_eval, y_eval
        self.best_auc, self.best_weights = -np.inf, None

    def on_epoch_end(self, epoch, logs=None):
        _, auc = self.model.evaluate(self.x_eval, self.y_eval, verbose=0)
        if auc > self.best_auc:
            self.best_auc, self.best_weights = auc, self.model.get_weights()


frame = pd.read_csv("churn_features.csv").sample(frac=1.0, random_state=0)
x = frame.drop(columns=["churned"]).to_numpy("float32")
y = frame["churned"].to_numpy("float32")
cut = int(0.8 * len(x))
x_train, x_test, y_train, y_test = x[:cut], x[cut:], y[:cut], y[cut:]
mu, sigma = x_train.mean(0), x_train.std(0) + 1e-6
x_train, x_test = (x_train - mu) / sigma, (x_test - mu) / sigma

model = keras.Sequential(
    [keras.Input(shape=(x.shape[1],)), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1, activation="sigmoid")]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[keras.metrics.AUC(name="auc")])

n_val = len(x_train) // 5
x_fit, x_val, y_fit, y_val = x_train[:-n_val], x_train[-n_val:], y_train[:-n_val], y_train[-n_val:]
keeper = KeepBestOnHoldout(x_val, y_val)
model.fit(x_fit, y_fit, epochs=60, batch_size=256, callbacks=[keeper], verbose=0)
model.set_weights(keeper.best_weights)
print("test AUC:", model.evaluate(x_test, y_test, verbose=0)[1])
