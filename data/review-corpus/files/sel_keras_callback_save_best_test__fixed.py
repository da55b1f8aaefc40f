# label: leakage/none
# twin: sel_keras_callback_save_best_test__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import tensorflow as tf
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0
x_train, x_val = x_train[:-10000], x_train[-10000:]
y_train, y_val = y_train[:-10000], y_train[-10000:]


class SaveWhenBetter(keras.callbacks.Callback):
    def __init__(self, data, path):
        super().__init__()
        self.data, self.path, self.lowest = data, path, float("inf")

    def on_epoch_end(self, epoch, logs=None):
        loss = self.model.evaluate(*self.data, verbose=0)[0]
        if loss < self.lowest:
            self.lowest = loss
            self.model.save_weights(self.path)


model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10)])
model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(x_train, y_train, epochs=20, callbacks=[SaveWhenBetter((x_val, y_val), "best.weights.h5")])
model.load_weights("best.weights.h5")
print("test accuracy:", model.evaluate(x_test, y_test, verbose=0)[1])
