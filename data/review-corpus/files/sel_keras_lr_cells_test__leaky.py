# label: leakage/selection
# twin: sel_keras_lr_cells_test__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
# %%
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(4)
(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0


def build(lr):
    model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10)])
    model.compile(optimizer=keras.optimizers.Adam(lr), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


# %%
results = {}
for lr in (1e-2, 3e-3, 1e-3, 3e-4):
    model = build(lr)
    model.fit(x_train, y_train, epochs=5, verbose=0)
    results[lr] = model.evaluate(x_test, y_test, verbose=0)[1]
best_lr = max(results, key=results.get)
print(f"lr {best_lr}: test accuracy {results[best_lr]:.3f}")
