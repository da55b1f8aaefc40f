# label: leakage/preprocessing
# twin: pre_keras_adapt__fixed.py
# source: hand-written for ai-ci held-out v2 after keras-io examples/structured_data/structured_data_classification_from_scratch.py (Apache-2.0)
import keras
import numpy as np
import pandas as pd
from keras import layers

dataframe = pd.read_csv("heart.csv")
labels = dataframe.pop("target").to_numpy()
numeric = dataframe[["age", "trestbps", "chol", "thalach", "oldpeak", "slope"]].to_numpy(dtype="float32")

normalizer = layers.Normalization(axis=-1)
normalizer.adapt(numeric)

rng = np.random.default_rng(1337)
order = rng.permutation(len(numeric))
n_val = int(0.2 * len(numeric))
val_idx, train_idx = order[:n_val], order[n_val:]
x_train, y_train = numeric[train_idx], labels[train_idx]
x_val, y_val = numeric[val_idx], labels[val_idx]

model = keras.Sequential([
    keras.Input(shape=(numeric.shape[1],)),
    normalizer,
    layers.Dense(32, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(1, activation="sigmoid"),
])
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=50, batch_size=32, verbose=0)
print(model.evaluate(x_val, y_val, return_dict=True))
